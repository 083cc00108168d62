/**
 * Writing an activity: its row and everything that belongs to it, inside the caller's
 * transaction. Children are replaced as a whole; the activity's version counts the changes.
 */
import type { FuzzyDate } from '../dates/fuzzy-date.ts';
import type { Db } from '../db/database.ts';
import type { References } from '../db/references.ts';
import { insertProvenance, type ProvenanceGroup } from '../provenance/provenance.repository.ts';
import { IATI_ORGANISATION_ROLE, type DateType } from '../reference/codes.ts';
import { toColumns } from '../shared/bilingual.ts';
import { ValidationError, type FieldProblem } from '../shared/errors.ts';
import type { Activity } from './activity.schema.ts';

const DATE_FIELDS: [keyof Activity['dates'], DateType][] = [
  ['plannedStart', 'planned-start'], ['actualStart', 'actual-start'],
  ['plannedEnd', 'planned-end'], ['actualEnd', 'actual-end'],
];

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

/** Inserts a new activity row and returns its id. */
export async function insertActivityRow(trx: Db, a: Activity, now: string): Promise<number> {
  const row = await trx.insertInto('activities').values({
    ...activityRow(a),
    version: a.meta?.version ?? 1,
    created_at: a.meta?.createdAt ?? now,
    updated_at: a.meta?.updatedAt ?? now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActivityRow(trx: Db, id: number, a: Activity, now: string): Promise<void> {
  await trx.updateTable('activities')
    .set((eb) => ({ ...activityRow(a), version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id).execute();
}

const CHILD_TABLES = [
  'activity_texts', 'activity_dates', 'activity_countries', 'activity_regions', 'participations',
  'fundings', 'relations', 'alignments', 'key_figures', 'results', 'engagements', 'documents', 'provenance',
] as const;

export async function deleteActivityChildren(trx: Db, id: number): Promise<void> {
  // Grandchildren (flows, indicators, engagement links) go with their parents by ON DELETE CASCADE.
  for (const table of CHILD_TABLES) await trx.deleteFrom(table).where('activity_id', '=', id).execute();
}

/** Writes every part of the activity except its relations (which need every target to exist). */
export async function insertActivityChildren(trx: Db, id: number, a: Activity, refs: References): Promise<void> {
  const record = `activity ${a.slug}`;
  const problems = unknownOrganisations(a, refs, record);
  if (problems.length) throw new ValidationError(problems);
  const orgId = (slug: string): number => refs.organisations.get(slug)!;
  const provenanceRows: ProvenanceGroup[] = [];

  for (const lang of ['sv', 'en'] as const) {
    const t = a.texts[lang];
    if (!t) continue;
    await trx.insertInto('activity_texts').values({
      activity_id: id, lang,
      title: t.title ?? null, acronym: t.acronym ?? null, summary: t.summary ?? null,
      description: t.description ?? null, objectives: t.objectives ?? null,
    }).execute();
  }
  for (const [field, type] of DATE_FIELDS) {
    const d: FuzzyDate | undefined = a.dates[field];
    if (!d) continue;
    await trx.insertInto('activity_dates').values({
      activity_id: id, date_type: type, from_date: d.from, to_date: d.to, precision: d.precision, phrase: d.phrase,
    }).execute();
  }
  if (a.countries.length) {
    await trx.insertInto('activity_countries').values(a.countries.map((c, position) => ({
      activity_id: id, position, country_code: c.code, percentage: c.percentage ?? null,
    }))).execute();
  }
  if (a.regions.length) {
    await trx.insertInto('activity_regions').values(a.regions.map((region_code, position) => ({ activity_id: id, position, region_code }))).execute();
  }
  for (const [position, p] of a.participations.entries()) {
    const note = toColumns(p.note);
    await trx.insertInto('participations').values({
      activity_id: id, position, organisation_id: orgId(p.organisation),
      role: p.role, iati_role: IATI_ORGANISATION_ROLE[p.role], note_sv: note.sv, note_en: note.en,
    }).execute();
    provenanceRows.push({ subject: 'participations', subject_position: position, field: null, items: p.provenance });
  }
  for (const [position, f] of a.funding.entries()) {
    const note = toColumns(f.note);
    const funding = await trx.insertInto('fundings').values({
      activity_id: id, position, instrument: f.instrument,
      funder_id: f.funder === undefined ? null : orgId(f.funder),
      via_id: f.via === undefined ? null : orgId(f.via),
      co_financing: f.coFinancing ? 1 : 0, note_sv: note.sv, note_en: note.en,
    }).returning('id').executeTakeFirstOrThrow();
    if (f.flows.length) {
      await trx.insertInto('funding_flows').values(f.flows.map((flow, i) => {
        const flowNote = toColumns(flow.note);
        return {
          funding_id: funding.id, position: i, kind: flow.kind, amount: flow.amount, currency: flow.currency,
          value_date: flow.valueDate, period_start: flow.periodStart ?? null, period_end: flow.periodEnd ?? null,
          note_sv: flowNote.sv, note_en: flowNote.en,
        };
      })).execute();
    }
    provenanceRows.push({ subject: 'funding', subject_position: position, field: null, items: f.provenance });
  }
  for (const [position, al] of a.alignment.entries()) {
    await trx.insertInto('alignments').values({ activity_id: id, position, framework: al.framework, code: al.code, basis: al.basis }).execute();
    provenanceRows.push({ subject: 'alignment', subject_position: position, field: null, items: al.provenance });
  }
  for (const [position, k] of a.keyFigures.entries()) {
    const unit = toColumns(k.unit);
    const label = toColumns(k.label);
    await trx.insertInto('key_figures').values({
      activity_id: id, position, value: k.value, unit_sv: unit.sv, unit_en: unit.en, currency: k.currency ?? null, label_sv: label.sv, label_en: label.en,
      as_of_from: k.asOf?.from ?? null, as_of_to: k.asOf?.to ?? null, as_of_precision: k.asOf?.precision ?? null,
      as_of_phrase: k.asOf?.phrase ?? null, cumulative: k.cumulative ? 1 : 0, source_note: k.source ?? null,
    }).execute();
    provenanceRows.push({ subject: 'keyFigures', subject_position: position, field: null, items: k.provenance });
  }
  for (const [position, r] of a.results.entries()) {
    const title = toColumns(r.title);
    const description = toColumns(r.description);
    const result = await trx.insertInto('results').values({
      activity_id: id, position, result_type: r.type, title_sv: title.sv, title_en: title.en,
      description_sv: description.sv, description_en: description.en,
    }).returning('id').executeTakeFirstOrThrow();
    for (const [i, ind] of r.indicators.entries()) {
      const indTitle = toColumns(ind.title);
      const baselineComment = toColumns(ind.baseline?.comment);
      const indicator = await trx.insertInto('indicators').values({
        result_id: result.id, position: i, title_sv: indTitle.sv, title_en: indTitle.en, measure: ind.measure,
        ascending: ind.ascending ? 1 : 0, baseline_year: ind.baseline?.year ?? null, baseline_value: ind.baseline?.value ?? null,
        baseline_comment_sv: baselineComment.sv, baseline_comment_en: baselineComment.en,
      }).returning('id').executeTakeFirstOrThrow();
      if (ind.periods.length) {
        await trx.insertInto('indicator_periods').values(ind.periods.map((p, j) => {
          const comment = toColumns(p.comment);
          return {
            indicator_id: indicator.id, position: j, period_start: p.start, period_end: p.end,
            target_value: p.target ?? null, actual_value: p.actual ?? null, comment_sv: comment.sv, comment_en: comment.en,
          };
        })).execute();
      }
    }
    provenanceRows.push({ subject: 'results', subject_position: position, field: null, items: r.provenance });
  }
  for (const [position, e] of a.engagements.entries()) {
    const title = toColumns(e.title);
    const topic = toColumns(e.topic);
    const place = toColumns(e.place);
    const engagement = await trx.insertInto('engagements').values({
      activity_id: id, position, kind: e.kind, title_sv: title.sv, title_en: title.en, topic_sv: topic.sv, topic_en: topic.en,
      date_from: e.date?.from ?? null, date_to: e.date?.to ?? null, date_precision: e.date?.precision ?? null,
      date_phrase: e.date?.phrase ?? null, count: e.count ?? null, place_sv: place.sv, place_en: place.en, format: e.format ?? null,
      registrations: e.registrations ?? null, participants: e.participants ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    if (e.homeOrganisations.length) {
      await trx.insertInto('engagement_organisations').values(e.homeOrganisations.map((slug, i) => ({
        engagement_id: engagement.id, position: i, organisation_id: orgId(slug),
      }))).execute();
    }
    if (e.countriesFeatured.length) {
      await trx.insertInto('engagement_countries').values(e.countriesFeatured.map((country_code, i) => ({
        engagement_id: engagement.id, position: i, country_code,
      }))).execute();
    }
    provenanceRows.push({ subject: 'engagements', subject_position: position, field: null, items: e.provenance });
  }
  for (const [position, d] of a.documents.entries()) {
    const title = toColumns(d.title);
    await trx.insertInto('documents').values({
      activity_id: id, position, url: d.url, title_sv: title.sv, title_en: title.en, language: d.language ?? null,
      category: d.category ?? null, format: d.format ?? null, document_date: d.date ?? null,
    }).execute();
    provenanceRows.push({ subject: 'documents', subject_position: position, field: null, items: d.provenance });
  }
  // Activity-level provenance keeps its order across fields: one group per sentence.
  provenanceRows.push(...a.provenance.map((p) => ({ subject: 'activity', subject_position: null, field: p.field, items: [p] })));
  await insertProvenance(trx, { activity_id: id, organisation_id: null }, provenanceRows, refs, record, problems);
  if (problems.length) throw new ValidationError(problems);
}

/** Every organisation an activity names must exist before anything of it is written. */
function unknownOrganisations(a: Activity, refs: References, record: string): FieldProblem[] {
  const named: [string, string][] = [
    ...a.participations.map((p, i): [string, string] => [p.organisation, `participations.${i}.organisation`]),
    ...a.funding.flatMap((f, i) => [
      ...(f.funder === undefined ? [] : [[f.funder, `funding.${i}.funder`] as [string, string]]),
      ...(f.via === undefined ? [] : [[f.via, `funding.${i}.via`] as [string, string]]),
    ]),
    ...a.engagements.flatMap((e, i) => e.homeOrganisations.map((o, j): [string, string] => [o, `engagements.${i}.homeOrganisations.${j}`])),
  ];
  return named.filter(([slug]) => !refs.organisations.has(slug)).map(([slug, path]) => ({
    code: 'unknown-organisation', record, path,
    message: { sv: `Organisationen "${slug}" finns inte.`, en: `Organisation "${slug}" does not exist.` },
  }));
}

/** Writes relations once every activity they may point at has an id. */
export async function insertRelations(trx: Db, id: number, a: Activity, refs: References): Promise<void> {
  const problems: FieldProblem[] = [];
  const record = `activity ${a.slug}`;
  const provenanceRows: ProvenanceGroup[] = [];
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
    await trx.insertInto('relations').values({
      activity_id: id, position, relation_type: r.type, target_activity_id, target_name_sv: name.sv, target_name_en: name.en,
      target_iati_identifier, target_organisation_id, basis: r.basis, note_sv: note.sv, note_en: note.en,
    }).execute();
    provenanceRows.push({ subject: 'relations', subject_position: position, field: null, items: r.provenance });
  }
  await insertProvenance(trx, { activity_id: id, organisation_id: null }, provenanceRows, refs, record, problems);
  if (problems.length) throw new ValidationError(problems);
}
