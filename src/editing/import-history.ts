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
import { changedPaths, diffActivities, diffOrganisations } from './diff.ts';
import { appendRevision, type Entity } from './revisions.ts';

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

/** Appends an 'import' revision to each changed record that has a history; returns how many. */
export async function recordImportRevisions(trx: Db, changed: ImportedChanges, options: ImportHistoryOptions): Promise<number> {
  let recorded = 0;
  for (let i = 0; i < changed.activities.length; i += CHUNK) {
    const ids = await trx.selectFrom('activities').select('id').where('slug', 'in', changed.activities.slice(i, i + CHUNK)).execute();
    const last = await lastRevisions(trx, 'activity', ids.map((r) => r.id));
    if (last.size === 0) continue;
    const withHistory = await trx.selectFrom('activities').selectAll().where('id', 'in', [...last.keys()]).execute();
    const documents = await readActivities(trx, withHistory);
    for (const [index, row] of withHistory.entries()) {
      const document = documents[index]!;
      const previous = await revisionDocument<ActivityDocument>(trx, 'activity', row.id, last.get(row.id)!);
      const paths = changedPaths(diffActivities(previous, document));
      if (paths.length === 0) continue;
      await appendRevision(trx, { entity: 'activity', entityId: row.id, action: 'import', document, changed: paths, version: row.version, actor: options.actor ?? null, reason: options.reason ?? null, now: options.now });
      recorded += 1;
    }
  }
  for (let i = 0; i < changed.organisations.length; i += CHUNK) {
    const ids = await trx.selectFrom('organisations').select('id').where('slug', 'in', changed.organisations.slice(i, i + CHUNK)).execute();
    const last = await lastRevisions(trx, 'organisation', ids.map((r) => r.id));
    if (last.size === 0) continue;
    const withHistory = await trx.selectFrom('organisations').selectAll().where('id', 'in', [...last.keys()]).execute();
    const documents = new Map((await readOrganisations(trx, withHistory)).map((o) => [o.slug, o]));
    for (const row of withHistory) {
      const document = documents.get(row.slug)!;
      const previous = await revisionDocument<OrganisationDocument>(trx, 'organisation', row.id, last.get(row.id)!);
      const paths = changedPaths(diffOrganisations(previous, document));
      if (paths.length === 0) continue;
      await appendRevision(trx, { entity: 'organisation', entityId: row.id, action: 'import', document, changed: paths, version: row.version, actor: options.actor ?? null, reason: options.reason ?? null, now: options.now });
      recorded += 1;
    }
  }
  return recorded;
}

/** The number of each record's latest revision, for the records that have any. */
async function lastRevisions(trx: Db, entity: Entity, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('revisions').select((eb) => ['entity_id', eb.fn.max('number').as('number')])
    .where('entity', '=', entity).where('entity_id', 'in', ids).groupBy('entity_id').execute();
  return new Map(rows.map((r) => [r.entity_id, Number(r.number)]));
}

async function revisionDocument<D>(trx: Db, entity: Entity, id: number, number: number): Promise<D> {
  const row = await trx.selectFrom('revisions').select('document').where('entity', '=', entity).where('entity_id', '=', id).where('number', '=', number).executeTakeFirstOrThrow();
  return JSON.parse(row.document) as D;
}
