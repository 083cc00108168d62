/**
 * Periods given as a length hung on one known date: "1,5 år, avslutades i mars 2016", "treårigt
 * projekt som påbörjades i september 2017", "3 years, ended December 2020". The unknown bound is
 * worked out from the known one and marked approximate; a length with no date is an error, never
 * a guess.
 */
import type { FuzzyDate, FuzzyPeriod } from './fuzzy-date.ts';
import {
  addDays,
  addMonths,
  firstDayOfMonthOrdinal,
  isWithinYearRange,
  lastDayOfMonthOrdinal,
  monthOrdinal,
  yearOf,
} from './calendar.ts';
import { problem } from './fuzzy-date.error.ts';
import { type DayRange, namedRangeOf } from './named-ranges.ts';
import { fuzzyDateOf, requireDate, requireEnd } from './point-grammar.ts';
import type { Cursor } from './tokens.ts';
import { NUMBER_WORDS } from './vocabulary.ts';

interface Duration {
  months: number;
  text: string;
}

const YEAR_UNITS: ReadonlySet<string> = new Set(['år', 'års', 'year', 'years', 'yr', 'yrs']);
const MONTH_UNITS: ReadonlySet<string> = new Set(['månad', 'månader', 'månaders', 'mån', 'month', 'months']);
/** Second halves of "3-årigt", "three-year", "18-month". */
const JOINED_YEAR_UNITS: ReadonlySet<string> = new Set(['årig', 'årigt', 'åriga', 'year']);
const JOINED_MONTH_UNITS: ReadonlySet<string> = new Set(['månaders', 'month']);
/** "treårigt", "tvåårig", "femåriga". */
const SWEDISH_COMPOUND = /^(ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)årig[ate]?$/u;
const HALF_MORE: readonly (readonly string[])[] = [['och', 'ett', 'halvt'], ['och', 'en', 'halv'], ['and', 'a', 'half']];
const ARTICLES: ReadonlySet<string> = new Set(['ett', 'en', 'a', 'an']);

const NOUNS: ReadonlySet<string> = new Set([
  'projekt', 'projektet', 'program', 'programmet', 'insats', 'insatsen', 'samarbete', 'samarbetet',
  'project', 'programme', 'period', 'perioden',
]);
const RELATIVES: ReadonlySet<string> = new Set(['som', 'och', 'that', 'which', 'and']);
const END_VERBS: readonly (readonly string[])[] = [
  ['avslutades'], ['avslutad'], ['slutade'], ['upphörde'], ['löpte', 'ut'], ['till'], ['fram', 'till'],
  ['ended'], ['finished'], ['concluded'], ['closed'], ['ending'], ['until'],
];
const START_VERBS: readonly (readonly string[])[] = [
  ['påbörjades'], ['började'], ['startade'], ['inleddes'], ['från'],
  ['started'], ['began'], ['starting'], ['from'],
];

/** The longest duration taken seriously: past that the figure is surely a typo. */
const MAX_MONTHS = 100 * 12;

/** A period built from a duration, or undefined when the text does not open with one. */
export function readDurationPeriod(cursor: Cursor, phrase: string): FuzzyPeriod | undefined {
  const duration = readDuration(cursor);
  if (!duration) return undefined;
  const durationEnd = cursor.position;

  cursor.acceptWord(NOUNS);
  if (cursor.peek()?.kind === 'comma') cursor.next();
  cursor.acceptWord(RELATIVES);
  const ended = cursor.acceptSequence(END_VERBS) !== undefined;
  const started = !ended && cursor.acceptSequence(START_VERBS) !== undefined;
  if (cursor.atEnd) throw problem.durationWithoutAnchor(duration.text);
  if (!ended && !started) throw problem.trailing(cursor.textOf(0, durationEnd), cursor.rest());

  const reading = requireDate(cursor);
  requireEnd(cursor, reading);
  const anchor = fuzzyDateOf(reading, cursor.textOf(reading.first, reading.end));
  const derived = deriveBound(anchor, duration, ended ? 'start' : 'end', phrase);
  return ended ? { start: derived, end: anchor, phrase } : { start: anchor, end: derived, phrase };
}

