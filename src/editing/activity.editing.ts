/**
 * Editing activities (decision 001): reading the working copy with its editorial state, and every
 * editorial operation. Each operation is one transaction (editing.transaction.ts), takes the actor
 * (null = the command line) and checks its role, appends a revision, and knows nothing of HTTP.
 *
 * The registry rows are the public projection. A never-published (or withdrawn) activity is
 * edited in place; a published one gets a working copy that publishing writes into the registry.
 * The working version (ETag, If-Match, the form's version field) is the working copy's version
 * when there is one, else the row's, and only grows.
 */
import type { Actor } from '../accounts/access.ts';
import { findActivity, saveActivities } from '../activities/activity.repository.ts';
import { listActivities, type ActivityFilter, type Page, type Sort } from '../activities/activity.query.ts';
import { readActivities } from '../activities/activity.read.ts';
import { namedOrganisations } from '../activities/activity.references.ts';
import { activitySchema, type Activity } from '../activities/activity.schema.ts';
import { checkActivity, type Finding } from '../check/check.ts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { ActivityRow, Database, Db } from '../db/database.ts';
import { loadReferences } from '../db/references.ts';
import { AppError, ValidationError, type FieldProblem } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { changedPaths, diffActivities } from './diff.ts';
import { parseDocument } from './editing.documents.ts';
import {
  PublicationBlockedError, VersionConflictError, activityNotFound, authorize, stateError, slugTaken,
} from './editing.errors.ts';
import { isUniqueViolation, lockActivity, writeTransaction } from './editing.transaction.ts';
import { appendRevision, ensureBaseline, latestRevision, revisionOf, type RevisionAction } from './revisions.ts';

export type Publication = 'draft' | 'published' | 'deleted';
export type ReviewState = 'draft' | 'in-review';

/** An activity's document without bookkeeping: what working copies and revisions hold. */
export type ActivityDocument = Omit<Activity, 'meta'>;

/** Where an activity stands editorially. */
export interface EditorialInfo {
  /** The registry row's publication: what the public sees ('published') or not. */
  publication: Publication;
  /** Pending work: 'draft' (being worked on), 'in-review' (waiting for a reviewer), or null (nothing pending). */
  review: ReviewState | null;
  /** True for a never-published activity, and for a published one with a working copy. */
  hasUnpublishedChanges: boolean;
  /** The reviewer's comment when the work was last returned. */
  returnComment: { text: string; at: string; by: number | null } | null;
  submittedAt: string | null;
  /** The working version: send it back as If-Match / the form's version. */
  version: number;
  createdAt: string;
  /** When the working document last changed. */
  updatedAt: string;
}

export interface ActivitySummary extends EditorialInfo {
  slug: string;
  /** The working document (the working copy when there is one). */
  document: ActivityDocument;
}

export interface ActivityWorkspace extends ActivitySummary {
  /** The version the public sees, when the activity is published (with its meta); else null. */
  published: Activity | null;
  /** `samverka check` on the working document; 'error' findings block publication. */
  findings: Finding[];
}

export interface EditOptions {
  /** Why, in the author's words; stored on the revision. */
  reason?: string | undefined;
  /** The time written on rows and revisions (tests inject it); now otherwise. */
  now?: string | undefined;
  /** The day the checks run for ('YYYY-MM-DD'); today otherwise. */
  today?: string | undefined;
}

/** For actions that need no document but may name the version they were based on (If-Match). */
export interface VersionedOptions extends EditOptions {
  version?: number | undefined;
}

const nowOf = (o: EditOptions) => o.now ?? new Date().toISOString();
const todayOf = (o: { today?: string | undefined }) => o.today ?? new Date().toISOString().slice(0, 10);
const withoutMeta = (a: Activity): ActivityDocument => {
  const { meta: _meta, ...rest } = a;
  return rest;
};

// ---------------------------------------------------------------------------------------------
// Reading

interface Loaded {
  row: ActivityRow;
  document: ActivityDocument;
  published: Activity | null;
  wc: { version: number; based_on_version: number; updated_at: string } | undefined;
  state: { state: string; submitted_at: string | null; return_comment: string | null; returned_at: string | null; returned_by: number | null } | undefined;
}

