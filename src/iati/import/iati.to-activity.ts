/**
 * One parsed `iati-activity` → the registry's records. A file Samverka wrote is read back exactly
 * through its `samverka:` extension (docs/iati.md, "Reading it back"); any other publisher's
 * activity is mapped from what the standard gives, and everything that does not fit is said in a
 * warning (kept) or an error (activity skipped), with the line.
 */
import { activitySchema, type Activity } from '../../activities/activity.schema.ts';
import { organisationSchema, webAddress, type Organisation } from '../../organisations/organisation.schema.ts';
import { sourceSchema, type Source } from '../../exchange/portfolio.schema.ts';
import { FLOW_KINDS, IATI_ACTIVITY_STATUS, IATI_DATE_TYPE, IATI_RESULT_TYPE, OPEN_CODELISTS, OTHER_IDENTIFIER_TYPES } from '../../reference/codes.ts';
import { findObjective } from '../../reference/frameworks.ts';
import {
  COUNTRY_CODES, CURRENCY_CODES, DOCUMENT_CATEGORY_NAMES, LANGUAGE_CODES, ORGANISATION_TYPE_NAMES,
} from '../../reference/iati-codes.generated.ts';
import type { Bilingual, Message } from '../../shared/i18n.ts';
import { isRealDay, toProblems } from '../../shared/schema-helpers.ts';
import { IATI_INDICATOR_MEASURE, KNOWN_FILE_FORMATS, SAMVERKA_NAMESPACE } from '../iati.mapping.ts';
import { attributeValue, type RootInfo, type XmlNode } from './iati.reader.ts';

export interface ImportProblem {
  severity: 'error' | 'warning';
  code: string;
  line: number;
  message: Message;
}

/** What the mapping needs from the import: organisations already known, and slugs still free. */
export interface MappingContext {
  /** The slug of the organisation with this IATI ref or (failing that) this name; created if new. */
  organisation(ref: string | undefined, name: Bilingual | undefined, type: string | undefined, line: number): string;
  /** A slug no other activity has, derived from `base`. */
  uniqueSlug(base: string): string;
  /** The slug of the stored activity with this IATI identifier, if any. */
  storedSlug: string | undefined;
  /** The slug of the activity with this (storable) IATI identifier: stored, or earlier in the file; undefined if neither. */
  activitySlug(identifier: string): string | undefined;
  /** The IATI ref of the registry's own reporting organisation: an activity it reports has no `reportedBy`. */
  ownReportingOrg: string;
}

export interface MappedActivity {
  identifier: string;
  line: number;
  activity?: Activity;
  /** Definitions a Samverka file carries with the activity. */
  sources: Source[];
  organisations: Organisation[];
  problems: ImportProblem[];
  /** What the activity has that the registry has no field for (`notImportedOf`); none for a file Samverka wrote. */
  notImported: string[];
  /**
   * Whether it is part of an activity neither stored nor earlier in the file, kept for now as an
   * external activity by its identifier: the import links it if the activity comes later.
   */
  parentLater?: true;
}

type Json = Record<string, unknown>;

/**
 * The children of an element by name, made once for an element with many children (an activity
 * has dozens and is asked for a dozen names; filtering its children again for each was a visible
 * cost). Small elements are simply searched. Callers only read the lists they get. The index is
 * kept on the node, not in a WeakMap keyed by it: with the WeakMap's entries (ephemerons) the
 * scavenger kept far more alive, and the map stage's GC pauses on the bench file were 2.5 times
 * as long.
 */
const INDEX_FROM = 8;
const NONE: readonly XmlNode[] = [];

function byName(n: XmlNode): Map<string, XmlNode[]> {
  let index = n.byName;
  if (index === undefined) {
    index = new Map();
    for (const c of n.children) {
      const list = index.get(c.name);
      if (list === undefined) index.set(c.name, [c]);
      else list.push(c);
    }
    n.byName = index;
  }
  return index;
}

const kids = (n: XmlNode, name: string): readonly XmlNode[] =>
  n.children.length < INDEX_FROM ? n.children.filter((c) => c.name === name) : byName(n).get(name) ?? NONE;
const kid = (n: XmlNode | undefined, name: string): XmlNode | undefined => {
  if (n === undefined) return undefined;
  return n.children.length < INDEX_FROM ? n.children.find((c) => c.name === name) : byName(n).get(name)?.[0];
};
const attr = (n: XmlNode | undefined, name: string): string | undefined => (n === undefined ? undefined : attributeValue(n.attributes, name));
const reverse = (map: Record<string, string>) => new Map(Object.entries(map).map(([k, v]) => [v, k]));
const STATUS = reverse(IATI_ACTIVITY_STATUS);
const RESULT_TYPE = reverse(IATI_RESULT_TYPE);
const MEASURE = reverse(IATI_INDICATOR_MEASURE);
const FLOW_BY_IATI = new Map(FLOW_KINDS.filter((f) => f.iati !== null).map((f) => [f.iati as string, f.code]));
const DATE_FIELD = new Map([
  [IATI_DATE_TYPE['planned-start'], 'plannedStart'], [IATI_DATE_TYPE['actual-start'], 'actualStart'],
  [IATI_DATE_TYPE['planned-end'], 'plannedEnd'], [IATI_DATE_TYPE['actual-end'], 'actualEnd'],
]);
const ROLE: Record<string, string> = { 1: 'funder', 2: 'lead', 3: 'contracting-body', 4: 'implementer' };
const COUNTRIES = new Set(COUNTRY_CODES);
const OTHER_TYPES = new Set<string>(OTHER_IDENTIFIER_TYPES.map((t) => t.code));
const CURRENCIES = new Set(CURRENCY_CODES);
const LANGUAGES = new Set(LANGUAGE_CODES);
/** xs:decimal, and what the registry stores (15 digits, 4 decimals). */
const XS_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const STORABLE_DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** Parents kept per activity: a real one has one or two; a file with thousands is broken or hostile. */
const MAX_PARENTS = 50;
/** An activity identifier another one can point at: an organisation prefix, a hyphen and more (not `N/A` or a bare number). */
const ACTIVITY_REF = /^[A-Za-z0-9]+-[A-Za-z0-9]/;
/** Cells a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * The value as a JSON round trip gives it back (undefined properties dropped, undefined in arrays
 * and non-finite numbers become null, -0 becomes 0), for the plain objects, arrays and primitives
 * the mapping builds, without writing and parsing the text: that round trip was the mapping's
 * largest cost. A `__proto__` key (an xml:lang can be anything) stays an own property, as
 * JSON.parse makes it.
 */
