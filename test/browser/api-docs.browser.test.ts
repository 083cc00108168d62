/** The API documentation page as a person meets it, in headless Chromium with axe-core, in both languages. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildServer } from '../../src/server/server.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

describe('API documentation in a browser', { skip: browserSkip }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    t = await freshDatabase('sqlite');
    app = await buildServer(t.db, { logLevel: 'silent', today: () => '2026-11-25' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    context = await browser.newContext();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await t?.close();
  });

  for (const [path, lang, other] of [['/api-docs', 'sv', '/en/api-docs'], ['/en/api-docs', 'en', '/api-docs']] as const) {
    it(`${path} has no axe violations, the right language and a switch to the other`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(`${base}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), []);
        assert.ok(await page.locator(`a[href="${other}"]`).count() > 0);
        assert.ok(await page.getByRole('heading', { level: 4 }).count() >= 20);
      } finally {
        await page.close();
      }
    });
  }
});
