/**
 * A timeline of activities, grouped, on one axis of years. Each bar runs from the first day the
 * start may mean to the last day the end may mean. What is uncertain is drawn as uncertain: the
 * span of a bound given less precisely than a day fades in (or out), and a missing start or end
 * fades from (or to) the edge of the axis. Each row is a link to its activity, named by its label
 * and its period in words.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { formatFuzzyDate, formatPeriod } from '../dates/fuzzy-date.format.ts';
import type { FuzzyDate } from '../dates/fuzzy-date.ts';
import type { Lang } from '../shared/i18n.ts';
import { COLOURS, FONT_FAMILY, type ChartLayout, chartIds, formatCount, rootA11y, round, textWidth, truncate } from './chart.shared.ts';

export interface TimelineItem {
  label: string;
  href: string;
  start?: FuzzyDate;
  end?: FuzzyDate;
  /** Shown as the bar's tooltip. */
  title: string;
}

export interface TimelineGroup {
  label: string;
  items: TimelineItem[];
}

export interface TimelineOptions {
  /** Prefix of every id in the SVG (title, desc, gradients, clip path); unique on the page. */
  id: string;
  lang: Lang;
  groups: TimelineGroup[];
  /** 'YYYY-MM-DD' */
  today: string;
  /** First year on the axis; by default the earliest year of any bound or of today. */
  from?: number;
  /** Last year on the axis (shown in full); by default the latest year of any bound or of today. */
  to?: number;
  /**
   * 'wide' (default): 640 units wide, labels left of the bars. 'narrow': 320 units wide, labels
   * above the bars, for screens about 320 px wide, where the wide one's text would be too small.
   */
  layout?: ChartLayout;
}

/**
 * Layouts in user units; the SVG scales to its container. Text is 13 units high, so it is 13 px
 * when the chart is shown at its own width.
 */
export const TIMELINE_LAYOUTS = {
  wide: { width: 640, plotLeft: 216, plotRight: 620, labelX: 28, labelY: 16, rowHeight: 24, barY: 6 },
  narrow: { width: 320, plotLeft: 8, plotRight: 304, labelX: 8, labelY: 14, rowHeight: 38, barY: 20 },
} as const;

const FONT_SIZE = 13;
const AXIS_HEIGHT = 28;
const GROUP_HEIGHT = 26;
const BAR_HEIGHT = 12;
const FOOTER_HEIGHT = 24;

const WORDS = {
  title: { sv: 'Tidslinje över aktiviteter', en: 'Timeline of activities' },
  today: { sv: 'idag', en: 'today' },
  noDates: { sv: 'datum saknas', en: 'dates unknown' },
  activity: { one: { sv: 'aktivitet', en: 'activity' }, other: { sv: 'aktiviteter', en: 'activities' } },
  group: { one: { sv: 'grupp', en: 'group' }, other: { sv: 'grupper', en: 'groups' } },
};

function describe(lang: Lang, items: number, groups: number, from: number, to: number, today: string, showsToday: boolean): string {
  const todayText = formatFuzzyDate({ from: today, to: today, precision: 'day', phrase: today }, lang, 'long');
  const count = `${formatCount(items, WORDS.activity, lang)}, ${formatCount(groups, WORDS.group, lang)}`;
  return lang === 'sv'
    ? `${count}, ${from}–${to}. Varje stapel går från aktivitetens start till dess slut. Tonade delar visar datum som bara är kända ungefär, och en stapel som tonar ut mot kanten saknar start eller slut.${showsToday ? ` Den lodräta linjen visar dagens datum, ${todayText}.` : ''}`
    : `${count}, ${from}–${to}. Each bar runs from the activity's start to its end. Faded parts show dates known only approximately, and a bar that fades towards the edge has no start or end.${showsToday ? ` The vertical line shows today's date, ${todayText}.` : ''}`;
}

/** Days since 1970-01-01 of an ISO day. */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

type SectionKind = 'solid' | 'fuzzy-start' | 'fuzzy-end' | 'open-start' | 'open-end';

interface BarSection {
  kind: SectionKind;
  x: number;
  width: number;
}

/** How each kind of section is painted: opacity at its left edge and at its right edge. */
const FADES: Record<Exclude<SectionKind, 'solid'>, [number, number]> = {
  'fuzzy-start': [0.15, 1],
  'fuzzy-end': [1, 0.15],
  'open-start': [0, 1],
  'open-end': [1, 0],
};