async function load(db: Db, row: ActivityRow): Promise<Loaded> {
  const [registry, wc, state] = await Promise.all([
    readActivities(db, [row]).then((a) => a[0]!),
    db.selectFrom('working_copies').selectAll().where('activity_id', '=', row.id).executeTakeFirst(),
    db.selectFrom('editorial_states').selectAll().where('activity_id', '=', row.id).executeTakeFirst(),
  ]);
  const document = wc ? JSON.parse(wc.document) as ActivityDocument : withoutMeta(registry);
  return { row, document, published: row.publication === 'published' ? registry : null, wc, state };
}

function info(l: Loaded): EditorialInfo {
  const publication = l.row.publication as Publication;
  const review = (l.state?.state as ReviewState | undefined) ?? (publication === 'draft' ? 'draft' : null);
  return {
    publication, review,
    hasUnpublishedChanges: l.wc !== undefined || publication === 'draft',
    returnComment: l.state?.return_comment ? { text: l.state.return_comment, at: l.state.returned_at ?? '', by: l.state.returned_by } : null,
    submittedAt: l.state?.submitted_at ?? null,
    version: l.wc?.version ?? l.row.version,
    createdAt: l.row.created_at,
    updatedAt: l.wc?.updated_at ?? l.row.updated_at,
  };
}

function workspaceOf(l: Loaded, today: string): ActivityWorkspace {
  const findings = checkActivity(l.document as Activity, { today });
  // Only a bulk import (or seeding) moves a published row on while a working copy exists (decision 001, notes).
  if (l.wc && l.row.version !== l.wc.based_on_version) findings.unshift(publishedChangedFinding(l.row.slug));
  return { slug: l.row.slug, document: l.document, ...info(l), published: l.published, findings };
}

function publishedChangedFinding(slug: string): Finding {
  return {
    code: 'published-changed', severity: 'warning', activity: slug, field: '',
    message: {
      sv: 'Den publicerade versionen har ändrats (t.ex. av en import) sedan de här ändringarna påbörjades. Att publicera skriver över de ändringarna: jämför med den publicerade versionen först.',
      en: 'The published version has changed (for example by an import) since these changes were begun. Publishing overwrites those changes: compare with the published version first.',
    },
  };
}

/**
 * An activity as staff see it: the working document, its editorial state and check findings.
 * Deleted activities are shown to admins only (who may undo the deletion); undefined otherwise.
 */
export async function getActivityWorkspace(db: Db, actor: Actor | null, slug: string, options: { today?: string } = {}): Promise<ActivityWorkspace | undefined> {
  authorize(actor, 'viewer');
  const row = await db.selectFrom('activities').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  if (row.publication === 'deleted' && actor !== null && actor.role !== 'admin') return undefined;
  return workspaceOf(await load(db, row), todayOf(options));
}

async function summaries(db: Db, rows: ActivityRow[], documents?: Activity[]): Promise<ActivitySummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [registry, wcs, states] = await Promise.all([
    documents ?? readActivities(db, rows),
    db.selectFrom('working_copies').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('editorial_states').selectAll().where('activity_id', 'in', ids).execute(),
  ]);
  const wcBy = new Map(wcs.map((w) => [w.activity_id, w]));
  const stateBy = new Map(states.map((s) => [s.activity_id, s]));
  return rows.map((row, i) => {
    const wc = wcBy.get(row.id);
    const l: Loaded = {
      row, wc, state: stateBy.get(row.id), published: null,
      document: wc ? JSON.parse(wc.document) as ActivityDocument : withoutMeta(registry[i]!),
    };
    return { slug: row.slug, document: l.document, ...info(l) };
  });
}

/**
 * The review states the staff list filters by, as the list shows them: a draft (never published
 * or withdrawn, not in review), in review, published with unpublished changes (a working copy, not
 * in review), published without pending work, and deleted (admins).
 */
