/**
 * Reading a period: up to two dates, with the words around them ("från", "mellan … och", "till",
 * "since"), or a duration hung on one date. A single date is the same grammar with nothing around
 * it, so parseFuzzyDate and parsePeriod can never disagree about what a date is.
 */
import type { FuzzyDate, FuzzyPeriod } from './fuzzy-date.ts';
import { readDurationPeriod } from './duration-grammar.ts';
import { DateProblem, problem, toFuzzyDateError } from './fuzzy-date.error.ts';
import { type Dated, type Reading, fuzzyDateOf, incomplete, readPoint, requireDate, requireEnd } from './point-grammar.ts';
import { Cursor, tokenize } from './tokens.ts';

type Lead = 'from' | 'between' | 'until';

const LEADS: readonly (readonly [Lead, readonly string[]])[] = [
  ['from', ['från']], // "fr.o.m." arrives as "från"
  ['from', ['from']],
  ['from', ['sedan']],
  ['from', ['since']],
  ['between', ['mellan']],
  ['between', ['between']],
  ['until', ['till', 'och', 'med']], // "t.o.m." arrives as "till"
  ['until', ['fram', 'till']],
  ['until', ['till']],
  ['until', ['until']],
];

const BETWEEN_SEPARATORS: readonly (readonly string[])[] = [['och'], ['and']];
const SEPARATORS: readonly (readonly string[])[] = [['till', 'och', 'med'], ['fram', 'till'], ['till'], ['to'], ['until']];

/** One point or range in time: "september 2022", "hösten 2022", "Q3 2023", "2022-06-15". */
export function parseFuzzyDate(phrase: string): FuzzyDate {
  const trimmed = phrase.trim();
  return explained(trimmed, 'date', () => {
    const { period, single } = readPeriod(trimmed);
    if (!single || !period.start) throw problem.isPeriod();
    return { ...period.start, phrase: trimmed };
  });
}

/** A period as staff write it; a single date gives a period that starts and ends with it. */
export function parsePeriod(phrase: string): FuzzyPeriod {
  const trimmed = phrase.trim();
  return explained(trimmed, 'period', () => ({ ...readPeriod(trimmed).period, phrase: trimmed }));
}

function explained<T>(phrase: string, subject: 'date' | 'period', read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DateProblem) throw toFuzzyDateError(error, phrase, subject);
    throw error;
  }
}

/** `single` is true when the text is one date and nothing else. */
function readPeriod(phrase: string): { period: FuzzyPeriod; single: boolean } {
  const text = phrase.normalize('NFC');
  const cursor = new Cursor(tokenize(text), text);
  if (cursor.atEnd) throw problem.empty();

  const fromDuration = readDurationPeriod(cursor, phrase);
  if (fromDuration) return { period: fromDuration, single: false };

  const lead = readLead(cursor);
  if (lead && cursor.atEnd) throw problem.missingDate(cursor.textOf(0, cursor.position));

  if (lead === 'until') {
    const end = requireDate(cursor);
    requireEnd(cursor, end);
    return { period: { end: boundOf(cursor, end), phrase }, single: false };
  }

  const start = readPoint(cursor);
  if (!start) throw cursor.position === 0 ? problem.notADate() : problem.unrecognised(cursor.rest());

  if (cursor.atEnd) {
    if (lead === 'between') throw problem.betweenNeedsTwo(cursor.textOf(0, 1));
    const date = boundOf(cursor, completeAlone(start));
    if (lead) return { period: { start: date, phrase }, single: false };
    return { period: { start: date, end: { ...date }, phrase }, single: true };
  }

  const separatorFirst = cursor.position;
  if (!readSeparator(cursor, lead)) {
    completeAlone(start);
    requireEnd(cursor, start);
  }
  if (cursor.atEnd) throw problem.missingDate(cursor.textOf(separatorFirst, cursor.position));

  const endReading = requireDate(cursor);
  requireEnd(cursor, endReading);
  const end = boundOf(cursor, endReading);
  const startDate = start.kind === 'date'
    ? boundOf(cursor, start)
    : fuzzyDateOf(completeFromEnd(start, end), cursor.textOf(start.first, start.end));
  if (end.to < startDate.from) throw problem.endBeforeStart(startDate.phrase, end.phrase);
  return { period: { start: startDate, end, phrase }, single: false };
}

function readLead(cursor: Cursor): Lead | undefined {
  for (const [lead, words] of LEADS) {
    if (cursor.acceptSequence([words])) return lead;
  }
  return undefined;
}

function readSeparator(cursor: Cursor, lead: Lead | undefined): boolean {
  if (cursor.peek()?.kind === 'dash') {
    cursor.next();
    return true;
  }
  return cursor.acceptSequence(lead === 'between' ? BETWEEN_SEPARATORS : SEPARATORS) !== undefined;
}

function boundOf(cursor: Cursor, reading: Reading & Dated): FuzzyDate {
  return fuzzyDateOf(reading, cursor.textOf(reading.first, reading.end));
}

/** A date with nothing after it to borrow from must be complete ("mars" alone has no year). */
function completeAlone(reading: Reading): Reading & Dated {
  if (reading.kind === 'date') return reading;
  throw incomplete(reading);
}

/** "juli–december 2023", "1–15 juni 2022": the start takes what it lacks from the end's first day. */
function completeFromEnd(start: Extract<Reading, { kind: 'partial' }>, end: FuzzyDate): Dated {
  if (start.missing === 'month' && end.from !== end.to) throw problem.missingMonth(start.day ?? 0);
  const [year, month] = end.from.split('-').map(Number) as [number, number];
  return start.complete(year, month);
}