/** The sections of one bar, left to right, in user units; none when the item has no dates. */
function barSections(
  item: Pick<TimelineItem, 'start' | 'end'>,
  x: (day: number) => number,
  [left, right]: readonly [number, number],
): BarSection[] {
  const { start, end } = item;
  // a..b is the start's uncertain span, b..c the certain middle, c..d the end's uncertain span.
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  if (start && end) {
    a = x(dayNumber(start.from));
    b = start.precision === 'day' ? a : x(dayNumber(start.to) + 1);
    d = x(dayNumber(end.to) + 1);
    c = end.precision === 'day' ? d : x(dayNumber(end.from));
    if (d < a) d = a;
    if (b > c) {
      // The bounds overlap ("2023" to "autumn 2023"): meet in the middle of the overlap.
      const meet = (Math.max(a, c) + Math.min(b, d)) / 2;
      b = meet;
      c = meet;
    }
  } else if (start) {
    a = x(dayNumber(start.from));
    b = start.precision === 'day' ? a : x(dayNumber(start.to) + 1);
    c = b;
    d = Math.max(right, b);
  } else if (end) {
    d = x(dayNumber(end.to) + 1);
    c = end.precision === 'day' ? d : x(dayNumber(end.from));
    a = Math.min(left, c);
    b = c;
  } else {
    return [];
  }
  if (d - a < 2) {
    // Too short to see (a day on a ten-year axis): a thin solid bar in its place.
    const centre = (a + d) / 2;
    return [{ kind: 'solid', x: round(centre - 1), width: 2 }];
  }
  const sections: BarSection[] = [];
  const push = (kind: SectionKind, from: number, to: number) => {
    if (to - from > 0.005) sections.push({ kind, x: round(from), width: round(to - from) });
  };
  push(start ? 'fuzzy-start' : 'open-start', a, b);
  push('solid', b, c);
  push(end ? 'fuzzy-end' : 'open-end', c, d);
  return sections;
}

function yearStep(yearWidth: number): number {
  const needed = textWidth('0000', FONT_SIZE) + 10;
  return [1, 2, 5, 10, 20, 50, 100].find((step) => step * yearWidth >= needed) ?? 100;
}

