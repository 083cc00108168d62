/**
 * How long each chart takes to render to a string. Tests never time anything; this is called from
 * `npm run bench`, or run directly: `node --import tsx src/charts/render.bench.ts [renders]`.
 *
 * `coldMs` is the first render in the process, which reads and projects the atlas (world map and
 * country map) and is only cold if nothing has drawn a map before; `msPerRender` is the mean of
 * `renders` renders after that.
 */
import { pathToFileURL } from 'node:url';
import type { FuzzyDate } from '../dates/fuzzy-date.ts';
import { barChartSvgToString, columnChartSvgToString } from './bar-chart.tsx';
import { ACTIVITIES } from './chart.shared.ts';
import { countryMapSvgToString } from './country-map.tsx';
import { timelineSvgToString } from './timeline.tsx';
import { countryShapes } from './world-atlas.ts';
import { worldMapSvgToString } from './world-map.tsx';

export interface BenchResult {
  chart: string;
  coldMs: number;
  msPerRender: number;
  renders: number;
  /** Size of one rendered chart, in characters. */
  chars: number;
}

const year = (y: number): FuzzyDate => ({ from: `${y}-01-01`, to: `${y}-12-31`, precision: 'year', phrase: String(y) });
const day = (iso: string): FuzzyDate => ({ from: iso, to: iso, precision: 'day', phrase: iso });

const timeline = () =>
  timelineSvgToString({
    id: 'bench-timeline',
    lang: 'sv',
    today: '2026-03-05',
    groups: ['Pågående', 'Planerade', 'Avslutade'].map((label, g) => ({
      label,
      items: Array.from({ length: 20 }, (_, i) => ({
        label: `Aktivitet ${g}-${i} med ett ganska långt namn om asyl och migration`,
        href: `/sv/aktiviteter/${g}-${i}`,
        title: `Aktivitet ${g}-${i}`,
        start: i % 3 === 0 ? year(2012 + (i % 10)) : day(`${2012 + (i % 10)}-03-01`),
        ...(i % 4 === 0 ? {} : { end: year(2016 + (i % 10)) }),
      })),
    })),
  });

const MAP_CODES = ['RS', 'XK', 'ME', 'MK', 'AL', 'BA', 'MD', 'UA', 'GE', 'AM', 'AZ', 'TR', 'IQ', 'SY', 'LB', 'JO', 'AF',
  'PK', 'IR', 'SO', 'ET', 'ER', 'SD', 'SS', 'KE', 'UG', 'CD', 'NG', 'ML', 'NE', 'TN', 'MA', 'LY', 'EG', 'BD', 'MM', 'CO',
  'VE', 'SE', 'MV'];

const worldMap = () =>
  worldMapSvgToString({
    id: 'bench-map',
    lang: 'sv',
    counts: Object.fromEntries(MAP_CODES.map((code, i) => [code, 1 + ((i * 7) % 40)])),
    hrefFor: (code) => `/sv/lander/${code}`,
    title: 'Aktiviteter per land',
    description: 'Antal aktiviteter i varje land.',
  });

const rows = Array.from({ length: 30 }, (_, i) => ({ label: `Land ${i}`, value: 1600 - i * 50, href: `/sv/lander/${i}` }));
const years = Array.from({ length: 20 }, (_, i) => ({ label: String(2007 + i), value: 20 + ((i * 13) % 50) }));
const barOptions = { id: 'bench-bars', lang: 'sv' as const, title: 'Per land', description: 'Antal per land.', unit: ACTIVITIES };

function measure(chart: string, renders: number, render: (i: number) => string): BenchResult {
  let start = performance.now();
  const chars = render(0).length;
  const coldMs = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < renders; i++) render(i + 1);
  const msPerRender = (performance.now() - start) / renders;
  return { chart, coldMs: round(coldMs), msPerRender: round(msPerRender), renders, chars };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function benchCharts(renders = 50): BenchResult[] {
  // Locator maps are cached by set of countries: one set measures the cache, many sets the drawing.
  const singles = [...countryShapes('50m').byCode.keys()].sort().map((code) => [code]);
  const fresh = singles.slice(0, Math.min(renders, singles.length));
  return [
    measure('timeline (60 items)', renders, timeline),
    measure('world map (40 countries)', renders, worldMap),
    measure('country map (same countries)', renders, () => countryMapSvgToString({ id: 'bench-locator', lang: 'sv', codes: ['RS', 'XK'] })),
    measure('country map (new countries each time)', fresh.length - 1, (i) =>
      countryMapSvgToString({ id: 'bench-locator', lang: 'sv', codes: fresh[i % fresh.length]! })),
    measure('bar chart (30 rows)', renders, () => barChartSvgToString({ ...barOptions, rows })),
    measure('column chart (20 years)', renders, () => columnChartSvgToString({ ...barOptions, rows: years })),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(benchCharts(Number(process.argv[2] ?? 50)));
}
