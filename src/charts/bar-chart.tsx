/**
 * Bar charts of counts: horizontal bars (one per row, in the order given, label above its bar and
 * the value written at its end) and columns (activities per year, with a scale of values and
 * year labels thinned to what fits). Every value is also in the chart's description, so the chart
 * reads the same without sight.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Lang } from '../shared/i18n.ts';
import {
  COLOURS,
  FONT_FAMILY,
  type ChartLayout,
  type CountUnit,
  chartIds,
  formatCount,
  formatNumber,
  rootA11y,
  round,
  textWidth,
  truncate,
} from './chart.shared.ts';

export interface BarRow {
  label: string;
  value: number;
  href?: string;
}

export interface BarChartOptions {
  /** Prefix of every id in the SVG; unique on the page. */
  id: string;
  lang: Lang;
  title: string;
  description: string;
  rows: BarRow[];
  /** {sv:'aktiviteter', en:'activities'}, or {one, other} to write "1 aktivitet" right. */
  unit: CountUnit;
  /** 'wide' (default, 640 units) or 'narrow' (320 units, for screens about 320 px wide). */
  layout?: ChartLayout;
}

const WIDTHS: Record<ChartLayout, number> = { wide: 640, narrow: 320 };
const FONT_SIZE = 13;
const PAD = 8;

/** The caller's description followed by every value, so that the text alternative holds the data. */
function describe(description: string, rows: readonly BarRow[], unit: CountUnit, lang: Lang): string {
  if (rows.length === 0) return description;
  const values = rows.map((r) => `${r.label}: ${formatCount(r.value, unit, lang)}`).join('; ');
  return `${description.trim()} ${values}.`.trim();
}

