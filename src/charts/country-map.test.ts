import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLOURS } from './chart.shared.ts';
import { assertAccessibleSvg, elements, texts } from './chart.test-support.ts';
import { countryMapSvg, countryMapSvgToString } from './country-map.tsx';

describe('countryMapSvg', () => {
  it('returns null without countries, or with none it can place', () => {
    assert.equal(countryMapSvg({ id: 'k', lang: 'sv', codes: [] }), null);
    assert.equal(countryMapSvg({ id: 'k', lang: 'sv', codes: ['ZZ'] }), null);
    assert.equal(countryMapSvgToString({ id: 'k', lang: 'sv', codes: [] }), '');
  });

  it('is one accessible image that names the countries', () => {
    const svg = countryMapSvgToString({ id: 'plats', lang: 'sv', codes: ['RS', 'XK'] });
    assertAccessibleSvg(svg);
    assert.equal(elements(svg, 'svg')[0]!.role, 'img');
    assert.deepEqual(texts(svg, 'title'), ['Karta: Serbien och Kosovo']);
    assert.deepEqual(texts(svg, 'desc'), ['Karta över regionen kring Serbien och Kosovo. Markerat med blått: Serbien och Kosovo.']);
    const english = countryMapSvgToString({ id: 'place', lang: 'en', codes: ['XK'] });
    assert.deepEqual(texts(english, 'desc'), ['Map of the region around Kosovo. Highlighted in blue: Kosovo.']);
  });

  it('highlights the countries over a grey base layer', () => {
    const svg = countryMapSvgToString({ id: 'plats', lang: 'sv', codes: ['XK', 'RS', 'XK'] });
    const paths = elements(svg, 'path');
    assert.equal(paths[0]!.fill, COLOURS.land, 'the base layer comes first');
    assert.equal(paths.filter((p) => p.fill === COLOURS.accent).length, 2, 'one shape per country');
    assert.equal(elements(svg, 'svg')[0]!['data-codes'], 'RS XK');
  });

  it('zooms out around a small country far enough to show its neighbours', () => {
    const svg = countryMapSvgToString({ id: 'plats', lang: 'sv', codes: ['XK'] });
    const [base, kosovo] = elements(svg, 'path');
    // Kosovo fills only a small part of the frame; the base layer holds many neighbours.
    const xs = Array.from(kosovo!.d!.matchAll(/[ML](-?[\d.]+),/g), (m) => Number(m[1]));
    assert.ok(Math.max(...xs) - Math.min(...xs) < 120, 'Kosovo is less than a third of the width');
    assert.ok(base!.d!.split('M').length > 40, 'neighbours are drawn');
  });

  it('marks a country too small to see', () => {
    const svg = countryMapSvgToString({ id: 'plats', lang: 'sv', codes: ['MV'] });
    assert.equal(elements(svg, 'circle').length, 1);
  });

  it('renders the same markup every time', () => {
    const options = { id: 'plats', lang: 'sv' as const, codes: ['SE', 'NO'] };
    assert.equal(countryMapSvgToString(options), countryMapSvgToString(options));
  });
});
