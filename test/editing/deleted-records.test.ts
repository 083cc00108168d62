/**
 * Soft-deleted records outside the editing module: a full export keeps them deleted through a round
 * trip, `samverka check` leaves them out, and the portal does not show a deleted organisation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../src/accounts/access.ts';
import { createActivity, deleteActivity } from '../../src/editing/activity.editing.ts';
import { createOrganisation, deleteOrganisation } from '../../src/editing/organisation.editing.ts';
import { exportPortfolio, importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import { buildServer } from '../../src/server/server.ts';
import { buildActivity, buildOrganisation, buildPortfolio } from '../support/builders.ts';
import { runCli } from '../support/cli.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const admin: Actor = { userId: 1, email: 'admin@example.org', name: 'Admin', role: 'admin', via: 'token', sessionId: null };

for (const dialect of DIALECTS) {
  describe(`deleted records on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    before(async () => {
      t = await freshDatabase(dialect.name);
      await importPortfolio(t.db, parsePortfolio(buildPortfolio()), { now: '2026-01-01T00:00:00.000Z' });
      await createOrganisation(t.db, admin, buildOrganisation({ slug: 'closed-agency', name: { sv: 'Nedlagda verket', en: 'The Closed Agency' } }));
      await deleteOrganisation(t.db, admin, 'closed-agency');
      // An activity with no title at all: `check` would report missing-title if it looked at it.
      await createActivity(t.db, admin, buildActivity({ slug: 'withdrawn', iatiIdentifier: 'SE-ON-2021002163-WITHDRAWN', texts: {} }));
      await deleteActivity(t.db, admin, 'withdrawn');
      app = await buildServer(t.db, { logLevel: 'silent' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    it('exports a deleted organisation with its deletedAt, and an import into an empty database keeps it deleted', async () => {
      const exported = await exportPortfolio(t.db, { now: '2026-02-01T00:00:00.000Z' });
      const closed = exported.organisations.find((o) => o.slug === 'closed-agency');
      assert.ok(closed?.meta?.deletedAt, 'the export says when it was deleted');
      assert.equal(exported.organisations.find((o) => o.slug === 'test-agency')?.meta?.deletedAt, undefined);
      assert.equal(exported.activities.find((a) => a.slug === 'withdrawn')?.publication, 'deleted');

      const copy = await freshDatabase(dialect.name);
      try {
        await importPortfolio(copy.db, parsePortfolio(JSON.parse(JSON.stringify(exported))));
        const row = await copy.db.selectFrom('organisations').select('deleted_at').where('slug', '=', 'closed-agency').executeTakeFirstOrThrow();
        assert.equal(row.deleted_at, closed.meta.deletedAt);
        assert.deepEqual(await exportPortfolio(copy.db, { now: '2026-02-01T00:00:00.000Z' }), exported);
      } finally {
        await copy.close();
      }
    });

    it('leaves deleted activities out of samverka check', async () => {
      const result = await runCli(['check', '--json', '--today', '2026-06-01', '--database', t.url]);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { findings: { activity: string; code: string }[] };
      assert.ok(report.findings.every((f) => f.activity !== 'withdrawn'), JSON.stringify(report.findings));
    });

    it('answers 404 for a deleted organisation on the portal, in both languages', async () => {
      assert.equal((await fetch(`${base}/organisations/test-agency`)).status, 200);
      assert.equal((await fetch(`${base}/organisations/closed-agency`)).status, 404);
      assert.equal((await fetch(`${base}/en/organisations/closed-agency`)).status, 404);
    });
  });
}
