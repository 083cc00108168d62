/**
 * Sign-in and sign-out, the account page (own password, sign out everywhere, own API tokens) and,
 * for admins, the user pages. Swedish at /…, English at /en/…. Every form posts back to the server
 * and the answer is a page (or a redirect to one), so nothing needs JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { href } from '../portal/paths.ts';
import { AppError, NotFoundError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { readsFor } from '../staff/staff.http.tsx';
import { renderStaffPage, type StaffSection } from '../staff/staff.layout.tsx';
import { ROLE_NAMES, isRole, requireRole, type Actor } from './access.ts';
import { W } from './accounts.messages.ts';
import { AccountBody, AuditBody, SignInBody, UserTokensBody, UsersBody, formErrors, type AccountView, type FormErrors, type UsersView } from './accounts.pages.tsx';
import { listAudit, type ActionContext } from './audit.ts';
import { SESSION_COOKIE_OPTIONS, safeNext, type AuthSettings } from './auth.plugin.tsx';
import { csrfToken, signInFormToken, validSignInToken } from './csrf.ts';
import { SESSION_COOKIE, revokeSession } from './session.ts';
import { RateLimitedError, SignInFailedError, changeOwnPassword, signIn, signOut, signOutEverywhere } from './sign-in.ts';
import { createToken, listTokens, revokeToken } from './token.ts';
import { addUser, findUserById, listUsers, resetPassword, setUserDisabled, setUserRole } from './user.repository.ts';

type Body = Record<string, unknown>;
const field = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Body)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(body);
}

/** Sign-in, the account page and the user pages; the pages read through `reader` (the server's connection for reads), the forms write through `db`. */
export function accountRoutes(app: FastifyInstance, db: Db, auth: AuthSettings, reader: Db = db): void {
  const reads = readsFor(db, reader);
  const context = (request: FastifyRequest, actor: Actor | undefined): ActionContext => ({ actorUserId: actor?.userId ?? null, ip: request.ip, now: auth.now() });

  for (const prefix of ['', '/en'] as const) {
    const lang: Lang = prefix === '' ? 'sv' : 'en';
    const page = (request: FastifyRequest, title: string, actor: Actor | undefined, body: preact.ComponentChildren, section?: StaffSection) =>
      renderStaffPage({ lang, url: request.url, title, actor, csrf: csrfToken(request), body, section });
    const afterSignIn = (next: string | undefined) => next ?? href(lang, '/edit');

    const signInPage = async (request: FastifyRequest, reply: FastifyReply, status: number, state: { email?: string; next?: string | undefined; errors?: FormErrors; notice?: string }) => {
      const csrf = await signInFormToken(db, request, reply);
      return html(reply, status, page(request, W.signInTitle[lang], undefined,
        <SignInBody lang={lang} csrf={csrf} email={state.email ?? ''} next={state.next} errors={state.errors} notice={state.notice} />));
    };

    app.get(`${prefix}/sign-in`, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const next = safeNext(query.next);
      if (request.actor?.via === 'session') return reply.status(303).header('Location', afterSignIn(next)).send();
      const notice = query['signed-out'] !== undefined ? W.signedOut[lang] : query.ended !== undefined ? W.sessionEnded[lang] : undefined;
      return signInPage(request, reply, 200, { next, ...(notice ? { notice } : {}) });
    });

    app.post(`${prefix}/sign-in`, async (request, reply) => {
      const email = field(request.body, 'email').trim();
      const next = safeNext(field(request.body, 'next'));
      if (!await validSignInToken(db, request)) {
        return signInPage(request, reply, 403, { email, next, errors: new Map([['', [W.formExpired[lang]]]]) });
      }
      try {
        const { session } = await signIn(db, { email, password: field(request.body, 'password') }, {
          ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: auth.now(), times: auth.session, limit: auth.signInLimit,
        });
        // Whatever session the browser had before ends here; the new one has a new id.
        if (request.actor?.sessionId) await revokeSession(db, request.actor.sessionId, auth.now());
        reply.setCookie(SESSION_COOKIE, session.cookieValue, SESSION_COOKIE_OPTIONS);
        return reply.status(303).header('Location', afterSignIn(next)).send();
      } catch (error) {
        if (error instanceof RateLimitedError) {
          reply.header('Retry-After', String(error.retryAfterSeconds));
          return signInPage(request, reply, 429, { email, next, errors: new Map([['', [error.messages[lang]]]]) });
        }
        if (error instanceof SignInFailedError) {
          return signInPage(request, reply, 401, { email, next, errors: new Map([['password', [error.messages[lang]]]]) });
        }
        throw error;
      }
    });

    app.post(`${prefix}/sign-out`, async (request, reply) => {
      const actor = request.actor;
      if (actor?.via === 'session' && actor.sessionId) {
        await signOut(db, actor.sessionId, { id: actor.userId, email: actor.email }, context(request, actor));
      }
      reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      return reply.status(303).header('Location', `${href(lang, '/sign-in')}?signed-out`).send();
    });

    // ---- My account ----

    const accountPage = async (request: FastifyRequest, reply: FastifyReply, status: number, actor: Actor, view: Partial<AccountView> = {}) =>
      html(reply, status, page(request, W.accountTitle[lang], actor,
        <AccountBody lang={lang} csrf={csrfToken(request)} actor={actor} tokens={await listTokens(reads(request), actor.userId)} {...view} />, 'account'));

    const ACCOUNT_NOTICES: Record<string, keyof typeof W> = { 'password-changed': 'passwordChanged', 'token-revoked': 'tokenRevoked' };

    app.get(`${prefix}/edit/account`, async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      const done = (request.query as Record<string, unknown>).done;
      const notice = typeof done === 'string' && ACCOUNT_NOTICES[done] ? W[ACCOUNT_NOTICES[done]!][lang] : undefined;
      return accountPage(request, reply, 200, actor, { notice });
    });

    app.post(`${prefix}/edit/account/password`, async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      try {
        await changeOwnPassword(db, actor.userId, request.body, { ...context(request, actor), sessionId: actor.sessionId });
      } catch (error) {
        if (error instanceof AppError && error.problems.length > 0) return accountPage(request, reply, 400, actor, { passwordErrors: formErrors(error.problems, lang) });
        throw error;
      }
      return reply.status(303).header('Location', `${href(lang, '/edit/account')}?done=password-changed`).send();
    });

    app.post(`${prefix}/edit/account/sign-out-everywhere`, async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      await signOutEverywhere(db, { id: actor.userId, email: actor.email }, context(request, actor));
      reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      return reply.status(303).header('Location', `${href(lang, '/sign-in')}?signed-out`).send();
    });

    app.post(`${prefix}/edit/account/tokens`, async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      const name = field(request.body, 'name');
      try {
        const { token } = await createToken(db, { id: actor.userId, email: actor.email }, name, context(request, actor));
        // Shown in this answer only: never in a URL, never stored.
        return await accountPage(request, reply, 201, actor, { newToken: token });
      } catch (error) {
        if (error instanceof AppError && error.problems.length > 0) return accountPage(request, reply, 400, actor, { tokenErrors: formErrors(error.problems, lang), tokenName: name });
        throw error;
      }
    });

    app.post<{ Params: { id: string } }>(`${prefix}/edit/account/tokens/:id/revoke`, async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id)) throw new NotFoundError({ sv: 'Nyckeln finns inte.', en: 'The token does not exist.' });
      await revokeToken(db, id, context(request, actor), actor.userId);
      return reply.status(303).header('Location', `${href(lang, '/edit/account')}?done=token-revoked`).send();
    });

    // ---- Users (admins) ----

    const usersPage = async (request: FastifyRequest, reply: FastifyReply, status: number, actor: Actor, view: Partial<UsersView> = {}) =>
      html(reply, status, page(request, W.usersTitle[lang], actor,
        <UsersBody lang={lang} csrf={csrfToken(request)} actor={actor} users={await listUsers(reads(request))} {...view} />, 'users'));

    const USER_NOTICES: Record<string, keyof typeof W> = {
      'user-added': 'userAdded', 'user-disabled': 'userDisabled', 'user-enabled': 'userEnabled', 'role-changed': 'roleChanged', 'password-reset': 'passwordReset',
    };

    app.get(`${prefix}/edit/users`, async (request, reply) => {
      const actor = requireRole(request, 'admin');
      const query = request.query as Record<string, unknown>;
      const key = typeof query.done === 'string' ? USER_NOTICES[query.done] : undefined;
      const who = typeof query.email === 'string' ? query.email.slice(0, 254) : '';
      return usersPage(request, reply, 200, actor, { notice: key ? `${W[key][lang]} ${who}` : undefined });
    });

    const AUDIT_PAGE = 200;
    app.get(`${prefix}/edit/users/audit`, async (request, reply) => {
      const actor = requireRole(request, 'admin');
      const before = Number((request.query as Record<string, unknown>).before);
      const entries = await listAudit(reads(request), AUDIT_PAGE + 1, Number.isSafeInteger(before) && before > 0 ? before : undefined);
      const shown = entries.slice(0, AUDIT_PAGE);
      const older = entries.length > AUDIT_PAGE ? `${href(lang, '/edit/users/audit')}?before=${shown[shown.length - 1]!.id}` : undefined;
      return html(reply, 200, page(request, W.auditTitle[lang], actor, <AuditBody lang={lang} entries={shown} older={older} />, 'users'));
    });

    const done = (reply: FastifyReply, what: string, email: string) =>
      reply.status(303).header('Location', `${href(lang, '/edit/users')}?${new URLSearchParams({ done: what, email })}`).send();

    app.post(`${prefix}/edit/users`, async (request, reply) => {
      const actor = requireRole(request, 'admin');
      const draft = { email: field(request.body, 'email'), name: field(request.body, 'name'), role: field(request.body, 'role') };
      try {
        const user = await addUser(db, { ...draft, password: field(request.body, 'password') }, context(request, actor));
        return done(reply, 'user-added', user.email);
      } catch (error) {
        if (error instanceof AppError && error.problems.length > 0) {
          return usersPage(request, reply, 400, actor, { errorsFor: { form: 'add', errors: formErrors(error.problems, lang) }, draft });
        }
        throw error;
      }
    });

    const target = async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const id = Number(request.params.id);
      const user = Number.isSafeInteger(id) ? await findUserById(reads(request), id) : undefined;
      if (!user) throw new NotFoundError({ sv: 'Användaren finns inte.', en: 'The user does not exist.' });
      return user;
    };

    /** A row's action; its errors are shown beside that row's fields, and refusals (e.g. the last admin) above the table. */
    const rowAction = (action: 'role' | 'disable' | 'enable' | 'password') =>
      async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
        const actor = requireRole(request, 'admin');
        const user = await target(request);
        const ctx = context(request, actor);
        try {
          if (action === 'role') {
            const role = field(request.body, 'role');
            await setUserRole(db, user.email, role, ctx);
            return done(reply, 'role-changed', `${user.email}: ${isRole(role) ? ROLE_NAMES[role][lang] : role}`);
          }
          if (action === 'password') {
            await resetPassword(db, user.email, field(request.body, 'password'), ctx);
            return done(reply, 'password-reset', user.email);
          }
          await setUserDisabled(db, user.email, action === 'disable', ctx);
          return done(reply, action === 'disable' ? 'user-disabled' : 'user-enabled', user.email);
        } catch (error) {
          if (error instanceof AppError && error.status < 500) {
            const problems = error.problems.length > 0 ? error.problems : [{ code: error.code, path: '', message: error.messages }];
            return usersPage(request, reply, error.status === 409 ? 409 : 400, actor, { errorsFor: { form: `row-${user.id}`, errors: formErrors(problems, lang) } });
          }
          throw error;
        }
      };
    for (const action of ['role', 'disable', 'enable', 'password'] as const) {
      app.post<{ Params: { id: string } }>(`${prefix}/edit/users/:id/${action}`, rowAction(action));
    }

    app.get<{ Params: { id: string } }>(`${prefix}/edit/users/:id/tokens`, async (request, reply) => {
      const actor = requireRole(request, 'admin');
      const user = await target(request);
      const notice = (request.query as Record<string, unknown>).done === 'token-revoked' ? W.tokenRevoked[lang] : undefined;
      return html(reply, 200, page(request, `${W.userTokensTitle[lang]} ${user.email}`, actor,
        <UserTokensBody lang={lang} csrf={csrfToken(request)} user={user} tokens={await listTokens(reads(request), user.id)} notice={notice} />, 'users'));
    });

    app.post<{ Params: { id: string; token: string } }>(`${prefix}/edit/users/:id/tokens/:token/revoke`, async (request, reply) => {
      const actor = requireRole(request, 'admin');
      const user = await target(request);
      const id = Number(request.params.token);
      if (!Number.isSafeInteger(id)) throw new NotFoundError({ sv: 'Nyckeln finns inte.', en: 'The token does not exist.' });
      await revokeToken(db, id, context(request, actor), user.id);
      return reply.status(303).header('Location', `${href(lang, `/edit/users/${user.id}/tokens`)}?done=token-revoked`).send();
    });
  }
}
