/**
 * Reads the registry's records back out of an exported IATI file (a DOM, for tests): the proof that
 * the file, standard elements plus the samverka extension, carries every fact the registry holds,
 * and a worked reading for the streaming import (src/iati/README.md, "Reading it back").
 */
import { IATI_ACTIVITY_STATUS, IATI_DATE_TYPE, IATI_RESULT_TYPE } from '../../src/reference/codes.ts';
import { IATI_INDICATOR_MEASURE } from '../../src/iati/iati.mapping.ts';
import { child, children, type XmlElement } from './xml.ts';

type Json = Record<string, unknown>;

const reverse = <K extends string>(map: Record<K, string>) => new Map(Object.entries(map).map(([k, v]) => [v as string, k as K]));
const STATUS = reverse(IATI_ACTIVITY_STATUS);
const RESULT_TYPE = reverse(IATI_RESULT_TYPE);
const MEASURE = reverse(IATI_INDICATOR_MEASURE);
const DATE_FIELD: Record<string, string> = {
  [IATI_DATE_TYPE['planned-start']]: 'plannedStart', [IATI_DATE_TYPE['actual-start']]: 'actualStart',
  [IATI_DATE_TYPE['planned-end']]: 'plannedEnd', [IATI_DATE_TYPE['actual-end']]: 'actualEnd',
};

