/**
 * What every chart shares: the colours (checked for contrast in chart.shared.test.ts), the ids
 * that tie an <svg> to its <title> and <desc>, number and count wording in both languages, and a
 * text-width estimate so that labels can be cut before they overflow. Charts are rendered on the
 * server without a font engine, so widths are estimated from Arial-like advance widths.
 */
import type { Lang, Message } from '../shared/i18n.ts';

/** Colours on white. Ratios are WCAG contrast ratios, asserted in the tests. */
export const COLOURS = {
  /** Text: 16.5:1 on white. */
  ink: '#1f1f1f',
  /** Axis and secondary text: 7.0:1 on white. */
  muted: '#595959',
  /** Bars and highlighted countries: 6.4:1 on white, 5.3:1 on `land`. */
  accent: '#1f5fa8',
  /** The "today" line and its label: 6.5:1 on white. */
  today: '#b3261e',
  /** Base layer of the maps: context only, carries no information. */
  land: '#e8e8e8',
  /** Country borders in the base layer: 3.4:1 on white. */
  border: '#8c8c8c',
  /** Grid lines: decorative, every value they mark is also written as text. */
  grid: '#d4d4d4',
  /** Outline that separates neighbouring highlighted shapes. */
  separator: '#ffffff',
} as const;

/**
 * Sequential classes for the world map, lightest first. Even the lightest is 3.9:1 on white and
 * 3.2:1 on `land`, so a country with activities stands out from one without.
 */
export const SEQUENTIAL = ['#5582b9', '#436a9c', '#325380', '#223f68', '#132b50'] as const;

/** WCAG 2.1 relative luminance of a '#rrggbb' colour. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The ids inside one chart, all derived from the caller's `id` so two charts on a page never clash. */
export function chartIds(id: string) {
  return { title: `${id}-title`, desc: `${id}-desc` };
}

/**
 * The accessible name and description of the root <svg>. A chart without links is one image
 * (role="img", named by its title and desc). A chart with links must not be role="img": that role
 * makes its children presentational, which hides the links from screen readers (axe-core's
 * nested-interactive rule); such a chart is a named group instead.
 */
export function rootA11y(id: string, interactive: boolean): {
  role: 'group' | 'img';
  'aria-labelledby': string;
  'aria-describedby'?: string;
} {
  const ids = chartIds(id);
  return interactive
    ? { role: 'group', 'aria-labelledby': ids.title, 'aria-describedby': ids.desc }
    : { role: 'img', 'aria-labelledby': `${ids.title} ${ids.desc}` };
}

/** Two decimals: enough for any screen, and the same text on every run. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** "1 600" (with a no-break space) in Swedish, "1,600" in English. For display only, never for data files. */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

/** A unit that is written the same for every count, or one that has a singular form. */
export type CountUnit = Message | { one: Message; other: Message };

const pluralRules: Record<Lang, Intl.PluralRules> = {
  sv: new Intl.PluralRules('sv'),
  en: new Intl.PluralRules('en'),
};

/** "1 aktivitet", "4 aktiviteter", "1 600 activities". */
export function formatCount(value: number, unit: CountUnit, lang: Lang): string {
  return `${formatNumber(value, lang)} ${unitFor(value, unit, lang)}`;
}

export function unitFor(value: number, unit: CountUnit, lang: Lang): string {
  if (!('one' in unit)) return unit[lang];
  return pluralRules[lang].select(value) === 'one' ? unit.one[lang] : unit.other[lang];
}

export const ACTIVITIES: CountUnit = {
  one: { sv: 'aktivitet', en: 'activity' },
  other: { sv: 'aktiviteter', en: 'activities' },
};

const listFormats: Record<Lang, Intl.ListFormat> = {
  sv: new Intl.ListFormat('sv', { type: 'conjunction' }),
  en: new Intl.ListFormat('en', { type: 'conjunction' }),
};

/** "Serbien, Kosovo och Albanien" / "Serbia, Kosovo and Albania". */
export function formatList(items: readonly string[], lang: Lang): string {
  return listFormats[lang].format(items);
}

// Advance widths in thousandths of an em, close to Arial/Helvetica; other characters count as 556.
// Charts are rendered without a font engine, so this is what keeps a cut label clear of its bar.
const WIDTHS: Record<string, number> = {};
function widths(chars: string, width: number) {
  for (const c of chars) WIDTHS[c] = width;
}
widths(' ', 278);
widths('fijlt.,:;!|\'I[]', 260);
widths('r-()/"*', 333);
widths('abdeghnopqu0123456789#$?_–', 556);
widths('cksvxyzJ', 500);
widths('FTZL', 611);
widths('ABEKPSVXY&', 667);
widths('CDHNRUw', 722);
widths('GOQ', 778);
widths('mM', 833);
widths('W—', 944);

/** Room for fonts a little wider than Arial (DejaVu Sans, where Arial is missing, is about 8% wider). */
const WIDTH_MARGIN = 1.1;

/**
 * The fonts chart text is set in: ones with Arial's widths first, so that the estimate below holds.
 * A presentation attribute, so a stylesheet may still choose another font for `.chart`.
 */
export const FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', 'Nimbus Sans', sans-serif";

/** The estimated width of `text` in user units at `fontSize`, a little generous so that cut text fits. */
export function textWidth(text: string, fontSize: number): number {
  return (advance(text) / 1000) * fontSize * WIDTH_MARGIN;
}

/** Advance of `text` in thousandths of an em. */
function advance(text: string): number {
  let total = 0;
  for (const char of text.normalize('NFD')) {
    if (/\p{M}/u.test(char)) continue;
    total += WIDTHS[char] ?? (/[\u1100-\uffff]/u.test(char) ? 1000 : 556);
  }
  return total;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut at a whole character and ended with "…" if it is wider than `maxWidth`. */
export function truncate(text: string, maxWidth: number, fontSize: number): { text: string; truncated: boolean } {
  if (textWidth(text, fontSize) <= maxWidth) return { text, truncated: false };
  const budget = (maxWidth / (fontSize * WIDTH_MARGIN)) * 1000 - advance('…');
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    used += advance(segment);
    if (used > budget) break;
    kept += segment;
  }
  return { text: `${kept.trimEnd()}…`, truncated: true };
}

/**
 * 'wide' charts are drawn 640 units wide, 'narrow' ones 320, each with text that is legible at
 * that width. A page that must work on a 320 px screen renders both and lets CSS show one.
 */
export type ChartLayout = 'wide' | 'narrow';
