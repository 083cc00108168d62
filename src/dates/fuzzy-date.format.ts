/**
 * Fuzzy dates and periods written as a person would say them, in Swedish or English. Everything
 * written here reads back through the parser to the same days and precision, so a formatted
 * period can be edited and saved without drifting.
 */
import type { Lang } from '../shared/i18n.ts';
import { isoDay } from './calendar.ts';
import { type FuzzyDate, type FuzzyPeriod, isFuzzyDate } from './fuzzy-date.ts';
import { type NamedRange, namedRangeOf } from './named-ranges.ts';
import {
  APPROXIMATELY_PREFIX,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  OPEN_PERIOD_WORDS,
  ORDINAL_NAMES,
  PART_PREFIXES,
  SEASON_NAMES,
  wordAt,
} from './vocabulary.ts';

export type FormatStyle = 'long' | 'short';

/** "hösten 2022" / "autumn 2022"; "4 maj 2025" / "4 May 2025"; short: "sep. 2022" / "Sep 2022", days as ISO. */
export function formatFuzzyDate(date: FuzzyDate, lang: Lang, style: FormatStyle = 'long'): string {
  const text = describe(nameOf(date), lang, style);
  return date.precision === 'approximate' ? `${APPROXIMATELY_PREFIX[lang][style]} ${text}` : text;
}

/**
 * "1 juli 2021 – 15 juni 2022", "2024–2026", "juli–december 2023", "från september 2022",
 * "till december 2024"; a period that starts and ends with the same bound prints it once, and a
 * period with neither bound prints nothing.
 */
export function formatPeriod(period: FuzzyPeriod, lang: Lang, style: FormatStyle = 'long'): string {
  const { start, end } = period;
  if (start && end) {
    if (start.from === end.from && start.to === end.to && start.precision === end.precision) {
      return formatFuzzyDate(start, lang, style);
    }
    return joined(start, end, lang, style)
      ?? `${formatFuzzyDate(start, lang, style)} – ${formatFuzzyDate(end, lang, style)}`;
  }
  if (start) return `${OPEN_PERIOD_WORDS[lang].from} ${formatFuzzyDate(start, lang, style)}`;
  if (end) return `${OPEN_PERIOD_WORDS[lang].until} ${formatFuzzyDate(end, lang, style)}`;
  return '';
}

function nameOf(date: FuzzyDate): NamedRange {
  const named = isFuzzyDate(date) ? namedRangeOf(date) : undefined;
  if (!named) throw new RangeError(`Not a well-formed FuzzyDate: ${JSON.stringify(date)}`);
  return named;
}

function monthWord(month: number, lang: Lang, style: FormatStyle): string {
  return wordAt(style === 'short' ? MONTH_ABBREVIATIONS[lang] : MONTH_NAMES[lang], month - 1);
}

function describe(named: NamedRange, lang: Lang, style: FormatStyle): string {
  const short = style === 'short';
  switch (named.kind) {
    case 'day':
      if (short) return isoDay(named.year, named.month, named.day);
      return `${named.day} ${monthWord(named.month, lang, style)} ${named.year}`;
    case 'month':
      return `${monthWord(named.month, lang, style)} ${named.year}`;
    case 'season': {
      const name = SEASON_NAMES[lang][named.season];
      if (named.season !== 'winter') return `${name} ${named.year}`;
      const next = lang === 'sv' ? String(named.year + 1) : String((named.year + 1) % 100).padStart(2, '0');
      return `${name} ${named.year}/${next}`;
    }
    case 'part':
      return `${PART_PREFIXES[lang][named.part]}${named.year}`;
    case 'half':
      if (short) return `H${named.half} ${named.year}`;
      return lang === 'sv'
        ? `${wordAt(ORDINAL_NAMES.sv, named.half - 1)} halvåret ${named.year}`
        : `${wordAt(ORDINAL_NAMES.en, named.half - 1)} half of ${named.year}`;
    case 'quarter':
      return lang === 'sv' && !short
        ? `${wordAt(ORDINAL_NAMES.sv, named.quarter - 1)} kvartalet ${named.year}`
        : `Q${named.quarter} ${named.year}`;
    case 'year':
      return String(named.year);
  }
}

/** The shared year (and month) written once: "2024–2026", "juli–december 2023", "1–15 juni 2022". */
function joined(start: FuzzyDate, end: FuzzyDate, lang: Lang, style: FormatStyle): string | undefined {
  const a = nameOf(start);
  const b = nameOf(end);
  if (start.precision === 'year' && end.precision === 'year') return `${a.year}–${b.year}`;
  if (a.year !== b.year) return undefined;
  if (a.kind === 'month' && b.kind === 'month' && start.precision === 'month' && end.precision === 'month') {
    return `${monthWord(a.month, lang, style)}–${monthWord(b.month, lang, style)} ${b.year}`;
  }
  if (a.kind === 'day' && b.kind === 'day' && start.precision === 'day' && end.precision === 'day' && style === 'long') {
    if (a.month === b.month) return `${a.day}–${b.day} ${monthWord(b.month, lang, style)} ${b.year}`;
    return `${a.day} ${monthWord(a.month, lang, style)} – ${b.day} ${monthWord(b.month, lang, style)} ${b.year}`;
  }
  return undefined;
}
