/**
 * The main rules of IATI 2.03 beyond the schema (../shared/iati/rules/standard.json and NOTES.md),
 * as plain functions of a stored activity. Each rule looks at the activity the way the export maps
 * it (iati.mapping.ts), so `samverka check` finds a problem when it is entered, and the exported
 * file has it only if nobody fixed it. Codes start with `iati-`; the rule ids of the official
 * validator are named in the messages' comments.
 */
import type { Activity } from '../activities/activity.schema.ts';
import { addMonths } from '../dates/calendar.ts';
import type { CheckContext, Finding, Severity } from '../check/check.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import {
  COUNTRY_CODES, CURRENCY_CODES, DOCUMENT_CATEGORY_NAMES, LANGUAGE_CODES, ORGANISATION_TYPE_NAMES, REGION_NAMES, SDG_GOAL_NAMES, SDG_TARGET_NAMES,
} from '../reference/iati-codes.generated.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import {
  ACTIVITY_DATE_TYPE_CODES, ACTIVITY_STATUS_CODES, DESCRIPTION_TYPE_CODES, INDICATOR_MEASURE_CODES, ORGANISATION_ROLE_CODES,
  OTHER_IDENTIFIER_TYPE_CODES, RELATED_ACTIVITY_TYPE_CODES, REGION_VOCABULARY_CODES, RESULT_TYPE_CODES, SECTOR_NAMES,
  SECTOR_VOCABULARY_CODES, TAG_VOCABULARY_CODES, TRANSACTION_TYPE_CODES,
} from './iati-codelists.generated.ts';
import {
  IATI_INDICATOR_MEASURE, KNOWN_FILE_FORMATS, toIatiActivity, type IatiActivity, type MappingContext, type Narrative, type ReportingOrg,
} from './iati.mapping.ts';
import { xmlSafe } from './iati.writer.ts';

export interface IatiRuleContext extends CheckContext {
  reportingOrg: ReportingOrg;
  /** Every organisation the activities may name, by slug (types and IATI refs come from here). */
  organisations: ReadonlyMap<string, Organisation>;
  /** The export's default language; 'en' unless the export is configured otherwise. */
  lang?: Lang;
}

export type IatiRule = (a: Activity, ctx: IatiRuleContext) => Finding[];

/** The mapping each rule reads, made once per activity and context. */
const models = new WeakMap<Activity, { ctx: IatiRuleContext; model: IatiActivity }>();

function modelOf(a: Activity, ctx: IatiRuleContext): IatiActivity {
  const cached = models.get(a);
  if (cached && cached.ctx === ctx) return cached.model;
  const mapping: MappingContext = { reportingOrg: ctx.reportingOrg, lang: ctx.lang ?? 'en', organisations: ctx.organisations };
  const model = toIatiActivity(a, mapping);
  models.set(a, { ctx, model });
  return model;
}

function finding(a: Activity, code: string, severity: Severity, field: string, message: Message, quote?: string): Finding {
  return { code, severity, activity: a.slug, field, message, ...(quote === undefined ? {} : { quote }) };
}

/**
 * Whether another organisation reports the activity to IATI: `reportedBy` names one whose IATI ref
 * is not the reporting organisation's (or that has none). The export leaves such an activity to
 * its publisher, so the IATI rules are not ours to apply to it.
 */
export function reportedElsewhere(a: Pick<Activity, 'reportedBy'>, reportingRef: string, organisations: ReadonlyMap<string, Pick<Organisation, 'iatiRef'>>): boolean {
  return a.reportedBy !== undefined && organisations.get(a.reportedBy)?.iatiRef !== reportingRef;
}

/**
 * 1.1.21, 1.1.3, 1.3.1, 1.3.13: the identifier is the reporting organisation's ref (or a previous
 * one, given as an other identifier of type B1), a hyphen and a local part.
 */
