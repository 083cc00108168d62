/**
 * Last-seen times (a session's, an API token's): written at most once a minute, so that reading
 * pages does not write on every request, and beside a request instead of before it is answered
 * when the request was recognised through the reader. On SQLite the one writing
 * connection is held by a write transaction for as long as it lasts (an upload import: many
 * seconds), and a request that waited for it to write a time would wait for the whole import; the
 * time can wait instead. One write per record is pending at a time; a failed one (the database
 * closed or busy) is dropped, as the next request after the touch interval writes it again.
 */
import type { Db } from '../db/database.ts';

/** A last-seen time is written again once it is at least this old. */
const TOUCH_EVERY_MS = 60_000;

const pending = new WeakMap<Db, Set<string>>();

/**
 * Runs `write` (an update of `key`'s last-seen time on `db` to `now`) when the stored time `last`
 * is missing or at least a minute old: awaited when `wait`, as where the reader is the writing
 * connection itself (PostgreSQL's pool, an in-memory SQLite database); otherwise started and left
 * to finish when the connection is free.
 */
export async function touch(db: Db, key: string, last: string | null, now: Date, wait: boolean, write: (at: string) => Promise<unknown>): Promise<void> {
  if (last !== null && now.getTime() - Date.parse(last) < TOUCH_EVERY_MS) return;
  const at = now.toISOString();
  if (wait) {
    await write(at);
    return;
  }
  let keys = pending.get(db);
  if (keys === undefined) pending.set(db, keys = new Set());
  if (keys.has(key)) return;
  keys.add(key);
  void write(at).catch(() => undefined).finally(() => keys.delete(key));
}
