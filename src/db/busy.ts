/**
 * Whether an error is the database refusing to wait any longer for a lock another transaction
 * holds: on SQLite the busy timeout (src/db/connect.ts) ran out while another process (a
 * `samverka import` of a large file, as a rule) held the write lock; on PostgreSQL a
 * `lock_timeout`. Within one process the connection itself is shared in turn and never busy.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === '55P03');
}