/** Drops undefined values, as JSON does. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function optional<T>(value: T): T | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 ? undefined : value;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

function narrativeText(element: XmlElement | undefined, lang: string): Json | undefined {
  if (!element) return undefined;
  return optional(Object.fromEntries(children(element, 'narrative').map((n) => [n.attributes['xml:lang'] ?? lang, n.text])));
}

function bilingual(parent: XmlElement, name: string): Json | undefined {
  return optional(Object.fromEntries(children(parent, `samverka:${name}`).map((e) => [e.attributes['xml:lang']!, e.text])));
}

function provenance(parent: XmlElement): Json[] {
  return children(parent, 'samverka:provenance').map((p) => ({ field: p.attributes.field, source: p.attributes.source, quote: p.text }));
}

function fuzzy(e: XmlElement | undefined, prefix = ''): Json | undefined {
  if (!e) return undefined;
  const a = e.attributes;
  return { from: a[`${prefix}from`], to: a[`${prefix}to`], precision: a[`${prefix}precision`], phrase: a[`${prefix}phrase`] };
}

export function activityFromIati(act: XmlElement): Json {
  const lang = act.attributes['xml:lang'] ?? 'en';
  const ext = child(act, 'samverka:activity');
  const title = child(act, 'title');
  const texts: Record<string, Json> = {};
  const put = (field: string, values: Json | undefined) => {
    for (const [l, text] of Object.entries(values ?? {})) texts[l] = { ...texts[l], [field]: text };
  };
  put('title', narrativeText(title, lang));
  put('acronym', bilingual(title, 'acronym'));
  for (const d of children(act, 'description')) if (d.attributes['samverka:field']) put(d.attributes['samverka:field'], narrativeText(d, lang));
  const dates: Json = {};
  for (const d of children(act, 'activity-date')) dates[DATE_FIELD[d.attributes.type!]!] = fuzzy(d, 'samverka:');
  return clean({
    slug: ext.attributes.slug,
    iatiIdentifier: child(act, 'iati-identifier').text,
    otherIdentifiers: children(act, 'other-identifier').filter((o) => o.attributes['samverka:other'] !== undefined).map((o) => ({
      ref: o.attributes.ref, type: o.attributes.type, owner: children(o, 'owner-org')[0]?.attributes['samverka:organisation'],
    })),
    kind: ext.attributes.kind,
    status: STATUS.get(child(act, 'activity-status').attributes.code!),
    publication: 'published',
    workingTitle: title.attributes['samverka:working-title'] === 'true',
    texts,
    dates,
    countries: children(act, 'recipient-country').map((c) => ({ code: c.attributes.code, percentage: c.attributes['samverka:computed'] ? undefined : num(c.attributes.percentage) })),
    regions: ext.attributes.regions?.split(' ') ?? [],
    participations: children(act, 'participating-org').filter((o) => o.attributes['samverka:role']).map((o) => ({
      organisation: o.attributes['samverka:organisation'], role: o.attributes['samverka:role'], note: bilingual(o, 'note'), provenance: provenance(o),
    })),
    funding: children(ext, 'samverka:funding').map((f) => ({
      instrument: f.attributes.instrument, funder: f.attributes.funder, via: f.attributes.via, coFinancing: f.attributes['co-financing'] === 'true',
      note: bilingual(f, 'note'),
      flows: children(f, 'samverka:flow').map((fl) => ({
        kind: fl.attributes.kind, amount: fl.attributes.amount, currency: fl.attributes.currency, valueDate: fl.attributes['value-date'],
        periodStart: fl.attributes['period-start'], periodEnd: fl.attributes['period-end'], note: bilingual(fl, 'note'),
      })),
      provenance: provenance(f),
    })),
    relations: children(ext, 'samverka:relation').map((r) => {
      const external = children(r, 'samverka:external')[0];
      return {
        type: r.attributes.type,
        target: external
          ? { external: { name: bilingual(external, 'name'), iatiIdentifier: external.attributes['iati-identifier'], organisation: external.attributes.organisation } }
          : { activity: r.attributes.activity },
        basis: r.attributes.basis, note: bilingual(r, 'note'), provenance: provenance(r),
      };
    }),
    alignment: children(act, 'tag').map((t) => ({ framework: t.attributes['samverka:framework'], code: t.attributes.code, basis: t.attributes['samverka:basis'], provenance: provenance(t) })),
    keyFigures: children(ext, 'samverka:key-figure').map((k) => ({
      value: num(k.attributes.value), unit: bilingual(k, 'unit'), currency: k.attributes.currency, label: bilingual(k, 'label'),
      asOf: fuzzy(children(k, 'samverka:as-of')[0]), cumulative: k.attributes.cumulative === 'true',
      source: children(k, 'samverka:source')[0]?.text, provenance: provenance(k),
    })),
    results: children(act, 'result').map((r) => ({
      type: RESULT_TYPE.get(r.attributes.type!), title: narrativeText(child(r, 'title'), lang), description: narrativeText(children(r, 'description')[0], lang),
      indicators: children(r, 'indicator').filter((i) => !i.attributes['samverka:derived']).map((i) => {
        const baseline = children(i, 'baseline')[0];
        return {
          title: narrativeText(child(i, 'title'), lang), measure: MEASURE.get(i.attributes.measure!), ascending: i.attributes.ascending === 'true',
          baseline: baseline && { year: num(baseline.attributes.year), value: baseline.attributes.value, comment: narrativeText(children(baseline, 'comment')[0], lang) },
          periods: children(i, 'period').map((p) => ({
            start: child(p, 'period-start').attributes['iso-date'], end: child(p, 'period-end').attributes['iso-date'],
            target: children(p, 'target')[0]?.attributes.value, actual: children(p, 'actual')[0]?.attributes.value, comment: bilingual(p, 'comment'),
          })),
        };
      }),
      provenance: provenance(r),
    })),
    engagements: children(ext, 'samverka:engagement').map((e) => ({
      kind: e.attributes.kind, title: bilingual(e, 'title'), topic: bilingual(e, 'topic'), date: fuzzy(children(e, 'samverka:date')[0]),
      count: num(e.attributes.count), place: bilingual(e, 'place'), format: e.attributes.format,
      homeOrganisations: children(e, 'samverka:home-organisation').map((h) => h.attributes.organisation),
      registrations: num(e.attributes.registrations), participants: num(e.attributes.participants),
      countriesFeatured: children(e, 'samverka:country-featured').map((c) => c.attributes.code), provenance: provenance(e),
    })),
    documents: children(act, 'document-link').map((d) => {
      const computed = d.attributes['samverka:computed']?.split(' ') ?? [];
      return {
        url: d.attributes.url, title: narrativeText(child(d, 'title'), lang), language: children(d, 'language')[0]?.attributes.code,
        category: computed.includes('category') ? undefined : child(d, 'category').attributes.code,
        format: computed.includes('format') ? undefined : d.attributes.format,
        date: children(d, 'document-date')[0]?.attributes['iso-date'], provenance: provenance(d),
      };
    }),
    provenance: provenance(ext),
    meta: { version: num(ext.attributes.version), createdAt: ext.attributes['created-at'], updatedAt: act.attributes['last-updated-datetime'] },
  });
}

export function portfolioFromIati(root: XmlElement): { sources: Json[]; organisations: Json[]; activities: Json[] } {
  const activities = children(root, 'iati-activity');
  const meta = (e: XmlElement) => ({ version: num(e.attributes.version), createdAt: e.attributes['created-at'], updatedAt: e.attributes['updated-at'] });
  return clean({
    sources: activities.flatMap((a) => children(a, 'samverka:source')).map((s) => ({
      slug: s.attributes.slug, title: bilingual(s, 'title'), location: s.attributes.location, meta: meta(s),
    })),
    organisations: activities.flatMap((a) => children(a, 'samverka:organisation')).map((o) => ({
      slug: o.attributes.slug, name: bilingual(o, 'name'), acronym: o.attributes.acronym, type: o.attributes.type, country: o.attributes.country,
      iatiRef: o.attributes['iati-ref'], website: o.attributes.website, parent: o.attributes.parent, provenance: provenance(o), meta: meta(o),
    })),
    activities: activities.map(activityFromIati),
  });
}
