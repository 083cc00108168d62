/**
 * The portfolio as CSV: one row per activity, labels rather than codes, UTF-8 with a byte-order
 * mark so Excel reads it, and every cell that a spreadsheet could run as a formula defused.
 */
import { stringify } from 'csv-stringify/sync';
import type { Activity } from '../activities/activity.schema.ts';
import { formatPeriod } from '../dates/fuzzy-date.format.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, INSTRUMENTS, PARTICIPATION_ROLES, labelOf } from '../reference/codes.ts';
import { countryName } from '../reference/countries.ts';
import { findRegion } from '../reference/regions.ts';
import type { Lang } from '../shared/i18n.ts';

export interface CsvOptions {
  lang: Lang;
  delimiter: ',' | ';';
}

const COLUMNS: { sv: string; en: string; value: (a: Activity, ctx: RowContext) => string }[] = [
  { sv: 'Id', en: 'Id', value: (a) => a.slug },
  { sv: 'IATI-identifierare', en: 'IATI identifier', value: (a) => a.iatiIdentifier },
  { sv: 'Andra identifierare', en: 'Other identifiers', value: (a) => a.otherIdentifiers.map((o) => o.ref).join('; ') },
  { sv: 'Rapporteras till IATI av', en: 'Reported to IATI by', value: (a, c) => (a.reportedBy === undefined ? '' : c.orgName(a.reportedBy)) },
  { sv: 'Namn (svenska)', en: 'Title (Swedish)', value: (a) => a.texts.sv?.title ?? '' },
  { sv: 'Namn (engelska)', en: 'Title (English)', value: (a) => a.texts.en?.title ?? '' },
  { sv: 'Arbetstitel', en: 'Working title', value: (a, c) => (a.workingTitle ? c.yes : c.no) },
  { sv: 'Förkortning', en: 'Acronym', value: (a, c) => a.texts[c.lang]?.acronym ?? a.texts.sv?.acronym ?? a.texts.en?.acronym ?? '' },
  { sv: 'Typ', en: 'Kind', value: (a, c) => labelOf(ACTIVITY_KINDS, a.kind)[c.lang] },
  { sv: 'Status', en: 'Status', value: (a, c) => labelOf(ACTIVITY_STATUSES, a.status)[c.lang] },
  { sv: 'Period', en: 'Period', value: (a, c) => period(a, c.lang) },
  { sv: 'Start (första dag)', en: 'Start (first day)', value: (a) => (a.dates.actualStart ?? a.dates.plannedStart)?.from ?? '' },
  { sv: 'Slut (sista dag)', en: 'End (last day)', value: (a) => (a.dates.actualEnd ?? a.dates.plannedEnd)?.to ?? '' },
  { sv: 'Länder', en: 'Countries', value: (a, c) => a.countries.map((x) => countryName(x.code, c.lang)).join('; ') },
  { sv: 'Regioner', en: 'Regions', value: (a, c) => a.regions.map((r) => findRegion(r)?.name[c.lang] ?? r).join('; ') },
  { sv: 'Organisationer och roller', en: 'Organisations and roles', value: (a, c) => a.participations.map((p) => `${c.orgName(p.organisation)} (${labelOf(PARTICIPATION_ROLES, p.role)[c.lang].toLowerCase()})`).join('; ') },
  { sv: 'Finansiering', en: 'Funding', value: (a, c) => a.funding.map((f) => labelOf(INSTRUMENTS, f.instrument)[c.lang]).join('; ') },
  { sv: 'Budget', en: 'Budget', value: (a) => a.funding.flatMap((f) => f.flows.filter((fl) => fl.kind === 'budget').map((fl) => `${fl.amount} ${fl.currency}`)).join('; ') },
  { sv: 'Mål i GCM', en: 'GCM objectives', value: (a) => a.alignment.filter((x) => x.framework === 'gcm').map((x) => x.code).join('; ') },
  { sv: 'Delmål i Agenda 2030', en: 'SDG targets', value: (a) => a.alignment.filter((x) => x.framework === 'sdg-target').map((x) => x.code).join('; ') },
  { sv: 'Nyckeltal', en: 'Key figures', value: (a, c) => a.keyFigures.map((k) => `${k.value} ${k.unit[c.lang] ?? k.unit.sv ?? k.unit.en ?? ''}`.trim()).join('; ') },
  { sv: 'Sammanfattning', en: 'Summary', value: (a, c) => a.texts[c.lang]?.summary ?? '' },
  { sv: 'Senast ändrad', en: 'Last updated', value: (a) => a.meta?.updatedAt ?? '' },
];

interface RowContext {
  lang: Lang;
  yes: string;
  no: string;
  orgName: (slug: string) => string;
}

function period(a: Activity, lang: Lang): string {
  const start = a.dates.actualStart ?? a.dates.plannedStart;
  const end = a.dates.actualEnd ?? a.dates.plannedEnd;
  if (!start && !end) return '';
  return formatPeriod({ start, end, phrase: '' }, lang);
}

/** A cell a spreadsheet would read as a formula is prefixed with an apostrophe. */
export function defuse(cell: string): string {
  return /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}

export function portfolioCsv(activities: Activity[], organisations: Organisation[], options: CsvOptions): string {
  const names = new Map(organisations.map((o) => [o.slug, o]));
  const ctx: RowContext = {
    lang: options.lang,
    yes: options.lang === 'sv' ? 'ja' : 'yes',
    no: options.lang === 'sv' ? 'nej' : 'no',
    orgName: (slug) => {
      const o = names.get(slug);
      return o?.name[options.lang] ?? o?.name.sv ?? o?.name.en ?? slug;
    },
  };
  const rows = activities.map((a) => COLUMNS.map((col) => defuse(col.value(a, ctx))));
  const header = COLUMNS.map((col) => col[options.lang]);
  return `\uFEFF${stringify([header, ...rows], { delimiter: options.delimiter, record_delimiter: '\r\n' })}`;
}
