/**
 * Staff accounts: adding, listing, disabling and enabling, roles and passwords. Every change is
 * written to the audit log in the same transaction. The CLI and the admin pages both call these.
 */
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { ROLE_NAMES, isRole, type Role } from './access.ts';
import { email as emailSchema, newUserSchema, password as passwordSchema, role as roleSchema, type NewUser } from './account.schema.ts';
import { writeAudit, type ActionContext } from './audit.ts';
import { hashPassword } from './password.ts';
import { revokeUserSessions } from './session.ts';

export interface User {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

type UserRow = { id: number; email: string; name: string | null; role: string; disabled_at: string | null; created_at: string; updated_at: string };

export function presentUser(row: UserRow): User {
  return {
    id: row.id, email: row.email, name: row.name, role: isRole(row.role) ? row.role : 'viewer',
    disabled: row.disabled_at !== null, disabledAt: row.disabled_at, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'disabled_at', 'created_at', 'updated_at'] as const;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(toProblems(parsed.error));
  return parsed.data;
}

export function normaliseEmail(value: string): string {
  return parse(emailSchema, value);
}

const unknownUser = (email: string) => new NotFoundError({ sv: `Det finns ingen användare med e-postadressen ${email}.`, en: `There is no user with the e-mail address ${email}.` });

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row ? presentUser(row) : undefined;
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? presentUser(row) : undefined;
}

async function requireUser(db: Db, email: string): Promise<User> {
  const user = await findUserByEmail(db, email);
  if (!user) throw unknownUser(email.trim().toLowerCase());
  return user;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('email').execute();
  return rows.map(presentUser);
}

/** The input as typed (a role is checked here, like everything else). */
export async function addUser(db: Db, input: Omit<NewUser, 'role'> & { role: string }, ctx: ActionContext): Promise<User> {
  const data = parse(newUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  const now = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
    if (existing) {
      throw new ValidationError([{ code: 'email-taken', path: 'email', message: { sv: `Det finns redan en användare med ${data.email}.`, en: `There is already a user with ${data.email}.` } }]);
    }
    const row = await trx.insertInto('users').values({
      email: data.email, name: data.name, role: data.role, password_hash: passwordHash, disabled_at: null, created_at: now, updated_at: now,
    }).returning(USER_COLUMNS).executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, 'user-added', data.email, { role: data.role, name: data.name });
    return presentUser(row);
  });
}

/** Refuses to leave the system without an enabled admin. */
async function keepAnAdmin(db: Db, user: User, change: 'disable' | 'demote'): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return;
  const others = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).where('id', '<>', user.id).executeTakeFirst();
  if (others) return;
  throw new AppError('last-admin', change === 'disable'
    ? { sv: 'Det här är den enda aktiva administratören och kan inte stängas av.', en: 'This is the only enabled admin and cannot be disabled.' }
    : { sv: 'Det här är den enda aktiva administratören och kan inte få en lägre roll.', en: 'This is the only enabled admin and cannot be given a lower role.' }, 409);
}

/** Disabling also ends every session of the user at once; their API tokens stop working while disabled. */
export async function setUserDisabled(db: Db, email: string, disabled: boolean, ctx: ActionContext): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, email);
    if (user.disabled === disabled) return user;
    if (disabled) await keepAnAdmin(trx, user, 'disable');
    const now = ctx.now.toISOString();
    const row = await trx.updateTable('users').set({ disabled_at: disabled ? now : null, updated_at: now }).where('id', '=', user.id)
      .returning(USER_COLUMNS).executeTakeFirstOrThrow();
    if (disabled) await revokeUserSessions(trx, user.id, ctx.now);
    await writeAudit(trx, ctx, disabled ? 'user-disabled' : 'user-enabled', user.email);
    return presentUser(row);
  });
}

export async function setUserRole(db: Db, email: string, newRole: string, ctx: ActionContext): Promise<User> {
  const roleValue = parse(roleSchema, newRole);
  return db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, email);
    if (user.role === roleValue) return user;
    if (roleValue !== 'admin') await keepAnAdmin(trx, user, 'demote');
    const row = await trx.updateTable('users').set({ role: roleValue, updated_at: ctx.now.toISOString() }).where('id', '=', user.id)
      .returning(USER_COLUMNS).executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, 'role-changed', user.email, { from: user.role, to: roleValue });
    return presentUser(row);
  });
}

/** An admin sets a new password; the user's sessions end, since whoever knew the old one may be signed in. */
export async function resetPassword(db: Db, email: string, newPassword: string, ctx: ActionContext): Promise<User> {
  const value = parse(passwordSchema, newPassword);
  const passwordHash = await hashPassword(value);
  return db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, email);
    const row = await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: ctx.now.toISOString() }).where('id', '=', user.id)
      .returning(USER_COLUMNS).executeTakeFirstOrThrow();
    await revokeUserSessions(trx, user.id, ctx.now);
    await writeAudit(trx, ctx, 'password-reset', user.email);
    return presentUser(row);
  });
}

export function roleName(role: Role, lang: 'sv' | 'en'): string {
  return ROLE_NAMES[role][lang];
}
