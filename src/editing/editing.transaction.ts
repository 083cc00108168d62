/**
 * One transaction per editorial operation, safe for read-modify-write: SQLite takes the write
 * lock at the start (BEGIN IMMEDIATE), so two savers of the same version cannot both read it
 * before either writes; PostgreSQL locks the record's row (SELECT … FOR UPDATE) via `lockRow`.
 */
import { sql } from 'kysely';
import type { ActivityRow, Db, OrganisationRow } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';

export async function writeTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute(work);
  // Kysely's SQLite driver hands out its one connection exclusively; on it we choose how to begin.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** The activity's row, locked for the rest of the transaction on PostgreSQL. */
export async function lockActivity(trx: Db, slug: string): Promise<ActivityRow | undefined> {
  let q = trx.selectFrom('activities').selectAll().where('slug', '=', slug);
  if (dialectOf(trx) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function lockOrganisation(trx: Db, slug: string): Promise<OrganisationRow | undefined> {
  let q = trx.selectFrom('organisations').selectAll().where('slug', '=', slug);
  if (dialectOf(trx) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Whether an error is a unique-constraint violation (a slug or identifier taken by a concurrent create). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
