/**
 * The portal's world map: every country in light grey, countries with activities filled on a
 * sequential scale and linked to their country page. Tiny countries also get a circle marker, so
 * that Kosovo, Montenegro or North Macedonia can be seen and clicked. The projected shapes depend
 * on nothing but the atlas, so they are computed once per process and reused by every render.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { countryName } from '../reference/countries.ts';
import type { Lang } from '../shared/i18n.ts';
import {
  ACTIVITIES,
  COLOURS,
  FONT_FAMILY,
  type ChartLayout,
  SEQUENTIAL,
  chartIds,
  formatCount,
  formatNumber,
  rootA11y,
  round,
  textWidth,
  unitFor,
} from './chart.shared.ts';
import { FALLBACK_POSITIONS, countryShapes } from './world-atlas.ts';

export interface WorldMapOptions {
  /** Prefix of every id in the SVG; unique on the page. */
  id: string;
  lang: Lang;
  /** Activities per country, by upper-case ISO 3166-1 alpha-2 code ('XK' for Kosovo). Counts below 1 are not shown. */
  counts: Record<string, number>;
  hrefFor: (code: string) => string;
  title: string;
  description: string;
  /**
   * 'wide' (default) or 'narrow': the map is the same, but the legend is drawn twice as large, so
   * that it stays legible when the chart is shown about 320 px wide.
   */
  layout?: ChartLayout;
}

export interface MapClass {
  min: number;
  max: number;
  fill: string;
  /** "2–3 aktiviteter" */
  label: string;
}

const WIDTH = 640;
const PAD = 8;
const LEGEND: Record<ChartLayout, { font: number; swatch: number; line: number }> = {
  wide: { font: 16, swatch: 16, line: 24 },
  narrow: { font: 28, swatch: 26, line: 38 },
};
/** Countries smaller than this on the map (in square user units, about 47 000 km²) get a marker. */
export const MARKER_AREA = 12;
const MARKER_RADIUS = 3.5;

interface Placed {
  /** Empty when only a marker can be drawn. */
  d: string;
  area: number;
  centroid: [number, number];
}

interface WorldBase {
  height: number;
  basePath: string;
  byCode: Map<string, Placed>;
  project: (lonLat: [number, number]) => [number, number] | null;
}

let base: WorldBase | undefined;

function worldBase(): WorldBase {
  if (base) return base;
  const shapes = countryShapes('110m');
  // Antarctica is left out: no activity can be there, and it would take a fifth of the height.
  const land = shapes.all.features.filter((f) => f.id !== '010');
  const projection = geoEqualEarth().fitWidth(WIDTH, { type: 'FeatureCollection', features: land });
  const path = geoPath(projection).digits(1);
  const [, [, bottom]] = path.bounds({ type: 'FeatureCollection', features: land });
  const byCode = new Map<string, Placed>();
  for (const [code, features] of shapes.byCode) {
    if (code === 'AQ') continue;
    byCode.set(code, place(features, path));
  }
  base = {
    height: Math.ceil(bottom),
    basePath: land.map((f) => path(f) ?? '').join(''),
    byCode,
    project: (lonLat) => projection(lonLat),
  };
  return base;
}

function place(features: readonly Feature<Geometry, { name: string }>[], path: ReturnType<typeof geoPath>): Placed {
  let area = 0;
  let largest = features[0]!;
  let largestArea = -1;
  for (const f of features) {
    const a = path.area(f);
    area += a;
    if (a > largestArea) [largest, largestArea] = [f, a];
  }
  const [x, y] = path.centroid(largest);
  return { d: features.map((f) => path(f) ?? '').join(''), area, centroid: [round(x), round(y)] };
}

const extraPlaces = new Map<string, Placed | null>();

/** Countries too small for the 110m atlas are looked up in 50m (read only when needed) and shown as markers. */
function placeOf(code: string): Placed | null {
  const world = worldBase();
  const known = world.byCode.get(code);
  if (known) return known;
  const cached = extraPlaces.get(code);
  if (cached !== undefined) return cached;
  let placed: Placed | null = null;
  const fallback = FALLBACK_POSITIONS[code];
  const features = countryShapes('50m').byCode.get(code);
  const lonLat = features ? centreOf(features) : fallback ? [fallback[0], fallback[1]] as [number, number] : undefined;
  const point = lonLat ? world.project(lonLat) : null;
  if (point) placed = { d: '', area: 0, centroid: [round(point[0]), round(point[1])] };
  extraPlaces.set(code, placed);
  return placed;
}

