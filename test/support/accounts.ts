/**
 * Accounts for tests: users of each role, a cookie-keeping HTTP client that signs in through the
 * real sign-in form, and API tokens. For other tests too (access matrix, staff pages).
 */
import type { Role } from '../../src/accounts/access.ts';
import { createToken } from '../../src/accounts/token.ts';
import { addUser, type User } from '../../src/accounts/user.repository.ts';
import type { Db } from '../../src/db/database.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;
export async function addTestUser(db: Db, role: Role, overrides: { email?: string; name?: string; password?: string } = {}): Promise<User & { password: string }> {
  counter += 1;
  const password = overrides.password ?? TEST_PASSWORD;
  const user = await addUser(db, { email: overrides.email ?? `${role}${counter}@example.se`, role, name: overrides.name ?? `Test ${role} ${counter}`, password },
    { actorUserId: null, ip: null, now: new Date() });
  return { ...user, password };
}

export async function testToken(db: Db, user: Pick<User, 'id' | 'email'>, name = 'test'): Promise<string> {
  return (await createToken(db, user, name, { actorUserId: null, ip: null, now: new Date() })).token;
}

/** The `_csrf` value of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]*)"/.exec(html);
  if (!match) throw new Error('no _csrf field on the page');
  return match[1]!;
}

/** A minimal browser: keeps cookies (by name, for one origin), never follows redirects. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body = init.body;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(`${this.base}${path}`, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Signs in through the form; returns the answer to the form's POST. */
  async signIn(email: string, password: string, lang: 'sv' | 'en' = 'sv'): Promise<Response> {
    const prefix = lang === 'sv' ? '' : '/en';
    const page = await this.fetch(`${prefix}/sign-in`);
    const csrf = csrfOf(await page.text());
    return this.fetch(`${prefix}/sign-in`, { form: { _csrf: csrf, email, password } });
  }

  /** The session's CSRF token, read from the account page. */
  async csrf(): Promise<string> {
    return csrfOf(await (await this.fetch('/edit/account')).text());
  }
}

export async function signedIn(base: string, user: { email: string; password: string }): Promise<Client> {
  const client = new Client(base);
  const res = await client.signIn(user.email, user.password);
  if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
  return client;
}
