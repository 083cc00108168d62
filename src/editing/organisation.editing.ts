/**
 * Editing organisations (decision 001): reference data without review. Edits apply directly,
 * with versions, revisions, conflict detection and soft deletion; an organisation still named by
 * an activity or another organisation cannot be deleted, and the refusal says where it is used.
 */
import { sql } from 'kysely';
import type { Actor } from '../accounts/access.ts';
import { labelOf, PARTICIPATION_ROLES } from '../reference/codes.ts';
import type { Db, OrganisationRow } from '../db/database.ts';
import { loadReferences } from '../db/references.ts';
import { organisationSchema, type Organisation } from '../organisations/organisation.schema.ts';
import { readOrganisations, saveOrganisations } from '../organisations/organisation.repository.ts';
import { AppError, ValidationError, type FieldProblem } from '../shared/errors.ts';
import type { Message } from '../shared/i18n.ts';
import { changedPaths, diffOrganisations } from './diff.ts';
import { parseDocument } from './editing.documents.ts';
import { VersionConflictError, authorize, organisationNotFound, slugTaken, stateError } from './editing.errors.ts';
import { isUniqueViolation, lockOrganisation, writeTransaction } from './editing.transaction.ts';
import { appendRevision, ensureBaseline, revisionOf } from './revisions.ts';
import type { EditOptions, VersionedOptions } from './activity.editing.ts';

export type OrganisationDocument = Omit<Organisation, 'meta'>;

export interface OrganisationWorkspace {
  slug: string;
  document: OrganisationDocument;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** When it was soft-deleted; null while it is in use. */
  deletedAt: string | null;
}

/** One place an organisation is named: by an activity in a role, or as another organisation's parent. */
export interface OrganisationUse {
  kind: 'activity' | 'organisation';
  slug: string;
  /** 'partner', 'funder', … for activities; 'parent' for organisations. */
  role: string;
  /** Where in the activity: 'participation', 'funding', 'engagement', 'relation', 'otherIdentifiers', 'reportedBy'; or 'parent'. */
  where: 'participation' | 'funding' | 'engagement' | 'relation' | 'otherIdentifiers' | 'reportedBy' | 'parent';
  /** True when it is named only in an unpublished working copy. */
  workingCopy: boolean;
}

const nowOf = (o: EditOptions) => o.now ?? new Date().toISOString();
const withoutMeta = (o: Organisation): OrganisationDocument => {
  const { meta: _meta, ...rest } = o;
  return rest;
};

function workspaceOf(row: OrganisationRow, o: Organisation): OrganisationWorkspace {
  return { slug: row.slug, document: withoutMeta(o), version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at };
}

/** An organisation for staff; deleted ones only for admins (who may undo the deletion). */
export async function getOrganisationWorkspace(db: Db, actor: Actor | null, slug: string): Promise<OrganisationWorkspace | undefined> {
  authorize(actor, 'viewer');
  const row = await db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row || (row.deleted_at !== null && actor !== null && actor.role !== 'admin')) return undefined;
  return workspaceOf(row, (await readOrganisations(db, [row]))[0]!);
}

/**
 * Organisations that are not deleted, by name, 20 a page; `q` finds words in the slug, names,
 * acronym or IATI reference (case-insensitive).
 */