const identifier: IatiRule = (a, ctx) => {
  const id = a.iatiIdentifier;
  const prefix = `${ctx.reportingOrg.ref}-`;
  const previous = a.otherIdentifiers.filter((o) => o.type === 'B1').map((o) => `${o.ref}-`);
  const out: Finding[] = [];
  if ([prefix, ...previous].every((p) => !id.startsWith(p) || id.length === p.length)) {
    out.push(finding(a, 'iati-identifier-prefix', 'error', 'iatiIdentifier', {
      sv: `IATI-identifieraren ${id} börjar inte med rapportörens identifierare följd av bindestreck och ett eget id (${prefix}…).`,
      en: `The IATI identifier ${id} does not start with the reporting organisation's identifier, a hyphen and a local id (${prefix}…).`,
    }, id));
  }
  if (id !== id.trim() || /[/&|?]/.test(id)) {
    out.push(finding(a, 'iati-identifier-characters', 'error', 'iatiIdentifier', {
      sv: `IATI-identifieraren ${JSON.stringify(id)} får inte ha blanksteg först eller sist eller innehålla / & | ?.`,
      en: `The IATI identifier ${JSON.stringify(id)} must not start or end with spaces or contain / & | ?.`,
    }, id));
  }
  return out;
};

/** 4.3.1, 4.4.1: titles and descriptions have words in them once the file can hold them. */
const narratives: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  if (!m.title.length) {
    out.push(finding(a, 'iati-missing-title', 'error', 'texts.title', {
      sv: 'Aktiviteten saknar namn och kan inte publiceras i IATI-filen.',
      en: 'The activity has no title and cannot be published in the IATI file.',
    }));
  }
  const empty = (list: readonly Narrative[], field: string) => {
    for (const n of list) {
      if (xmlSafe(n.text).trim() === '') {
        out.push(finding(a, 'iati-narrative-empty', 'error', `${field}.${n.lang}`, {
          sv: 'Texten består bara av blanksteg eller tecken som XML inte kan innehålla.',
          en: 'The text consists only of spaces or characters XML cannot hold.',
        }));
      }
    }
  };
  empty(m.title, 'texts.title');
  for (const d of m.descriptions) if (d.field) empty(d.narratives, `texts.${d.field}`);
  return out;
};

/** 6.11.1: a planned or actual start. Without any date the activity cannot be written at all. */
const missingStart: IatiRule = (a) => {
  if (a.dates.plannedStart || a.dates.actualStart) return [];
  const none = !a.dates.plannedEnd && !a.dates.actualEnd;
  return [finding(a, 'iati-missing-start', 'error', 'dates', none
    ? { sv: 'Aktiviteten saknar datum och lämnas utanför IATI-filen (IATI kräver ett startdatum).', en: 'The activity has no dates and is left out of the IATI file (IATI requires a start date).' }
    : { sv: 'Aktiviteten saknar planerad eller faktisk start (krävs av IATI).', en: 'The activity has no planned or actual start (IATI requires one).' })];
};

/** 11.1.2, 11.1.3, 8.6.1, 8.6.3: starts before ends, as the file states them. */
const dateOrder: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  const order = (start: string | undefined, end: string | undefined, field: string, what: Message) => {
    if (start === undefined || end === undefined || start <= end) return;
    out.push(finding(a, 'iati-date-order', 'error', field, {
      sv: `${what.sv}: slutet ${end} ligger före starten ${start}.`, en: `${what.en}: the end ${end} is before the start ${start}.`,
    }));
  };
  const date = (type: string) => m.dates.find((d) => d.type === type)?.isoDate;
  order(date('1'), date('3'), 'dates.plannedEnd', { sv: 'Planerad period', en: 'Planned period' });
  order(date('2'), date('4'), 'dates.actualEnd', { sv: 'Faktisk period', en: 'Actual period' });
  for (const b of m.budgetProblems) {
    if (b.reason === 'end-before-start') order(b.periodStart, b.periodEnd, b.field, { sv: 'Budgetperiod', en: 'Budget period' });
  }
  for (const b of m.budgets) order(b.periodStart, b.periodEnd, b.field, { sv: 'Budgetperiod', en: 'Budget period' });
  for (const r of m.results) for (const i of r.indicators) for (const p of i.periods) order(p.start, p.end, p.field, { sv: 'Indikatorperiod', en: 'Indicator period' });
  return out;
};

/** 11.1.4, 11.1.5, 11.2.1, 11.2.2: what actually happened happened before today. */
const notInFuture: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  for (const d of m.dates) {
    if ((d.type === '2' || d.type === '4') && d.isoDate > ctx.today) {
      out.push(finding(a, 'iati-date-in-future', 'error', `dates.${d.field}`, {
        sv: `Det faktiska datumet ${d.isoDate} (${d.bound.phrase}) ligger i framtiden; ange ett planerat datum i stället.`,
        en: `The actual date ${d.isoDate} (${d.bound.phrase}) is in the future; give a planned date instead.`,
      }, d.bound.phrase));
    }
  }
  for (const t of m.transactions) {
    if (t.date > ctx.today) {
      out.push(finding(a, 'iati-date-in-future', 'error', `${t.field}.valueDate`, {
        sv: `Transaktionen är daterad ${t.date}, i framtiden.`, en: `The transaction is dated ${t.date}, in the future.`,
      }));
    }
  }
  return out;
};

