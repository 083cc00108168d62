/**
 * Who is asking, on every request: a session cookie or an `Authorization: Bearer` token becomes
 * `request.actor`. A bad Bearer token is refused with 401; a stale cookie only means anonymous.
 * Requests with a session that change something (POST, PUT, PATCH, DELETE) must carry the
 * session's CSRF token. Staff pages are sent with `Cache-Control: no-store` and noindex.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { AppError, DatabaseBusyError, NotFoundError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { langOf } from '../portal/portal.routes.ts';
import { renderStaffPage } from '../staff/staff.layout.tsx';
import { ForbiddenError, UnauthenticatedError, type Actor } from './access.ts';
import { W } from './accounts.messages.ts';
import { rememberSessionCsrf, sameSecret, sentCsrfToken, csrfToken } from './csrf.ts';
import type { RateLimit } from './rate-limit.ts';
import { SESSION_COOKIE, findActiveSession, type SessionTimes } from './session.ts';
import { findTokenUser } from './token.ts';

export interface AuthSettings {
  /** The clock; tests pass their own to move time. */
  now: () => Date;
  session: SessionTimes;
  signInLimit: RateLimit;
}

export const DEFAULT_AUTH: AuthSettings = {
  now: () => new Date(),
  session: { idleMinutes: 30, maxHours: 12 },
  signInLimit: { maxFailures: 5, windowMinutes: 15 },
};

export function authSettings(options: Partial<AuthSettings> = {}): AuthSettings {
  return { ...DEFAULT_AUTH, ...options };
}

export const SESSION_COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const STAFF_PATH = /^(\/en)?\/(edit|sign-in|sign-out)(\/|\?|$)/;
const SIGN_IN_PATH = /^(\/en)?\/sign-in(\?|$)/;
const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A multipart route that checks the CSRF field itself before it reads any file. */
    csrfInRoute?: boolean;
  }
}

export class InvalidTokenError extends AppError {
  constructor() {
    super('invalid-token', {
      sv: 'API-nyckeln är ogiltig eller återkallad, eller så är dess användare avstängd.',
      en: 'The API token is not valid or has been revoked, or its user is disabled.',
    }, 401);
    this.name = 'InvalidTokenError';
  }
}

export class CsrfError extends AppError {
  constructor() {
    super('csrf-invalid', {
      sv: 'Formuläret saknar en giltig säkerhetskod (CSRF). Ladda om sidan och försök igen.',
      en: 'The form lacks a valid security code (CSRF). Reload the page and try again.',
    }, 403);
    this.name = 'CsrfError';
  }
}

/** A same-site path to return to after sign-in; anything else (other hosts, `//`, `\`) is ignored. */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || value.length > 2000) return undefined;
  try {
    const url = new URL(value, 'http://samverka.invalid');
    if (url.origin !== 'http://samverka.invalid') return undefined;
    if (/^(\/en)?\/sign-(in|out)(\/|$)/.test(url.pathname)) return undefined;
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

const endedSessions = new WeakSet<FastifyRequest>();

export function isStaffPath(url: string): boolean {
  return STAFF_PATH.test(url);
}

/**
 * Who is asking, on every request. Sessions and tokens are looked up through `reader` (the
 * server's connection for reads; on SQLite it does not wait for a write transaction such as an
 * upload import), and their last-seen times written on `db`.
 */
export async function registerAuth(app: FastifyInstance, db: Db, options: Partial<AuthSettings> = {}, reader: Db = db): Promise<AuthSettings> {
  const settings = authSettings(options);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1_048_576 });
  app.decorateRequest('actor', undefined);

  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const user = match ? await findTokenUser(db, match[1]!, settings.now(), reader) : undefined;
      if (!user) {
        reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new InvalidTokenError();
      }
      request.actor = { userId: user.id, email: user.email, name: user.name, role: user.role, via: 'token', sessionId: null };
      return;
    }
    const value = request.cookies[SESSION_COOKIE];
    if (!value) return;
    const session = await findActiveSession(db, value, settings.session, settings.now(), reader);
    if (!session) {
      // Ended or unknown: the browser may forget it, and the sign-in page can say why it is shown.
      reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      endedSessions.add(request);
      return;
    }
    const { user } = session;
    request.actor = { userId: user.id, email: user.email, name: user.name, role: user.role, via: 'session', sessionId: session.id };
    rememberSessionCsrf(request, session.csrfToken);
  });

  // After the body is parsed, so the form's _csrf field can be read.
  app.addHook('preValidation', async (request, reply) => {
    if (!UNSAFE.has(request.method) || request.actor?.via !== 'session') return;
    // The sign-in form carries its own signed token (a session cookie may be stale or another user's).
    if (SIGN_IN_PATH.test(request.url)) return;
    // A multipart form's body is a stream the hook cannot read: a route marked so checks `_csrf` itself, before the file (src/staff/import.routes.tsx).
    if (request.routeOptions.config.csrfInRoute === true && /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) return;
    if (sameSecret(csrfToken(request), sentCsrfToken(request))) return;
    if (isApi(request.url)) throw new CsrfError();
    return reply.status(403).type('text/html; charset=utf-8').send(messagePage(request, langOf(request.url), request.actor, 'csrf'));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // An answer that sets or clears a cookie is never stored by a shared cache, whatever the route said.
    if (isStaffPath(request.url) || reply.hasHeader('set-cookie') || (request.actor?.via === 'session' && !reply.hasHeader('cache-control'))) {
      reply.header('Cache-Control', 'no-store');
    }
    if (isStaffPath(request.url)) reply.header('X-Robots-Tag', 'noindex, nofollow');
    return payload;
  });
  return settings;
}

