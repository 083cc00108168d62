import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FuzzyDate } from '../dates/fuzzy-date.ts';
import { assertAccessibleSvg, elements, only, texts } from './chart.test-support.ts';
import { TIMELINE_LAYOUTS, type TimelineItem, type TimelineOptions, timelineSvgToString } from './timeline.tsx';

const day = (iso: string): FuzzyDate => ({ from: iso, to: iso, precision: 'day', phrase: iso });
const year = (y: number): FuzzyDate => ({ from: `${y}-01-01`, to: `${y}-12-31`, precision: 'year', phrase: String(y) });
const autumn = (y: number): FuzzyDate => ({ from: `${y}-09-01`, to: `${y}-11-30`, precision: 'season', phrase: `hösten ${y}` });

const { plotLeft, plotRight } = TIMELINE_LAYOUTS.wide;
/** Where a day starts on an axis of the years 2020 and 2021 (731 days). */
const xOn2020to2021 = (daysSince2020: number) => Math.round((plotLeft + (daysSince2020 / 731) * (plotRight - plotLeft)) * 100) / 100;

function render(items: TimelineItem[], options: Partial<TimelineOptions> = {}): string {
  return timelineSvgToString({
    id: 'tl',
    lang: 'sv',
    today: '2021-01-01',
    from: 2020,
    to: 2021,
    groups: [{ label: 'Pågående', items }],
    ...options,
  });
}

const item = (overrides: Partial<TimelineItem> = {}): TimelineItem => ({
  label: 'Asylstöd',
  href: '/sv/aktiviteter/asylstod',
  title: 'Asylstöd i Serbien',
  ...overrides,
});

/** The bar sections inside the link of row `row` of the first group. */
function sectionsOf(svg: string, row = 0) {
  const link = svg.split(`data-row="0-${row}"`)[1]!.split('</a>')[0]!;
  return elements(link, 'rect').filter((r) => r.class?.includes('chart-bar'));
}

