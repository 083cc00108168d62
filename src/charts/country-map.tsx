/**
 * A small locator map for an activity page: the region around the activity's countries, those
 * countries highlighted and their neighbours in grey. The projection is an azimuthal equal-area
 * one centred on the countries, so that any region on the globe is drawn without distortion at
 * its edges; it always shows at least a few hundred kilometres around a small country.
 */
import {
  type GeoProjection,
  geoArea,
  geoAzimuthalEqualArea,
  geoCentroid,
  geoCircle,
  geoDistance,
  geoEqualEarth,
  geoPath,
} from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { countryName } from '../reference/countries.ts';
import type { Lang } from '../shared/i18n.ts';
import { COLOURS, chartIds, formatList, rootA11y, round } from './chart.shared.ts';
import { FALLBACK_POSITIONS, type Resolution, countryShapes } from './world-atlas.ts';

export interface CountryMapOptions {
  /** Prefix of every id in the SVG; unique on the page. */
  id: string;
  lang: Lang;
  /** ISO 3166-1 alpha-2 codes ('XK' for Kosovo); codes the atlas does not know are left out. */
  codes: string[];
}

export const COUNTRY_MAP_SIZE = { width: 400, height: 300 } as const;
const { width: WIDTH, height: HEIGHT } = COUNTRY_MAP_SIZE;
const PADDING = 24;
/** Degrees of arc always shown around the centre: enough to see the neighbours of Kosovo. */
const MIN_RADIUS = 6;
/** Parts of a country further than this from its largest part (Alaska, Réunion) do not widen the view. */
const MAIN_PART_RADIUS = 25;
/** Beyond this the region is most of a hemisphere, and the whole world is shown instead. */
const MAX_RADIUS = 70;
/** Highlighted countries smaller than this (square user units) also get a marker. */
const MARKER_AREA = 40;
/** Views reaching further than this from their centre (degrees) are drawn from the coarser atlas. */
const DETAILED_UP_TO = 30;

type Shape = Feature<Geometry, { name: string }>;

const WORDS = {
  title: { sv: 'Karta', en: 'Map' },
  desc: {
    sv: (names: string) => `Karta över regionen kring ${names}. Markerat med blått: ${names}.`,
    en: (names: string) => `Map of the region around ${names}. Highlighted in blue: ${names}.`,
  },
};

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

/** The polygons of a country near its largest one: the part a locator map should frame. */
function mainPart(shape: Shape): Polygon | MultiPolygon | undefined {
  const polygons = polygonsOf(shape.geometry);
  if (polygons.length === 0) return undefined;
  const asFeature = (coordinates: Position[][]): Feature<Polygon> => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates },
  });
  const largest = polygons.reduce((best, p) => (geoArea(asFeature(p)) > geoArea(asFeature(best)) ? p : best));
  const centre = geoCentroid(asFeature(largest));
  const near = polygons.filter((p) => geoDistance(geoCentroid(asFeature(p)), centre) * (180 / Math.PI) <= MAIN_PART_RADIUS);
  return { type: 'MultiPolygon', coordinates: near };
}

interface Located {
  code: string;
  shapes: Shape[];
  /** Where a marker goes when there is no shape to draw. */
  point?: [number, number];
}

function locate(codes: readonly string[], resolution: Resolution): Located[] {
  const byCode = countryShapes(resolution).byCode;
  const found: Located[] = [];
  for (const code of codes) {
    const shapes = byCode.get(code);
    const fallback = FALLBACK_POSITIONS[code];
    if (shapes) found.push({ code, shapes: [...shapes] });
    else if (fallback) found.push({ code, shapes: [], point: [fallback[0], fallback[1]] });
  }
  return found;
}

const DEGREES = 180 / Math.PI;

interface View {
  projection: GeoProjection;
  /** The centre of the view and the arc (degrees) from it to the furthest corner; 180 for the world. */
  centre: [number, number];
  radius: number;
}

function viewOf(located: readonly Located[]): View {
  const frame: Geometry[] = [];
  for (const place of located) {
    for (const shape of place.shapes) {
      const main = mainPart(shape);
      if (main) frame.push(main);
    }
    if (place.point) frame.push({ type: 'Point', coordinates: place.point });
  }
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: frame.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  };
  const [lon, lat] = geoCentroid(collection);
  const centre: [number, number] = [lon, lat];
  const spread = Math.max(...frame.flatMap(vertices).map((v) => geoDistance(centre, v as [number, number]))) * DEGREES;
  const extent: [[number, number], [number, number]] = [[PADDING, PADDING], [WIDTH - PADDING, HEIGHT - PADDING]];
  if (!(spread <= MAX_RADIUS)) {
    return { projection: geoEqualEarth().fitExtent(extent, { type: 'Sphere' }), centre, radius: 180 };
  }
  collection.features.push({ type: 'Feature', properties: {}, geometry: geoCircle().center(centre).radius(MIN_RADIUS)() });
  const projection = geoAzimuthalEqualArea()
    .rotate([-lon, -lat])
    .clipAngle(90)
    .fitExtent(extent, collection)
    .clipExtent([[0, 0], [WIDTH, HEIGHT]]);
  const corners: [number, number][] = [[0, 0], [WIDTH, 0], [0, HEIGHT], [WIDTH, HEIGHT]];
  const radius = Math.max(...corners.map((c) => {
    const lonLat = projection.invert?.(c);
    return lonLat ? geoDistance(centre, lonLat) * DEGREES : 90;
  }));
  return { projection, centre, radius };
}