export const REVIEW_FILTERS = ['draft', 'in-review', 'changed', 'published', 'deleted'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

function reviewCondition(review: ReviewFilter) {
  return (eb: ExpressionBuilder<Database, 'activities'>): Expression<SqlBool> => {
    const inReview = eb.exists(eb.selectFrom('editorial_states as es').select('es.activity_id')
      .whereRef('es.activity_id', '=', 'activities.id').where('es.state', '=', 'in-review'));
    const workingCopy = eb.exists(eb.selectFrom('working_copies as wc').select('wc.activity_id').whereRef('wc.activity_id', '=', 'activities.id'));
    const publication = (p: Publication) => eb('activities.publication', '=', p);
    switch (review) {
      case 'draft': return eb.and([publication('draft'), eb.not(inReview)]);
      case 'in-review': return eb.and([eb('activities.publication', '!=', 'deleted'), inReview]);
      case 'changed': return eb.and([publication('published'), eb.not(inReview), workingCopy]);
      case 'published': return eb.and([publication('published'), eb.not(inReview), eb.not(workingCopy)]);
      case 'deleted': return publication('deleted');
    }
  };
}

/**
 * The staff list: every activity that is not deleted, with the portal's filters, sorting and
 * pages, and each one's editorial state; `review` keeps one review state (deleted ones: admins).
 * Filters and search read the registry rows, so a change that is only in a working copy is found
 * once it is published.
 */
export async function listActivityWorkspaces(db: Db, actor: Actor | null, filter: ActivityFilter & { review?: ReviewFilter | undefined }, page: Page, sort: Sort = 'start-desc', lang: Lang = 'sv'): Promise<{ total: number; items: ActivitySummary[] }> {
  const { review, ...rest } = filter;
  authorize(actor, review === 'deleted' ? 'admin' : 'viewer');
  const result = await listActivities(db, {
    ...rest, publishedOnly: false, excludeDeleted: review !== 'deleted', where: review ? reviewCondition(review) : undefined,
  }, page, sort, lang);
  const slugs = result.items.map((a) => a.slug);
  const rows = slugs.length ? await db.selectFrom('activities').selectAll().where('slug', 'in', slugs).execute() : [];
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return { total: result.total, items: await summaries(db, result.items.map((a) => bySlug.get(a.slug)!), result.items) };
}

/** Work waiting for a reviewer, the longest-waiting first. */
export async function reviewQueue(db: Db, actor: Actor | null): Promise<ActivitySummary[]> {
  authorize(actor, 'viewer');
  const rows = await db.selectFrom('activities').innerJoin('editorial_states as e', 'e.activity_id', 'activities.id')
    .selectAll('activities').where('e.state', '=', 'in-review').where('activities.publication', '!=', 'deleted')
    .orderBy('e.submitted_at').orderBy('activities.slug').execute();
  return summaries(db, rows);
}

/** Soft-deleted activities, for admins (who may undo the deletion), the most recently changed first. */
export async function deletedActivities(db: Db, actor: Actor | null): Promise<ActivitySummary[]> {
  authorize(actor, 'admin');
  const rows = await db.selectFrom('activities').selectAll().where('publication', '=', 'deleted').orderBy('updated_at', 'desc').orderBy('slug').execute();
  return summaries(db, rows);
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Fields the API's answers carry that are not part of the document; a client may send them back. */
const PRESENTATION_FIELDS = ['meta', 'version', 'updatedAt', 'url', 'relatedFrom', 'editorial', 'publication'];

/**
 * Validates an activity document with the one activity schema. The publication is not the
 * author's to set (the workflow sets it) and bookkeeping is ignored, so a client may send back
 * what it read. With `slug`, the document must be that activity (slugs do not change).
 */
export function parseActivityDocument(input: unknown, slug?: string): ActivityDocument {
  return parseDocument(activitySchema, PRESENTATION_FIELDS, input, slug);
}

/** Every organisation, activity and source the document names must exist (organisations not deleted). */
async function referenceProblems(db: Db, doc: ActivityDocument): Promise<FieldProblem[]> {
  const orgs: [string, string][] = [
    ...namedOrganisations(doc),
    ...doc.relations.flatMap((r, i): [string, string][] => ('external' in r.target && r.target.external.organisation ? [[r.target.external.organisation, `relations.${i}.target.external.organisation`]] : [])),
  ];
  const activities = doc.relations.flatMap((r, i): [string, string][] => ('activity' in r.target ? [[r.target.activity, `relations.${i}.target.activity`]] : []));
  const sources: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i)));
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.quote === 'string' && typeof o.source === 'string') sources.push([o.source, `${path}.source`]);
      else for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(doc, '');
  const unique = (pairs: [string, string][]) => [...new Set(pairs.map(([s]) => s))];
  const [orgRows, activityRows, sourceRows] = await Promise.all([
    orgs.length ? db.selectFrom('organisations').select('slug').where('slug', 'in', unique(orgs)).where('deleted_at', 'is', null).execute() : [],
    // A relation may point at a deleted activity (its row is still there), so that deleting one never makes others unsavable.
    activities.length ? db.selectFrom('activities').select('slug').where('slug', 'in', unique(activities)).execute() : [],
    sources.length ? db.selectFrom('sources').select('slug').where('slug', 'in', unique(sources)).execute() : [],
  ]);
  const have = (rows: { slug: string }[]) => new Set(rows.map((r) => r.slug));
  const o = have(orgRows);
  const a = have(activityRows);
  const s = have(sourceRows);
  const record = `activity ${doc.slug}`;
  return [
    ...orgs.filter(([slug]) => !o.has(slug)).map(([slug, path]) => ({ code: 'unknown-organisation', record, path, message: { sv: `Organisationen "${slug}" finns inte.`, en: `Organisation "${slug}" does not exist.` } })),
    ...activities.filter(([slug]) => !a.has(slug) || slug === doc.slug).map(([slug, path]) => (slug === doc.slug
      ? { code: 'self-relation', record, path, message: { sv: 'En aktivitet kan inte ha en relation till sig själv.', en: 'An activity cannot be related to itself.' } }
      : { code: 'unknown-activity', record, path, message: { sv: `Aktiviteten "${slug}" finns inte.`, en: `Activity "${slug}" does not exist.` } })),
    ...sources.filter(([slug]) => !s.has(slug)).map(([slug, path]) => ({ code: 'unknown-source', record, path, message: { sv: `Källan "${slug}" finns inte.`, en: `Source "${slug}" does not exist.` } })),
  ];
}

