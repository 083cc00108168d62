/**
 * Samverka's own codelists: every code stored in the database, with its label in Swedish and
 * English and, where the IATI standard has an equivalent, the IATI code it exports as.
 */
import type { Message } from '../shared/i18n.ts';

export interface Code<K extends string = string> {
  code: K;
  label: Message;
}

function list<const K extends string>(entries: readonly (readonly [K, string, string])[]): Code<K>[] {
  return entries.map(([code, sv, en]) => ({ code, label: { sv, en } }));
}

export const ACTIVITY_KINDS = list([
  ['project', 'Projekt', 'Project'],
  ['pre-study', 'Förstudie', 'Pre-study'],
  ['programme', 'Program', 'Programme'],
  ['network', 'Nätverk', 'Network'],
  ['support-function', 'Stödfunktion', 'Support function'],
] as const);
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]['code'];

/** IATI ActivityStatus, by name; the number is the IATI code. */
export const ACTIVITY_STATUSES = list([
  ['pipeline', 'Planering', 'Pipeline/identification'],
  ['implementation', 'Pågår', 'Implementation'],
  ['finalisation', 'Slutförs', 'Finalisation'],
  ['closed', 'Avslutad', 'Closed'],
  ['cancelled', 'Inställd', 'Cancelled'],
  ['suspended', 'Vilande', 'Suspended'],
] as const);
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]['code'];
export const IATI_ACTIVITY_STATUS: Record<ActivityStatus, string> = {
  pipeline: '1', implementation: '2', finalisation: '3', closed: '4', cancelled: '5', suspended: '6',
};

export const DATE_TYPES = list([
  ['planned-start', 'Planerad start', 'Planned start'],
  ['actual-start', 'Faktisk start', 'Actual start'],
  ['planned-end', 'Planerat slut', 'Planned end'],
  ['actual-end', 'Faktiskt slut', 'Actual end'],
] as const);
export type DateType = (typeof DATE_TYPES)[number]['code'];
export const IATI_DATE_TYPE: Record<DateType, string> = {
  'planned-start': '1', 'actual-start': '2', 'planned-end': '3', 'actual-end': '4',
};

/** An organisation's role in an activity, richer than IATI's four; each maps to one IATI role. */
export const PARTICIPATION_ROLES = list([
  ['lead', 'Ledande part', 'Lead'],
  ['partner', 'Partner', 'Partner'],
  ['junior-partner', 'Junior partner', 'Junior partner'],
  ['beneficiary', 'Mottagande förvaltning', 'Beneficiary administration'],
  ['funder', 'Finansiär', 'Funder'],
  ['implementer', 'Genomförare', 'Implementer'],
  ['contracting-body', 'Kontrakterande organ', 'Contracting body'],
  ['stakeholder', 'Intressent', 'Stakeholder'],
] as const);
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number]['code'];
/** IATI OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing. */
export const IATI_ORGANISATION_ROLE: Record<ParticipationRole, '1' | '2' | '3' | '4'> = {
  lead: '2', partner: '4', 'junior-partner': '4', beneficiary: '4', funder: '1',
  implementer: '4', 'contracting-body': '3', stakeholder: '4',
};

/** Typed links between activities. `inverse` is how the link reads from the other end. */
export const RELATION_TYPES = [
  { code: 'continuation-of', label: { sv: 'Fortsättning på', en: 'Continuation of' }, inverse: { sv: 'Fortsattes av', en: 'Continued by' }, iati: '3' },
  { code: 'pre-study-led-to', label: { sv: 'Förstudien ledde till', en: 'Pre-study led to' }, inverse: { sv: 'Föregicks av förstudien', en: 'Preceded by the pre-study' }, iati: '3' },
  { code: 'part-of', label: { sv: 'Del av', en: 'Part of' }, inverse: { sv: 'Omfattar', en: 'Includes' }, iati: '1' },
  { code: 'integrated-into', label: { sv: 'Integrerades i', en: 'Integrated into' }, inverse: { sv: 'Införlivade', en: 'Took in' }, iati: '3' },
  { code: 'developed-by', label: { sv: 'Utvecklades av', en: 'Developed by' }, inverse: { sv: 'Utvecklade', en: 'Developed' }, iati: '5' },
  { code: 'succeeded-by', label: { sv: 'Efterföljdes av', en: 'Succeeded by' }, inverse: { sv: 'Efterträdde', en: 'Succeeded' }, iati: '3' },
  { code: 'moved-to', label: { sv: 'Flyttades till', en: 'Moved to' }, inverse: { sv: 'Tog över', en: 'Took over' }, iati: '3' },
] as const satisfies readonly (Code & { inverse: Message; iati: string })[];
export type RelationType = (typeof RELATION_TYPES)[number]['code'];

