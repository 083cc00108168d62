/**
 * API tokens: `samverka_` and 32 random bytes, shown once when created. Only the SHA-256 is stored,
 * with the first characters (the prefix) so that lists can tell tokens apart. A token acts with its
 * user's current role and stops working when revoked or while its user is disabled.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { tokenNameSchema } from './account.schema.ts';
import { touch } from './touch.ts';
import { writeAudit, type ActionContext } from './audit.ts';
import { hashSecret } from './session.ts';
import { presentUser, type User } from './user.repository.ts';

const TOKEN_PATTERN = /^samverka_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 'samverka_'.length + 6;

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type TokenRow = { id: number; user_id: number; name: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null };
const present = (r: TokenRow): ApiToken => ({ id: r.id, userId: r.user_id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at });
const COLUMNS = ['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const;

export async function createToken(db: Db, user: Pick<User, 'id' | 'email'>, name: string, ctx: ActionContext): Promise<{ token: string; record: ApiToken }> {
  const parsed = tokenNameSchema.safeParse({ name });
  if (!parsed.success) throw new ValidationError(toProblems(parsed.error));
  const token = `samverka_${randomBytes(32).toString('base64url')}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('api_tokens').values({
      user_id: user.id, name: parsed.data.name, prefix: token.slice(0, PREFIX_LENGTH), token_hash: hashSecret(token),
      created_at: ctx.now.toISOString(), last_used_at: null, revoked_at: null,
    }).returning(COLUMNS).executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, 'token-created', user.email, { tokenId: row.id, name: row.name, prefix: row.prefix });
    return { token, record: present(row) };
  });
}

export async function listTokens(db: Db, userId: number): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').select(COLUMNS).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map(present);
}

/** Revokes a token; with `ownerId`, only if it belongs to that user (people revoke their own). */
export async function revokeToken(db: Db, id: number, ctx: ActionContext, ownerId?: number): Promise<ApiToken> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.name', 'api_tokens.prefix', 'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at', 'users.email'])
      .where('api_tokens.id', '=', id).executeTakeFirst();
    if (!row || (ownerId !== undefined && row.user_id !== ownerId)) throw new NotFoundError({ sv: `Det finns ingen API-nyckel med nummer ${id}.`, en: `There is no API token with number ${id}.` });
    if (row.revoked_at !== null) throw new AppError('token-already-revoked', { sv: `API-nyckel ${id} är redan återkallad.`, en: `API token ${id} is already revoked.` }, 409);
    const updated = await trx.updateTable('api_tokens').set({ revoked_at: ctx.now.toISOString() }).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, 'token-revoked', row.email, { tokenId: id, name: row.name, prefix: row.prefix });
    return present(updated);
  });
}

/**
 * The user a Bearer token acts for, or undefined when it is malformed, unknown, revoked or its user
 * disabled. Read through `reader`, its last use written on `db`, as findActiveSession does.
 */
export async function findTokenUser(db: Db, token: string, now: Date, reader: Db = db): Promise<User | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const row = await reader.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as token_id', 'api_tokens.revoked_at', 'api_tokens.last_used_at',
      'users.id', 'users.email', 'users.name', 'users.role', 'users.disabled_at', 'users.created_at', 'users.updated_at'])
    .where('api_tokens.token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return undefined;
  await touch(db, `token ${row.token_id}`, row.last_used_at, now, reader === db,
    (at) => db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.token_id).execute());
  return presentUser(row);
}
