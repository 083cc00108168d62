/** Organisations: saved as a whole, compared before writing so that an unchanged save writes nothing. */
import { isDeepStrictEqual } from 'node:util';
import type { Insertable } from 'kysely';
import { insertRows, sqliteStatement, withDeferredWrites, type BatchedSave, type DeferredWrites } from '../db/bulk-insert.ts';
import type { Database, Db, OrganisationRow } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { fromColumns, toColumns } from '../shared/bilingual.ts';
import { ValidationError, type FieldProblem } from '../shared/errors.ts';
import type { Provenance } from '../shared/schema-helpers.ts';
import type { References } from '../db/references.ts';
import { provenanceRows, type ProvenanceRow } from '../provenance/provenance.repository.ts';
import { withoutMeta, type SaveOutcome } from '../shared/records.ts';
import type { Organisation } from './organisation.schema.ts';

/** All organisations, or the given rows: with their parents' slugs and their own provenance only. */
export async function readOrganisations(db: Db, rows?: OrganisationRow[]): Promise<Organisation[]> {
  const list = rows ?? await db.selectFrom('organisations').selectAll().orderBy('slug').execute();
  if (list.length === 0) return [];
  const parentIds = [...new Set(list.flatMap((r) => (r.parent_id === null ? [] : [r.parent_id])))];
  const slugs = new Map(parentIds.length
    ? (await db.selectFrom('organisations').select(['id', 'slug']).where('id', 'in', parentIds).execute()).map((r) => [r.id, r.slug])
    : []);
  let quoteQuery = db.selectFrom('provenance').innerJoin('sources', 'sources.id', 'provenance.source_id')
    .select(['provenance.organisation_id', 'provenance.position', 'provenance.quote', 'sources.slug as source'])
    .where('provenance.organisation_id', 'is not', null);
  if (rows) quoteQuery = quoteQuery.where('provenance.organisation_id', 'in', list.map((r) => r.id));
  const quotes = await quoteQuery.orderBy('provenance.position').execute();
  const quotesBy = new Map<number, Provenance[]>();
  for (const q of quotes) {
    if (q.organisation_id === null) continue;
    quotesBy.set(q.organisation_id, [...(quotesBy.get(q.organisation_id) ?? []), { source: q.source, quote: q.quote }]);
  }
  return list.map((row) => organisationFromRow(row, row.parent_id === null ? undefined : slugs.get(row.parent_id), quotesBy.get(row.id) ?? []));
}

function organisationFromRow(row: OrganisationRow, parent: string | undefined, provenance: Provenance[]): Organisation {
  const o: Organisation = {
    slug: row.slug,
    name: fromColumns(row.name_sv, row.name_en) ?? {},
    provenance,
    meta: { version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, ...(row.deleted_at === null ? {} : { deletedAt: row.deleted_at }) },
  };
  if (row.acronym !== null) o.acronym = row.acronym;
  if (row.org_type !== null) o.type = row.org_type;
  if (row.country_code !== null) o.country = row.country_code;
  if (row.iati_ref !== null) o.iatiRef = row.iati_ref;
  if (row.website !== null) o.website = row.website;
  if (parent !== undefined) o.parent = parent;
  return o;
}

/**
 * Saves organisations in two passes (rows, then parents and provenance) so that an organisation
 * may name a parent that comes later in the list. Returns what happened to each, by slug. The
 * options are the IATI import's (BatchedSave): new rows with reserved ids, and everything but
 * the updates of stored rows, then go to its deferred writes.
 */
export async function saveOrganisations(trx: Db, organisations: Organisation[], refs: References, now: string,
  options: BatchedSave = {}): Promise<Map<string, SaveOutcome>> {
  const outcomes = new Map<string, SaveOutcome>();
  // Only the organisations in question are read: an import saves a few per batch into a registry of thousands.
  const storedRows: OrganisationRow[] = [];
  const slugs = [...new Set(organisations.map((o) => o.slug))].filter((slug) => options.mayBeStored?.(slug) ?? true);
  for (let i = 0; i < slugs.length; i += 5_000) {
    storedRows.push(...await trx.selectFrom('organisations').selectAll().where('slug', 'in', slugs.slice(i, i + 5_000)).execute());
  }
  const stored = new Map((storedRows.length ? await readOrganisations(trx, storedRows) : []).map((o) => [o.slug, o]));
  const created: Insertable<Database['organisations']>[] = [];
  for (const org of organisations) {
    const before = stored.get(org.slug);
    if (before && isDeepStrictEqual(withoutMeta(before), withoutMeta(org))) {
      outcomes.set(org.slug, 'unchanged');
      continue;
    }
    const name = toColumns(org.name);
    const row = {
      slug: org.slug, name_sv: name.sv, name_en: name.en, acronym: org.acronym ?? null, org_type: org.type ?? null,
      country_code: org.country ?? null, iati_ref: org.iatiRef ?? null, website: org.website ?? null,
    };
    if (before) {
      const id = refs.organisations.get(org.slug)!;
      await trx.updateTable('organisations').set((eb) => ({ ...row, version: eb('version', '+', 1), updated_at: now })).where('id', '=', id).execute();
      await trx.deleteFrom('provenance').where('organisation_id', '=', id).execute();
      outcomes.set(org.slug, 'updated');
    } else {
      created.push({
        ...row, version: org.meta?.version ?? 1, created_at: org.meta?.createdAt ?? now, updated_at: org.meta?.updatedAt ?? now,
        deleted_at: org.meta?.deletedAt ?? null,
      });
      outcomes.set(org.slug, 'created');
    }
  }
  await withDeferredWrites(trx, options.later, (writes) => writeOrganisations(trx, writes, organisations, outcomes, created, refs));
  return outcomes;
}

