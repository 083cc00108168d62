/**
 * Day arithmetic on ISO days ('YYYY-MM-DD'). Days stay strings everywhere in the dates module so
 * that a stored value, a comparison and an export all use the same text; Date is only used inside
 * addDays, in UTC, where no time zone can move a day.
 */

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The years a phrase may name: wide enough for any activity, narrow enough to catch typos. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isoDay(year: number, month: number, day: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day an ISO text names, or undefined when it is malformed or no such day exists. */
export function readIsoDay(text: string): CalendarDay | undefined {
  const match = ISO_DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function expectIsoDay(text: string): CalendarDay {
  const day = readIsoDay(text);
  if (!day) throw new RangeError(`Not an ISO day: ${JSON.stringify(text)}`);
  return day;
}

/** Months counted from year 0, so that month arithmetic is plain addition. */
export function monthOrdinal(day: string): number {
  const { year, month } = expectIsoDay(day);
  return year * 12 + month - 1;
}

export function firstDayOfMonthOrdinal(ordinal: number): string {
  return isoDay(Math.floor(ordinal / 12), (ordinal % 12) + 1, 1);
}

export function lastDayOfMonthOrdinal(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  const month = (ordinal % 12) + 1;
  return isoDay(year, month, daysInMonth(year, month));
}

export function addDays(day: string, days: number): string {
  const { year, month, day: d } = expectIsoDay(day);
  const moved = new Date(Date.UTC(year, month - 1, d + days));
  return isoDay(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Same day of the month, months later; a day the target month lacks becomes its last day. */
export function addMonths(day: string, months: number): string {
  const { day: d } = expectIsoDay(day);
  const ordinal = monthOrdinal(day) + months;
  const year = Math.floor(ordinal / 12);
  const month = (ordinal % 12) + 1;
  return isoDay(year, month, Math.min(d, daysInMonth(year, month)));
}

export function yearOf(day: string): number {
  return expectIsoDay(day).year;
}

export function isWithinYearRange(from: string, to: string): boolean {
  return from >= isoDay(FIRST_YEAR, 1, 1) && to <= isoDay(LAST_YEAR, 12, 31);
}