export async function listOrganisationWorkspaces(db: Db, actor: Actor | null, query: { q?: string | undefined; deleted?: boolean | undefined }, page: { limit: number; offset: number }): Promise<{ total: number; items: OrganisationWorkspace[] }> {
  authorize(actor, query.deleted ? 'admin' : 'viewer');
  let q = db.selectFrom('organisations').where('deleted_at', query.deleted ? 'is not' : 'is', null);
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 12);
  const columns = ['slug', 'name_sv', 'name_en', 'acronym', 'iati_ref'] as const;
  for (const word of words) {
    // SQLite's lower() and LIKE fold ASCII letters only, so "örebro" must also be tried as "Örebro" and "ÖREBRO".
    const variants = [...new Set([word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])]
      .map((v) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    q = q.where((eb) => eb.or(columns.flatMap((column) => variants.map((like) => sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${like} escape '\\'`)
      .concat(variants.map((like) => sql<boolean>`coalesce(${sql.ref(column)}, '') like ${like} escape '\\'`)))));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy(sql`lower(coalesce(name_sv, name_en, slug))`).orderBy('slug').limit(page.limit).offset(page.offset).execute();
  const docs = await readOrganisations(db, rows);
  return { total, items: rows.map((row, i) => workspaceOf(row, docs[i]!)) };
}

/** Every place an organisation is named: activities (drafts, working copies and deleted ones too) and child organisations. */
export async function organisationUsage(db: Db, slug: string): Promise<OrganisationUse[]> {
  const org = await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!org) return [];
  const id = org.id;
  const [participations, fundings, engagements, relations, identifiers, reported, children, wcs] = await Promise.all([
    db.selectFrom('participations as p').innerJoin('activities as a', 'a.id', 'p.activity_id').select(['a.slug', 'p.role']).where('p.organisation_id', '=', id).execute(),
    db.selectFrom('fundings as f').innerJoin('activities as a', 'a.id', 'f.activity_id').select(['a.slug', 'f.funder_id']).where((eb) => eb.or([eb('f.funder_id', '=', id), eb('f.via_id', '=', id)])).execute(),
    db.selectFrom('engagement_organisations as eo').innerJoin('engagements as e', 'e.id', 'eo.engagement_id').innerJoin('activities as a', 'a.id', 'e.activity_id').select('a.slug').where('eo.organisation_id', '=', id).execute(),
    db.selectFrom('relations as r').innerJoin('activities as a', 'a.id', 'r.activity_id').select('a.slug').where('r.target_organisation_id', '=', id).execute(),
    db.selectFrom('other_identifiers as o').innerJoin('activities as a', 'a.id', 'o.activity_id').select('a.slug').where('o.owner_id', '=', id).execute(),
    db.selectFrom('activity_reporters as r').innerJoin('activities as a', 'a.id', 'r.activity_id').select('a.slug').where('r.organisation_id', '=', id).execute(),
    db.selectFrom('organisations').select('slug').where('parent_id', '=', id).where('deleted_at', 'is', null).execute(),
    db.selectFrom('working_copies as w').innerJoin('activities as a', 'a.id', 'w.activity_id').select(['a.slug', 'w.document']).execute(),
  ]);
  const uses: OrganisationUse[] = [
    ...participations.map((p) => ({ kind: 'activity' as const, slug: p.slug, role: p.role, where: 'participation' as const, workingCopy: false })),
    ...fundings.map((f) => ({ kind: 'activity' as const, slug: f.slug, role: f.funder_id === id ? 'funder' : 'channel', where: 'funding' as const, workingCopy: false })),
    ...engagements.map((e) => ({ kind: 'activity' as const, slug: e.slug, role: 'home-organisation', where: 'engagement' as const, workingCopy: false })),
    ...relations.map((r) => ({ kind: 'activity' as const, slug: r.slug, role: 'related', where: 'relation' as const, workingCopy: false })),
    ...identifiers.map((o) => ({ kind: 'activity' as const, slug: o.slug, role: 'identifier-owner', where: 'otherIdentifiers' as const, workingCopy: false })),
    ...reported.map((r) => ({ kind: 'activity' as const, slug: r.slug, role: 'reporter', where: 'reportedBy' as const, workingCopy: false })),
    ...children.map((c) => ({ kind: 'organisation' as const, slug: c.slug, role: 'parent', where: 'parent' as const, workingCopy: false })),
  ];
  for (const w of wcs) {
    const doc = JSON.parse(w.document) as { participations: { organisation: string; role: string }[]; funding: { funder?: string; via?: string }[]; engagements: { homeOrganisations: string[] }[]; relations: { target: { external?: { organisation?: string } } }[]; otherIdentifiers?: { owner?: string }[]; reportedBy?: string };
    const add = (role: string, where: OrganisationUse['where']) => uses.push({ kind: 'activity', slug: w.slug, role, where, workingCopy: true });
    doc.participations.forEach((p) => { if (p.organisation === slug) add(p.role, 'participation'); });
    doc.funding.forEach((f) => { if (f.funder === slug) add('funder', 'funding'); if (f.via === slug) add('channel', 'funding'); });
    doc.engagements.forEach((e) => { if (e.homeOrganisations.includes(slug)) add('home-organisation', 'engagement'); });
    doc.relations.forEach((r) => { if (r.target.external?.organisation === slug) add('related', 'relation'); });
    (doc.otherIdentifiers ?? []).forEach((o) => { if (o.owner === slug) add('identifier-owner', 'otherIdentifiers'); });
    if (doc.reportedBy === slug) add('reporter', 'reportedBy');
  }
  const seen = new Set<string>();
  return uses.filter((u) => {
    const key = `${u.kind}|${u.slug}|${u.role}|${u.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ROLE_WORDS: Record<string, Message> = {
  funder: { sv: 'finansiär', en: 'funder' },
  channel: { sv: 'kanal för finansiering', en: 'funding channel' },
  'home-organisation': { sv: 'hemorganisation vid uppdrag eller evenemang', en: 'home organisation of a mission or event' },
  related: { sv: 'part i en relation', en: 'party to a relation' },
  'identifier-owner': { sv: 'har utfärdat en identifierare för aktiviteten', en: 'issued an identifier of the activity' },
  reporter: { sv: 'rapporterar aktiviteten till IATI', en: 'reports the activity to IATI' },
};

function roleWords(role: string): Message {
  if (ROLE_WORDS[role]) return ROLE_WORDS[role];
  const label = labelOf(PARTICIPATION_ROLES, role);
  return label ? { sv: label.sv.toLowerCase(), en: label.en.toLowerCase() } : { sv: role, en: role };
}

function useProblem(u: OrganisationUse): FieldProblem {
  if (u.kind === 'organisation') {
    return { code: 'organisation-in-use', record: `organisation ${u.slug}`, path: 'parent', message: { sv: `Överordnad organisation till ${u.slug}.`, en: `Parent organisation of ${u.slug}.` } };
  }
  const role = roleWords(u.role);
  const wc = u.workingCopy ? { sv: ' (i opublicerade ändringar)', en: ' (in unpublished changes)' } : { sv: '', en: '' };
  return { code: 'organisation-in-use', record: `activity ${u.slug}`, path: u.where, message: { sv: `Aktiviteten ${u.slug}: ${role.sv}${wc.sv}.`, en: `Activity ${u.slug}: ${role.en}${wc.en}.` } };
}

// ---------------------------------------------------------------------------------------------

export function parseOrganisationDocument(input: unknown, slug?: string): OrganisationDocument {
  return parseDocument(organisationSchema, ['meta', 'version', 'updatedAt', 'createdAt', 'url', 'deletedAt', 'editorial'], input, slug);
}

/** The parent must exist, not be deleted, and not make a cycle; sources must exist. */
async function referenceProblems(db: Db, doc: OrganisationDocument): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const record = `organisation ${doc.slug}`;
  if (doc.parent !== undefined) {
    const rows = await db.selectFrom('organisations').select(['id', 'slug', 'parent_id', 'deleted_at']).execute();
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const parent = bySlug.get(doc.parent);
    if (!parent || parent.deleted_at !== null) {
      problems.push({ code: 'unknown-organisation', record, path: 'parent', message: { sv: `Organisationen "${doc.parent}" finns inte.`, en: `Organisation "${doc.parent}" does not exist.` } });
    } else {
      let cursor: typeof parent | undefined = parent;
      for (let steps = 0; cursor && steps <= rows.length; steps++) {
        if (cursor.slug === doc.slug) {
          problems.push({ code: 'parent-cycle', record, path: 'parent', message: { sv: 'En organisation kan inte vara överordnad sig själv, inte heller via andra.', en: 'An organisation cannot be its own parent, not even through others.' } });
          break;
        }
        cursor = cursor.parent_id === null ? undefined : byId.get(cursor.parent_id);
      }
    }
  }
  const sources = [...new Set(doc.provenance.map((p) => p.source))];
  if (sources.length) {
    const have = new Set((await db.selectFrom('sources').select('slug').where('slug', 'in', sources).execute()).map((r) => r.slug));
    doc.provenance.forEach((p, i) => {
      if (!have.has(p.source)) problems.push({ code: 'unknown-source', record, path: `provenance.${i}.source`, message: { sv: `Källan "${p.source}" finns inte.`, en: `Source "${p.source}" does not exist.` } });
    });
  }
  return problems;
}

async function lockLive(trx: Db, slug: string, options: { allowDeleted?: boolean } = {}): Promise<{ row: OrganisationRow; document: OrganisationDocument }> {
  const row = await lockOrganisation(trx, slug);
  if (!row || (row.deleted_at !== null && !options.allowDeleted)) throw organisationNotFound(slug);
  return { row, document: withoutMeta((await readOrganisations(trx, [row]))[0]!) };
}

function checkVersion(row: OrganisationRow, document: OrganisationDocument, basedOn: number | undefined): void {
  if (basedOn !== undefined && basedOn !== row.version) throw new VersionConflictError({ version: row.version, document }, basedOn);
}

async function reload(trx: Db, slug: string): Promise<OrganisationWorkspace> {
  const row = await trx.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  return workspaceOf(row, (await readOrganisations(trx, [row]))[0]!);
}

const EMPTY = { slug: '', name: {}, provenance: [] } as unknown as OrganisationDocument;

/** Creates an organisation (editor). */
export async function createOrganisation(db: Db, actor: Actor | null, input: unknown, options: EditOptions = {}): Promise<OrganisationWorkspace> {
  authorize(actor, 'editor');
  const doc = parseOrganisationDocument(input);
  try {
    return await writeTransaction(db, async (trx) => {
      if (await trx.selectFrom('organisations').select('id').where('slug', '=', doc.slug).executeTakeFirst()) throw slugTaken(doc.slug);
      const problems = await referenceProblems(trx, doc);
      if (problems.length) throw new ValidationError(problems);
      const now = nowOf(options);
      const refs = await loadReferences(trx);
      await saveOrganisations(trx, [doc as Organisation], refs, now);
      const id = refs.organisations.get(doc.slug)!;
      await appendRevision(trx, { entity: 'organisation', entityId: id, action: 'create', document: doc, changed: changedPaths(diffOrganisations(EMPTY, doc)), version: 1, actor, reason: options.reason, now });
      return reload(trx, doc.slug);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(doc.slug);
    throw error;
  }
}

/** Saves an organisation (editor) based on a version; a stale version throws VersionConflictError. */
export async function saveOrganisation(db: Db, actor: Actor | null, slug: string, input: unknown, basedOn: number, options: EditOptions = {}): Promise<OrganisationWorkspace> {
  authorize(actor, 'editor');
  const doc = parseOrganisationDocument(input, slug);
  return writeTransaction(db, async (trx) => {
    const { row, document } = await lockLive(trx, slug);
    checkVersion(row, document, basedOn);
    const changes = diffOrganisations(document, doc);
    if (changes.length === 0) return reload(trx, slug);
    const problems = await referenceProblems(trx, doc);
    if (problems.length) throw new ValidationError(problems);
    const now = nowOf(options);
    await ensureBaseline(trx, 'organisation', row.id, document, row.version, now);
    await saveOrganisations(trx, [doc as Organisation], await loadReferences(trx), now);
    await trx.updateTable('organisations').set({ version: row.version + 1 }).where('id', '=', row.id).execute();
    await appendRevision(trx, { entity: 'organisation', entityId: row.id, action: 'update', document: doc, changed: changedPaths(changes), version: row.version + 1, actor, reason: options.reason, now });
    return reload(trx, slug);
  });
}

/**
 * Soft-deletes an organisation (reviewer). Refused with 'organisation-in-use' (HTTP 409) while
 * any activity or organisation names it; the problems list each activity and role.
 */
export async function deleteOrganisation(db: Db, actor: Actor | null, slug: string, options: VersionedOptions = {}): Promise<void> {
  authorize(actor, 'reviewer');
  await writeTransaction(db, async (trx) => {
    const { row, document } = await lockLive(trx, slug);
    checkVersion(row, document, options.version);
    const uses = await organisationUsage(trx, slug);
    if (uses.length) {
      const where = [...new Set(uses.map((u) => u.slug))];
      throw new AppError('organisation-in-use', {
        sv: `Organisationen ${slug} används och kan inte tas bort: ${where.join(', ')}.`,
        en: `The organisation ${slug} is in use and cannot be deleted: ${where.join(', ')}.`,
      }, 409, uses.map(useProblem));
    }
    const now = nowOf(options);
    await ensureBaseline(trx, 'organisation', row.id, document, row.version, now);
    await trx.updateTable('organisations').set({ deleted_at: now, version: row.version + 1, updated_at: now }).where('id', '=', row.id).execute();
    await appendRevision(trx, { entity: 'organisation', entityId: row.id, action: 'delete', document, changed: ['deletedAt'], version: row.version + 1, actor, reason: options.reason, now });
  });
}

/** Undoes a soft deletion (admin). */
export async function undeleteOrganisation(db: Db, actor: Actor | null, slug: string, options: EditOptions = {}): Promise<OrganisationWorkspace> {
  authorize(actor, 'admin');
  return writeTransaction(db, async (trx) => {
    const { row, document } = await lockLive(trx, slug, { allowDeleted: true });
    if (row.deleted_at === null) throw stateError('not-deleted', 'Organisationen är inte borttagen.', 'The organisation is not deleted.');
    const now = nowOf(options);
    await trx.updateTable('organisations').set({ deleted_at: null, version: row.version + 1, updated_at: now }).where('id', '=', row.id).execute();
    await appendRevision(trx, { entity: 'organisation', entityId: row.id, action: 'undelete', document, changed: ['deletedAt'], version: row.version + 1, actor, reason: options.reason, now });
    return reload(trx, slug);
  });
}

/** Makes an older revision's document current again (editor): a new revision with action 'restore'. */
export async function restoreOrganisationRevision(db: Db, actor: Actor | null, slug: string, revision: number, options: VersionedOptions = {}): Promise<OrganisationWorkspace> {
  authorize(actor, 'editor');
  return writeTransaction(db, async (trx) => {
    const { row, document } = await lockLive(trx, slug);
    checkVersion(row, document, options.version);
    const old = await revisionOf<OrganisationDocument>(trx, 'organisation', row.id, revision);
    if (!old) throw new AppError('not-found', { sv: `Revision ${revision} av "${slug}" finns inte.`, en: `Revision ${revision} of "${slug}" does not exist.` }, 404);
    const changes = diffOrganisations(document, old.document);
    if (changes.length === 0) return reload(trx, slug);
    const problems = await referenceProblems(trx, old.document);
    if (problems.length) throw new ValidationError(problems);
    const now = nowOf(options);
    await ensureBaseline(trx, 'organisation', row.id, document, row.version, now);
    await saveOrganisations(trx, [old.document as Organisation], await loadReferences(trx), now);
    await trx.updateTable('organisations').set({ version: row.version + 1 }).where('id', '=', row.id).execute();
    await appendRevision(trx, { entity: 'organisation', entityId: row.id, action: 'restore', document: old.document, changed: changedPaths(changes), version: row.version + 1, actor, reason: options.reason ?? `#${revision}`, now });
    return reload(trx, slug);
  });
}