function vertices(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  return polygonsOf(geometry).flatMap((p) => p[0] ?? []);
}

/** For each shape, the smallest circle around its centroid that holds it: to skip shapes out of view cheaply. */
const CAP_MARGIN = 2;
const caps = new WeakMap<Shape, { centre: [number, number]; radius: number }>();

function capOf(shape: Shape) {
  let cap = caps.get(shape);
  if (!cap) {
    const centre = geoCentroid(shape);
    // Every few vertices of every ring are enough, with a margin for what lies between them.
    let radius = 0;
    for (const polygon of polygonsOf(shape.geometry)) {
      const ring = polygon[0] ?? [];
      const stride = Math.ceil(ring.length / 32);
      for (let i = 0; i < ring.length; i += stride) {
        radius = Math.max(radius, geoDistance(centre, ring[i] as [number, number]));
      }
    }
    cap = { centre, radius: radius * DEGREES + CAP_MARGIN };
    caps.set(shape, cap);
  }
  return cap;
}

interface Drawing {
  codes: string[];
  base: string;
  shapes: { d: string; marker?: [number, number] }[];
}

/** Drawings by set of codes: activity pages share few sets, and a drawing takes tens of milliseconds. */
const drawings = new Map<string, Drawing | null>();
const MAX_DRAWINGS = 256;

function drawingFor(codes: readonly string[]): Drawing | null {
  const key = [...new Set(codes)].sort().join(' ');
  const cached = drawings.get(key);
  if (cached !== undefined) return cached;
  const drawing = draw(key.split(' '));
  if (drawings.size >= MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
  drawings.set(key, drawing);
  return drawing;
}

function draw(codes: readonly string[]): Drawing | null {
  const located = locate(codes, '50m');
  if (located.length === 0) return null;
  const view = viewOf(located);
  // A wide view gains nothing from the detailed atlas but bytes.
  const resolution: Resolution = view.radius > DETAILED_UP_TO ? '110m' : '50m';
  const path = geoPath(view.projection).digits(1);
  const visible = (shape: Shape) => {
    if (view.radius >= 180) return true;
    const cap = capOf(shape);
    return geoDistance(view.centre, cap.centre) * DEGREES - cap.radius <= view.radius;
  };
  const base = countryShapes(resolution).all.features.filter(visible).map((f) => path(f) ?? '').join('');
  const coarse = resolution === '110m' ? new Map(locate(codes, '110m').map((l) => [l.code, l])) : undefined;
  const shapes: Drawing['shapes'] = [];
  for (const fine of located) {
    const place = coarse?.get(fine.code) ?? fine;
    const area = place.shapes.reduce((sum, s) => sum + path.area(s), 0);
    const d = place.shapes.map((s) => path(s) ?? '').join('');
    const largest = fine.shapes.length > 0 ? fine.shapes.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a)) : undefined;
    const centre = largest ? view.projection(geoCentroid(largest)) : fine.point ? view.projection(fine.point) : null;
    const marker: [number, number] | undefined = centre && area < MARKER_AREA ? [round(centre[0]), round(centre[1])] : undefined;
    if (d || marker) shapes.push(marker ? { d, marker } : { d });
  }
  return { codes: located.map((l) => l.code), base, shapes };
}

/** A locator map of `codes`, or null when there is nothing to locate. */
export function countryMapSvg({ id, lang, codes }: CountryMapOptions): VNode | null {
  if (codes.length === 0) return null;
  const drawing = drawingFor(codes);
  if (!drawing) return null;
  const ids = chartIds(id);
  const names = formatList(drawing.codes.map((code) => countryName(code, lang)), lang);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      class="chart chart-locator"
      data-codes={drawing.codes.join(' ')}
      {...rootA11y(id, false)}
    >
      <title id={ids.title}>{`${WORDS.title[lang]}: ${names}`}</title>
      <desc id={ids.desc}>{WORDS.desc[lang](names)}</desc>
      <path d={drawing.base} fill={COLOURS.land} stroke={COLOURS.border} stroke-width="0.5" stroke-linejoin="round" />
      {drawing.shapes.map(({ d }) =>
        d ? <path class="chart-shape" d={d} fill={COLOURS.accent} stroke={COLOURS.separator} stroke-width="0.8" stroke-linejoin="round" /> : null,
      )}
      {drawing.shapes.map(({ marker }) =>
        marker ? <circle class="chart-marker" cx={marker[0]} cy={marker[1]} r="6" fill={COLOURS.accent} stroke={COLOURS.ink} stroke-width="1.5" /> : null,
      )}
      <rect x="0.5" y="0.5" width={WIDTH - 1} height={HEIGHT - 1} fill="none" stroke={COLOURS.grid} />
    </svg>
  );
}

export function countryMapSvgToString(options: CountryMapOptions): string {
  const svg = countryMapSvg(options);
  return svg ? renderToString(svg) : '';
}