/** Exact sum of decimal percentages, without floating-point drift (to 1/10 000 of a percent). */
function hundredths(values: readonly (string | undefined)[]): number {
  return values.reduce((s, v) => s + Math.round(Number(v ?? 0) * 10_000), 0);
}

/** 12.1.1, 3.1.2, 3.4.2, 3.1.4: recipient percentages each 0–100 and together 100. */
const percentages: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  const all = [...m.countries, ...m.regions];
  for (const r of all) {
    const value = Number(r.percentage);
    if (r.percentage !== undefined && (!Number.isFinite(value) || value < 0 || value > 100)) {
      out.push(finding(a, 'iati-percentage-range', 'error', `${r.field}.percentage`, {
        sv: `Andelen ${r.percentage} % för ${r.code} ligger utanför 0–100.`, en: `The share ${r.percentage}% for ${r.code} is outside 0–100.`,
      }));
    }
  }
  if (all.length && hundredths(all.map((r) => r.percentage)) !== 1_000_000) {
    const sum = hundredths(all.map((r) => r.percentage)) / 10_000;
    out.push(finding(a, 'iati-percentage-sum', 'error', 'countries', {
      sv: `Länders och regioners andelar blir tillsammans ${sum} %, inte 100 %.`,
      en: `The shares of countries and regions add up to ${sum}%, not 100%.`,
    }));
  }
  return out;
};

/** 3.7.1: IATI wants to know where: a recipient country or region (the registry has no per-transaction geography). */
const recipientMissing: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  if (m.countries.length || m.regions.length) return [];
  return [finding(a, 'iati-recipient-missing', 'error', 'countries', {
    sv: 'Aktiviteten anger varken land eller region; IATI kräver mottagarland eller -region.',
    en: 'The activity names no country or region; IATI requires a recipient country or region.',
  })];
};

/** 7.5.3: no budget period longer than a year; and a budget needs a period to be published at all. */
const budgetPeriods: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  for (const b of m.budgets) {
    // At most a year: the period ends before the same day a year after it starts.
    if (b.periodEnd >= addMonths(b.periodStart, 12)) {
      out.push(finding(a, 'iati-budget-period-too-long', 'error', b.field, {
        sv: `Budgetperioden ${b.periodStart}–${b.periodEnd} är längre än ett år.`, en: `The budget period ${b.periodStart}–${b.periodEnd} is longer than a year.`,
      }));
    }
  }
  for (const b of m.budgetProblems) {
    if (b.reason !== 'no-period') continue;
    out.push(finding(a, 'iati-budget-period-missing', 'warning', b.field, {
      sv: 'Budgeten har ingen period och aktiviteten varken start eller slut att ta den från; den lämnas utanför IATI-filen.',
      en: 'The budget has no period, and the activity no start and end to take it from; it is left out of the IATI file.',
    }));
  }
  return out;
};

/** 4.1.1: every narrative has a language, by default or its own, and it is a Language code. */
const languages: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  const bad = new Set<string>();
  const check = (list: readonly Narrative[]) => list.forEach((n) => { if (!LANGUAGE_CODES.includes(n.lang)) bad.add(n.lang); });
  if (!LANGUAGE_CODES.includes(m.lang)) bad.add(m.lang);
  check(m.title);
  m.descriptions.forEach((d) => check(d.narratives));
  m.participatingOrgs.forEach((o) => check(o.narratives));
  m.dates.forEach((d) => check(d.narratives));
  m.tags.forEach((t) => check(t.narratives));
  m.documents.forEach((d) => check(d.title));
  m.results.forEach((r) => { check(r.title); check(r.description); r.indicators.forEach((i) => check(i.title)); });
  for (const lang of bad) {
    out.push(finding(a, 'iati-xml-lang', 'error', 'texts', {
      sv: `Språkkoden "${lang}" finns inte i IATI:s språklista (xml:lang).`, en: `The language code "${lang}" is not in IATI's Language codelist (xml:lang).`,
    }));
  }
  return out;
};

