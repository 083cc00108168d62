import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEQUENTIAL } from './chart.shared.ts';
import { assertAccessibleSvg, elements, texts } from './chart.test-support.ts';
import { type WorldMapOptions, mapClasses, worldMapSvgToString } from './world-map.tsx';

const counts = { RS: 4, XK: 1, ME: 2, MK: 3, AL: 0, SE: 40, AF: 12, SO: 5 };

function render(options: Partial<WorldMapOptions> = {}): string {
  return worldMapSvgToString({
    id: 'karta',
    lang: 'sv',
    counts,
    hrefFor: (code) => `/sv/lander/${code.toLowerCase()}`,
    title: 'Aktiviteter per land',
    description: 'Karta över de länder där myndigheten har aktiviteter.',
    ...options,
  });
}

/** The link of one country: its attributes and the markup inside it. */
function linkOf(svg: string, code: string) {
  const chunk = svg.split(`data-code="${code}"`)[1]?.split('</a>')[0];
  assert.ok(chunk, `a link for ${code}`);
  const attributes = elements(svg, 'a').find((a) => a['data-code'] === code)!;
  return { attributes, paths: elements(chunk, 'path'), markers: elements(chunk, 'circle') };
}

describe('worldMapSvg', () => {
  it('is an accessible SVG without inline styles, a group because it holds links', () => {
    const svg = render();
    assertAccessibleSvg(svg);
    assert.equal(elements(svg, 'svg')[0]!.role, 'group');
    assert.match(svg, /<title id="karta-title">Aktiviteter per land<\/title>/);
  });

  it('links every country with activities, Kosovo included, named with its count in Swedish', () => {
    const svg = render();
    const names = Object.fromEntries(elements(svg, 'a').filter((a) => a['data-code']).map((a) => [a['data-code'], a['aria-label']]));
    assert.deepEqual(names, {
      RS: 'Serbien: 4 aktiviteter',
      XK: 'Kosovo: 1 aktivitet',
      ME: 'Montenegro: 2 aktiviteter',
      MK: 'Nordmakedonien: 3 aktiviteter',
      SE: 'Sverige: 40 aktiviteter',
      AF: 'Afghanistan: 12 aktiviteter',
      SO: 'Somalia: 5 aktiviteter',
    });
    assert.equal(linkOf(svg, 'XK').attributes.href, '/sv/lander/xk');
    assert.ok(!svg.includes('data-code="AL"'), 'a count of 0 is not shown');
  });

  it('writes singular and plural right in English', () => {
    const svg = render({ lang: 'en', hrefFor: (code) => `/en/countries/${code}` });
    const labels = elements(svg, 'a').map((a) => a['aria-label']);
    assert.ok(labels.includes('Kosovo: 1 activity'));
    assert.ok(labels.includes('Serbia: 4 activities'));
    assert.ok(labels.includes('North Macedonia: 3 activities'));
  });

  it('draws Kosovo from the atlas and marks the tiny Balkan countries so they can be clicked', () => {
    const svg = render();
    for (const code of ['XK', 'ME', 'MK']) {
      const { paths, markers } = linkOf(svg, code);
      assert.equal(paths.length, 1, `${code} has its shape`);
      assert.equal(markers.length, 1, `${code} has a marker`);
    }
    assert.equal(linkOf(svg, 'SE').markers.length, 0, 'large countries need no marker');
    // Markers are painted last, over their neighbours: the small countries come after the large.
    const order = elements(svg, 'a').map((a) => a['data-code']);
    assert.ok(order.indexOf('XK') > order.indexOf('RS'));
  });

  it('fills countries by class, and states the classes in words in the legend', () => {
    const svg = render();
    assert.deepEqual(
      mapClasses(counts, 'sv').map((c) => c.label),
      ['1 aktivitet', '2–3 aktiviteter', '4–9 aktiviteter', '10–19 aktiviteter', '20–40 aktiviteter'],
    );
    for (const label of ['Antal aktiviteter', '1 aktivitet', '2–3 aktiviteter', '4–9 aktiviteter', '10–19 aktiviteter', '20–40 aktiviteter']) {
      assert.ok(texts(svg, 'text').includes(label), label);
    }
    assert.equal(linkOf(svg, 'XK').paths[0]!.fill, SEQUENTIAL[0]);
    assert.equal(linkOf(svg, 'ME').paths[0]!.fill, SEQUENTIAL[1]);
    assert.equal(linkOf(svg, 'MK').paths[0]!.fill, SEQUENTIAL[1]);
    assert.equal(linkOf(svg, 'RS').paths[0]!.fill, SEQUENTIAL[2]);
    assert.equal(linkOf(svg, 'SE').paths[0]!.fill, SEQUENTIAL[4]);
  });

  it('makes a class of each count up to five, and names the classes in English', () => {
    assert.deepEqual(mapClasses({ RS: 3, XK: 1 }, 'en').map((c) => c.label), ['1 activity', '2 activities', '3 activities']);
    assert.deepEqual(mapClasses({ RS: 1 }, 'en').map((c) => [c.label, c.fill]), [['1 activity', SEQUENTIAL[2]]]);
    assert.deepEqual(mapClasses({ SE: 1600 }, 'sv').at(-1)!.label, '400–1\u00a0600 aktiviteter');
    assert.deepEqual(mapClasses({}, 'sv'), []);
    const ranges = mapClasses({ SE: 237 }, 'sv');
    assert.equal(ranges.length, 5);
    ranges.forEach((c, i) => assert.equal(c.min, i === 0 ? 1 : ranges[i - 1]!.max + 1, 'classes leave no gaps'));
  });

  it('marks a country missing from the coarse atlas, and lists one it cannot place', () => {
    const svg = render({ counts: { MV: 2, TV: 1 } });
    const maldives = linkOf(svg, 'MV');
    assert.equal(maldives.paths.length, 0);
    assert.equal(maldives.markers.length, 1);
    assert.ok(texts(svg, 'text').includes('Visas inte på kartan:'));
    assert.ok(elements(svg, 'a').some((a) => a.href === '/sv/lander/tv' && a['aria-label'] === 'Tuvalu: 1 aktivitet'));
  });

  it('says when there is nothing to show', () => {
    const svg = render({ counts: {} });
    assertAccessibleSvg(svg);
    assert.equal(elements(svg, 'svg')[0]!.role, 'img', 'without links the map is one image');
    assert.ok(texts(svg, 'text').includes('Inga aktiviteter'));
    assert.equal(elements(render({ counts: { rs: 3, '688': 1, RS: 0 } }), 'a').length, 0, 'only upper-case alpha-2 codes with a count');
  });

  it('escapes the title and description', () => {
    const svg = render({ title: '<script>alert(1)</script>', description: 'a & b <b>' });
    assert.doesNotMatch(svg, /<script|<b>/);
    assert.match(svg, /&lt;script>/);
    assert.match(svg, /a &amp; b &lt;b>/);
  });

  it('has a narrow layout with a larger legend', () => {
    const svg = render({ layout: 'narrow' });
    assertAccessibleSvg(svg);
    assert.ok(Number(elements(svg, 'svg')[0]!['font-size']) > Number(elements(render(), 'svg')[0]!['font-size']));
  });

  it('renders the same markup every time', () => {
    assert.equal(render(), render());
  });
});
