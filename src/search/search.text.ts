/**
 * Words for the search index and for queries. Search text is user text, never query syntax:
 * it is cut into words of letters and digits, so quotes, operators, brackets and emoji are
 * simply not words. SQLite gets Snowball stems made here; PostgreSQL stems with its own
 * swedish and english configurations.
 */
import snowball from 'snowball-stemmers';
import type { Lang } from '../shared/i18n.ts';

const stemmers = { sv: snowball.newStemmer('swedish'), en: snowball.newStemmer('english') };

/** At most this many words of at most this length count in a query; the rest is ignored. */
export const MAX_QUERY_WORDS = 12;
const MAX_WORD_LENGTH = 40;

const NOT_WORD = /[^\p{L}\p{N}]+/u;

export function words(text: string): string[] {
  // Lower case without a locale: ICU has no Swedish or English casing rules (only Turkish, Azeri
  // and Lithuanian differ), so this is the same result as toLocaleLowerCase('sv'), and cheaper.
  return text.toLowerCase().split(NOT_WORD).filter(isWord);
}

const isWord = (w: string) => w.length > 0 && w.length <= MAX_WORD_LENGTH;

/**
 * Stems already computed: the index stems every word of every activity, and a portfolio's texts
 * use a small vocabulary, so most words were stemmed before. Words with digits (numbers, the
 * ends of slugs) are mostly different in every activity and are not kept. Emptied when full, so
 * that a large import holds a few megabytes here, not one entry per activity.
 */
const stemCache = { sv: new Map<string, string>(), en: new Map<string, string>() };
const STEM_CACHE_SIZE = 20_000;
const DIGIT = /\p{N}/u;
/**
 * A word of digits only is its own stem in both languages (Snowball's rules look at vowels and
 * letter suffixes, and no digit is either; search.text.stems.test.ts pins it), so numbers, the
 * most frequent words the cache cannot hold, skip the stemmer.
 */
const DIGITS_ONLY = /^\p{N}+$/u;

export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let stemmed = cache.get(word);
  if (stemmed !== undefined) return stemmed;
  if (DIGIT.test(word)) return DIGITS_ONLY.test(word) ? word : stemmers[lang].stem(word);
  stemmed = stemmers[lang].stem(word);
  if (cache.size >= STEM_CACHE_SIZE) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}

/** The stemmed form of a text, for SQLite's index: words() stemmed, without the array of words. */
export function stemmedText(text: string, lang: Lang): string {
  const stems: string[] = [];
  for (const w of text.toLowerCase().split(NOT_WORD)) if (isWord(w)) stems.push(stem(w, lang));
  return stems.join(' ');
}

/** The words of a query, de-duplicated and capped. */
export function queryWords(query: string): string[] {
  return [...new Set(words(query))].slice(0, MAX_QUERY_WORDS);
}

/**
 * An FTS5 MATCH expression: every word must occur, in its Swedish or English stem, in either
 * column. Words are letters and digits only and are quoted, so nothing the user typed is syntax.
 */
export function fts5Query(query: string): string | undefined {
  const terms = queryWords(query).map((w) => {
    const forms = [...new Set([stem(w, 'sv'), stem(w, 'en'), w])];
    return `(${forms.map((f) => `"${f}"`).join(' OR ')})`;
  });
  return terms.length ? terms.join(' AND ') : undefined;
}
