/**
 * Internal notes, per dialect: who may read and add them, validation, and that a note never
 * reaches anything the public reads (anonymous API, JSON and CSV exports, IATI, the portal page,
 * search), also for a published activity.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Actor, Role } from '../../src/accounts/access.ts';
import { createActivity, deleteActivity, publishActivity, submitActivity } from '../../src/editing/activity.editing.ts';
import { addNote, listNotes } from '../../src/editing/notes.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { AppError, ValidationError } from '../../src/shared/errors.ts';
import { addTestUser, testToken } from '../support/accounts.ts';
import { buildActivity } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const SECRET = 'Hemlighetsfullsnackelse';

for (const dialect of DIALECTS) {
  describe(`internal notes on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const actors = new Map<Role, Actor>();
    const tokens = new Map<Role, string>();

    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db, { now: '2026-01-01T00:00:00.000Z' });
      for (const role of ['viewer', 'editor', 'reviewer', 'admin'] as const) {
        const user = await addTestUser(t.db, role, { name: `Anna ${role}` });
        actors.set(role, { userId: user.id, email: user.email, name: user.name, role, via: 'token', sessionId: null });
        tokens.set(role, await testToken(t.db, user));
      }
      await createActivity(t.db, null, buildActivity({ slug: 'noted', iatiIdentifier: 'SE-ON-2021002163-NOTED', participations: [{ organisation: 'migrationsverket', role: 'lead' }] }));
      await submitActivity(t.db, null, 'noted');
      await publishActivity(t.db, null, 'noted');
      app = await buildServer(t.db, { logLevel: 'silent' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app?.close();
      await t?.close();
    });

    const api = (path: string, init: { role?: Role; method?: string; body?: unknown } = {}) => fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.role ? { authorization: `Bearer ${tokens.get(init.role)}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

    it('lets editors add notes and viewers read them, newest first, with author names', async () => {
      await addNote(t.db, actors.get('editor')!, 'activity', 'noted', { body: '  Först: ring Migrationsverket.  ' }, { now: '2026-02-01T10:00:00.000Z' });
      await addNote(t.db, actors.get('reviewer')!, 'activity', 'noted', { body: 'Sedan: budgeten stämmer.' }, { now: '2026-02-02T10:00:00.000Z' });
      const notes = await listNotes(t.db, actors.get('viewer')!, 'activity', 'noted');
      assert.deepEqual(notes.map((n) => [n.body, n.author.name]), [['Sedan: budgeten stämmer.', 'Anna reviewer'], ['Först: ring Migrationsverket.', 'Anna editor']]);
      await assert.rejects(addNote(t.db, actors.get('viewer')!, 'activity', 'noted', { body: 'Får inte.' }), (e: AppError) => e.code === 'forbidden' && e.status === 403);
      await assert.rejects(addNote(t.db, null, 'activity', 'noted', { body: 'Ingen författare.' }), (e: AppError) => e.code === 'note-needs-author');
      await assert.rejects(listNotes(t.db, actors.get('viewer')!, 'activity', 'finns-inte'), (e: AppError) => e.code === 'not-found');
    });

    it('refuses an empty, a blank, a too long or a malformed note with a field error in both languages', async () => {
      const editor = actors.get('editor')!;
      const refused = async (input: unknown) => {
        try {
          await addNote(t.db, editor, 'activity', 'noted', input);
        } catch (error) {
          assert.ok(error instanceof ValidationError);
          return error.problems.map((p) => [p.code, p.path, Boolean(p.message.sv && p.message.en)]);
        }
        assert.fail('the note was accepted');
      };
      assert.deepEqual(await refused({ body: '' }), [['empty', 'body', true]]);
      assert.deepEqual(await refused({ body: ' \n\t ' }), [['empty', 'body', true]]);
      assert.deepEqual(await refused({}), [['required', 'body', true]]);
      assert.deepEqual(await refused({ body: 'x'.repeat(4001) }), [['too-long', 'body', true]]);
      assert.deepEqual(await refused({ body: 'ok', extra: 1 }), [['unknown-field', '', true]]);
      assert.equal((await addNote(t.db, editor, 'activity', 'noted', { body: 'x'.repeat(4000) })).body.length, 4000);
    });

    it('has a table that itself refuses an empty or too long note and an unknown author', async () => {
      const row = { entity: 'activity', entity_id: 1, author_id: actors.get('editor')!.userId, body: 'ok', created_at: '2026-03-01T00:00:00.000Z' };
      await t.db.insertInto('internal_notes').values(row).execute();
      await assert.rejects(t.db.insertInto('internal_notes').values({ ...row, body: '' }).execute());
      await assert.rejects(t.db.insertInto('internal_notes').values({ ...row, body: 'x'.repeat(4001) }).execute());
      await assert.rejects(t.db.insertInto('internal_notes').values({ ...row, author_id: 999_999 }).execute());
      await assert.rejects(t.db.insertInto('internal_notes').values({ ...row, entity: 'source' }).execute());
      await t.db.deleteFrom('internal_notes').where('created_at', '=', row.created_at).execute();
    });

    it('hides a deleted activity\'s notes from all but admins', async () => {
      await createActivity(t.db, null, buildActivity({ slug: 'gone', iatiIdentifier: 'SE-ON-2021002163-GONE', participations: [{ organisation: 'migrationsverket', role: 'lead' }] }));
      await addNote(t.db, actors.get('editor')!, 'activity', 'gone', { body: 'Tas bort snart.' });
      await deleteActivity(t.db, null, 'gone');
      await assert.rejects(listNotes(t.db, actors.get('reviewer')!, 'activity', 'gone'), (e: AppError) => e.code === 'not-found');
      assert.equal((await listNotes(t.db, actors.get('admin')!, 'activity', 'gone')).length, 1);
    });

    it('answers GET and POST /api/activities/:slug/notes with problem+json errors', async () => {
      const created = await api('/api/activities/noted/notes', { role: 'editor', method: 'POST', body: { body: `API-anteckning ${SECRET}` } });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('cache-control'), 'private, no-store');
      const note = await created.json() as { id: number; body: string; author: { name: string }; createdAt: string };
      assert.equal(note.body, `API-anteckning ${SECRET}`);
      assert.equal(note.author.name, 'Anna editor');

      const list = await api('/api/activities/noted/notes', { role: 'viewer' });
      assert.equal(list.status, 200);
      const items = (await list.json() as { items: { id: number }[] }).items;
      assert.equal(items[0]!.id, note.id);

      const invalid = await api('/api/activities/noted/notes', { role: 'editor', method: 'POST', body: { body: '' } });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      const problem = await invalid.json() as { code: string; errors: { code: string; field: string }[] };
      assert.equal(problem.code, 'validation-failed');
      assert.deepEqual(problem.errors.map((e) => [e.code, e.field]), [['empty', 'body']]);

      assert.equal((await api('/api/activities/noted/notes')).status, 401);
      assert.equal((await api('/api/activities/noted/notes', { method: 'POST', body: { body: 'anonym' } })).status, 401);
      assert.equal((await api('/api/activities/finns-inte/notes', { role: 'viewer' })).status, 404);
    });

    it('never shows a note where the public reads, nor in staff reads of the activity itself', async () => {
      await addNote(t.db, actors.get('editor')!, 'activity', 'noted', { body: `Intern: ${SECRET}` });
      // Publishing again after the note must not carry it into the registry either.
      const editor = actors.get('editor')!;
      await api('/api/activities/noted/submit', { role: 'editor', method: 'POST' });
      await api('/api/activities/noted/publish', { role: 'reviewer', method: 'POST' });
      assert.ok((await listNotes(t.db, editor, 'activity', 'noted')).some((n) => n.body.includes(SECRET)));

      const publicReads = [
        '/api/activities/noted', '/api/activities?pageSize=100',
        '/data/portfolio.json', '/data/portfolio.csv', '/data/portfolio.csv?lang=en', '/data/iati-activities.xml',
        '/activities/noted', '/en/activities/noted',
      ];
      for (const path of publicReads) {
        const res = await api(path);
        assert.equal(res.status, 200, path);
        const text = await res.text();
        assert.ok(text.includes('noted') || text.includes('NOTED'), `${path} does not show the activity at all`);
        assert.ok(!text.includes(SECRET), `${path} shows a note`);
      }
      // Searching by the note's word finds nothing (a search page repeats the words asked for, so
      // count results), for staff too: notes are not indexed. The activity's own title is found.
      for (const role of [undefined, 'viewer'] as const) {
        const search = await api(`/api/activities?q=${SECRET}`, role ? { role } : {});
        assert.equal((await search.json() as { total: number }).total, 0);
        const byTitle = await api('/api/activities?q=Testprojektet', role ? { role } : {});
        assert.ok((await byTitle.json() as { items: { slug: string }[] }).items.some((a) => a.slug === 'noted'));
      }
      for (const path of [`/activities?q=${SECRET}`, `/en/activities?q=${SECRET}`]) {
        const page = await (await api(path)).text();
        assert.ok(!page.includes('activities/noted'), `${path} finds the activity by its note`);
      }
      const staffRead = await api('/api/activities/noted', { role: 'viewer' });
      assert.ok(!(await staffRead.text()).includes(SECRET));
    });

    it('keeps notes on an organisation too, out of its public page and the exports', async () => {
      const created = await api('/api/organisations/migrationsverket/notes', { role: 'editor', method: 'POST', body: { body: `Kontakt: ${SECRET}` } });
      assert.equal(created.status, 201);
      const list = await api('/api/organisations/migrationsverket/notes', { role: 'viewer' });
      assert.deepEqual((await list.json() as { items: { body: string }[] }).items.map((n) => n.body), [`Kontakt: ${SECRET}`]);
      assert.equal((await listNotes(t.db, actors.get('viewer')!, 'activity', 'noted')).filter((n) => n.body.startsWith('Kontakt')).length, 0, 'an organisation\'s notes are not an activity\'s');
      for (const path of ['/organisations/migrationsverket', '/en/organisations/migrationsverket', '/data/portfolio.json', '/api/organisations/migrationsverket']) {
        const res = await api(path, path.startsWith('/api/') ? { role: 'viewer' } : {});
        assert.equal(res.status, 200, path);
        assert.ok(!(await res.text()).includes(SECRET), `${path} shows a note`);
      }
    });
  });
}