function clean<T>(value: T): T {
  return pruned(value) as T;
}

function pruned(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) items[i] = value[i] === undefined ? null : pruned(value[i]);
    return items;
  }
  const out: Json = {};
  for (const key of Object.keys(value)) {
    const v = (value as Json)[key];
    if (v === undefined) continue;
    if (key === '__proto__') Object.defineProperty(out, key, { value: pruned(v), enumerable: true, writable: true, configurable: true });
    else out[key] = pruned(v);
  }
  return out;
}
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export function isSamverkaFile(root: RootInfo): boolean {
  return attributeValue(root.attributes, 'xmlns:samverka') === SAMVERKA_NAMESPACE;
}

export function identifierOf(node: XmlNode): string {
  return kid(node, 'iati-identifier')?.text.trim() ?? '';
}

/**
 * The key an identifier is stored under. The registry allows letters, digits, `_`, `.` and `-`;
 * real files also use `/` and spaces (IATI only warns). Whitespace is dropped and any other
 * character becomes `_`, deterministically, so importing the file again finds the same activity.
 */
export function storableIdentifier(identifier: string): string {
  const key = identifier.replace(/\s+/g, '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z0-9]+/, '');
  return key.slice(0, 200);
}

export function slugFromIdentifier(identifier: string): string {
  const s = identifier.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100).replace(/-+$/, '');
  return s || 'activity';
}

export function slugFromName(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100).replace(/-+$/, '');
  return s || 'organisation';
}

export function mapActivity(node: XmlNode, root: RootInfo, ctx: MappingContext): MappedActivity {
  const identifier = identifierOf(node);
  const out: MappedActivity = { identifier, line: node.line, sources: [], organisations: [], problems: [], notImported: [] };
  const problem = (severity: ImportProblem['severity'], code: string, line: number, sv: string, en: string) => {
    out.problems.push({ severity, code, line, message: { sv, en } });
  };
  if (!identifier) {
    problem('error', 'missing-identifier', node.line, 'Aktiviteten har ingen iati-identifier och kan inte importeras.', 'The activity has no iati-identifier and cannot be imported.');
    return out;
  }
  const ext = kid(node, 'samverka:activity');
  const samverka = isSamverkaFile(root) && ext !== undefined;
  const input = samverka ? fromSamverka(node, ext, ctx, out) : fromStandard(node, root, ctx, out, problem);
  if (!input) return out;
  if (!samverka) out.notImported = notImportedOf(node);
  if (ctx.storedSlug !== undefined) input.slug = ctx.storedSlug;
  const parsed = activitySchema.safeParse(input);
  if (!parsed.success) {
    for (const p of toProblems(parsed.error)) {
      problem('error', p.code, node.line, `${p.path ? `${p.path}: ` : ''}${p.message.sv}`, `${p.path ? `${p.path}: ` : ''}${p.message.en}`);
    }
    return out;
  }
  out.activity = parsed.data;
  return out;
}

// ——— Files Samverka wrote ———

/**
 * The texts of `parent`'s children named `name` by language (a child's xml:lang, else `lang`), as
 * `Object.fromEntries` would make them (a later text of a language wins; `__proto__` is an own
 * key), or undefined if there are none. Built in one pass: no filtered list, no entry pairs.
 */
function textsByLanguage(parent: XmlNode, name: string, lang: string): Json | undefined {
  let out: Json | undefined;
  for (const c of parent.children.length < INDEX_FROM ? parent.children : byName(parent).get(name) ?? NONE) {
    if (c.name !== name) continue;
    out ??= {};
    setOwn(out, attributeValue(c.attributes, 'xml:lang') ?? lang, c.text);
  }
  return out;
}