async function validateReferences(db: Db, doc: ActivityDocument): Promise<void> {
  const problems = await referenceProblems(db, doc);
  if (problems.length) throw new ValidationError(problems);
}

// ---------------------------------------------------------------------------------------------
// Writing

async function lockLoaded(trx: Db, slug: string, options: { allowDeleted?: boolean } = {}): Promise<Loaded> {
  const row = await lockActivity(trx, slug);
  if (!row || (row.publication === 'deleted' && !options.allowDeleted)) throw activityNotFound(slug);
  return load(trx, row);
}

function checkVersion(l: Loaded, basedOn: number | undefined): void {
  const current = l.wc?.version ?? l.row.version;
  if (basedOn !== undefined && basedOn !== current) throw new VersionConflictError({ version: current, document: l.document }, basedOn);
}

async function setState(trx: Db, activityId: number, values: { state: ReviewState; submitted_at?: string | null; submitted_by?: number | null; return_comment?: string | null; returned_at?: string | null; returned_by?: number | null }, now: string): Promise<void> {
  const updated = await trx.updateTable('editorial_states').set({ ...values, updated_at: now }).where('activity_id', '=', activityId).executeTakeFirst();
  if (updated.numUpdatedRows === 0n) await trx.insertInto('editorial_states').values({ activity_id: activityId, ...values, updated_at: now }).execute();
}

/** Writes the registry rows of an activity as `doc` says, at the given version, search index included. */
/**
 * The IATI identifier is unique in the registry. Checked before every write of a document, so a
 * save, restore or publication that would take another activity's identifier is a field error
 * (409 'iati-identifier-taken'), never a failed unique index.
 */
async function assertIdentifierFree(trx: Db, id: number, doc: ActivityDocument): Promise<void> {
  const other = await trx.selectFrom('activities').select('id').where('iati_identifier', '=', doc.iatiIdentifier).where('id', '!=', id).executeTakeFirst();
  if (other) throw identifierTaken(doc.iatiIdentifier);
}

async function writeRegistry(trx: Db, id: number, doc: ActivityDocument, version: number, now: string): Promise<void> {
  await assertIdentifierFree(trx, id, doc);
  await saveActivities(trx, [doc as Activity], await loadReferences(trx), now);
  await trx.updateTable('activities').set({ version, updated_at: now }).where('id', '=', id).execute();
}

/**
 * Makes `doc` the working document: the working copy of a published activity (created at the
 * row's version + 1), or the rows of a draft. Returns false when nothing changed (no revision).
 */
