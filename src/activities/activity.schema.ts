/**
 * The one schema for an activity and everything that belongs to it. The seed file, the JSON
 * importer, the API and the forms all validate with it; the stored and exported shape is its output.
 */
import { z } from 'zod';
import {
  ACTIVITY_KINDS, ACTIVITY_STATUSES, ALIGNMENT_FRAMEWORKS, BASES, ENGAGEMENT_KINDS, FLOW_KINDS,
  INDICATOR_MEASURES, INSTRUMENTS, OPEN_CODELISTS, PARTICIPATION_ROLES, RELATION_TYPES, RESULT_TYPES, codesOf,
} from '../reference/codes.ts';
import { findObjective } from '../reference/frameworks.ts';
import { CURRENCY_CODES, REGION_NAMES } from '../reference/iati-codes.generated.ts';
import { REGION_CODES } from '../reference/regions.ts';
import { FuzzyDateError, PRECISIONS, isFuzzyDate, parseFuzzyDate, parsePeriod, type FuzzyDate } from '../dates/fuzzy-date.ts';
import { countryCode, recordMeta, webAddress } from '../organisations/organisation.schema.ts';
import { addProblem, bilingual, decimal, isoDay, openCode, provenance, slug, text } from '../shared/schema-helpers.ts';

/** The activity-level facts a sentence can stand behind. */
export const PROVENANCE_FIELDS = ['title', 'acronym', 'kind', 'status', 'dates', 'countries', 'regions', 'summary', 'description', 'objectives'] as const;

const fuzzyDateObject = z.strictObject({
  from: isoDay, to: isoDay, precision: z.enum(PRECISIONS), phrase: text(200),
});

/** A bound is written either as words ("hösten 2022") or as the stored object. */
export const fuzzyDate = z.union([z.string(), fuzzyDateObject]).transform((value, ctx): FuzzyDate => {
  if (typeof value !== 'string') {
    if (!isFuzzyDate(value)) addProblem(ctx, 'date-range', { sv: 'Datumintervallet slutar före det börjar.', en: 'The date range ends before it starts.' });
    return value;
  }
  try {
    return parseFuzzyDate(value);
  } catch (error) {
    if (!(error instanceof FuzzyDateError)) throw error;
    addProblem(ctx, error.code, error.messages);
    return z.NEVER;
  }
});

const datesInput = z.strictObject({
  /** A whole period in words ("1 juli 2021–15 juni 2022", "1,5 år, avslutades i mars 2016"). */
  planned: z.string().optional(),
  actual: z.string().optional(),
  plannedStart: fuzzyDate.optional(),
  plannedEnd: fuzzyDate.optional(),
  actualStart: fuzzyDate.optional(),
  actualEnd: fuzzyDate.optional(),
});

export interface ActivityDates {
  plannedStart?: FuzzyDate | undefined;
  plannedEnd?: FuzzyDate | undefined;
  actualStart?: FuzzyDate | undefined;
  actualEnd?: FuzzyDate | undefined;
}

const dates = datesInput.transform((input, ctx): ActivityDates => {
  const out: ActivityDates = {
    plannedStart: input.plannedStart, plannedEnd: input.plannedEnd,
    actualStart: input.actualStart, actualEnd: input.actualEnd,
  };
  for (const which of ['planned', 'actual'] as const) {
    const phrase = input[which];
    if (phrase === undefined) continue;
    try {
      const period = parsePeriod(phrase);
      out[`${which}Start`] ??= period.start;
      out[`${which}End`] ??= period.end;
    } catch (error) {
      if (!(error instanceof FuzzyDateError)) throw error;
      addProblem(ctx, error.code, error.messages, [which]);
    }
  }
  for (const which of ['planned', 'actual'] as const) {
    const start = out[`${which}Start`];
    const end = out[`${which}End`];
    if (start && end && end.to < start.from) {
      addProblem(ctx, 'end-before-start', {
        sv: `Slutet (${end.phrase}) ligger före starten (${start.phrase}).`,
        en: `The end (${end.phrase}) is before the start (${start.phrase}).`,
      }, [`${which}End`]);
    }
  }
  // Only the bounds there are, in this order (the stored shape).
  const present: ActivityDates = {};
  if (out.plannedStart !== undefined) present.plannedStart = out.plannedStart;
  if (out.plannedEnd !== undefined) present.plannedEnd = out.plannedEnd;
  if (out.actualStart !== undefined) present.actualStart = out.actualStart;
  if (out.actualEnd !== undefined) present.actualEnd = out.actualEnd;
  return present;
});

