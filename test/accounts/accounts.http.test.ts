/** Accounts and access over real HTTP, on SQLite and PostgreSQL: sessions, CSRF, limits, tokens, audit. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../src/accounts/audit.ts';
import { hashSecret } from '../../src/accounts/session.ts';
import { openDatabase } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { buildServer } from '../../src/server/server.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { Client, addTestUser, csrfOf, signedIn, testToken } from '../support/accounts.ts';

const START = Date.parse('2026-12-01T08:00:00Z');
const MINUTE = 60_000;

for (const dialect of DIALECTS) {
  describe(`accounts over HTTP on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    let clock = START;
    const now = () => new Date(clock);

    before(async () => {
      t = await freshDatabase(dialect.name);
      app = await buildServer(t.db, { logLevel: 'silent', auth: { now } });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app.close();
      await t.close();
    });
    beforeEach(async () => {
      clock += 24 * 60 * MINUTE;
      await t.db.deleteFrom('rate_limits').execute();
    });

    it('sets the session cookie with __Host-, Path=/, HttpOnly, Secure and SameSite=Lax, and a new id at sign-in', async () => {
      const user = await addTestUser(t.db, 'editor');
      const client = new Client(base);
      // A cookie the browser had before (planted, or left over) is never promoted to a session.
      client.cookies.set('__Host-samverka-session', 'A'.repeat(43));
      const page = await client.fetch('/sign-in');
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      assert.match(await page.text(), /<meta name="robots" content="noindex"\/>/);
      const csrf = csrfOf(await (await client.fetch('/sign-in')).text());
      const res = await client.fetch('/sign-in', { form: { _csrf: csrf, email: user.email.toUpperCase(), password: user.password } });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/edit');
      const line = res.headers.getSetCookie().find((c) => c.startsWith('__Host-samverka-session='))!;
      assert.ok(line, 'a session cookie is set');
      const flags = line.split(';').slice(1).map((s) => s.trim().toLowerCase());
      for (const flag of ['path=/', 'httponly', 'secure', 'samesite=lax']) assert.ok(flags.includes(flag), `${flag} in ${line}`);
      assert.ok(!flags.some((f) => f.startsWith('domain=')), 'no Domain, as __Host- requires');
      const value = client.cookies.get('__Host-samverka-session')!;
      assert.notEqual(value, 'A'.repeat(43));
      // Only the hash is stored.
      const row = await t.db.selectFrom('sessions').select(['id', 'user_id']).where('id', '=', hashSecret(value)).executeTakeFirstOrThrow();
      assert.equal(row.user_id, user.id);
      assert.equal(await t.db.selectFrom('sessions').select('id').where('id', '=', value).executeTakeFirst(), undefined);
      const account = await client.fetch('/edit/account');
      assert.equal(account.status, 200);
      assert.equal(account.headers.get('cache-control'), 'no-store');
      assert.ok(account.headers.get('content-security-policy')?.includes("default-src 'self'"));
      assert.ok(!account.headers.get('content-security-policy')?.includes('unsafe-inline'));
    });

    it('clears an ended session cookie without letting a shared cache keep that answer', async () => {
      const stale = new Client(base);
      stale.cookies.set('__Host-samverka-session', 'B'.repeat(43));
      const res = await stale.fetch('/activities');
      assert.equal(res.status, 200);
      assert.ok(res.headers.getSetCookie().some((c) => c.startsWith('__Host-samverka-session=;')), 'the cookie is cleared');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const fresh = await fetch(`${base}/activities`);
      assert.match(fresh.headers.get('cache-control')!, /^public/);
    });

    it('a second sign-in in the same browser gets another session and ends the first', async () => {
      const user = await addTestUser(t.db, 'viewer');
      const client = await signedIn(base, user);
      const first = client.cookies.get('__Host-samverka-session')!;
      assert.equal((await client.fetch('/sign-in')).status, 303, 'a signed-in browser is sent on');
      // A sign-in form left open in another tab, from before the first sign-in.
      client.cookies.delete('__Host-samverka-session');
      const csrf = csrfOf(await (await client.fetch('/sign-in')).text());
      client.cookies.set('__Host-samverka-session', first);
      assert.equal((await client.fetch('/sign-in', { form: { _csrf: csrf, email: user.email, password: user.password } })).status, 303);
      const second = client.cookies.get('__Host-samverka-session')!;
      assert.notEqual(first, second);
      const old = new Client(base);
      old.cookies.set('__Host-samverka-session', first);
      assert.equal((await old.fetch('/edit/account')).status, 303);
    });

    it('redirects to a safe ?next= path only', async () => {
      const user = await addTestUser(t.db, 'viewer');
      for (const [next, expected] of [['/edit/activities?page=2', '/edit/activities?page=2'], ['//evil.example/x', '/edit'], ['https://evil.example/', '/edit'], ['/\\evil.example', '/edit']] as const) {
        const client = new Client(base);
        const csrf = csrfOf(await (await client.fetch(`/sign-in?next=${encodeURIComponent(next)}`)).text());
        const res = await client.fetch('/sign-in', { form: { _csrf: csrf, email: user.email, password: user.password, next } });
        assert.equal(res.headers.get('location'), expected, next);
      }
      const anonymous = await fetch(`${base}/en/edit/account`, { redirect: 'manual' });
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.headers.get('location'), `/en/sign-in?next=${encodeURIComponent('/en/edit/account')}`);
    });

    it('ends a session after the idle time-out and at the absolute time-out', async () => {
      const user = await addTestUser(t.db, 'viewer');
      const idle = await signedIn(base, user);
      clock += 29 * MINUTE;
      assert.equal((await idle.fetch('/edit/account')).status, 200);
      clock += 29 * MINUTE;
      assert.equal((await idle.fetch('/edit/account')).status, 200, 'each request keeps the session alive');
      clock += 31 * MINUTE;
      const ended = await idle.fetch('/edit/account');
      assert.equal(ended.status, 303);
      assert.equal(ended.headers.get('location'), '/sign-in?next=%2Fedit%2Faccount&ended');
      assert.ok(!idle.cookies.has('__Host-samverka-session'), 'the ended cookie is cleared');
      assert.match(await (await idle.fetch(ended.headers.get('location')!)).text(), /Din inloggning har gått ut\. Logga in igen\./);

      const busy = await signedIn(base, user);
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        clock += 20 * MINUTE;
        assert.equal((await busy.fetch('/edit/account')).status, 200, `after ${minutes} minutes`);
      }
      const csrf = await busy.csrf();
      clock += 20 * MINUTE;
      // A form sent after the end: nothing is done, and after signing in the person returns to the form's page.
      const late = await busy.fetch('/en/edit/account/tokens', { form: { _csrf: csrf, name: 'too late' }, headers: { referer: `${base}/en/edit/account#tokens` } });
      assert.equal(late.status, 303);
      assert.equal(late.headers.get('location'), '/en/sign-in?next=%2Fen%2Fedit%2Faccount&ended');
      assert.equal((await t.db.selectFrom('api_tokens').select('id').where('name', '=', 'too late').executeTakeFirst()), undefined);
      assert.equal((await busy.fetch('/edit/account')).status, 303, 'over 12 hours after sign-in');
    });

    it('signs out (the session is revoked on the server) and signs out everywhere', async () => {
      const user = await addTestUser(t.db, 'editor');
      const a = await signedIn(base, user);
      const b = await signedIn(base, user);
      const c = await signedIn(base, user);
      const copied = a.cookies.get('__Host-samverka-session')!;
      const out = await a.fetch('/sign-out', { form: { _csrf: await a.csrf() } });
      assert.equal(out.status, 303);
      assert.equal(out.headers.get('location'), '/sign-in?signed-out');
      const replay = new Client(base);
      replay.cookies.set('__Host-samverka-session', copied);
      assert.equal((await replay.fetch('/edit/account')).status, 303, 'a copy of the cookie is worthless after sign-out');
      assert.equal((await b.fetch('/edit/account')).status, 200);

      const everywhere = await b.fetch('/en/edit/account/sign-out-everywhere', { form: { _csrf: await b.csrf() } });
      assert.equal(everywhere.status, 303);
      assert.equal(everywhere.headers.get('location'), '/en/sign-in?signed-out');
      assert.equal((await b.fetch('/edit/account')).status, 303);
      assert.equal((await c.fetch('/edit/account')).status, 303);
      const signedOutPage = await (await new Client(base).fetch('/en/sign-in?signed-out')).text();
      assert.match(signedOutPage, /You are signed out\./);
    });

    it('refuses a form post with a session but without a valid CSRF token, and accepts it with one', async () => {
      const user = await addTestUser(t.db, 'viewer');
      const client = await signedIn(base, user);
      const missing = await client.fetch('/edit/account/tokens', { form: { name: 'no token' } });
      assert.equal(missing.status, 403);
      assert.match(missing.headers.get('content-type')!, /text\/html/);
      assert.match(await missing.text(), /Formuläret kunde inte skickas/);
      assert.ok(!missing.headers.get('content-security-policy')!.includes('unsafe-inline'), 'security headers on a refusal too');
      assert.equal(missing.headers.get('x-frame-options'), 'DENY');
      const wrong = await client.fetch('/en/edit/account/tokens', { form: { name: 'wrong', _csrf: 'x'.repeat(43) } });
      assert.equal(wrong.status, 403);
      assert.match(await wrong.text(), /The form could not be sent/);
      const other = await signedIn(base, await addTestUser(t.db, 'viewer'));
      const foreign = await client.fetch('/edit/account/tokens', { form: { name: 'foreign', _csrf: await other.csrf() } });
      assert.equal(foreign.status, 403, "another session's token is not valid");
      const api = await client.fetch('/api/anything', { method: 'DELETE' });
      assert.equal(api.status, 403);
      assert.match(api.headers.get('content-type')!, /application\/problem\+json/);
      assert.equal((await api.json() as { code: string }).code, 'csrf-invalid');
      assert.equal((await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()).length, 0, 'nothing was created');

      const ok = await client.fetch('/edit/account/tokens', { form: { name: 'with token', _csrf: await client.csrf() } });
      assert.equal(ok.status, 201);
      const header = await client.fetch('/edit/account/tokens', { form: { name: 'by header' }, headers: { 'x-csrf-token': await client.csrf() } });
      assert.equal(header.status, 201);
      assert.equal((await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()).length, 2);
    });

    it('protects the sign-in form against login CSRF', async () => {
      const user = await addTestUser(t.db, 'viewer');
      // A form posted from elsewhere has neither our cookie nor a token that matches it.
      const forged = await fetch(`${base}/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: user.email, password: user.password }) });
      assert.equal(forged.status, 403);
      assert.ok(!forged.headers.getSetCookie().some((c) => c.startsWith('__Host-samverka-session=')));
      const a = new Client(base);
      const b = new Client(base);
      await a.fetch('/sign-in');
      const tokenOfB = csrfOf(await (await b.fetch('/sign-in')).text());
      const mixed = await a.fetch('/sign-in', { form: { _csrf: tokenOfB, email: user.email, password: user.password } });
      assert.equal(mixed.status, 403, "a token only fits the browser whose cookie it was made for");
      const page = await mixed.text();
      assert.match(page, /Formuläret hade gått ut/);
      assert.match(page, new RegExp(`value="${user.email}"`), 'the e-mail typed is kept');
    });

    it('gives the same answer for an unknown e-mail and a wrong password, and for a disabled user', async () => {
      const user = await addTestUser(t.db, 'viewer');
      const answers = [];
      for (const [email, password] of [[user.email, 'wrong password here'], ['nobody@example.se', user.password]] as const) {
        const client = new Client(base);
        const csrf = csrfOf(await (await client.fetch('/en/sign-in')).text());
        const res = await client.fetch('/en/sign-in', { form: { _csrf: csrf, email, password } });
        const body = await res.text();
        answers.push({ status: res.status, message: /Wrong e-mail address or password\./.test(body) });
        assert.match(body, new RegExp(`value="${email}"`));
        assert.doesNotMatch(body, new RegExp(password), 'the password is never sent back');
      }
      assert.deepEqual(answers[0], { status: 401, message: true });
      assert.deepEqual(answers[1], answers[0]);
      for (const form of [{ email: user.email, password: 'x'.repeat(5000) }, { email: `${'a'.repeat(300)}@example.se`, password: 'whatever' }, { email: '', password: '' }]) {
        const client = new Client(base);
        const csrf = csrfOf(await (await client.fetch('/sign-in')).text());
        assert.equal((await client.fetch('/sign-in', { form: { _csrf: csrf, ...form } })).status, 401, 'odd input is a failed sign-in, not an error');
      }
    });

    it('limits failed sign-ins per e-mail, shared by two servers on one database, with Retry-After; sessions are shared too', async () => {
      const user = await addTestUser(t.db, 'viewer');
      const secondDb: Db = await openDatabase(t.url);
      const second = await buildServer(secondDb, { logLevel: 'silent', auth: { now } });
      const secondBase = await second.listen({ host: '127.0.0.1', port: 0 });
      try {
        const attempt = async (where: string, password: string) => {
          const client = new Client(where);
          const csrf = csrfOf(await (await client.fetch('/sign-in')).text());
          return client.fetch('/sign-in', { form: { _csrf: csrf, email: user.email, password } });
        };
        for (let i = 0; i < 5; i += 1) assert.equal((await attempt(i % 2 ? base : secondBase, 'not the password')).status, 401);
        const counted = await t.db.selectFrom('rate_limits').select('count').where('bucket', '=', `email:${user.email}`).executeTakeFirstOrThrow();
        assert.equal(counted.count, 5);
        for (const where of [base, secondBase]) {
          const limited = await attempt(where, user.password);
          assert.equal(limited.status, 429, 'even the right password waits');
          const retry = Number(limited.headers.get('retry-after'));
          assert.ok(retry > 0 && retry <= 15 * 60, `Retry-After ${retry}`);
          assert.match(await limited.text(), /För många misslyckade inloggningar\. Försök igen om \d+ minut/);
          assert.ok(limited.headers.get('content-security-policy')!.includes("default-src 'self'"));
        }
        clock += 15 * MINUTE;
        assert.equal((await attempt(secondBase, user.password)).status, 303, 'the next window lets the person in');

        // Behind a load balancer each request may reach either server: the sign-in form's key and
        // the sessions are in the database, so the servers behave as one.
        const roaming = new Client(base);
        const csrf = csrfOf(await (await roaming.fetch('/sign-in')).text());
        const viaSecond = new Client(secondBase);
        for (const [k, v] of roaming.cookies) viaSecond.cookies.set(k, v);
        assert.equal((await viaSecond.fetch('/sign-in', { form: { _csrf: csrf, email: user.email, password: user.password } })).status, 303);
        for (const [k, v] of viaSecond.cookies) roaming.cookies.set(k, v);
        assert.equal((await roaming.fetch('/edit/account')).status, 200, 'a session made by one server works on the other');
        assert.equal((await viaSecond.fetch('/sign-out', { form: { _csrf: await roaming.csrf() } })).status, 303);
        assert.equal((await roaming.fetch('/edit/account')).status, 303, 'and a sign-out on one ends it on both');
      } finally {
        await second.close();
        await secondDb.destroy();
      }
    });

    it('counts every failure when many arrive at once on two servers', async () => {
      const secondDb: Db = await openDatabase(t.url);
      const second = await buildServer(secondDb, { logLevel: 'silent', auth: { now } });
      const secondBase = await second.listen({ host: '127.0.0.1', port: 0 });
      try {
        const forms = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
          const client = new Client(i % 2 ? base : secondBase);
          return { client, csrf: csrfOf(await (await client.fetch('/sign-in')).text()) };
        }));
        const answers = await Promise.all(forms.map(({ client, csrf }) => client.fetch('/sign-in', { form: { _csrf: csrf, email: 'crowd@example.se', password: 'all at once' } })));
        for (const a of answers) assert.ok([401, 429].includes(a.status), String(a.status));
        const failures = answers.filter((a) => a.status === 401).length;
        const row = await t.db.selectFrom('rate_limits').select('count').where('bucket', '=', 'email:crowd@example.se').executeTakeFirstOrThrow();
        assert.equal(row.count, failures, 'no failure is lost to a race');
      } finally {
        await second.close();
        await secondDb.destroy();
      }
    });

    it('limits failed sign-ins per IP address across e-mail addresses, and reads the address from a trusted proxy', async () => {
      const attempt = async (where: string, email: string, headers: Record<string, string> = {}) => {
        const client = new Client(where);
        const csrf = csrfOf(await (await client.fetch('/sign-in')).text());
        return client.fetch('/sign-in', { form: { _csrf: csrf, email, password: 'guessing wildly' }, headers });
      };
      for (let i = 0; i < 5; i += 1) assert.equal((await attempt(base, `guess${i}@example.se`)).status, 401);
      assert.equal((await attempt(base, 'guess5@example.se')).status, 429);
      const limited = (await listAudit(t.db, 5)).find((e) => e.action === 'sign-in-limited');
      assert.equal(limited?.target, 'guess5@example.se');

      // Behind a load balancer every request comes from its address; the client's is in X-Forwarded-For.
      const proxied = await buildServer(t.db, { logLevel: 'silent', auth: { now }, trustProxy: '127.0.0.1' });
      const proxiedBase = await proxied.listen({ host: '127.0.0.1', port: 0 });
      try {
        const res = await attempt(proxiedBase, 'someone@example.se', { 'x-forwarded-for': '198.51.100.7' });
        assert.equal(res.status, 401, 'another client address has its own count');
        const failed = (await listAudit(t.db, 5)).find((e) => e.action === 'sign-in-failed');
        assert.equal(failed?.ip, '198.51.100.7');
      } finally {
        await proxied.close();
      }
    });

    it('lets a Bearer token act with its user\'s role; a revoked or unknown token gets 401', async () => {
      const editor = await addTestUser(t.db, 'editor');
      const admin = await addTestUser(t.db, 'admin');
      const editorToken = await testToken(t.db, editor);
      const adminToken = await testToken(t.db, admin);
      const as = (token: string, path: string, init: RequestInit = {}) =>
        fetch(`${base}${path}`, { ...init, redirect: 'manual', headers: { authorization: `Bearer ${token}`, ...init.headers } });
      assert.equal((await as(editorToken, '/edit/account')).status, 200);
      assert.equal((await as(editorToken, '/edit/users')).status, 403);
      assert.equal((await as(adminToken, '/edit/users')).status, 200);
      // No CSRF token is needed with a Bearer token.
      const created = await as(adminToken, '/edit/users', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'new.person@example.se', role: 'viewer', password: 'a long enough password' }).toString() });
      assert.equal(created.status, 303);

      const id = (await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', editor.id).executeTakeFirstOrThrow()).id;
      const editorClient = await signedIn(base, editor);
      const revoke = await editorClient.fetch(`/edit/account/tokens/${id}/revoke`, { form: { _csrf: await editorClient.csrf() } });
      assert.equal(revoke.status, 303);
      const refused = await as(editorToken, '/edit/account');
      assert.equal(refused.status, 401);
      assert.match(refused.headers.get('www-authenticate')!, /^Bearer/);
      assert.equal((await refused.json() as { code: string }).code, 'invalid-token');
      assert.equal((await as('samverka_made-up', '/api/activities')).status, 401);
      assert.equal((await as(adminToken, '/api/activities')).status, 200);
      // Someone else's token cannot be revoked through your account.
      const adminTokenId = (await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', admin.id).executeTakeFirstOrThrow()).id;
      assert.equal((await editorClient.fetch(`/edit/account/tokens/${adminTokenId}/revoke`, { form: { _csrf: await editorClient.csrf() } })).status, 404);
      assert.equal((await as(adminToken, '/edit/account')).status, 200);

      // Admins revoke other people's tokens from the user pages.
      const second = await testToken(t.db, editor, 'second');
      const secondId = (await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', editor.id).where('name', '=', 'second').executeTakeFirstOrThrow()).id;
      const adminClient = await signedIn(base, admin);
      const list = await adminClient.fetch(`/en/edit/users/${editor.id}/tokens`);
      assert.equal(list.status, 200);
      assert.match(await list.text(), new RegExp(`<code>${second.slice(0, 15)}…</code>`));
      assert.equal((await editorClient.fetch(`/edit/users/${editor.id}/tokens`)).status, 403);
      const wrongOwner = await adminClient.fetch(`/edit/users/${admin.id}/tokens/${secondId}/revoke`, { form: { _csrf: await adminClient.csrf() } });
      assert.equal(wrongOwner.status, 404);
      assert.match(wrongOwner.headers.get('content-type')!, /text\/html/);
      const revokedByAdmin = await adminClient.fetch(`/en/edit/users/${editor.id}/tokens/${secondId}/revoke`, { form: { _csrf: await adminClient.csrf() } });
      assert.equal(revokedByAdmin.status, 303);
      assert.match(await (await adminClient.fetch(revokedByAdmin.headers.get('location')!)).text(), /The API token is revoked\./);
      assert.equal((await as(second, '/edit/account')).status, 401);
    });

    it('a disabled user cannot sign in and loses sessions and tokens; enabling restores sign-in', async () => {
      const admin = await addTestUser(t.db, 'admin');
      const victim = await addTestUser(t.db, 'editor');
      const token = await testToken(t.db, victim);
      const session = await signedIn(base, victim);
      const adminClient = await signedIn(base, admin);
      const disable = await adminClient.fetch(`/edit/users/${victim.id}/disable`, { form: { _csrf: await adminClient.csrf() } });
      assert.equal(disable.status, 303);
      assert.equal((await session.fetch('/edit/account')).status, 303);
      assert.equal((await fetch(`${base}/edit/account`, { headers: { authorization: `Bearer ${token}` } })).status, 401);
      assert.equal((await new Client(base).signIn(victim.email, victim.password)).status, 401);
      const users = await (await adminClient.fetch(`/en/edit/users`)).text();
      assert.match(users, /disabled/);
      assert.equal((await adminClient.fetch(`/edit/users/${victim.id}/enable`, { form: { _csrf: await adminClient.csrf() } })).status, 303);
      assert.equal((await new Client(base).signIn(victim.email, victim.password)).status, 303);
    });

    it('changes one\'s own password (other sessions end) and keeps typed values on errors', async () => {
      const user = await addTestUser(t.db, 'viewer');
      const here = await signedIn(base, user);
      const elsewhere = await signedIn(base, user);
      const bad = await here.fetch('/en/edit/account/password', { form: { _csrf: await here.csrf(), current: 'not it at all', password: 'short', confirm: 'other' } });
      assert.equal(bad.status, 400);
      const page = await bad.text();
      assert.match(page, /The current password is not right\./);
      assert.match(page, /at least 12 characters/);
      assert.match(page, /aria-invalid="true"/);
      const good = await here.fetch('/edit/account/password', { form: { _csrf: await here.csrf(), current: user.password, password: 'a brand new passphrase', confirm: 'a brand new passphrase' } });
      assert.equal(good.status, 303);
      assert.equal((await here.fetch('/edit/account')).status, 200);
      assert.equal((await elsewhere.fetch('/edit/account')).status, 303);
      assert.equal((await new Client(base).signIn(user.email, 'a brand new passphrase')).status, 303);
      assert.equal((await new Client(base).signIn(user.email, user.password)).status, 401);
    });

    it('lets admins add users (nothing typed lost but the password on errors), change roles and reset passwords', async () => {
      const admin = await addTestUser(t.db, 'admin');
      const client = await signedIn(base, admin);
      const refused = await client.fetch('/en/edit/users', { form: { _csrf: await client.csrf(), email: 'Maria@Example.se', name: 'Maria Svensson', role: 'reviewer', password: 'short' } });
      assert.equal(refused.status, 400);
      const page = await refused.text();
      assert.match(page, /value="Maria@Example.se"/);
      assert.match(page, /value="Maria Svensson"/);
      assert.match(page, /<option value="reviewer" selected>/);
      assert.match(page, /The password must have at least 12 characters\./);
      const added = await client.fetch('/en/edit/users', { form: { _csrf: await client.csrf(), email: 'Maria@Example.se', name: 'Maria Svensson', role: 'reviewer', password: 'twelve chars ok' } });
      assert.equal(added.status, 303);
      const listed = await (await client.fetch(added.headers.get('location')!)).text();
      assert.match(listed, /The user is added: maria@example\.se/);
      const maria = (await t.db.selectFrom('users').select(['id', 'role']).where('email', '=', 'maria@example.se').executeTakeFirstOrThrow());
      assert.equal(maria.role, 'reviewer');
      const duplicate = await client.fetch('/edit/users', { form: { _csrf: await client.csrf(), email: 'maria@example.se', role: 'viewer', password: 'twelve chars ok' } });
      assert.equal(duplicate.status, 400);
      assert.match(await duplicate.text(), /Det finns redan en användare med maria@example\.se\./);
      assert.equal((await client.fetch(`/edit/users/${maria.id}/role`, { form: { _csrf: await client.csrf(), role: 'editor' } })).status, 303);
      assert.equal((await t.db.selectFrom('users').select('role').where('id', '=', maria.id).executeTakeFirstOrThrow()).role, 'editor');
      const short = await client.fetch(`/edit/users/${maria.id}/password`, { form: { _csrf: await client.csrf(), password: 'tiny' } });
      assert.equal(short.status, 400);
      assert.match(await short.text(), /Lösenordet måste ha minst 12 tecken\./);
      assert.equal((await client.fetch(`/edit/users/${maria.id}/password`, { form: { _csrf: await client.csrf(), password: 'reset by the admin' } })).status, 303);
      assert.equal((await new Client(base).signIn('maria@example.se', 'reset by the admin')).status, 303);
      const viewer = await signedIn(base, await addTestUser(t.db, 'viewer'));
      const forbidden = await viewer.fetch('/en/edit/users');
      assert.equal(forbidden.status, 403);
      assert.match(await forbidden.text(), /You are not allowed to do this/);
      assert.equal((await viewer.fetch(`/edit/users/${maria.id}/disable`, { form: { _csrf: await viewer.csrf() } })).status, 403);
    });

    it('writes audit rows for sign-ins, failures, sign-outs and admin actions', async () => {
      const admin = await addTestUser(t.db, 'admin', { email: 'audit.admin@example.se' });
      await new Client(base).signIn(admin.email, 'wrong wrong wrong');
      const client = await signedIn(base, admin);
      await client.fetch('/edit/users', { form: { _csrf: await client.csrf(), email: 'audited@example.se', role: 'viewer', password: 'twelve chars ok' } });
      const audited = (await t.db.selectFrom('users').select('id').where('email', '=', 'audited@example.se').executeTakeFirstOrThrow()).id;
      await client.fetch(`/edit/users/${audited}/role`, { form: { _csrf: await client.csrf(), role: 'editor' } });
      await client.fetch(`/edit/users/${audited}/disable`, { form: { _csrf: await client.csrf() } });
      await client.fetch('/edit/account/tokens', { form: { _csrf: await client.csrf(), name: 'audit' } });
      await client.fetch('/sign-out', { form: { _csrf: await client.csrf() } });
      const entries = (await listAudit(t.db, 500)).filter((e) => e.target === admin.email || e.target === 'audited@example.se');
      const actions = entries.map((e) => e.action).reverse();
      assert.deepEqual(actions, ['user-added', 'sign-in-failed', 'sign-in', 'user-added', 'role-changed', 'user-disabled', 'token-created', 'sign-out']);
      const failed = entries.find((e) => e.action === 'sign-in-failed')!;
      assert.equal(failed.ip, '127.0.0.1');
      assert.equal(failed.detail.reason, 'wrong-password');
      const role = entries.find((e) => e.action === 'role-changed')!;
      assert.equal(role.actorUserId, admin.id);
      assert.deepEqual(role.detail, { from: 'viewer', to: 'editor' });
      assert.ok(!JSON.stringify(entries).includes('twelve chars ok'), 'no password in the log');

      const again = await signedIn(base, admin);
      const page = await (await again.fetch('/en/edit/users/audit')).text();
      assert.match(page, /<h1>Audit log<\/h1>/);
      assert.match(page, /Failed sign-in<\/td><td>audit\.admin@example\.se<\/td><td>127\.0\.0\.1<\/td><td>reason: wrong password<\/td>/);
      assert.match(page, /Role changed<\/td><td>audited@example\.se<\/td><td>127\.0\.0\.1<\/td><td>from: viewer, to: editor<\/td>/);
      const sv = await (await again.fetch('/edit/users/audit')).text();
      assert.match(sv, /Roll ändrad<\/td><td>audited@example\.se<\/td><td>127\.0\.0\.1<\/td><td>från: läsare, till: redaktör<\/td>/);
      const viewer = await signedIn(base, await addTestUser(t.db, 'viewer'));
      assert.equal((await viewer.fetch('/edit/users/audit')).status, 403);
    });
  });
}