function centreOf(features: readonly Feature<Geometry, { name: string }>[]): [number, number] | undefined {
  // The centre of the first outer ring's bounding box is enough for a marker on a world map.
  const coords: number[][] = [];
  const collect = (g: Geometry) => {
    if (g.type === 'Polygon') coords.push(...(g.coordinates[0] ?? []));
    else if (g.type === 'MultiPolygon') for (const p of g.coordinates) coords.push(...(p[0] ?? []));
    else if (g.type === 'GeometryCollection') g.geometries.forEach(collect);
  };
  features.forEach((f) => collect(f.geometry));
  if (coords.length === 0) return undefined;
  const lons = coords.map((c) => c[0]!);
  const lats = coords.map((c) => c[1]!);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

// Lower bounds are rounded to these, so that classes read "4–9", never "4–8".
const NICE = [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000];

function nice(value: number): number {
  if (value > 1000) {
    const magnitude = 10 ** Math.floor(Math.log10(value));
    return Math.round(value / magnitude) * magnitude;
  }
  let best = 1;
  for (const n of NICE) if (Math.abs(Math.log(n / value)) < Math.abs(Math.log(best / value))) best = n;
  return best;
}

/**
 * At most five classes, spaced geometrically from 1 to the largest count, each named in words.
 * Up to five activities every count is its own class.
 */
export function mapClasses(counts: Record<string, number>, lang: Lang): MapClass[] {
  const max = Math.max(0, ...Object.values(counts).filter((n) => Number.isFinite(n)));
  if (max < 1) return [];
  const lows: number[] = [];
  if (max <= 5) for (let n = 1; n <= Math.floor(max); n++) lows.push(n);
  else {
    for (let k = 0; k < 5; k++) {
      const low = nice(max ** (k / 5));
      if (low > (lows.at(-1) ?? 0) && low <= max) lows.push(low);
    }
  }
  const fills = spread(lows.length);
  return lows.map((min, i) => {
    const next = lows[i + 1];
    const top = next === undefined ? max : next - 1;
    const label = top > min
      ? `${formatNumber(min, lang)}–${formatNumber(top, lang)} ${unitFor(top, ACTIVITIES, lang)}`
      : formatCount(min, ACTIVITIES, lang);
    return { min, max: top, fill: fills[i]!, label };
  });
}

/** n of the sequential colours, as far apart as possible. */
function spread(n: number): string[] {
  if (n === 1) return [SEQUENTIAL[2]];
  return Array.from({ length: n }, (_, i) => SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / (n - 1))]!);
}

function classFor(value: number, classes: readonly MapClass[]): MapClass {
  let found = classes[0]!;
  for (const c of classes) if (value >= c.min) found = c;
  return found;
}

const WORDS = {
  legend: { sv: 'Antal aktiviteter', en: 'Number of activities' },
  none: { sv: 'Inga aktiviteter', en: 'No activities' },
  unplaced: { sv: 'Visas inte på kartan:', en: 'Not shown on the map:' },
};

interface FlowItem {
  width: number;
  render: (x: number, y: number) => VNode;
}

/** Items laid out left to right, wrapping at the chart's width; returns them and the height used. */
function flow(items: readonly FlowItem[], top: number, lineHeight: number, gap: number): { nodes: VNode[]; bottom: number } {
  const nodes: VNode[] = [];
  let x = PAD;
  let y = top;
  for (const item of items) {
    if (x > PAD && x + item.width > WIDTH - PAD) {
      x = PAD;
      y += lineHeight;
    }
    nodes.push(item.render(x, y));
    x = round(x + item.width + gap);
  }
  return { nodes, bottom: items.length > 0 ? y + lineHeight : top };
}