/** How a fact or link is known: said on the source page, or assessed by staff from what it says. */
export const BASES = list([
  ['stated', 'Anges i källan', 'Stated in the source'],
  ['assessed', 'Bedömning', 'Staff assessment'],
] as const);
export type Basis = (typeof BASES)[number]['code'];

export const INSTRUMENTS = list([
  ['eu-amif', 'EU:s asyl-, migrations- och integrationsfond (AMIF)', 'EU Asylum, Migration and Integration Fund (AMIF)'],
  ['eu-amif-specific-actions', 'AMIF – särskilda åtgärder', 'AMIF Specific Actions'],
  ['eu-isf-bmvi', 'EU:s fond för inre säkerhet (ISF) via BMVI', 'EU Internal Security Fund (ISF) via BMVI'],
  ['eu-ipa', 'EU:s föranslutningsstöd (IPA)', 'EU Instrument for Pre-accession Assistance (IPA)'],
  ['mpf', 'Migration Partnership Facility (MPF) via ICMPD', 'Migration Partnership Facility (MPF) via ICMPD'],
  ['eu-other', 'Annan EU-finansiering', 'Other EU funding'],
  ['sida', 'Sida', 'Sida'],
  ['ministry-grant', 'Anslag från departement', 'Ministry grant'],
  ['own-funds', 'Egna medel', 'Own funds'],
  ['other', 'Annan finansiering', 'Other funding'],
] as const);
export type Instrument = (typeof INSTRUMENTS)[number]['code'];

/** Budgets and transactions; the IATI code is TransactionType (budgets are their own element). */
export const FLOW_KINDS = [
  { code: 'budget', label: { sv: 'Budget', en: 'Budget' }, iati: null },
  { code: 'incoming-commitment', label: { sv: 'Inkommande åtagande', en: 'Incoming commitment' }, iati: '11' },
  { code: 'incoming-funds', label: { sv: 'Inkommande medel', en: 'Incoming funds' }, iati: '1' },
  { code: 'commitment', label: { sv: 'Åtagande', en: 'Commitment' }, iati: '2' },
  { code: 'disbursement', label: { sv: 'Utbetalning', en: 'Disbursement' }, iati: '3' },
  { code: 'expenditure', label: { sv: 'Utgift', en: 'Expenditure' }, iati: '4' },
] as const satisfies readonly (Code & { iati: string | null })[];
export type FlowKind = (typeof FLOW_KINDS)[number]['code'];

export const ENGAGEMENT_KINDS = list([
  ['expert-mission', 'Expertuppdrag', 'Expert mission'],
  ['deployment', 'Utstationering', 'Deployment'],
  ['study-visit', 'Studiebesök', 'Study visit'],
  ['training', 'Utbildning', 'Training'],
  ['webcast', 'Webbsändning', 'Webcast'],
  ['webinar', 'Webbinarium', 'Webinar'],
  ['podcast', 'Poddavsnitt', 'Podcast episode'],
  ['seminar', 'Seminarium', 'Seminar'],
  ['meeting', 'Möte', 'Meeting'],
  ['field-visit', 'Sonderingsresa', 'Scoping visit'],
] as const);
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number]['code'];

/**
 * Other identifiers of an activity (IATI's OtherIdentifierType), such as the grant number the EU
 * gave a twinning project. A1 (the reporting organisation's own id) is not among them: the export
 * writes the registry's slug as that.
 */