/** A staff page that only says one thing: why the request was refused. */
const MESSAGE_PAGES = {
  csrf: { title: W.csrfTitle, text: W.csrfText },
  forbidden: { title: W.forbiddenTitle, text: W.forbiddenText },
  'not-found': { title: W.notFoundTitle, text: W.notFoundTitle },
  busy: { title: W.busyTitle, text: W.busyText },
} as const;

export function messagePage(request: FastifyRequest, lang: Lang, actor: Actor | undefined, kind: keyof typeof MESSAGE_PAGES, text?: string): string {
  const title = MESSAGE_PAGES[kind].title[lang];
  return renderStaffPage({
    lang, url: request.url, title, actor, csrf: csrfToken(request),
    body: (
      <>
        <h1>{title}</h1>
        <p>{text ?? MESSAGE_PAGES[kind].text[lang]}</p>
        <p><a href={lang === 'sv' ? '/edit' : '/en/edit'}>{W.backToOverview[lang]}</a></p>
      </>
    ),
  });
}

/** The path of the page that sent the request, when it is one of ours. */
function refererPath(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === request.host ? safeNext(`${url.pathname}${url.search}`) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For the error handler: on staff HTML pages, "not signed in" leads to the sign-in page (and back
 * afterwards), and "not allowed", "not found" and "the database is busy" are pages in the user's
 * language; everything else is problem+json.
 */
export function staffHtmlError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply | undefined {
  if (isApi(request.url) || !isStaffPath(request.url)) return undefined;
  const lang = langOf(request.url);
  if (error instanceof UnauthenticatedError) {
    // Back to this page afterwards; after a form post (whose content cannot safely be replayed) to the page the form was on.
    const next = request.method === 'GET' ? safeNext(request.url) : refererPath(request);
    const query = new URLSearchParams({ ...(next ? { next } : {}), ...(endedSessions.has(request) ? { ended: '' } : {}) }).toString().replace(/=(?=&|$)/g, '');
    return reply.status(303).header('Location', `${lang === 'sv' ? '' : '/en'}/sign-in${query ? `?${query}` : ''}`).header('Cache-Control', 'no-store').send();
  }
  if (error instanceof ForbiddenError) {
    return reply.status(403).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(messagePage(request, lang, request.actor, 'forbidden'));
  }
  if (error instanceof DatabaseBusyError) {
    return reply.status(503).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(messagePage(request, lang, request.actor, 'busy'));
  }
  if (error instanceof NotFoundError) {
    return reply.status(404).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(messagePage(request, lang, request.actor, 'not-found', error.messages[lang]));
  }
  return undefined;
}