function deriveBound(anchor: FuzzyDate, duration: Duration, derived: 'start' | 'end', phrase: string): FuzzyDate {
  const range = shift(anchor, derived === 'start' ? -duration.months : duration.months);
  if (!namedRangeOf(range)) throw problem.impreciseAnchor(anchor.phrase, duration.text, derived);
  if (!isWithinYearRange(range.from, range.to)) {
    throw problem.derivedOutOfRange(derived, yearOf(derived === 'start' ? range.from : range.to));
  }
  return { ...range, precision: 'approximate', phrase };
}

function shift(anchor: DayRange, months: number): DayRange {
  if (anchor.from === anchor.to) {
    // A day is an inclusive bound: five years ending 31 December 2020 began on 1 January 2016.
    const day = months < 0 ? addMonths(addDays(anchor.to, 1), months) : addDays(addMonths(anchor.from, months), -1);
    return { from: day, to: day };
  }
  // A coarser bound moves by whole months, keeping its shape: 18 months before March 2016 is September 2014.
  return {
    from: firstDayOfMonthOrdinal(monthOrdinal(anchor.from) + months),
    to: lastDayOfMonthOrdinal(monthOrdinal(anchor.to) + months),
  };
}

function readDuration(cursor: Cursor): Duration | undefined {
  const first = cursor.position;
  const months = readJoined(cursor) ?? readWithUnit(cursor) ?? readAfterArticle(cursor);
  if (months === undefined) return undefined;
  const text = cursor.textOf(first, cursor.position);
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) throw problem.invalidDuration(text);
  return { months, text };
}

function readAmount(cursor: Cursor): number | undefined {
  const token = cursor.peek();
  const amount = token?.kind === 'number' ? token.value : NUMBER_WORDS.get(token?.kind === 'word' ? token.text : '');
  if (amount === undefined) return undefined;
  cursor.next();
  return cursor.acceptSequence(HALF_MORE) ? amount + 0.5 : amount;
}

/** "2 år", "18 månader", "ett och ett halvt år", "1.5 years". */
function readWithUnit(cursor: Cursor): number | undefined {
  const start = cursor.position;
  const amount = readAmount(cursor);
  if (amount !== undefined) {
    if (cursor.acceptWord(YEAR_UNITS)) return amount * 12;
    if (cursor.acceptWord(MONTH_UNITS)) return amount;
  }
  cursor.position = start;
  return undefined;
}

/** "treårigt", "3-årigt", "three-year", "18-month". */
function readJoined(cursor: Cursor): number | undefined {
  const start = cursor.position;
  const token = cursor.peek();
  const compound = token?.kind === 'word' ? SWEDISH_COMPOUND.exec(token.text) : null;
  const years = compound ? NUMBER_WORDS.get(compound[1] ?? '') : undefined;
  if (years !== undefined) {
    cursor.next();
    return years * 12;
  }
  const amount = readAmount(cursor);
  const dash = cursor.peek();
  const unit = cursor.peek(1);
  if (amount !== undefined && dash?.kind === 'dash' && !dash.spaced && unit?.kind === 'word' && !unit.spaced) {
    if (JOINED_YEAR_UNITS.has(unit.text)) {
      cursor.position += 2;
      return amount * 12;
    }
    if (JOINED_MONTH_UNITS.has(unit.text)) {
      cursor.position += 2;
      return amount;
    }
  }
  cursor.position = start;
  return undefined;
}

/** "ett treårigt projekt", "a three-year project": the article is not a count. */
function readAfterArticle(cursor: Cursor): number | undefined {
  if (!cursor.isWord(ARTICLES)) return undefined;
  const start = cursor.position;
  cursor.next();
  const months = readJoined(cursor);
  if (months === undefined) cursor.position = start;
  return months;
}
