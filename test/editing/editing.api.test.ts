/**
 * The write API over real HTTP on 127.0.0.1, per dialect: the access matrix (every route × every
 * role), ETag / If-Match, conflicts under concurrency, and drafts that never leak.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/accounts/access.ts';
import {
  createActivity, deleteActivity, publishActivity, saveActivity, submitActivity,
} from '../../src/editing/activity.editing.ts';
import { createOrganisation, deleteOrganisation, saveOrganisation } from '../../src/editing/organisation.editing.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { addTestUser, signedIn, testToken } from '../support/accounts.ts';
import { buildActivity } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'viewer', 'editor', 'reviewer', 'admin'];
const RANK: Record<Who, number> = { anonymous: 0, viewer: 1, editor: 2, reviewer: 3, admin: 4 };

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;
const activityInput = (slug: string, overrides: Record<string, unknown> = {}) => buildActivity({
  slug, iatiIdentifier: `SE-ON-2021002163-${slug.toUpperCase()}`, participations: [{ organisation: 'migrationsverket', role: 'lead' }], ...overrides,
});

interface Call { method: string; path: string; headers?: Record<string, string>; body?: unknown }
interface Row {
  route: string;
  /** The least role that may call it; 'anonymous' for public routes. */
  least: Who;
  ok: number;
  /** What an anonymous caller gets when that is not 401 (public reads). */
  anonymous?: number;
  setup: () => Promise<Call>;
}

