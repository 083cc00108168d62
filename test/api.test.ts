/** The read-only JSON API over real HTTP on 127.0.0.1. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedDatabase } from '../src/seed/load-seed.ts';
import { buildServer } from '../src/server/server.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db);
      app = await buildServer(t.db, { logLevel: 'silent' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    it('answers /healthz', async () => {
      const res = await fetch(`${base}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    });

    it('lists activities with pagination and links', async () => {
      const res = await fetch(`${base}/api/activities?pageSize=5&page=2`);
      assert.equal(res.status, 200);
      const body = await res.json() as { total: number; pages: number; items: { slug: string; url: string }[]; links: Record<string, string> };
      assert.equal(body.total, 19);
      assert.equal(body.pages, 4);
      assert.equal(body.items.length, 5);
      assert.equal(body.links.next, '/api/activities?page=3&pageSize=5');
      assert.equal(body.links.prev, '/api/activities?page=1&pageSize=5');
      assert.equal(body.items[0]!.url, `/api/activities/${body.items[0]!.slug}`);
    });

    it('filters by kind, status, country and year', async () => {
      const get = async (query: string) => (await (await fetch(`${base}/api/activities?pageSize=100&${query}`)).json()) as { total: number; items: { kind: string; status: string; countries: { code: string }[] }[] };
      const pre = await get('kind=pre-study');
      assert.ok(pre.total >= 2 && pre.items.every((a) => a.kind === 'pre-study'));
      const closed = await get('status=closed');
      assert.ok(closed.total > 5 && closed.items.every((a) => a.status === 'closed'));
      const serbia = await get('country=rs');
      assert.ok(serbia.total >= 3 && serbia.items.every((a) => a.countries.some((c) => c.code === 'RS')));
      const y = await get('year=2015&kind=project');
      assert.ok(y.total >= 1);
    });

    it('shows one activity with its facts, and 404 for an unknown one', async () => {
      const list = await (await fetch(`${base}/api/activities?pageSize=100`)).json() as { items: { slug: string }[] };
      const slug = list.items[0]!.slug;
      const res = await fetch(`${base}/api/activities/${slug}`);
      assert.equal(res.status, 200);
      const body = await res.json() as { slug: string; version: number; texts: { sv?: { title?: string } } };
      assert.equal(body.slug, slug);
      assert.equal(body.version, 1);
      const missing = await fetch(`${base}/api/activities/no-such-thing`, { headers: { 'accept-language': 'sv-SE' } });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      const problem = await missing.json() as { code: string; title: string };
      assert.equal(problem.code, 'not-found');
      assert.match(problem.title, /finns inte/);
    });

    it('refuses bad filters with 400 naming the field, never 500', async () => {
      for (const query of ['kind=expedition', 'year=abc', 'page=0', 'pageSize=1000', 'country=ZZ', 'unknown=1', "status=closed'--"]) {
        const res = await fetch(`${base}/api/activities?${query}`);
        assert.equal(res.status, 400, query);
        const body = await res.json() as { code: string; errors: { field: string }[] };
        assert.equal(body.code, 'validation-failed', query);
        assert.ok(body.errors.length > 0, query);
      }
    });

    it('keeps drafts out of the API', async () => {
      await t.db.updateTable('activities').set({ publication: 'draft' }).where('slug', '=', 'talk2connect').execute();
      const list = await (await fetch(`${base}/api/activities?pageSize=100`)).json() as { total: number; items: { slug: string }[] };
      assert.equal(list.total, 18);
      assert.ok(!list.items.some((a) => a.slug === 'talk2connect'));
      assert.equal((await fetch(`${base}/api/activities/talk2connect`)).status, 404);
    });
  });
}
