/** The registry on each dialect: seeding, round trips, upserts, refusals that write nothing, filters. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { facetCounts, listActivities } from '../src/activities/activity.query.ts';
import { findActivity } from '../src/activities/activity.repository.ts';
import { exportPortfolio, importPortfolio, parsePortfolio, parsePortfolioJson, type Portfolio } from '../src/exchange/portfolio.ts';
import { seedDatabase } from '../src/seed/load-seed.ts';
import { AppError, ValidationError } from '../src/shared/errors.ts';
import { buildActivity, buildOrganisation, buildPortfolio } from './support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases.ts';

function withoutTimestamp(p: Portfolio): Omit<Portfolio, 'generatedAt'> {
  const { generatedAt: _g, ...rest } = p;
  return rest;
}

async function refused(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the import to be refused');
}

function refusedSync(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the document to be refused');
}

for (const dialect of DIALECTS) {
  describe(`registry on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => { t = await freshDatabase(dialect.name); });
    after(async () => { await t.close(); });

    it('seeds the 19 activities of the seed page, and seeding again changes nothing', async () => {
      const first = await seedDatabase(t.db, { now: '2026-11-25T10:00:00.000Z' });
      assert.equal(first.activities.created, 19);
      const exported = await exportPortfolio(t.db);
      assert.equal(exported.activities.length, 19);
      const second = await seedDatabase(t.db, { now: '2026-11-26T10:00:00.000Z' });
      assert.deepEqual(second.activities, { created: 0, updated: 0, unchanged: 19 });
      assert.equal(second.organisations.created + second.organisations.updated, 0);
      const again = await exportPortfolio(t.db);
      assert.deepEqual(withoutTimestamp(again), withoutTimestamp(exported));
      assert.ok(again.activities.every((a) => a.meta?.version === 1 && a.meta.updatedAt === '2026-11-25T10:00:00.000Z'));
    });

    it('exports, imports into an empty database and exports the same document', async () => {
      const original = await exportPortfolio(t.db);
      const json = JSON.stringify(original);
      const empty = await freshDatabase(dialect.name);
      try {
        const summary = await importPortfolio(empty.db, parsePortfolioJson(json));
        assert.equal(summary.activities.created, 19);
        const copy = await exportPortfolio(empty.db);
        assert.deepEqual(withoutTimestamp(copy), withoutTimestamp(original));
        assert.equal(JSON.stringify(withoutTimestamp(copy)), JSON.stringify(withoutTimestamp(original)));
      } finally {
        await empty.close();
      }
    });

    it('updates what changed and bumps only that record\'s version', async () => {
      const doc = JSON.parse(JSON.stringify(await exportPortfolio(t.db))) as Portfolio;
      const target = doc.activities.find((a) => a.slug === doc.activities[0]!.slug)!;
      target.status = target.status === 'closed' ? 'finalisation' : 'closed';
      const summary = await importPortfolio(t.db, parsePortfolio(doc), { now: '2026-12-01T00:00:00.000Z' });
      assert.deepEqual(summary.activities, { created: 0, updated: 1, unchanged: 18 });
      const stored = await findActivity(t.db, target.slug);
      assert.equal(stored?.status, target.status);
      assert.equal(stored?.meta?.version, 2);
      assert.equal(stored?.meta?.updatedAt, '2026-12-01T00:00:00.000Z');
    });

    it('refuses bad input naming the record and the field, and writes nothing', async () => {
      const before = JSON.stringify(withoutTimestamp(await exportPortfolio(t.db)));
      const cases: { doc: unknown; record: RegExp; path: string; code: string }[] = [
        { doc: buildPortfolio({ activities: [buildActivity({ kind: 'expedition' as 'project' })] }), record: /activities\[0\] \(test-project\)/, path: 'kind', code: 'unknown-code' },
        { doc: buildPortfolio({ activities: [{ ...buildActivity(), iatiIdentifier: undefined }] }), record: /activities\[0\]/, path: 'iatiIdentifier', code: 'required' },
        { doc: buildPortfolio({ activities: [buildActivity({ dates: { actualStart: 'mars 2020', actualEnd: 'januari 2019' } })] }), record: /test-project/, path: 'dates.actualEnd', code: 'end-before-start' },
        { doc: buildPortfolio({ activities: [buildActivity({ dates: { actual: '2022–2020' } })] }), record: /test-project/, path: 'dates.actual', code: 'end-before-start' },
        { doc: buildPortfolio({ activities: [buildActivity({ countries: [{ code: 'QQ' }] })] }), record: /test-project/, path: 'countries.0.code', code: 'unknown-code' },
        { doc: buildPortfolio({ organisations: [buildOrganisation({ country: 'Sverige' })] }), record: /organisations\[0\] \(test-agency\)/, path: 'country', code: 'unknown-code' },
      ];
      for (const c of cases) {
        const error = refusedSync(() => parsePortfolio(c.doc));
        const problem = error.problems.find((p) => p.path === c.path);
        assert.ok(problem, `expected a problem at ${c.path}, got ${JSON.stringify(error.problems)}`);
        assert.match(problem.record ?? '', c.record);
        assert.equal(problem.code, c.code);
        assert.ok(problem.message.sv.length > 0 && problem.message.en.length > 0);
      }
      // Valid in shape, wrong in reference: the transaction is rolled back after partial writes.
      const dangling = buildPortfolio({
        organisations: [buildOrganisation({ slug: 'brand-new-org' })],
        activities: [buildActivity({ slug: 'brand-new', iatiIdentifier: 'SE-ON-2021002163-NEW', participations: [{ organisation: 'no-such-org', role: 'lead' }] })],
      });
      const error = await refused(importPortfolio(t.db, parsePortfolio(dangling)));
      assert.equal(error.problems[0]?.code, 'unknown-organisation');
      assert.equal(error.problems[0]?.path, 'participations.0.organisation');
      assert.throws(() => parsePortfolioJson('{"format": "samverka-portfolio", '), (e: unknown) => e instanceof AppError && e.code === 'malformed-json');
      assert.equal(JSON.stringify(withoutTimestamp(await exportPortfolio(t.db))), before);
    });

    it('a dry run reports the changes and writes nothing', async () => {
      const before = JSON.stringify(withoutTimestamp(await exportPortfolio(t.db)));
      const doc = buildPortfolio({ activities: [buildActivity({ slug: 'dry', iatiIdentifier: 'SE-ON-2021002163-DRY', participations: [] })] });
      const summary = await importPortfolio(t.db, parsePortfolio(doc), { dryRun: true });
      assert.equal(summary.activities.created, 1);
      assert.equal(JSON.stringify(withoutTimestamp(await exportPortfolio(t.db))), before);
    });

    it('searches Swedish and English text with stemming, and treats query syntax as plain words', async () => {
      const search = async (q: string) => (await listActivities(t.db, { q }, { limit: 100, offset: 0 }, 'relevance')).items.map((a) => a.slug);
      assert.ok((await search('återvändandet')).includes('mavrri'), 'Swedish stem: återvändandet finds återvändande');
      assert.ok((await search('returning')).includes('errin-sra'), 'English stem: returning finds return');
      assert.ok((await search('Somalia')).includes('somalia-av-pre-study'));
      assert.deepEqual((await search('Talk2Connect'))[0], 'talk2connect');
      assert.ok((await search('BAMF')).includes('pp7'), 'organisation acronyms are searchable');
      assert.ok((await search('Serbien')).length >= 3, 'country names in Swedish');
      for (const hostile of ['"', 'AND', 'OR NOT', '*', '-', '()', ')(', 'NEAR(a b)', '😀', 'x'.repeat(10_000), "'; drop table activities; --", 'title:foo', '^start']) {
        const result = await listActivities(t.db, { q: hostile }, { limit: 5, offset: 0 }, 'relevance');
        assert.ok(result.total >= 0, hostile.slice(0, 20));
      }
      assert.equal((await listActivities(t.db, { q: 'zzzqqqxxx' }, { limit: 5, offset: 0 })).total, 0);
    });

    it('counts activities per filter value within the other filters', async () => {
      const facets = await facetCounts(t.db, { kind: 'project' });
      const kinds = [...facets.kind.values()].reduce((a, b) => a + b, 0);
      assert.equal(kinds, 19, 'the kind facet ignores the chosen kind');
      assert.ok((facets.country.get('RS') ?? 0) >= 3);
      assert.ok((facets.region.get('western-balkans') ?? 0) >= 3);
      assert.ok((facets.year.get('2015') ?? 0) >= 2);
      const projectsInSerbia = await listActivities(t.db, { kind: 'project', country: 'RS' }, { limit: 100, offset: 0 });
      assert.equal(facets.country.get('RS'), projectsInSerbia.total);
      for (const funder of ['european-union', 'sida']) {
        const funded = await listActivities(t.db, { kind: 'project', funder }, { limit: 100, offset: 0 });
        assert.equal(facets.funder.get(funder) ?? 0, funded.total, `funder ${funder}: the count matches what the filter gives`);
      }
    });

    it('filters by kind, status, country and overlapping year, and pages', async () => {
      const all = await listActivities(t.db, {}, { limit: 100, offset: 0 });
      assert.equal(all.total, 19);
      const preStudies = await listActivities(t.db, { kind: 'pre-study' }, { limit: 100, offset: 0 });
      assert.ok(preStudies.total >= 2 && preStudies.items.every((a) => a.kind === 'pre-study'));
      const serbia = await listActivities(t.db, { country: 'RS' }, { limit: 100, offset: 0 });
      assert.ok(serbia.items.length >= 3 && serbia.items.every((a) => a.countries.some((c) => c.code === 'RS')));
      const in2013 = await listActivities(t.db, { yearFrom: 2013, yearTo: 2013 }, { limit: 100, offset: 0 });
      assert.ok(in2013.items.every((a) => (a.dates.actualStart ?? a.dates.plannedStart)!.from <= '2013-12-31'));
      assert.ok(in2013.items.some((a) => a.kind === 'support-function'), 'the EaP support function (2012–2016) ran in 2013');
      const in2025 = await listActivities(t.db, { yearFrom: 2025, yearTo: 2025 }, { limit: 100, offset: 0 });
      assert.ok(in2025.items.some((a) => a.slug.includes('academy')), 'the Migration Academy (2024–2026) runs in 2025');
      assert.ok(!in2025.items.some((a) => a.status === 'closed' && (a.dates.actualEnd?.to ?? '9999') < '2025-01-01'));
      const balkans = await listActivities(t.db, { region: 'western-balkans' }, { limit: 100, offset: 0 });
      assert.ok(balkans.items.some((a) => a.slug === 'western-balkans-migration-academy'));
      assert.ok(balkans.items.some((a) => a.countries.some((c) => c.code === 'XK')), 'Kosovo is in the Western Balkans');
      const ipa = await listActivities(t.db, { instrument: 'eu-ipa' }, { limit: 100, offset: 0 });
      assert.ok(ipa.total >= 3 && ipa.items.every((a) => a.funding.some((f) => f.instrument === 'eu-ipa')));
      const withBamf = await listActivities(t.db, { organisation: 'bamf' }, { limit: 100, offset: 0 });
      assert.deepEqual(withBamf.items.map((a) => a.slug), ['pp7']);
      const gcm21 = await listActivities(t.db, { gcm: '21' }, { limit: 100, offset: 0 });
      assert.ok(gcm21.items.some((a) => a.slug === 'errin-sra'));
      const range = await listActivities(t.db, { yearFrom: 2012, yearTo: 2013 }, { limit: 100, offset: 0 });
      assert.ok(range.items.every((a) => ((a.dates.actualStart ?? a.dates.plannedStart)?.from ?? '') <= '2013-12-31'));
      const page2 = await listActivities(t.db, {}, { limit: 5, offset: 5 });
      assert.equal(page2.items.length, 5);
      assert.deepEqual(page2.items.map((a) => a.slug), all.items.slice(5, 10).map((a) => a.slug));
    });
  });
}
