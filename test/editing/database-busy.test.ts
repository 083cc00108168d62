/**
 * A write while another process holds SQLite's write lock (a `samverka import` of a large file, as
 * a rule): after the busy timeout the API answers 503 database-busy with Retry-After, a staff form
 * a page in the user's language that says nothing was saved, the command line exit code 75 with
 * one line that says so, and once the lock is gone the same request succeeds. Real HTTP on
 * 127.0.0.1 and a second connection to the same SQLite file. (On PostgreSQL writers wait for row
 * locks; no lock timeout is set, so there is nothing to refuse.)
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { createActivity, publishActivity, submitActivity } from '../../src/editing/activity.editing.ts';
import { isDatabaseBusy } from '../../src/db/busy.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { addTestUser, signedIn, testToken, type Client } from '../support/accounts.ts';
import { runCli } from '../support/cli.ts';
import { buildActivity } from '../support/builders.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

describe('writes while another process holds the SQLite write lock', { timeout: 60_000 }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let token: string;
  let staff: Client;
  /** The other process's connection, holding the write lock while `locked` runs. */
  let other: Database.Database;

  before(async () => {
    t = await freshDatabase('sqlite');
    await seedDatabase(t.db, { now: '2026-01-01T00:00:00.000Z' });
    const editor = await addTestUser(t.db, 'editor');
    token = await testToken(t.db, editor);
    await createActivity(t.db, null, buildActivity({ slug: 'busy', iatiIdentifier: 'SE-ON-2021002163-BUSY', participations: [{ organisation: 'migrationsverket', role: 'lead' }] }));
    await submitActivity(t.db, null, 'busy');
    await publishActivity(t.db, null, 'busy');
    app = await buildServer(t.db, { logLevel: 'silent' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    staff = await signedIn(base, editor);
    other = new Database(t.url);
  });
  after(async () => {
    other?.close();
    await app?.close();
    await t?.close();
  });

  async function locked<T>(work: () => Promise<T>): Promise<T> {
    other.exec('begin immediate');
    try {
      return await work();
    } finally {
      other.exec('rollback');
    }
  }

  const api = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'sv', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

  it('recognises the busy errors of both drivers and nothing else', () => {
    assert.ok(isDatabaseBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })));
    assert.ok(isDatabaseBusy(Object.assign(new Error('locked'), { code: 'SQLITE_BUSY_SNAPSHOT' })));
    assert.ok(isDatabaseBusy(Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })));
    assert.ok(!isDatabaseBusy(Object.assign(new Error('unique'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })));
    assert.ok(!isDatabaseBusy(new Error('SQLITE_BUSY in a message only')));
    assert.ok(!isDatabaseBusy(null));
  });

  it('answers an API write 503 database-busy with Retry-After, stores nothing, and takes the same request afterwards', async () => {
    const current = await api('/api/activities/busy');
    const etag = current.headers.get('etag')!;
    const document = await current.json() as { texts: { en?: { summary?: string } } };
    const changed = { ...document, texts: { ...document.texts, en: { ...document.texts.en, summary: 'Saved once the lock is gone.' } } };
    const refused = await locked(() => api('/api/activities/busy', { method: 'PUT', body: changed, headers: { 'if-match': etag } }));
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '10');
    const problem = await refused.json() as { code: string; title: string; detail: { sv: string; en: string } };
    assert.equal(problem.code, 'database-busy');
    assert.match(problem.title, /Ingenting av det du skickade har sparats/);
    assert.match(problem.detail.en, /Nothing of what you sent has been saved/);
    assert.equal((await api('/api/activities/busy')).headers.get('etag'), etag, 'nothing was stored');

    const saved = await api('/api/activities/busy', { method: 'PUT', body: changed, headers: { 'if-match': etag } });
    assert.equal(saved.status, 200);
  });

  it('ends a command-line import with exit code 75 and one line saying nothing was written; afterwards the same import works', async () => {
    const file = join(tmpdir(), `busy-${process.pid}.xml`);
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03"><iati-activity xml:lang="en"><iati-identifier>XM-BUSY-1</iati-identifier>
<reporting-org ref="XM-BUSY" type="10"><narrative>Busy</narrative></reporting-org><title><narrative>Imported while busy</narrative></title>
<activity-status code="2"/><activity-date type="2" iso-date="2020-01-01"/></iati-activity></iati-activities>`);
    const count = async () => (await t.db.selectFrom('activities').select('id').where('iati_identifier', '=', 'XM-BUSY-1').execute()).length;
    const refused = await locked(() => runCli(['import', file], { DATABASE_URL: t.url, SAMVERKA_LANG: 'sv' }));
    assert.equal(refused.code, 75, refused.stderr);
    assert.match(refused.stderr, /^samverka: Registret är upptaget just nu[^\n]*Ingenting av det du skickade har sparats/);
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
    assert.equal(await count(), 0);
    const imported = await runCli(['import', file], { DATABASE_URL: t.url });
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(await count(), 1);
  });

  it('answers a staff form with a page in the user\'s language that says nothing was saved', async () => {
    const csrf = await staff.csrf();
    for (const [prefix, text] of [['', 'Ingenting av det du skickade har sparats'], ['/en', 'Nothing of what you sent has been saved']] as const) {
      const res = await locked(() => staff.fetch(`${prefix}/edit/activities/busy/notes`, { form: { _csrf: csrf, body: 'A note sent while the register was busy.' } }));
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '10');
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      const html = await res.text();
      assert.ok(html.includes(text), html.slice(0, 500));
      assert.ok(html.includes(prefix === '' ? '<html lang="sv"' : '<html lang="en"'));
    }
    const notes = await t.db.selectFrom('internal_notes').select('body').execute();
    assert.deepEqual(notes, [], 'no note was stored');
  });
});