/** 9.x.1: every code the export writes is in its 2.03 codelist. */
const codelists: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  const has = (list: readonly string[] | Readonly<Record<string, string>>, code: string | undefined) =>
    code !== undefined && (Array.isArray(list) ? list.includes(code) : Object.hasOwn(list, code));
  const need = (list: readonly string[] | Readonly<Record<string, string>>, code: string | undefined, field: string, what: Message, severity: Severity = 'error') => {
    if (has(list, code)) return;
    out.push(finding(a, 'iati-codelist', severity, field, {
      sv: `${what.sv}: koden ${JSON.stringify(code ?? '')} finns inte i IATI:s kodlista.`, en: `${what.en}: the code ${JSON.stringify(code ?? '')} is not in the IATI codelist.`,
    }));
  };
  need(ACTIVITY_STATUS_CODES, m.status, 'status', { sv: 'Status', en: 'Status' });
  need(CURRENCY_CODES, m.defaultCurrency, 'funding', { sv: 'Standardvaluta', en: 'Default currency' });
  need(ORGANISATION_TYPE_NAMES, m.reportingOrg.type, 'reportingOrg', { sv: 'Rapportörens organisationstyp', en: "Reporting organisation's type" });
  for (const d of m.descriptions) need(DESCRIPTION_TYPE_CODES, d.type, `texts.${d.field ?? 'description'}`, { sv: 'Beskrivningstyp', en: 'Description type' });
  for (const o of m.participatingOrgs) {
    need(ORGANISATION_ROLE_CODES, o.role, o.field, { sv: 'Organisationens roll', en: "Organisation's role" });
    if (o.type !== undefined) need(ORGANISATION_TYPE_NAMES, o.type, o.field, { sv: `Organisationstyp för ${o.organisation ?? o.ref}`, en: `Organisation type of ${o.organisation ?? o.ref}` });
  }
  for (const o of m.otherIdentifiers) need(OTHER_IDENTIFIER_TYPE_CODES, o.type, o.field === 'slug' ? 'slug' : `${o.field}.type`, { sv: 'Typ av annan identifierare', en: 'Other identifier type' });
  for (const d of m.dates) need(ACTIVITY_DATE_TYPE_CODES, d.type, `dates.${d.field}`, { sv: 'Datumtyp', en: 'Date type' });
  for (const c of m.countries) need(COUNTRY_CODES, c.code, `${c.field}.code`, { sv: 'Land', en: 'Country' });
  for (const r of m.regions) {
    need(REGION_VOCABULARY_CODES, r.vocabulary, r.field, { sv: 'Regionvokabulär', en: 'Region vocabulary' });
    need(REGION_NAMES, r.code, r.field, { sv: 'Region', en: 'Region' });
  }
  for (const s of m.sectors) {
    need(SECTOR_VOCABULARY_CODES, s.vocabulary, 'sector', { sv: 'Sektorvokabulär', en: 'Sector vocabulary' });
    if (s.vocabulary === '1') need(SECTOR_NAMES, s.code, 'sector', { sv: 'Sektor (DAC)', en: 'Sector (DAC)' });
  }
  for (const t of m.tags) {
    need(TAG_VOCABULARY_CODES, t.vocabulary, t.field, { sv: 'Taggvokabulär', en: 'Tag vocabulary' });
    if (t.vocabulary === '2') need(SDG_GOAL_NAMES, t.code, `${t.field}.code`, { sv: 'Globalt mål', en: 'SDG goal' });
    if (t.vocabulary === '3') need(SDG_TARGET_NAMES, t.code, `${t.field}.code`, { sv: 'Delmål i Agenda 2030', en: 'SDG target' });
  }
  for (const b of m.budgets) need(CURRENCY_CODES, b.currency, `${b.field}.currency`, { sv: 'Valuta', en: 'Currency' });
  for (const t of m.transactions) {
    need(TRANSACTION_TYPE_CODES, t.type, `${t.field}.kind`, { sv: 'Transaktionstyp', en: 'Transaction type' });
    need(CURRENCY_CODES, t.currency, `${t.field}.currency`, { sv: 'Valuta', en: 'Currency' });
  }
  for (const d of m.documents) {
    need(DOCUMENT_CATEGORY_NAMES, d.category, `${d.field}.category`, { sv: 'Dokumentkategori', en: 'Document category' });
    if (d.language !== undefined) need(LANGUAGE_CODES, d.language, `${d.field}.language`, { sv: 'Dokumentets språk', en: 'Document language' });
    if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(d.format)) {
      need([], d.format, `${d.field}.format`, { sv: 'Filformat (IANA-medietyp, små bokstäver)', en: 'File format (IANA media type, lower case)' });
    } else if (!KNOWN_FILE_FORMATS.has(d.format)) {
      out.push(finding(a, 'iati-codelist', 'warning', `${d.field}.format`, {
        sv: `Filformatet ${d.format} hör inte till de vanliga som kontrollen känner; kontrollera det mot IANA:s lista över medietyper.`,
        en: `The file format ${d.format} is not among the common ones this check knows; verify it against IANA's list of media types.`,
      }));
    }
  }
  for (const r of m.related) need(RELATED_ACTIVITY_TYPE_CODES, r.type, r.field, { sv: 'Typ av relaterad aktivitet', en: 'Related activity type' });
  for (const r of m.results) {
    need(RESULT_TYPE_CODES, r.type, `${r.field}.type`, { sv: 'Resultattyp', en: 'Result type' });
    for (const i of r.indicators) need(INDICATOR_MEASURE_CODES, i.measure, `${i.field}.measure`, { sv: 'Indikatorns mått', en: 'Indicator measure' });
  }
  return out;
};

