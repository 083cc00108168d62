/**
 * Inserting many rows of one table at once, the cheapest way each dialect offers.
 *
 * SQLite: one prepared statement per table and column list, cached on the better-sqlite3 handle and
 * run once per row. Building, compiling and preparing a new multi-row INSERT for every part (what
 * Kysely does) cost more than the rows themselves; stepping a prepared statement costs about as
 * much as one row's native work. Only inside a transaction: there the handle is the transaction's
 * own connection (Kysely's SQLite driver has one), so writing through it directly is writing in
 * the transaction. Outside one, another transaction may hold the connection, and Kysely is used.
 * What RETURNING would give is made without it where it can be (the rowid, the row's own values):
 * a statement with RETURNING, like any that may fail after writing, keeps a statement journal of
 * every page it changes, and that journal was a fifth of the SQLite side of an IATI import.
 *
 * PostgreSQL: one parameter, the rows as JSON, turned into rows of the table's own types by
 * json_populate_recordset: the statement's text stays constant and short, instead of carrying
 * thousands of placeholders the server parses and binds one by one.
 *
 * Writes that return nothing can also be gathered (DeferredWrites) and sent together when the
 * caller is done: on PostgreSQL as one message of statements, which the server runs back to back
 * while this thread goes on (docs/decisions/004-postgres-writes-in-one-message.md), with each
 * table's rows as COPY data in the same message (postgres-copy.ts, decision 005).
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, sql, type DialectAdapter, type Insertable } from 'kysely';
import type { Database, Db } from './database.ts';
import { dialectOf } from './dialect.ts';
import { COPY_MESSAGE, CopyMessage, copyField, type CopyValue } from './postgres-copy.ts';

type Value = CopyValue;
type Table = keyof Database;
/** The tables whose rows have a serial `id`. */
type TableWithId = { [K in Table]: Database[K] extends { id: unknown } ? K : never }[Table];

/** SQLite's column affinity (https://sqlite.org/datatype3.html#determination_of_column_affinity). */
type Affinity = 'integer' | 'text' | 'blob' | 'real' | 'numeric';

/** What insertRows needs to know of a table to make RETURNING's answer itself, as of one schema version. */
interface TableShape {
  schemaVersion: number;
  /** The INTEGER PRIMARY KEY column (the rowid under another name), if there is one. */
  rowid: string | undefined;
  affinity: Map<string, Affinity>;
}

interface HandleEntry {
  handle: SQLite.Database;
  statements: Map<string, SQLite.Statement>;
  tables: Map<string, TableShape>;
}

const handles = new WeakMap<DialectAdapter, HandleEntry>();

/** Called by openSqlite: Kysely instances and their transactions share the adapter, and so find the handle. */
export function registerSqliteHandle(db: Db, handle: SQLite.Database): void {
  handles.set(db.getExecutor().adapter, { handle, statements: new Map(), tables: new Map() });
}

/** The PostgreSQL databases whose pool runs a CopyMessage (postgres-copy.ts), by their adapter as above. */
const copying = new WeakSet<DialectAdapter>();

/** Called by openPostgres, which gives Kysely the copying pool. */
export function registerPostgresCopy(db: Db): void {
  copying.add(db.getExecutor().adapter);
}

function affinityOf(declared: string): Affinity {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'text';
  if (type === '' || type.includes('BLOB')) return 'blob';
  if (/REAL|FLOA|DOUB/.test(type)) return 'real';
  return 'numeric';
}

