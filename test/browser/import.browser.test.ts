/**
 * The IATI upload form as a reviewer meets it in headless Chromium (the pages have no script), in both
 * languages: a wrong file refused beside the field, a dry run, the same file imported for real from
 * the result page, a hostile file refused; axe-core on the form, the error and each result page (with
 * its list of what was not imported).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildServer } from '../../src/server/server.ts';
import { addTestUser } from '../support/accounts.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const activity = (id: string, extra = '') => `<iati-activity xml:lang="en" default-currency="EUR"><iati-identifier>${id}</iati-identifier>
<reporting-org ref="XM-BROWSER" type="21"><narrative>Browser Partner</narrative></reporting-org><title><narrative>Uploaded ${id}</narrative></title><activity-status code="2"/><activity-date type="1" iso-date="2020-01-01"/>${extra}</iati-activity>`;
const iatiFile = (body: string) => Buffer.from(`${HEAD}<iati-activities version="2.03">${body}</iati-activities>\n`);

describe('IATI upload form in a browser', { skip: browserSkip }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    t = await freshDatabase('sqlite');
    app = await buildServer(t.db, { logLevel: 'silent' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await t?.close();
  });

  const count = async (): Promise<number> =>
    Number((await t.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  async function noAxeViolations(page: Page, what: string): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), [], what);
  }

  for (const lang of ['sv', 'en'] as const) {
    it(`a wrong file, a dry run, the real import and a hostile file; axe on each page (${lang})`, { timeout: 90_000 }, async () => {
      const p = lang === 'sv' ? '' : '/en';
      const reviewer = await addTestUser(t.db, 'reviewer');
      // axe-core runs as a script in the page, so JavaScript stays on; the pages themselves have none (checked below).
      const context = await browser.newContext({ baseURL: base });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${p}/edit/import`);
      await page.waitForURL(/\/sign-in/);
      await page.fill('input[name=email]', reviewer.email);
      await page.fill('input[name=password]', reviewer.password);
      await page.locator('main form button[type=submit]').first().click();
      await page.waitForURL(new RegExp(`${p}/edit/import$`));

      // The form, reached from the staff menu.
      await page.goto(`${p}/edit`);
      await page.getByRole('navigation', { name: lang === 'sv' ? 'Redigeringsmeny' : 'Editing menu' }).getByRole('link', { name: lang === 'sv' ? 'Importera IATI' : 'Import IATI' }).click();
      await page.waitForURL(new RegExp(`${p}/edit/import$`));
      assert.equal(await page.locator('h1').textContent(), lang === 'sv' ? 'Importera en IATI-fil' : 'Import an IATI file');
      assert.equal(await page.locator('script').count(), 0, 'the form needs no script');
      assert.match((await page.locator('label[for=iati-file]').textContent()) ?? '', /60 MB/, 'the default limit is the IATI Registry\'s');
      const dryRun = page.getByLabel(lang === 'sv' ? /^Provkörning/ : /^Dry run/);
      assert.equal(await dryRun.isChecked(), true, 'dry run is the default');
      await noAxeViolations(page, `${lang} form`);

      // A JSON file: refused beside the field, with a summary that links to it.
      const fileInput = page.getByLabel(lang === 'sv' ? /^IATI-fil/ : /^IATI file/);
      await fileInput.setInputFiles({ name: 'portfolio.json', mimeType: 'application/json', buffer: Buffer.from('{"activities":[]}') });
      await page.getByRole('button', { name: lang === 'sv' ? 'Läs in filen' : 'Read the file' }).click();
      await page.waitForLoadState();
      const field = page.locator('#iati-file');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.match((await page.locator(`#${await field.getAttribute('aria-describedby')}`).textContent()) ?? '', lang === 'sv' ? /JSON-fil/ : /JSON file/);
      assert.equal(await page.locator('.error-summary a[href="#iati-file"]').count(), 1);
      await noAxeViolations(page, `${lang} error beside the field`);

      // A dry run writes nothing and offers to import the same file for real.
      const ids = [`XM-BROWSER-${lang}-1`, `XM-BROWSER-${lang}-2`];
      const good = iatiFile(`${activity(ids[0]!, '<sector code="15190"/>')}\n${activity(ids[1]!, '<recipient-country code="QQ"/>')}`);
      const before = await count();
      await page.getByLabel(lang === 'sv' ? /^IATI-fil/ : /^IATI file/).setInputFiles({ name: 'upload.xml', mimeType: 'text/xml', buffer: good });
      await page.getByRole('button', { name: lang === 'sv' ? 'Läs in filen' : 'Read the file' }).click();
      await page.waitForLoadState();
      assert.equal(await page.locator('h1').textContent(), lang === 'sv' ? 'Resultat av provkörningen' : 'Dry run result');
      assert.match((await page.locator('main').textContent()) ?? '', lang === 'sv' ? /Provkörning: ingenting har sparats/ : /Dry run: nothing was written/);
      assert.match((await page.locator('.import-problems').textContent()) ?? '', new RegExp(`${ids[1]}.*unknown-country`));
      assert.equal(await count(), before);
      // The sector, which the registry has no field for, is listed with the one activity that has it.
      const notImported = page.getByRole('region', { name: lang === 'sv' ? 'Inte importerat' : 'Not imported' });
      assert.deepEqual(await notImported.locator('tbody tr').allTextContents(), ['sector1']);
      // Their publisher reports them to IATI itself, which the page says with how many.
      const reportedElsewhere = page.getByRole('region', { name: lang === 'sv' ? 'Rapporteras av andra' : 'Reported by others' });
      assert.deepEqual(await reportedElsewhere.locator('tbody tr').allTextContents(), ['xm-browser2']);
      await noAxeViolations(page, `${lang} dry run result`);

      const forReal = page.locator('#import-for-real');
      assert.equal(await forReal.getByRole('checkbox').isChecked(), false);
      await forReal.locator('input[type=file]').setInputFiles({ name: 'upload.xml', mimeType: 'text/xml', buffer: good });
      await forReal.getByRole('button', { name: lang === 'sv' ? 'Importera på riktigt' : 'Import for real' }).click();
      await page.waitForLoadState();
      assert.equal(await page.locator('h1').textContent(), lang === 'sv' ? 'Resultat av importen' : 'Import result');
      assert.match((await page.getByRole('status').textContent()) ?? '', lang === 'sv' ? /Importen är klar och sparad/ : /The import is done and written/);
      assert.equal(await count(), before + 2);
      await noAxeViolations(page, `${lang} import result`);

      // A hostile file: refused with the reason, nothing written.
      await page.goto(`${p}/edit/import`);
      await page.getByLabel(lang === 'sv' ? /^Provkörning/ : /^Dry run/).uncheck();
      await page.getByLabel(lang === 'sv' ? /^IATI-fil/ : /^IATI file/).setInputFiles({
        name: 'hostile.xml', mimeType: 'text/xml',
        buffer: Buffer.from(`${HEAD}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities version="2.03">${activity('XM-HOSTILE')}</iati-activities>`),
      });
      await page.getByRole('button', { name: lang === 'sv' ? 'Läs in filen' : 'Read the file' }).click();
      await page.waitForLoadState();
      assert.match((await page.locator('.error-summary').textContent()) ?? '', lang === 'sv' ? /Filen avvisades och ingenting har sparats.*DOCTYPE/ : /The file was refused and nothing was written.*DOCTYPE/);
      assert.equal(await count(), before + 2);
      await noAxeViolations(page, `${lang} refused file`);
    });
  }
});
