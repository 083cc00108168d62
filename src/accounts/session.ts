/**
 * Server-side sessions. The cookie holds 32 random bytes; the database holds only their SHA-256,
 * so the table cannot be used to sign in. A session ends when it is revoked, when it has been idle
 * longer than the idle time-out, or at its absolute expiry, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { touch } from './touch.ts';
import { presentUser, type User } from './user.repository.ts';

/**
 * `__Host-` binds the cookie to this host and path / (no Domain, so no subdomain can set or read
 * it). Browsers only accept it with Secure; Chromium accepts Secure cookies over plain HTTP on
 * 127.0.0.1 and localhost, so one name and one set of flags works everywhere (see README).
 */
export const SESSION_COOKIE = '__Host-samverka-session';

export interface SessionTimes {
  idleMinutes: number;
  maxHours: number;
}

export const hashSecret = (value: string) => createHash('sha256').update(value).digest('hex');

export interface NewSession {
  /** The cookie's value: given to the browser once, never stored. */
  cookieValue: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, userId: number, times: SessionTimes, meta: { now: Date; ip: string | null; userAgent: string | null }): Promise<NewSession> {
  const cookieValue = randomBytes(32).toString('base64url');
  const id = hashSecret(cookieValue);
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(meta.now.getTime() + times.maxHours * 3_600_000);
  await db.insertInto('sessions').values({
    id, user_id: userId, csrf_token: csrfToken, created_at: meta.now.toISOString(), last_seen_at: meta.now.toISOString(),
    expires_at: expiresAt.toISOString(), revoked_at: null, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return { cookieValue, id, csrfToken, expiresAt };
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

/**
 * The live session a cookie names, or undefined (unknown, revoked, idle too long, expired, or its
 * user disabled). Read through `reader` (the server's connection for reads, which does not wait
 * for a write transaction); its last-seen time is written on `db`, beside the request when the two
 * differ (touch.ts).
 */
export async function findActiveSession(db: Db, cookieValue: string, times: SessionTimes, now: Date, reader: Db = db): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return undefined;
  const row = await reader.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'sessions.revoked_at',
      'users.id', 'users.email', 'users.name', 'users.role', 'users.disabled_at', 'users.created_at', 'users.updated_at'])
    .where('sessions.id', '=', hashSecret(cookieValue)).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return undefined;
  const t = now.getTime();
  const lastSeen = Date.parse(row.last_seen_at);
  if (t >= Date.parse(row.expires_at) || t - lastSeen >= times.idleMinutes * 60_000) return undefined;
  await touch(db, `session ${row.session_id}`, row.last_seen_at, now, reader === db,
    (at) => db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', row.session_id).execute());
  return { id: row.session_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, user: presentUser(row) };
}

export async function revokeSession(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Ends every session of a user ("sign out everywhere", disabling, a password reset); returns how many. */
export async function revokeUserSessions(db: Db, userId: number, now: Date, except?: string): Promise<number> {
  let query = db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (except) query = query.where('id', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sessions past their absolute expiry for a week are of no further use (the audit log keeps the story). */
export async function pruneSessions(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  await db.deleteFrom('sessions').where('expires_at', '<', cutoff).execute();
}