function root(id: string, rows: readonly BarRow[], width: number, height: number, className: string, font: number) {
  return {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${width} ${Math.ceil(height)}`,
    width: '100%',
    class: `chart ${className}`,
    'font-size': font,
    'font-family': FONT_FAMILY,
    ...rootA11y(id, rows.some((r) => r.href !== undefined)),
  };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A row's content, inside a link when it has one; `hit` is the area that answers a click or shows focus. */
function linked(row: BarRow, name: string, hit: Box, children: VNode[]): VNode {
  if (row.href === undefined) return <g class="chart-row">{children}</g>;
  return (
    <a href={row.href} aria-label={name} class="chart-link">
      <title>{name}</title>
      <rect class="chart-hit" x={round(hit.x)} y={round(hit.y)} width={round(hit.width)} height={round(hit.height)} fill={COLOURS.accent} fill-opacity="0" />
      {children}
    </a>
  );
}

const ROW_HEIGHT = 40;
const BAR_HEIGHT = 14;

export function barChartSvg({ id, lang, title, description, rows, unit, layout = 'wide' }: BarChartOptions): VNode {
  const width = WIDTHS[layout];
  const ids = chartIds(id);
  const max = Math.max(0, ...rows.map((r) => r.value));
  const valueTexts = rows.map((r) => formatCount(r.value, unit, lang));
  const valueRoom = Math.max(0, ...valueTexts.map((t) => textWidth(t, FONT_SIZE))) + 6;
  const barMax = width - 2 * PAD - valueRoom;
  const top = 4;
  const height = top + rows.length * ROW_HEIGHT + 4;

  return (
    <svg {...root(id, rows, width, height, `chart-bars chart-${layout}`, FONT_SIZE)}>
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{describe(description, rows, unit, lang)}</desc>
      {rows.map((row, i) => {
        const y = top + i * ROW_HEIGHT;
        // A count above zero always shows, even when the largest is thousands of times bigger.
        const barWidth = max > 0 && row.value > 0 ? round(Math.max(2, (row.value / max) * barMax)) : 0;
        const label = truncate(row.label, width - 2 * PAD, FONT_SIZE);
        const name = `${row.label}: ${valueTexts[i]}`;
        return linked(row, name, { x: 0, y, width, height: ROW_HEIGHT }, [
          <text x={PAD} y={y + 14} fill={row.href === undefined ? COLOURS.ink : COLOURS.accent} class="chart-label" text-decoration={row.href === undefined ? undefined : 'underline'}>
            {label.truncated && <title>{row.label}</title>}
            {label.text}
          </text>,
          <rect class="chart-shape chart-bar" x={PAD} y={y + 20} width={barWidth} height={BAR_HEIGHT} fill={COLOURS.accent} />,
          <text x={round(PAD + barWidth + 6)} y={y + 31} fill={COLOURS.ink} class="chart-value">{valueTexts[i]}</text>,
        ]);
      })}
    </svg>
  );
}

/** 1, 2 or 5 times a power of ten, so that about four steps reach `max`. */
function tickStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return step;
}

const COLUMN_HEIGHTS: Record<ChartLayout, number> = { wide: 240, narrow: 220 };

export function columnChartSvg({ id, lang, title, description, rows, unit, layout = 'wide' }: BarChartOptions): VNode {
  const width = WIDTHS[layout];
  const height = COLUMN_HEIGHTS[layout];
  const ids = chartIds(id);
  const max = Math.max(0, ...rows.map((r) => r.value));
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const tickTexts = ticks.map((t) => formatNumber(t, lang));
  const plotLeft = PAD + Math.max(...tickTexts.map((t) => textWidth(t, FONT_SIZE))) + 6;
  const plotRight = width - PAD;
  const plotTop = 32;
  const plotBottom = height - 24;
  const yOf = (v: number) => plotBottom - (Math.max(0, v) / top) * (plotBottom - plotTop);
  const band = rows.length > 0 ? (plotRight - plotLeft) / rows.length : 0;
  const columnWidth = Math.min(48, band * 0.7);
  const widestLabel = Math.max(0, ...rows.map((r) => textWidth(r.label, FONT_SIZE)));
  const labelEvery = band > 0 ? Math.max(1, Math.ceil((widestLabel + 6) / band)) : 1;
  const valueTexts = rows.map((r) => formatNumber(r.value, lang));
  const valuesFit = valueTexts.every((t) => textWidth(t, FONT_SIZE) <= band - 2);
  const unitCaption = 'one' in unit ? unit.other[lang] : unit[lang];

  return (
    <svg {...root(id, rows, width, height, `chart-columns chart-${layout}`, FONT_SIZE)}>
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{describe(description, rows, unit, lang)}</desc>
      <g class="chart-axis" aria-hidden="true">
        <text x={PAD} y="14" fill={COLOURS.muted}>{unitCaption}</text>
        {ticks.map((t, i) => {
          const ty = round(yOf(t));
          return (
            <g>
              <line x1={round(plotLeft)} x2={plotRight} y1={ty} y2={ty} stroke={COLOURS.grid} stroke-width="1" />
              <text x={round(plotLeft - 6)} y={ty + 4} text-anchor="end" fill={COLOURS.muted}>{tickTexts[i]}</text>
            </g>
          );
        })}
      </g>
      {rows.map((row, i) => {
        const cx = plotLeft + band * (i + 0.5);
        const y = yOf(row.value);
        const name = `${row.label}: ${formatCount(row.value, unit, lang)}`;
        const children: VNode[] = [
          <rect class="chart-shape chart-column" x={round(cx - columnWidth / 2)} y={round(y)} width={round(columnWidth)} height={round(plotBottom - y)} fill={COLOURS.accent} />,
        ];
        if (valuesFit) {
          children.push(<text x={round(cx)} y={round(y - 5)} text-anchor="middle" fill={COLOURS.ink} class="chart-value">{valueTexts[i]}</text>);
        }
        if (i % labelEvery === 0) {
          children.push(<text x={round(cx)} y={plotBottom + 17} text-anchor="middle" fill={COLOURS.ink} class="chart-label">{row.label}</text>);
        }
        return linked(row, name, { x: cx - band / 2, y: plotTop - 20, width: band, height: height - plotTop + 20 }, children);
      })}
      <line x1={round(plotLeft)} x2={plotRight} y1={plotBottom} y2={plotBottom} stroke={COLOURS.muted} stroke-width="1" aria-hidden="true" />
    </svg>
  );
}

export function barChartSvgToString(options: BarChartOptions): string {
  return renderToString(barChartSvg(options));
}

export function columnChartSvgToString(options: BarChartOptions): string {
  return renderToString(columnChartSvg(options));
}