async function writeOrganisations(trx: Db, writes: DeferredWrites, organisations: Organisation[], outcomes: Map<string, SaveOutcome>,
  created: Insertable<Database['organisations']>[], refs: References): Promise<void> {
  const problems: FieldProblem[] = [];
  // New organisations in multi-row inserts (an import creates thousands); parents once all exist.
  const reserved = await writes.insertWithReservedIds('organisations', created);
  if (reserved) {
    created.forEach((row, i) => refs.organisations.set(row.slug, reserved[i]!));
  } else {
    for (const r of await insertRows<'organisations', { id: number; slug: string }>(trx, 'organisations', created, ['id', 'slug'])) refs.organisations.set(r.slug, r.id);
  }
  const provenance: ProvenanceRow[] = [];
  const parents: { id: number; parent: number | null }[] = [];
  for (const org of organisations) {
    const outcome = outcomes.get(org.slug);
    if (outcome === 'unchanged') continue;
    const id = refs.organisations.get(org.slug)!;
    let parentId: number | null = null;
    if (org.parent !== undefined) {
      parentId = refs.organisations.get(org.parent) ?? null;
      if (parentId === null) {
        problems.push({ code: 'unknown-organisation', record: `organisation ${org.slug}`, path: 'parent', message: { sv: `Organisationen "${org.parent}" finns inte.`, en: `Organisation "${org.parent}" does not exist.` } });
      }
    }
    // A row just inserted has no parent yet: only a parent to set, or one to change, is written.
    if (outcome !== 'created' || parentId !== null) parents.push({ id, parent: parentId });
    provenance.push(...provenanceRows({ activity_id: null, organisation_id: id }, [{ subject: 'organisation', subject_position: null, field: null, items: org.provenance }], refs, `organisation ${org.slug}`, problems));
  }
  if (problems.length) throw new ValidationError(problems);
  await setParents(trx, writes, parents);
  await writes.insert('provenance', provenance);
}

/**
 * Sets the parents of many organisations: an import sets about a thousand, and one UPDATE each was
 * a round trip each on PostgreSQL and a statement compiled and prepared each on SQLite.
 */
async function setParents(trx: Db, writes: DeferredWrites, list: { id: number; parent: number | null }[]): Promise<void> {
  if (list.length === 0) return;
  // An organisation given twice gets the parent given last, as when each was written in turn.
  const parents = [...new Map(list.map((p) => [p.id, p.parent]))].map(([id, parent]) => ({ id, parent }));
  if (dialectOf(trx) === 'postgres') {
    await writes.jsonStatement('update organisations as o set parent_id = (u->>\'parent\')::integer from json_array_elements(', parents,
      '::json) as u where o.id = (u->>\'id\')::integer');
    return;
  }
  const statement = sqliteStatement(trx, 'update organisations set parent_id = ? where id = ?');
  for (const { id, parent } of parents) {
    if (statement) statement.run(parent, id);
    else await trx.updateTable('organisations').set({ parent_id: parent }).where('id', '=', id).execute();
  }
}

/** An organisation that is not soft-deleted (the portal's organisation page). */
export async function findOrganisation(db: Db, slug: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('slug', '=', slug).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? (await readOrganisations(db, [row]))[0] : undefined;
}

/** The published activities an organisation takes part in, with its roles in each (funding lines included). */
export async function organisationActivities(db: Db, slug: string): Promise<{ activitySlug: string; roles: string[] }[]> {
  const [participations, fundings] = await Promise.all([
    db.selectFrom('participations as p').innerJoin('organisations as o', 'o.id', 'p.organisation_id').innerJoin('activities as a', 'a.id', 'p.activity_id')
      .select(['a.slug', 'p.role']).where('o.slug', '=', slug).where('a.publication', '=', 'published').orderBy('a.slug').orderBy('p.position').execute(),
    db.selectFrom('fundings as f').innerJoin('organisations as o', (j) => j.on((on) => on.or([on('o.id', '=', on.ref('f.funder_id')), on('o.id', '=', on.ref('f.via_id'))])))
      .innerJoin('activities as a', 'a.id', 'f.activity_id')
      .select(['a.slug', 'f.funder_id', 'o.id as org_id']).where('o.slug', '=', slug).where('a.publication', '=', 'published').execute(),
  ]);
  const roles = new Map<string, Set<string>>();
  const add = (activity: string, role: string) => roles.set(activity, (roles.get(activity) ?? new Set()).add(role));
  for (const p of participations) add(p.slug, p.role);
  for (const f of fundings) add(f.slug, f.funder_id === f.org_id ? 'funder' : 'channel');
  return [...roles].map(([activitySlug, set]) => ({ activitySlug, roles: [...set] }));
}