for (const dialect of DIALECTS) {
  describe(`write API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens = new Map<Who, string>();

    const call = async (who: Who, c: Call) => {
      const headers: Record<string, string> = { ...c.headers };
      const token = tokens.get(who);
      if (token) headers.authorization = `Bearer ${token}`;
      if (c.body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${base}${c.path}`, { method: c.method, headers, body: c.body === undefined ? undefined : JSON.stringify(c.body) });
    };
    const json = async <T>(res: Response) => res.json() as Promise<T>;

    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db, { now: '2026-01-01T00:00:00.000Z' });
      for (const role of ['viewer', 'editor', 'reviewer', 'admin'] as const) tokens.set(role, await testToken(t.db, await addTestUser(t.db, role)));
      app = await buildServer(t.db, { logLevel: 'silent' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    const draft = async (overrides: Record<string, unknown> = {}) => (await createActivity(t.db, null, activityInput(unique('m'), overrides))).slug;
    const submitted = async () => {
      const slug = await draft();
      await submitActivity(t.db, null, slug);
      return slug;
    };
    const published = async () => {
      const slug = await submitted();
      return (await publishActivity(t.db, null, slug)).slug;
    };
    const organisation = async () => (await createOrganisation(t.db, null, { slug: unique('org'), name: { sv: 'Matrisorganisation' } })).slug;

    const ROWS: Row[] = [
      { route: 'GET /api/activities', least: 'anonymous', ok: 200, setup: async () => ({ method: 'GET', path: '/api/activities' }) },
      { route: 'GET /api/activities/:slug (published)', least: 'anonymous', ok: 200, setup: async () => ({ method: 'GET', path: '/api/activities/mavrri' }) },
      { route: 'GET /api/activities/:slug (draft)', least: 'viewer', ok: 200, anonymous: 404, setup: async () => ({ method: 'GET', path: `/api/activities/${await draft()}` }) },
      {
        route: 'GET /api/activities/:slug (deleted)', least: 'admin', ok: 200, anonymous: 404, setup: async () => {
          const slug = await draft();
          await deleteActivity(t.db, null, slug);
          return { method: 'GET', path: `/api/activities/${slug}` };
        },
      },
      { route: 'POST /api/activities', least: 'editor', ok: 201, setup: async () => ({ method: 'POST', path: '/api/activities', body: activityInput(unique('n')) }) },
      {
        route: 'PUT /api/activities/:slug', least: 'editor', ok: 200, setup: async () => {
          const slug = await draft();
          return { method: 'PUT', path: `/api/activities/${slug}`, headers: { 'if-match': '"1"' }, body: activityInput(slug, { status: 'pipeline' }) };
        },
      },
      { route: 'DELETE /api/activities/:slug', least: 'reviewer', ok: 204, setup: async () => ({ method: 'DELETE', path: `/api/activities/${await draft()}`, headers: { 'if-match': '"1"' } }) },
      { route: 'POST /api/activities/:slug/submit', least: 'editor', ok: 200, setup: async () => ({ method: 'POST', path: `/api/activities/${await draft()}/submit` }) },
      { route: 'POST /api/activities/:slug/return', least: 'reviewer', ok: 200, setup: async () => ({ method: 'POST', path: `/api/activities/${await submitted()}/return`, body: { comment: 'Mer om målen, tack.' } }) },
      { route: 'POST /api/activities/:slug/publish', least: 'reviewer', ok: 200, setup: async () => ({ method: 'POST', path: `/api/activities/${await submitted()}/publish` }) },
      { route: 'POST /api/activities/:slug/unpublish', least: 'reviewer', ok: 200, setup: async () => ({ method: 'POST', path: `/api/activities/${await published()}/unpublish` }) },
      {
        route: 'POST /api/activities/:slug/restore', least: 'editor', ok: 200, setup: async () => {
          const slug = await draft();
          await saveActivity(t.db, null, slug, activityInput(slug, { status: 'pipeline' }), 1);
          return { method: 'POST', path: `/api/activities/${slug}/restore`, body: { revision: 1 } };
        },
      },
      { route: 'POST /api/activities/:slug/convert', least: 'editor', ok: 201, setup: async () => ({ method: 'POST', path: `/api/activities/${await draft({ kind: 'pre-study' })}/convert`, body: {} }) },
      {
        route: 'POST /api/activities/:slug/undelete', least: 'admin', ok: 200, setup: async () => {
          const slug = await draft();
          await deleteActivity(t.db, null, slug);
          return { method: 'POST', path: `/api/activities/${slug}/undelete` };
        },
      },
      { route: 'GET /api/activities/:slug/revisions', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: `/api/activities/${await draft()}/revisions` }) },
      { route: 'GET /api/activities/:slug/revisions/:number', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: `/api/activities/${await draft()}/revisions/1` }) },
      { route: 'GET /api/activities/:slug/notes', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: `/api/activities/${await draft()}/notes` }) },
      { route: 'POST /api/activities/:slug/notes', least: 'editor', ok: 201, setup: async () => ({ method: 'POST', path: `/api/activities/${await draft()}/notes`, body: { body: 'Ring Migrationsverket om budgeten.' } }) },
      { route: 'GET /api/organisations', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: '/api/organisations?q=migrations' }) },
      { route: 'GET /api/organisations?deleted=true', least: 'admin', ok: 200, setup: async () => ({ method: 'GET', path: '/api/organisations?deleted=true' }) },
      { route: 'GET /api/organisations/:slug', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: '/api/organisations/migrationsverket' }) },
      { route: 'POST /api/organisations', least: 'editor', ok: 201, setup: async () => ({ method: 'POST', path: '/api/organisations', body: { slug: unique('new-org'), name: { en: 'A new organisation' } } }) },
      {
        route: 'PUT /api/organisations/:slug', least: 'editor', ok: 200, setup: async () => {
          const slug = await organisation();
          return { method: 'PUT', path: `/api/organisations/${slug}`, headers: { 'if-match': '"1"' }, body: { slug, name: { sv: 'Nytt namn' } } };
        },
      },
      { route: 'DELETE /api/organisations/:slug', least: 'reviewer', ok: 204, setup: async () => ({ method: 'DELETE', path: `/api/organisations/${await organisation()}`, headers: { 'if-match': '"1"' } }) },
      {
        route: 'POST /api/organisations/:slug/undelete', least: 'admin', ok: 200, setup: async () => {
          const slug = await organisation();
          await deleteOrganisation(t.db, null, slug);
          return { method: 'POST', path: `/api/organisations/${slug}/undelete` };
        },
      },
      {
        route: 'POST /api/organisations/:slug/restore', least: 'editor', ok: 200, setup: async () => {
          const slug = await organisation();
          await saveOrganisation(t.db, null, slug, { slug, name: { sv: 'Annat namn' } }, 1);
          return { method: 'POST', path: `/api/organisations/${slug}/restore`, body: { revision: 1 } };
        },
      },
      { route: 'GET /api/organisations/:slug/revisions', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: `/api/organisations/${await organisation()}/revisions` }) },
      { route: 'GET /api/organisations/:slug/revisions/:number', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: `/api/organisations/${await organisation()}/revisions/1` }) },
      { route: 'GET /api/organisations/:slug/notes', least: 'viewer', ok: 200, setup: async () => ({ method: 'GET', path: `/api/organisations/${await organisation()}/notes` }) },
      { route: 'POST /api/organisations/:slug/notes', least: 'editor', ok: 201, setup: async () => ({ method: 'POST', path: `/api/organisations/${await organisation()}/notes`, body: { body: 'Ny kontaktperson från januari.' } }) },
      { route: 'GET /api/openapi.json', least: 'anonymous', ok: 200, setup: async () => ({ method: 'GET', path: '/api/openapi.json' }) },
    ];

    it('answers every route for every role as the access matrix says', async () => {
      const wrong: string[] = [];
      for (const row of ROWS) {
        for (const who of WHO) {
          const c = await row.setup();
          const res = await call(who, c);
          const expected = RANK[who] >= RANK[row.least] ? row.ok : who === 'anonymous' ? (row.anonymous ?? 401) : (row.anonymous ?? 403);
          if (res.status !== expected) wrong.push(`${row.route} as ${who}: ${res.status}, expected ${expected} ${res.status >= 400 ? await res.text() : ''}`);
          else await res.arrayBuffer();
        }
      }
      assert.deepEqual(wrong, []);
    });

    it('sends ETag, requires If-Match, and answers privately to staff', async () => {
      const created = await call('editor', { method: 'POST', path: '/api/activities', body: activityInput('etag-test') });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('location'), '/api/activities/etag-test');
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.headers.get('cache-control'), 'private, no-store');
      const body = await json<{ version: number; editorial: { publication: string; review: string } }>(created);
      assert.equal(body.version, 1);
      assert.deepEqual([body.editorial.publication, body.editorial.review], ['draft', 'draft']);

      const read = await call('viewer', { method: 'GET', path: '/api/activities/etag-test' });
      assert.equal(read.headers.get('etag'), '"1"');
      assert.equal(read.headers.get('vary'), 'Authorization, Cookie');
      assert.equal(read.headers.get('cache-control'), 'private, no-store');
      const doc = await json<Record<string, unknown>>(read);

      const noMatch = await call('editor', { method: 'PUT', path: '/api/activities/etag-test', body: { ...doc, status: 'pipeline' } });
      assert.equal(noMatch.status, 428);
      assert.equal((await json<{ code: string }>(noMatch)).code, 'precondition-required');

      // What was read can be sent back as it is, changed where the client means it.
      const put = await call('editor', { method: 'PUT', path: '/api/activities/etag-test', headers: { 'if-match': '"1"' }, body: { ...doc, status: 'pipeline', reason: 'Planeras om' } });
      assert.equal(put.status, 200, await put.clone().text());
      assert.equal(put.headers.get('etag'), '"2"');

      const stale = await call('editor', { method: 'PUT', path: '/api/activities/etag-test', headers: { 'if-match': '"1"', 'accept-language': 'sv' }, body: { ...doc, status: 'closed' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      const problem = await json<{ code: string; currentVersion: number; current: { status: string }; title: string }>(stale);
      assert.equal(problem.code, 'version-conflict');
      assert.equal(problem.currentVersion, 2);
      assert.equal(problem.current.status, 'pipeline');
      assert.match(problem.title, /nyare version/);

      const invalid = await call('editor', { method: 'PUT', path: '/api/activities/etag-test', headers: { 'if-match': '"2"' }, body: { ...doc, kind: 'expedition', countries: [{ code: 'ZZ' }] } });
      assert.equal(invalid.status, 400);
      const fields = (await json<{ errors: { field: string; code: string }[] }>(invalid)).errors.map((e) => e.field).sort();
      assert.deepEqual(fields, ['countries.0.code', 'kind']);

      const history = await json<{ items: { action: string; reason: string | null }[] }>(await call('viewer', { method: 'GET', path: '/api/activities/etag-test/revisions' }));
      assert.deepEqual(history.items.map((r) => r.action), ['update', 'create']);
      assert.equal(history.items[0]!.reason, 'Planeras om');
      const rev = await json<{ diff: { path: string; before: string; after: string }[] }>(await call('viewer', { method: 'GET', path: '/api/activities/etag-test/revisions/2' }));
      assert.deepEqual(rev.diff.map((d) => [d.path, d.before, d.after]), [['status', 'implementation', 'pipeline']]);

      const publicRead = await call('anonymous', { method: 'GET', path: '/api/activities/mavrri' });
      assert.equal(publicRead.headers.get('etag'), '"1"');
      assert.equal(publicRead.headers.get('vary'), 'Authorization, Cookie');
      assert.equal(publicRead.headers.get('cache-control'), null);
    });

    it('refuses a text with a control character that cannot be stored (NUL) with a field error in the reader\'s language, and stores nothing', async () => {
      const slug = unique('nul');
      const body = activityInput(slug, { texts: { sv: { title: 'Test\u0000projekt' }, en: { title: 'Test project', summary: 'Bell \u0007 here' } } });
      const refused = await call('editor', { method: 'POST', path: '/api/activities', headers: { 'accept-language': 'sv' }, body });
      assert.equal(refused.status, 400, await refused.clone().text());
      const problem = await json<{ errors: { field: string; code: string; message: string }[] }>(refused);
      assert.deepEqual(problem.errors.map((e) => [e.field, e.code]), [['texts.sv.title', 'control-character'], ['texts.en.summary', 'control-character']]);
      assert.match(problem.errors[0]!.message, /styrtecken/);
      assert.equal((await call('viewer', { method: 'GET', path: `/api/activities/${slug}` })).status, 404);
      // Tab, line breaks and every other character are text.
      const fine = await call('editor', { method: 'POST', path: '/api/activities', body: activityInput(slug, { texts: { sv: { title: 'Ett\tprojekt', summary: 'Rad\r\nrad 😀 åäö \u00a0' } } }) });
      assert.equal(fine.status, 201, await fine.clone().text());
    });

    it('serves a signed-in browser with its CSRF token, and refuses a write without it', async () => {
      const user = await addTestUser(t.db, 'editor');
      const browser = await signedIn(base, user);
      const slug = await draft();
      const read = await browser.fetch(`/api/activities/${slug}`);
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('cache-control'), 'private, no-store');
      const doc = await read.json() as Record<string, unknown>;
      const headers = { 'content-type': 'application/json', 'if-match': '"1"' };
      const body = JSON.stringify({ ...doc, status: 'pipeline' });
      const without = await browser.fetch(`/api/activities/${slug}`, { method: 'PUT', headers, body });
      assert.equal(without.status, 403);
      assert.equal((await without.json() as { code: string }).code, 'csrf-invalid');
      const withToken = await browser.fetch(`/api/activities/${slug}`, { method: 'PUT', headers: { ...headers, 'x-csrf-token': await browser.csrf() }, body });
      assert.equal(withToken.status, 200);
      assert.equal(withToken.headers.get('etag'), '"2"');
    });

    it('lets exactly one of 20 parallel saves of the same version win', async () => {
      const slug = await draft();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call('editor', {
        method: 'PUT', path: `/api/activities/${slug}`, headers: { 'if-match': '"1"' },
        body: activityInput(slug, { texts: { sv: { title: `Titel ${i}` } } }),
      })));
      const statuses = results.map((r) => r.status).sort();
      await Promise.all(results.map((r) => r.arrayBuffer()));
      assert.deepEqual(statuses, [200, ...Array(19).fill(412)]);
      const after = await json<{ version: number }>(await call('viewer', { method: 'GET', path: `/api/activities/${slug}` }));
      assert.equal(after.version, 2);
    });

    it('creates a slug once when 10 clients create it at the same time', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => call('editor', { method: 'POST', path: '/api/activities', body: activityInput('same-time') })));
      const bodies = await Promise.all(results.map(async (r) => ({ status: r.status, code: (await r.json() as { code?: string }).code })));
      assert.deepEqual(bodies.map((b) => b.status).sort(), [201, ...Array(9).fill(409)]);
      assert.ok(bodies.filter((b) => b.status === 409).every((b) => b.code === 'slug-taken'));
    });

    it('refuses another activity\'s IATI identifier by field, on a draft and on a published activity', async () => {
      const taken = (await json<{ iatiIdentifier: string }>(await call('viewer', { method: 'GET', path: '/api/activities/mavrri' }))).iatiIdentifier;
      const slug = await draft();
      const onDraft = await call('editor', { method: 'PUT', path: `/api/activities/${slug}`, headers: { 'if-match': '"1"' }, body: activityInput(slug, { iatiIdentifier: taken }) });
      assert.equal(onDraft.status, 409);
      const problem = await json<{ code: string; errors: { field: string }[] }>(onDraft);
      assert.equal(problem.code, 'iati-identifier-taken');
      assert.deepEqual(problem.errors.map((e) => e.field), ['iatiIdentifier']);

      const pub = await published();
      const current = await json<Record<string, unknown> & { version: number }>(await call('editor', { method: 'GET', path: `/api/activities/${pub}` }));
      const onPublished = await call('editor', { method: 'PUT', path: `/api/activities/${pub}`, headers: { 'if-match': `"${current.version}"` }, body: { ...current, iatiIdentifier: taken } });
      assert.equal(onPublished.status, 409);
      assert.equal((await json<{ code: string }>(onPublished)).code, 'iati-identifier-taken');
    });

    it('loses no update when 8 clients edit their own part and retry on 412', async () => {
      const slug = await published();
      const countries = ['AL', 'BA', 'ME', 'MK', 'XK', 'TR', 'SO', 'GE'];
      let conflicts = 0;
      await Promise.all(countries.map(async (code) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const res = await call('editor', { method: 'GET', path: `/api/activities/${slug}` });
          const version = res.headers.get('etag')!;
          const doc = await json<{ countries: { code: string }[] }>(res);
          const body = { ...doc, countries: [...doc.countries, { code }] };
          const put = await call('editor', { method: 'PUT', path: `/api/activities/${slug}`, headers: { 'if-match': version }, body });
          await put.arrayBuffer();
          if (put.status === 200) return;
          assert.equal(put.status, 412);
          conflicts += 1;
        }
        assert.fail(`client ${code} never landed its change`);
      }));
      const final = await json<{ countries: { code: string }[]; version: number }>(await call('viewer', { method: 'GET', path: `/api/activities/${slug}` }));
      assert.deepEqual(final.countries.map((c) => c.code).sort(), ['RS', ...countries].sort());
      const revisions = await json<{ items: { action: string }[] }>(await call('viewer', { method: 'GET', path: `/api/activities/${slug}/revisions` }));
      assert.equal(revisions.items.filter((r) => r.action === 'update').length, 8);
      assert.ok(conflicts >= 0);
    });

    it('never shows a draft or a working copy to the public, and shows them once published', async () => {
      const draftSlug = 'zyxwvut-draft';
      await call('editor', { method: 'POST', path: '/api/activities', body: activityInput(draftSlug, { texts: { sv: { title: 'Zyxwvut hemligt utkast' }, en: { title: 'Zyxwvut secret draft' } } }) });
      const pub = await json<Record<string, unknown> & { texts: { sv: { title: string }; en: { title: string } } }>(await call('editor', { method: 'GET', path: '/api/activities/mavrri' }));
      const put = await call('editor', {
        method: 'PUT', path: '/api/activities/mavrri', headers: { 'if-match': `"${pub.version}"` },
        body: { ...pub, texts: { ...pub.texts, sv: { ...pub.texts.sv, title: 'Qwertyq ny titel' }, en: { ...pub.texts.en, title: 'Qwertyq new title' } } },
      });
      assert.equal(put.status, 200, await put.clone().text());

      const publicText = async () => {
        const paths = [
          '/', '/en/', '/activities', '/en/activities', '/activities?q=Zyxwvut', '/activities?q=Qwertyq', '/activities/mavrri', '/en/activities/mavrri',
          '/api/activities?pageSize=100', '/api/activities?q=Zyxwvut', '/api/activities?q=Qwertyq', '/api/activities/mavrri',
          '/data/portfolio.json', '/data/portfolio.csv?lang=sv', '/data/portfolio.csv?lang=en', '/data/iati-activities.xml', '/timeline', '/map', '/sitemap.xml',
        ];
        const texts = await Promise.all(paths.map(async (p) => `${p}\n${await (await fetch(`${base}${p}`)).text()}`));
        return texts.join('\n');
      };
      const before = await publicText();
      // The search pages repeat the words searched for; the titles and the slug must not appear anywhere.
      assert.doesNotMatch(before, /Zyxwvut hemligt|Zyxwvut secret|zyxwvut-draft|Qwertyq ny|Qwertyq new/);
      for (const q of ['Zyxwvut', 'Qwertyq']) {
        assert.equal((await json<{ total: number }>(await fetch(`${base}/api/activities?q=${q}`))).total, 0);
      }
      assert.equal((await fetch(`${base}/activities/${draftSlug}`)).status, 404);
      assert.equal((await fetch(`${base}/api/activities/${draftSlug}`)).status, 404);
      // Staff see both.
      const staffList = await json<{ items: { slug: string; texts: { sv?: { title?: string } } }[] }>(await call('viewer', { method: 'GET', path: '/api/activities?pageSize=100' }));
      assert.ok(staffList.items.some((a) => a.slug === draftSlug));
      assert.equal(staffList.items.find((a) => a.slug === 'mavrri')?.texts.sv?.title, 'Qwertyq ny titel');

      for (const slug of [draftSlug, 'mavrri']) {
        assert.equal((await call('editor', { method: 'POST', path: `/api/activities/${slug}/submit` })).status, 200);
        const res = await call('reviewer', { method: 'POST', path: `/api/activities/${slug}/publish` });
        assert.equal(res.status, 200, await res.clone().text());
      }
      const afterText = await publicText();
      assert.match(afterText, /Zyxwvut hemligt utkast/);
      assert.match(afterText, /Qwertyq ny titel/);
      assert.equal((await fetch(`${base}/activities/${draftSlug}`)).status, 200);
      const search = await json<{ items: { slug: string }[] }>(await fetch(`${base}/api/activities?q=Zyxwvut`));
      assert.deepEqual(search.items.map((a) => a.slug), [draftSlug]);
    });

    it('does not name a draft through the relations of a published activity', async () => {
      const converted = await call('editor', { method: 'POST', path: '/api/activities/turkey-gbv-pre-study/convert', body: { slug: 'secret-gbv-project', iatiIdentifier: 'SE-ON-2021002163-SECRETGBV' } });
      assert.equal(converted.status, 201, await converted.clone().text());
      assert.equal(converted.headers.get('location'), '/api/activities/secret-gbv-project');
      assert.equal((await call('editor', { method: 'POST', path: '/api/activities/turkey-gbv-pre-study/submit' })).status, 200);
      const published = await call('reviewer', { method: 'POST', path: '/api/activities/turkey-gbv-pre-study/publish' });
      assert.equal(published.status, 200, await published.clone().text());
      const staff = await json<{ relations: { type: string }[] }>(await call('viewer', { method: 'GET', path: '/api/activities/turkey-gbv-pre-study' }));
      assert.ok(staff.relations.some((r) => r.type === 'pre-study-led-to'));
      for (const path of ['/api/activities/turkey-gbv-pre-study', '/api/activities?pageSize=100', '/activities/turkey-gbv-pre-study', '/en/activities/turkey-gbv-pre-study', '/data/portfolio.json', '/data/iati-activities.xml', '/data/portfolio.csv']) {
        const res = await fetch(`${base}${path}`);
        assert.equal(res.status, 200, path);
        assert.doesNotMatch(await res.text(), /secret-gbv-project|SECRETGBV/, path);
      }
    });

    it('refuses publication with the blocking findings, and deletion of an organisation in use, by field', async () => {
      const slug = await draft({ texts: { sv: { summary: 'Inget namn' } } });
      await call('editor', { method: 'POST', path: `/api/activities/${slug}/submit` });
      const blocked = await call('reviewer', { method: 'POST', path: `/api/activities/${slug}/publish`, headers: { 'accept-language': 'en' } });
      assert.equal(blocked.status, 422);
      const problem = await json<{ code: string; errors: { code: string; field: string }[] }>(blocked);
      assert.equal(problem.code, 'publication-blocked');
      assert.deepEqual(problem.errors.map((e) => [e.code, e.field]), [['missing-title', 'texts.title']]);

      const org = await json<{ version: number }>(await call('viewer', { method: 'GET', path: '/api/organisations/migrationsverket' }));
      const refused = await call('reviewer', { method: 'DELETE', path: '/api/organisations/migrationsverket', headers: { 'if-match': `"${org.version}"`, 'accept-language': 'sv' } });
      assert.equal(refused.status, 409);
      const inUse = await json<{ code: string; errors: { record: string; message: string }[] }>(refused);
      assert.equal(inUse.code, 'organisation-in-use');
      assert.ok(inUse.errors.some((e) => e.record === `activity ${slug}` && /ledande part/.test(e.message)), JSON.stringify(inUse.errors.slice(0, 3)));
    });
  });
}
