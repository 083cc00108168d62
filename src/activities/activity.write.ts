/**
 * Writing activities: their rows and everything that belongs to them, inside the caller's
 * transaction. Children are replaced as a whole; the activity's version counts the changes.
 *
 * Many activities are written at once: each table's rows for the whole list in one bulk insert
 * (src/db/bulk-insert.ts), not one statement per activity. Rows that
 * have children of their own (fundings, results, indicators, engagements) come back with their
 * parent's id and position, so their children find them whatever order the database returns; on
 * PostgreSQL their ids are reserved instead, and the rows sent with the rest (DeferredWrites).
 * Each row also keeps the document's content hash, so saving the same document again is seen
 * from the row alone.
 */
import type { FuzzyDate } from '../dates/fuzzy-date.ts';
import type { Insertable } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { insertRows, withDeferredWrites, type DeferredWrites } from '../db/bulk-insert.ts';
import type { References } from '../db/references.ts';
import { provenanceRows, type ProvenanceGroup, type ProvenanceRow } from '../provenance/provenance.repository.ts';
import { IATI_ORGANISATION_ROLE, type DateType } from '../reference/codes.ts';
import { toColumns } from '../shared/bilingual.ts';
import { ValidationError, type FieldProblem } from '../shared/errors.ts';
import { readActivities } from './activity.read.ts';
import { namedOrganisations } from './activity.references.ts';
import { contentHash } from './activity.hash.ts';
import type { Activity } from './activity.schema.ts';

const DATE_FIELDS: [keyof Activity['dates'], DateType][] = [
  ['plannedStart', 'planned-start'], ['actualStart', 'actual-start'],
  ['plannedEnd', 'planned-end'], ['actualEnd', 'actual-end'],
];

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** An activity and the id of its row. */
export interface WrittenActivity {
  id: number;
  activity: Activity;
}

// ---------------------------------------------------------------------------------------------
// Rows with children.

const key = (parent: number, position: number) => `${parent}:${position}`;

/**
 * Rows that children point at, and their ids by (parent id, position): on PostgreSQL with ids
 * reserved and added to `writes`; on SQLite inserted with RETURNING.
 */
async function insertReturning<T extends 'fundings' | 'results' | 'indicators' | 'engagements'>(trx: Db, writes: DeferredWrites, table: T,
  rows: Row<T>[], parent: 'activity_id' | 'result_id'): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const reserved = await writes.insertWithReservedIds(table, rows);
  if (reserved) {
    rows.forEach((row, i) => {
      const r = row as unknown as Record<typeof parent | 'position', number>;
      ids.set(key(r[parent], r.position), reserved[i]!);
    });
    return ids;
  }
  const returned = await insertRows<T, { id: number; parent: number; position: number }>(trx, table, rows, ['id', `${parent} as parent`, 'position']);
  for (const r of returned) ids.set(key(r.parent, r.position), r.id);
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Activity rows.

export function activityRow(a: Activity) {
  const starts = [a.dates.plannedStart?.from, a.dates.actualStart?.from].filter((d): d is string => d !== undefined).sort();
  const ends = [a.dates.plannedEnd?.to, a.dates.actualEnd?.to].filter((d): d is string => d !== undefined).sort();
  return {
    slug: a.slug,
    iati_identifier: a.iatiIdentifier,
    kind: a.kind,
    status: a.status,
    publication: a.publication,
    working_title: a.workingTitle ? 1 as const : 0 as const,
    start_date: starts[0] ?? null,
    end_date: ends.at(-1) ?? null,
  };
}

/**
 * Inserts new activity rows; returns their ids in the order given. With `later`, on PostgreSQL,
 * the ids are reserved and the rows written by its flush.
 */
export async function insertActivityRows(trx: Db, items: { activity: Activity; hash?: string }[], now: string, later?: DeferredWrites): Promise<number[]> {
  const rows = items.map(({ activity: a, hash }) => ({
    ...activityRow(a),
    version: a.meta?.version ?? 1,
    created_at: a.meta?.createdAt ?? now,
    updated_at: a.meta?.updatedAt ?? now,
    content_hash: hash ?? contentHash(a),
  }));
  const reserved = await later?.insertWithReservedIds('activities', rows);
  if (reserved) return reserved;
  const ids = new Map<string, number>();
  for (const r of await insertRows<'activities', { id: number; slug: string }>(trx, 'activities', rows, ['id', 'slug'])) ids.set(r.slug, r.id);
  return items.map(({ activity }) => ids.get(activity.slug)!);
}