export function timelineSvg({ id, lang, groups, today, from, to, layout = 'wide' }: TimelineOptions): VNode {
  const L = TIMELINE_LAYOUTS[layout];
  const ids = chartIds(id);
  const gradientId = (kind: Exclude<SectionKind, 'solid'>) => `${id}-${kind}`;
  const clipId = `${id}-plot`;

  const years: number[] = [yearOf(today)];
  for (const group of groups) {
    for (const item of group.items) {
      for (const bound of [item.start, item.end]) {
        if (bound) years.push(yearOf(bound.from), yearOf(bound.to));
      }
    }
  }
  let first = from ?? Math.min(...years);
  let last = to ?? Math.max(...years);
  if (first > last) [first, last] = [last, first];
  const dayStart = dayNumber(`${String(first).padStart(4, '0')}-01-01`);
  const dayEnd = dayNumber(`${String(last + 1).padStart(4, '0')}-01-01`);
  const x = (day: number) => L.plotLeft + ((day - dayStart) / (dayEnd - dayStart)) * (L.plotRight - L.plotLeft);
  const yearWidth = (L.plotRight - L.plotLeft) / (last - first + 1);
  const step = yearStep(yearWidth);
  const labelMaxWidth = (layout === 'wide' ? L.plotLeft - 8 : L.width - 8) - L.labelX;

  const rows: VNode[] = [];
  let y = AXIS_HEIGHT;
  let itemCount = 0;
  groups.forEach((group, g) => {
    const heading = truncate(group.label, L.width - 16, FONT_SIZE);
    rows.push(
      <text x="8" y={y + 18} font-weight="bold" fill={COLOURS.ink} class="chart-group-label">
        {heading.truncated && <title>{group.label}</title>}
        {heading.text}
      </text>,
    );
    y += GROUP_HEIGHT;
    group.items.forEach((item, i) => {
      itemCount++;
      const period = formatPeriod({ start: item.start, end: item.end, phrase: '' }, lang, 'long');
      const label = truncate(item.label, labelMaxWidth, FONT_SIZE);
      const barY = y + L.barY;
      const sections = barSections(item, x, [L.plotLeft, L.plotRight]);
      rows.push(
        <a href={item.href} aria-label={`${item.label}, ${period || WORDS.noDates[lang]}`} class="chart-link" data-row={`${g}-${i}`}>
          <title>{item.title}</title>
          <rect class="chart-hit" x="0" y={y} width={L.width} height={L.rowHeight} fill={COLOURS.accent} fill-opacity="0" />
          <text x={L.labelX} y={y + L.labelY} fill={COLOURS.ink} class="chart-label">
            {label.truncated && <title>{item.label}</title>}
            {label.text}
          </text>
          {sections.length === 0 ? (
            <text x={L.plotLeft + 4} y={barY + BAR_HEIGHT - 2} fill={COLOURS.muted} font-style="italic" class="chart-no-dates">
              {WORDS.noDates[lang]}
            </text>
          ) : (
            <g clip-path={`url(#${clipId})`}>
              {sections.map((s) => (
                <rect
                  class={`chart-shape chart-bar chart-bar-${s.kind}`}
                  x={s.x}
                  y={barY}
                  width={s.width}
                  height={BAR_HEIGHT}
                  fill={s.kind === 'solid' ? COLOURS.accent : `url(#${gradientId(s.kind)})`}
                />
              ))}
            </g>
          )}
        </a>,
      );
      y += L.rowHeight;
    });
    if (g < groups.length - 1) y += 6;
  });
  const rowsBottom = y + 4;

  const ticks: VNode[] = [];
  const halfLabel = textWidth('0000', FONT_SIZE) / 2;
  for (let year = first; year <= last + 1; year++) {
    const tx = round(x(dayNumber(`${String(year).padStart(4, '0')}-01-01`)));
    const labelled = year % step === 0;
    if (yearWidth >= 8 || labelled) {
      ticks.push(<line x1={tx} x2={tx} y1={AXIS_HEIGHT - 6} y2={rowsBottom} stroke={COLOURS.grid} stroke-width="1" />);
    }
    if (!labelled) continue;
    // Every year labelled: the label sits over the year it names; otherwise on the line where it begins.
    const lx = step === 1 ? round(tx + yearWidth / 2) : tx;
    const fits = step === 1 ? year <= last : lx - halfLabel >= 0 && lx + halfLabel <= L.width;
    if (fits) ticks.push(<text x={lx} y={AXIS_HEIGHT - 10} text-anchor="middle" fill={COLOURS.muted}>{year}</text>);
  }

  const todayDay = dayNumber(today);
  const showsToday = todayDay >= dayStart && todayDay < dayEnd;
  const todayX = round(x(todayDay));
  const todayLabelX = round(Math.min(Math.max(todayX, L.plotLeft + 16), L.plotRight - 16));
  const height = rowsBottom + FOOTER_HEIGHT;

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${L.width} ${height}`}
      width="100%"
      class={`chart chart-timeline chart-${layout}`}
      font-size={FONT_SIZE}
      font-family={FONT_FAMILY}
      {...rootA11y(id, itemCount > 0)}
    >
      <title id={ids.title}>{WORDS.title[lang]}</title>
      <desc id={ids.desc}>{describe(lang, itemCount, groups.length, first, last, today, showsToday)}</desc>
      <defs>
        {(Object.keys(FADES) as (keyof typeof FADES)[]).map((kind) => (
          <linearGradient id={gradientId(kind)} x1="0" x2="1" y1="0" y2="0">
            <stop offset="0" stop-color={COLOURS.accent} stop-opacity={FADES[kind][0]} />
            <stop offset="1" stop-color={COLOURS.accent} stop-opacity={FADES[kind][1]} />
          </linearGradient>
        ))}
        <clipPath id={clipId}>
          <rect x={L.plotLeft} y="0" width={L.plotRight - L.plotLeft} height={height} />
        </clipPath>
      </defs>
      <g class="chart-axis" aria-hidden="true">{ticks}</g>
      {rows}
      {showsToday && (
        <g class="chart-today" aria-hidden="true">
          <line x1={todayX} x2={todayX} y1={AXIS_HEIGHT - 6} y2={rowsBottom} stroke={COLOURS.today} stroke-width="2" />
          <text x={todayLabelX} y={rowsBottom + 16} text-anchor="middle" fill={COLOURS.today} font-weight="bold">
            {WORDS.today[lang]}
          </text>
        </g>
      )}
    </svg>
  );
}

export function timelineSvgToString(options: TimelineOptions): string {
  return renderToString(timelineSvg(options));
}