async function writeWorkingDocument(trx: Db, l: Loaded, doc: ActivityDocument, action: RevisionAction, actor: Actor | null, options: EditOptions): Promise<boolean> {
  const now = nowOf(options);
  const next: ActivityDocument = { ...doc, publication: (l.row.publication === 'published' ? 'published' : 'draft') as Activity['publication'] };
  const changes = diffActivities(l.document, next);
  if (changes.length === 0) return false;
  await validateReferences(trx, next);
  await assertIdentifierFree(trx, l.row.id, next);
  const current = l.wc?.version ?? l.row.version;
  await ensureBaseline(trx, 'activity', l.row.id, l.document, current, now);
  const version = current + 1;
  if (l.row.publication === 'published') {
    if (l.wc) {
      await trx.updateTable('working_copies').set({ document: JSON.stringify(next), version, updated_at: now }).where('activity_id', '=', l.row.id).execute();
    } else {
      await trx.insertInto('working_copies').values({ activity_id: l.row.id, document: JSON.stringify(next), version, based_on_version: l.row.version, created_at: now, updated_at: now }).execute();
    }
  } else {
    await writeRegistry(trx, l.row.id, next, version, now);
  }
  if (!l.state) await setState(trx, l.row.id, { state: 'draft' }, now);
  else await trx.updateTable('editorial_states').set({ updated_at: now }).where('activity_id', '=', l.row.id).execute();
  await appendRevision(trx, { entity: 'activity', entityId: l.row.id, action, document: next, changed: changedPaths(changes), version, actor, reason: options.reason, now });
  return true;
}

async function reload(trx: Db, slug: string, options: EditOptions): Promise<ActivityWorkspace> {
  const row = await trx.selectFrom('activities').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  return workspaceOf(await load(trx, row), todayOf(options));
}

function identifierTaken(id: string): AppError {
  const message = { sv: `IATI-identifieraren "${id}" används redan av en annan aktivitet.`, en: `The IATI identifier "${id}" is already used by another activity.` };
  return new AppError('iati-identifier-taken', message, 409, [{ code: 'iati-identifier-taken', path: 'iatiIdentifier', message }]);
}

async function insertNewDraft(trx: Db, doc: ActivityDocument, action: RevisionAction, actor: Actor | null, options: EditOptions): Promise<void> {
  const now = nowOf(options);
  const draft: ActivityDocument = { ...doc, publication: 'draft' as Activity['publication'] };
  if (await trx.selectFrom('activities').select('id').where('slug', '=', draft.slug).executeTakeFirst()) throw slugTaken(draft.slug);
  if (await trx.selectFrom('activities').select('id').where('iati_identifier', '=', draft.iatiIdentifier).executeTakeFirst()) throw identifierTaken(draft.iatiIdentifier);
  await validateReferences(trx, draft);
  const refs = await loadReferences(trx);
  await saveActivities(trx, [draft as Activity], refs, now);
  const id = refs.activities.get(draft.slug)!;
  await setState(trx, id, { state: 'draft' }, now);
  const changes = diffActivities(EMPTY, draft);
  await appendRevision(trx, { entity: 'activity', entityId: id, action, document: draft, changed: changedPaths(changes), version: 1, actor, reason: options.reason, now });
}

const EMPTY = {
  slug: '', iatiIdentifier: '', otherIdentifiers: [], kind: '', status: '', publication: 'draft', workingTitle: false, texts: {}, dates: {},
  countries: [], regions: [], participations: [], funding: [], relations: [], alignment: [], keyFigures: [], results: [],
  engagements: [], documents: [], provenance: [],
} as unknown as ActivityDocument;

async function translateUnique<T>(doc: { slug: string; iatiIdentifier: string }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // Two creates of the same slug at once: the second one's insert meets the unique index.
    if (isUniqueViolation(error)) throw /iati/i.test(String((error as Error).message)) ? identifierTaken(doc.iatiIdentifier) : slugTaken(doc.slug);
    throw error;
  }
}

/** Creates a new activity as a draft (editor). `input` is validated with the activity schema. */
export async function createActivity(db: Db, actor: Actor | null, input: unknown, options: EditOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'editor');
  const doc = parseActivityDocument(input);
  return translateUnique(doc, () => writeTransaction(db, async (trx) => {
    await insertNewDraft(trx, doc, 'create', actor, options);
    return reload(trx, doc.slug, options);
  }));
}

