/**
 * CSRF protection. A signed-in browser's forms carry its session's own random token (`_csrf`, or
 * the `X-CSRF-Token` header for scripts); the token lives in the session row, so every server
 * knows it. The sign-in form, which has no session yet, carries a signed double-submit token: the
 * cookie holds a random nonce, the form its HMAC under a key kept in the database, so a site that
 * cannot read our cookies cannot forge a form that matches them (login CSRF).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SIGN_IN_COOKIE = '__Host-samverka-sign-in';

const sessionTokens = new WeakMap<FastifyRequest, string>();

export function rememberSessionCsrf(request: FastifyRequest, token: string): void {
  sessionTokens.set(request, token);
}

/**
 * The token a form must send back as `_csrf`. Empty when the request did not come with a session
 * (API tokens need none; a page for an anonymous visitor has no form that changes anything).
 */
export function csrfToken(request: FastifyRequest): string {
  return sessionTokens.get(request) ?? '';
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The token the request sent: the form field, else the header. */
export function sentCsrfToken(request: FastifyRequest): string {
  const body = request.body;
  const field = body && typeof body === 'object' ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined;
  if (typeof field === 'string') return field;
  const header = request.headers[CSRF_HEADER];
  return typeof header === 'string' ? header : '';
}

const keys = new WeakMap<Db, Promise<Buffer>>();

/** A random key created once per database and shared by every server that uses it. */
export function serverKey(db: Db, name = 'sign-in-csrf'): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      await db.insertInto('server_keys').values({ name, value: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing()).execute();
      const row = await db.selectFrom('server_keys').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return Buffer.from(row.value, 'base64url');
    })();
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

const NONCE = /^[A-Za-z0-9_-]{32}$/;
const sign = (key: Buffer, nonce: string) => createHmac('sha256', key).update(`sign-in|${nonce}`).digest('base64url');

/** The sign-in form's token; sets the nonce cookie when the browser has none yet. */
export async function signInFormToken(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<string> {
  let nonce = request.cookies[SIGN_IN_COOKIE];
  if (!nonce || !NONCE.test(nonce)) {
    nonce = randomBytes(24).toString('base64url');
    reply.setCookie(SIGN_IN_COOKIE, nonce, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
  }
  return sign(await serverKey(db), nonce);
}

export async function validSignInToken(db: Db, request: FastifyRequest): Promise<boolean> {
  const nonce = request.cookies[SIGN_IN_COOKIE];
  if (!nonce || !NONCE.test(nonce)) return false;
  return sameSecret(sign(await serverKey(db), nonce), sentCsrfToken(request));
}
