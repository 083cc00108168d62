/**
 * stemmedText must give exactly the stems Snowball gives for words(): the index is built with it
 * and queries are stemmed with stem(), so any difference would make words unfindable. Words of
 * digits only skip the stemmer; this pins that Snowball leaves them as they are.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import snowball from 'snowball-stemmers';
import { stem, stemmedText, words } from '../../src/search/search.text.ts';

const stemmers = { sv: snowball.newStemmer('swedish'), en: snowball.newStemmer('english') };
const LANGS = ['sv', 'en'] as const;

const DIGIT_WORDS = [
  '0', '1', '7', '00', '09', '10', '42', '100', '2020', '2023', '00012', '1000000', '12345678901234567890',
  '٠١٢٣', '١٩٩٠', '۱۲۳', '०१२', '১২৩', '１２３', '²', '³', '½', '¼', '①', '⑳', 'ⅻ', 'ⅰⅱ', '〇', '𝟙𝟚',
];
const MIXED_WORDS = [
  '1990s', '2020s', 'covid19', 'a1', 's1', 'sdg16', '16e', '3d', '4th', '2nd', '1st', 'mp3', 'x86', 'ies2',
  'års2020', '10ans', '100ing', '12ed', '9ies', '0s', '1ss', 'ab12cd', 'fn2030', 'åtgärder2', '2åtgärder',
];
const TEXT = [
  'Stärkt kapacitet för hållbar förvaltning 2021–2024: 1 200 000 SEK, 3 länder (SE-0-12345, SDG 16.6).',
  'Capacity building for sustainable governance in the 1990s and 2020s; covid19 response, phase 2 of 3.',
  'Åtgärderna genomfördes i samarbete med myndigheterna; kurserna hölls ①② gånger, ½ dag var.',
  'Supporting implementation, strengthening institutions — "quotes", brackets [x], emoji 🌍 and NaN.',
  'Ⅻ ⅻ ٠١٢٣ ١٩٩٠ १२३ ＡＢＣ１２３ straße ÆØÅ æøå İstanbul ΣΊΣΥΦΟΣ',
  `${'a'.repeat(40)} ${'b'.repeat(41)} ${'1'.repeat(41)} ${'2'.repeat(40)}`,
].join('\n');

test('a word of digits only is its own Snowball stem, in both languages', () => {
  for (const lang of LANGS) {
    for (const w of DIGIT_WORDS) {
      assert.deepEqual(words(w), [w], w);
      assert.equal(stemmers[lang].stem(w), w, `${lang} ${w}`);
      assert.equal(stem(w, lang), w, `${lang} ${w}`);
    }
  }
});

test('stem() gives Snowball\'s stem for words with and without digits, cached or not', () => {
  for (const lang of LANGS) {
    for (const w of [...MIXED_WORDS, ...words(TEXT)]) {
      const expected = stemmers[lang].stem(w);
      assert.equal(stem(w, lang), expected, `${lang} ${w}`);
      assert.equal(stem(w, lang), expected, `${lang} ${w} (second time)`);
    }
  }
});

test('stemmedText is words() stemmed by Snowball and joined by spaces', () => {
  for (const lang of LANGS) {
    for (const text of [TEXT, ...TEXT.split('\n'), '', '   ', '—', DIGIT_WORDS.join(' '), MIXED_WORDS.join(', ')]) {
      assert.equal(stemmedText(text, lang), words(text).map((w) => stemmers[lang].stem(w)).join(' '), `${lang}: ${text}`);
    }
  }
});
