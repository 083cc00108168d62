/**
 * PostgreSQL: rows sent as `COPY … FROM STDIN` data inside the one message of statements that
 * DeferredWrites sends (decision 005). The server reads COPY's text format several times as fast
 * as the same rows as JSON through json_populate_recordset (an IATI import's activity texts: 57
 * against 290 ms), and the message stays one message: the statements and every COPY's data are
 * written to the socket at once, so the server never waits for this thread between two of them.
 *
 * A simple-query message may hold several statements, COPY … FROM STDIN among them. The server
 * runs them in order; at each COPY it reads CopyData messages until CopyDone, and they are already
 * waiting on the socket. If a statement fails, the server drops the rest of the message and any
 * CopyData and CopyDone that follow it (the protocol says so, and the backend's main loop ignores
 * them), so a failure ends the message cleanly, as it did with JSON.
 *
 * node-postgres sends such a message through a Submittable (the interface pg-copy-streams uses),
 * on the transaction's own client: the pool Kysely is given (`copyingPool`) hands out clients that
 * recognise a CopyMessage as the one parameter of the query COPY_MESSAGE.
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** A row value as the bulk inserts hold it (database.ts stores booleans as 0/1). */
export type CopyValue = string | number | null;

/** The query text that carries a CopyMessage as its one parameter (never sent as it is). */
export const COPY_MESSAGE = '/* samverka: copy message */';

/** Statements for one simple-query message, and the data of each `COPY … FROM STDIN` among them, in order. */
export class CopyMessage {
  constructor(readonly text: string, readonly copies: readonly string[]) {}
}

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One value in COPY's text format: `\N` for null, a backslash before the characters the format
 * gives a meaning (backslash, newline, carriage return, tab). A number that is not finite is null,
 * as JSON made it. Nothing else needs escaping: the data is length-prefixed, not part of the SQL.
 */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
}

/** What node-postgres's Connection offers for COPY (pg 8's lib/connection.js; pg-copy-streams uses the same). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

function isCopyConnection(connection: unknown): connection is CopyConnection {
  const c = connection as Partial<Record<keyof CopyConnection, unknown>>;
  return typeof c.query === 'function' && typeof c.sendCopyFromChunk === 'function' && typeof c.endCopyFrom === 'function';
}

/**
 * The message as node-postgres runs it: submit() writes the statements and then every COPY's data
 * and end. The first error rejects (node-postgres then waits for the server's ReadyForQuery before
 * the client's next query); ReadyForQuery after no error resolves.
 */
class CopyMessageQuery implements pg.Submittable {
  readonly done: Promise<PostgresQueryResult<never>>;
  #resolve!: (result: PostgresQueryResult<never>) => void;
  #reject!: (error: unknown) => void;
  #rows = 0;

  constructor(private readonly message: CopyMessage) {
    this.done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** Returns, not throws, what stops it: node-postgres hands a returned error to handleError. */
  submit(connection: pg.Connection): Error | undefined {
    if (!isCopyConnection(connection)) return new Error('node-postgres has no COPY methods on its connection (sendCopyFromChunk, endCopyFrom)');
    connection.query(this.message.text);
    for (const data of this.message.copies) {
      connection.sendCopyFromChunk(Buffer.from(data, 'utf8'));
      connection.endCopyFrom();
    }
    return undefined;
  }

  /** The server is ready for a COPY's data, which is on its way already. */
  handleCopyInResponse(): void {}

  handleCommandComplete(message: { text?: string }): void {
    const count = /^(?:INSERT \d+|COPY|UPDATE|DELETE) (\d+)$/.exec(message.text ?? '');
    if (count) this.#rows += Number(count[1]);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}

  handleError(error: unknown): void {
    this.#reject(error);
  }

  handleReadyForQuery(): void {
    this.#resolve({ command: 'INSERT', rowCount: this.#rows, rows: [] });
  }
}

/** A pool client that runs a CopyMessage given as the parameter of COPY_MESSAGE, and everything else as node-postgres does. */
class CopyingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: readonly unknown[]): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as PostgresCursor<R> & pg.Submittable);
    const message = parameters?.[0];
    if (sqlOrCursor === COPY_MESSAGE && message instanceof CopyMessage) return this.client.query(new CopyMessageQuery(message)).done;
    return this.client.query(sqlOrCursor, parameters as unknown[]) as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}

/** The pool for Kysely's PostgresDialect: node-postgres's, with clients that can run a CopyMessage. */
export function copyingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, CopyingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let copying = clients.get(client);
      if (!copying) {
        copying = new CopyingClient(client);
        clients.set(client, copying);
      }
      return copying;
    },
    end: () => pool.end(),
  };
}
