/**
 * Editing as staff meet it, in headless Chromium: sign in, an error beside the field with the text
 * kept, adding rows without JavaScript, a conflict between two people, review (submit, return with a
 * comment, publish, the portal shows it), restore from history; both languages; axe on every page type.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getActivityWorkspace } from '../../src/editing/activity.editing.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { addTestUser } from '../support/accounts.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

type Person = { email: string; password: string };

describe('staff editing in a browser', { skip: browserSkip }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const people: Record<'viewer' | 'editor' | 'editor2' | 'reviewer' | 'admin', Person> = {} as never;
  const contexts: BrowserContext[] = [];

  before(async () => {
    t = await freshDatabase('sqlite');
    await seedDatabase(t.db);
    app = await buildServer(t.db, { logLevel: 'silent', today: () => '2026-11-25' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    for (const role of ['viewer', 'editor', 'reviewer', 'admin'] as const) people[role] = await addTestUser(t.db, role);
    people.editor2 = await addTestUser(t.db, 'editor');
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await t?.close();
  });

  /** A browser of one's own, signed in through the sign-in form. */
  async function signIn(person: Person, options: { lang?: 'sv' | 'en'; javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: base, javaScriptEnabled: options.javaScriptEnabled ?? true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(options.lang === 'en' ? '/en/edit' : '/edit');
    await page.waitForURL(/\/sign-in/);
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=password]', person.password);
    await page.locator('main form button[type=submit]').first().click();
    await page.waitForURL(options.lang === 'en' ? /\/en\/edit$/ : /\/edit$/);
    return { context, page };
  }

  async function noAxeViolations(page: Page, what: string): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), [], what);
  }

  /** The message shown beside a field, found through the field's own aria-describedby. */
  async function errorBeside(page: Page, id: string): Promise<string> {
    const field = page.locator(`#${id}`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `${id} is marked invalid`);
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((x) => x.endsWith('-error'));
    assert.ok(errorId, `${id} points at its error`);
    return (await page.locator(`#${errorId}`).textContent()) ?? '';
  }

  it('has no axe violations on any staff page type, in either language', async () => {
    const { page } = await signIn(people.admin);
    for (const lang of ['sv', 'en'] as const) {
      const p = lang === 'sv' ? '' : '/en';
      for (const path of ['/edit', '/edit/activities', '/edit/activities?kind=pre-study', '/edit/activities/new', '/edit/activities/pp7', '/edit/activities/eu-twinning-serbia-2019', '/edit/activities/talk2connect', '/edit/activities/pp7/preview',
        '/edit/activities/pp7/review', '/edit/activities/pp7/history', '/edit/organisations', '/edit/organisations/new', '/edit/organisations/bamf',
        '/edit/organisations/bamf/history', '/edit/organisations?deleted=1', '/edit/activities/no-such-activity']) {
        await page.goto(`${p}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang, path);
        await noAxeViolations(page, `${p}${path}`);
      }
      // The question before a deletion (nothing is deleted until it is answered).
      await page.goto(`${p}/edit/activities/pp7`);
      await page.click('form[action$="/delete"] button');
      await page.waitForSelector('input[name=confirm]', { state: 'attached' });
      await noAxeViolations(page, `${p} delete confirmation`);
      // A form with errors, in this language.
      await page.goto(`${p}/edit/activities/new`);
      await page.fill('#f-slug', 'Not a slug');
      await page.locator('button[name=_action]').first().click();
      await page.waitForSelector('#error-summary');
      await noAxeViolations(page, `${p}/edit/activities/new with errors`);
    }
  });

  it('shows an error beside the field, in Swedish and in English, with what was typed kept', async () => {
    const { page } = await signIn(people.editor);
    await page.goto('/edit/activities/pp7');
    await page.fill('#f-dates-planned', 'hösten 2024 – våren 2023');
    await page.fill('#f-texts-sv-summary', 'En sammanfattning som inte får försvinna.');
    await page.locator('button[name=_action]').first().click();
    await page.waitForSelector('#error-summary');
    assert.match(await errorBeside(page, 'f-dates-planned'), /ligger före början/);
    assert.equal(await page.inputValue('#f-dates-planned'), 'hösten 2024 – våren 2023');
    assert.equal(await page.inputValue('#f-texts-sv-summary'), 'En sammanfattning som inte får försvinna.');
    // The summary links to the field.
    await page.click('#error-summary a[href="#f-dates-planned"]');
    assert.ok(await page.evaluate(() => location.hash === '#f-dates-planned'));

    await page.goto('/en/edit/activities/eu-twinning-serbia-2019');
    await page.fill('#f-countries-0-percentage', 'lots');
    await page.locator('button[name=_action]').first().click();
    await page.waitForSelector('#error-summary');
    assert.match(await errorBeside(page, 'f-countries-0-percentage'), /Give a number/);
    assert.equal(await page.inputValue('#f-countries-0-percentage'), 'lots');
    assert.match(await page.locator('#error-summary').textContent() ?? '', /Country 1: Share in per cent/);
  });

  it('adds rows without JavaScript and shows how a date in words was understood', async () => {
    const { page } = await signIn(people.editor, { javaScriptEnabled: false });
    await page.goto('/en/edit/activities/new');
    await page.fill('#f-slug', 'browser-test-activity');
    await page.fill('#f-iatiIdentifier', 'SE-ON-2021002163-BTA');
    await page.selectOption('#f-kind', 'project');
    await page.fill('#f-texts-en-title', 'Browser test activity');
    await page.fill('#f-dates-planned', '1 juli 2027–15 juni 2028');
    await page.click('button[name=_add][value=participations]');
    await page.waitForSelector('#f-participations-0-organisation');
    assert.equal(await page.inputValue('#f-texts-en-title'), 'Browser test activity', 'typed text survives adding a row');
    await page.fill('#f-participations-0-organisation', 'bamf');
    await page.selectOption('#f-participations-0-role', 'partner');
    await page.click('button[name=_add][value=results]');
    await page.waitForSelector('#f-results-0-type');
    await page.click('button[name=_add][value="results.0.indicators"]');
    await page.waitForSelector('#f-results-0-indicators-0-title-sv');
    await page.click('button[name=_add][value="results.0.indicators.0.periods"]');
    await page.waitForSelector('#f-results-0-indicators-0-periods-0-start');
    for (const part of ['funding', 'relations', 'alignment', 'keyFigures', 'engagements', 'documents']) {
      await page.click(`button[name=_add][value=${part}]`);
      await page.waitForSelector(`fieldset.row >> text=${part === 'keyFigures' ? 'Key figure 1' : part === 'alignment' ? 'Policy objective 1' : part === 'engagements' ? 'Mission or event 1' : part === 'funding' ? 'Funding 1' : part === 'relations' ? 'Relation 1' : 'Document 1'}`);
    }
    await page.click('button[name=_add][value="funding.0.flows"]');
    await page.waitForSelector('#f-funding-0-flows-0-amount');
    // axe needs JavaScript: check the same page, as served, in a context that has it.
    const html = await page.content();
    const withJs = await browser.newContext({ baseURL: base });
    contexts.push(withJs);
    const copy = await withJs.newPage();
    await copy.goto('/');
    await copy.setContent(html, { waitUntil: 'load' });
    await noAxeViolations(copy, 'a form with a row of every part');
    // A result left empty is dropped when saving; the partner is kept.
    await page.locator('button[name=_action]').first().click();
    await page.waitForURL(/\/en\/edit\/activities\/browser-test-activity\?done=created/);
    assert.match(await page.locator('#f-dates-planned-understood').textContent() ?? '', /Understood as: 1 July 2027 – 15 June 2028 \(2027-07-01 – 2028-06-15\)/);
    assert.equal(await page.inputValue('#f-participations-0-organisation'), 'bamf');
    assert.equal(await page.locator('#f-results-0-type').count(), 0);
  });

  it('turns two people saving the same version into a conflict page where they choose per field', async () => {
    const one = await signIn(people.editor);
    const two = await signIn(people.editor2, { lang: 'en' });
    await one.page.goto('/edit/activities/eu-twinning-serbia-2019');
    await two.page.goto('/en/edit/activities/eu-twinning-serbia-2019');
    await one.page.selectOption('#f-status', 'finalisation');
    await one.page.locator('button[name=_action]').first().click();
    await one.page.waitForURL(/done=saved/);
    await two.page.fill('#f-texts-en-acronym', 'EUTS');
    await two.page.selectOption('#f-status', 'suspended');
    await two.page.locator('button[name=_action]').first().click();
    await two.page.waitForSelector('.merge-form');
    assert.match(await two.page.locator('h1').textContent() ?? '', /Someone else saved in the meantime/);
    await noAxeViolations(two.page, 'the conflict page');
    const legends = await two.page.locator('.merge-choice legend').allTextContents();
    assert.ok(legends.some((l) => /Status/.test(l)) && legends.some((l) => /Acronym/.test(l)), legends.join(', '));
    // Both changed the status: nothing is chosen for it; the acronym only I changed.
    const statusChoice = two.page.locator('.merge-choice', { hasText: 'Status' });
    assert.equal(await statusChoice.locator('input:checked').count(), 0);
    await two.page.click('.merge-form button[type=submit]');
    await two.page.waitForSelector('#error-summary');
    await statusChoice.locator('input[value=theirs]').check();
    await two.page.click('.merge-form button[type=submit]');
    await two.page.waitForURL(/done=saved/);
    const ws = await getActivityWorkspace(t.db, null, 'eu-twinning-serbia-2019');
    assert.equal(ws!.document.status, 'finalisation');
    assert.equal(ws!.document.texts.en?.acronym, 'EUTS');
  });

  it('goes through review: submit, return with a comment, publish, and the portal shows the new version', async () => {
    const editor = await signIn(people.editor);
    const reviewer = await signIn(people.reviewer, { lang: 'en' });
    await editor.page.goto('/edit/activities/pp7');
    await editor.page.fill('#f-texts-sv-title', 'Kvalitet i beslutsfattandet');
    await editor.page.fill('#f-_reason', 'Svensk titel');
    await editor.page.locator('button[name=_action]').last().click();
    await editor.page.waitForURL(/done=saved/);
    await editor.page.click('form[action$="/submit"] button');
    await editor.page.waitForURL(/done=submitted/);

    await reviewer.page.goto('/en/edit');
    await reviewer.page.click('section[aria-labelledby=queue-h] a[href="/en/edit/activities/pp7"]');
    await reviewer.page.click('a[href="/en/edit/activities/pp7/review"] >> nth=0');
    assert.match(await reviewer.page.locator('table.diff').textContent() ?? '', /Kvalitet i beslutsfattandet/);
    await reviewer.page.fill('#f-comment', 'Please add the English acronym too.');
    await reviewer.page.click('form.return-form button');
    await reviewer.page.waitForURL(/done=returned/);

    await editor.page.goto('/edit/activities/pp7');
    assert.match(await editor.page.locator('main').textContent() ?? '', /Please add the English acronym too\./);
    await editor.page.goto('/edit/activities/pp7/preview');
    assert.match(await editor.page.locator('.preview-banner').textContent() ?? '', /inte publicerad/);
    assert.match(await editor.page.locator('h1').textContent() ?? '', /Kvalitet i beslutsfattandet/);
    await noAxeViolations(editor.page, 'the preview');

    await reviewer.page.goto('/en/edit/activities/pp7/review');
    await reviewer.page.click('form[action$="/publish"] button');
    await reviewer.page.waitForURL(/done=published/);
    const visitor = await browser.newContext({ baseURL: base });
    contexts.push(visitor);
    const portal = await visitor.newPage();
    await portal.goto('/activities/pp7');
    assert.match(await portal.locator('h1').textContent() ?? '', /Kvalitet i beslutsfattandet/);
  });

  it('restores an older version from the history as a new version', async () => {
    const { page } = await signIn(people.editor, { lang: 'en' });
    await page.goto('/en/edit/activities/pp7/history');
    const baseline = page.locator('table.history tr', { hasText: 'Baseline' }).locator('a');
    await baseline.click();
    assert.match(await page.locator('section[id^=revision-] h2').textContent() ?? '', /Baseline/);
    await page.click('form[action*="/restore"] button');
    await page.waitForURL(/history\?done=restored/);
    assert.match(await page.locator('table.history').textContent() ?? '', /Older version restored/);
    const ws = await getActivityWorkspace(t.db, null, 'pp7');
    assert.equal(ws!.document.texts.sv?.title, ws!.document.texts.en?.title, 'the title from before the edits (the seed gives the English name in both languages) is back');
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const { context } = await signIn(people.admin);
    const narrow = await browser.newContext({ baseURL: base, viewport: { width: 320, height: 640 }, storageState: await context.storageState() });
    contexts.push(narrow);
    const page = await narrow.newPage();
    for (const path of ['/edit', '/edit/activities', '/edit/activities/eu-twinning-serbia-2019', '/en/edit/activities/pp7/review', '/edit/activities/pp7/history', '/edit/organisations/bamf']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
  });

  it('with JavaScript, asks before leaving a changed form', async () => {
    const { page } = await signIn(people.editor);
    await page.goto('/edit/activities/pp7');
    assert.equal(await page.locator('script[src^="/assets/editing."]').count(), 1);
    await page.fill('#f-texts-en-acronym', 'CHANGED');
    const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await dialog, 'beforeunload');
  });

  it('lets a viewer read but not change, and says so', async () => {
    const { page } = await signIn(people.viewer);
    await page.goto('/edit/activities/pp7');
    assert.match(await page.locator('main').textContent() ?? '', /din roll är läsare/);
    assert.equal(await page.locator('button[name=_action]').count(), 0);
    assert.equal(await page.locator('#f-texts-en-title').getAttribute('readonly'), '');
  });
});
