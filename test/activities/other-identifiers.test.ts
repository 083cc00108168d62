/**
 * Other identifiers of an activity (such as an EU grant number), once per dialect: the migration
 * that adds them (hashes filled again, a second import unchanged), saving and reading them with the
 * organisation that issued each, search by the number, the organisation counting as in use, the
 * portal's activity page and the CSV.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../src/accounts/access.ts';
import { listActivities } from '../../src/activities/activity.query.ts';
import { findActivity } from '../../src/activities/activity.repository.ts';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { deleteOrganisation } from '../../src/editing/organisation.editing.ts';
import { importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { buildActivity, buildOrganisation, buildPortfolio } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = '2026-12-03T10:00:00.000Z';
const reviewer: Actor = { userId: 1, email: 'reviewer@example.org', name: 'Reviewer', role: 'reviewer', via: 'token', sessionId: null };

for (const dialect of DIALECTS) {
  describe(`other identifiers (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => { t = await freshDatabase(dialect.name); });
    after(() => t?.close());

    it('the migration clears the content hashes and migrating fills them again, so a second import of the same portfolio changes nothing', async () => {
      await seedDatabase(t.db, { now: NOW });
      const hashes = async () => (await t.db.selectFrom('activities').select(['slug', 'content_hash', 'version']).orderBy('slug').execute());
      const before = await hashes();
      assert.ok(before.every((r) => r.content_hash !== null));
      assert.deepEqual(await migrateDown(t.db), ['2026120401_activity_reporters']);
      assert.deepEqual(await hashes(), before);
      assert.deepEqual(await migrateDown(t.db), ['2026120301_other_identifiers']);
      assert.ok((await hashes()).every((r) => r.content_hash === null));
      assert.deepEqual(await migrateToLatest(t.db), ['2026120301_other_identifiers', '2026120401_activity_reporters']);
      assert.deepEqual(await hashes(), before);
      const again = await seedDatabase(t.db, { now: '2027-01-01T00:00:00.000Z' });
      assert.equal(again.activities.updated, 0, JSON.stringify(again.activities));
    });

    it('are saved and read back in order with who issued them, found by search, and keep their organisation in use', async () => {
      const portfolio = buildPortfolio({
        organisations: [buildOrganisation(), buildOrganisation({ slug: 'european-commission', name: { sv: 'Europeiska kommissionen', en: 'European Commission' }, iatiRef: 'XI-IATI-EC_NEAR' })],
        activities: [buildActivity({
          slug: 'twinning-mk', iatiIdentifier: 'SE-ON-2021002163-TWMK',
          otherIdentifiers: [{ ref: 'MK 13 IPA JH 01 17', type: 'A9', owner: 'european-commission' }, { ref: 'SE-ON-2021002163-OLD', type: 'A3' }],
        })],
      });
      await importPortfolio(t.db, parsePortfolio(portfolio), { now: NOW });
      assert.deepEqual((await findActivity(t.db, 'twinning-mk'))?.otherIdentifiers, [
        { ref: 'MK 13 IPA JH 01 17', type: 'A9', owner: 'european-commission' }, { ref: 'SE-ON-2021002163-OLD', type: 'A3' },
      ]);
      const found = await listActivities(t.db, { q: 'MK 13 IPA JH 01 17' }, { limit: 10, offset: 0 }, 'relevance');
      assert.deepEqual(found.items.map((a) => a.slug), ['twinning-mk']);
      await assert.rejects(deleteOrganisation(t.db, reviewer, 'european-commission'), (e: { code?: string; message?: string }) =>
        e.code === 'organisation-in-use' && /twinning-mk/.test(e.message ?? ''));
    });

    describe('on the portal', () => {
      let app: FastifyInstance;
      let base: string;
      before(async () => {
        app = await buildServer(t.db, { logLevel: 'silent', pageCacheBytes: 0 });
        base = await app.listen({ host: '127.0.0.1', port: 0 });
      });
      after(() => app?.close());

      it('the activity page lists them with their kind and who issued them, in both languages; the CSV has them', async () => {
        const sv = await (await fetch(`${base}/activities/twinning-mk`)).text();
        assert.match(sv, /<dt>Andra identifierare<\/dt><dd><ul class="identifiers"><li><code>MK 13 IPA JH 01 17<\/code> \(Annat id för aktiviteten, t\.ex\. ett bidragsnummer, utfärdad av <a href="\/organisations\/european-commission">Europeiska kommissionen<\/a>\)<\/li>/);
        const en = await (await fetch(`${base}/en/activities/twinning-mk`)).text();
        assert.match(en, /<dt>Other identifiers<\/dt>.*<li><code>SE-ON-2021002163-OLD<\/code> \(Previous activity identifier\)<\/li>/s);
        const csv = await (await fetch(`${base}/data/portfolio.csv?lang=en`)).text();
        assert.match(csv.split('\n')[0]!, /^\uFEFF?Id,IATI identifier,Other identifiers,/);
        assert.match(csv, /twinning-mk,SE-ON-2021002163-TWMK,MK 13 IPA JH 01 17; SE-ON-2021002163-OLD,/);
      });
    });
  });
}
