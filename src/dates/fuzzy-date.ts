/**
 * Fuzzy dates: the bounds of an activity as staff actually state them ("hösten 2022", "Q3 2023",
 * "1,5 år, avslutades i mars 2016"). Each bound keeps the span of days it may mean, how precisely
 * it was given and the original words, so that nothing is ever made more precise than the source.
 * The parser lives in fuzzy-date.parse.ts and the formatter in fuzzy-date.format.ts.
 */
import { readIsoDay } from './calendar.ts';
import { namedRangeOf } from './named-ranges.ts';

export { FUZZY_DATE_ERROR_CODES, FuzzyDateError, type FuzzyDateErrorCode } from './fuzzy-date.error.ts';
export { parseFuzzyDate, parsePeriod } from './fuzzy-date.parse.ts';

export const PRECISIONS = ['day', 'month', 'season', 'part', 'quarter', 'half', 'year', 'approximate'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** One bound as the source states it: a closed range of ISO days plus its precision and the original words. */
export interface FuzzyDate {
  /** First possible day, 'YYYY-MM-DD'. */
  from: string;
  /** Last possible day, 'YYYY-MM-DD'; never before `from`. */
  to: string;
  precision: Precision;
  phrase: string;
}

export interface FuzzyPeriod {
  start?: FuzzyDate;
  end?: FuzzyDate;
  phrase: string;
}

/** The first day the bound may mean: what an IATI export writes for a start. */
export function anchorStart(d: FuzzyDate): string {
  return d.from;
}

/** The last day the bound may mean: what an IATI export writes for an end. */
export function anchorEnd(d: FuzzyDate): string {
  return d.to;
}

/** Earlier first, and of two bounds starting the same day the narrower first. */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to < b.to ? -1 : 1;
  return 0;
}

function isPrecision(value: unknown): value is Precision {
  return (PRECISIONS as readonly unknown[]).includes(value);
}

/**
 * A FuzzyDate as the parser makes them: real ISO days in order, and a span that matches its
 * precision (a 'month' covers exactly one calendar month; an 'approximate' bound covers a span
 * that has a name). Stored values are checked with this before they are formatted.
 */
export function isFuzzyDate(value: unknown): value is FuzzyDate {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to, precision, phrase } = value as Record<string, unknown>;
  if (typeof from !== 'string' || typeof to !== 'string' || typeof phrase !== 'string') return false;
  if (!isPrecision(precision) || !readIsoDay(from) || !readIsoDay(to) || from > to) return false;
  const named = namedRangeOf({ from, to });
  return named !== undefined && (precision === 'approximate' || named.kind === precision);
}
