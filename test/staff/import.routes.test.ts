/**
 * The IATI upload form over real HTTP, once per dialect: who may use it, a dry run that writes
 * nothing, a real import that writes, refusals (hostile file, too large, no file, JSON, CSRF)
 * that write nothing, the audit log, and a file large enough to be read in a worker thread.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../src/accounts/audit.ts';
import { WORKER_FROM } from '../../src/iati/import/iati.batches.ts';
import { buildServer } from '../../src/server/server.ts';
import { Client, addTestUser, csrfOf, signedIn, testToken } from '../support/accounts.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const LIMIT = 20_000;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const activity = (id: string, title: string, extra = '') => `<iati-activity xml:lang="en" default-currency="EUR"><iati-identifier>${id}</iati-identifier>
<reporting-org ref="XM-UPLOAD" type="10"><narrative>Upload Partner</narrative></reporting-org><title><narrative>${title}</narrative></title><activity-status code="2"/><activity-date type="1" iso-date="2020-01-01"/>${extra}</iati-activity>`;
const iatiFile = (body: string) => `${HEAD}<iati-activities version="2.03">${body}</iati-activities>\n`;
/**
 * Two activities, one with a country code that does not exist (a warning), and one without a status
 * (an error: skipped). All three have sectors, which the registry has no field for.
 */
const SECTORS = '<sector code="15190"/><sector code="15110"/>';
const GOOD = iatiFile(`${activity('XM-UPLOAD-1', 'First upload', SECTORS)}\n${activity('XM-UPLOAD-2', 'Second upload', `<recipient-country code="QQ"/>${SECTORS}`)}
<iati-activity xml:lang="en"><iati-identifier>XM-UPLOAD-3</iati-identifier><title><narrative>No status</narrative></title>${SECTORS}</iati-activity>`);

interface Part { name: string; value: string; filename?: string; type?: string }

/** A multipart post in the order given (a browser sends fields in the form's order). */
async function upload(client: Client, path: string, parts: Part[]): Promise<Response> {
  const form = new FormData();
  for (const p of parts) {
    if (p.filename !== undefined) form.append(p.name, new Blob([p.value], { type: p.type ?? 'text/xml' }), p.filename);
    else form.append(p.name, p.value);
  }
  return fetch(`${client.base}${path}`, { method: 'POST', body: form, redirect: 'manual', headers: client.cookies.size ? { cookie: client.cookieHeader() } : {} });
}

