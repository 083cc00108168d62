/**
 * The grammar of one date as staff write it: "15 juni 2022", "May 4, 2025", "sep. 2022", "hösten
 * 2022", "början av 2024", "H1 2023", "Q3 2023", "2024", "omkring september 2014".
 *
 * A date may lack its year (or month) when it opens a period whose end supplies them, as in
 * "juli–december 2023" and "1–15 juni 2022"; such a date is read as partial and completed by the
 * period grammar. Anything that is recognisably a date but impossible (31 February, Q5, a
 * three-digit year) is thrown as a DateProblem at once rather than left for a vaguer message.
 */
import type { FuzzyDate, Precision } from './fuzzy-date.ts';
import { FIRST_YEAR, LAST_YEAR, daysInMonth, isWithinYearRange } from './calendar.ts';
import { type DateProblem, problem } from './fuzzy-date.error.ts';
import { type DayRange, type NamedRange, type Season, rangeOf } from './named-ranges.ts';
import type { Cursor, NumberToken } from './tokens.ts';
import {
  APPROXIMATELY_WORDS,
  DAY_SUFFIXES,
  EN_PART_OF_WORDS,
  EN_PART_WORDS,
  FILLER_WORDS,
  MONTH_WORDS,
  ORDINAL_WORDS,
  SEASON_WORDS,
  SV_PART_WORDS,
} from './vocabulary.ts';

export interface Dated {
  range: DayRange;
  precision: Precision;
}

/** What a date lacks is taken from the first day of the date that ends its period. */
export type Completion = (year: number, month: number) => Dated;

type Core =
  | ({ kind: 'date' } & Dated)
  | { kind: 'partial'; missing: 'year' | 'month'; day?: number; complete: Completion };

/** A date read from tokens [first, end). */
export type Reading = Core & { first: number; end: number };

/** Words that end a date which opens a period; used only to tell "1–15 juni" from a stray number. */
const SEPARATOR_WORDS: ReadonlySet<string> = new Set(['till', 'to', 'until', 'och', 'and']);

export function readPoint(cursor: Cursor): Reading | undefined {
  const first = cursor.position;
  cursor.acceptWord(FILLER_WORDS);
  const approximate = cursor.acceptWord(APPROXIMATELY_WORDS) !== undefined;
  if (approximate) cursor.acceptWord(FILLER_WORDS);
  cursor.acceptWord('the');
  const core = readCore(cursor);
  if (!core) {
    cursor.position = first;
    return undefined;
  }
  const end = cursor.position;
  if (!approximate) return { ...core, first, end };
  if (core.kind === 'date') return { ...core, precision: 'approximate', first, end };
  const complete: Completion = (year, month) => ({ ...core.complete(year, month), precision: 'approximate' });
  return { ...core, complete, first, end };
}

function readCore(cursor: Cursor): Core | undefined {
  const token = cursor.peek();
  switch (token?.kind) {
    case 'iso-day': cursor.next(); return readIsoDayToken(token.text);
    case 'iso-month': cursor.next(); return readIsoMonthToken(token.text);
    case 'number': return readFromNumber(cursor, token);
    case 'word': return readFromWord(cursor, token.text);
    default: return undefined;
  }
}

function whole(dated: Dated): Core {
  return { kind: 'date', ...dated };
}

function named(range: NamedRange): Core {
  return whole({ range: rangeOf(range), precision: range.kind });
}

function partial(missing: 'year' | 'month', complete: Completion, day?: number): Core {
  return day === undefined ? { kind: 'partial', missing, complete } : { kind: 'partial', missing, complete, day };
}

function checkedDay(year: number, month: number, day: number): Dated {
  if (month < 1 || month > 12) throw problem.invalidMonth(month);
  if (day < 1 || day > daysInMonth(year, month)) throw problem.invalidDay(year, month, day);
  return { range: rangeOf({ kind: 'day', year, month, day }), precision: 'day' };
}

function checkedYear(token: NumberToken): number {
  if (!token.integer || token.text.length !== 4 || token.value < FIRST_YEAR || token.value > LAST_YEAR) {
    throw problem.yearOutOfRange(token.text);
  }
  return token.value;
}

/** The year if a number follows; a number that cannot be a year is an error, not something else. */
function readYear(cursor: Cursor): number | undefined {
  const token = cursor.peekNumber();
  if (!token) return undefined;
  cursor.next();
  return checkedYear(token);
}

function requireYear(cursor: Cursor): number {
  const year = readYear(cursor);
  if (year === undefined) throw problem.missingYear();
  return year;
}

function readIsoDayToken(text: string): Core {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (year < FIRST_YEAR || year > LAST_YEAR) throw problem.yearOutOfRange(text.slice(0, 4));
  return whole(checkedDay(year, month, day));
}

function readIsoMonthToken(text: string): Core {
  const [year, month] = text.split('-').map(Number) as [number, number];
  if (year < FIRST_YEAR || year > LAST_YEAR) throw problem.yearOutOfRange(text.slice(0, 4));
  if (month < 1 || month > 12) throw problem.invalidMonth(month);
  return named({ kind: 'month', year, month });
}