/** The table's shape, read again whenever the schema changed (a migration may alter the table). */
function tableShape(entry: HandleEntry, table: string): TableShape {
  const schemaVersion = entry.handle.pragma('schema_version', { simple: true }) as number;
  const known = entry.tables.get(table);
  if (known?.schemaVersion === schemaVersion) return known;
  const columns = entry.handle.pragma(`table_info(${quote(table)})`) as { name: string; type: string; pk: number }[];
  const keys = columns.filter((c) => c.pk > 0);
  // A lone INTEGER primary key is the rowid, unless the table has none (WITHOUT ROWID) or the key
  // has an index of its own (declared INTEGER PRIMARY KEY DESC, SQLite's documented quirk).
  const withoutRowid = (entry.handle.pragma(`table_list(${quote(table)})`) as { wr: number }[]).some((t) => t.wr);
  const keyIndex = (entry.handle.pragma(`index_list(${quote(table)})`) as { origin: string }[]).some((i) => i.origin === 'pk');
  const shape: TableShape = {
    schemaVersion,
    rowid: keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER' && !withoutRowid && !keyIndex ? keys[0]!.name : undefined,
    affinity: new Map(columns.map((c) => [c.name, affinityOf(c.type)])),
  };
  entry.tables.set(table, shape);
  return shape;
}

/** Whether SQLite stores this value in a column of this affinity unchanged, so that RETURNING would give it back as it is. */
function keptAsGiven(value: Value, affinity: Affinity | undefined): boolean {
  if (value === null) return true;
  // NaN is stored as NULL, and -0 as 0 where the affinity makes it an integer.
  if (typeof value === 'number') return !Number.isNaN(value) && !Object.is(value, -0) && affinity !== 'text';
  // A lone surrogate reaches SQLite as U+FFFD (UTF-8 has no such character).
  return (affinity === 'text' || affinity === 'blob') && !SURROGATE.test(value);
}

/**
 * The prepared statement for this text on the SQLite handle, or undefined where statements must go
 * through Kysely (PostgreSQL, outside a transaction, or a Kysely instance openSqlite did not make).
 */
export function sqliteStatement(db: Db, text: string): SQLite.Statement | undefined {
  const entry = sqliteEntry(db);
  return entry && cachedStatement(entry, text);
}

function sqliteEntry(db: Db): HandleEntry | undefined {
  return db.isTransaction ? handles.get(db.getExecutor().adapter) : undefined;
}

function cachedStatement(entry: HandleEntry, text: string): SQLite.Statement {
  let statement = entry.statements.get(text);
  if (!statement) {
    statement = entry.handle.prepare(text);
    entry.statements.set(text, statement);
  }
  return statement;
}

/** Rows per PostgreSQL statement at most, so that one JSON parameter stays a modest size. */
const POSTGRES_ROWS = 5_000;

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A bound parameter reaches PostgreSQL as UTF-8, where a lone surrogate becomes U+FFFD; in JSON it
 * would be a \ud800 escape the server refuses. Replaced here, the text stored is the same.
 */
function wellFormed(value: Value): Value {
  return typeof value === 'string' && SURROGATE.test(value) ? value.replace(LONE_SURROGATE, '\ufffd') : value;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A row's values in the order of the columns; a column the row leaves out is written as null. */
function valuesOf(row: object, columns: string[]): Value[] {
  const record = row as Record<string, Value | undefined>;
  return columns.map((c) => record[c] ?? null);
}

/** The start of a PostgreSQL insert of the rows of one JSON array, which follows it with `::json)`. */
function postgresInsertHead(table: string, columns: string[]): string {
  const names = columns.map(quote).join(', ');
  return `insert into ${quote(table)} (${names}) select ${names} from json_populate_recordset(null::${quote(table)}, `;
}

/** The statement that starts a COPY of these columns of the table, whose data follows in the same message. */
export function copyStatement(table: string, columns: string[]): string {
  return `copy ${quote(table)} (${columns.map(quote).join(', ')}) from stdin`;
}

/**
 * The rows as COPY data (postgres-copy.ts): a line per row, the columns' values in order (valuesOf),
 * separated by tabs. Joined once (not built with `+`, which V8 keeps as a rope of a node per piece
 * until it is read).
 */
export function copyData(rows: readonly object[], columns: string[]): string {
  const lines = rows.map((row) => valuesOf(row, columns).map(copyField).join('\t'));
  lines.push('');
  return lines.join('\n');
}

/** The rows as JSON arrays of at most POSTGRES_ROWS objects, each with the columns given. */
function postgresParts(rows: readonly object[], columns: string[]): string[] {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += POSTGRES_ROWS) {
    parts.push(JSON.stringify(rows.slice(i, i + POSTGRES_ROWS).map((r) => {
      const values = valuesOf(r, columns);
      return Object.fromEntries(columns.map((c, k) => [c, wellFormed(values[k]!)]));
    })));
  }
  return parts;
}

