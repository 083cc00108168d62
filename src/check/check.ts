/**
 * Data-quality checks on stored activities: what the hand-written page got wrong, found while the
 * data is entered rather than when it is published. Each rule is a plain function of an activity.
 */
import { FuzzyDateError, parseFuzzyDate, type FuzzyDate } from '../dates/fuzzy-date.ts';
import { formatFuzzyDate } from '../dates/fuzzy-date.format.ts';
import type { Activity } from '../activities/activity.schema.ts';
import { labelOf, ACTIVITY_STATUSES } from '../reference/codes.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { checkIatiActivity, duplicateIdentifiers, type IatiRuleContext } from '../iati/iati.rules.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  code: string;
  severity: Severity;
  activity: string;
  field: string;
  message: Message;
  /** The words the finding is about, when it is about words. */
  quote?: string;
}

export interface CheckContext {
  /** Today, as 'YYYY-MM-DD'; injected so that tests and reports are reproducible. */
  today: string;
}

type Rule = (a: Activity, ctx: CheckContext) => Finding[];

const TEXT_FIELDS = ['title', 'acronym', 'summary', 'description', 'objectives'] as const;

const missingTitle: Rule = (a) => {
  if (!a.texts.sv?.title && !a.texts.en?.title) {
    return [{ code: 'missing-title', severity: 'error', activity: a.slug, field: 'texts.title', message: { sv: 'Aktiviteten saknar namn på både svenska och engelska.', en: 'The activity has no title in Swedish or English.' } }];
  }
  if (a.workingTitle) {
    const title = a.texts.sv?.title ?? a.texts.en?.title ?? '';
    return [{
      code: 'working-title', severity: 'warning', activity: a.slug, field: 'texts.title', quote: title,
      message: { sv: `Källan anger inget namn; "${title}" är en arbetstitel som behöver bekräftas.`, en: `The source gives no name; "${title}" is a working title to be confirmed.` },
    }];
  }
  return [];
};

const missingLanguage: Rule = (a) => {
  const findings: Finding[] = [];
  for (const field of TEXT_FIELDS) {
    const sv = a.texts.sv?.[field];
    const en = a.texts.en?.[field];
    if ((sv === undefined) === (en === undefined)) continue;
    const missing: Lang = sv === undefined ? 'sv' : 'en';
    findings.push({
      code: 'missing-language', severity: 'warning', activity: a.slug, field: `texts.${missing}.${field}`,
      message: missing === 'sv'
        ? { sv: `Fältet ${FIELD_NAMES[field].sv} saknas på svenska.`, en: `The ${FIELD_NAMES[field].en} is missing in Swedish.` }
        : { sv: `Fältet ${FIELD_NAMES[field].sv} saknas på engelska.`, en: `The ${FIELD_NAMES[field].en} is missing in English.` },
    });
  }
  return findings;
};

const FIELD_NAMES: Record<(typeof TEXT_FIELDS)[number], Message> = {
  title: { sv: 'namn', en: 'title' },
  acronym: { sv: 'förkortning', en: 'acronym' },
  summary: { sv: 'sammanfattning', en: 'summary' },
  description: { sv: 'beskrivning', en: 'description' },
  objectives: { sv: 'syfte', en: 'objectives' },
};

/** Words that put a sentence in the future (or a plan), per language. */
const FUTURE_MARKERS: Record<Lang, RegExp> = {
  sv: /(?<!\p{L})(kommer (?:\p{L}+ )?att|ska|skall|förväntas|planeras|avser att|preliminär|preliminärt)(?!\p{L})/iu,
  en: /(?<!\p{L})(will|shall|is expected to|are expected to|is planned|are planned|planned to|is to|preliminary|intends to)(?!\p{L})/iu,
};

const YEAR = /\b(19|20)\d{2}\b/gu;

/** Words after which a year is the start of something still going on, not a plan. */
const SINCE = /^(sedan|since|från|from)$/iu;

