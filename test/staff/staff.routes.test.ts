/**
 * The staff editing pages over real HTTP, once per dialect: who may see and do what, forms that
 * keep what was typed, conflicts, the review workflow, history and restore, organisations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Activity } from '../../src/activities/activity.schema.ts';
import { getActivityWorkspace } from '../../src/editing/activity.editing.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { activityToForm } from '../../src/staff/activity.form.ts';
import { treeToFlat } from '../../src/staff/form.codec.ts';
import { organisationToForm } from '../../src/staff/organisation.form.ts';
import { createOrganisation, getOrganisationWorkspace, listOrganisationWorkspaces } from '../../src/editing/organisation.editing.ts';
import type { Organisation } from '../../src/organisations/organisation.schema.ts';
import { Client, addTestUser, csrfOf, signedIn } from '../support/accounts.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

type Entries = [string, string][];

function entriesOf(flat: Record<string, string | string[]>): Entries {
  return Object.entries(flat).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
}

async function post(client: Client, path: string, entries: Entries): Promise<Response> {
  return client.fetch(path, { method: 'POST', body: new URLSearchParams(entries).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

const versionIn = (html: string) => Number(/name="_version" value="(\d+)"/.exec(html)?.[1]);

for (const dialect of DIALECTS) {
  describe(`staff editing pages (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const clients: Record<'viewer' | 'editor' | 'editor2' | 'reviewer' | 'admin', Client> = {} as never;

    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db);
      app = await buildServer(t.db, { logLevel: 'silent', today: () => '2026-11-25' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      for (const role of ['viewer', 'editor', 'reviewer', 'admin'] as const) clients[role] = await signedIn(base, await addTestUser(t.db, role));
      clients.editor2 = await signedIn(base, await addTestUser(t.db, 'editor'));
    });
    after(async () => {
      await app?.close();
      await t?.close();
    });

    /** What the edit form of an activity posts when nothing is changed: the codec's own fields, CSRF and version. */
    async function formOf(client: Client, slug: string, lang: 'sv' | 'en' = 'sv'): Promise<{ entries: Entries; html: string }> {
      const res = await client.fetch(`${lang === 'sv' ? '' : '/en'}/edit/activities/${slug}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      const ws = await getActivityWorkspace(t.db, null, slug);
      const flat = treeToFlat(activityToForm(ws!.document as Activity));
      return { html, entries: [['_csrf', csrfOf(html)], ['_version', String(versionIn(html))], ...entriesOf(flat)] };
    }
    const set = (entries: Entries, name: string, value: string): Entries => [...entries.filter(([k]) => k !== name), [name, value]];

    it('sends anonymous visitors to sign in, and lets every role read', async () => {
      const anonymous = new Client(base);
      for (const path of ['/edit', '/edit/activities/pp7', '/en/edit/organisations']) {
        const res = await anonymous.fetch(path);
        assert.equal(res.status, 303, path);
        assert.match(res.headers.get('location') ?? '', /\/sign-in\?next=/);
      }
      for (const path of ['/edit', '/edit/activities', '/edit/activities/pp7', '/edit/activities/pp7/preview', '/edit/activities/pp7/review',
        '/edit/activities/pp7/history', '/edit/organisations', '/edit/organisations/bamf', '/edit/organisations/bamf/history',
        '/en/edit', '/en/edit/activities/pp7', '/en/edit/activities/pp7/review']) {
        const res = await clients.viewer.fetch(path);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get('cache-control'), 'no-store', path);
      }
      assert.equal((await clients.viewer.fetch('/edit/activities/no-such-thing')).status, 404);
      const page = await (await clients.viewer.fetch('/edit/activities/pp7')).text();
      const script = /<script src="(\/assets\/editing\.[0-9a-f]{12}\.js)" defer><\/script>/.exec(page)?.[1];
      assert.ok(script, 'the edit page loads its script from our own origin');
      const js = await fetch(`${base}${script}`);
      assert.equal(js.status, 200);
      assert.match(js.headers.get('content-type') ?? '', /javascript/);
      assert.match(js.headers.get('cache-control') ?? '', /immutable/);
    });

    it('pages a long organisation list with previous and next links', async () => {
      for (let i = 0; i < 12; i += 1) await createOrganisation(t.db, null, { slug: `paging-org-${i}`, name: { sv: `Sidbrytningsorganisation ${i}` } });
      const total = (await listOrganisationWorkspaces(t.db, null, {}, { limit: 1, offset: 0 })).total;
      assert.ok(total > 50, `needs more than one page of 50, has ${total}`);
      const first = await (await clients.viewer.fetch('/edit/organisations')).text();
      assert.match(first, /<nav class="pagination" aria-label="Sidor">/);
      assert.match(first, /<li>1 \/ 2<\/li>/);
      assert.match(first, /rel="next"/);
      assert.doesNotMatch(first, /rel="prev"/);
      const second = await (await clients.viewer.fetch('/en/edit/organisations?page=2')).text();
      assert.match(second, /<li>2 \/ 2<\/li>/);
      assert.match(second, /rel="prev"/);
      assert.doesNotMatch(second, /rel="next"/);
    });

    it('filters and sorts the staff list with the portal\'s query, drafts included, and names what it cannot read', async () => {
      const html = await (await clients.viewer.fetch('/edit/activities?kind=pre-study&sort=title')).text();
      const rows = [...html.matchAll(/<tr><td><a href="\/edit\/activities\/[a-z0-9-]+">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
      assert.ok(rows.length >= 2, `${rows.length} pre-studies`);
      for (const row of rows) assert.match(row, /<td>Förstudie<\/td>/);
      const titles = rows.map((r) => />([^<]+)<\/span><\/a>|">([^<]+)<\/a>/.exec(r)).map((m) => m?.[1] ?? m?.[2] ?? '');
      assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'sv')), 'sorted by title');
      const bad = await clients.viewer.fetch('/en/edit/activities?kind=bogus');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /kind: Unknown code/);
    });

    it('refuses viewers what needs an editor, and a form without its CSRF token', async () => {
      assert.equal((await clients.viewer.fetch('/edit/activities/new')).status, 403);
      const { entries } = await formOf(clients.viewer, 'pp7');
      const html = await (await clients.viewer.fetch('/edit/activities/pp7')).text();
      assert.doesNotMatch(html, /name="_action" value="save"/, 'no save button for a viewer');
      assert.equal((await post(clients.viewer, '/edit/activities/pp7', entries)).status, 403);
      const editor = await formOf(clients.editor, 'pp7');
      assert.equal((await post(clients.editor, '/edit/activities/pp7', editor.entries.filter(([k]) => k !== '_csrf'))).status, 403);
      assert.equal((await post(clients.editor, '/edit/activities/pp7/publish', [['_csrf', csrfOf(editor.html)]])).status, 403, 'an editor cannot publish');
      assert.equal((await post(clients.editor, '/edit/organisations/bamf/undelete', [['_csrf', csrfOf(editor.html)]])).status, 403, 'an editor cannot undelete');
    });

    it('shows an error beside the field, in the page language, with everything typed kept', async () => {
      for (const lang of ['sv', 'en'] as const) {
        const { entries } = await formOf(clients.editor, 'pp7', lang);
        const typed = set(set(entries, 'dates[planned]', 'hösten 2024 – våren 2023'), 'texts[sv][summary]', 'En sammanfattning <b>som</b> sparas');
        const res = await post(clients.editor, `${lang === 'sv' ? '' : '/en'}/edit/activities/pp7`, typed);
        assert.equal(res.status, 400);
        const html = await res.text();
        assert.match(html, /id="error-summary"/);
        assert.match(html, /href="#f-dates-planned"/);
        assert.match(html, /<input[^>]*id="f-dates-planned"[^>]*value="hösten 2024 – våren 2023"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*f-dates-planned-error/);
        assert.match(html, lang === 'sv' ? /ligger före början/ : /before the start/);
        assert.match(html, /En sammanfattning &lt;b>som&lt;\/b> sparas/);
      }
      const ws = await getActivityWorkspace(t.db, null, 'pp7');
      assert.notEqual(ws!.document.texts.sv?.summary, 'En sammanfattning <b>som</b> sparas', 'nothing was saved');
    });

    it('adds a row and removes one without JavaScript, keeping what was typed', async () => {
      const { entries } = await formOf(clients.editor, 'pp7');
      const count = (html: string) => (html.match(/name="participations\[\d+\]\[role\]"/g) ?? []).length;
      const before = entries.filter(([k]) => /^participations\[\d+\]\[role\]$/.test(k)).length;
      const typed = set(entries, 'texts[en][summary]', 'Typed before adding a row');
      const res = await post(clients.editor, '/edit/activities/pp7', [...typed, ['_add', 'participations']]);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.equal(count(html), before + 1);
      assert.match(html, /Typed before adding a row/);
      assert.match(html, new RegExp(`name="participations\\[${before}\\]\\[organisation\\]"[^>]*autofocus`));
      const removed = await post(clients.editor, '/edit/activities/pp7', [...typed, ['participations[0][_remove]', 'on'], ['_add', 'countries']]);
      assert.equal(count(await removed.text()), before - 1);
    });

    it('saves with a reason, keeps the public page as it was, and records the revision', async () => {
      const { entries } = await formOf(clients.editor, 'pp7');
      const res = await post(clients.editor, '/edit/activities/pp7', [...set(entries, 'texts[sv][title]', 'Kvalitet i asylprocessen'), ['_reason', 'Svensk titel enligt beslut']]);
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /\/edit\/activities\/pp7\?done=saved$/);
      const page = await (await clients.editor.fetch(res.headers.get('location')!)).text();
      assert.match(page, /Ändringarna är sparade/);
      assert.match(page, /Publicerad, med ändringar som inte är publicerade/);
      const portal = await (await fetch(`${base}/activities/pp7`)).text();
      assert.doesNotMatch(portal, /Kvalitet i asylprocessen/, 'the public still sees the published version');
      const overview = await (await clients.editor.fetch('/edit')).text();
      assert.match(overview, /Mina utkast<\/h2><ul class="cards"><li class="card"><a href="\/edit\/activities\/pp7">/);
      assert.match(overview, /Senast ändrade[\s\S]*\/edit\/activities\/pp7/);
      assert.doesNotMatch(await (await clients.reviewer.fetch('/edit')).text(), /Mina utkast<\/h2><ul class="cards">/, 'not the reviewer\'s draft');
      const history = await (await clients.viewer.fetch('/edit/activities/pp7/history')).text();
      assert.match(history, /Svensk titel enligt beslut/);
      assert.match(history, /Kvalitet i asylprocessen/);
      assert.match(history, /Utgångsläge/);
      // The same form again changes nothing.
      const again = await formOf(clients.editor, 'pp7');
      const unchanged = await post(clients.editor, '/edit/activities/pp7', again.entries);
      assert.match(unchanged.headers.get('location') ?? '', /done=unchanged/);
    });

    it('refuses a save based on an old version with a conflict page, and saves the merge', async () => {
      const first = await formOf(clients.editor, 'pp7');
      const second = await formOf(clients.editor2, 'pp7');
      assert.equal((await post(clients.editor, '/edit/activities/pp7', set(first.entries, 'status', 'finalisation'))).status, 303);
      const conflict = await post(clients.editor2, '/edit/activities/pp7', set(second.entries, 'texts[en][acronym]', 'QDAP'));
      assert.equal(conflict.status, 409);
      const html = await conflict.text();
      assert.match(html, /Någon annan har sparat under tiden/);
      // Status was changed only by the colleague and the acronym only by me: both are suggested.
      const choices = [...html.matchAll(/name="(choice-\d+)-path" value="([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
      assert.deepEqual(choices.map((c) => c[1]).sort(), ['status', 'texts.en.acronym']);
      assert.match(html, /id="choice-\d+-theirs" name="choice-\d+" value="theirs" checked/);
      assert.match(html, /id="choice-\d+-mine" name="choice-\d+" value="mine" checked/);
      const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      const form: Entries = [['_csrf', csrfOf(html)], ['_version', hidden('_version')], ['_base', hidden('_base')], ['mine', hidden('mine')], ['_reason', '']];
      for (const [name, path] of choices) form.push([`${name}-path`, path], [name, path === 'status' ? 'theirs' : 'mine']);
      // Without a choice for every field, the page asks again.
      assert.equal((await post(clients.editor2, '/edit/activities/pp7/merge', form.filter(([k]) => !/^choice-\d+$/.test(k)))).status, 409);
      const merged = await post(clients.editor2, '/edit/activities/pp7/merge', form);
      assert.equal(merged.status, 303);
      const ws = await getActivityWorkspace(t.db, null, 'pp7');
      assert.equal(ws!.document.status, 'finalisation');
      assert.equal(ws!.document.texts.en?.acronym, 'QDAP');
    });

    it('submits, returns with a comment, publishes, and the portal shows the new version', async () => {
      const csrf = async (c: Client) => csrfOf(await (await c.fetch('/edit/activities/pp7')).text());
      const version = async () => (await getActivityWorkspace(t.db, null, 'pp7'))!.version;
      assert.equal((await post(clients.editor, '/edit/activities/pp7/submit', [['_csrf', await csrf(clients.editor)], ['_version', String(await version())]])).status, 303);
      const queue = await (await clients.reviewer.fetch('/edit')).text();
      assert.match(queue, /Väntar på granskning[\s\S]*\/edit\/activities\/pp7/);
      const review = await (await clients.reviewer.fetch('/edit/activities/pp7/review')).text();
      assert.match(review, /Ändringar mot den publicerade versionen/);
      assert.match(review, /<ins>Kvalitet i asylprocessen<\/ins>/);
      const empty = await post(clients.reviewer, '/edit/activities/pp7/return', [['_csrf', csrfOf(review)], ['_version', String(await version())], ['comment', ' ']]);
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /Skriv varför arbetet skickas tillbaka/);
      assert.equal((await post(clients.reviewer, '/edit/activities/pp7/return', [['_csrf', csrfOf(review)], ['_version', String(await version())], ['comment', 'Kontrollera förkortningen']])).status, 303);
      const returned = await (await clients.editor.fetch('/edit/activities/pp7')).text();
      assert.match(returned, /Kontrollera förkortningen/);
      assert.equal((await post(clients.reviewer, '/edit/activities/pp7/publish', [['_csrf', csrfOf(review)], ['_version', String(await version())]])).status, 303);
      const portal = await (await fetch(`${base}/activities/pp7`)).text();
      assert.match(portal, /Kvalitet i asylprocessen/);
      const english = await (await fetch(`${base}/en/activities/pp7`)).text();
      assert.match(english, /QDAP/);
    });

    it('refuses to publish while a check finds an error, and says why', async () => {
      const { entries } = await formOf(clients.editor, 'pp7');
      const untitled = set(set(entries, 'texts[sv][title]', ''), 'texts[en][title]', '');
      assert.equal((await post(clients.editor, '/edit/activities/pp7', untitled)).status, 303);
      const review = await (await clients.reviewer.fetch('/edit/activities/pp7/review')).text();
      assert.match(review, /Kan inte publiceras ännu/);
      const res = await post(clients.reviewer, '/edit/activities/pp7/publish', [['_csrf', csrfOf(review)], ['_version', String(versionIn(review))]]);
      assert.equal(res.status, 422);
      assert.match(await res.text(), /Kan inte publiceras ännu/);
    });

    it('restores an older revision as a new revision', async () => {
      const history = await (await clients.editor.fetch('/edit/activities/pp7/history')).text();
      const numbers = [...history.matchAll(/history\?revision=(\d+)/g)].map((m) => Number(m[1]));
      const withTitle = Math.max(...numbers.filter((n) => n < Math.max(...numbers)));
      const selected = await (await clients.editor.fetch(`/edit/activities/pp7/history?revision=${withTitle}`)).text();
      const res = await post(clients.editor, `/edit/activities/pp7/history/${withTitle}/restore`, [['_csrf', csrfOf(selected)], ['_version', String(versionIn(selected))]]);
      assert.equal(res.status, 303);
      const ws = await getActivityWorkspace(t.db, null, 'pp7');
      assert.equal(ws!.document.texts.sv?.title, 'Kvalitet i asylprocessen');
      const after = await (await clients.editor.fetch('/edit/activities/pp7/history')).text();
      assert.match(after, /Äldre version återställd/);
    });

    it('creates an activity from the new form, and converts a pre-study to a project', async () => {
      const page = await (await clients.editor.fetch('/en/edit/activities/new')).text();
      const bad = await post(clients.editor, '/en/edit/activities/new', [['_csrf', csrfOf(page)], ['slug', 'Bad Slug'], ['kind', 'pre-study'], ['status', 'pipeline']]);
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /value="Bad Slug"/);
      assert.match(badHtml, /Use lower-case letters a–z/);
      const res = await post(clients.editor, '/en/edit/activities/new', [
        ['_csrf', csrfOf(page)], ['slug', 'test-forstudie'], ['iatiIdentifier', 'SE-ON-2021002163-TFS'], ['kind', 'pre-study'], ['status', 'pipeline'],
        ['texts[sv][title]', 'Testförstudie'], ['dates[planned]', 'hösten 2027'], ['countries[0][code]', 'RS'],
        ['participations[0][organisation]', 'bamf'], ['participations[0][role]', 'lead'],
      ]);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/en/edit/activities/test-forstudie?done=created');
      const created = await (await clients.editor.fetch(res.headers.get('location')!)).text();
      assert.match(created, /The activity is created/);
      assert.match(created, /Understood as: <strong>autumn 2027<\/strong> \(2027-09-01 – 2027-11-30\)/);
      const taken = await post(clients.editor, '/en/edit/activities/new', [['_csrf', csrfOf(page)], ['slug', 'test-forstudie'], ['iatiIdentifier', 'SE-ON-2021002163-TFS2'], ['kind', 'project'], ['status', 'pipeline'], ['texts[en][title]', 'x']]);
      assert.equal(taken.status, 409);
      assert.match(await taken.text(), /is already taken/);
      // Saving the draft with an identifier another activity has is refused beside the field.
      const draft = await formOf(clients.editor, 'test-forstudie', 'en');
      const clash = await post(clients.editor, '/en/edit/activities/test-forstudie', set(draft.entries, 'iatiIdentifier', 'SE-ON-2021002163-PP7'));
      assert.equal(clash.status, 409);
      assert.match(await clash.text(), /id="f-iatiIdentifier-error"[^>]*>[\s\S]*?is already used by another activity/);
      const converted = await post(clients.editor, '/en/edit/activities/test-forstudie/convert', [['_csrf', csrfOf(created)], ['slug', 'test-projekt']]);
      assert.equal(converted.status, 303);
      assert.equal(converted.headers.get('location'), '/en/edit/activities/test-projekt?done=converted');
      const pre = await getActivityWorkspace(t.db, null, 'test-forstudie');
      assert.deepEqual(pre!.document.relations.map((r) => [r.type, 'activity' in r.target ? r.target.activity : '']), [['pre-study-led-to', 'test-projekt']]);
    });

    it('answers every page by role: anonymous to sign-in, viewers read, editors write, reviewers decide, admins undo', async () => {
      const anonymous = new Client(base);
      const pages: [string, Partial<Record<'anonymous' | 'viewer' | 'editor' | 'reviewer' | 'admin', number>>][] = [
        ['/edit/activities/new', { anonymous: 303, viewer: 403, editor: 200, reviewer: 200, admin: 200 }],
        ['/edit/organisations/new', { anonymous: 303, viewer: 403, editor: 200, reviewer: 200, admin: 200 }],
        ['/edit/organisations?deleted=1', { anonymous: 303, viewer: 403, editor: 403, reviewer: 403, admin: 200 }],
        ['/edit/activities?deleted=1', { anonymous: 303, viewer: 403, editor: 403, reviewer: 403, admin: 200 }],
        ['/en/edit/activities/eu-twinning-serbia-2019/history', { anonymous: 303, viewer: 200, editor: 200, reviewer: 200, admin: 200 }],
      ];
      for (const [path, expected] of pages) {
        for (const [who, status] of Object.entries(expected)) {
          const client = who === 'anonymous' ? anonymous : clients[who as keyof typeof clients];
          assert.equal((await client.fetch(path)).status, status, `${who} ${path}`);
        }
      }
      const csrf = csrfOf(await (await clients.viewer.fetch('/edit')).text());
      // Anonymous posts are sent to sign in; viewers are refused every change.
      assert.equal((await post(anonymous, '/edit/activities/eu-twinning-serbia-2019/submit', [])).status, 303);
      for (const sub of ['submit', 'publish', 'return', 'unpublish', 'delete', 'undelete', 'convert', 'merge', 'history/1/restore']) {
        assert.equal((await post(clients.viewer, `/edit/activities/eu-twinning-serbia-2019/${sub}`, [['_csrf', csrf]])).status, 403, sub);
      }
      const editorCsrf = csrfOf(await (await clients.editor.fetch('/edit')).text());
      for (const sub of ['publish', 'return', 'unpublish', 'delete', 'undelete']) {
        assert.equal((await post(clients.editor, `/edit/activities/eu-twinning-serbia-2019/${sub}`, [['_csrf', editorCsrf], ['comment', 'x']])).status, 403, `editor ${sub}`);
      }
    });

    it('unpublishes, deletes and (as admin) undeletes an activity', async () => {
      const slug = 'eu-twinning-serbia-2019';
      const page = await (await clients.reviewer.fetch(`/edit/activities/${slug}`)).text();
      assert.equal((await post(clients.reviewer, `/edit/activities/${slug}/unpublish`, [['_csrf', csrfOf(page)]])).status, 303);
      assert.equal((await fetch(`${base}/activities/${slug}`)).status, 404, 'gone from the portal');
      const asked = await post(clients.reviewer, `/edit/activities/${slug}/delete`, [['_csrf', csrfOf(page)]]);
      assert.equal(asked.status, 200);
      assert.match(await asked.text(), /name="confirm" value="yes"[\s\S]*Ja, ta bort/);
      assert.equal((await getActivityWorkspace(t.db, null, slug))!.publication, 'draft', 'asking deletes nothing');
      const deleted = await post(clients.reviewer, `/edit/activities/${slug}/delete`, [['_csrf', csrfOf(page)], ['confirm', 'yes']]);
      assert.equal(deleted.headers.get('location'), '/edit/activities?done=deleted');
      assert.match(await (await clients.reviewer.fetch('/edit/activities?done=deleted')).text(), /Posten är borttagen/);
      assert.equal((await clients.reviewer.fetch(`/edit/activities/${slug}`)).status, 404);
      const list = await (await clients.admin.fetch('/edit/activities?deleted=1')).text();
      assert.match(list, new RegExp(`/edit/activities/${slug}/undelete`));
      assert.equal((await post(clients.admin, `/edit/activities/${slug}/undelete`, [['_csrf', csrfOf(list)]])).status, 303);
      const back = await getActivityWorkspace(t.db, null, slug);
      assert.equal(back!.publication, 'draft', 'it was a draft when deleted');
    });

    it('refuses to delete an organisation in use and says where; deletes and undeletes one that is not', async () => {
      const page = await (await clients.reviewer.fetch('/edit/organisations/bamf')).text();
      const refused = await post(clients.reviewer, '/edit/organisations/bamf/delete', [['_csrf', csrfOf(page)], ['_version', String(versionIn(page))]]);
      assert.equal(refused.status, 409);
      const html = await refused.text();
      assert.match(html, /Organisationen används och kan inte tas bort/);
      assert.match(html, /href="\/edit\/activities\/[a-z0-9-]+"/);

      const form = await (await clients.editor.fetch('/edit/organisations/new')).text();
      const created = await post(clients.editor, '/edit/organisations/new', [['_csrf', csrfOf(form)], ['slug', 'ny-myndighet'], ['name[sv]', 'Nya myndigheten'], ['name[en]', ''], ['country', 'SE'], ['website', 'https://example.se']]);
      assert.equal(created.status, 303);
      const ws = await getOrganisationWorkspace(t.db, null, 'ny-myndighet');
      const entries: Entries = [['_csrf', csrfOf(form)], ['_version', String(ws!.version)], ...entriesOf(treeToFlat(organisationToForm(ws!.document as Organisation)))];
      assert.equal((await post(clients.editor, '/edit/organisations/ny-myndighet', set(entries, 'acronym', 'NM'))).status, 303);
      const stale = await post(clients.editor, '/edit/organisations/ny-myndighet', set(entries, 'acronym', 'NYM'));
      assert.equal(stale.status, 409);
      assert.match(await stale.text(), /Någon annan har sparat under tiden/);
      const current = (await getOrganisationWorkspace(t.db, null, 'ny-myndighet'))!;
      const deletedOrg = await post(clients.reviewer, '/edit/organisations/ny-myndighet/delete', [['_csrf', csrfOf(page)], ['_version', String(current.version)], ['confirm', 'yes']]);
      assert.equal(deletedOrg.headers.get('location'), '/edit/organisations?done=deleted');
      assert.equal((await clients.reviewer.fetch('/edit/organisations/ny-myndighet')).status, 404, 'only admins see deleted organisations');
      const deletedList = await (await clients.admin.fetch('/edit/organisations?deleted=1')).text();
      assert.match(deletedList, /Nya myndigheten/);
      assert.equal((await post(clients.admin, '/edit/organisations/ny-myndighet/undelete', [['_csrf', csrfOf(deletedList)]])).status, 303);
      assert.equal((await clients.reviewer.fetch('/edit/organisations/ny-myndighet')).status, 200);
      const history = await (await clients.editor.fetch('/edit/organisations/ny-myndighet/history?revision=1')).text();
      assert.match(history, /Nya myndigheten/);
      assert.equal((await post(clients.editor, '/edit/organisations/ny-myndighet/history/1/restore', [['_csrf', csrfOf(history)], ['_version', String(versionIn(history))]])).status, 303);
      assert.equal((await getOrganisationWorkspace(t.db, null, 'ny-myndighet'))!.document.acronym, undefined, 'the acronym added later is gone again');
    });
  });
}
