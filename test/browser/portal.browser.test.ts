/**
 * The portal as a person meets it, in headless Chromium: every page type in both languages with
 * axe-core (WCAG 2.1 A and AA), the language switch, the keyboard, the filters, no JavaScript, 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

const PAGES = [
  '/', '/activities', '/activities?kind=project&country=RS', '/activities?q=återvändande', '/activities?kind=bogus',
  '/activities/pp7', '/activities/eu-twinning-serbia-2019', '/organisations/bamf', '/timeline', '/timeline?group=country',
  '/map', '/statistics', '/open-data', '/accessibility', '/no-such-page',
];

describe('portal in a browser', { skip: browserSkip }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    t = await freshDatabase('sqlite');
    await seedDatabase(t.db);
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

  async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${base}${path}`);
    return page;
  }

  for (const lang of ['sv', 'en'] as const) {
    for (const path of PAGES) {
      const url = lang === 'sv' ? path : path === '/' ? '/en/' : `/en${path}`;
      it(`${url} has no axe violations and the right language`, async () => {
        const page = await open(url);
        try {
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          assert.ok((await page.title()).length > 0);
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), []);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('switches language to the same page, with the switch written in the target language', async () => {
    const page = await open('/activities/pp7?x=1'.replace('?x=1', ''));
    const link = page.locator('a.lang-switch');
    assert.equal(await link.textContent(), 'English');
    assert.equal(await link.getAttribute('lang'), 'en');
    await link.click();
    await page.waitForURL(`${base}/en/activities/pp7`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('a.lang-switch').textContent(), 'Svenska');
    await page.close();
  });

  it('can be used with the keyboard: a visible skip link first, then the menu', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    const box = await skip.boundingBox();
    assert.ok(box && box.x >= 0 && box.width > 0, 'the focused skip link is on screen');
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'main' || location.hash === '#main'));
    await page.close();
  });

  it('filters and searches through the form, without JavaScript, into a shareable URL', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await open('/en/activities', noJs);
    await page.selectOption('#filter-kind', 'pre-study');
    await page.fill('#q', 'Somalia');
    await page.click('form.list-form button[type=submit] >> nth=0');
    await page.waitForURL(/kind=pre-study/);
    assert.match(page.url(), /q=Somalia/);
    const titles = await page.locator('.cards h3 a').allTextContents();
    assert.deepEqual(titles, ['Somalia-ÅV']);
    await noJs.close();
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/activities', '/activities/eu-twinning-serbia-2019', '/timeline', '/statistics', '/en/map']) {
      const page = await open(path, narrow);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
      await page.close();
    }
    await narrow.close();
  });

  it('prints an activity page without menus', async () => {
    const page = await open('/activities/pp7');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display), 'none');
    await page.close();
  });
});
