import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BarChartOptions, barChartSvgToString, columnChartSvgToString } from './bar-chart.tsx';
import { ACTIVITIES } from './chart.shared.ts';
import { assertAccessibleSvg, elements, texts } from './chart.test-support.ts';

const options: BarChartOptions = {
  id: 'per-land',
  lang: 'sv',
  title: 'Aktiviteter per land',
  description: 'Antal aktiviteter i varje land.',
  rows: [
    { label: 'Serbien', value: 1600, href: '/sv/lander/rs' },
    { label: 'Kosovo', value: 1, href: '/sv/lander/xk' },
    { label: 'Montenegro', value: 320 },
  ],
  unit: ACTIVITIES,
};

describe('barChartSvg', () => {
  it('is an accessible SVG without inline styles', () => {
    const svg = barChartSvgToString(options);
    assertAccessibleSvg(svg);
    assert.equal(elements(svg, 'svg')[0]!.role, 'group');
  });

  it('is one image when no row is a link', () => {
    const svg = barChartSvgToString({ ...options, rows: options.rows.map(({ label, value }) => ({ label, value })) });
    assertAccessibleSvg(svg);
    assert.equal(elements(svg, 'svg')[0]!.role, 'img');
    assert.equal(elements(svg, 'a').length, 0);
  });

  it('writes the values at the bar ends, formatted for the language', () => {
    const sv = barChartSvgToString(options);
    assert.deepEqual(texts(sv, 'text').filter((t) => /\d/.test(t)), ['1\u00a0600 aktiviteter', '1 aktivitet', '320 aktiviteter']);
    const en = barChartSvgToString({ ...options, lang: 'en' });
    assert.deepEqual(texts(en, 'text').filter((t) => /\d/.test(t)), ['1,600 activities', '1 activity', '320 activities']);
    const bars = elements(sv, 'rect').filter((r) => r.class === 'chart-shape chart-bar');
    const values = elements(sv, 'text').filter((t) => t.class === 'chart-value');
    bars.forEach((bar, i) => assert.equal(Number(values[i]!.x), Math.round((Number(bar.x) + Number(bar.width) + 6) * 100) / 100));
    assert.ok(Number(bars[0]!.width) > Number(bars[2]!.width) && Number(bars[2]!.width) > Number(bars[1]!.width));
  });

  it('keeps the rows in the order given and links the labels', () => {
    const svg = barChartSvgToString(options);
    assert.deepEqual(texts(svg, 'text').filter((t) => !/\d/.test(t)), ['Serbien', 'Kosovo', 'Montenegro']);
    assert.deepEqual(elements(svg, 'a').map((a) => [a.href, a['aria-label']]), [
      ['/sv/lander/rs', 'Serbien: 1\u00a0600 aktiviteter'],
      ['/sv/lander/xk', 'Kosovo: 1 aktivitet'],
    ]);
  });

  it('puts every value in the description', () => {
    assert.deepEqual(texts(barChartSvgToString(options), 'desc'), [
      'Antal aktiviteter i varje land. Serbien: 1\u00a0600 aktiviteter; Kosovo: 1 aktivitet; Montenegro: 320 aktiviteter.',
    ]);
  });

  it('takes a unit without a singular', () => {
    const svg = barChartSvgToString({ ...options, lang: 'en', unit: { sv: 'kronor', en: 'SEK' } });
    assert.ok(texts(svg, 'text').includes('1 SEK'));
  });

  it('escapes labels', () => {
    const svg = barChartSvgToString({ ...options, rows: [{ label: '<script>alert(1)</script>', value: 2, href: '/x' }] });
    assertAccessibleSvg(svg);
    assert.doesNotMatch(svg, /<script/);
    assert.match(svg, /&lt;script>alert\(1\)&lt;\/script>/);
  });
});

describe('columnChartSvg', () => {
  const years = Array.from({ length: 30 }, (_, i) => ({ label: String(1997 + i), value: i * 3, href: `/sv/ar/${1997 + i}` }));

  it('is an accessible SVG with a column and a link per year', () => {
    const svg = columnChartSvgToString({ ...options, rows: years });
    assertAccessibleSvg(svg);
    assert.equal(elements(svg, 'rect').filter((r) => r.class === 'chart-shape chart-column').length, 30);
    assert.equal(elements(svg, 'a').length, 30);
    assert.equal(elements(svg, 'a')[2]!['aria-label'], '1999: 6 aktiviteter');
  });

  it('thins the year labels when they would crowd', () => {
    const crowded = texts(columnChartSvgToString({ ...options, rows: years, layout: 'narrow' }), 'text').filter((t) => /^\d{4}$/.test(t));
    assert.ok(crowded.length < 30 && crowded.length >= 3, `${crowded.length} labels`);
    assert.equal(crowded[0], '1997');
    const roomy = texts(columnChartSvgToString({ ...options, rows: years.slice(0, 6) }), 'text').filter((t) => /^\d{4}$/.test(t));
    assert.deepEqual(roomy, ['1997', '1998', '1999', '2000', '2001', '2002']);
  });

  it('draws a scale from zero, and columns of the right height', () => {
    const svg = columnChartSvgToString({ ...options, rows: [{ label: '2024', value: 10 }, { label: '2025', value: 5 }] });
    const columns = elements(svg, 'rect').filter((r) => r.class === 'chart-shape chart-column');
    assert.equal(Number(columns[0]!.height), 2 * Number(columns[1]!.height));
    assert.ok(texts(svg, 'text').includes('0'));
    assert.ok(texts(svg, 'text').includes('aktiviteter'), 'the unit names the scale');
  });
});
