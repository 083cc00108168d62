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
  /** A bug: logged with its stack trace. */
  internal: 70,
} as const;
