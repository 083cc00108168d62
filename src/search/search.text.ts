/**
 * Words for the search index and for queries. Search text is user text, never query syntax:
 * it is cut into words of letters and digits, so quotes, operators, brackets and emoji are
 * simply not words. Both databases index the Snowball stems made here and are queried with the
 * same forms of each query word (docs/decisions/003-one-search.md): SQLite as FTS5 text and MATCH
 * expressions, PostgreSQL as tsvector and tsquery literals, so the server parses no text and
 * stems nothing.
 */
import snowball from 'snowball-stemmers';
import type { Lang } from '../shared/i18n.ts';

const stemmers = { sv: snowball.newStemmer('swedish'), en: snowball.newStemmer('english') };

/** At most this many words of at most this length count in a query; the rest is ignored. */
export const MAX_QUERY_WORDS = 12;
const MAX_WORD_LENGTH = 40;

const NOT_WORD = /[^\p{L}\p{N}]+/u;
/**
 * The same within Latin-1 (U+0000–U+00FF), where almost all Swedish and English text is: a plain
 * character class splits about three times faster than Unicode properties (search.pg-stems.test.ts
 * checks every one of the 256 characters against \p{L}\p{N}).
 */
export const NOT_WORD_LATIN1 = /[^0-9A-Za-zªµºÀ-ÖØ-öø-ÿ²³¹¼-¾]+/;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** The text in lower case, cut where there is no letter or digit (empty strings included). */
function split(text: string): string[] {
  // Lower case without a locale: ICU has no Swedish or English casing rules (only Turkish, Azeri
  // and Lithuanian differ), so this is the same result as toLocaleLowerCase('sv'), and cheaper.
  const lower = text.toLowerCase();
  return lower.split(BEYOND_LATIN1.test(lower) ? NOT_WORD : NOT_WORD_LATIN1);
}

export function words(text: string): string[] {
  return split(text).filter(isWord);
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

/** The stem of every word of the text, in order: words() stemmed. */
function stems(text: string, lang: Lang): string[] {
  const stemmed: string[] = [];
  for (const w of split(text)) if (isWord(w)) stemmed.push(stem(w, lang));
  return stemmed;
}

/** The stemmed form of a text, for SQLite's index: its stems joined by spaces. */
export function stemmedText(text: string, lang: Lang): string {
  return stems(text, lang).join(' ');
}

/**
 * PostgreSQL's limits on a tsvector: positions run from 1 to 16383 (to_tsvector gives every later
 * word 16383), a lexeme keeps at most 256 positions, and its stored form may take at most
 * 1048575 bytes: each lexeme's UTF-8 bytes rounded up to an even number, plus 2 bytes for its
 * count of positions and 2 for each position (the server reports exactly this sum when it refuses
 * one). to_tsvector refuses a text that passes it; the literal instead leaves out the further
 * words and positions, so that a huge text still indexes what fits.
 */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_TSVECTOR_BYTES = (1 << 20) - 1;

const QUOTED = /['\\]/;

/** A lexeme quoted for a tsvector or tsquery literal: inside the quotes, a quote or a backslash is doubled. */
export function tsLexeme(word: string): string {
  return `'${QUOTED.test(word) ? word.replace(/['\\]/g, '$&$&') : word}'`;
}

/** One lexeme of a tsvector being built: its positions so far, as the literal writes them. */
interface Positions {
  text: string;
  count: number;
  last: number;
}

/**
 * A tsvector literal of the stems of the texts, each in its language, for PostgreSQL's index:
 * `'stem':1,4 'other':2`. Positions run on from one text into the next (as to_tsvector(a) ||
 * to_tsvector(b) numbers them), so that ts_rank still sees how close the words are. The value is
 * cast with ::tsvector, which parses the literal and looks up no dictionary.
 */
export function tsvectorLiteral(texts: readonly { text: string; lang: Lang }[]): string {
  const lexemes = new Map<string, Positions>();
  let position = 0;
  let bytes = 0;
  for (const { text, lang } of texts) {
    for (const stemmed of stems(text, lang)) {
      if (position < MAX_POSITION) position++;
      const at = lexemes.get(stemmed);
      if (at === undefined) {
        const length = Buffer.byteLength(stemmed);
        const size = length + (length & 1) + 4;
        if (bytes + size > MAX_TSVECTOR_BYTES) continue;
        bytes += size;
        lexemes.set(stemmed, { text: `${tsLexeme(stemmed)}:${position}`, count: 1, last: position });
      } else if (at.count < MAX_POSITIONS_PER_LEXEME && at.last !== position && bytes + 2 <= MAX_TSVECTOR_BYTES) {
        bytes += 2;
        at.text += `,${position}`;
        at.count++;
        at.last = position;
      }
    }
  }
  // Joined, not concatenated: a literal built with `+` is a rope of a node per piece (about 20 KB
  // per activity where the flat text is 2 KB), and the import holds two batches of them.
  const parts: string[] = [];
  for (const { text } of lexemes.values()) parts.push(text);
  return parts.join(' ');
}

/** The words of a query, de-duplicated and capped. */
export function queryWords(query: string): string[] {
  return [...new Set(words(query))].slice(0, MAX_QUERY_WORDS);
}

/**
 * What each query word may be found as: its Swedish stem, its English stem or itself, in either
 * language's text. One list per word; the same for both databases.
 */
function queryForms(query: string): string[][] {
  return queryWords(query).map((w) => [...new Set([stem(w, 'sv'), stem(w, 'en'), w])]);
}

/**
 * An FTS5 MATCH expression: every word must occur in one of its forms, in either column. Words
 * are letters and digits only and are quoted, so nothing the user typed is syntax.
 */
export function fts5Query(query: string): string | undefined {
  const terms = queryForms(query).map((forms) => `(${forms.map((f) => `"${f}"`).join(' OR ')})`);
  return terms.length ? terms.join(' AND ') : undefined;
}

/**
 * The same query as a tsquery literal, `('f1' | 'f2') & ('g1' | 'g2')`, cast with ::tsquery (which
 * parses it and normalises nothing, so the forms match the index's stems exactly).
 */
export function tsqueryLiteral(query: string): string | undefined {
  const terms = queryForms(query).map((forms) => `(${forms.map(tsLexeme).join(' | ')})`);
  return terms.length ? terms.join(' & ') : undefined;
}
