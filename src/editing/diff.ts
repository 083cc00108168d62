/**
 * Readable differences between two versions of a record, at the level a person thinks in: a text
 * field changed, a participation added or removed, a date moved. Lists whose items have a natural
 * key (countries, partners by organisation and role, documents by address) are compared by that key,
 * so removing the first partner is one removal, not a change of every row after it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Activity } from '../activities/activity.schema.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import type { Message } from '../shared/i18n.ts';

export interface DiffEntry {
  /** A stable path: 'status', 'texts.sv.title', 'participations.msb/partner', 'funding.0'. */
  path: string;
  /** The field (and item) in words, in both languages. */
  label: Message;
  change: 'added' | 'removed' | 'changed';
  /** The value before (absent when added) and after (absent when removed), as stored. */
  before?: unknown;
  after?: unknown;
}

const ACTIVITY_FIELDS: Record<string, Message> = {
  slug: { sv: 'Kortnamn (slug)', en: 'Short name (slug)' },
  iatiIdentifier: { sv: 'IATI-identifierare', en: 'IATI identifier' },
  kind: { sv: 'Typ', en: 'Kind' },
  status: { sv: 'Status', en: 'Status' },
  publication: { sv: 'Publicering', en: 'Publication' },
  workingTitle: { sv: 'Arbetstitel', en: 'Working title' },
  reportedBy: { sv: 'Rapporteras till IATI av', en: 'Reported to IATI by' },
  title: { sv: 'Namn', en: 'Title' },
  acronym: { sv: 'Förkortning', en: 'Acronym' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  description: { sv: 'Beskrivning', en: 'Description' },
  objectives: { sv: 'Mål', en: 'Objectives' },
  plannedStart: { sv: 'Planerad start', en: 'Planned start' },
  plannedEnd: { sv: 'Planerat slut', en: 'Planned end' },
  actualStart: { sv: 'Faktisk start', en: 'Actual start' },
  actualEnd: { sv: 'Faktiskt slut', en: 'Actual end' },
  countries: { sv: 'Land', en: 'Country' },
  regions: { sv: 'Region', en: 'Region' },
  participations: { sv: 'Deltagande organisation', en: 'Participating organisation' },
  funding: { sv: 'Finansiering', en: 'Funding' },
  relations: { sv: 'Relation', en: 'Relation' },
  alignment: { sv: 'Policymål', en: 'Policy objective' },
  keyFigures: { sv: 'Nyckeltal', en: 'Key figure' },
  results: { sv: 'Resultat', en: 'Result' },
  engagements: { sv: 'Uppdrag eller evenemang', en: 'Mission or event' },
  documents: { sv: 'Dokument', en: 'Document' },
  otherIdentifiers: { sv: 'Annan identifierare', en: 'Other identifier' },
  provenance: { sv: 'Källmeningar', en: 'Source sentences' },
};

const LANG_NAMES: Record<'sv' | 'en', Message> = { sv: { sv: 'svenska', en: 'Swedish' }, en: { sv: 'engelska', en: 'English' } };

const plain = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)) as T);

function scalar(out: DiffEntry[], path: string, label: Message, before: unknown, after: unknown): void {
  const b = plain(before);
  const a = plain(after);
  if (isDeepStrictEqual(b, a)) return;
  if (b === undefined) out.push({ path, label, change: 'added', after: a });
  else if (a === undefined) out.push({ path, label, change: 'removed', before: b });
  else out.push({ path, label, change: 'changed', before: b, after: a });
}

/** Compares two lists by a key; items whose key repeats get '#2', '#3' so nothing is lost. */
function keyed<T>(out: DiffEntry[], name: string, before: T[], after: T[], key: (item: T, index: number) => string, itemLabel: (item: T) => string): void {
  const index = (items: T[]) => {
    const map = new Map<string, T>();
    items.forEach((item, i) => {
      const base = key(item, i);
      let k = base;
      for (let n = 2; map.has(k); n++) k = `${base}#${n}`;
      map.set(k, item);
    });
    return map;
  };
  const b = index(before);
  const a = index(after);
  const label = (item: T): Message => {
    const what = itemLabel(item);
    const field = ACTIVITY_FIELDS[name]!;
    return what ? { sv: `${field.sv}: ${what}`, en: `${field.en}: ${what}` } : field;
  };
  for (const [k, item] of b) {
    if (!a.has(k)) out.push({ path: `${name}.${k}`, label: label(item), change: 'removed', before: plain(item) });
    else if (!isDeepStrictEqual(plain(item), plain(a.get(k)))) out.push({ path: `${name}.${k}`, label: label(a.get(k)!), change: 'changed', before: plain(item), after: plain(a.get(k)) });
  }
  for (const [k, item] of a) if (!b.has(k)) out.push({ path: `${name}.${k}`, label: label(item), change: 'added', after: plain(item) });
}

