/**
 * Signing in and out. Unknown e-mail, wrong password and disabled account get the same answer
 * (and the same work: an unknown e-mail is verified against a dummy hash), and every failure
 * counts towards the per-IP and per-e-mail limits.
 */
import type { Db } from '../db/database.ts';
import { AppError, ValidationError } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { changePasswordSchema, signInSchema } from './account.schema.ts';
import { writeAudit, type ActionContext } from './audit.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { clearBucket, recordFailure, retryAfterSeconds, type RateLimit } from './rate-limit.ts';
import { createSession, pruneSessions, revokeSession, revokeUserSessions, type NewSession, type SessionTimes } from './session.ts';
import { presentUser, type User } from './user.repository.ts';

export class SignInFailedError extends AppError {
  constructor() {
    super('sign-in-failed', { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' }, 401);
    this.name = 'SignInFailedError';
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super('rate-limited', {
      sv: `För många misslyckade inloggningar. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`,
      en: `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    }, 429);
    this.name = 'RateLimitedError';
  }
}

export interface SignInContext {
  ip: string | null;
  userAgent: string | null;
  now: Date;
  times: SessionTimes;
  limit: RateLimit;
}

export async function signIn(db: Db, input: unknown, ctx: SignInContext): Promise<{ user: User; session: NewSession }> {
  // Input that could never be an account (an e-mail address over 254 characters, a password over
  // 4096) is a failed sign-in like any other, not an error page.
  const parsed = signInSchema.safeParse(input ?? {});
  const raw = (input ?? {}) as { email?: unknown };
  const email = parsed.success ? parsed.data.email : typeof raw.email === 'string' ? raw.email.trim().toLowerCase().slice(0, 254) : '';
  const password = parsed.success ? parsed.data.password : '';
  const buckets = [`ip:${ctx.ip ?? 'unknown'}`, ...(email ? [`email:${email}`] : [])];
  const audit: ActionContext = { actorUserId: null, ip: ctx.ip, now: ctx.now };
  const wait = await retryAfterSeconds(db, buckets, ctx.limit, ctx.now);
  if (wait > 0) {
    await writeAudit(db, audit, 'sign-in-limited', email || null);
    throw new RateLimitedError(wait);
  }
  const row = email && parsed.success ? await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst() : undefined;
  const ok = await verifyPassword(row?.password_hash ?? await dummyHash(), password);
  if (!row || !ok || row.disabled_at !== null) {
    await recordFailure(db, buckets, ctx.limit, ctx.now);
    // Who typed it is unknown: the account tried is the target, not the actor.
    await writeAudit(db, audit, 'sign-in-failed', email || null,
      { reason: !row ? 'unknown-email' : !ok ? 'wrong-password' : 'disabled' });
    throw new SignInFailedError();
  }
  await clearBucket(db, `email:${email}`);
  const session = await createSession(db, row.id, ctx.times, { now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
  await pruneSessions(db, ctx.now);
  await writeAudit(db, { ...audit, actorUserId: row.id }, 'sign-in', row.email);
  return { user: presentUser(row), session };
}

export async function signOut(db: Db, sessionId: string, user: Pick<User, 'id' | 'email'>, ctx: ActionContext): Promise<void> {
  await revokeSession(db, sessionId, ctx.now);
  await writeAudit(db, ctx, 'sign-out', user.email);
}

export async function signOutEverywhere(db: Db, user: Pick<User, 'id' | 'email'>, ctx: ActionContext): Promise<number> {
  const count = await revokeUserSessions(db, user.id, ctx.now);
  await writeAudit(db, ctx, 'sign-out-everywhere', user.email, { sessions: count });
  return count;
}

/** A person changes their own password: the current one is required, and their other sessions end. */
export async function changeOwnPassword(db: Db, userId: number, input: unknown, ctx: ActionContext & { sessionId: string | null }): Promise<void> {
  const parsed = changePasswordSchema.safeParse(input ?? {});
  const row = await db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirstOrThrow();
  const currentOk = await verifyPassword(row.password_hash, parsed.success ? parsed.data.current : String((input as { current?: unknown } | null)?.current ?? ''));
  const problems = [
    ...(currentOk ? [] : [{ code: 'wrong-password', path: 'current', message: { sv: 'Det nuvarande lösenordet stämmer inte.', en: 'The current password is not right.' } }]),
    ...(parsed.success ? [] : toProblems(parsed.error)),
  ];
  if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
  const passwordHash = await hashPassword(parsed.data.password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: ctx.now.toISOString() }).where('id', '=', userId).execute();
    await revokeUserSessions(trx, userId, ctx.now, ctx.sessionId ?? undefined);
    await writeAudit(trx, ctx, 'password-changed', row.email);
  });
}