function readFromNumber(cursor: Cursor, token: NumberToken): Core | undefined {
  if (token.integer && token.text.length === 4) {
    cursor.next();
    const year = checkedYear(token);
    return readYearFirstTag(cursor, year) ?? named({ kind: 'year', year });
  }
  if (token.integer && token.text.length <= 2) return readDayFirst(cursor, token.value);
  if (token.integer) throw problem.yearOutOfRange(token.text);
  return undefined;
}

/** "2023 Q3", "2023-Q3", "2023 H1": the hyphenated form only when nothing is spaced, so "2023 – Q3 2024" stays a period. */
function readYearFirstTag(cursor: Cursor, year: number): Core | undefined {
  const offset = cursor.isJoiningDash() ? 1 : 0;
  for (const letter of ['q', 'h'] as const) {
    if (!cursor.isWord(letter, offset)) continue;
    const number = cursor.peekNumber(offset + 1);
    if (!number || number.spaced) continue;
    cursor.position += offset + 2;
    return whole((letter === 'q' ? quarter : half)(number.text)(year));
  }
  return undefined;
}

/** "15 juni 2022", "4th May, 2025", or the "1" of "1–15 juni 2022". */
function readDayFirst(cursor: Cursor, day: number): Core {
  const dayToken = cursor.next();
  if (cursor.isWord(DAY_SUFFIXES) && !cursor.peek()?.spaced) cursor.next();
  const month = cursor.isWord(MONTH_WORDS) ? MONTH_WORDS.get(cursor.peek()?.text ?? '') : undefined;
  if (month !== undefined) {
    cursor.next();
    if (cursor.peek()?.kind === 'comma' && cursor.peekNumber(1)) cursor.next();
    const year = readYear(cursor);
    if (year === undefined) return partial('year', (y) => checkedDay(y, month, day));
    return whole(checkedDay(year, month, day));
  }
  if (isSeparatorAhead(cursor)) return partial('month', (y, m) => checkedDay(y, m, day), day);
  if (cursor.peek()?.kind === 'slash') throw problem.slashedDate();
  // A lone short number is a year written too short ("hösten 22" has the same fault).
  throw problem.yearOutOfRange(dayToken?.text ?? String(day));
}

function isSeparatorAhead(cursor: Cursor): boolean {
  if (cursor.peek()?.kind === 'dash' || cursor.isWord(SEPARATOR_WORDS)) return true;
  return cursor.isWord('fram') && cursor.isWord('till', 1);
}

function readFromWord(cursor: Cursor, word: string): Core | undefined {
  const month = MONTH_WORDS.get(word);
  if (month !== undefined) return readMonthFirst(cursor, month);
  const season = SEASON_WORDS.get(word);
  if (season !== undefined) return readSeason(cursor, season);
  return readPart(cursor, word) ?? readQuarterOrHalf(cursor, word);
}

/** "september 2022", "May 4, 2025", or the "juli" of "juli–december 2023". */
function readMonthFirst(cursor: Cursor, month: number): Core {
  cursor.next();
  const day = cursor.peekNumber();
  if (day?.integer && day.text.length <= 2) {
    const suffixed = cursor.isWord(DAY_SUFFIXES, 1) && !cursor.peek(1)?.spaced ? 1 : 0;
    const comma = cursor.peek(1 + suffixed)?.kind === 'comma' ? 1 : 0;
    const year = cursor.peekNumber(1 + suffixed + comma);
    if (year?.integer && year.text.length === 4) {
      cursor.position += 2 + suffixed + comma;
      return whole(checkedDay(checkedYear(year), month, day.value));
    }
  }
  const year = readYear(cursor);
  const inYear = (y: number): Dated => ({ range: rangeOf({ kind: 'month', year: y, month }), precision: 'month' });
  return year === undefined ? partial('year', inYear) : whole(inYear(year));
}

/** Seasons; a winter needs both its years, since "vintern 2022" could be either side of New Year. */
function readSeason(cursor: Cursor, season: Season): Core {
  cursor.next();
  cursor.acceptWord('of');
  const year = readYear(cursor);
  if (year === undefined) {
    return partial('year', (y) => {
      if (season === 'winter') throw problem.ambiguousWinter(y);
      return { range: rangeOf({ kind: 'season', season, year: y }), precision: 'season' };
    });
  }
  if (season !== 'winter') return named({ kind: 'season', season, year });

  const separator = cursor.peek();
  const second = cursor.peekNumber(1);
  if ((separator?.kind === 'slash' || separator?.kind === 'dash') && second?.integer) {
    const next = year + 1;
    const consecutive = second.text.length === 4
      ? second.value === next
      : second.text.length === 2 && second.value === next % 100;
    if (consecutive) {
      cursor.position += 2;
      const range = rangeOf({ kind: 'season', season, year });
      if (!isWithinYearRange(range.from, range.to)) throw problem.yearOutOfRange(String(next));
      return whole({ range, precision: 'season' });
    }
    if (separator.kind === 'slash') throw problem.invalidWinter(year);
  }
  throw problem.ambiguousWinter(year);
}