/** The dates a sentence names, read with the fuzzy-date parser so "hösten 2021" ends in November. */
export function datesIn(sentence: string): { date: FuzzyDate; index: number }[] {
  const found: { date: FuzzyDate; index: number }[] = [];
  for (const match of sentence.matchAll(YEAR)) {
    const before = sentence.slice(0, match.index).split(/\s+/u).filter(Boolean);
    if (SINCE.test(before.at(-1) ?? '')) continue;
    let best: FuzzyDate | undefined;
    // Prefer the longest reading ("1 juli 2021" over "juli 2021" over "2021").
    for (let words = Math.min(3, before.length); words >= 0 && !best; words--) {
      const phrase = [...before.slice(before.length - words), match[0]].join(' ');
      try {
        best = parseFuzzyDate(phrase);
      } catch (error) {
        if (!(error instanceof FuzzyDateError)) throw error;
      }
    }
    if (best) found.push({ date: best, index: match.index });
  }
  return found;
}

/** Purpose clauses ("för att de ska kunna …", "so that they will …") state aims, not plans. */
const PURPOSE_CLAUSE = /(?<!\p{L})(för att|så att|so that|in order to)(?!\p{L})[^.;:]*/giu;

/**
 * The date a future-tense sentence is about: the first one after the future word, or, in Swedish
 * word order ("Under hösten 2021 ska …"), the last one before it. Undefined when there is none.
 */
export function futureDateIn(sentence: string, lang: Lang): FuzzyDate | undefined {
  const main = sentence.replace(PURPOSE_CLAUSE, '');
  const marker = FUTURE_MARKERS[lang].exec(main);
  if (!marker) return undefined;
  const dates = datesIn(main);
  return (dates.find((d) => d.index > marker.index) ?? dates.filter((d) => d.index < marker.index).at(-1))?.date;
}

export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/u).map((s) => s.trim()).filter(Boolean);
}

const staleFutureTense: Rule = (a, ctx) => {
  const findings: Finding[] = [];
  for (const lang of ['sv', 'en'] as const) {
    const texts = a.texts[lang];
    if (!texts) continue;
    const seen = new Set<string>();
    for (const field of ['summary', 'description', 'objectives'] as const) {
      for (const sentence of sentences(texts[field] ?? '')) {
        // A summary often repeats a sentence of the description: report it once.
        if (seen.has(sentence)) continue;
        seen.add(sentence);
        const date = futureDateIn(sentence, lang);
        if (!date || date.to >= ctx.today) continue;
        findings.push({
          code: 'stale-future-tense', severity: 'warning', activity: a.slug, field: `texts.${lang}.${field}`, quote: sentence,
          message: {
            sv: `Texten talar i framtid om ${formatFuzzyDate(date, 'sv')}, som har passerat.`,
            en: `The text speaks in the future tense of ${formatFuzzyDate(date, 'en')}, which has passed.`,
          },
        });
      }
    }
  }
  return findings;
};

function latestEnd(a: Activity): FuzzyDate | undefined {
  return a.dates.actualEnd ?? a.dates.plannedEnd;
}
function start(a: Activity): FuzzyDate | undefined {
  return a.dates.actualStart ?? a.dates.plannedStart;
}

const statusAgainstDates: Rule = (a, ctx) => {
  const status = labelOf(ACTIVITY_STATUSES, a.status);
  const end = latestEnd(a);
  const begin = start(a);
  const finding = (code: string, field: string, message: Message): Finding[] => [{ code, severity: 'warning', activity: a.slug, field, message }];
  if ((a.status === 'implementation' || a.status === 'suspended') && end && end.to < ctx.today) {
    return finding('past-due-ongoing', 'status', {
      sv: `Status är "${status.sv}" men slutet (${formatFuzzyDate(end, 'sv')}) har passerat.`,
      en: `Status is "${status.en}" but the end (${formatFuzzyDate(end, 'en')}) has passed.`,
    });
  }
  if (a.status === 'pipeline' && begin && begin.to < ctx.today) {
    return finding('pipeline-start-passed', 'status', {
      sv: `Status är "${status.sv}" men den planerade starten (${formatFuzzyDate(begin, 'sv')}) har passerat.`,
      en: `Status is "${status.en}" but the planned start (${formatFuzzyDate(begin, 'en')}) has passed.`,
    });
  }
  if (a.status === 'pipeline' && end && end.to < ctx.today) {
    return finding('pipeline-end-passed', 'status', {
      sv: `Status är "${status.sv}" men det planerade slutet (${formatFuzzyDate(end, 'sv')}) har passerat.`,
      en: `Status is "${status.en}" but the planned end (${formatFuzzyDate(end, 'en')}) has passed.`,
    });
  }
  if ((a.status === 'implementation' || a.status === 'finalisation' || a.status === 'closed') && begin && begin.from > ctx.today) {
    return finding('started-in-future', 'status', {
      sv: `Status är "${status.sv}" men starten (${formatFuzzyDate(begin, 'sv')}) ligger i framtiden.`,
      en: `Status is "${status.en}" but the start (${formatFuzzyDate(begin, 'en')}) is in the future.`,
    });
  }
  if (a.status === 'closed' && end && end.from > ctx.today) {
    return finding('closed-before-end', 'status', {
      sv: `Status är "${status.sv}" men slutet (${formatFuzzyDate(end, 'sv')}) ligger i framtiden.`,
      en: `Status is "${status.en}" but the end (${formatFuzzyDate(end, 'en')}) is in the future.`,
    });
  }
  return [];
};

