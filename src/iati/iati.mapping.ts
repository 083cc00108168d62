/**
 * The one mapping from a registry activity to IATI 2.03: what each element of the activity file
 * says, computed as plain data. The XML serialiser writes exactly this, and the IATI rules check
 * exactly this, so `samverka check` and the published file can never disagree. Each mapped item
 * keeps the registry field it came from, so a finding can name what to correct.
 */
import type { Activity, ActivityDates, ActivityDocumentLink } from '../activities/activity.schema.ts';
import { anchorEnd, anchorStart, type FuzzyDate } from '../dates/fuzzy-date.ts';
import { formatFuzzyDate } from '../dates/fuzzy-date.format.ts';
import { addDays, isoDay, yearOf } from '../dates/calendar.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import {
  FLOW_KINDS, IATI_ACTIVITY_STATUS, IATI_DATE_TYPE, IATI_ORGANISATION_ROLE, IATI_RESULT_TYPE, RELATION_TYPES,
  type AlignmentFramework, type DateType, type IndicatorMeasure,
} from '../reference/codes.ts';
import { findObjective } from '../reference/frameworks.ts';
import { findRegion } from '../reference/regions.ts';
import { LANGS, type Bilingual, type Lang } from '../shared/i18n.ts';

/** The namespace of everything the registry holds that IATI has no element for (see README.md). */
export const SAMVERKA_NAMESPACE = 'https://samverka.org/ns/iati-extension/1';
export const SAMVERKA_PREFIX = 'samverka';

/** Tag vocabulary 99 ("reporting organisation"): one URI per framework the registry aligns with. */
export const VOCABULARY_URIS: Readonly<Record<'aim' | 'gcm' | 'gcr', string>> = {
  aim: 'https://samverka.org/vocabularies/aim',
  gcm: 'https://samverka.org/vocabularies/gcm',
  gcr: 'https://samverka.org/vocabularies/gcr',
};

/**
 * Every activity gets DAC sector 15190, "Facilitation of orderly, safe, regular and responsible
 * migration and mobility": the purpose code for migration work, which is all the unit does. The
 * registry has no sector field, so there is nothing finer to say.
 */
export const DEFAULT_SECTOR = { vocabulary: '1', code: '15190' } as const;

/** Used when the money an activity names has no currency to take the default from. */
export const FALLBACK_CURRENCY = 'EUR';

export interface ReportingOrg {
  ref: string;
  /** IATI OrganisationType. */
  type: string;
  name: Bilingual;
}

export const DEFAULT_REPORTING_ORG: ReportingOrg = {
  ref: 'SE-ON-2021002163', type: '10', name: { sv: 'Migrationsverket', en: 'Swedish Migration Agency' },
};

/** A relation another activity holds towards this one, read from its side. */
export interface IncomingRelation {
  /** The other activity's IATI identifier. */
  ref: string;
  /** The registry's relation type (e.g. 'succeeded-by'). */
  type: string;
}

export interface MappingContext {
  reportingOrg: ReportingOrg;
  /** The default language of every activity (`xml:lang` on iati-activity). */
  lang: Lang;
  organisations: ReadonlyMap<string, Organisation>;
  /**
   * IATI identifiers of the activities a relation may point at, by slug. A relation to an activity
   * missing here (a draft) is left out, as the JSON export leaves it out of public data.
   */
  activityIdentifiers?: ReadonlyMap<string, string>;
  incoming?: readonly IncomingRelation[];
}

export interface Narrative {
  text: string;
  /** Always set; the serialiser leaves it out when it is the activity's default language. */
  lang: string;
}

