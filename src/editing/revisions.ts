/**
 * Revisions (decision 001): every editorial event appends one, with the whole document after it,
 * the changed field paths, the action, the author, an optional reason and the time. Records from
 * the seed or an import get a 'baseline' revision of what was there before their first edit, and
 * an import that changes a record with a history appends an 'import' revision (import-history.ts).
 */
import type { Actor } from '../accounts/access.ts';
import type { Db } from '../db/database.ts';

export const REVISION_ACTIONS = [
  'baseline', 'create', 'update', 'submit', 'return', 'publish', 'unpublish', 'restore', 'convert', 'delete', 'undelete', 'import',
] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];
export type Entity = 'activity' | 'organisation';

export interface RevisionSummary {
  number: number;
  action: RevisionAction;
  /** The field paths that changed (see diff.ts); empty for events that change no field (submit, return). */
  changed: string[];
  /** The record's working version after the event. */
  version: number;
  /** Who; null for the command line and for baselines. */
  author: { id: number; name: string } | null;
  reason: string | null;
  createdAt: string;
}

export interface Revision<D> extends RevisionSummary {
  document: D;
}

export interface NewRevision {
  entity: Entity;
  entityId: number;
  action: RevisionAction;
  document: unknown;
  changed: string[];
  version: number;
  actor: Actor | null;
  reason?: string | null | undefined;
  now: string;
}

export async function appendRevision(trx: Db, r: NewRevision): Promise<number> {
  const last = await trx.selectFrom('revisions').select((eb) => eb.fn.max('number').as('n'))
    .where('entity', '=', r.entity).where('entity_id', '=', r.entityId).executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  await trx.insertInto('revisions').values({
    entity: r.entity, entity_id: r.entityId, number, action: r.action,
    document: JSON.stringify(withoutMetaOf(r.document)), changed: JSON.stringify(r.changed), version: r.version,
    author_id: r.actor?.userId ?? null, author_name: r.actor ? (r.actor.name ?? r.actor.email) : null,
    reason: r.reason ?? null, created_at: r.now,
  }).execute();
  return number;
}

/** Before the first editorial event on a record that has no history, records what was there. */
export async function ensureBaseline(trx: Db, entity: Entity, entityId: number, document: unknown, version: number, now: string): Promise<void> {
  const any = await trx.selectFrom('revisions').select('id').where('entity', '=', entity).where('entity_id', '=', entityId).limit(1).executeTakeFirst();
  if (any) return;
  await appendRevision(trx, { entity, entityId, action: 'baseline', document, changed: [], version, actor: null, reason: null, now });
}

function withoutMetaOf(document: unknown): unknown {
  if (document && typeof document === 'object' && 'meta' in document) {
    const { meta: _meta, ...rest } = document as Record<string, unknown>;
    return rest;
  }
  return document;
}

type RevisionRow = {
  number: number; action: string; changed: string; version: number; author_id: number | null;
  author_name: string | null; reason: string | null; created_at: string;
};

function summaryOf(row: RevisionRow): RevisionSummary {
  return {
    number: row.number, action: row.action as RevisionAction, changed: JSON.parse(row.changed) as string[], version: row.version,
    author: row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
    reason: row.reason, createdAt: row.created_at,
  };
}

/** A record's revisions, newest first, without their documents. */
export async function revisionsOf(db: Db, entity: Entity, entityId: number): Promise<RevisionSummary[]> {
  const rows = await db.selectFrom('revisions')
    .select(['number', 'action', 'changed', 'version', 'author_id', 'author_name', 'reason', 'created_at'])
    .where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('number', 'desc').execute();
  return rows.map(summaryOf);
}

export async function revisionOf<D>(db: Db, entity: Entity, entityId: number, number: number): Promise<Revision<D> | undefined> {
  const row = await db.selectFrom('revisions').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).where('number', '=', number).executeTakeFirst();
  return row ? { ...summaryOf(row), document: JSON.parse(row.document) as D } : undefined;
}

/** The newest revision with the given action, e.g. the last 'delete' (to undo it). */
export async function latestRevision<D>(db: Db, entity: Entity, entityId: number, action: RevisionAction): Promise<Revision<D> | undefined> {
  const row = await db.selectFrom('revisions').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId)
    .where('action', '=', action).orderBy('number', 'desc').limit(1).executeTakeFirst();
  return row ? { ...summaryOf(row), document: JSON.parse(row.document) as D } : undefined;
}
