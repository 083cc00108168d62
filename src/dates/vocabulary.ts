/**
 * The words staff use for dates, in Swedish and English: what the parser accepts (lower-case,
 * without a trailing dot) and what the formatter writes. Names are spelt out here rather than taken
 * from Intl because ICU versions disagree on Swedish abbreviations, and stored text must not change
 * with the runtime.
 */
import type { Lang } from '../shared/i18n.ts';
import type { Season, YearPart } from './named-ranges.ts';

export const MONTH_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Swedish style abbreviates with a dot and leaves the short names (mars, maj, juni, juli) whole. */
export const MONTH_ABBREVIATIONS: Readonly<Record<Lang, readonly string[]>> = {
  sv: ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Month number (1–12) for every spelling accepted, both languages mixed: none collide. */
export const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...[...MONTH_NAMES.sv, ...MONTH_NAMES.en].map((name, i) => [name.toLowerCase(), (i % 12) + 1] as const),
  ...(['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const).map((w, i) => [w, i + 1] as const),
  ...(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const).map((w, i) => [w, i + 1] as const),
  ['sept', 9],
]);

export const SEASON_WORDS: ReadonlyMap<string, Season> = new Map<string, Season>([
  ['våren', 'spring'], ['vår', 'spring'], ['sommaren', 'summer'], ['sommar', 'summer'],
  ['hösten', 'autumn'], ['höst', 'autumn'], ['vintern', 'winter'], ['vinter', 'winter'],
  ['spring', 'spring'], ['summer', 'summer'], ['autumn', 'autumn'], ['fall', 'autumn'], ['winter', 'winter'],
]);

export const SEASON_NAMES: Readonly<Record<Lang, Readonly<Record<Season, string>>>> = {
  sv: { spring: 'våren', summer: 'sommaren', autumn: 'hösten', winter: 'vintern' },
  en: { spring: 'spring', summer: 'summer', autumn: 'autumn', winter: 'winter' },
};

/** Swedish parts of a year, each followed by "av" (or colloquial "på") and the year. */
export const SV_PART_WORDS: ReadonlyMap<string, YearPart> = new Map<string, YearPart>([
  ['början', 'early'], ['mitten', 'mid'], ['slutet', 'late'],
]);
/** English parts written straight before the year: "early 2024", "mid-2024", "late 2024". */
export const EN_PART_WORDS: ReadonlyMap<string, YearPart> = new Map<string, YearPart>([
  ['early', 'early'], ['mid', 'mid'], ['late', 'late'],
]);
/** English parts followed by "of": "end of 2024". */
export const EN_PART_OF_WORDS: ReadonlyMap<string, YearPart> = new Map<string, YearPart>([
  ['beginning', 'early'], ['start', 'early'], ['middle', 'mid'], ['end', 'late'],
]);

/** Written before the year; the English "mid-" joins it without a space. */
export const PART_PREFIXES: Readonly<Record<Lang, Readonly<Record<YearPart, string>>>> = {
  sv: { early: 'början av ', mid: 'mitten av ', late: 'slutet av ' },
  en: { early: 'early ', mid: 'mid-', late: 'late ' },
};

export const ORDINAL_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  sv: ['första', 'andra', 'tredje', 'fjärde'],
  en: ['first', 'second', 'third', 'fourth'],
};

export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ...ORDINAL_NAMES.sv.map((w, i) => [w, i + 1] as const),
  ...ORDINAL_NAMES.en.map((w, i) => [w, i + 1] as const),
]);

/** "4th May 2025", "May 4th, 2025". */
export const DAY_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...['ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'].map((w, i) => [w, i + 1] as const),
  ['en', 1],
  ...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].map((w, i) => [w, i + 1] as const),
]);

/** Words that make a date approximate when written before it. */
export const APPROXIMATELY_WORDS: ReadonlySet<string> = new Set([
  'omkring', 'ca', 'cirka', 'ungefär', 'runt', 'around', 'about', 'approximately', 'approx', 'circa', 'c',
]);

export const APPROXIMATELY_PREFIX: Readonly<Record<Lang, Readonly<Record<'long' | 'short', string>>>> = {
  sv: { long: 'omkring', short: 'ca' },
  en: { long: 'around', short: 'c.' },
};

/** Words that may stand before a date without changing it: "under 2022", "i mars 2016", "den 31 december 2020". */
export const FILLER_WORDS: ReadonlySet<string> = new Set(['i', 'under', 'den', 'in', 'during', 'on']);

/** Open periods as written: "från september 2022", "till december 2024". */
export const OPEN_PERIOD_WORDS: Readonly<Record<Lang, { from: string; until: string }>> = {
  sv: { from: 'från', until: 'till' },
  en: { from: 'from', until: 'until' },
};

/** Look a word up in a list by index without an unchecked access. */
export function wordAt(list: readonly string[], index: number): string {
  const word = list[index];
  if (word === undefined) throw new RangeError(`No word at index ${index}`);
  return word;
}
