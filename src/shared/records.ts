/** What every stored record shares: how a save went, and the part of a record a save compares. */
export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Everything but the bookkeeping (version and timestamps), as plain JSON values. */
export function withoutMeta<T extends { meta?: unknown }>(record: T): Omit<T, 'meta'> {
  const { meta: _meta, ...rest } = record;
  return JSON.parse(JSON.stringify(rest)) as Omit<T, 'meta'>;
}
