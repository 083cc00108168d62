/** The audit log: sign-ins, failures, sign-outs and every admin action, with who, when and from where. */
import type { Db } from '../db/database.ts';

export type AuditAction =
  | 'sign-in' | 'sign-in-failed' | 'sign-in-limited' | 'sign-out' | 'sign-out-everywhere'
  | 'password-changed' | 'user-added' | 'user-disabled' | 'user-enabled' | 'role-changed' | 'password-reset'
  | 'token-created' | 'token-revoked';

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
  at: string;
  actorUserId: number | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export async function listAudit(db: Db, limit = 100): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ at: r.at, actorUserId: r.actor_user_id, action: r.action, target: r.target, ip: r.ip, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