const endBeforeStart: Rule = (a) => {
  const findings: Finding[] = [];
  const pairs: [FuzzyDate | undefined, FuzzyDate | undefined, string][] = [
    [a.dates.plannedStart, a.dates.plannedEnd, 'dates.plannedEnd'],
    [a.dates.actualStart, a.dates.actualEnd, 'dates.actualEnd'],
    [a.dates.actualStart, a.dates.plannedEnd, 'dates.plannedEnd'],
  ];
  for (const [s, e, field] of pairs) {
    if (!s || !e || e.to >= s.from) continue;
    findings.push({
      code: 'end-before-start', severity: 'error', activity: a.slug, field,
      message: { sv: `Slutet (${e.phrase}) ligger före starten (${s.phrase}).`, en: `The end (${e.phrase}) is before the start (${s.phrase}).` },
    });
  }
  return findings;
};

const organisationWithoutRole: Rule = (a) => {
  const participants = new Set(a.participations.map((p) => p.organisation));
  const mentioned = new Map<string, string>();
  a.funding.forEach((f, i) => {
    if (f.funder) mentioned.set(f.funder, `funding.${i}.funder`);
    if (f.via) mentioned.set(f.via, `funding.${i}.via`);
  });
  a.engagements.forEach((e, i) => e.homeOrganisations.forEach((o, j) => mentioned.set(o, `engagements.${i}.homeOrganisations.${j}`)));
  return [...mentioned].filter(([slug]) => !participants.has(slug)).map(([slug, field]) => ({
    code: 'organisation-without-role', severity: 'warning' as const, activity: a.slug, field,
    message: { sv: `Organisationen "${slug}" nämns men har ingen roll i aktiviteten.`, en: `Organisation "${slug}" is named but has no role in the activity.` },
  }));
};

const keyFigureWithoutDate: Rule = (a) => a.keyFigures.flatMap((k, i) => k.asOf ? [] : [{
  code: 'key-figure-without-date', severity: 'warning' as const, activity: a.slug, field: `keyFigures.${i}.asOf`,
  quote: `${k.value} ${k.unit.sv ?? k.unit.en ?? ''}`.trim(),
  message: {
    sv: `Nyckeltalet ${k.value.toLocaleString('sv-SE')} ${k.unit.sv ?? k.unit.en ?? ''} saknar datum (per när det gäller).`,
    en: `The key figure ${k.value.toLocaleString('en-GB')} ${k.unit.en ?? k.unit.sv ?? ''} has no as-of date.`,
  },
}]);

export const RULES: readonly Rule[] = [
  missingTitle, missingLanguage, staleFutureTense, statusAgainstDates, endBeforeStart,
  organisationWithoutRole, keyFigureWithoutDate,
];

export function checkActivity(a: Activity, ctx: CheckContext): Finding[] {
  return RULES.flatMap((rule) => rule(a, ctx));
}

/**
 * Every rule over a portfolio; with the IATI context (reporting organisation and organisations),
 * also the IATI rules, so what would make the published file invalid is found on stored data.
 */
export function checkPortfolio(activities: Activity[], ctx: CheckContext, iati?: Omit<IatiRuleContext, keyof CheckContext>): Finding[] {
  const full = iati && { ...ctx, ...iati };
  return [
    ...activities.flatMap((a) => [...checkActivity(a, ctx), ...(full ? checkIatiActivity(a, full) : [])]),
    ...(full ? duplicateIdentifiers(activities) : []),
  ];
}
