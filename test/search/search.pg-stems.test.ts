/**
 * One search on both databases (docs/decisions/003-one-search.md): PostgreSQL's index holds our
 * Snowball stems as a tsvector literal and is queried with a tsquery literal of the same forms as
 * SQLite's MATCH, so the same queries find the same activities on both. Also: quoting of lexemes,
 * PostgreSQL's tsvector limits, ranking, and the migration that rebuilds PostgreSQL's rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, test } from 'node:test';
import { sql } from 'kysely';
import { listActivities } from '../../src/activities/activity.query.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { SEED_ACTIVITIES } from '../../src/seed/portfolio.ts';
import { findActivity } from '../../src/activities/activity.repository.ts';
import { searchableText } from '../../src/search/search.document.ts';
import { organisationNames } from '../../src/search/search.index.ts';
import { fts5Query, NOT_WORD_LATIN1, stem, tsLexeme, tsqueryLiteral, tsvectorLiteral, words } from '../../src/search/search.text.ts';
import { DIALECTS, freshDatabase, type DialectName, type TestDatabase } from '../support/databases.ts';

const postgres = DIALECTS.find((d) => d.name === 'postgres')!;

/** Every distinct word of the seed's activities (texts, slugs, codes), and every 9th pair of them. */
const SEED_WORDS = [...new Set(words(JSON.stringify(SEED_ACTIVITIES).replace(/\\[nt"]/g, ' ')))];
const QUERIES = [
  ...SEED_WORDS,
  ...SEED_WORDS.filter((_, i) => i % 9 === 0).map((w, i, picked) => `${w} ${picked[(i + 7) % picked.length]}`),
  // Stop words PostgreSQL's configurations dropped, and words PostgreSQL's parser cut differently.
  'och', 'the', 'och the', 'i', 'of', 'Talk2Connect', 'EU-twinning', 'SE-0', '2019',
  // Quotes and backslashes are not word characters: these are the words around them.
  "Somalia's", "o'brien", "it''s", 'back\\slash', '\\', "'", "\\'", "'; drop table activities; --", "''", 'a\\\'b',
];

/** Slugs found per query on each dialect, kept for the comparison at the end. */
const found = new Map<DialectName, Map<string, string[]>>();

async function search(db: Db, q: string, limit = 100): Promise<string[]> {
  return (await listActivities(db, { q }, { limit, offset: 0 }, 'relevance')).items.map((a) => a.slug);
}

test('words() cuts Latin-1 text where Unicode letters and digits end, as for any other text', () => {
  const unicode = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && w.length <= 40);
  const latin1 = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));
  for (const ch of latin1) assert.equal(!NOT_WORD_LATIN1.test(ch), /[\p{L}\p{N}]/u.test(ch), `U+${ch.charCodeAt(0).toString(16)}`);
  const text = latin1.map((ch, i) => `${ch}x${latin1[(i * 7) % 256]}${latin1[(i * 13) % 256]}`).join('');
  assert.deepEqual(words(text), unicode(text));
  assert.deepEqual(words(`${text}Ā`), unicode(`${text}Ā`));
  assert.deepEqual(words('Återvändande ÄR ärligt, ½ µm — 2019'), ['återvändande', 'är', 'ärligt', '½', 'µm', '2019']);
});

test('a quote or a backslash in a lexeme is doubled inside its quotes', () => {
  assert.equal(tsLexeme('abc'), "'abc'");
  assert.equal(tsLexeme("it's"), "'it''s'");
  assert.equal(tsLexeme('a\\b'), "'a\\\\b'");
  assert.equal(tsLexeme("\\'"), "'\\\\'''");
});

test('the literals are made from the same words and forms as the FTS5 index and query', () => {
  assert.equal(tsvectorLiteral([{ text: 'Återvändande och återvändandet', lang: 'sv' }, { text: 'The returning return', lang: 'en' }]),
    `'återvänd':1,3 'och':2 'the':4 'return':5,6`);
  // Each word's distinct forms: its Swedish stem, its English stem, itself.
  assert.equal(stem('återvändandet', 'en'), 'återvändandet');
  assert.equal(stem('returning', 'sv'), 'returning');
  assert.equal(tsqueryLiteral('återvändandet returning'), `('återvänd' | 'återvändandet') & ('returning' | 'return')`);
  assert.equal(fts5Query('återvändandet returning'), `("återvänd" OR "återvändandet") AND ("returning" OR "return")`);
  // Quotes and backslashes never reach a literal: they split words.
  assert.deepEqual(words("Somalia's o'brien back\\slash \\'"), ['somalia', 's', 'o', 'brien', 'back', 'slash']);
  assert.equal(tsqueryLiteral("'"), undefined);
  assert.equal(tsqueryLiteral("\\'; --"), undefined);
  assert.equal(tsqueryLiteral("o'brien"), tsqueryLiteral('o brien'));
  assert.equal(tsvectorLiteral([{ text: "it's a\\b", lang: 'en' }]), `'it':1 's':2 'a':3 'b':4`);
});

test('positions stop at 16383 and a lexeme keeps at most 256 of them', () => {
  const literal = tsvectorLiteral([{ text: `${Array.from({ length: 20_000 }, (_, i) => String(i)).join(' ')} 7 7`, lang: 'sv' }]);
  const entries = new Map(literal.split(' ').map((e) => e.split(':') as [string, string]));
  assert.equal(entries.size, 20_000);
  assert.equal(entries.get("'16382'"), '16383');
  assert.equal(entries.get("'19999'"), '16383');
  assert.equal(entries.get("'7'"), '8,16383');
  const many = tsvectorLiteral([{ text: 'ord '.repeat(300), lang: 'sv' }]);
  assert.equal(many, `'ord':${Array.from({ length: 256 }, (_, i) => i + 1).join(',')}`);
});

for (const dialect of DIALECTS) {
  describe(`one search, seed portfolio (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db, { now: '2026-12-01T10:00:00.000Z' });
    });
    after(() => t?.close());

    it('answers every query (seed words, pairs, stop words, quotes and backslashes)', async () => {
      const results = new Map<string, string[]>();
      for (const q of QUERIES) results.set(q, (await search(t.db, q)).sort());
      found.set(dialect.name, results);
      assert.ok(results.get('Talk2Connect')!.includes('talk2connect'));
    });

    it('finds stop words: "och" in Swedish texts, "the" in English ones', async () => {
      const och = await search(t.db, 'och');
      const the = await search(t.db, 'the');
      assert.ok(och.length >= 10, `och: ${och.length}`);
      assert.ok(the.length >= 10, `the: ${the.length}`);
      assert.ok((await search(t.db, 'och återvändande')).includes('mavrri'));
    });

    it('a quote or a backslash in the query is a word boundary, never an error', async () => {
      assert.deepEqual((await search(t.db, "Somalia's")).sort(), (await search(t.db, 'Somalia s')).sort());
      assert.deepEqual((await search(t.db, 'return\\ing')).sort(), (await search(t.db, 'return ing')).sort());
      const all = (await listActivities(t.db, {}, { limit: 100, offset: 0 })).total;
      for (const q of ["'", '\\', "\\'", "''", "'\\''"]) {
        assert.equal((await listActivities(t.db, { q }, { limit: 100, offset: 0 }, 'relevance')).total, all, q);
      }
    });

    it('ranks first the activity whose title holds the word', async () => {
      const expected: [string, string][] = [
        ['Talk2Connect', 'talk2connect'], ['programme', 'visa-training-programme'], ['processing', 'visa-training-programme'],
        ['refugees', 'turkey-compliance'], ['accession', 'serbia-asylum-migration-2015'], ['union', 'eurlo'],
        ['process', 'pp7'], ['cooperation', 'turkey-bilateral'],
      ];
      for (const [q, slug] of expected) {
        const slugs = await search(t.db, q);
        if (q !== 'Talk2Connect') assert.ok(slugs.length >= 3, `${q} finds several`);
        assert.equal(slugs[0], slug, q);
      }
    });

    it('the search migration: down and up again find the same activities; on PostgreSQL down restores the server-stemmed rows', async () => {
      const before = await Promise.all(['och', 'återvändandet', 'returning', 'Talk2Connect'].map((q) => search(t.db, q)));
      const withOch = async () => Number((await (dialect.name === 'postgres'
        ? sql<{ n: string }>`select count(*) as n from activity_search where document @@ 'och'::tsquery`
        : sql<{ n: string }>`select count(*) as n from activity_search where activity_search match 'och'`).execute(t.db)).rows[0]!.n);
      const och = await withOch();
      // Read while the code's schema is there: the later migration goes down first.
      const activity = (await findActivity(t.db, 'mavrri'))!;
      const names = await organisationNames(t.db, activity.participations.map((p) => p.organisation));
      assert.deepEqual(await migrateDown(t.db), ['2026120401_activity_reporters']);
      assert.deepEqual(await migrateDown(t.db), ['2026120301_other_identifiers']);
      assert.deepEqual(await migrateDown(t.db), ['2026120106_stemmed_pg_search']);
      if (dialect.name === 'postgres') {
        // The old rows: exactly what to_tsvector makes, so "och" is left only in English text
        // (where it is no stop word: names in Swedish).
        assert.ok(await withOch() < och, 'fewer rows hold "och"');
        const same = await sql<{ same: boolean }>`select s.document = to_tsvector('swedish', ${searchableText(activity, 'sv', names)})
          || to_tsvector('english', ${searchableText(activity, 'en', names)}) as same
          from activity_search s join activities a on a.id = s.activity_id where a.slug = 'mavrri'`.execute(t.db);
        assert.equal(same.rows[0]?.same, true);
      } else {
        assert.equal(await withOch(), och, 'nothing changed on SQLite');
      }
      assert.deepEqual(await migrateToLatest(t.db), ['2026120106_stemmed_pg_search', '2026120301_other_identifiers', '2026120401_activity_reporters']);
      assert.deepEqual(await Promise.all(['och', 'återvändandet', 'returning', 'Talk2Connect'].map((q) => search(t.db, q))), before);
      assert.equal(await withOch(), och);
    });
  });
}

describe('the same on both databases', { skip: postgres.skip }, () => {
  it('every query finds the same activities on SQLite and PostgreSQL', () => {
    const sqlite = found.get('sqlite');
    const pg = found.get('postgres');
    assert.ok(sqlite && pg, 'both dialects ran');
    assert.ok(QUERIES.length > 1000, `${QUERIES.length} queries`);
    let matched = 0;
    for (const q of QUERIES) {
      assert.deepEqual(pg.get(q), sqlite.get(q), q);
      if (sqlite.get(q)!.length > 0) matched++;
    }
    assert.ok(matched > QUERIES.length / 2, `${matched} queries found something`);
  });
});

describe('PostgreSQL takes the literals as they are', { skip: postgres.skip }, () => {
  let t: TestDatabase;
  before(async () => { t = await freshDatabase('postgres'); });
  after(() => t?.close());

  it('a quoted quote or backslash comes back as the same lexeme', async () => {
    for (const word of ["it's", 'a\\b', "\\'", "''", 'plain']) {
      const vector = await sql<{ lexeme: string }>`select lexeme from unnest(${`${tsLexeme(word)}:1`}::tsvector)`.execute(t.db);
      assert.deepEqual(vector.rows.map((r) => r.lexeme), [word]);
      const match = await sql<{ ok: boolean }>`select ${`${tsLexeme(word)}:1 'other':2`}::tsvector @@ ${`(${tsLexeme(word)} | 'x')`}::tsquery as ok`.execute(t.db);
      assert.equal(match.rows[0]!.ok, true, word);
    }
  });

  it('stores the positions the literal gives, capped as the server caps them', async () => {
    const text = `${Array.from({ length: 17_000 }, (_, i) => String(i % 9_000)).join(' ')} ${'ord '.repeat(300)}`;
    const literal = tsvectorLiteral([{ text, lang: 'sv' }, { text: 'och the', lang: 'en' }]);
    const stored = await sql<{ lexeme: string; positions: number[] }>`select lexeme, positions from unnest(${literal}::tsvector)`.execute(t.db);
    const expected = new Map(literal.split(' ').map((e) => {
      const [quoted, positions] = e.split(':') as [string, string];
      return [quoted.slice(1, -1), positions.split(',').map(Number)];
    }));
    assert.equal(stored.rows.length, expected.size);
    for (const row of stored.rows) assert.deepEqual(row.positions, expected.get(row.lexeme), row.lexeme);
    assert.deepEqual(expected.get('och'), [16_383]);
  });

  it('a text past the 1 MB limit keeps what fits instead of being refused (to_tsvector refuses it)', async () => {
    // 40 Arabic-Indic digits are 80 bytes of UTF-8: the limit counts bytes, not characters.
    const digits = '٠١٢٣٤٥٦٧٨٩';
    const word = (i: number) => [...i.toString().padStart(40, '0')].map((d) => digits[Number(d)]).join('');
    const text = Array.from({ length: 14_000 }, (_, i) => word(i)).join(' ');
    await assert.rejects(sql`select to_tsvector('simple', ${text})`.execute(t.db), /too long for tsvector/);
    const literal = tsvectorLiteral([{ text, lang: 'sv' }]);
    const kept = await sql<{ n: number }>`select length(${literal}::tsvector) as n`.execute(t.db);
    const n = Number(kept.rows[0]!.n);
    assert.ok(n > 12_000 && n < 14_000, `${n} lexemes kept`);
    // It is full: one more lexeme of that size would not fit.
    await assert.rejects(sql`select ${`${literal} '${word(99_999)}':1`}::tsvector`.execute(t.db), /too long for tsvector/);
    const row = await sql<{ found: boolean }>`select ${literal}::tsvector @@ ${tsqueryLiteral(word(0))!}::tsquery as found`.execute(t.db);
    assert.equal(row.rows[0]!.found, true);
  });

});