for (const dialect of DIALECTS) {
  describe(`IATI upload form (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const clients: Record<'viewer' | 'editor' | 'reviewer' | 'admin', Client> = {} as never;

    before(async () => {
      t = await freshDatabase(dialect.name);
      app = await buildServer(t.db, { logLevel: 'silent', importMaxBytes: LIMIT });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      for (const role of ['viewer', 'editor', 'reviewer', 'admin'] as const) clients[role] = await signedIn(base, await addTestUser(t.db, role));
    });
    after(async () => {
      await app?.close();
      await t?.close();
    });

    const count = async (): Promise<number> =>
      Number((await t.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const csrfFor = async (client: Client, path = '/edit/import') => csrfOf(await (await client.fetch(path)).text());
    const post = async (client: Client, xml: string, { dryRun, lang = 'sv', filename = 'activities.xml' }: { dryRun: boolean; lang?: 'sv' | 'en'; filename?: string }) => {
      const path = `${lang === 'sv' ? '' : '/en'}/edit/import`;
      return upload(client, path, [
        { name: '_csrf', value: await csrfFor(client, path) },
        ...(dryRun ? [{ name: 'dryRun', value: '1' }] : []),
        { name: 'file', value: xml, filename },
      ]);
    };

    it('anonymous visitors are sent to sign in; viewers and editors are refused; reviewers and admins get the form', async () => {
      const anonymous = new Client(base);
      const get = await anonymous.fetch('/edit/import');
      assert.equal(get.status, 303);
      assert.equal(get.headers.get('location'), '/sign-in?next=%2Fedit%2Fimport');
      assert.equal((await anonymous.fetch('/en/edit/import')).headers.get('location'), '/en/sign-in?next=%2Fen%2Fedit%2Fimport');
      const anonPost = await upload(anonymous, '/edit/import', [{ name: 'file', value: GOOD, filename: 'a.xml' }]);
      assert.equal(anonPost.status, 303);
      assert.match(anonPost.headers.get('location') ?? '', /^\/sign-in/);

      for (const role of ['viewer', 'editor'] as const) {
        assert.equal((await clients[role].fetch('/edit/import')).status, 403, role);
        const refused = await upload(clients[role], '/edit/import', [
          { name: '_csrf', value: await clients[role].csrf() }, { name: 'file', value: GOOD, filename: 'a.xml' },
        ]);
        assert.equal(refused.status, 403, role);
        assert.doesNotMatch(await (await clients[role].fetch('/edit')).text(), /href="\/edit\/import"/, `${role} sees no link`);
      }
      assert.equal(await count(), 0);

      for (const [path, words] of [['/edit/import', /Importera en IATI-fil[\s\S]*En import publicerar det den importerar/], ['/en/edit/import', /Import an IATI file[\s\S]*An import publishes what it imports/]] as const) {
        const res = await clients.reviewer.fetch(path);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        const html = await res.text();
        assert.match(html, words);
        assert.match(html, /enctype="multipart\/form-data"/);
        assert.match(html, /<input type="checkbox" id="iati-file-dry-run" name="dryRun" value="1" checked/);
        assert.match(html, /<label for="iati-file">/);
        // The token and the mode come before the file in the form, so the server reads them first.
        assert.ok(html.indexOf('name="_csrf"', html.indexOf('import-form')) < html.indexOf('type="file"'));
        assert.ok(html.indexOf('name="dryRun"') < html.indexOf('type="file"'));
      }
      assert.match(await (await clients.reviewer.fetch('/edit')).text(), /href="\/edit\/import"/);
      assert.equal((await clients.admin.fetch('/en/edit/import')).status, 200);
    });

    it('a dry run reports what would change and writes nothing; the real import writes it', async () => {
      const dry = await post(clients.reviewer, GOOD, { dryRun: true, filename: 'upload.xml' });
      assert.equal(dry.status, 200);
      const dryHtml = await dry.text();
      assert.match(dryHtml, /Resultat av provkörningen/);
      assert.match(dryHtml, /Provkörning: ingenting har sparats/);
      assert.match(dryHtml, /upload\.xml/);
      // Activities: 2 created, 0 updated, 0 unchanged, 1 skipped.
      assert.match(dryHtml, /<th scope="row">Aktiviteter<\/th><td>2<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/);
      assert.match(dryHtml, /<td>fel<\/td><td><code>XM-UPLOAD-3<\/code><\/td><td>rad \d+: [^<]+\[[a-z-]+\]<\/td>/);
      assert.match(dryHtml, /<td>varning<\/td><td><code>XM-UPLOAD-2<\/code><\/td><td>rad \d+: [^<]*QQ[^<]*\[unknown-country\]<\/td>/);
      // The sectors of the two activities imported (not of the skipped one) are listed as not imported.
      assert.match(dryHtml, /<h2 id="not-imported-h">Inte importerat<\/h2><p>[^<]*registret saknar fält för[^<]*<\/p>/);
      assert.match(dryHtml, /<tbody><tr><td><code>sector<\/code><\/td><td>2<\/td><\/tr><\/tbody>/);
      // Their publisher reports them to IATI, so our IATI file will leave them out; the page says so.
      assert.match(dryHtml, /<h2 id="reported-elsewhere-h">Rapporteras av andra<\/h2><p>[^<]*vår IATI-fil tar inte med dem:<\/p>/);
      assert.match(dryHtml, /<table class="import-reported-elsewhere">.*<tbody><tr><td><code>xm-upload<\/code><\/td><td>2<\/td><\/tr><\/tbody>/s);
      assert.match(dryHtml, /Importera samma fil på riktigt/);
      assert.match(dryHtml, /välj samma fil igen/);
      assert.match(dryHtml, /<form method="post" action="\/edit\/import" enctype="multipart\/form-data" class="import-form" id="import-for-real">/);
      assert.doesNotMatch(dryHtml, /id="iati-file-import-for-real-dry-run" name="dryRun" value="1" checked/);
      assert.equal(await count(), 0, 'a dry run writes nothing');

      const real = await post(clients.reviewer, GOOD, { dryRun: false, lang: 'en' });
      assert.equal(real.status, 200);
      const realHtml = await real.text();
      assert.match(realHtml, /The import is done and written/);
      assert.match(realHtml, /<th scope="row">Activities<\/th><td>2<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/);
      assert.match(realHtml, /<td>warning<\/td><td><code>XM-UPLOAD-2<\/code><\/td><td>line \d+: /);
      assert.match(realHtml, /<h2 id="not-imported-h">Not imported<\/h2>/);
      assert.match(realHtml, /<h2 id="reported-elsewhere-h">Reported by others<\/h2>/);
      assert.doesNotMatch(realHtml, /Import the same file for real/);
      assert.equal(await count(), 2);
      const rows = await t.db.selectFrom('activities').select(['iati_identifier', 'publication']).orderBy('iati_identifier').execute();
      assert.deepEqual(rows, [{ iati_identifier: 'XM-UPLOAD-1', publication: 'published' }, { iati_identifier: 'XM-UPLOAD-2', publication: 'published' }]);

      const again = await post(clients.reviewer, GOOD, { dryRun: false, lang: 'en' });
      assert.match(await again.text(), /<th scope="row">Activities<\/th><td>0<\/td><td>0<\/td><td>2<\/td><td>1<\/td>/);

      const audit = (await listAudit(t.db)).filter((e) => e.action === 'iati-import');
      assert.equal(audit.length, 3);
      const [latest, , first] = audit;
      assert.equal(first!.target, 'upload.xml');
      assert.equal(first!.detail.dryRun, true);
      assert.deepEqual(first!.detail.activities, { created: 2, updated: 0, unchanged: 0, skipped: 1 });
      assert.equal(latest!.detail.dryRun, false);
      assert.equal(latest!.actorEmail, (await t.db.selectFrom('users').select('email').where('role', '=', 'reviewer').executeTakeFirstOrThrow()).email);
    });

    it('a hostile file (DOCTYPE) is refused with the reason and nothing is written', async () => {
      const before = await count();
      const hostile = `${HEAD}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities version="2.03">${activity('XM-HOSTILE-1', '&e;')}</iati-activities>`;
      for (const lang of ['sv', 'en'] as const) {
        const res = await post(clients.reviewer, hostile, { dryRun: false, lang });
        assert.equal(res.status, 422);
        const html = await res.text();
        assert.match(html, lang === 'sv' ? /Filen avvisades och ingenting har sparats/ : /The file was refused and nothing was written/);
        assert.match(html, lang === 'sv' ? /Orsak: rad \d+: [^<]*DOCTYPE[^<]+\[doctype\]/ : /Reason: line \d+: [^<]*DOCTYPE[^<]+\[doctype\]/);
        assert.doesNotMatch(html, /passwd:|root:/);
        assert.match(html, lang === 'sv' ? /<dt>Storlek<\/dt><dd>\d+ byte<\/dd>/ : /<dt>Size<\/dt><dd>\d+ bytes<\/dd>/);
        assert.doesNotMatch(html, /<dd>0 byte/);
      }
      assert.equal(await count(), before);
      const entry = (await listAudit(t.db)).find((e) => e.action === 'iati-import');
      assert.equal(entry?.detail.refused, 'doctype');
    });

    it('a file over the limit is refused beside the field, and nothing is written', async () => {
      const before = await count();
      const many = Array.from({ length: 200 }, (_, i) => activity(`XM-BIG-${i}`, `Activity ${i}`)).join('\n');
      const big = iatiFile(many);
      assert.ok(Buffer.byteLength(big) > LIMIT);
      for (const dryRun of [false, true]) {
        const res = await post(clients.reviewer, big, { dryRun });
        assert.equal(res.status, 413);
        const html = await res.text();
        assert.match(html, /<p class="field-error" id="iati-file-error"><span class="visually-hidden">Fel: <\/span>Filen är större än 20[\s\u00a0]000 byte, som är gränsen\. Ingenting har sparats\.<\/p>/);
        assert.match(html, /aria-invalid="true" aria-describedby="iati-file-error"/);
        assert.match(html, /<div class="error-summary" role="alert"[^>]*><h2 id="error-summary-title">Filen kunde inte läsas in<\/h2><ul><li><a href="#iati-file">/);
        // The mode chosen is kept.
        assert.equal(/name="dryRun" value="1" checked/.test(html), dryRun);
      }
      assert.equal(await count(), before);
    });

    it('no file, a JSON file or another type: a clear error beside the field, nothing written', async () => {
      const before = await count();
      const empty = await upload(clients.reviewer, '/en/edit/import', [
        { name: '_csrf', value: await csrfFor(clients.reviewer) }, { name: 'dryRun', value: '1' }, { name: 'file', value: '', filename: '', type: 'application/octet-stream' },
      ]);
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /id="iati-file-error"><span class="visually-hidden">Error: <\/span>Choose a file to read\./);

      const json = await post(clients.reviewer, '{"activities": []}', { dryRun: false, filename: 'portfolio.json' });
      assert.equal(json.status, 415);
      assert.match(await json.text(), /Det här är en JSON-fil\. [^<]*samverka import FIL\.json/);

      const pdf = await post(clients.reviewer, '%PDF-1.7 not xml', { dryRun: false, lang: 'en', filename: 'report.pdf' });
      assert.equal(pdf.status, 415);
      assert.match(await pdf.text(), /The file is not an XML file/);

      const form = await clients.reviewer.fetch('/edit/import', { form: { _csrf: await csrfFor(clients.reviewer) } });
      assert.equal(form.status, 400);
      assert.match(await form.text(), /Välj en fil att läsa in\./);
      assert.equal(await count(), before);
    });

    it('without the CSRF token, or with it after the file, the upload is refused with 403 and nothing is written', async () => {
      const before = await count();
      const xml = iatiFile(activity('XM-CSRF-1', 'Forged'));
      const missing = await upload(clients.reviewer, '/edit/import', [{ name: 'file', value: xml, filename: 'a.xml' }]);
      assert.equal(missing.status, 403);
      assert.match(await missing.text(), /Formuläret kunde inte skickas/);
      const wrong = await upload(clients.reviewer, '/edit/import', [{ name: '_csrf', value: 'x'.repeat(43) }, { name: 'file', value: xml, filename: 'a.xml' }]);
      assert.equal(wrong.status, 403);
      const late = await upload(clients.reviewer, '/en/edit/import', [{ name: 'file', value: xml, filename: 'a.xml' }, { name: '_csrf', value: await csrfFor(clients.reviewer) }]);
      assert.equal(late.status, 403);
      assert.match(await late.text(), /The form could not be sent/);
      const otherSession = await upload(clients.reviewer, '/edit/import', [{ name: '_csrf', value: await csrfFor(clients.admin) }, { name: 'file', value: xml, filename: 'a.xml' }]);
      assert.equal(otherSession.status, 403);
      assert.equal(await count(), before);
      // An API token needs no CSRF token, and acts with its user's role.
      const byToken = async (role: 'editor' | 'reviewer') => {
        const form = new FormData();
        form.append('dryRun', '1');
        form.append('file', new Blob([xml], { type: 'text/xml' }), 'a.xml');
        const token = await testToken(t.db, await addTestUser(t.db, role));
        return fetch(`${base}/en/edit/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
      };
      assert.equal((await byToken('editor')).status, 403);
      const tokenRun = await byToken('reviewer');
      assert.equal(tokenRun.status, 200);
      assert.match(await tokenRun.text(), /Dry run: nothing was written/);
      assert.equal(await count(), before);
      // The session still works afterwards.
      assert.equal((await post(clients.reviewer, xml, { dryRun: true })).status, 200);
      assert.equal(await count(), before);
    });

    it('a file of several megabytes (read and mapped in a worker thread) imports as a small one does; over the limit it is refused', { timeout: 120_000 }, async () => {
      // A server of its own with a limit above the size from which the import uses a worker thread
      // (given the cores; this server always uses one).
      const limit = WORKER_FROM + 1_000_000;
      const large = await buildServer(t.db, { logLevel: 'silent', importMaxBytes: limit, importWorker: true });
      try {
        const reviewer = await signedIn(await large.listen({ host: '127.0.0.1', port: 0 }), await addTestUser(t.db, 'reviewer'));
        const description = `<description><narrative>${'Kapacitetsuppbyggnad för migrationsförvaltning. '.repeat(80)}</narrative></description>`;
        const body = (n: number) => Array.from({ length: n }, (_, i) => activity(`XM-LARGE-${i}`, `Large upload ${i}`, description)).join('\n');
        const perActivity = Buffer.byteLength(activity('XM-LARGE-0', 'Large upload 0', description)) + 1;
        const fits = iatiFile(body(Math.ceil((WORKER_FROM + 200_000) / perActivity)));
        assert.ok(Buffer.byteLength(fits) > WORKER_FROM && Buffer.byteLength(fits) < limit);
        const before = await count();
        const res = await post(reviewer, fits, { dryRun: true });
        assert.equal(res.status, 200);
        const created = fits.split('<iati-activity ').length - 1;
        assert.match(await res.text(), new RegExp(`<th scope="row">Aktiviteter</th><td>${created}</td><td>0</td><td>0</td><td>0</td>`));
        const tooLarge = await post(reviewer, iatiFile(body(Math.ceil((limit + 100_000) / perActivity))), { dryRun: false });
        assert.equal(tooLarge.status, 413);
        assert.match(await tooLarge.text(), /Filen är större än/);
        assert.equal(await count(), before);
      } finally {
        await large.close();
      }
    });
  });
}