/** 8.8.1, 8.9.1, 8.10.1 and 8.x.3: a measured indicator's baseline has a value; a qualitative one's values have none. */
const indicatorValues: IatiRule = (a, ctx) => {
  const m = modelOf(a, ctx);
  const out: Finding[] = [];
  for (const r of m.results) {
    for (const i of r.indicators) {
      const qualitative = i.measure === IATI_INDICATOR_MEASURE.qualitative;
      if (!qualitative && i.baseline && i.baseline.value === undefined) {
        out.push(finding(a, 'iati-indicator-value', 'error', `${i.field}.baseline.value`, {
          sv: 'Indikatorn mäts i tal men utgångsvärdet saknar värde.', en: 'The indicator is measured in numbers but its baseline has no value.',
        }));
      }
      const values = [i.baseline?.value, ...i.periods.flatMap((p) => [p.target, p.actual])].filter((v) => v !== undefined);
      if (qualitative && values.length) {
        out.push(finding(a, 'iati-indicator-value', 'warning', `${i.field}.measure`, {
          sv: 'Indikatorn är kvalitativ men har talvärden; IATI vill att de utelämnas.', en: 'The indicator is qualitative but has numeric values; IATI wants them left out.',
        }));
      }
    }
  }
  return out;
};

/** Per activity; add them to check.ts's RULES (with an IatiRuleContext) so `samverka check` reports them. */
export const IATI_RULES: readonly IatiRule[] = [
  identifier, narratives, missingStart, dateOrder, notInFuture, percentages, recipientMissing, budgetPeriods, languages, codelists, indicatorValues,
];

/** 1.1.2: no two activities share an IATI identifier. */
export function duplicateIdentifiers(activities: readonly Activity[]): Finding[] {
  const seen = new Map<string, string>();
  const out: Finding[] = [];
  for (const a of activities) {
    const first = seen.get(a.iatiIdentifier);
    if (first === undefined) {
      seen.set(a.iatiIdentifier, a.slug);
      continue;
    }
    out.push(finding(a, 'iati-duplicate-identifier', 'error', 'iatiIdentifier', {
      sv: `IATI-identifieraren ${a.iatiIdentifier} används redan av ${first}.`, en: `The IATI identifier ${a.iatiIdentifier} is already used by ${first}.`,
    }, a.iatiIdentifier));
  }
  return out;
}

/** The IATI rules' findings on one activity; none on an activity another organisation reports. */
export function checkIatiActivity(a: Activity, ctx: IatiRuleContext): Finding[] {
  return reportedElsewhere(a, ctx.reportingOrg.ref, ctx.organisations) ? [] : IATI_RULES.flatMap((rule) => rule(a, ctx));
}

/** Every IATI rule over a portfolio: the per-activity rules and the duplicate check across them. */
export function checkIatiPortfolio(activities: readonly Activity[], ctx: IatiRuleContext): Finding[] {
  return [...activities.flatMap((a) => checkIatiActivity(a, ctx)), ...duplicateIdentifiers(activities)];
}