/** "början av 2024", "i slutet på 2024", "early 2024", "mid-2024", "end of 2024". */
function readPart(cursor: Cursor, word: string): Core | undefined {
  const svPart = SV_PART_WORDS.get(word);
  if (svPart && (cursor.isWord('av', 1) || cursor.isWord('på', 1))) {
    cursor.position += 2;
    return named({ kind: 'part', part: svPart, year: requireYear(cursor) });
  }
  const enPart = EN_PART_WORDS.get(word);
  if (enPart) {
    cursor.next();
    if (enPart === 'mid' && cursor.isJoiningDash()) cursor.next();
    return named({ kind: 'part', part: enPart, year: requireYear(cursor) });
  }
  const enPartOf = EN_PART_OF_WORDS.get(word);
  if (enPartOf && cursor.isWord('of', 1)) {
    cursor.position += 2;
    return named({ kind: 'part', part: enPartOf, year: requireYear(cursor) });
  }
  return undefined;
}

/**
 * "Q3 2023", "kvartal 3 2023", "tredje kvartalet 2023", "third quarter of 2023", "H1 2023",
 * "första halvåret 2023", "second half of 2023".
 */
function readQuarterOrHalf(cursor: Cursor, word: string): Core | undefined {
  const tagged = cursor.peekNumber(1);
  if ((word === 'q' || word === 'kvartal' || word === 'kv' || word === 'h') && tagged) {
    cursor.position += 2;
    return withOptionalYear(cursor, word === 'h' ? half(tagged.text) : quarter(tagged.text));
  }
  const ordinal = ORDINAL_WORDS.get(word);
  if (ordinal === undefined) return undefined;
  const unit = cursor.isWord(QUARTER_NOUNS, 1) ? quarter : cursor.isWord(HALF_NOUNS, 1) ? half : undefined;
  if (!unit) return undefined;
  cursor.position += 2;
  cursor.acceptWord(ORDINAL_LINKS);
  return withOptionalYear(cursor, unit(String(ordinal)));
}

const QUARTER_NOUNS: ReadonlySet<string> = new Set(['kvartalet', 'kvartal', 'quarter']);
const HALF_NOUNS: ReadonlySet<string> = new Set(['halvåret', 'halvår', 'halvan', 'half']);
const ORDINAL_LINKS: ReadonlySet<string> = new Set(['av', 'i', 'of', 'in']);

type InYear = (year: number) => Dated;

/** The number is checked before the year is known: "Q5" is wrong whatever year a period later supplies. */
function quarter(number: string): InYear {
  const value = Number(number);
  if (!/^\d+$/.test(number) || value < 1 || value > 4) throw problem.invalidQuarter(number);
  return (year) => ({ range: rangeOf({ kind: 'quarter', quarter: value, year }), precision: 'quarter' });
}

function half(number: string): InYear {
  const value = Number(number);
  if (!/^\d+$/.test(number) || value < 1 || value > 2) throw problem.invalidHalf(number);
  return (year) => ({ range: rangeOf({ kind: 'half', half: value, year }), precision: 'half' });
}

function withOptionalYear(cursor: Cursor, inYear: InYear): Core {
  const year = readYear(cursor);
  if (year === undefined) return partial('year', inYear);
  return whole(inYear(year));
}

/** The bound as stored: its span, its precision and the words that named it. */
export function fuzzyDateOf(dated: Dated, phrase: string): FuzzyDate {
  return { from: dated.range.from, to: dated.range.to, precision: dated.precision, phrase };
}

/** A date that must be there and complete, as after "till" or in a duration's anchor. */
export function requireDate(cursor: Cursor): Reading & Dated {
  const reading = readPoint(cursor);
  if (!reading) throw cursor.position === 0 ? problem.notADate() : problem.unrecognised(cursor.rest());
  if (reading.kind === 'partial') throw incomplete(reading);
  return reading;
}

/** Why a partial date cannot stand on its own ("mars" has no year, the "1" of "1 – juni 2022" no month). */
export function incomplete(reading: Extract<Reading, { kind: 'partial' }>): DateProblem {
  return reading.missing === 'year' ? problem.missingYear() : problem.missingMonth(reading.day ?? 0);
}

/** After the last date nothing may follow; say whether a separator was forgotten or the words are unknown. */
export function requireEnd(cursor: Cursor, after: { first: number; end: number }): void {
  if (cursor.atEnd) return;
  const read = cursor.textOf(after.first, after.end);
  let anotherDate: boolean;
  try {
    anotherDate = readPoint(cursor.clone()) !== undefined;
  } catch {
    anotherDate = true;
  }
  throw anotherDate ? problem.missingSeparator(read, cursor.rest()) : problem.trailing(read, cursor.rest());
}
