/**
 * Signing in and out in headless Chromium over plain HTTP on 127.0.0.1 (where the Secure
 * __Host- cookie must still work), in both languages, with axe-core on the sign-in, account and
 * users pages; and the same without JavaScript (axe itself needs it, so that run has no axe).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildServer } from '../../src/server/server.ts';
import { addTestUser } from '../support/accounts.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

async function noViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(results.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), []);
}

const WORDS = {
  sv: { signIn: 'Logga in', email: 'E-postadress', password: 'Lösenord', wrong: 'Fel e-postadress eller lösenord.', account: 'Mitt konto', users: 'Användare', signOut: 'Logga ut', signedOut: 'Du är utloggad.', create: 'Skapa API-nyckel', tokenName: 'Namn på nyckeln', shownOnce: 'visas bara den här gången' },
  en: { signIn: 'Sign in', email: 'E-mail address', password: 'Password', wrong: 'Wrong e-mail address or password.', account: 'My account', users: 'Users', signOut: 'Sign out', signedOut: 'You are signed out.', create: 'Create API token', tokenName: 'Name of the token', shownOnce: 'shown only this once' },
} as const;

describe('signing in and out in a browser', { skip: browserSkip }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof addTestUser>>;

  before(async () => {
    t = await freshDatabase('sqlite');
    admin = await addTestUser(t.db, 'admin', { email: 'admin@example.se', name: 'Åsa Administratör' });
    app = await buildServer(t.db, { logLevel: 'silent' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await t?.close();
  });

  for (const lang of ['sv', 'en'] as const) {
    const w = WORDS[lang];
    const prefix = lang === 'sv' ? '' : '/en';
    it(`${lang}: from the portal footer to sign-in, a wrong password, the account and users pages, and out again`, { timeout: 120_000 }, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      try {
        await page.goto(`${base}${prefix}/open-data`);
        await page.getByRole('link', { name: w.signIn, exact: true }).click();
        await page.waitForURL(`${base}${prefix}/sign-in`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('meta[name="robots"]', 'content'), 'noindex');
        await noViolations(page, 'sign-in');

        await page.getByLabel(w.email).fill(admin.email);
        await page.getByLabel(w.password).fill('not the right one');
        await page.getByRole('button', { name: w.signIn }).click();
        await page.getByText(w.wrong).first().waitFor();
        assert.equal(await page.getByLabel(w.email).inputValue(), admin.email, 'the e-mail is kept');
        assert.equal(await page.getByLabel(w.password).inputValue(), '', 'the password is not');
        await noViolations(page, 'sign-in with an error');

        await page.goto(`${base}${prefix}/sign-in?next=${encodeURIComponent(`${prefix}/edit/account`)}`);
        await page.getByLabel(w.email).fill(admin.email);
        await page.getByLabel(w.password).fill(admin.password);
        await page.getByRole('button', { name: w.signIn }).click();
        await page.waitForURL(`${base}${prefix}/edit/account`);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), w.account);
        assert.match((await page.locator('.staff-user').textContent())!, /Åsa Administratör/);
        const cookies = await context.cookies();
        const session = cookies.find((c) => c.name === '__Host-samverka-session');
        assert.ok(session, 'Chromium keeps the Secure __Host- cookie on http://127.0.0.1');
        assert.equal(session.httpOnly, true);
        assert.equal(session.secure, true);
        assert.equal(session.sameSite, 'Lax');
        await noViolations(page, 'account');

        await page.getByLabel(w.tokenName).fill(`browser ${lang}`);
        await page.getByRole('button', { name: w.create }).click();
        await page.getByText(w.shownOnce).waitFor();
        assert.match((await page.locator('code.secret').textContent())!, /^samverka_/);
        await noViolations(page, 'account with a new token');

        await page.getByRole('navigation').getByRole('link', { name: w.users }).click();
        await page.waitForURL(`${base}${prefix}/edit/users`);
        assert.match((await page.locator('table').textContent())!, /admin@example\.se/);
        await noViolations(page, 'users');
        await page.getByRole('link', { name: lang === 'sv' ? 'Se händelseloggen' : 'See the audit log' }).click();
        await page.waitForURL(`${base}${prefix}/edit/users/audit`);
        await noViolations(page, 'audit log');
        await page.goto(`${base}${prefix}/edit/users/${admin.id}/tokens`);
        await noViolations(page, "a user's tokens");

        await page.getByRole('button', { name: w.signOut, exact: true }).click();
        await page.waitForURL(`${base}${prefix}/sign-in?signed-out`);
        await page.getByText(w.signedOut).waitFor();
        assert.equal((await context.cookies()).find((c) => c.name === '__Host-samverka-session'), undefined);
        await page.goto(`${base}${prefix}/edit/account`);
        await page.waitForURL(/\/sign-in\?next=/);
      } finally {
        await context.close();
      }
    });
  }

  it('signs in, creates a token and signs out with JavaScript turned off', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('E-postadress').fill(admin.email);
      await page.getByLabel('Lösenord').fill(admin.password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL(`${base}/edit`);
      await page.goto(`${base}/edit/account`);
      await page.getByLabel('Namn på nyckeln').fill('utan javascript');
      await page.getByRole('button', { name: 'Skapa API-nyckel' }).click();
      await page.getByText('visas bara den här gången').waitFor();
      await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
      await page.waitForURL(`${base}/sign-in?signed-out`);
      await page.getByText('Du är utloggad.').waitFor();
    } finally {
      await context.close();
    }
  });
});