export interface IatiDescription { type: string; field: 'description' | 'objectives' | 'summary' | undefined; narratives: Narrative[]; derived: boolean }
export interface IatiParticipatingOrg {
  role: string;
  ref: string | undefined;
  type: string | undefined;
  narratives: Narrative[];
  /** The organisation's slug, when it is one of the registry's. */
  organisation: string | undefined;
  /** Index into participations; undefined for an organisation the exporter adds. */
  participation: number | undefined;
  derived: boolean;
  field: string;
}
export interface IatiDate { type: string; isoDate: string; narratives: Narrative[]; bound: FuzzyDate; field: keyof ActivityDates }
export interface IatiRecipient { code: string; percentage: string | undefined; computed: boolean; field: string }
export interface IatiTag { vocabulary: string; code: string; vocabularyUri: string | undefined; narratives: Narrative[]; framework: AlignmentFramework; alignment: number; field: string }
export interface IatiBudget { periodStart: string; periodEnd: string; amount: string; currency: string; valueDate: string; field: string }
export interface IatiBudgetProblem { reason: 'no-period' | 'end-before-start'; periodStart: string | undefined; periodEnd: string | undefined; field: string }
export interface IatiTransaction {
  type: string; date: string; amount: string; currency: string; valueDate: string;
  description: Narrative[]; provider: { ref: string | undefined; narratives: Narrative[] } | undefined; field: string;
}
export interface IatiDocument {
  url: string; format: string; category: string; computed: ('format' | 'category')[];
  title: Narrative[]; language: string | undefined; date: string | undefined; document: number; field: string;
}
export interface IatiRelated { ref: string; type: string; field: string }
export interface IatiPeriod { start: string; end: string; target: string | undefined; actual: string | undefined; field: string }
export interface IatiIndicator {
  measure: string; ascending: boolean; title: Narrative[];
  /** Index into the result's indicators; undefined for the qualitative one a result without indicators gets. */
  indicator: number | undefined;
  baseline: { year: number; value: string | undefined; comment: Narrative[] } | undefined;
  periods: IatiPeriod[]; field: string;
}
export interface IatiResult { type: string; title: Narrative[]; description: Narrative[]; indicators: IatiIndicator[]; result: number; field: string }

/** One iati-activity, in the order the 2.03 schema's sequence requires. */
export interface IatiActivity {
  identifier: string;
  lang: Lang;
  lastUpdated: string | undefined;
  defaultCurrency: string;
  reportingOrg: { ref: string; type: string; narratives: Narrative[] };
  title: Narrative[];
  descriptions: IatiDescription[];
  participatingOrgs: IatiParticipatingOrg[];
  /** The slug as A1 first (no `other`), then the activity's other identifiers (`other`: their position). */
  otherIdentifiers: { ref: string; type: string; owner?: { ref: string | undefined; narratives: Narrative[]; organisation: string }; other?: number; field: string }[];
  status: string;
  dates: IatiDate[];
  countries: IatiRecipient[];
  regions: (IatiRecipient & { vocabulary: string })[];
  sectors: { vocabulary: string; code: string; percentage: string }[];
  tags: IatiTag[];
  budgets: IatiBudget[];
  budgetProblems: IatiBudgetProblem[];
  transactions: IatiTransaction[];
  documents: IatiDocument[];
  related: IatiRelated[];
  results: IatiResult[];
}

/** IATI IndicatorMeasure for the registry's measures. */
export const IATI_INDICATOR_MEASURE: Record<IndicatorMeasure, string> = { unit: '1', percentage: '2', nominal: '3', ordinal: '4', qualitative: '5' };

/** The side of a RelatedActivityType link seen from the other activity: parent ↔ child. */
const INVERSE_RELATED_TYPE: Record<string, string> = { 1: '2', 2: '1', 3: '3', 4: '4', 5: '5' };

const DATE_BOUNDS: [DateType, keyof ActivityDates][] = [
  ['planned-start', 'plannedStart'], ['actual-start', 'actualStart'], ['planned-end', 'plannedEnd'], ['actual-end', 'actualEnd'],
];

// ------------------------------------------------------------------------------------------------
// Texts