/**
 * Saves a new working document (editor), based on the version the author started from. A
 * different current version throws VersionConflictError (code 'version-conflict', HTTP 412)
 * carrying the current document and version; nothing is overwritten. Saving what is already
 * there writes nothing.
 */
export async function saveActivity(db: Db, actor: Actor | null, slug: string, input: unknown, basedOn: number, options: EditOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'editor');
  const doc = parseActivityDocument(input, slug);
  return writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    checkVersion(l, basedOn);
    await writeWorkingDocument(trx, l, doc, 'update', actor, options);
    return reload(trx, slug, options);
  });
}

/** Sends pending work to review (editor). */
export async function submitActivity(db: Db, actor: Actor | null, slug: string, options: VersionedOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'editor');
  return writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    checkVersion(l, options.version);
    const { review, version } = info(l);
    if (review === null) throw stateError('nothing-to-submit', 'Det finns inga opublicerade ändringar att skicka till granskning.', 'There are no unpublished changes to send for review.');
    if (review === 'in-review') throw stateError('already-in-review', 'Aktiviteten väntar redan på granskning.', 'The activity is already waiting for review.');
    const now = nowOf(options);
    await ensureBaseline(trx, 'activity', l.row.id, l.document, version, now);
    await setState(trx, l.row.id, { state: 'in-review', submitted_at: now, submitted_by: actor?.userId ?? null }, now);
    await appendRevision(trx, { entity: 'activity', entityId: l.row.id, action: 'submit', document: l.document, changed: [], version, actor, reason: options.reason, now });
    return reload(trx, slug, options);
  });
}

/** Returns work in review to its authors with a comment (reviewer). */
export async function returnActivity(db: Db, actor: Actor | null, slug: string, comment: string, options: VersionedOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'reviewer');
  const text = comment.trim();
  if (!text) throw new ValidationError([{ code: 'empty', path: 'comment', message: { sv: 'Skriv varför arbetet skickas tillbaka.', en: 'Say why the work is returned.' } }]);
  if (text.length > 4000) throw new ValidationError([{ code: 'too-long', path: 'comment', message: { sv: 'Kommentaren är för lång (högst 4000 tecken).', en: 'The comment is too long (at most 4000 characters).' } }]);
  return writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    checkVersion(l, options.version);
    const { review, version } = info(l);
    if (review !== 'in-review') throw stateError('not-in-review', 'Aktiviteten väntar inte på granskning.', 'The activity is not waiting for review.');
    const now = nowOf(options);
    await setState(trx, l.row.id, { state: 'draft', return_comment: text, returned_at: now, returned_by: actor?.userId ?? null }, now);
    await appendRevision(trx, { entity: 'activity', entityId: l.row.id, action: 'return', document: l.document, changed: [], version, actor, reason: text, now });
    return reload(trx, slug, options);
  });
}

/**
 * Publishes the working document (reviewer): writes it into the registry (the portal, exports and
 * search show it from now on) at the working version + 1, and clears the pending state. Check
 * findings of severity 'error' stop it with PublicationBlockedError ('publication-blocked').
 */
export async function publishActivity(db: Db, actor: Actor | null, slug: string, options: VersionedOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'reviewer');
  return writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    checkVersion(l, options.version);
    const { review, version } = info(l);
    if (review === null) throw stateError('nothing-to-publish', 'Det finns inga opublicerade ändringar att publicera.', 'There are no unpublished changes to publish.');
    const blocking = checkActivity(l.document as Activity, { today: todayOf(options) }).filter((f) => f.severity === 'error');
    if (blocking.length) throw new PublicationBlockedError(blocking);
    const now = nowOf(options);
    await ensureBaseline(trx, 'activity', l.row.id, l.published ? withoutMeta(l.published) : l.document, l.row.version, now);
    const doc: ActivityDocument = { ...l.document, publication: 'published' as Activity['publication'] };
    await validateReferences(trx, doc);
    const before = l.published ? withoutMeta(l.published) : { ...l.document };
    // Above both: an import may have moved the row past the working copy's version meanwhile.
    const next = Math.max(version, l.row.version) + 1;
    await writeRegistry(trx, l.row.id, doc, next, now);
    await trx.deleteFrom('working_copies').where('activity_id', '=', l.row.id).execute();
    await trx.deleteFrom('editorial_states').where('activity_id', '=', l.row.id).execute();
    const changed = changedPaths(diffActivities(before, doc));
    await appendRevision(trx, { entity: 'activity', entityId: l.row.id, action: 'publish', document: doc, changed, version: next, actor, reason: options.reason, now });
    return reload(trx, slug, options);
  });
}

