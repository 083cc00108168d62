/**
 * The history of an activity or organisation for staff (viewer): its revisions, newest first, and
 * one revision with its document and a readable diff against the revision before it.
 */
import type { Actor } from '../accounts/access.ts';
import type { Db } from '../db/database.ts';
import { diffActivities, diffOrganisations, type DiffEntry } from './diff.ts';
import { activityNotFound, authorize, organisationNotFound } from './editing.errors.ts';
import type { ActivityDocument } from './activity.editing.ts';
import type { OrganisationDocument } from './organisation.editing.ts';
import { revisionOf, revisionsOf, type Entity, type Revision, type RevisionSummary } from './revisions.ts';

export interface RevisionWithDiff<D> extends Revision<D> {
  /** What changed since the revision before (everything counts as added for the first one). */
  diff: DiffEntry[];
  /** The number of the revision compared with; null for the first. */
  comparedWith: number | null;
}

async function entityId(db: Db, entity: Entity, slug: string): Promise<number> {
  const row = entity === 'activity'
    ? await db.selectFrom('activities').select('id').where('slug', '=', slug).executeTakeFirst()
    : await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw entity === 'activity' ? activityNotFound(slug) : organisationNotFound(slug);
  return row.id;
}

export async function activityHistory(db: Db, actor: Actor | null, slug: string): Promise<RevisionSummary[]> {
  authorize(actor, 'viewer');
  return revisionsOf(db, 'activity', await entityId(db, 'activity', slug));
}

export async function organisationHistory(db: Db, actor: Actor | null, slug: string): Promise<RevisionSummary[]> {
  authorize(actor, 'viewer');
  return revisionsOf(db, 'organisation', await entityId(db, 'organisation', slug));
}

const EMPTY_ACTIVITY = {
  slug: '', iatiIdentifier: '', otherIdentifiers: [], kind: '', status: '', publication: 'draft', workingTitle: false, texts: {}, dates: {}, countries: [], regions: [],
  participations: [], funding: [], relations: [], alignment: [], keyFigures: [], results: [], engagements: [], documents: [], provenance: [],
} as unknown as ActivityDocument;
const EMPTY_ORGANISATION = { slug: '', name: {}, provenance: [] } as unknown as OrganisationDocument;

async function withDiff<D>(db: Db, entity: Entity, id: number, number: number, diff: (a: D, b: D) => DiffEntry[], empty: D): Promise<RevisionWithDiff<D> | undefined> {
  const revision = await revisionOf<D>(db, entity, id, number);
  if (!revision) return undefined;
  const previous = number > 1 ? await revisionOf<D>(db, entity, id, number - 1) : undefined;
  return { ...revision, diff: diff(previous?.document ?? empty, revision.document), comparedWith: previous?.number ?? null };
}

export async function activityRevision(db: Db, actor: Actor | null, slug: string, number: number): Promise<RevisionWithDiff<ActivityDocument> | undefined> {
  authorize(actor, 'viewer');
  return withDiff(db, 'activity', await entityId(db, 'activity', slug), number, diffActivities, EMPTY_ACTIVITY);
}

export async function organisationRevision(db: Db, actor: Actor | null, slug: string, number: number): Promise<RevisionWithDiff<OrganisationDocument> | undefined> {
  authorize(actor, 'viewer');
  return withDiff(db, 'organisation', await entityId(db, 'organisation', slug), number, diffOrganisations, EMPTY_ORGANISATION);
}

/** The diff between any two revisions of an activity (e.g. to compare a conflict or a restore). */
export async function compareActivityRevisions(db: Db, actor: Actor | null, slug: string, from: number, to: number): Promise<DiffEntry[] | undefined> {
  authorize(actor, 'viewer');
  const id = await entityId(db, 'activity', slug);
  const [a, b] = await Promise.all([revisionOf<ActivityDocument>(db, 'activity', id, from), revisionOf<ActivityDocument>(db, 'activity', id, to)]);
  return a && b ? diffActivities(a.document, b.document) : undefined;
}