const textsOneLang = z.strictObject({
  title: text(400).optional(),
  acronym: text(60).optional(),
  summary: text(2000).optional(),
  description: text(20_000).optional(),
  objectives: text(10_000).optional(),
});

const provenances = z.array(provenance).default([]);

const participation = z.strictObject({
  organisation: slug,
  role: z.enum(codesOf(PARTICIPATION_ROLES)),
  note: bilingual(1000).optional(),
  provenance: provenances,
});

const flow = z.strictObject({
  kind: z.enum(FLOW_KINDS.map((f) => f.code) as [string, ...string[]]),
  amount: decimal,
  currency: z.enum(CURRENCY_CODES as [string, ...string[]]),
  valueDate: isoDay,
  periodStart: isoDay.optional(),
  periodEnd: isoDay.optional(),
  note: bilingual(1000).optional(),
}).superRefine((f, ctx) => {
  if (f.periodStart && f.periodEnd && f.periodEnd < f.periodStart) {
    addProblem(ctx, 'end-before-start', { sv: 'Perioden slutar före den börjar.', en: 'The period ends before it starts.' }, ['periodEnd']);
  }
});

const funding = z.strictObject({
  instrument: z.enum(codesOf(INSTRUMENTS)),
  funder: slug.optional(),
  via: slug.optional(),
  coFinancing: z.boolean().default(false),
  note: bilingual(2000).optional(),
  flows: z.array(flow).default([]),
  provenance: provenances,
});

const relationTarget = z.union([
  z.strictObject({ activity: slug }),
  // An external activity's name is its title, as long as a title may be.
  z.strictObject({ external: z.strictObject({ name: bilingual(400), iatiIdentifier: text(200).optional(), organisation: slug.optional() }) }),
]);

const relation = z.strictObject({
  type: z.enum(RELATION_TYPES.map((r) => r.code) as [string, ...string[]]),
  target: relationTarget,
  basis: z.enum(codesOf(BASES)).default('stated'),
  note: bilingual(1000).optional(),
  provenance: provenances,
});

const alignment = z.strictObject({
  framework: z.enum(codesOf(ALIGNMENT_FRAMEWORKS)),
  code: z.string().min(1).max(10),
  basis: z.enum(codesOf(BASES)).default('assessed'),
  provenance: provenances,
}).superRefine((a, ctx) => {
  if (!findObjective(a.framework, a.code)) {
    addProblem(ctx, 'unknown-code', { sv: `Okänt mål ${a.code} i ${a.framework}.`, en: `Unknown objective ${a.code} in ${a.framework}.` }, ['code']);
  }
});

const keyFigure = z.strictObject({
  value: z.number().finite(),
  unit: bilingual(120),
  /** Set when the figure is an amount of money. */
  currency: z.enum(CURRENCY_CODES as [string, ...string[]]).optional(),
  label: bilingual(300).optional(),
  asOf: fuzzyDate.optional(),
  cumulative: z.boolean().default(false),
  source: text(500).optional(),
  provenance: provenances,
});

const indicatorPeriod = z.strictObject({
  start: isoDay, end: isoDay,
  target: decimal.optional(), actual: decimal.optional(),
  comment: bilingual(1000).optional(),
});

const indicator = z.strictObject({
  title: bilingual(400),
  measure: z.enum(codesOf(INDICATOR_MEASURES)).default('unit'),
  ascending: z.boolean().default(true),
  baseline: z.strictObject({ year: z.number().int().min(1900).max(2100), value: decimal.optional(), comment: bilingual(1000).optional() }).optional(),
  periods: z.array(indicatorPeriod).default([]),
});

const result = z.strictObject({
  type: z.enum(codesOf(RESULT_TYPES)),
  title: bilingual(400),
  description: bilingual(4000).optional(),
  indicators: z.array(indicator).default([]),
  provenance: provenances,
});