/**
 * Withdraws a published activity from the public (reviewer). Its working document (the working
 * copy, if any) becomes the draft in the registry rows, so nothing worked on is lost.
 */
export async function unpublishActivity(db: Db, actor: Actor | null, slug: string, options: VersionedOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'reviewer');
  return writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    checkVersion(l, options.version);
    if (l.row.publication !== 'published') throw stateError('not-published', 'Aktiviteten är inte publicerad.', 'The activity is not published.');
    const now = nowOf(options);
    const { version } = info(l);
    await ensureBaseline(trx, 'activity', l.row.id, withoutMeta(l.published!), l.row.version, now);
    const doc: ActivityDocument = { ...l.document, publication: 'draft' as Activity['publication'] };
    const next = Math.max(version, l.row.version) + 1;
    await writeRegistry(trx, l.row.id, doc, next, now);
    await trx.deleteFrom('working_copies').where('activity_id', '=', l.row.id).execute();
    if (!l.state) await setState(trx, l.row.id, { state: 'draft' }, now);
    const changed = changedPaths(diffActivities(withoutMeta(l.published!), doc));
    await appendRevision(trx, { entity: 'activity', entityId: l.row.id, action: 'unpublish', document: doc, changed, version: next, actor, reason: options.reason, now });
    return reload(trx, slug, options);
  });
}

async function bumpVersion(trx: Db, l: Loaded, values: { publication?: Publication }, now: string): Promise<number> {
  const version = Math.max(l.wc?.version ?? 0, l.row.version) + 1;
  if (l.wc) {
    await trx.updateTable('working_copies').set({ version, updated_at: now }).where('activity_id', '=', l.row.id).execute();
    await trx.updateTable('activities').set({ ...values, updated_at: now }).where('id', '=', l.row.id).execute();
  } else {
    await trx.updateTable('activities').set({ ...values, version, updated_at: now }).where('id', '=', l.row.id).execute();
  }
  return version;
}

/** Soft-deletes an activity (reviewer): it leaves the portal, exports and lists at once; an admin can undo it. */
export async function deleteActivity(db: Db, actor: Actor | null, slug: string, options: VersionedOptions = {}): Promise<void> {
  authorize(actor, 'reviewer');
  await writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    checkVersion(l, options.version);
    const now = nowOf(options);
    await ensureBaseline(trx, 'activity', l.row.id, l.document, l.wc?.version ?? l.row.version, now);
    const version = await bumpVersion(trx, l, { publication: 'deleted' }, now);
    // The document keeps the publication it had, which is what undoing the deletion restores.
    await appendRevision(trx, { entity: 'activity', entityId: l.row.id, action: 'delete', document: { ...l.document, publication: l.row.publication }, changed: ['publication'], version, actor, reason: options.reason, now });
  });
}

/** Undoes a soft deletion (admin): the activity gets back the publication it had. */
export async function undeleteActivity(db: Db, actor: Actor | null, slug: string, options: EditOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'admin');
  return writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug, { allowDeleted: true });
    if (l.row.publication !== 'deleted') throw stateError('not-deleted', 'Aktiviteten är inte borttagen.', 'The activity is not deleted.');
    const deletion = await latestRevision<ActivityDocument>(trx, 'activity', l.row.id, 'delete');
    const publication: Publication = deletion?.document.publication === 'published' ? 'published' : 'draft';
    const now = nowOf(options);
    const version = await bumpVersion(trx, l, { publication }, now);
    await appendRevision(trx, { entity: 'activity', entityId: l.row.id, action: 'undelete', document: { ...l.document, publication }, changed: ['publication'], version, actor, reason: options.reason, now });
    return reload(trx, slug, options);
  });
}

