import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVITIES, COLOURS, SEQUENTIAL, contrastRatio, formatCount, formatNumber, textWidth, truncate } from './chart.shared.ts';
import { ISO_NUMERIC_TO_ALPHA2, alpha2Of, countryShapes } from './world-atlas.ts';

describe('chart colours', () => {
  const white = '#ffffff';

  it('give text at least 4.5:1 on white', () => {
    for (const colour of [COLOURS.ink, COLOURS.muted, COLOURS.accent, COLOURS.today]) {
      assert.ok(contrastRatio(colour, white) >= 4.5, `${colour}: ${contrastRatio(colour, white).toFixed(2)}`);
    }
  });

  it('give shapes that carry information at least 3:1 on white and on the grey base layer', () => {
    for (const colour of [COLOURS.accent, COLOURS.today, ...SEQUENTIAL]) {
      assert.ok(contrastRatio(colour, white) >= 3, `${colour} on white`);
      assert.ok(contrastRatio(colour, COLOURS.land) >= 3, `${colour} on ${COLOURS.land}`);
    }
    assert.ok(contrastRatio(COLOURS.border, white) >= 3, 'country borders');
  });

  it('get darker from class to class', () => {
    const ratios = SEQUENTIAL.map((c) => contrastRatio(c, white));
    assert.deepEqual([...ratios].sort((a, b) => a - b), ratios);
  });

  it('are computed by the WCAG formula', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
  });
});

describe('chart words', () => {
  it('formats numbers for each language', () => {
    assert.equal(formatNumber(1600, 'sv'), '1\u00a0600');
    assert.equal(formatNumber(1600, 'en'), '1,600');
  });

  it('counts in the singular and the plural', () => {
    assert.equal(formatCount(1, ACTIVITIES, 'sv'), '1 aktivitet');
    assert.equal(formatCount(2, ACTIVITIES, 'sv'), '2 aktiviteter');
    assert.equal(formatCount(0, ACTIVITIES, 'sv'), '0 aktiviteter');
    assert.equal(formatCount(1, ACTIVITIES, 'en'), '1 activity');
    assert.equal(formatCount(21, ACTIVITIES, 'en'), '21 activities');
  });

  it('cuts text that is too wide at a whole character', () => {
    assert.deepEqual(truncate('Kort', 100, 13), { text: 'Kort', truncated: false });
    const cut = truncate('Ett mycket långt namn på en aktivitet', 100, 13);
    assert.ok(cut.truncated && cut.text.endsWith('…'));
    assert.ok(textWidth(cut.text, 13) <= 100);
    assert.equal(truncate('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 30, 13).text.includes('\u200d…'), false);
  });
});

describe('world atlas codes', () => {
  const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

  it('maps every numeric id in both atlases to an alpha-2 code that names a region', () => {
    for (const resolution of ['110m', '50m'] as const) {
      for (const shape of countryShapes(resolution).all.features) {
        if (shape.id === undefined) continue;
        const code = alpha2Of(shape);
        assert.ok(code, `${resolution} ${shape.id} ${shape.properties.name} has a code`);
        assert.notEqual(regionNames.of(code), code, `${code} is a region`);
      }
    }
    assert.equal(new Set(Object.values(ISO_NUMERIC_TO_ALPHA2)).size, Object.keys(ISO_NUMERIC_TO_ALPHA2).length);
  });

  it('finds Kosovo, which has no numeric id, by its name', () => {
    for (const resolution of ['110m', '50m'] as const) {
      assert.equal(countryShapes(resolution).byCode.get('XK')?.[0]?.properties.name, 'Kosovo');
    }
  });

  it('agrees with the atlas names for a sample of codes', () => {
    const names = new Map(countryShapes('110m').all.features.map((f) => [alpha2Of(f), f.properties.name]));
    assert.equal(names.get('RS'), 'Serbia');
    assert.equal(names.get('ME'), 'Montenegro');
    assert.equal(names.get('MK'), 'Macedonia');
    assert.equal(names.get('BA'), 'Bosnia and Herz.');
    assert.equal(names.get('SE'), 'Sweden');
    assert.equal(names.get('CD'), 'Dem. Rep. Congo');
  });
});
