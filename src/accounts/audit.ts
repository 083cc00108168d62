/** The audit log: sign-ins, failures, sign-outs and every admin action, with who, when and from where. */
import type { Db } from '../db/database.ts';

export type AuditAction =
  | 'sign-in' | 'sign-in-failed' | 'sign-in-limited' | 'sign-out' | 'sign-out-everywhere'
  | 'password-changed' | 'user-added' | 'user-disabled' | 'user-enabled' | 'role-changed' | 'password-reset'
  | 'token-created' | 'token-revoked'
  | 'iati-import';

/** Who acts and from where; `now` is injected so tests can pass time. Null user: the command line. */
export interface ActionContext {
  actorUserId: number | null;
  ip: string | null;
  now: Date;
}

export async function writeAudit(db: Db, ctx: ActionContext, action: AuditAction, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await db.insertInto('audit_log').values({
    at: ctx.now.toISOString(), actor_user_id: ctx.actorUserId, action, target, ip: ctx.ip, detail: JSON.stringify(detail),
  }).execute();
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  /** The acting user's e-mail address, when there was one. */
  actorEmail: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** The newest entries first; `before` (an entry's id) pages back. */
export async function listAudit(db: Db, limit = 100, before?: number): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_user_id', 'users.email', 'audit_log.action', 'audit_log.target', 'audit_log.ip', 'audit_log.detail'])
    .orderBy('audit_log.id', 'desc').limit(limit);
  if (before !== undefined) query = query.where('audit_log.id', '<', before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, actorUserId: r.actor_user_id, actorEmail: r.email, action: r.action, target: r.target, ip: r.ip,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