/**
 * Makes an older revision's document the working document again (editor): a new revision with
 * action 'restore'; for a published activity it goes into the working copy, to be published as usual.
 */
export async function restoreActivityRevision(db: Db, actor: Actor | null, slug: string, revision: number, options: VersionedOptions = {}): Promise<ActivityWorkspace> {
  authorize(actor, 'editor');
  return writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    checkVersion(l, options.version);
    const old = await revisionOf<ActivityDocument>(trx, 'activity', l.row.id, revision);
    if (!old) {
      throw new AppError('not-found', { sv: `Revision ${revision} av "${slug}" finns inte.`, en: `Revision ${revision} of "${slug}" does not exist.` }, 404,
        [{ code: 'not-found', path: 'revision', message: { sv: `Revision ${revision} finns inte.`, en: `Revision ${revision} does not exist.` } }]);
    }
    const reason = options.reason ?? `#${revision}`;
    await writeWorkingDocument(trx, l, old.document, 'restore', actor, { ...options, reason });
    return reload(trx, slug, options);
  });
}

export interface ConvertOptions extends EditOptions {
  /** The new project's slug; by default the pre-study's, with '-project' instead of a pre-study ending. */
  slug?: string | undefined;
  iatiIdentifier?: string | undefined;
}

/**
 * "Convert pre-study to project" (editor): a new draft project carrying over what applies to it
 * (texts, countries, regions, partners, policy alignment, documents; not status, dates, results,
 * funding, key figures or engagements, and no source sentences, which were about the pre-study),
 * and a 'pre-study-led-to' relation on the pre-study, through its working copy if it is published.
 */
export async function convertPreStudy(db: Db, actor: Actor | null, slug: string, options: ConvertOptions = {}): Promise<{ project: ActivityWorkspace; preStudy: ActivityWorkspace }> {
  authorize(actor, 'editor');
  const run = () => writeTransaction(db, async (trx) => {
    const l = await lockLoaded(trx, slug);
    const pre = l.document;
    if (pre.kind !== 'pre-study') throw stateError('not-a-pre-study', 'Bara en förstudie kan omvandlas till ett projekt.', 'Only a pre-study can be converted to a project.');
    const base = slug.replace(/-(pre-?study|prestudie|forstudie|förstudie)$/, '');
    const newSlug = options.slug ?? await freeSlug(trx, `${base}-project`);
    const iatiIdentifier = options.iatiIdentifier ?? await freeIdentifier(trx, `${pre.iatiIdentifier}-P`);
    const draft = parseActivityDocument({
      slug: newSlug, iatiIdentifier, kind: 'project', status: 'pipeline', workingTitle: pre.workingTitle,
      texts: pre.texts, countries: pre.countries, regions: pre.regions,
      participations: pre.participations.map((p) => ({ ...p, provenance: [] })),
      alignment: pre.alignment.map((a) => ({ ...a, provenance: [] })),
      documents: pre.documents.map((d) => ({ ...d, provenance: [] })),
    });
    const reason = options.reason ?? slug;
    await insertNewDraft(trx, draft, 'convert', actor, { ...options, reason });
    const withRelation: ActivityDocument = {
      ...pre, relations: [...pre.relations, { type: 'pre-study-led-to', target: { activity: newSlug }, basis: 'stated', provenance: [] }],
    };
    await writeWorkingDocument(trx, l, withRelation, 'convert', actor, { ...options, reason: newSlug });
    return { project: await reload(trx, newSlug, options), preStudy: await reload(trx, slug, options) };
  });
  return translateUnique({ slug: options.slug ?? slug, iatiIdentifier: options.iatiIdentifier ?? '' }, run);
}

async function freeSlug(trx: Db, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    if (!await trx.selectFrom('activities').select('id').where('slug', '=', candidate).executeTakeFirst()) return candidate;
  }
}

async function freeIdentifier(trx: Db, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}${n}`;
    if (!await trx.selectFrom('activities').select('id').where('iati_identifier', '=', candidate).executeTakeFirst()) return candidate;
  }
}

/** The public version of an activity (what the portal shows), for a preview beside the working one. */
export async function publishedVersion(db: Db, slug: string): Promise<Activity | undefined> {
  return findActivity(db, slug, { publishedOnly: true });
}