/** Sets an own property, as `Object.fromEntries` and a computed key in a literal do, also for `__proto__`. */
function setOwn(o: Json, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/** `name` is the child's full name (`samverka:note`). */
function extBilingual(parent: XmlNode | undefined, name: string): Json | undefined {
  return parent && textsByLanguage(parent, name, 'en');
}

function narrativeMap(element: XmlNode | undefined, lang: string): Json | undefined {
  return element && textsByLanguage(element, 'narrative', lang);
}

function extProvenance(parent: XmlNode): Json[] {
  return kids(parent, 'samverka:provenance').map((p) => ({ field: attr(p, 'field'), source: attr(p, 'source'), quote: p.text }));
}

const FUZZY_NAMES = ['from', 'to', 'precision', 'phrase'] as const;
const FUZZY_EXT_NAMES = ['samverka:from', 'samverka:to', 'samverka:precision', 'samverka:phrase'] as const;

/** A fuzzy date from the attributes `from`, `to`, `precision` and `phrase` (or the `samverka:` ones). */
function fuzzy(e: XmlNode | undefined, names: readonly [string, string, string, string] = FUZZY_NAMES): Json | undefined {
  if (!e) return undefined;
  return { from: attr(e, names[0]), to: attr(e, names[1]), precision: attr(e, names[2]), phrase: attr(e, names[3]) };
}

/**
 * Who reports an activity of a Samverka file, when it is not the registry's own reporting
 * organisation: the one `samverka:activity/@reported-by` names, else the file's reporting-org (a
 * file from another Samverka), found among the file's definitions by its ref, or matched or created.
 */
function samverkaReporter(act: XmlNode, ext: XmlNode, ctx: MappingContext, out: MappedActivity, lang: string): string | undefined {
  const named = attr(ext, 'reported-by');
  if (named !== undefined) return named;
  const reporting = kid(act, 'reporting-org');
  const ref = attr(reporting, 'ref');
  if (!reporting || ref === ctx.ownReportingOrg) return undefined;
  const defined = out.organisations.find((o) => ref !== undefined && o.iatiRef === ref);
  if (defined) return defined.slug;
  const names = narrativeMap(reporting, lang) as Record<string, string> | undefined;
  const name = names && { ...(names.sv ? { sv: names.sv } : {}), en: names.en ?? Object.values(names)[0] };
  const type = attr(reporting, 'type');
  return ref || name?.en || name?.sv ? ctx.organisation(ref, name, type && OPEN_CODELISTS.OrganisationType.test(type) ? type : undefined, reporting.line) : undefined;
}

function fromSamverka(act: XmlNode, ext: XmlNode, ctx: MappingContext, out: MappedActivity): Json | undefined {
  const lang = attr(act, 'xml:lang') ?? 'en';
  const meta = (e: XmlNode) => ({ version: num(attr(e, 'version')), createdAt: attr(e, 'created-at'), updatedAt: attr(e, 'updated-at') });
  for (const s of kids(act, 'samverka:source')) {
    const parsed = sourceSchema.safeParse(clean({ slug: attr(s, 'slug'), title: extBilingual(s, 'samverka:title'), location: attr(s, 'location'), meta: meta(s) }));
    if (parsed.success) out.sources.push(parsed.data);
    else toProblems(parsed.error).forEach((p) => out.problems.push({ severity: 'error', code: p.code, line: s.line, message: { sv: `samverka:source ${p.path}: ${p.message.sv}`, en: `samverka:source ${p.path}: ${p.message.en}` } }));
  }
  for (const o of kids(act, 'samverka:organisation')) {
    const parsed = organisationSchema.safeParse(clean({
      slug: attr(o, 'slug'), name: extBilingual(o, 'samverka:name'), acronym: attr(o, 'acronym'), type: attr(o, 'type'), country: attr(o, 'country'),
      iatiRef: attr(o, 'iati-ref'), website: attr(o, 'website'), parent: attr(o, 'parent'), provenance: extProvenance(o), meta: meta(o),
    }));
    if (parsed.success) out.organisations.push(parsed.data);
    else toProblems(parsed.error).forEach((p) => out.problems.push({ severity: 'error', code: p.code, line: o.line, message: { sv: `samverka:organisation ${p.path}: ${p.message.sv}`, en: `samverka:organisation ${p.path}: ${p.message.en}` } }));
  }
  if (out.problems.length) return undefined;
  const title = kid(act, 'title');
  const texts: Record<string, Json> = {};
  const put = (field: string, values: Json | undefined) => {
    if (values === undefined) return;
    for (const l of Object.keys(values)) {
      // A language's object made here is filled in place; anything else (a first text, a key such
      // as `__proto__` or `constructor`) goes the way of `{ ...texts[l], [field]: text }`.
      const mine = l !== '__proto__' && field !== '__proto__' && Object.hasOwn(texts, l) ? texts[l] : undefined;
      if (mine !== undefined) mine[field] = values[l];
      else texts[l] = { ...texts[l], [field]: values[l] };
    }
  };
  put('title', narrativeMap(title, lang));
  put('acronym', extBilingual(title, 'samverka:acronym'));
  for (const d of kids(act, 'description')) {
    const field = attr(d, 'samverka:field');
    if (field && attr(d, 'samverka:derived') !== 'true') put(field, narrativeMap(d, lang));
  }
  const dates: Json = {};
  for (const d of kids(act, 'activity-date')) {
    const field = DATE_FIELD.get(attr(d, 'type') ?? '');
    if (field) dates[field] = fuzzy(d, FUZZY_EXT_NAMES);
  }
  return clean({
    slug: attr(ext, 'slug'),
    iatiIdentifier: identifierOf(act),
    // The registry's own; the slug as A1 has no samverka:other.
    otherIdentifiers: kids(act, 'other-identifier').filter((o) => attr(o, 'samverka:other') !== undefined).map((o) => ({
      ref: attr(o, 'ref'), type: attr(o, 'type'), owner: attr(kid(o, 'owner-org'), 'samverka:organisation'),
    })),
    reportedBy: samverkaReporter(act, ext, ctx, out, lang),
    kind: attr(ext, 'kind'),
    status: STATUS.get(attr(kid(act, 'activity-status'), 'code') ?? ''),
    publication: 'published',
    workingTitle: attr(title, 'samverka:working-title') === 'true',
    texts,
    dates,
    countries: kids(act, 'recipient-country').map((c) => ({ code: attr(c, 'code'), percentage: attr(c, 'samverka:computed') ? undefined : num(attr(c, 'percentage')) })),
    regions: attr(ext, 'regions')?.split(' ').filter(Boolean) ?? [],
    participations: kids(act, 'participating-org').filter((o) => attr(o, 'samverka:role')).map((o) => ({
      organisation: attr(o, 'samverka:organisation'), role: attr(o, 'samverka:role'), note: extBilingual(o, 'samverka:note'), provenance: extProvenance(o),
    })),
    funding: kids(ext, 'samverka:funding').map((f) => ({
      instrument: attr(f, 'instrument'), funder: attr(f, 'funder'), via: attr(f, 'via'), coFinancing: attr(f, 'co-financing') === 'true',
      note: extBilingual(f, 'samverka:note'),
      flows: kids(f, 'samverka:flow').map((fl) => ({
        kind: attr(fl, 'kind'), amount: attr(fl, 'amount'), currency: attr(fl, 'currency'), valueDate: attr(fl, 'value-date'),
        periodStart: attr(fl, 'period-start'), periodEnd: attr(fl, 'period-end'), note: extBilingual(fl, 'samverka:note'),
      })),
      provenance: extProvenance(f),
    })),
    relations: kids(ext, 'samverka:relation').map((r) => {
      const external = kid(r, 'samverka:external');
      return {
        type: attr(r, 'type'),
        target: external
          ? { external: { name: extBilingual(external, 'samverka:name'), iatiIdentifier: attr(external, 'iati-identifier'), organisation: attr(external, 'organisation') } }
          : { activity: attr(r, 'activity') },
        basis: attr(r, 'basis'), note: extBilingual(r, 'samverka:note'), provenance: extProvenance(r),
      };
    }),
    alignment: kids(act, 'tag').filter((t) => attr(t, 'samverka:framework')).map((t) => ({
      framework: attr(t, 'samverka:framework'), code: attr(t, 'code'), basis: attr(t, 'samverka:basis'), provenance: extProvenance(t),
    })),
    keyFigures: kids(ext, 'samverka:key-figure').map((k) => ({
      value: num(attr(k, 'value')), unit: extBilingual(k, 'samverka:unit'), currency: attr(k, 'currency'), label: extBilingual(k, 'samverka:label'),
      asOf: fuzzy(kid(k, 'samverka:as-of')), cumulative: attr(k, 'cumulative') === 'true',
      source: kid(k, 'samverka:source')?.text, provenance: extProvenance(k),
    })),
    results: kids(act, 'result').map((r) => ({
      type: RESULT_TYPE.get(attr(r, 'type') ?? ''), title: narrativeMap(kid(r, 'title'), lang), description: narrativeMap(kid(r, 'description'), lang),
      indicators: kids(r, 'indicator').filter((i) => attr(i, 'samverka:derived') !== 'true').map((i) => {
        const baseline = kid(i, 'baseline');
        return {
          title: narrativeMap(kid(i, 'title'), lang), measure: MEASURE.get(attr(i, 'measure') ?? ''), ascending: attr(i, 'ascending') === 'true',
          baseline: baseline && { year: num(attr(baseline, 'year')), value: attr(baseline, 'value'), comment: narrativeMap(kid(baseline, 'comment'), lang) },
          periods: kids(i, 'period').map((p) => ({
            start: attr(kid(p, 'period-start'), 'iso-date'), end: attr(kid(p, 'period-end'), 'iso-date'),
            target: attr(kid(p, 'target'), 'value'), actual: attr(kid(p, 'actual'), 'value'), comment: extBilingual(p, 'samverka:comment'),
          })),
        };
      }),
      provenance: extProvenance(r),
    })),
    engagements: kids(ext, 'samverka:engagement').map((e) => ({
      kind: attr(e, 'kind'), title: extBilingual(e, 'samverka:title'), topic: extBilingual(e, 'samverka:topic'), date: fuzzy(kid(e, 'samverka:date')),
      count: num(attr(e, 'count')), place: extBilingual(e, 'samverka:place'), format: attr(e, 'format'),
      homeOrganisations: kids(e, 'samverka:home-organisation').map((h) => attr(h, 'organisation')),
      registrations: num(attr(e, 'registrations')), participants: num(attr(e, 'participants')),
      countriesFeatured: kids(e, 'samverka:country-featured').map((c) => attr(c, 'code')), provenance: extProvenance(e),
    })),
    documents: kids(act, 'document-link').map((d) => {
      const computed = attr(d, 'samverka:computed')?.split(' ') ?? [];
      return {
        url: attr(d, 'url'), title: narrativeMap(kid(d, 'title'), lang), language: attr(kid(d, 'language'), 'code'),
        category: computed.includes('category') ? undefined : attr(kid(d, 'category'), 'code'),
        format: computed.includes('format') ? undefined : attr(d, 'format'),
        date: attr(kid(d, 'document-date'), 'iso-date'), provenance: extProvenance(d),
      };
    }),
    provenance: extProvenance(ext),
    meta: { version: num(attr(ext, 'version')), createdAt: attr(ext, 'created-at'), updatedAt: attr(act, 'last-updated-datetime') },
  });
}

// ——— Any other publisher ———

type Report = (severity: ImportProblem['severity'], code: string, line: number, sv: string, en: string) => void;

function fromStandard(act: XmlNode, root: RootInfo, ctx: MappingContext, out: MappedActivity, problem: Report): Json | undefined {
  const lang = (attr(act, 'xml:lang') ?? attributeValue(root.attributes, 'xml:lang') ?? 'en').trim().toLowerCase();
  const warn = (code: string, line: number, sv: string, en: string) => problem('warning', code, line, sv, en);

  /** Narratives as Swedish and English; another language stands in for a missing English, said in a warning. */
  const bilingualOf = (element: XmlNode | undefined, max: number, what: string): Bilingual | undefined => {
    if (!element) return undefined;
    const byLang = new Map<string, string>();
    for (const n of kids(element, 'narrative')) {
      const l = (attr(n, 'xml:lang') ?? lang).trim().toLowerCase();
      const text = n.text.trim();
      if (text && !byLang.has(l)) byLang.set(l, text);
    }
    const result: Bilingual = {};
    if (byLang.has('sv')) result.sv = byLang.get('sv');
    if (byLang.has('en')) result.en = byLang.get('en');
    if (result.en === undefined) {
      const other = [...byLang].find(([l]) => l !== 'sv');
      if (other) {
        result.en = other[1];
        warn('narrative-language', element.line, `${what}: texten finns inte på engelska; texten på "${other[0]}" sparas i stället för den engelska.`,
          `${what}: there is no English text; the text in "${other[0]}" is kept in place of the English one.`);
      }
    }
    for (const l of ['sv', 'en'] as const) {
      const t = result[l];
      if (t !== undefined && t.length > max) {
        result[l] = t.slice(0, max).trimEnd();
        warn('text-truncated', element.line, `${what}: texten är längre än ${max} tecken och har kortats.`, `${what}: the text is longer than ${max} characters and was shortened.`);
      }
      if (t !== undefined && FORMULA.test(t)) {
        warn('formula-like-text', element.line, `${what}: texten börjar som en kalkylbladsformel; den sparas som text.`, `${what}: the text starts like a spreadsheet formula; it is kept as text.`);
      }
    }
    return result.sv === undefined && result.en === undefined ? undefined : result;
  };

  /** A code outside its codelist: flagged with what was kept instead (a closed field holds only known codes). */
  const unknownCode = (n: XmlNode, where: string, code: string, codelist: string, keptSv: string, keptEn: string) => {
    const shown = code.slice(0, LABEL_VALUE);
    if (!code) warn('unknown-code', n.line, `${where} saknas; ${keptSv}.`, `${where} is missing; ${keptEn}.`);
    else warn('unknown-code', n.line, `${where} "${shown}" finns inte i kodlistan ${codelist}; ${keptSv}.`, `${where} "${shown}" is not in the ${codelist} codelist; ${keptEn}.`);
  };
  /**
   * A code of an open codelist (OPEN_CODELISTS) as the registry keeps it: a known one as it is; one
   * of the list's shape that the registry's copy lacks (a newer list's, say) as it is too, flagged;
   * anything else left out, flagged with what was kept instead (`without`).
   */
  const openCode = (n: XmlNode, where: string, code: string, codelist: keyof typeof OPEN_CODELISTS, known: (code: string) => boolean, without: [sv: string, en: string]): string | undefined => {
    if (code && known(code)) return code;
    if (code && OPEN_CODELISTS[codelist].test(code)) {
      unknownCode(n, where, code, codelist, 'koden sparas som den är och visas som okänd kod', 'it is kept as it is and shown as an unknown code');
      return code;
    }
    unknownCode(n, where, code, codelist, ...without);
    return undefined;
  };

  const identifier = identifierOf(act);
  const key = storableIdentifier(identifier);
  if (key !== identifier) {
    warn('identifier-normalised', kid(act, 'iati-identifier')!.line, `Identifieraren "${identifier}" innehåller tecken registret inte lagrar; den lagras som "${key}".`,
      `The identifier "${identifier}" has characters the registry does not store; it is stored as "${key}".`);
  }
  if (!IDENTIFIER.test(key)) {
    problem('error', 'invalid-identifier', act.line, `Identifieraren "${identifier}" kan inte användas.`, `The identifier "${identifier}" cannot be used.`);
    return undefined;
  }

  // Texts
  const texts: { sv?: Json; en?: Json } = {};
  const put = (field: string, value: Bilingual | undefined) => {
    for (const l of ['sv', 'en'] as const) if (value?.[l] !== undefined) texts[l] = { ...texts[l], [field]: value[l] };
  };
  put('title', bilingualOf(kid(act, 'title'), 400, 'title'));
  const descriptions: Record<string, Bilingual[]> = { description: [], objectives: [] };
  for (const d of kids(act, 'description')) {
    const type = attr(d, 'type')?.trim() || '1';
    const field = type === '1' ? 'description' : type === '2' ? 'objectives' : undefined;
    if (!field) continue;
    const value = bilingualOf(d, field === 'description' ? 20_000 : 10_000, `description type ${type}`);
    if (value) descriptions[field]!.push(value);
  }
  for (const [field, values] of Object.entries(descriptions)) {
    const joined: Bilingual = {};
    for (const l of ['sv', 'en'] as const) {
      const parts = values.map((v) => v[l]).filter((t): t is string => t !== undefined);
      if (parts.length) joined[l] = parts.join('\n\n').slice(0, field === 'description' ? 20_000 : 10_000);
    }
    put(field, joined);
  }

  // Status
  const statusNode = kid(act, 'activity-status');
  const statusCode = attr(statusNode, 'code')?.trim();
  const status = STATUS.get(statusCode ?? '');
  if (!status) {
    problem('error', 'activity-status', statusNode?.line ?? act.line,
      statusCode ? `Okänd activity-status ${statusCode} (giltiga: 1–6).` : 'Aktiviteten saknar activity-status; registret behöver en status (1–6).',
      statusCode ? `Unknown activity-status ${statusCode} (valid: 1–6).` : 'The activity has no activity-status; the registry needs one (1–6).');
    return undefined;
  }

  // Dates
  const dates: Json = {};
  for (const d of kids(act, 'activity-date')) {
    const field = DATE_FIELD.get(attr(d, 'type')?.trim() ?? '');
    const raw = attr(d, 'iso-date')?.trim() ?? '';
    const day = raw.slice(0, 10);
    if (!field) {
      warn('unknown-code', d.line, `Okänd activity-date/@type "${attr(d, 'type')}"; datumet hoppas över.`, `Unknown activity-date/@type "${attr(d, 'type')}"; the date is skipped.`);
      continue;
    }
    if (!/^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(raw) || !isRealDay(day)) {
      problem('error', 'invalid-date', d.line, `activity-date har datumet "${raw}", som inte finns. Rätta det i källfilen (ÅÅÅÅ-MM-DD).`,
        `activity-date has the date "${raw}", which does not exist. Correct it in the source file (YYYY-MM-DD).`);
      return undefined;
    }
    if (field in dates) {
      warn('duplicate-date', d.line, 'Datumtypen förekommer två gånger; den första behålls.', 'The date type occurs twice; the first is kept.');
      continue;
    }
    const phrase = kids(d, 'narrative').map((n) => n.text.trim()).find(Boolean)?.slice(0, 200) ?? day;
    dates[field] = { from: day, to: day, precision: 'day', phrase };
  }

  // Countries
  const countries: Json[] = [];
  for (const c of kids(act, 'recipient-country')) {
    const code = attr(c, 'code')?.trim().toUpperCase() ?? '';
    if (!COUNTRIES.has(code)) {
      warn('unknown-country', c.line, `Okänd landskod "${attr(c, 'code') ?? ''}" i recipient-country; landet hoppas över.`, `Unknown country code "${attr(c, 'code') ?? ''}" in recipient-country; the country is skipped.`);
      continue;
    }
    if (countries.some((x) => x.code === code)) continue;
    const raw = attr(c, 'percentage')?.trim();
    const pct = raw !== undefined && XS_DECIMAL.test(raw) ? Number(raw) : undefined;
    if (raw !== undefined && (pct === undefined || pct < 0 || pct > 100)) {
      warn('invalid-percentage', c.line, `Andelen "${raw}" är ingen procentsats mellan 0 och 100; den hoppas över.`, `The share "${raw}" is not a percentage between 0 and 100; it is skipped.`);
    }
    countries.push({ code, percentage: pct !== undefined && pct >= 0 && pct <= 100 ? pct : undefined });
  }

  // Organisations by role
  const participations: Json[] = [];
  const participating = new Set<string>();
  const orgOf = (o: XmlNode): string | undefined => {
    const ref = attr(o, 'ref')?.trim() || undefined;
    const name = bilingualOf(o, 300, o.name);
    if (!ref && !name) {
      warn('organisation-unnamed', o.line, `${o.name} har varken @ref eller namn; den hoppas över.`, `${o.name} has neither @ref nor a name; it is skipped.`);
      return undefined;
    }
    const given = attr(o, 'type')?.trim();
    const type = given ? openCode(o, `${o.name}/@type`, given, 'OrganisationType', (c) => Object.hasOwn(ORGANISATION_TYPE_NAMES, c),
      ['organisationen sparas utan typ', 'the organisation is kept without a type']) : undefined;
    return ctx.organisation(ref, name, type, o.line);
  };
  for (const o of kids(act, 'participating-org')) {
    const role = ROLE[attr(o, 'role')?.trim() ?? ''];
    if (!role) {
      warn('unknown-role', o.line, `Okänd participating-org/@role "${attr(o, 'role') ?? ''}" (giltiga: 1–4); organisationen hoppas över.`, `Unknown participating-org/@role "${attr(o, 'role') ?? ''}" (valid: 1–4); the organisation is skipped.`);
      continue;
    }
    const slug = orgOf(o);
    // A set of the pairs already kept: searching the list for each was quadratic in the elements.
    if (slug && !participating.has(`${role} ${slug}`)) {
      participating.add(`${role} ${slug}`);
      participations.push({ organisation: slug, role });
    }
  }
  const firstFunder = participations.find((p) => p.role === 'funder')?.organisation as string | undefined;

  // Alignment
  const alignment: Json[] = [];
  for (const t of kids(act, 'tag')) {
    const vocabulary = attr(t, 'vocabulary')?.trim();
    const framework = vocabulary === '2' ? 'sdg-goal' : vocabulary === '3' ? 'sdg-target' : undefined;
    if (!framework) continue;
    const code = attr(t, 'code')?.trim().toLowerCase() ?? '';
    if (!findObjective(framework, code)) {
      warn('unknown-code', t.line, `Okänt hållbarhetsmål "${code}"; taggen hoppas över.`, `Unknown SDG code "${code}"; the tag is skipped.`);
      continue;
    }
    if (!alignment.some((a) => a.framework === framework && a.code === code)) alignment.push({ framework, code, basis: 'stated' });
  }

  // Money
  const defaultCurrency = attr(act, 'default-currency')?.trim().toUpperCase();
  const lines = new Map<string, Json[]>();
  const addFlow = (funder: string | undefined, flow: Json) => {
    const k = funder ?? '';
    const flows = lines.get(k);
    if (flows === undefined) lines.set(k, [flow]);
    else flows.push(flow);
  };
  const money = (valueNode: XmlNode | undefined, fallbackDate: string | undefined, what: string): { amount: string; currency: string; valueDate: string } | undefined => {
    if (!valueNode) {
      warn('missing-value', act.line, `${what} saknar value; posten hoppas över.`, `${what} has no value; it is skipped.`);
      return undefined;
    }
    const raw = valueNode.text.trim();
    if (!XS_DECIMAL.test(raw)) {
      warn('invalid-amount', valueNode.line, `Beloppet "${raw.slice(0, 40)}" i ${what} är inget decimaltal (xs:decimal; t.ex. 1000.50, inte 1e-9 eller NaN); posten hoppas över. Be utgivaren rätta filen.`,
        `The amount "${raw.slice(0, 40)}" in ${what} is not a decimal number (xs:decimal; e.g. 1000.50, not 1e-9 or NaN); the entry is skipped. Ask the publisher to correct the file.`);
      return undefined;
    }
    let amount = normaliseDecimal(raw);
    if (/\.\d{5,}$/.test(amount)) {
      const rounded = roundDecimal(amount, 4);
      warn('amount-rounded', valueNode.line, `Beloppet ${raw} i ${what} har fler än fyra decimaler; det sparas avrundat som ${rounded}.`,
        `The amount ${raw} in ${what} has more than four decimals; it is stored rounded as ${rounded}.`);
      amount = rounded;
    }
    if (!STORABLE_DECIMAL.test(amount)) {
      warn('amount-out-of-range', valueNode.line, `Beloppet "${raw.slice(0, 40)}" i ${what} har fler än 15 siffror eller 4 decimaler; posten hoppas över.`,
        `The amount "${raw.slice(0, 40)}" in ${what} has more than 15 digits or 4 decimals; the entry is skipped.`);
      return undefined;
    }
    const currency = (attr(valueNode, 'currency')?.trim().toUpperCase() || defaultCurrency) ?? '';
    if (!CURRENCIES.has(currency)) {
      warn('unknown-currency', valueNode.line, `Valutan "${currency}" i ${what} är okänd eller saknas; posten hoppas över.`, `The currency "${currency}" in ${what} is unknown or missing; the entry is skipped.`);
      return undefined;
    }
    const valueDate = (attr(valueNode, 'value-date')?.trim() ?? fallbackDate ?? '').slice(0, 10);
    if (!isRealDay(valueDate)) {
      warn('invalid-date', valueNode.line, `Värdedatumet "${valueDate}" i ${what} finns inte; posten hoppas över.`, `The value date "${valueDate}" in ${what} does not exist; the entry is skipped.`);
      return undefined;
    }
    return { amount, currency, valueDate };
  };
  for (const b of kids(act, 'budget')) {
    const periodStart = attr(kid(b, 'period-start'), 'iso-date')?.trim().slice(0, 10);
    const periodEnd = attr(kid(b, 'period-end'), 'iso-date')?.trim().slice(0, 10);
    const value = money(kid(b, 'value'), periodStart, 'budget');
    if (!value) continue;
    const period = periodStart && periodEnd && isRealDay(periodStart) && isRealDay(periodEnd) && periodStart <= periodEnd ? { periodStart, periodEnd } : {};
    addFlow(firstFunder, { kind: 'budget', ...value, ...period });
  }
  for (const tr of kids(act, 'transaction')) {
    const code = attr(kid(tr, 'transaction-type'), 'code')?.trim() ?? '';
    const kind = FLOW_BY_IATI.get(code);
    if (!kind) continue; // Loan repayments, interest, pledges…: the registry keeps no such flows.
    const value = money(kid(tr, 'value'), attr(kid(tr, 'transaction-date'), 'iso-date'), `transaction (type ${code})`);
    if (!value) continue;
    const provider = kid(tr, 'provider-org');
    const funder = provider && (attr(provider, 'ref')?.trim() || kid(provider, 'narrative')) ? orgOf(provider) : firstFunder;
    addFlow(funder, { kind, ...value });
  }
  const funding = [...lines].map(([funder, flows]) => ({ instrument: 'other', funder: funder || undefined, flows }));

  // Documents
  const documents: Json[] = [];
  for (const d of kids(act, 'document-link')) {
    const url = attr(d, 'url')?.trim() ?? '';
    if (!webAddress.safeParse(url).success) {
      warn('unsafe-url', d.line, `Dokumentlänken "${url.slice(0, 80)}" är ingen http(s)-adress; den hoppas över.`, `The document link "${url.slice(0, 80)}" is not an http(s) address; it is skipped.`);
      continue;
    }
    let format = attr(d, 'format')?.trim();
    if (format !== undefined && format !== format.toLowerCase()) {
      warn('format-case', d.line, `Filformatet "${format}" skrivs med gemener i IATI; det sparas som "${format.toLowerCase()}".`, `The file format "${format}" is lower case in IATI; it is stored as "${format.toLowerCase()}".`);
      format = format.toLowerCase();
    }
    if (format !== undefined && !/^[a-z]+\/[a-z0-9.+-]+$/.test(format)) {
      warn('unknown-format', d.line, `Filformatet "${format}" är ingen medietyp; det hoppas över.`, `The file format "${format}" is not a media type; it is left out.`);
      format = undefined;
    } else if (format !== undefined && !KNOWN_FILE_FORMATS.has(format)) {
      warn('uncommon-format', d.line, `Filformatet "${format}" är ovanligt; kontrollera det.`, `The file format "${format}" is uncommon; check it.`);
    }
    // The registry keeps one category and one language: the first known one, else the first given.
    const categories = kids(d, 'category').map((c) => [c, attr(c, 'code')?.trim().toUpperCase() ?? ''] as const);
    const [categoryNode, givenCategory] = categories.find(([, c]) => Object.hasOwn(DOCUMENT_CATEGORY_NAMES, c)) ?? categories[0] ?? [];
    const category = categoryNode && openCode(categoryNode, 'document-link/category/@code', givenCategory!, 'DocumentCategory', (c) => Object.hasOwn(DOCUMENT_CATEGORY_NAMES, c),
      ['dokumentet sparas utan kategori', 'the document is kept without a category']);
    const languages = kids(d, 'language').map((l) => [l, attr(l, 'code')?.trim().toLowerCase() ?? ''] as const);
    const [languageNode, givenLanguage] = languages.find(([, l]) => LANGUAGES.has(l)) ?? languages[0] ?? [];
    const language = languageNode && openCode(languageNode, 'document-link/language/@code', givenLanguage!, 'Language', (l) => LANGUAGES.has(l),
      ['dokumentet sparas utan språk', 'the document is kept without a language']);
    const date = attr(kid(d, 'document-date'), 'iso-date')?.trim().slice(0, 10);
    const title = bilingualOf(kid(d, 'title'), 400, 'document-link/title') ?? { en: url.slice(0, 400) };
    documents.push({ url, title, format, category, language, date: date && isRealDay(date) ? date : undefined });
  }

  // Results
  const results: Json[] = [];
  for (const r of kids(act, 'result')) {
    const type = RESULT_TYPE.get(attr(r, 'type')?.trim() ?? '');
    const title = bilingualOf(kid(r, 'title'), 400, 'result/title');
    if (!type || !title) {
      warn('result-skipped', r.line, 'Resultatet saknar typ (1, 2, 3 eller 9) eller titel; det hoppas över.', 'The result has no type (1, 2, 3 or 9) or no title; it is skipped.');
      continue;
    }
    const indicators: Json[] = [];
    for (const i of kids(r, 'indicator')) {
      const ititle = bilingualOf(kid(i, 'title'), 400, 'indicator/title');
      if (!ititle) continue;
      const value = (n: XmlNode | undefined) => {
        const v = attr(n, 'value')?.trim();
        if (v === undefined || v === '') return undefined;
        const d = XS_DECIMAL.test(v) ? normaliseDecimal(v) : '';
        if (STORABLE_DECIMAL.test(d)) return d;
        warn('invalid-amount', n!.line, `Värdet "${v.slice(0, 40)}" är inget decimaltal; det hoppas över.`, `The value "${v.slice(0, 40)}" is not a decimal number; it is skipped.`);
        return undefined;
      };
      const baselineNode = kid(i, 'baseline');
      const year = Number(attr(baselineNode, 'year'));
      const periods = kids(i, 'period').map((p) => ({
        start: attr(kid(p, 'period-start'), 'iso-date')?.trim().slice(0, 10) ?? '', end: attr(kid(p, 'period-end'), 'iso-date')?.trim().slice(0, 10) ?? '',
        target: value(kid(p, 'target')), actual: value(kid(p, 'actual')),
      })).filter((p) => isRealDay(p.start) && isRealDay(p.end));
      const measureCode = attr(i, 'measure')?.trim() ?? '';
      const measure = MEASURE.get(measureCode);
      if (measure === undefined) {
        unknownCode(i, 'indicator/@measure', measureCode, 'IndicatorMeasure', 'indikatorn sparas som mätt i enheter (1)', 'the indicator is kept as measured in units (1)');
      }
      indicators.push({
        title: ititle,
        measure: measure ?? 'unit',
        ascending: !['0', 'false'].includes(attr(i, 'ascending')?.trim() ?? ''),
        baseline: Number.isInteger(year) && year >= 1900 && year <= 2100 ? { year, value: value(baselineNode) } : undefined,
        periods,
      });
    }
    results.push({ type, title, description: bilingualOf(kid(r, 'description'), 4000, 'result/description'), indicators });
  }

  for (const which of ['planned', 'actual'] as const) {
    const start = dates[`${which}Start`] as { from: string; phrase: string } | undefined;
    const end = dates[`${which}End`] as { to: string; phrase: string } | undefined;
    if (start && end && end.to < start.from) {
      delete dates[`${which}End`];
      warn('end-before-start', act.line, `Slutdatumet (${end.phrase}) ligger före startdatumet (${start.phrase}); slutdatumet hoppas över. Rätta källfilen.`,
        `The end date (${end.phrase}) is before the start date (${start.phrase}); the end date is skipped. Correct the source file.`);
    }
  }

  // Parents: each related-activity of type 1 makes this activity part of it (other types are
  // listed as not imported). One the import has not met yet is kept by its identifier.
  const relations: Json[] = [];
  const parents = new Set<string>();
  for (const r of kids(act, 'related-activity')) {
    if (attr(r, 'type')?.trim() !== '1') continue;
    const given = attr(r, 'ref')?.trim() ?? '';
    const ref = storableIdentifier(given);
    if (!IDENTIFIER.test(ref) || !ACTIVITY_REF.test(ref) || given.length > 200) {
      warn('related-activity-unusable', r.line, `related-activity har identifieraren "${given.slice(0, 80)}", som inte kan användas; relationen hoppas över.`,
        `related-activity has the identifier "${given.slice(0, 80)}", which cannot be used; the relation is skipped.`);
      continue;
    }
    if (ref === key) {
      warn('related-activity-self', r.line, 'related-activity anger aktiviteten själv som sin överordnade; relationen hoppas över.',
        'related-activity names the activity itself as its parent; the relation is skipped.');
      continue;
    }
    if (parents.has(ref)) continue;
    if (parents.size === MAX_PARENTS) {
      warn('related-activity-too-many', r.line, `Aktiviteten har fler än ${MAX_PARENTS} överordnade aktiviteter; resten hoppas över.`,
        `The activity has more than ${MAX_PARENTS} parent activities; the rest are skipped.`);
      break;
    }
    parents.add(ref);
    const slug = ctx.activitySlug(ref);
    if (slug === undefined) out.parentLater = true;
    relations.push({ type: 'part-of', target: slug === undefined ? { external: { name: { en: given }, iatiIdentifier: given } } : { activity: slug }, basis: 'stated' });
  }

  // Other identifiers, with the organisation that issued each. The publisher's own (A1) is, seen from
  // the registry, another activity identifier (A9); A1 is the slug's.
  const otherIdentifiers: Json[] = [];
  for (const o of kids(act, 'other-identifier')) {
    const ref = attr(o, 'ref')?.trim() ?? '';
    const given = attr(o, 'type')?.trim() ?? '';
    const type = openCode(o, 'other-identifier/@type', given === 'A1' ? 'A9' : given, 'OtherIdentifierType', (t) => OTHER_TYPES.has(t),
      ['identifieraren hoppas över', 'the identifier is skipped']);
    if (type === undefined) continue;
    if (!ref || ref.length > 200) {
      warn('other-identifier-unusable', o.line, 'other-identifier saknar @ref eller har en som är längre än 200 tecken; identifieraren hoppas över.',
        'other-identifier has no @ref, or one longer than 200 characters; the identifier is skipped.');
      continue;
    }
    if (otherIdentifiers.some((x) => x.ref === ref && x.type === type)) continue;
    const ownerNode = kid(o, 'owner-org');
    otherIdentifiers.push({ ref, type, owner: ownerNode ? orgOf(ownerNode) : undefined });
  }

  // The publisher. Another organisation's activity is stored with it as the reporter, and the
  // registry's IATI export leaves the activity to it.
  const reporting = kid(act, 'reporting-org');
  const reportingRef = attr(reporting, 'ref')?.trim();
  const reportedBy = reporting && reportingRef !== ctx.ownReportingOrg ? orgOf(reporting) : undefined;
  if (reportingRef !== ctx.ownReportingOrg && reportedBy === undefined) {
    warn('reporting-org-missing', reporting?.line ?? act.line,
      'Aktiviteten saknar reporting-org med identifierare eller namn, så den lagras som en som registret rapporterar själv. Publicerar en annan organisation den, ange organisationen under ”Rapporteras till IATI av”.',
      'The activity has no reporting-org with an identifier or a name, so it is stored as one the registry reports itself. If another organisation publishes it, name that organisation under “Reported to IATI by”.');
  }

  const base = slugFromIdentifier(key);
  return clean({
    slug: ctx.storedSlug ?? ctx.uniqueSlug(base),
    iatiIdentifier: key,
    otherIdentifiers,
    reportedBy,
    kind: 'project',
    status,
    publication: 'published',
    texts,
    dates,
    countries,
    participations,
    funding,
    alignment,
    documents,
    results,
    relations,
  });
}

/** The children of an activity that fromStandard reads; each of the others is reported as not imported. */
const READ_ELEMENTS = new Set([
  'iati-identifier', 'title', 'description', 'activity-status', 'activity-date', 'recipient-country', 'participating-org', 'tag', 'budget',
  'transaction', 'document-link', 'result', 'related-activity', 'other-identifier', 'reporting-org',
]);
/** Longest attribute value quoted in a label: a label names what was left out, it does not carry it. */
const LABEL_VALUE = 20;

/**
 * What an activity from another publisher has that the registry has no field for, and so is not
 * imported: each child element fromStandard does not read (`sector`, `recipient-region`,
 * `policy-marker`, `conditions`, …), and the kinds of the elements it reads only in part
 * (`description (type 3)`, `tag (vocabulary 1)`, `transaction (type 5)`, `related-activity (type 2)`).
 * Each once per activity, in the order first met.
 */
export function notImportedOf(act: XmlNode): string[] {
  const found = new Set<string>();
  const value = (n: XmlNode, name: string, fallback: string) => (attr(n, name)?.trim() || fallback).slice(0, LABEL_VALUE);
  for (const c of act.children) {
    if (!READ_ELEMENTS.has(c.name)) {
      found.add(c.name);
    } else if (c.name === 'description') {
      const type = value(c, 'type', '1');
      if (type !== '1' && type !== '2') found.add(`description (type ${type})`);
    } else if (c.name === 'tag') {
      const vocabulary = value(c, 'vocabulary', '?');
      if (vocabulary !== '2' && vocabulary !== '3') found.add(`tag (vocabulary ${vocabulary})`);
    } else if (c.name === 'related-activity') {
      const type = value(c, 'type', '?');
      if (type !== '1') found.add(`related-activity (type ${type})`);
    } else if (c.name === 'transaction') {
      const type = attr(kid(c, 'transaction-type'), 'code')?.trim() ?? '';
      if (!FLOW_BY_IATI.has(type)) found.add(`transaction (type ${type.slice(0, LABEL_VALUE) || '?'})`);
    }
  }
  return [...found];
}

/** An xs:decimal in the registry's form: no plus sign, no leading zeros, a digit before the point. */
function normaliseDecimal(raw: string): string {
  let s = raw.startsWith('+') ? raw.slice(1) : raw;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  let [int = '', frac = ''] = s.split('.');
  int = int.replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return negative && out !== '0' ? `-${out}` : out;
}

/** Rounds a plain decimal string half away from zero, without passing through a float. */
function roundDecimal(value: string, places: number): string {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = (negative ? value.slice(1) : value).split('.');
  let digits = BigInt(int + frac.slice(0, places).padEnd(places, '0'));
  if ((frac[places] ?? '0') >= '5') digits += 1n;
  const s = digits.toString().padStart(places + 1, '0');
  return normaliseDecimal(`${negative ? '-' : ''}${s.slice(0, -places)}.${s.slice(-places)}`);
}
