/**
 * Saving with the IATI import's options (BatchedSave in src/db/bulk-insert.ts): organisations and
 * activities given one DeferredWrites are, on PostgreSQL, written only by its flush, with ids
 * reserved beforehand, and then stored whole (parents, provenance, participations, the search
 * index); on SQLite they are written at once. A slug said not to be stored that is stored after
 * all fails on the unique slug, and with the transaction nothing is written.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { findActivity, saveActivities } from '../../src/activities/activity.repository.ts';
import { listActivities } from '../../src/activities/activity.query.ts';
import { DeferredWrites } from '../../src/db/bulk-insert.ts';
import type { Db } from '../../src/db/database.ts';
import { loadReferences } from '../../src/db/references.ts';
import { parsePortfolio, saveSources } from '../../src/exchange/portfolio.ts';
import { readOrganisations, saveOrganisations } from '../../src/organisations/organisation.repository.ts';
import { withoutMeta } from '../../src/shared/records.ts';
import { buildActivity, buildOrganisation, buildPortfolio } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = '2026-12-02T10:00:00.000Z';

const portfolio = parsePortfolio(buildPortfolio({
  organisations: [
    buildOrganisation({ slug: 'child-unit', name: { sv: 'Enheten', en: 'The Unit' }, parent: 'parent-agency', provenance: [{ source: 'seed-page', quote: 'Enheten' }] }),
    buildOrganisation({ slug: 'parent-agency', name: { sv: 'Moderverket', en: 'The Parent Agency' } }),
  ],
  activities: [
    buildActivity({ slug: 'falcons', iatiIdentifier: 'SE-ON-2021002163-FALCONS', texts: { sv: { title: 'Falkar i bergen' }, en: { title: 'Falcons of the mountains' } },
      participations: [{ organisation: 'child-unit', role: 'lead' }, { organisation: 'parent-agency', role: 'partner' }] }),
    buildActivity({ slug: 'owls', iatiIdentifier: 'SE-ON-2021002163-OWLS', texts: { sv: { title: 'Ugglor i skogen' }, en: { title: 'Owls of the forest' } },
      participations: [{ organisation: 'parent-agency', role: 'lead' }],
      relations: [{ type: 'continuation-of', target: { activity: 'falcons' }, basis: 'stated' }] }),
  ],
}));

async function count(db: Db, table: 'organisations' | 'activities' | 'participations' | 'relations'): Promise<number> {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

for (const dialect of DIALECTS) {
  describe(`saving in batches with deferred writes (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    const postgres = dialect.name === 'postgres';
    before(async () => {
      t = await freshDatabase(dialect.name);
    });
    after(() => t?.close());

    it(postgres ? 'writes organisations and activities only when flushed, then whole' : 'writes organisations and activities at once', async () => {
      await t.db.transaction().execute(async (trx) => {
        const refs = await loadReferences(trx);
        await saveSources(trx, portfolio.sources, refs, NOW);
        const later = new DeferredWrites(trx, { reserveAtLeast: 50 });
        const unstored = { later, mayBeStored: () => false };
        const organisations = await saveOrganisations(trx, portfolio.organisations, refs, NOW, unstored);
        const activities = await saveActivities(trx, portfolio.activities, refs, NOW, unstored);
        assert.deepEqual([...organisations.values(), ...activities.values()], ['created', 'created', 'created', 'created']);
        assert.ok(refs.organisations.has('child-unit') && refs.activities.has('owls'), 'the new rows have ids before they are written');
        const expected = postgres ? [0, 0, 0, 0] : [2, 2, 3, 1];
        assert.deepEqual([await count(trx, 'organisations'), await count(trx, 'activities'), await count(trx, 'participations'), await count(trx, 'relations')], expected);
        await later.flush();
        assert.deepEqual([await count(trx, 'organisations'), await count(trx, 'activities'), await count(trx, 'participations'), await count(trx, 'relations')], [2, 2, 3, 1]);
      });
      const organisations = new Map((await readOrganisations(t.db)).map((o) => [o.slug, withoutMeta(o)]));
      for (const o of portfolio.organisations) assert.deepEqual(organisations.get(o.slug), withoutMeta(o));
      for (const a of portfolio.activities) assert.deepEqual(withoutMeta((await findActivity(t.db, a.slug))!), withoutMeta(a));
      const found = await listActivities(t.db, { q: 'ugglor' }, { limit: 10, offset: 0 });
      assert.deepEqual(found.items.map((a) => a.slug), ['owls']);
    });

    it('a stored slug said not to be stored fails on the unique slug, and nothing is written', async () => {
      const before = [await count(t.db, 'activities'), await count(t.db, 'participations')];
      const [falcons] = portfolio.activities;
      await assert.rejects(t.db.transaction().execute(async (trx) => {
        const refs = await loadReferences(trx);
        const later = new DeferredWrites(trx);
        await saveActivities(trx, [{ ...falcons!, iatiIdentifier: 'SE-ON-2021002163-OTHER' }], refs, NOW, { later, mayBeStored: () => false });
        await later.flush();
      }), (error: Error & { code?: string }) => ['23505', 'SQLITE_CONSTRAINT_UNIQUE'].includes(error.code ?? ''));
      assert.deepEqual([await count(t.db, 'activities'), await count(t.db, 'participations')], before);
    });
  });
}