const firstText = (m: { sv?: string | undefined; en?: string | undefined } | undefined): string => m?.sv ?? m?.en ?? '';

type ActivityDoc = Omit<Activity, 'meta'> & { meta?: unknown };

/** What changed from one version of an activity to another (bookkeeping ignored). */
export function diffActivities(before: ActivityDoc, after: ActivityDoc): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const field of ['slug', 'iatiIdentifier', 'reportedBy', 'kind', 'status', 'publication', 'workingTitle'] as const) {
    scalar(out, field, ACTIVITY_FIELDS[field]!, before[field], after[field]);
  }
  for (const lang of ['sv', 'en'] as const) {
    for (const field of ['title', 'acronym', 'summary', 'description', 'objectives'] as const) {
      const f = ACTIVITY_FIELDS[field]!;
      scalar(out, `texts.${lang}.${field}`, { sv: `${f.sv} (${LANG_NAMES[lang].sv})`, en: `${f.en} (${LANG_NAMES[lang].en})` }, before.texts[lang]?.[field], after.texts[lang]?.[field]);
    }
  }
  for (const field of ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const) {
    scalar(out, `dates.${field}`, ACTIVITY_FIELDS[field]!, before.dates[field], after.dates[field]);
  }
  keyed(out, 'countries', before.countries, after.countries, (c) => c.code, (c) => c.code);
  keyed(out, 'regions', before.regions, after.regions, (r) => r, (r) => r);
  keyed(out, 'participations', before.participations, after.participations, (p) => `${p.organisation}/${p.role}`, (p) => `${p.organisation} (${p.role})`);
  keyed(out, 'funding', before.funding, after.funding, (f) => `${f.instrument}/${f.funder ?? '-'}/${f.via ?? '-'}`, (f) => [f.instrument, f.funder, f.via].filter(Boolean).join(', '));
  keyed(out, 'relations', before.relations, after.relations,
    (r) => `${r.type}/${'activity' in r.target ? r.target.activity : firstText(r.target.external.name)}`,
    (r) => `${r.type} ${'activity' in r.target ? r.target.activity : firstText(r.target.external.name)}`);
  keyed(out, 'alignment', before.alignment, after.alignment, (a) => `${a.framework}/${a.code}`, (a) => `${a.framework} ${a.code}`);
  keyed(out, 'keyFigures', before.keyFigures, after.keyFigures, (k) => firstText(k.label) || firstText(k.unit), (k) => `${k.value} ${firstText(k.unit)}`);
  keyed(out, 'results', before.results, after.results, (r) => firstText(r.title), (r) => firstText(r.title));
  keyed(out, 'engagements', before.engagements, after.engagements, (e, i) => `${e.kind}/${firstText(e.title) || e.date?.phrase || i}`, (e) => firstText(e.title) || e.date?.phrase || e.kind);
  keyed(out, 'documents', before.documents, after.documents, (d) => d.url, (d) => firstText(d.title) || d.url);
  // Documents stored before the field existed (revisions, working copies) have no list.
  keyed(out, 'otherIdentifiers', before.otherIdentifiers ?? [], after.otherIdentifiers ?? [], (o) => `${o.type}/${o.ref}`, (o) => `${o.ref} (${o.type})`);
  scalar(out, 'provenance', ACTIVITY_FIELDS.provenance!, before.provenance, after.provenance);
  return out;
}

const ORGANISATION_FIELDS: Record<string, Message> = {
  slug: { sv: 'Kortnamn (slug)', en: 'Short name (slug)' },
  'name.sv': { sv: 'Namn (svenska)', en: 'Name (Swedish)' },
  'name.en': { sv: 'Namn (engelska)', en: 'Name (English)' },
  acronym: { sv: 'Förkortning', en: 'Acronym' },
  type: { sv: 'Organisationstyp', en: 'Organisation type' },
  country: { sv: 'Land', en: 'Country' },
  iatiRef: { sv: 'IATI-referens', en: 'IATI reference' },
  website: { sv: 'Webbplats', en: 'Website' },
  parent: { sv: 'Överordnad organisation', en: 'Parent organisation' },
  provenance: { sv: 'Källmeningar', en: 'Source sentences' },
};

type OrganisationDoc = Omit<Organisation, 'meta'> & { meta?: unknown };

export function diffOrganisations(before: OrganisationDoc, after: OrganisationDoc): DiffEntry[] {
  const out: DiffEntry[] = [];
  const value = (o: OrganisationDoc, path: string): unknown => (path.startsWith('name.') ? o.name[path.slice(5) as 'sv' | 'en'] : o[path as keyof OrganisationDoc]);
  for (const [path, label] of Object.entries(ORGANISATION_FIELDS)) scalar(out, path, label, value(before, path), value(after, path));
  return out;
}

/** The changed paths, as a revision records them. */
export const changedPaths = (entries: DiffEntry[]): string[] => entries.map((e) => e.path);