/**
 * A text as a dollar-quoted PostgreSQL literal, `$samverka$…$samverka$`, whose tag does not occur
 * in it: nothing in the text is special inside, so it needs no escaping.
 */
export function dollarQuoted(text: string): string {
  let tag = 'samverka';
  for (let n = 1; text.includes(`$${tag}$`); n++) tag = `samverka${n}`;
  return `$${tag}$${text}$${tag}$`;
}

/** Characters of gathered statements from which DeferredWrites sends them before flush(): a batch of the IATI import's gathers 3–5 MB. */
const SEND_FROM = 32_000_000;

/**
 * Inserts, deletes and updates that return nothing, gathered while a caller writes many records
 * and sent by flush(). On PostgreSQL they become one message of statements in the simple query
 * protocol (each table's rows a `COPY … FROM STDIN` whose data follows the statements in the same
 * message, each id list integers): the server runs them back to back while this thread goes on,
 * where statements sent one at a time each waited for this thread between the server's turns (an
 * IATI import's server and mapping hardly overlapped). New rows that others point at get ids
 * reserved from their sequences beforehand (reserveIds), so nothing waits for a RETURNING. On
 * SQLite, whose driver is synchronous and where nothing could overlap, each write runs when it is
 * added and no ids are reserved.
 *
 * Whatever is added runs after every statement already sent, and before flush() resolves; a
 * failure in any of them is flush()'s failure, and the transaction's. So rows added here must
 * not be needed by a statement sent before the flush. What is added while a flush is on its way
 * goes with the next one.
 */
export class DeferredWrites {
  readonly #db: Db;
  readonly #postgres: boolean;
  readonly #reserveAtLeast: number;
  readonly #sendFrom: number;
  #statements: string[] = [];
  /** The data of each COPY among the statements, in their order. */
  #copies: string[] = [];
  /** The length of the gathered statements' text and COPY data. */
  #gathered = 0;
  /** Ids reserved that reserveIds() has not handed out yet, by table. */
  readonly #reserved = new Map<Table, number[]>();

  /**
   * `reserveAtLeast`: ids taken per table whenever more are needed (the rest kept for the next
   * reserveIds), so that a long import takes ids in a query every few batches; the ids it does not
   * use are a gap, as a rolled-back insert leaves. 0 (the default) takes what is asked for.
   * `sendFrom`: once the gathered text is this long, what is gathered is sent without waiting for
   * flush(), so that a save of very many records (a large JSON import is one save) holds a bounded
   * text, well below the longest string V8 can make (about 512 MiB).
   */
  constructor(db: Db, options: { reserveAtLeast?: number; sendFrom?: number } = {}) {
    this.#db = db;
    this.#postgres = dialectOf(db) === 'postgres';
    if (this.#postgres && !copying.has(db.getExecutor().adapter)) {
      throw new Error('DeferredWrites on PostgreSQL needs a database opened by openDatabase, whose pool sends COPY data (postgres-copy.ts)');
    }
    this.#reserveAtLeast = options.reserveAtLeast ?? 0;
    this.#sendFrom = options.sendFrom ?? SEND_FROM;
  }

  /** Adds a statement to the message; `copy`, the data of the COPY it is. */
  async #gather(statement: string, copy?: string): Promise<void> {
    this.#statements.push(statement);
    this.#gathered += statement.length;
    if (copy !== undefined) {
      this.#copies.push(copy);
      this.#gathered += copy.length;
    }
    if (this.#gathered >= this.#sendFrom) await this.flush();
  }

