/**
 * The calendar spans people name: a day, a month, a season, a part, quarter or half of a year, a
 * year. A FuzzyDate stores only its first and last day, so the formatter (and the validity check)
 * recovers the name from the span; no two kinds share a span, so the name is never in doubt.
 */
import {
  daysInMonth,
  firstDayOfMonthOrdinal,
  isoDay,
  lastDayOfMonthOrdinal,
  monthOrdinal,
  readIsoDay,
} from './calendar.ts';

export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

export const YEAR_PARTS = ['early', 'mid', 'late'] as const;
export type YearPart = (typeof YEAR_PARTS)[number];

/** A closed span of ISO days. */
export interface DayRange {
  from: string;
  to: string;
}

export type NamedRange =
  | { kind: 'day'; year: number; month: number; day: number }
  | { kind: 'month'; year: number; month: number }
  /** A winter belongs to the year its December is in. */
  | { kind: 'season'; season: Season; year: number }
  | { kind: 'part'; part: YearPart; year: number }
  | { kind: 'quarter'; quarter: number; year: number }
  | { kind: 'half'; half: number; year: number }
  | { kind: 'year'; year: number };

/** Meteorological seasons, which is what Swedes mean by "hösten 2022". */
const SEASON_FIRST_MONTH: Readonly<Record<Season, number>> = { spring: 3, summer: 6, autumn: 9, winter: 12 };
/** Thirds of a year: "början av", "mitten av", "slutet av". */
const PART_FIRST_MONTH: Readonly<Record<YearPart, number>> = { early: 1, mid: 5, late: 9 };

function monthsFrom(year: number, firstMonth: number, count: number): DayRange {
  const first = year * 12 + firstMonth - 1;
  return { from: firstDayOfMonthOrdinal(first), to: lastDayOfMonthOrdinal(first + count - 1) };
}

export function rangeOf(named: NamedRange): DayRange {
  switch (named.kind) {
    case 'day': {
      const day = isoDay(named.year, named.month, named.day);
      return { from: day, to: day };
    }
    case 'month': return monthsFrom(named.year, named.month, 1);
    case 'season': return monthsFrom(named.year, SEASON_FIRST_MONTH[named.season], 3);
    case 'part': return monthsFrom(named.year, PART_FIRST_MONTH[named.part], 4);
    case 'quarter': return monthsFrom(named.year, named.quarter * 3 - 2, 3);
    case 'half': return monthsFrom(named.year, named.half * 6 - 5, 6);
    case 'year': return monthsFrom(named.year, 1, 12);
  }
}

function keyWithValue<K extends string>(record: Readonly<Record<K, number>>, value: number): K | undefined {
  return (Object.keys(record) as K[]).find((key) => record[key] === value);
}

/** The name of a span, or undefined when nobody would name it that way (e.g. April–June 2019 is fine, April–July is not). */
export function namedRangeOf(range: DayRange): NamedRange | undefined {
  const from = readIsoDay(range.from);
  const to = readIsoDay(range.to);
  if (!from || !to || range.from > range.to) return undefined;
  if (range.from === range.to) return { kind: 'day', ...from };
  if (from.day !== 1 || to.day !== daysInMonth(to.year, to.month)) return undefined;

  const months = monthOrdinal(range.to) - monthOrdinal(range.from) + 1;
  const { year, month } = from;
  if (months === 1) return { kind: 'month', year, month };
  if (months === 12 && month === 1) return { kind: 'year', year };
  if (months === 3) {
    const season = keyWithValue(SEASON_FIRST_MONTH, month);
    if (season) return { kind: 'season', season, year };
    if (month % 3 === 1) return { kind: 'quarter', quarter: (month + 2) / 3, year };
  }
  if (months === 4) {
    const part = keyWithValue(PART_FIRST_MONTH, month);
    if (part) return { kind: 'part', part, year };
  }
  if (months === 6 && month % 6 === 1) return { kind: 'half', half: (month + 5) / 6, year };
  return undefined;
}
