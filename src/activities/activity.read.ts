/**
 * Reading activities back into the document shape of activity.schema.ts, many at a time: each
 * child table is read once per batch of activities, never once per activity.
 */
import type { FuzzyDate, Precision } from '../dates/fuzzy-date.ts';
import type { ActivityRow, Db } from '../db/database.ts';
import type { ActivityKind, ActivityStatus, Basis, DateType } from '../reference/codes.ts';
import { fromColumns, requiredFromColumns } from '../shared/bilingual.ts';
import type { Provenance } from '../shared/schema-helpers.ts';
import type { Activity, ActivityDates, ActivityTexts, ProvenanceField } from './activity.schema.ts';

const BATCH = 500;

function fuzzy(from: string | null, to: string | null, precision: string | null, phrase: string | null): FuzzyDate | undefined {
  if (from === null || to === null || precision === null || phrase === null) return undefined;
  return { from, to, precision: precision as Precision, phrase };
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function byPosition<T extends { position: number }>(rows: T[] | undefined): T[] {
  return (rows ?? []).sort((a, b) => a.position - b.position);
}

/** Drops undefined properties so documents compare and serialise the same whichever way they were made. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Bounds in the order people read them, so every export lists them the same way. */
const DATE_ORDER: [DateType, keyof ActivityDates][] = [
  ['planned-start', 'plannedStart'], ['planned-end', 'plannedEnd'], ['actual-start', 'actualStart'], ['actual-end', 'actualEnd'],
];

export interface ReadOptions {
  /**
   * For a migration that runs on an older schema: the first migration whose tables are not there
   * yet (from 2026120301_other_identifiers on). What they would hold is then absent from every
   * activity.
   */
  before?: '2026120301_other_identifiers' | '2026120401_activity_reporters';
}

export async function readActivities(db: Db, rows: ActivityRow[], options: ReadOptions = {}): Promise<Activity[]> {
  const out: Activity[] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(...await readBatch(db, rows.slice(i, i + BATCH), options));
  return out;
}

async function readBatch(db: Db, rows: ActivityRow[], options: ReadOptions): Promise<Activity[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const has = (migration: NonNullable<ReadOptions['before']>) => options.before === undefined || migration < options.before;
  const [texts, dates, countries, regions, participations, fundings, relations, alignments, keyFigures, results, engagements, documents, otherIdentifiers, reporters, provenance] = await Promise.all([
    db.selectFrom('activity_texts').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('activity_dates').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('activity_countries').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('activity_regions').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('participations').innerJoin('organisations', 'organisations.id', 'participations.organisation_id')
      .select(['participations.activity_id', 'participations.position', 'participations.role', 'participations.note_sv', 'participations.note_en', 'organisations.slug as organisation'])
      .where('participations.activity_id', 'in', ids).execute(),
    db.selectFrom('fundings')
      .leftJoin('organisations as funder', 'funder.id', 'fundings.funder_id')
      .leftJoin('organisations as via', 'via.id', 'fundings.via_id')
      .select(['fundings.id', 'fundings.activity_id', 'fundings.position', 'fundings.instrument', 'fundings.co_financing', 'fundings.note_sv', 'fundings.note_en', 'funder.slug as funder', 'via.slug as via'])
      .where('fundings.activity_id', 'in', ids).execute(),
    db.selectFrom('relations')
      .leftJoin('activities as target', 'target.id', 'relations.target_activity_id')
      .leftJoin('organisations as org', 'org.id', 'relations.target_organisation_id')
      .selectAll('relations').select(['target.slug as target_slug', 'org.slug as target_org'])
      .where('relations.activity_id', 'in', ids).execute(),
    db.selectFrom('alignments').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('key_figures').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('results').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('engagements').selectAll().where('activity_id', 'in', ids).execute(),
    db.selectFrom('documents').selectAll().where('activity_id', 'in', ids).execute(),
    !has('2026120301_other_identifiers') ? [] : db.selectFrom('other_identifiers').leftJoin('organisations', 'organisations.id', 'other_identifiers.owner_id')
      .select(['other_identifiers.activity_id', 'other_identifiers.position', 'other_identifiers.ref', 'other_identifiers.type', 'organisations.slug as owner'])
      .where('other_identifiers.activity_id', 'in', ids).execute(),
    !has('2026120401_activity_reporters') ? [] : db.selectFrom('activity_reporters').innerJoin('organisations', 'organisations.id', 'activity_reporters.organisation_id')
      .select(['activity_reporters.activity_id', 'organisations.slug']).where('activity_reporters.activity_id', 'in', ids).execute(),
    db.selectFrom('provenance').innerJoin('sources', 'sources.id', 'provenance.source_id')
      .select(['provenance.activity_id', 'provenance.subject', 'provenance.subject_position', 'provenance.field', 'provenance.position', 'provenance.quote', 'sources.slug as source'])
      .where('provenance.activity_id', 'in', ids).execute(),
  ]);

  const fundingIds = fundings.map((f) => f.id);
  const resultIds = results.map((r) => r.id);
  const engagementIds = engagements.map((e) => e.id);
  const [flows, indicators, engagementOrgs, engagementCountries] = await Promise.all([
    fundingIds.length ? db.selectFrom('funding_flows').selectAll().where('funding_id', 'in', fundingIds).execute() : [],
    resultIds.length ? db.selectFrom('indicators').selectAll().where('result_id', 'in', resultIds).execute() : [],
    engagementIds.length ? db.selectFrom('engagement_organisations').innerJoin('organisations', 'organisations.id', 'engagement_organisations.organisation_id')
      .select(['engagement_organisations.engagement_id', 'engagement_organisations.position', 'organisations.slug'])
      .where('engagement_organisations.engagement_id', 'in', engagementIds).execute() : [],
    engagementIds.length ? db.selectFrom('engagement_countries').selectAll().where('engagement_id', 'in', engagementIds).execute() : [],
  ]);
  const indicatorIds = indicators.map((i) => i.id);
  const periods = indicatorIds.length ? await db.selectFrom('indicator_periods').selectAll().where('indicator_id', 'in', indicatorIds).execute() : [];

  const textsBy = groupBy(texts, (r) => r.activity_id);
  const datesBy = groupBy(dates, (r) => r.activity_id);
  const countriesBy = groupBy(countries, (r) => r.activity_id);
  const regionsBy = groupBy(regions, (r) => r.activity_id);
  const participationsBy = groupBy(participations, (r) => r.activity_id);
  const fundingsBy = groupBy(fundings, (r) => r.activity_id);
  const relationsBy = groupBy(relations, (r) => r.activity_id);
  const alignmentsBy = groupBy(alignments, (r) => r.activity_id);
  const keyFiguresBy = groupBy(keyFigures, (r) => r.activity_id);
  const resultsBy = groupBy(results, (r) => r.activity_id);
  const engagementsBy = groupBy(engagements, (r) => r.activity_id);
  const documentsBy = groupBy(documents, (r) => r.activity_id);
  const otherIdentifiersBy = groupBy(otherIdentifiers, (r) => r.activity_id);
  const reporterOf = new Map(reporters.map((r) => [r.activity_id, r.slug]));
  const provenanceBy = groupBy(provenance, (r) => `${r.activity_id}/${r.subject}/${r.subject_position ?? ''}`);
  const flowsBy = groupBy(flows, (r) => r.funding_id);
  const indicatorsBy = groupBy(indicators, (r) => r.result_id);
  const periodsBy = groupBy(periods, (r) => r.indicator_id);
  const engagementOrgsBy = groupBy(engagementOrgs, (r) => r.engagement_id);
  const engagementCountriesBy = groupBy(engagementCountries, (r) => r.engagement_id);

  const quotes = (activityId: number, subject: string, position: number | null): Provenance[] =>
    byPosition(provenanceBy.get(`${activityId}/${subject}/${position ?? ''}`)).map((p) => ({ source: p.source, quote: p.quote }));

  return rows.map((row): Activity => {
    const id = row.id;
    const activityTexts: Activity['texts'] = {};
    for (const t of textsBy.get(id) ?? []) {
      const lang = t.lang as 'sv' | 'en';
      activityTexts[lang] = compact<ActivityTexts>({
        title: t.title ?? undefined, acronym: t.acronym ?? undefined, summary: t.summary ?? undefined,
        description: t.description ?? undefined, objectives: t.objectives ?? undefined,
      });
    }
    const activityDates: ActivityDates = {};
    const dateRows = new Map((datesBy.get(id) ?? []).map((d) => [d.date_type as DateType, d]));
    for (const [type, key] of DATE_ORDER) {
      const d = dateRows.get(type);
      if (d) activityDates[key] = { from: d.from_date, to: d.to_date, precision: d.precision as Precision, phrase: d.phrase };
    }
    return compact<Activity>({
      slug: row.slug,
      iatiIdentifier: row.iati_identifier,
      otherIdentifiers: byPosition(otherIdentifiersBy.get(id)).map((o) => compact({
        ref: o.ref, type: o.type as Activity['otherIdentifiers'][number]['type'], owner: o.owner ?? undefined,
      })),
      reportedBy: reporterOf.get(id),
      kind: row.kind as ActivityKind,
      status: row.status as ActivityStatus,
      publication: row.publication as Activity['publication'],
      workingTitle: row.working_title === 1,
      texts: activityTexts,
      dates: activityDates,
      countries: byPosition(countriesBy.get(id)).map((c) => compact({ code: c.country_code, percentage: c.percentage ?? undefined })),
      regions: byPosition(regionsBy.get(id)).map((r) => r.region_code),
      participations: byPosition(participationsBy.get(id)).map((p) => compact({
        organisation: p.organisation, role: p.role as Activity['participations'][number]['role'],
        note: fromColumns(p.note_sv, p.note_en), provenance: quotes(id, 'participations', p.position),
      })),
      funding: byPosition(fundingsBy.get(id)).map((f) => compact({
        instrument: f.instrument as Activity['funding'][number]['instrument'],
        funder: f.funder ?? undefined, via: f.via ?? undefined, coFinancing: f.co_financing === 1,
        note: fromColumns(f.note_sv, f.note_en),
        flows: byPosition(flowsBy.get(f.id)).map((fl) => compact({
          kind: fl.kind, amount: fl.amount, currency: fl.currency, valueDate: fl.value_date,
          periodStart: fl.period_start ?? undefined, periodEnd: fl.period_end ?? undefined, note: fromColumns(fl.note_sv, fl.note_en),
        })),
        provenance: quotes(id, 'funding', f.position),
      })),
      relations: byPosition(relationsBy.get(id)).map((r) => compact({
        type: r.relation_type,
        target: r.target_slug
          ? { activity: r.target_slug }
          : { external: compact({ name: requiredFromColumns(r.target_name_sv, r.target_name_en), iatiIdentifier: r.target_iati_identifier ?? undefined, organisation: r.target_org ?? undefined }) },
        basis: r.basis as Basis, note: fromColumns(r.note_sv, r.note_en), provenance: quotes(id, 'relations', r.position),
      })),
      alignment: byPosition(alignmentsBy.get(id)).map((a) => ({
        framework: a.framework as Activity['alignment'][number]['framework'], code: a.code, basis: a.basis as Basis,
        provenance: quotes(id, 'alignment', a.position),
      })),
      keyFigures: byPosition(keyFiguresBy.get(id)).map((k) => compact({
        value: k.value, unit: requiredFromColumns(k.unit_sv, k.unit_en), currency: k.currency ?? undefined, label: fromColumns(k.label_sv, k.label_en),
        asOf: fuzzy(k.as_of_from, k.as_of_to, k.as_of_precision, k.as_of_phrase), cumulative: k.cumulative === 1,
        source: k.source_note ?? undefined, provenance: quotes(id, 'keyFigures', k.position),
      })),
      results: byPosition(resultsBy.get(id)).map((r) => compact({
        type: r.result_type as Activity['results'][number]['type'], title: requiredFromColumns(r.title_sv, r.title_en),
        description: fromColumns(r.description_sv, r.description_en),
        indicators: byPosition(indicatorsBy.get(r.id)).map((ind) => compact({
          title: requiredFromColumns(ind.title_sv, ind.title_en),
          measure: ind.measure as Activity['results'][number]['indicators'][number]['measure'],
          ascending: ind.ascending === 1,
          baseline: ind.baseline_year === null ? undefined : compact({
            year: ind.baseline_year, value: ind.baseline_value ?? undefined, comment: fromColumns(ind.baseline_comment_sv, ind.baseline_comment_en),
          }),
          periods: byPosition(periodsBy.get(ind.id)).map((p) => compact({
            start: p.period_start, end: p.period_end, target: p.target_value ?? undefined, actual: p.actual_value ?? undefined,
            comment: fromColumns(p.comment_sv, p.comment_en),
          })),
        })),
        provenance: quotes(id, 'results', r.position),
      })),
      engagements: byPosition(engagementsBy.get(id)).map((e) => compact({
        kind: e.kind as Activity['engagements'][number]['kind'], title: fromColumns(e.title_sv, e.title_en),
        topic: fromColumns(e.topic_sv, e.topic_en), date: fuzzy(e.date_from, e.date_to, e.date_precision, e.date_phrase),
        count: e.count ?? undefined, place: fromColumns(e.place_sv, e.place_en), format: e.format ?? undefined,
        homeOrganisations: byPosition(engagementOrgsBy.get(e.id)).map((o) => o.slug),
        registrations: e.registrations ?? undefined, participants: e.participants ?? undefined,
        countriesFeatured: byPosition(engagementCountriesBy.get(e.id)).map((c) => c.country_code),
        provenance: quotes(id, 'engagements', e.position),
      })),
      documents: byPosition(documentsBy.get(id)).map((d) => compact({
        url: d.url, title: requiredFromColumns(d.title_sv, d.title_en), language: d.language ?? undefined,
        category: d.category ?? undefined, format: d.format ?? undefined, date: d.document_date ?? undefined,
        provenance: quotes(id, 'documents', d.position),
      })),
      provenance: byPosition(provenanceBy.get(`${id}/activity/`)).map((p) => ({ field: p.field as ProvenanceField, source: p.source, quote: p.quote })),
      meta: { version: row.version, createdAt: row.created_at, updatedAt: row.updated_at },
    });
  });
}
