/**
 * Internal notes and the review-state filter as staff meet them, in headless Chromium: a note added
 * without JavaScript, a refused one with its error beside the field, both languages, axe-core on
 * the edit page with notes, the refused note, the review page and the filtered list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { addTestUser } from '../support/accounts.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

describe('internal notes in a browser', { skip: browserSkip }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;

  before(async () => {
    t = await freshDatabase('sqlite');
    await seedDatabase(t.db);
    app = await buildServer(t.db, { logLevel: 'silent', today: () => '2026-11-25' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await t?.close();
  });

  async function signIn(javaScriptEnabled: boolean): Promise<Page> {
    const person = await addTestUser(t.db, 'editor', { name: 'Cecilia Redaktör' });
    const context = await browser.newContext({ baseURL: base, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=password]', person.password);
    await page.locator('main form button[type=submit]').first().click();
    await page.waitForURL(/\/edit$/);
    return page;
  }

  async function noAxeViolations(page: Page, what: string): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), [], what);
  }

  it('adds a note without JavaScript and shows a refused one beside its field, in both languages', async () => {
    const page = await signIn(false);
    await page.goto('/edit/activities/pp7');
    await page.fill('#f-note', 'Kolla siffrorna med Migrationsverket.');
    await page.locator('.note-form button[type=submit]').click();
    await page.waitForURL(/\/edit\/activities\/pp7\?done=noted/);
    assert.equal(await page.locator('#notes .success').textContent(), 'Anteckningen är sparad.');
    assert.match((await page.locator('#notes ol li').first().textContent()) ?? '', /Cecilia Redaktör.*Kolla siffrorna med Migrationsverket\./s);

    await page.goto('/en/edit/activities/pp7/review');
    await page.fill('#f-note', '   ');
    await page.locator('.note-form button[type=submit]').click();
    assert.equal(await page.locator('#f-note').getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#f-note').getAttribute('aria-describedby')) ?? '', /note-error/);
    assert.equal(await page.locator('#note-error').textContent(), 'Write a note.');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  });

  it('has no axe violations on the pages with notes and on the filtered list', async () => {
    const page = await signIn(true);
    for (const p of ['', '/en']) {
      for (const path of ['/edit/activities/pp7', '/edit/activities/pp7/review', '/edit/organisations/migrationsverket', '/edit/activities?state=published', '/edit/activities?state=draft']) {
        await page.goto(`${p}${path}`);
        await noAxeViolations(page, `${p}${path}`);
      }
      // The refused note: the error state of the form.
      await page.goto(`${p}/edit/activities/pp7`);
      await page.fill('#f-note', '');
      await page.locator('.note-form button[type=submit]').click();
      await page.waitForSelector('#note-error');
      await noAxeViolations(page, `${p} refused note`);
    }
  });
});