/** Inserts a new activity row and returns its id. */
export async function insertActivityRow(trx: Db, a: Activity, now: string): Promise<number> {
  return (await insertActivityRows(trx, [{ activity: a }], now))[0]!;
}

export async function updateActivityRow(trx: Db, id: number, a: Activity, now: string, hash = contentHash(a)): Promise<void> {
  await trx.updateTable('activities')
    .set((eb) => ({ ...activityRow(a), version: eb('version', '+', 1), updated_at: now, content_hash: hash }))
    .where('id', '=', id).execute();
}

const CHILD_TABLES = [
  'activity_texts', 'activity_dates', 'activity_countries', 'activity_regions', 'participations',
  'fundings', 'relations', 'alignments', 'key_figures', 'results', 'engagements', 'documents', 'other_identifiers', 'activity_reporters', 'provenance',
] as const;

/** Deletes the children of one activity or of many. */
export async function deleteActivityChildren(trx: Db, id: number | number[]): Promise<void> {
  const ids = Array.isArray(id) ? id : [id];
  // Grandchildren (flows, indicators, engagement links) go with their parents by ON DELETE CASCADE.
  for (let i = 0; i < ids.length; i += 10_000) {
    const part = ids.slice(i, i + 10_000);
    for (const table of CHILD_TABLES) await trx.deleteFrom(table).where('activity_id', 'in', part).execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Children.

/** Writes every part of the activity except its relations (which need every target to exist). */
export async function insertActivityChildren(trx: Db, id: number, a: Activity, refs: References): Promise<void> {
  await insertChildren(trx, [{ id, activity: a }], refs);
}

/**
 * Writes every part of many activities except their relations. Everything is checked first (the
 * organisations they name, the sources they quote), so a refused list writes nothing. With
 * `later` the rows go there (written by its flush; on SQLite at once); without, they are written
 * before this returns. Rows that other rows point at get reserved ids on PostgreSQL and are
 * inserted at once with RETURNING on SQLite.
 */
export async function insertChildren(trx: Db, items: WrittenActivity[], refs: References, later?: DeferredWrites): Promise<void> {
  const problems = items.flatMap(({ activity: a }) => unknownOrganisations(a, refs, `activity ${a.slug}`));
  if (problems.length) throw new ValidationError(problems);
  const orgId = (slug: string): number => refs.organisations.get(slug)!;

  const texts: Row<'activity_texts'>[] = [];
  const dates: Row<'activity_dates'>[] = [];
  const countries: Row<'activity_countries'>[] = [];
  const regions: Row<'activity_regions'>[] = [];
  const participations: Row<'participations'>[] = [];
  const fundings: Row<'fundings'>[] = [];
  const alignments: Row<'alignments'>[] = [];
  const keyFigures: Row<'key_figures'>[] = [];
  const results: Row<'results'>[] = [];
  const engagements: Row<'engagements'>[] = [];
  const documents: Row<'documents'>[] = [];
  const otherIdentifiers: Row<'other_identifiers'>[] = [];
  const reporters: Row<'activity_reporters'>[] = [];
  const provenance: ProvenanceRow[] = [];

  for (const { id, activity: a } of items) {
    const groups: ProvenanceGroup[] = [];
    for (const lang of ['sv', 'en'] as const) {
      const t = a.texts[lang];
      if (!t) continue;
      texts.push({
        activity_id: id, lang,
        title: t.title ?? null, acronym: t.acronym ?? null, summary: t.summary ?? null,
        description: t.description ?? null, objectives: t.objectives ?? null,
      });
    }
    for (const [field, type] of DATE_FIELDS) {
      const d: FuzzyDate | undefined = a.dates[field];
      if (d) dates.push({ activity_id: id, date_type: type, from_date: d.from, to_date: d.to, precision: d.precision, phrase: d.phrase });
    }
    a.countries.forEach((c, position) => countries.push({ activity_id: id, position, country_code: c.code, percentage: c.percentage ?? null }));
    a.regions.forEach((region_code, position) => regions.push({ activity_id: id, position, region_code }));
    a.participations.forEach((p, position) => {
      const note = toColumns(p.note);
      participations.push({
        activity_id: id, position, organisation_id: orgId(p.organisation),
        role: p.role, iati_role: IATI_ORGANISATION_ROLE[p.role], note_sv: note.sv, note_en: note.en,
      });
      groups.push({ subject: 'participations', subject_position: position, field: null, items: p.provenance });
    });
    a.funding.forEach((f, position) => {
      const note = toColumns(f.note);
      fundings.push({
        activity_id: id, position, instrument: f.instrument,
        funder_id: f.funder === undefined ? null : orgId(f.funder),
        via_id: f.via === undefined ? null : orgId(f.via),
        co_financing: f.coFinancing ? 1 as const : 0 as const, note_sv: note.sv, note_en: note.en,
      });
      groups.push({ subject: 'funding', subject_position: position, field: null, items: f.provenance });
    });
    a.alignment.forEach((al, position) => {
      alignments.push({ activity_id: id, position, framework: al.framework, code: al.code, basis: al.basis });
      groups.push({ subject: 'alignment', subject_position: position, field: null, items: al.provenance });
    });
    a.keyFigures.forEach((k, position) => {
      const unit = toColumns(k.unit);
      const label = toColumns(k.label);
      keyFigures.push({
        activity_id: id, position, value: k.value, unit_sv: unit.sv, unit_en: unit.en, currency: k.currency ?? null, label_sv: label.sv, label_en: label.en,
        as_of_from: k.asOf?.from ?? null, as_of_to: k.asOf?.to ?? null, as_of_precision: k.asOf?.precision ?? null,
        as_of_phrase: k.asOf?.phrase ?? null, cumulative: k.cumulative ? 1 as const : 0 as const, source_note: k.source ?? null,
      });
      groups.push({ subject: 'keyFigures', subject_position: position, field: null, items: k.provenance });
    });
    a.results.forEach((r, position) => {
      const title = toColumns(r.title);
      const description = toColumns(r.description);
      results.push({
        activity_id: id, position, result_type: r.type, title_sv: title.sv, title_en: title.en,
        description_sv: description.sv, description_en: description.en,
      });
      groups.push({ subject: 'results', subject_position: position, field: null, items: r.provenance });
    });
    a.engagements.forEach((e, position) => {
      const title = toColumns(e.title);
      const topic = toColumns(e.topic);
      const place = toColumns(e.place);
      engagements.push({
        activity_id: id, position, kind: e.kind, title_sv: title.sv, title_en: title.en, topic_sv: topic.sv, topic_en: topic.en,
        date_from: e.date?.from ?? null, date_to: e.date?.to ?? null, date_precision: e.date?.precision ?? null,
        date_phrase: e.date?.phrase ?? null, count: e.count ?? null, place_sv: place.sv, place_en: place.en, format: e.format ?? null,
        registrations: e.registrations ?? null, participants: e.participants ?? null,
      });
      groups.push({ subject: 'engagements', subject_position: position, field: null, items: e.provenance });
    });
    a.otherIdentifiers.forEach((o, position) => {
      otherIdentifiers.push({ activity_id: id, position, ref: o.ref, type: o.type, owner_id: o.owner === undefined ? null : orgId(o.owner) });
    });
    if (a.reportedBy !== undefined) reporters.push({ activity_id: id, organisation_id: orgId(a.reportedBy) });
    a.documents.forEach((d, position) => {
      const title = toColumns(d.title);
      documents.push({
        activity_id: id, position, url: d.url, title_sv: title.sv, title_en: title.en, language: d.language ?? null,
        category: d.category ?? null, format: d.format ?? null, document_date: d.date ?? null,
      });
      groups.push({ subject: 'documents', subject_position: position, field: null, items: d.provenance });
    });
    // Activity-level provenance keeps its order across fields: one group per sentence.
    groups.push(...a.provenance.map((p) => ({ subject: 'activity', subject_position: null, field: p.field, items: [p] })));
    provenance.push(...provenanceRows({ activity_id: id, organisation_id: null }, groups, refs, `activity ${a.slug}`, problems));
  }
  if (problems.length) throw new ValidationError(problems);
  await withDeferredWrites(trx, later, async (writes) => {
    await writes.insert('activity_texts', texts);
    await writes.insert('activity_dates', dates);
    await writes.insert('activity_countries', countries);
    await writes.insert('activity_regions', regions);
    await writes.insert('participations', participations);
    await writes.insert('alignments', alignments);
    await writes.insert('key_figures', keyFigures);
    await writes.insert('documents', documents);
    await writes.insert('other_identifiers', otherIdentifiers);
    await writes.insert('activity_reporters', reporters);
    await writes.insert('provenance', provenance);

    const indicatorCount = items.reduce((n, { activity: a }) => n + a.results.reduce((m, r) => m + r.indicators.length, 0), 0);
    await writes.reserveAhead({ fundings: fundings.length, results: results.length, indicators: indicatorCount, engagements: engagements.length });
    const fundingIds = await insertReturning(trx, writes, 'fundings', fundings, 'activity_id');
    const flows = items.flatMap(({ id, activity: a }) => a.funding.flatMap((f, position) => f.flows.map((flow, i) => {
      const flowNote = toColumns(flow.note);
      return {
        funding_id: fundingIds.get(key(id, position))!, position: i, kind: flow.kind, amount: flow.amount, currency: flow.currency,
        value_date: flow.valueDate, period_start: flow.periodStart ?? null, period_end: flow.periodEnd ?? null,
        note_sv: flowNote.sv, note_en: flowNote.en,
      };
    })));
    await writes.insert('funding_flows', flows);

    const resultIds = await insertReturning(trx, writes, 'results', results, 'activity_id');
    const indicators = items.flatMap(({ id, activity: a }) => a.results.flatMap((r, position) => r.indicators.map((ind, i) => {
      const indTitle = toColumns(ind.title);
      const baselineComment = toColumns(ind.baseline?.comment);
      return {
        result_id: resultIds.get(key(id, position))!, position: i, title_sv: indTitle.sv, title_en: indTitle.en, measure: ind.measure,
        ascending: ind.ascending ? 1 as const : 0 as const, baseline_year: ind.baseline?.year ?? null, baseline_value: ind.baseline?.value ?? null,
        baseline_comment_sv: baselineComment.sv, baseline_comment_en: baselineComment.en,
      };
    })));
    const indicatorIds = await insertReturning(trx, writes, 'indicators', indicators, 'result_id');
    const periods = items.flatMap(({ id, activity: a }) => a.results.flatMap((r, position) => r.indicators.flatMap((ind, i) => ind.periods.map((p, j) => {
      const comment = toColumns(p.comment);
      return {
        indicator_id: indicatorIds.get(key(resultIds.get(key(id, position))!, i))!, position: j, period_start: p.start, period_end: p.end,
        target_value: p.target ?? null, actual_value: p.actual ?? null, comment_sv: comment.sv, comment_en: comment.en,
      };
    }))));
    await writes.insert('indicator_periods', periods);

    const engagementIds = await insertReturning(trx, writes, 'engagements', engagements, 'activity_id');
    const homes = items.flatMap(({ id, activity: a }) => a.engagements.flatMap((e, position) => e.homeOrganisations.map((slug, i) => ({
      engagement_id: engagementIds.get(key(id, position))!, position: i, organisation_id: orgId(slug),
    }))));
    await writes.insert('engagement_organisations', homes);
    const featured = items.flatMap(({ id, activity: a }) => a.engagements.flatMap((e, position) => e.countriesFeatured.map((country_code, i) => ({
      engagement_id: engagementIds.get(key(id, position))!, position: i, country_code,
    }))));
    await writes.insert('engagement_countries', featured);
  });
}

/** Every organisation an activity names must exist before anything of it is written. */
function unknownOrganisations(a: Activity, refs: References, record: string): FieldProblem[] {
  return namedOrganisations(a).filter(([slug]) => !refs.organisations.has(slug)).map(([slug, path]) => ({
    code: 'unknown-organisation', record, path,
    message: { sv: `Organisationen "${slug}" finns inte.`, en: `Organisation "${slug}" does not exist.` },
  }));
}

// ---------------------------------------------------------------------------------------------
// Relations.

/** Writes relations once every activity they may point at has an id. */
export async function insertRelations(trx: Db, id: number, a: Activity, refs: References): Promise<void> {
  await insertRelationsOf(trx, [{ id, activity: a }], refs);
}

/**
 * The relations of many activities, checked first and then written with one INSERT per table:
 * by `later`'s flush when given, else before this returns.
 */
export async function insertRelationsOf(trx: Db, items: WrittenActivity[], refs: References, later?: DeferredWrites): Promise<void> {
  const problems: FieldProblem[] = [];
  const rows: Row<'relations'>[] = [];
  const provenance: ProvenanceRow[] = [];
  for (const { id, activity: a } of items) {
    const record = `activity ${a.slug}`;
    const groups: ProvenanceGroup[] = [];
    for (const [position, r] of a.relations.entries()) {
      const note = toColumns(r.note);
      let target_activity_id: number | null = null;
      let target_organisation_id: number | null = null;
      let name = { sv: null as string | null, en: null as string | null };
      let target_iati_identifier: string | null = null;
      if ('activity' in r.target) {
        target_activity_id = refs.activities.get(r.target.activity) ?? null;
        if (target_activity_id === null) {
          problems.push({ code: 'unknown-activity', record, path: `relations.${position}.target.activity`, message: { sv: `Aktiviteten "${r.target.activity}" finns inte.`, en: `Activity "${r.target.activity}" does not exist.` } });
          continue;
        }
      } else {
        name = toColumns(r.target.external.name);
        target_iati_identifier = r.target.external.iatiIdentifier ?? null;
        const org = r.target.external.organisation;
        if (org !== undefined) {
          target_organisation_id = refs.organisations.get(org) ?? null;
          if (target_organisation_id === null) {
            problems.push({ code: 'unknown-organisation', record, path: `relations.${position}.target.external.organisation`, message: { sv: `Organisationen "${org}" finns inte.`, en: `Organisation "${org}" does not exist.` } });
            continue;
          }
        }
      }
      rows.push({
        activity_id: id, position, relation_type: r.type, target_activity_id, target_name_sv: name.sv, target_name_en: name.en,
        target_iati_identifier, target_organisation_id, basis: r.basis, note_sv: note.sv, note_en: note.en,
      });
      groups.push({ subject: 'relations', subject_position: position, field: null, items: r.provenance });
    }
    // Relation provenance is numbered on its own, as when relations are written after the rest.
    provenance.push(...provenanceRows({ activity_id: id, organisation_id: null }, groups, refs, record, problems));
  }
  if (problems.length) throw new ValidationError(problems);
  await withDeferredWrites(trx, later, async (writes) => {
    await writes.insert('relations', rows);
    await writes.insert('provenance', provenance);
  });
}

/**
 * Rewrites one activity's relations (e.g. once the activities they point at exist) and records
 * the hash of the document now stored. The version is the caller's business.
 */
export async function replaceRelations(trx: Db, id: number, a: Activity, refs: References): Promise<void> {
  await trx.deleteFrom('provenance').where('activity_id', '=', id).where('subject', '=', 'relations').execute();
  await trx.deleteFrom('relations').where('activity_id', '=', id).execute();
  await insertRelationsOf(trx, [{ id, activity: a }], refs);
  await trx.updateTable('activities').set({ content_hash: contentHash(a) }).where('id', '=', id).execute();
}

/**
 * Fills in the content hash of activities that have none (stored before hashes were kept, or by
 * a writer that does not keep them), from the documents read back. Returns how many it filled.
 */
export async function storeContentHashes(db: Db): Promise<number> {
  let filled = 0;
  for (let lastId = 0; ;) {
    const rows = await db.selectFrom('activities').selectAll().where('content_hash', 'is', null).where('id', '>', lastId).orderBy('id').limit(500).execute();
    if (!rows.length) return filled;
    lastId = rows.at(-1)!.id;
    const activities = await readActivities(db, rows);
    for (const [i, a] of activities.entries()) {
      await db.updateTable('activities').set({ content_hash: contentHash(a) }).where('id', '=', rows[i]!.id).execute();
    }
    filled += rows.length;
  }
}
