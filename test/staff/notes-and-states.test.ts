/**
 * Over real HTTP, per dialect: the "Internal notes" section of the activity edit and review pages
 * (viewers read, editors add with the CSRF token, a refused note keeps what was typed), and the
 * staff list's filter by review state.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createActivity, deleteActivity, publishActivity, saveActivity, submitActivity } from '../../src/editing/activity.editing.ts';
import { buildServer } from '../../src/server/server.ts';
import { Client, addTestUser, csrfOf, signedIn } from '../support/accounts.ts';
import { buildActivity } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';

const input = (slug: string, overrides: Record<string, unknown> = {}) => buildActivity({
  slug, iatiIdentifier: `SE-ON-2021002163-${slug.toUpperCase()}`, participations: [{ organisation: 'migrationsverket', role: 'lead' }], ...overrides,
});

/** The slugs an activity list page links to. */
const listed = (html: string) => [...html.matchAll(/href="(?:\/en)?\/edit\/activities\/([a-z0-9-]+)"/g)].map((m) => m[1]!).filter((s) => s !== 'new');

for (const dialect of DIALECTS) {
  describe(`internal notes and review-state filter on staff pages (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const clients: Record<'viewer' | 'editor' | 'admin', Client> = {} as never;

    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db);
      app = await buildServer(t.db, { logLevel: 'silent', today: () => '2026-11-25' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      for (const role of ['viewer', 'editor', 'admin'] as const) clients[role] = await signedIn(base, await addTestUser(t.db, role, { name: `Bo ${role}` }));
      // One activity in each review state.
      await createActivity(t.db, null, input('st-draft'));
      await createActivity(t.db, null, input('st-review'));
      await submitActivity(t.db, null, 'st-review');
      for (const slug of ['st-changed', 'st-published', 'st-review-published']) {
        await createActivity(t.db, null, input(slug));
        await publishActivity(t.db, null, slug);
      }
      await saveActivity(t.db, null, 'st-changed', input('st-changed', { status: 'closed' }), 2);
      await saveActivity(t.db, null, 'st-review-published', input('st-review-published', { status: 'closed' }), 2);
      await submitActivity(t.db, null, 'st-review-published');
      await createActivity(t.db, null, input('st-deleted'));
      await deleteActivity(t.db, null, 'st-deleted');
    });
    after(async () => {
      await app?.close();
      await t?.close();
    });

    it('lets an editor add a note on the edit page and everyone staff read it, newest first', async () => {
      const page = await (await clients.editor.fetch('/edit/activities/st-draft')).text();
      assert.match(page, /<h2 id="notes-h">Interna anteckningar<\/h2>/);
      assert.match(page, /Inga anteckningar än\./);
      const csrf = csrfOf(page);
      for (const body of ['Första anteckningen.', 'Andra anteckningen,\nmed två rader.']) {
        const res = await clients.editor.fetch('/edit/activities/st-draft/notes', { form: { _csrf: csrf, back: 'edit', body } });
        assert.equal(res.status, 303);
        assert.equal(res.headers.get('location'), '/edit/activities/st-draft?done=noted#notes');
      }
      const after = await (await clients.editor.fetch('/edit/activities/st-draft?done=noted')).text();
      assert.match(after, /Anteckningen är sparad\./);
      const shown = after.indexOf('Andra anteckningen,<br/>med två rader.');
      assert.ok(shown > 0 && shown < after.indexOf('Första anteckningen.'), 'the newest note comes first');
      assert.match(after, /Av <strong>Bo editor<\/strong>/);

      const viewerPage = await (await clients.viewer.fetch('/en/edit/activities/st-draft')).text();
      assert.match(viewerPage, /<h2 id="notes-h">Internal notes<\/h2>/);
      assert.match(viewerPage, /Första anteckningen\./);
      assert.doesNotMatch(viewerPage, /name="body"/, 'a viewer gets no note form');
      const review = await (await clients.viewer.fetch('/edit/activities/st-draft/review')).text();
      assert.match(review, /Första anteckningen\./);
    });

    it('refuses a note without a CSRF token, from a viewer, and an empty one (keeping what was typed)', async () => {
      const page = await (await clients.editor.fetch('/edit/activities/st-review/review')).text();
      const csrf = csrfOf(page);
      assert.equal((await clients.editor.fetch('/edit/activities/st-review/notes', { form: { back: 'edit', body: 'Utan token.' } })).status, 403);
      const viewerCsrf = csrfOf(await (await clients.viewer.fetch('/edit/activities/st-review')).text());
      assert.equal((await clients.viewer.fetch('/edit/activities/st-review/notes', { form: { _csrf: viewerCsrf, back: 'edit', body: 'Läsare.' } })).status, 403);
      const blank = await clients.editor.fetch('/en/edit/activities/st-review/notes', { form: { _csrf: csrf, back: 'review', body: '   ' } });
      assert.equal(blank.status, 400);
      const html = await blank.text();
      assert.match(html, /<p class="field-error" id="note-error">Write a note\.<\/p>/);
      assert.match(html, /aria-invalid="true"/);
      const long = await clients.editor.fetch('/edit/activities/st-review/notes', { form: { _csrf: csrf, back: 'edit', body: `${'å'.repeat(4001)}` } });
      assert.equal(long.status, 400);
      const longHtml = await long.text();
      assert.match(longHtml, /Anteckningen får vara högst 4000 tecken lång\./);
      assert.ok(longHtml.includes('å'.repeat(4001)), 'what was typed is shown again');
      assert.doesNotMatch(await (await clients.viewer.fetch('/edit/activities/st-review')).text(), /Utan token|Läsare\./);
    });

    it('shows an organisation\'s notes on its edit page and adds one there', async () => {
      const page = await (await clients.editor.fetch('/en/edit/organisations/migrationsverket')).text();
      assert.match(page, /They are not part of the organisation/);
      const res = await clients.editor.fetch('/en/edit/organisations/migrationsverket/notes', { form: { _csrf: csrfOf(page), body: 'New contact from January.' } });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/en/edit/organisations/migrationsverket?done=noted#notes');
      const viewer = await (await clients.viewer.fetch('/edit/organisations/migrationsverket')).text();
      assert.match(viewer, /New contact from January\./);
      assert.doesNotMatch(viewer, /name="body"/);
      const blank = await clients.editor.fetch('/edit/organisations/migrationsverket/notes', { form: { _csrf: csrfOf(page), body: '' } });
      assert.equal(blank.status, 400);
      assert.match(await blank.text(), /Skriv en anteckning\./);
    });

    it('filters the staff list by review state; deleted ones for admins only', async () => {
      const states = async (client: Client, state: string) => {
        const res = await client.fetch(`/edit/activities?state=${state}&q=Testprojektet`);
        return { status: res.status, slugs: listed(await res.text()).filter((s) => s.startsWith('st-')).sort() };
      };
      assert.deepEqual(await states(clients.viewer, 'draft'), { status: 200, slugs: ['st-draft'] });
      assert.deepEqual(await states(clients.viewer, 'in-review'), { status: 200, slugs: ['st-review', 'st-review-published'] });
      assert.deepEqual(await states(clients.viewer, 'changed'), { status: 200, slugs: ['st-changed'] });
      assert.deepEqual(await states(clients.viewer, 'published'), { status: 200, slugs: ['st-published'] });
      assert.deepEqual(await states(clients.admin, 'deleted'), { status: 200, slugs: ['st-deleted'] });
      assert.equal((await states(clients.viewer, 'deleted')).status, 403);
      const unknown = await clients.viewer.fetch('/en/edit/activities?state=lost');
      assert.equal(unknown.status, 400);
      assert.match(await unknown.text(), /unknown state/);

      const form = await (await clients.viewer.fetch('/edit/activities?state=changed')).text();
      assert.match(form, /<label for="filter-state">Läge<\/label>/);
      assert.match(form, /<option value="changed" selected>/);
      assert.doesNotMatch(form, /<option value="deleted"/);
      assert.match(await (await clients.admin.fetch('/edit/activities')).text(), /<option value="deleted">Borttagen<\/option>/);
    });
  });
}
