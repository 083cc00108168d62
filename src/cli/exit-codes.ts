/** Exit codes that scripts can trust; README.md lists them. */
export const EXIT = {
  ok: 0,
  /** `check --strict` found something. */
  findings: 1,
  /** The command line was wrong. */
  usage: 2,
  /** The input (a file to import) was refused; nothing was written. */
  invalidInput: 3,
  /** Configuration or database connection failed. */
  config: 4,
  /** The database was busy (another process held SQLite's write lock past the busy timeout); nothing was written; try again (sysexits' EX_TEMPFAIL). */
  busy: 75,
  /** A bug: logged with its stack trace. */
  internal: 70,
} as const;