export const OTHER_IDENTIFIER_TYPES = list([
  ['A2', 'OECD/DAC CRS-id för aktiviteten', 'CRS activity identifier'],
  ['A3', 'Tidigare id för aktiviteten', 'Previous activity identifier'],
  ['A4', 'FTS-id (FN:s OCHA)', 'FTS flow ID (UN OCHA)'],
  ['A9', 'Annat id för aktiviteten, t.ex. ett bidragsnummer', 'Other activity identifier, e.g. a grant number'],
  ['B1', 'Rapportörens tidigare organisations-id', 'Previous reporting organisation identifier'],
  ['B9', 'Annat organisations-id', 'Other organisation identifier'],
] as const);
export type OtherIdentifierType = (typeof OTHER_IDENTIFIER_TYPES)[number]['code'];

export const RESULT_TYPES = list([
  ['output', 'Prestation', 'Output'],
  ['outcome', 'Effekt', 'Outcome'],
  ['impact', 'Långsiktig effekt', 'Impact'],
  ['other', 'Annat', 'Other'],
] as const);
export type ResultType = (typeof RESULT_TYPES)[number]['code'];
export const IATI_RESULT_TYPE: Record<ResultType, string> = { output: '1', outcome: '2', impact: '3', other: '9' };

export const INDICATOR_MEASURES = list([
  ['unit', 'Antal', 'Unit'],
  ['percentage', 'Procent', 'Percentage'],
  ['nominal', 'Nominell', 'Nominal'],
  ['ordinal', 'Ordinal', 'Ordinal'],
  ['qualitative', 'Kvalitativ', 'Qualitative'],
] as const);
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number]['code'];

export const ALIGNMENT_FRAMEWORKS = list([
  ['aim', 'Migrationsverkets mål för utvecklingssamarbetet', "The agency's aims for development cooperation"],
  ['gcm', 'Globala migrationsramverket (GCM)', 'Global Compact for Migration (GCM)'],
  ['gcr', 'Globala flyktingramverket (GCR)', 'Global Compact on Refugees (GCR)'],
  ['sdg-goal', 'Globala målen (Agenda 2030)', 'Sustainable Development Goals'],
  ['sdg-target', 'Delmål i Agenda 2030', 'SDG targets'],
] as const);
export type AlignmentFramework = (typeof ALIGNMENT_FRAMEWORKS)[number]['code'];

/**
 * IATI codelists that grow with new versions of the standard, by the shape of their codes. A code
 * of that shape is stored as it is, even when the registry's copy of the list does not have it (a
 * partner's file written against a newer list, say), so an import loses nothing; it is shown as
 * its code, and `samverka check` reports it (iati-codelist) until the list or the data is updated.
 * The registry's other coded fields are closed: their codes are what the registry means by them.
 */
export const OPEN_CODELISTS = {
  OrganisationType: /^\d{1,3}$/,
  DocumentCategory: /^[A-Z]\d{2}$/,
  Language: /^[a-z]{2}$/,
  OtherIdentifierType: /^[A-Z]\d$/,
} as const;

/** How a code outside the registry's copy of an open codelist is shown: the code, saying so. */
export function unknownCodeLabel(code: string): Message {
  return { sv: `${code} (okänd kod)`, en: `${code} (unknown code)` };
}

/** labelOf for a field of an open codelist: a code the list does not have is shown as itself (unknownCodeLabel). */
export function labelOrUnknown<K extends string>(codes: readonly Code<K>[], code: string): Message {
  return codes.find((c) => c.code === code)?.label ?? unknownCodeLabel(code);
}

export function labelOf<K extends string>(codes: readonly Code<K>[], code: K): Message {
  const found = codes.find((c) => c.code === code);
  if (!found) throw new Error(`Unknown code ${code}`);
  return found.label;
}

export function codesOf<K extends string>(codes: readonly Code<K>[]): [K, ...K[]] {
  return codes.map((c) => c.code) as [K, ...K[]];
}
