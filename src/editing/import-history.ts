/**
 * Imports (IATI files, portfolio JSON, the seed) write the registry directly, not through editing
 * (decision 001). So that a record's history stays whole, an import that changes a record which
 * already has a history appends an 'import' revision with what it stored, its author (the
 * uploader, or none from the command line) and the file as its reason. A record without a history
 * needs none: its first edit records a baseline of what is stored then, the import's work
 * included. Without this, publishing a working copy begun before the import overwrote the
 * import's change and nothing recorded what it had been.
 */
import type { Actor } from '../accounts/access.ts';
import { readActivities } from '../activities/activity.read.ts';
import type { Db } from '../db/database.ts';
import { readOrganisations } from '../organisations/organisation.repository.ts';
import type { OrganisationDocument } from './organisation.editing.ts';
import type { ActivityDocument } from './activity.editing.ts';
import { changedPaths, diffActivities, diffOrganisations, type DiffEntry } from './diff.ts';
import { appendRevision, revisionOf, type Entity } from './revisions.ts';

export interface ImportHistoryOptions {
  now: string;
  /** Who imported (the upload form's user); null from the command line and the seed. */
  actor?: Actor | null;
  /** What the history says was imported, e.g. the file's name. */
  reason?: string | null;
}

/** The records an import changed (updated, not created), by slug. */
export interface ImportedChanges {
  activities: readonly string[];
  organisations: readonly string[];
}

const CHUNK = 500;

/** A record as it is stored now. */
interface Stored<D> {
  id: number;
  version: number;
  document: D;
}

/** What recording needs of one kind of record: ids by slug, stored documents by id, and its diff. */
interface Kind<D> {
  entity: Entity;
  ids: (trx: Db, slugs: string[]) => Promise<number[]>;
  read: (trx: Db, ids: number[]) => Promise<Stored<D>[]>;
  diff: (before: D, after: D) => DiffEntry[];
}

const ACTIVITIES: Kind<ActivityDocument> = {
  entity: 'activity',
  ids: async (trx, slugs) => (await trx.selectFrom('activities').select('id').where('slug', 'in', slugs).execute()).map((r) => r.id),
  read: async (trx, ids) => {
    const rows = await trx.selectFrom('activities').selectAll().where('id', 'in', ids).execute();
    const documents = await readActivities(trx, rows);
    return rows.map((row, i) => ({ id: row.id, version: row.version, document: documents[i]! }));
  },
  diff: diffActivities,
};

const ORGANISATIONS: Kind<OrganisationDocument> = {
  entity: 'organisation',
  ids: async (trx, slugs) => (await trx.selectFrom('organisations').select('id').where('slug', 'in', slugs).execute()).map((r) => r.id),
  read: async (trx, ids) => {
    const rows = await trx.selectFrom('organisations').selectAll().where('id', 'in', ids).execute();
    const documents = new Map((await readOrganisations(trx, rows)).map((o) => [o.slug, o]));
    return rows.map((row) => ({ id: row.id, version: row.version, document: documents.get(row.slug)! }));
  },
  diff: diffOrganisations,
};

/** Appends an 'import' revision to each changed record that has a history; returns how many. */
export async function recordImportRevisions(trx: Db, changed: ImportedChanges, options: ImportHistoryOptions): Promise<number> {
  return await record(trx, ACTIVITIES, changed.activities, options) + await record(trx, ORGANISATIONS, changed.organisations, options);
}

async function record<D>(trx: Db, kind: Kind<D>, slugs: readonly string[], options: ImportHistoryOptions): Promise<number> {
  let recorded = 0;
  for (let i = 0; i < slugs.length; i += CHUNK) {
    const last = await lastRevisions(trx, kind.entity, await kind.ids(trx, slugs.slice(i, i + CHUNK)));
    if (last.size === 0) continue;
    for (const { id, version, document } of await kind.read(trx, [...last.keys()])) {
      const previous = (await revisionOf<D>(trx, kind.entity, id, last.get(id)!))!;
      const paths = changedPaths(kind.diff(previous.document, document));
      if (paths.length === 0) continue;
      await appendRevision(trx, {
        entity: kind.entity, entityId: id, action: 'import', document, changed: paths, version,
        actor: options.actor ?? null, reason: options.reason ?? null, now: options.now,
      });
      recorded += 1;
    }
  }
  return recorded;
}

/** The number of each record's latest revision, for the records that have any. */
async function lastRevisions(trx: Db, entity: Entity, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('revisions').select((eb) => ['entity_id', eb.fn.max('number').as('number')])
    .where('entity', '=', entity).where('entity_id', 'in', ids).groupBy('entity_id').execute();
  return new Map(rows.map((r) => [r.entity_id, Number(r.number)]));
}