const engagement = z.strictObject({
  kind: z.enum(codesOf(ENGAGEMENT_KINDS)),
  title: bilingual(400).optional(),
  topic: bilingual(400).optional(),
  date: fuzzyDate.optional(),
  /** How many took place, when the source gives a number rather than a list ("66 expert missions"). */
  count: z.number().int().min(1).optional(),
  place: bilingual(200).optional(),
  format: text(100).optional(),
  homeOrganisations: z.array(slug).default([]),
  registrations: z.number().int().min(0).optional(),
  participants: z.number().int().min(0).optional(),
  countriesFeatured: z.array(countryCode).default([]),
  provenance: provenances,
});

const document = z.strictObject({
  url: webAddress,
  title: bilingual(400),
  // Open codelists (OPEN_CODELISTS): a code the registry's copy of the list lacks is kept, and reported by check.
  language: openCode(OPEN_CODELISTS.Language).optional(),
  category: openCode(OPEN_CODELISTS.DocumentCategory).optional(),
  format: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: 'invalid' }).optional(),
  date: isoDay.optional(),
  provenance: provenances,
});

/** Another identifier of the activity, such as the grant number the EU gave it, with the organisation that issued it. */
const otherIdentifier = z.strictObject({
  ref: text(200),
  // An open codelist too, except A1: the activity's own identifier, which the IATI export makes of its slug.
  type: openCode(OPEN_CODELISTS.OtherIdentifierType).refine((t) => t !== 'A1', { error: 'other-identifier-a1' }),
  owner: slug.optional(),
});

const countryShare = z.strictObject({ code: countryCode, percentage: z.number().min(0).max(100).optional() });

export const activitySchema = z.strictObject({
  slug,
  iatiIdentifier: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'invalid' }).max(200),
  otherIdentifiers: z.array(otherIdentifier).default([]),
  /**
   * The organisation that publishes the activity in IATI, when it is not the registry's own
   * reporting organisation (an activity imported from a partner's file): the IATI export leaves
   * it to its publisher.
   */
  reportedBy: slug.optional(),
  kind: z.enum(codesOf(ACTIVITY_KINDS)),
  status: z.enum(codesOf(ACTIVITY_STATUSES)),
  /** 'deleted' is a soft deletion (decision 001); editing sets the publication, never the author. */
  publication: z.enum(['draft', 'published', 'deleted']).default('published'),
  /** True when the source gave no name and the title is a descriptive one we wrote. */
  workingTitle: z.boolean().default(false),
  texts: z.strictObject({ sv: textsOneLang.optional(), en: textsOneLang.optional() }),
  dates: dates.default({}),
  countries: z.array(countryShare).default([]),
  regions: z.array(z.enum(REGION_CODES)).default([]),
  participations: z.array(participation).default([]),
  funding: z.array(funding).default([]),
  relations: z.array(relation).default([]),
  alignment: z.array(alignment).default([]),
  keyFigures: z.array(keyFigure).default([]),
  results: z.array(result).default([]),
  engagements: z.array(engagement).default([]),
  documents: z.array(document).default([]),
  /** Sentences behind activity-level facts (name, kind, status, dates, countries), by field. */
  provenance: z.array(provenance.extend({ field: z.enum(PROVENANCE_FIELDS) })).default([]),
  meta: recordMeta.optional(),
}).superRefine((a, ctx) => {
  const seen = new Set<string>();
  a.countries.forEach((c, i) => {
    if (seen.has(c.code)) addProblem(ctx, 'duplicate', { sv: `Landet ${c.code} finns två gånger.`, en: `Country ${c.code} is listed twice.` }, ['countries', i, 'code']);
    seen.add(c.code);
  });
});

export type ActivityInput = z.input<typeof activitySchema>;
export type Activity = z.output<typeof activitySchema>;
export type Participation = Activity['participations'][number];
export type Funding = Activity['funding'][number];
export type Relation = Activity['relations'][number];
export type KeyFigure = Activity['keyFigures'][number];
export type Engagement = Activity['engagements'][number];
export type Result = Activity['results'][number];
export type ActivityDocumentLink = Activity['documents'][number];
export type OtherIdentifier = Activity['otherIdentifiers'][number];
export type ActivityTexts = z.output<typeof textsOneLang>;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];
export { REGION_NAMES };