  async insert<T extends Table>(table: T, rows: Insertable<Database[T]>[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.#postgres) {
      await insertRows(this.#db, table, rows);
      return;
    }
    const columns = Object.keys(rows[0]!);
    await this.#gather(copyStatement(table, columns), copyData(rows, columns));
  }

  /**
   * On PostgreSQL, gathers new rows with ids reserved for them (reserveIds) and returns the ids, in
   * the rows' order, so that rows pointing at them can be made before any is written. Undefined on
   * SQLite, where nothing is written here: the caller inserts the rows with RETURNING instead.
   */
  async insertWithReservedIds<T extends TableWithId>(table: T, rows: Insertable<Database[T]>[]): Promise<number[] | undefined> {
    const ids = await this.reserveIds(table, rows.length);
    if (ids) await this.insert(table, rows.map((row, i) => ({ ...row, id: ids[i]! })));
    return ids;
  }

  /**
   * On PostgreSQL, ids for `count` new rows of the table, taken from its id column's sequence as
   * the column's default would take them, so that the rows and rows pointing at them can be added
   * here before any is written: from what reserveAhead() took, or else in a query of their own.
   * Undefined on SQLite, where rows are inserted at once instead.
   */
  async reserveIds(table: Table, count: number): Promise<number[] | undefined> {
    if (!this.#postgres) return undefined;
    await this.reserveAhead({ [table]: count });
    const ahead = this.#reserved.get(table) ?? [];
    this.#reserved.set(table, ahead.slice(count));
    return ahead.slice(0, count);
  }

  /**
   * On PostgreSQL, makes sure ids are reserved for the reserveIds() calls to come: for every table
   * that has fewer than asked for, in one query for them all.
   */
  async reserveAhead(counts: Partial<Record<Table, number>>): Promise<void> {
    if (!this.#postgres) return;
    const short: [Table, number][] = [];
    for (const [table, count] of Object.entries(counts) as [Table, number][]) {
      const missing = count - (this.#reserved.get(table)?.length ?? 0);
      if (missing > 0) short.push([table, Math.max(missing, this.#reserveAtLeast)]);
    }
    for (const [table, ids] of await this.#nextIds(short)) (this.#reserved.get(table) ?? this.#reserved.set(table, []).get(table)!).push(...ids);
  }

  async #nextIds(wanted: [Table, number][]): Promise<Map<Table, number[]>> {
    const ids = new Map<Table, number[]>();
    if (wanted.length === 0) return ids;
    const tables = sql.join(wanted.map(([table, n]) => sql`(${table}::text, ${n}::int)`));
    const { rows } = await sql<{ name: Table; id: number }>`select t.name, nextval(pg_get_serial_sequence(quote_ident(t.name), 'id')::regclass)::int as id
      from (values ${tables}) t(name, n) cross join lateral generate_series(1, t.n)`.execute(this.#db);
    for (const { name, id } of rows) (ids.get(name) ?? ids.set(name, []).get(name)!).push(id);
    return ids;
  }

  /**
   * A statement around one JSON value: `before`, the value as JSON, `after` (constant SQL for the
   * database in use). On PostgreSQL gathered with the JSON as a dollar-quoted literal; on SQLite
   * run at once with the JSON as a bound parameter.
   */
  async jsonStatement(before: string, value: unknown, after: string): Promise<void> {
    const json = JSON.stringify(value);
    if (!this.#postgres) {
      await sql`${sql.raw(before)}${json}${sql.raw(after)}`.execute(this.#db);
      return;
    }
    await this.#gather(`${before}${dollarQuoted(json)}${after}`);
  }

  /** Deletes the rows whose integer `column` is one of `ids`. */
  async deleteWhereIn(table: Table, column: string, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    if (!ids.every(Number.isSafeInteger)) throw new TypeError(`deleteWhereIn ${table}.${column}: ids must be integers`);
    if (!this.#postgres) {
      await sql`delete from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(ids)})`.execute(this.#db);
      return;
    }
    await this.#gather(`delete from ${quote(table)} where ${quote(column)} in (${ids.join(', ')})`);
  }

  /** Sends what was gathered and waits until the database has done it. */
  async flush(): Promise<void> {
    const statements = this.#statements;
    const copies = this.#copies;
    this.#statements = [];
    this.#copies = [];
    this.#gathered = 0;
    // The copying pool's client sends the statements as one simple query, which may hold many, and the COPY data after them.
    if (statements.length) await this.#db.executeQuery(CompiledQuery.raw(COPY_MESSAGE, [new CopyMessage(statements.join(';\n'), copies)]));
  }
}

/** How a caller that saves many records in batches (the IATI import) lets a save defer its writes. */
export interface BatchedSave {
  /**
   * Where the writes go: given, they are the caller's to flush (on PostgreSQL, the import sends a
   * batch's writes and goes on with the next batch while the server works); else they are written
   * before the save returns.
   */
  later?: DeferredWrites;
  /**
   * False for a slug the caller knows no stored record has (an import knows which slugs were
   * stored when it began, and gives each new record a slug of its own): it is not looked up. A
   * row that has it after all makes the insert fail on the unique slug.
   */
  mayBeStored?: (slug: string) => boolean;
}

/** Runs `use` with the writes given, or with writes of its own that it flushes when `use` is done. */
export async function withDeferredWrites<T>(db: Db, given: DeferredWrites | undefined, use: (writes: DeferredWrites) => Promise<T>): Promise<T> {
  if (given) return use(given);
  const writes = new DeferredWrites(db);
  const result = await use(writes);
  await writes.flush();
  return result;
}

/**
 * Inserts rows (all with the columns of the first) and returns, for each row in order, the
 * `returning` columns given (e.g. `id`, `activity_id as parent`), or nothing when none are asked for.
 */
export async function insertRows<T extends Table, R extends object = Record<string, never>>(
  db: Db, table: T, rows: Insertable<Database[T]>[], returning: string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const returned = returning.length ? ` returning ${returning.map((r) => r.split(/\s+as\s+/).map(quote).join(' as ')).join(', ')}` : '';
  const names = columns.map(quote).join(', ');
  if (dialectOf(db) === 'postgres') {
    const out: R[] = [];
    const head = postgresInsertHead(table, columns);
    for (const part of postgresParts(rows, columns)) {
      const result = await sql<R>`${sql.raw(head)}${part}::json)${sql.raw(returned)}`.execute(db);
      out.push(...result.rows);
    }
    return out;
  }
  const entry = sqliteEntry(db);
  if (entry) {
    const text = `insert into ${quote(table)} (${names}) values (${columns.map(() => '?').join(', ')})`;
    const plain = cachedStatement(entry, text);
    if (!returned) {
      for (const row of rows) plain.run(valuesOf(row, columns));
      return [];
    }
    const withReturning = cachedStatement(entry, `${text}${returned}`);
    // Each returned column is the rowid or one of the row's own: answered from the insert's rowid
    // and the values given, unless SQLite would store a value differently (its column's affinity).
    const shape = tableShape(entry, table);
    const plan = returning.map((r) => {
      const [column, as = column] = r.split(/\s+as\s+/) as [string, string?];
      return { as, index: columns.indexOf(column), affinity: shape.affinity.get(column), rowid: column === shape.rowid };
    });
    if (!plan.every((p) => p.index >= 0 || p.rowid)) return rows.map((row) => withReturning.get(valuesOf(row, columns)) as R);
    return rows.map((row) => {
      const values = valuesOf(row, columns);
      if (!plan.every((p) => p.index < 0 || keptAsGiven(values[p.index]!, p.affinity))) return withReturning.get(values) as R;
      const { lastInsertRowid } = plain.run(values);
      const out: Record<string, Value> = {};
      for (const p of plan) out[p.as] = p.index >= 0 ? values[p.index]! : Number(lastInsertRowid);
      return out as R;
    });
  }
  const out: R[] = [];
  // SQLite's limit on bound parameters (SQLITE_MAX_VARIABLE_NUMBER) decides the size of a part.
  const size = Math.max(1, Math.min(2_000, Math.floor(32_766 / columns.length)));
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    const values = sql.join(part.map((r) => sql`(${sql.join(valuesOf(r, columns))})`));
    const result = await sql<R>`${sql.raw(`insert into ${quote(table)} (${names}) values `)}${values}${sql.raw(returned)}`.execute(db);
    out.push(...result.rows);
  }
  return out;
}