export function worldMapSvg({ id, lang, counts, hrefFor, title, description, layout = 'wide' }: WorldMapOptions): VNode {
  const world = worldBase();
  const { font, swatch, line } = LEGEND[layout];
  const baseline = Math.round(swatch * 0.5 + font * 0.36);
  const ids = chartIds(id);
  const classes = mapClasses(counts, lang);
  const shown: { code: string; count: number; name: string; placed: Placed; fill: string }[] = [];
  const unplaced: { code: string; count: number; name: string }[] = [];
  for (const code of Object.keys(counts).sort()) {
    const count = counts[code]!;
    if (!(count >= 1) || !/^[A-Z]{2}$/.test(code)) continue;
    const name = countryName(code, lang);
    const placed = placeOf(code);
    if (placed) shown.push({ code, count, name, placed, fill: classFor(count, classes).fill });
    else unplaced.push({ code, count, name });
  }
  // Largest first, so that the markers of small countries are painted over their neighbours.
  shown.sort((a, b) => b.placed.area - a.placed.area || (a.code < b.code ? -1 : 1));

  const legendTop = world.height + 16;
  const heading = (
    <text x={PAD} y={legendTop + font} font-weight="bold" fill={COLOURS.ink}>
      {WORDS.legend[lang]}
    </text>
  );
  const legendItems: FlowItem[] = classes.length === 0
    ? [{ width: textWidth(WORDS.none[lang], font), render: (x, y) => <text x={x} y={y + baseline} fill={COLOURS.ink}>{WORDS.none[lang]}</text> }]
    : classes.map((c) => ({
      width: swatch * 1.4 + textWidth(c.label, font),
      render: (x, y) => (
        <g class="chart-legend-item">
          <rect x={x} y={y} width={swatch} height={swatch} fill={c.fill} />
          <text x={round(x + swatch * 1.4)} y={y + baseline} fill={COLOURS.ink}>{c.label}</text>
        </g>
      ),
    }));
  const legend = flow(legendItems, legendTop + line + 4, line, font * 1.25);

  let bottom = legend.bottom;
  const extra: VNode[] = [];
  if (unplaced.length > 0) {
    const top = bottom + 8;
    extra.push(<text x={PAD} y={top + baseline} fill={COLOURS.ink}>{WORDS.unplaced[lang]}</text>);
    const links = flow(
      unplaced.map(({ code, count, name }) => {
        const label = `${name}: ${formatCount(count, ACTIVITIES, lang)}`;
        return {
          width: textWidth(label, font),
          render: (x: number, y: number) => (
            <a href={hrefFor(code)} aria-label={label} class="chart-link">
              <text x={x} y={y + baseline} fill={COLOURS.accent} text-decoration="underline">{label}</text>
            </a>
          ),
        };
      }),
      top + line,
      line,
      font * 1.25,
    );
    extra.push(...links.nodes);
    bottom = links.bottom;
  }

  const height = Math.ceil(bottom + 8);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      class={`chart chart-map chart-${layout}`}
      font-size={font}
      font-family={FONT_FAMILY}
      {...rootA11y(id, shown.length + unplaced.length > 0)}
    >
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{description}</desc>
      <path d={world.basePath} fill={COLOURS.land} stroke={COLOURS.border} stroke-width="0.4" stroke-linejoin="round" aria-hidden="true" />
      <g class="chart-countries">
        {shown.map(({ code, count, name, placed, fill }) => {
          const label = `${name}: ${formatCount(count, ACTIVITIES, lang)}`;
          const marker = placed.area < MARKER_AREA;
          return (
            <a href={hrefFor(code)} aria-label={label} class="chart-link" data-code={code}>
              <title>{label}</title>
              {placed.d && (
                <path class="chart-shape" d={placed.d} fill={fill} stroke={COLOURS.separator} stroke-width="0.5" stroke-linejoin="round" />
              )}
              {marker && (
                <circle class="chart-shape chart-marker" cx={placed.centroid[0]} cy={placed.centroid[1]} r={MARKER_RADIUS} fill={fill} stroke={COLOURS.separator} stroke-width="1" />
              )}
            </a>
          );
        })}
      </g>
      {heading}
      {legend.nodes}
      {extra}
    </svg>
  );
}

export function worldMapSvgToString(options: WorldMapOptions): string {
  return renderToString(worldMapSvg(options));
}