/** The texts of a language-keyed object in a fixed order (Swedish, English, then others), whatever order it was built in. */
export function byLanguage<T>(texts: Readonly<Partial<Record<Lang, T>>> | Readonly<Record<string, T | undefined>>, first?: string): [string, T][] {
  const rank = (key: string) => (key === first ? -1 : (LANGS as readonly string[]).includes(key) ? (LANGS as readonly string[]).indexOf(key) : LANGS.length);
  return Object.entries<T | undefined>(texts)
    .filter((entry): entry is [string, T] => entry[1] !== undefined)
    .sort(([x], [y]) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
}

/** A bilingual text as narratives, the default language first. */
export function narrativesOf(text: Bilingual | undefined, lang: Lang): Narrative[] {
  if (!text) return [];
  return byLanguage<string>(text, lang).map(([key, value]) => ({ text: value, lang: key }));
}

function textNarratives(a: Activity, field: 'title' | 'summary' | 'description' | 'objectives', lang: Lang): Narrative[] {
  const text: Record<string, string> = {};
  for (const [key, texts] of byLanguage(a.texts)) {
    const value = texts[field];
    if (value !== undefined) text[key] = value;
  }
  return narrativesOf(text, lang);
}

function descriptionsOf(a: Activity, title: Narrative[], lang: Lang): IatiDescription[] {
  const description = textNarratives(a, 'description', lang);
  const objectives = textNarratives(a, 'objectives', lang);
  const summary = textNarratives(a, 'summary', lang);
  const out: IatiDescription[] = [];
  if (description.length) out.push({ type: '1', field: 'description', narratives: description, derived: false });
  if (summary.length) out.push({ type: description.length ? '4' : '1', field: 'summary', narratives: summary, derived: false });
  if (objectives.length) out.push({ type: '2', field: 'objectives', narratives: objectives, derived: false });
  // IATI requires a description; an activity with none repeats its title, marked as derived.
  if (!out.length && title.length) out.push({ type: '1', field: undefined, narratives: title, derived: true });
  return out.sort((x, y) => Number(x.type) - Number(y.type));
}

// ------------------------------------------------------------------------------------------------
// Dates

/** Words only one of the two languages uses in a date phrase ("november" and "2024" are both). */
const SWEDISH_WORDS = new Set([
  'januari', 'februari', 'mars', 'maj', 'juni', 'juli', 'augusti', 'oktober',
  'våren', 'vår', 'sommaren', 'sommar', 'hösten', 'höst', 'vintern', 'vinter', 'början', 'mitten', 'slutet',
  'första', 'andra', 'tredje', 'fjärde', 'kvartalet', 'halvåret', 'ett', 'två', 'tre', 'fyra', 'fem', 'sju', 'åtta', 'nio', 'tio',
  'omkring', 'cirka', 'ungefär', 'runt', 'ca', 'från', 'till', 'och', 'mellan', 'år', 'månader', 'avslutades', 'började',
  'av', 'på', 'den', 'under', 'i',
]);
const ENGLISH_WORDS = new Set([
  'january', 'february', 'march', 'may', 'june', 'july', 'august', 'october',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'early', 'mid', 'late', 'beginning', 'start', 'middle', 'end',
  'first', 'second', 'third', 'fourth', 'quarter', 'half', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'around', 'about', 'approximately', 'approx', 'circa', 'from', 'until', 'to', 'and', 'between', 'year', 'years', 'months', 'ended', 'started',
  'of', 'in', 'during', 'on', 'the',
]);

/** The language a date phrase is written in, when its words say; undefined for "2024" or "november 2014". */
export function phraseLanguage(phrase: string): Lang | undefined {
  let sv = 0;
  let en = 0;
  for (const word of phrase.toLowerCase().split(/[^\p{L}]+/u)) {
    if (SWEDISH_WORDS.has(word)) sv += 1;
    if (ENGLISH_WORDS.has(word)) en += 1;
  }
  return sv > en ? 'sv' : en > sv ? 'en' : undefined;
}

/**
 * The phrase as the source gave it, in its language (or the default one when the words do not
 * tell), and the same bound formatted in the other language when that reads differently.
 */
function dateNarratives(bound: FuzzyDate, lang: Lang): Narrative[] {
  const phraseLang = phraseLanguage(bound.phrase);
  const out: Narrative[] = [{ text: bound.phrase, lang: phraseLang ?? lang }];
  if (phraseLang === undefined) return out;
  for (const other of LANGS) {
    if (other === phraseLang) continue;
    try {
      const text = formatFuzzyDate(bound, other);
      if (text.toLowerCase() !== bound.phrase.toLowerCase()) out.push({ text, lang: other });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return out;
}

function datesOf(a: Activity, lang: Lang): IatiDate[] {
  const out: IatiDate[] = [];
  for (const [type, field] of DATE_BOUNDS) {
    const bound = a.dates[field];
    if (!bound) continue;
    // A start is anchored on the first day it may mean, an end on the last.
    const isoDate = type.endsWith('start') ? anchorStart(bound) : anchorEnd(bound);
    out.push({ type: IATI_DATE_TYPE[type], isoDate, narratives: dateNarratives(bound, lang), bound, field });
  }
  return out;
}

export function startOf(a: Activity): FuzzyDate | undefined {
  return a.dates.actualStart ?? a.dates.plannedStart;
}

export function endOf(a: Activity): FuzzyDate | undefined {
  return a.dates.actualEnd ?? a.dates.plannedEnd;
}

// ------------------------------------------------------------------------------------------------
// Geography

/** Hundredths of a percent as IATI decimal text: 1667 → "16.67", 5000 → "50". */
function percentText(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * `total` split over `weights` as whole units that add up to exactly `total`: each part rounded
 * down, and the units left over given to the largest remainders (the earlier part on a tie).
 */
export function apportion(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const negative = total < 0n;
  const absolute = negative ? -total : total;
  const parts = weights.map((w) => (absolute * w) / sum);
  let left = absolute - parts.reduce((s, p) => s + p, 0n);
  const order = weights.map((w, i) => ({ i, remainder: (absolute * w) % sum }))
    .sort((x, y) => (y.remainder > x.remainder ? 1 : y.remainder < x.remainder ? -1 : x.i - y.i));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}

/**
 * Recipient countries, and the DAC region of each registry region in which the activity names no
 * country (naming a country already says where in the region the work is). Percentages given in
 * the registry are kept; the rest of 100 is split evenly over the others, in hundredths that add
 * up to exactly 100.
 */
function recipientsOf(a: Activity): { countries: IatiRecipient[]; regions: (IatiRecipient & { vocabulary: string })[] } {
  const named = new Set(a.countries.map((c) => c.code));
  const regionCodes: { code: string; field: string }[] = [];
  a.regions.forEach((code, i) => {
    const region = findRegion(code);
    if (!region || region.countries.some((c) => named.has(c))) return;
    if (!regionCodes.some((r) => r.code === region.iatiRegion)) regionCodes.push({ code: region.iatiRegion, field: `regions.${i}` });
  });
  const items = [
    ...a.countries.map((c, i) => ({ code: c.code, given: c.percentage, field: `countries.${i}` })),
    ...regionCodes.map((r) => ({ code: r.code, given: undefined, field: r.field })),
  ];
  const missing = items.filter((item) => item.given === undefined);
  const givenHundredths = items.reduce((s, item) => s + (item.given === undefined ? 0 : Math.round(item.given * 100)), 0);
  const shares = apportion(BigInt(Math.max(0, 10_000 - givenHundredths)), missing.map(() => 1n));
  const computed = new Map(missing.map((item, i) => [item, percentText(Number(shares[i]!))]));
  const recipient = (item: (typeof items)[number]): IatiRecipient => ({
    code: item.code,
    percentage: item.given === undefined ? computed.get(item) : String(item.given),
    computed: item.given === undefined,
    field: item.field,
  });
  const countries = items.slice(0, a.countries.length).map(recipient);
  const regions = items.slice(a.countries.length).map((item) => ({ ...recipient(item), vocabulary: '1' }));
  return { countries, regions };
}

// ------------------------------------------------------------------------------------------------
// Organisations

function otherIdentifiersOf(a: Activity, ctx: MappingContext): IatiActivity['otherIdentifiers'] {
  return a.otherIdentifiers.map((o, i) => {
    const org = o.owner === undefined ? undefined : ctx.organisations.get(o.owner);
    const owner = o.owner === undefined ? undefined
      : { ref: org?.iatiRef, narratives: org ? narrativesOf(org.name, ctx.lang) : [{ text: o.owner, lang: ctx.lang }], organisation: o.owner };
    return { ref: o.ref, type: o.type, ...(owner ? { owner } : {}), other: i, field: `otherIdentifiers.${i}` };
  });
}

function participatingOrgsOf(a: Activity, ctx: MappingContext): IatiParticipatingOrg[] {
  const orgNarratives = (slug: string) => {
    const org = ctx.organisations.get(slug);
    return org ? narrativesOf(org.name, ctx.lang) : [{ text: slug, lang: ctx.lang }];
  };
  const out: IatiParticipatingOrg[] = a.participations.map((p, i) => {
    const org = ctx.organisations.get(p.organisation);
    return {
      role: IATI_ORGANISATION_ROLE[p.role], ref: org?.iatiRef, type: org?.type, narratives: orgNarratives(p.organisation),
      organisation: p.organisation, participation: i, derived: false, field: `participations.${i}`,
    };
  });
  const has = (slug: string, role?: string) => out.some((o) => o.organisation === slug && (role === undefined || o.role === role));
  const derived = (slug: string, role: string, field: string) => {
    const org = ctx.organisations.get(slug);
    out.push({ role, ref: org?.iatiRef, type: org?.type, narratives: orgNarratives(slug), organisation: slug, participation: undefined, derived: true, field });
  };
  // Funders and channels named on a funding line are participants in IATI's sense.
  a.funding.forEach((f, i) => {
    if (f.funder && !has(f.funder, '1')) derived(f.funder, '1', `funding.${i}.funder`);
    if (f.via && !has(f.via)) derived(f.via, '3', `funding.${i}.via`);
  });
  // The publisher is accountable for what it publishes: it appears even where the source names it not.
  if (!out.some((o) => o.ref === ctx.reportingOrg.ref)) {
    out.push({
      role: '2', ref: ctx.reportingOrg.ref, type: ctx.reportingOrg.type, narratives: narrativesOf(ctx.reportingOrg.name, ctx.lang),
      organisation: undefined, participation: undefined, derived: true, field: 'participations',
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Alignment

function tagsOf(a: Activity, lang: Lang): IatiTag[] {
  return a.alignment.map((al, i) => {
    const objective = findObjective(al.framework, al.code);
    const narratives = narrativesOf(objective?.title, lang);
    const field = `alignment.${i}`;
    const common = { narratives, framework: al.framework, alignment: i, field };
    switch (al.framework) {
      case 'sdg-goal': return { vocabulary: '2', code: al.code, vocabularyUri: undefined, ...common };
      case 'sdg-target': return { vocabulary: '3', code: al.code, vocabularyUri: undefined, ...common };
      default: return { vocabulary: '99', code: al.code, vocabularyUri: VOCABULARY_URIS[al.framework], ...common };
    }
  });
}

// ------------------------------------------------------------------------------------------------
// Money

interface Decimal { units: bigint; scale: number }

function parseDecimal(text: string): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal amount: ${JSON.stringify(text)}`);
  const fraction = match[3] ?? '';
  const scale = Math.max(2, fraction.length);
  const units = BigInt(`${match[2]}${fraction.padEnd(scale, '0')}`);
  return { units: match[1] ? -units : units, scale };
}

function formatDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * A budget over several years as one budget a calendar year (the agency's financial year), each at
 * most one year long as IATI requires (rule 7.5.3). The amount is shared pro rata by days, at two
 * decimals (or the amount's own, if more), and the parts add up to exactly the amount.
 */
export function splitBudget(amount: string, periodStart: string, periodEnd: string): { periodStart: string; periodEnd: string; amount: string }[] {
  const periods: { periodStart: string; periodEnd: string }[] = [];
  for (let start = periodStart; start <= periodEnd;) {
    const yearEnd = isoDay(yearOf(start), 12, 31);
    const end = yearEnd < periodEnd ? yearEnd : periodEnd;
    periods.push({ periodStart: start, periodEnd: end });
    start = addDays(end, 1);
  }
  const { units, scale } = parseDecimal(amount);
  const parts = apportion(units, periods.map((p) => BigInt(daysBetween(p.periodStart, p.periodEnd))));
  return periods.map((p, i) => ({ ...p, amount: formatDecimal(parts[i]!, scale) }));
}

/** The currency budgets are given in (or any money, failing that), else EUR: IATI's default-currency. */
export function defaultCurrencyOf(a: Activity): string {
  const flows = a.funding.flatMap((f) => f.flows);
  return (flows.find((f) => f.kind === 'budget') ?? flows[0])?.currency ?? FALLBACK_CURRENCY;
}

function moneyOf(a: Activity, ctx: MappingContext): Pick<IatiActivity, 'budgets' | 'budgetProblems' | 'transactions'> {
  const budgets: IatiBudget[] = [];
  const budgetProblems: IatiBudgetProblem[] = [];
  const transactions: IatiTransaction[] = [];
  const start = startOf(a);
  const end = endOf(a);
  a.funding.forEach((f, i) => f.flows.forEach((flow, j) => {
    const field = `funding.${i}.flows.${j}`;
    if (flow.kind === 'budget') {
      // A budget without a period of its own covers the activity's.
      const periodStart = flow.periodStart ?? (start && anchorStart(start));
      const periodEnd = flow.periodEnd ?? (end && anchorEnd(end));
      if (periodStart === undefined || periodEnd === undefined) {
        budgetProblems.push({ reason: 'no-period', periodStart, periodEnd, field });
        return;
      }
      if (periodEnd < periodStart) {
        budgetProblems.push({ reason: 'end-before-start', periodStart, periodEnd, field });
        return;
      }
      for (const part of splitBudget(flow.amount, periodStart, periodEnd)) {
        // The exchange-rate date: the flow's own where it falls in the part, else the part's first day.
        const valueDate = flow.valueDate >= part.periodStart && flow.valueDate <= part.periodEnd ? flow.valueDate : part.periodStart;
        budgets.push({ ...part, currency: flow.currency, valueDate, field });
      }
      return;
    }
    const type = FLOW_KINDS.find((k) => k.code === flow.kind)?.iati ?? '';
    const incoming = type === '1' || type === '11';
    const providerSlug = incoming ? (f.via ?? f.funder) : undefined;
    const provider = providerSlug === undefined ? undefined : {
      ref: ctx.organisations.get(providerSlug)?.iatiRef,
      narratives: narrativesOf(ctx.organisations.get(providerSlug)?.name ?? { [ctx.lang]: providerSlug }, ctx.lang),
    };
    transactions.push({
      type, date: flow.valueDate, amount: flow.amount, currency: flow.currency, valueDate: flow.valueDate,
      description: narrativesOf(flow.note, ctx.lang), provider, field,
    });
  }));
  return { budgets, budgetProblems, transactions };
}

// ------------------------------------------------------------------------------------------------
// Documents, relations, results

/** IANA media types by file extension, for links stored without a format; anything else is a web page. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv', txt: 'text/plain', json: 'application/json', xml: 'application/xml', zip: 'application/zip',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml',
  mp3: 'audio/mpeg', mp4: 'video/mp4',
};

/**
 * The IATI FileFormat codelist is IANA's media-type registry, which is not among the saved
 * codelists; these are the common ones a document link has, all registered there.
 */
export const KNOWN_FILE_FORMATS: ReadonlySet<string> = new Set(['text/html', ...Object.values(FORMAT_BY_EXTENSION)]);

export function guessFormat(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not a URL: read the text as a path.
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension && FORMAT_BY_EXTENSION[extension]) || 'text/html';
}

/** A stored link lacks a category: a web page's is A12, and IATI has no neutral one for others. */
export const FALLBACK_DOCUMENT_CATEGORY = 'A12';

function documentsOf(documents: readonly ActivityDocumentLink[], lang: Lang): IatiDocument[] {
  return documents.map((d, i) => {
    const computed: IatiDocument['computed'] = [];
    if (d.format === undefined) computed.push('format');
    if (d.category === undefined) computed.push('category');
    return {
      url: d.url, format: d.format ?? guessFormat(d.url), category: d.category ?? FALLBACK_DOCUMENT_CATEGORY, computed,
      title: narrativesOf(d.title, lang), language: d.language, date: d.date, document: i, field: `documents.${i}`,
    };
  });
}

/** The relations the export writes: to external activities and to activities it can name. */
export function exportedRelations(a: Activity, ctx: Pick<MappingContext, 'activityIdentifiers'>): { relation: Activity['relations'][number]; index: number }[] {
  return a.relations.map((relation, index) => ({ relation, index }))
    .filter(({ relation }) => !('activity' in relation.target) || ctx.activityIdentifiers === undefined || ctx.activityIdentifiers.has(relation.target.activity));
}

function relatedOf(a: Activity, ctx: MappingContext): IatiRelated[] {
  const out: IatiRelated[] = [];
  const add = (ref: string | undefined, type: string | undefined, field: string) => {
    if (ref === undefined || type === undefined || out.some((r) => r.ref === ref && r.type === type)) return;
    out.push({ ref, type, field });
  };
  const iatiType = (type: string) => RELATION_TYPES.find((r) => r.code === type)?.iati;
  for (const { relation, index } of exportedRelations(a, ctx)) {
    const ref = 'activity' in relation.target ? ctx.activityIdentifiers?.get(relation.target.activity) : relation.target.external.iatiIdentifier;
    add(ref, iatiType(relation.type), `relations.${index}`);
  }
  // A relation is stored on one side; IATI readers look for it on both.
  for (const incoming of ctx.incoming ?? []) {
    const type = iatiType(incoming.type);
    add(incoming.ref, type === undefined ? undefined : INVERSE_RELATED_TYPE[type], 'relations');
  }
  return out;
}

function resultsOf(a: Activity, lang: Lang): IatiResult[] {
  return a.results.map((r, i) => {
    const field = `results.${i}`;
    const title = narrativesOf(r.title, lang);
    const indicators: IatiIndicator[] = r.indicators.map((ind, j) => ({
      measure: IATI_INDICATOR_MEASURE[ind.measure], ascending: ind.ascending, title: narrativesOf(ind.title, lang), indicator: j,
      baseline: ind.baseline && { year: ind.baseline.year, value: ind.baseline.value, comment: narrativesOf(ind.baseline.comment, lang) },
      periods: ind.periods.map((p, k) => ({ start: p.start, end: p.end, target: p.target, actual: p.actual, field: `${field}.indicators.${j}.periods.${k}` })),
      field: `${field}.indicators.${j}`,
    }));
    // IATI requires an indicator; a result stated only in words gets a qualitative one in its own words.
    if (!indicators.length) {
      indicators.push({ measure: IATI_INDICATOR_MEASURE.qualitative, ascending: true, title, indicator: undefined, baseline: undefined, periods: [], field });
    }
    return { type: IATI_RESULT_TYPE[r.type], title, description: narrativesOf(r.description, lang), indicators, result: i, field };
  });
}

// ------------------------------------------------------------------------------------------------

export function toIatiActivity(a: Activity, ctx: MappingContext): IatiActivity {
  const title = textNarratives(a, 'title', ctx.lang);
  return {
    identifier: a.iatiIdentifier,
    lang: ctx.lang,
    lastUpdated: a.meta?.updatedAt,
    defaultCurrency: defaultCurrencyOf(a),
    reportingOrg: { ref: ctx.reportingOrg.ref, type: ctx.reportingOrg.type, narratives: narrativesOf(ctx.reportingOrg.name, ctx.lang) },
    title,
    descriptions: descriptionsOf(a, title, ctx.lang),
    participatingOrgs: participatingOrgsOf(a, ctx),
    // The registry's slug is the agency's own identifier for the activity.
    otherIdentifiers: [{ ref: a.slug, type: 'A1', field: 'slug' }, ...otherIdentifiersOf(a, ctx)],
    status: IATI_ACTIVITY_STATUS[a.status],
    dates: datesOf(a, ctx.lang),
    ...recipientsOf(a),
    sectors: [{ ...DEFAULT_SECTOR, percentage: '100' }],
    tags: tagsOf(a, ctx.lang),
    ...moneyOf(a, ctx),
    documents: documentsOf(a.documents, ctx.lang),
    related: relatedOf(a, ctx),
    results: resultsOf(a, ctx.lang),
  };
}

/** Why an activity cannot be written as schema-valid IATI at all (the rules report the same). */
export function exportBlocker(model: IatiActivity): 'missing-title' | 'missing-date' | undefined {
  if (!model.title.some((n) => n.text.trim())) return 'missing-title';
  if (!model.dates.length) return 'missing-date';
  return undefined;
}
