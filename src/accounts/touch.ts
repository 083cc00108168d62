/**
 * Last-seen times (a session's, an API token's) written beside a request instead of before it is
 * answered, when the request was recognised through the reader. On SQLite the one writing
 * connection is held by a write transaction for as long as it lasts (an upload import: many
 * seconds), and a request that waited for it to write a time would wait for the whole import; the
 * time can wait instead. One write per record is pending at a time; a failed one (the database
 * closed or busy) is dropped, as the next request after the touch interval writes it again.
 */
import type { Db } from '../db/database.ts';

const pending = new WeakMap<Db, Set<string>>();

/**
 * Runs `write` (an update of `key`'s last-seen time on `db`): awaited when `wait`, as where the
 * reader is the writing connection itself (PostgreSQL's pool, an in-memory SQLite database);
 * otherwise started and left to finish when the connection is free.
 */
export async function touch(db: Db, key: string, wait: boolean, write: () => Promise<unknown>): Promise<void> {
  if (wait) {
    await write();
    return;
  }
  let keys = pending.get(db);
  if (keys === undefined) pending.set(db, keys = new Set());
  if (keys.has(key)) return;
  keys.add(key);
  void write().catch(() => undefined).finally(() => keys.delete(key));
}