describe('timelineSvg', () => {
  it('is an accessible SVG without inline styles', () => {
    assertAccessibleSvg(render([item({ start: autumn(2020), end: year(2021) })]));
  });

  it('draws one linked bar per item, named by its label and period in words', () => {
    const svg = timelineSvgToString({
      id: 'tl',
      lang: 'sv',
      today: '2024-03-01',
      groups: [
        { label: 'Pågående', items: [item({ start: autumn(2022), end: year(2026) }), item({ label: 'Två', href: '/2', start: day('2023-05-04') })] },
        { label: 'Avslutade', items: [item({ label: 'Tre', href: '/3', start: day('2019-01-01'), end: day('2019-06-30') })] },
      ],
    });
    const links = elements(svg, 'a');
    assert.deepEqual(links.map((a) => a.href), ['/sv/aktiviteter/asylstod', '/2', '/3']);
    assert.deepEqual(links.map((a) => a['aria-label']), [
      'Asylstöd, hösten 2022 – 2026',
      'Två, från 4 maj 2023',
      'Tre, 1 januari – 30 juni 2019',
    ]);
    for (const chunk of svg.split('<a ').slice(1)) {
      assert.ok(elements(chunk.split('</a>')[0]!, 'rect').some((r) => r.class?.includes('chart-bar')), 'each link holds a bar');
    }
    assert.ok(texts(svg, 'title').includes('Asylstöd i Serbien'), 'the tooltip');
    assert.deepEqual(texts(svg, 'text').filter((t) => t === 'Pågående' || t === 'Avslutade'), ['Pågående', 'Avslutade']);
  });

  it('spans exactly the days of a period given to the day', () => {
    const svg = render([
      item({ start: day('2020-01-01'), end: day('2021-12-31') }),
      item({ start: day('2021-01-01'), end: day('2021-12-31') }),
    ]);
    const whole = only(sectionsOf(svg, 0));
    assert.equal(whole.class, 'chart-shape chart-bar chart-bar-solid');
    assert.equal(Number(whole.x), plotLeft);
    assert.equal(Number(whole.width), plotRight - plotLeft);
    const second = only(sectionsOf(svg, 1));
    assert.equal(Number(second.x), xOn2020to2021(366));
    assert.equal(Number(second.x) + Number(second.width), plotRight);
  });

  it('draws the uncertain span of a bound given less precisely than a day as a fade', () => {
    const svg = render([item({ start: autumn(2020), end: year(2021) })]);
    const [start, middle, end] = sectionsOf(svg);
    assert.equal(start!.class, 'chart-shape chart-bar chart-bar-fuzzy-start');
    assert.equal(start!.fill, 'url(#tl-fuzzy-start)');
    assert.equal(Number(start!.x), xOn2020to2021(244)); // 1 September 2020
    assert.equal(Number(middle!.x), xOn2020to2021(335)); // 1 December 2020
    assert.equal(middle!.class, 'chart-shape chart-bar chart-bar-solid');
    assert.equal(end!.class, 'chart-shape chart-bar chart-bar-fuzzy-end');
    assert.equal(Number(end!.x), xOn2020to2021(366));
    const stops = elements(svg.split('id="tl-fuzzy-start"')[1]!.split('</linearGradient>')[0]!, 'stop');
    assert.ok(Number(stops[0]!['stop-opacity']) < Number(stops[1]!['stop-opacity']), 'fades in');
  });

  it('draws no fade for bounds given to the day', () => {
    const svg = render([item({ start: day('2020-03-01'), end: day('2021-02-28') })]);
    assert.deepEqual(sectionsOf(svg).map((s) => s.class), ['chart-shape chart-bar chart-bar-solid']);
    assert.doesNotMatch(svg, /chart-bar-(fuzzy|open)/);
  });

  it('fades an open end out to the right edge, and a missing start in from the left edge', () => {
    const svg = render([item({ start: day('2020-07-01') }), item({ end: day('2021-06-30') })]);
    const open = only(sectionsOf(svg, 0));
    assert.equal(open.class, 'chart-shape chart-bar chart-bar-open-end');
    assert.equal(Number(open.x) + Number(open.width), plotRight);
    const missing = only(sectionsOf(svg, 1));
    assert.equal(missing.class, 'chart-shape chart-bar chart-bar-open-start');
    assert.equal(Number(missing.x), plotLeft);
    assert.match(svg, /aria-label="Asylstöd, från 1 juli 2020"/);
    assert.match(svg, /aria-label="Asylstöd, till 30 juni 2021"/);
  });

  it('says so when an item has no dates at all', () => {
    const svg = render([item()]);
    assert.deepEqual(sectionsOf(svg), []);
    assert.match(svg, /aria-label="Asylstöd, datum saknas"/);
    assert.ok(texts(svg, 'text').includes('datum saknas'));
  });

  it('draws and labels the today line where today is', () => {
    const svg = render([item({ start: year(2020) })], { today: '2021-01-01' });
    const line = only(elements(svg.split('class="chart-today"')[1]!, 'line'));
    assert.equal(Number(line.x1), xOn2020to2021(366));
    assert.equal(line.x1, line.x2);
    assert.ok(texts(svg, 'text').includes('idag'));
    const english = render([item({ start: year(2020) })], { lang: 'en', today: '2020-07-01' });
    assert.equal(Number(only(elements(english.split('class="chart-today"')[1]!, 'line')).x1), xOn2020to2021(182));
    assert.ok(texts(english, 'text').includes('today'));
    assert.match(english, /<desc[^>]*>[^<]*today's date, 1 July 2020\./);
  });

  it('leaves the today line out when today is off the axis', () => {
    const svg = render([item({ start: year(2020) })], { today: '2030-01-01' });
    assert.doesNotMatch(svg, /chart-today/);
  });

  it('labels every year when there is room, and fewer when there is not', () => {
    const few = render([item({ start: year(2020) })], { from: 2018, to: 2024 });
    assert.deepEqual(texts(few, 'text').filter((t) => /^\d{4}$/.test(t)), ['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    const many = render([item({ start: year(2020) })], { from: 1990, to: 2029 });
    const labelled = texts(many, 'text').filter((t) => /^\d{4}$/.test(t)).map(Number);
    assert.ok(labelled.length < 40 && labelled.length >= 4, `${labelled.length} labels`);
    assert.ok(labelled.every((y) => y % 5 === 0) || labelled.every((y) => y % 2 === 0));
  });

  it('gives every gradient an id of its own chart, so two timelines on a page do not clash', () => {
    const a = render([item({ start: autumn(2020) })], { id: 'first' });
    const b = render([item({ start: autumn(2020) })], { id: 'second' });
    const idsOf = (svg: string) => elements(svg, 'linearGradient').map((g) => g.id!);
    assert.equal(idsOf(a).length, 4);
    assert.deepEqual(idsOf(a).filter((id) => idsOf(b).includes(id)), []);
    assert.match(a, /fill="url\(#first-fuzzy-start\)"/);
    assert.match(b, /fill="url\(#second-fuzzy-start\)"/);
  });

  it('cuts a long label with "…" and keeps it whole in the link name and a title', () => {
    const label = 'Stöd till asylsystemen i Serbien, Kosovo, Montenegro och Nordmakedonien under tre år';
    const svg = render([item({ label, start: year(2020) })]);
    const shown = texts(svg, 'text').find((t) => t.startsWith('Stöd till'))!;
    assert.ok(shown.endsWith('…') && shown.length < label.length, shown);
    assert.ok(texts(svg, 'title').includes(label));
    assert.match(svg, new RegExp(`aria-label="${label}, från 2020"`));
  });

  it('escapes labels', () => {
    const svg = render([item({ label: '<script>alert(1)</script>', title: '"><script>', start: year(2020) })]);
    assert.doesNotMatch(svg, /<script/);
    assert.match(svg, /&lt;script>alert\(1\)&lt;\/script>/);
    assertAccessibleSvg(svg);
  });

  it('has a narrow layout with the labels above the bars', () => {
    const svg = render([item({ start: day('2020-01-01'), end: day('2021-12-31') })], { layout: 'narrow' });
    assertAccessibleSvg(svg);
    assert.equal(elements(svg, 'svg')[0]!.viewBox!.split(' ')[2], '320');
    const bar = only(sectionsOf(svg));
    assert.equal(Number(bar.x), TIMELINE_LAYOUTS.narrow.plotLeft);
    assert.equal(Number(bar.width), TIMELINE_LAYOUTS.narrow.plotRight - TIMELINE_LAYOUTS.narrow.plotLeft);
  });

  it('renders the same markup every time', () => {
    const items = [item({ start: autumn(2020), end: year(2021) })];
    assert.equal(render(items), render(items));
  });
});
