/**
 * Writes one mapped activity as an `iati-activity` element, in the order of the 2.03 schema's
 * sequence, with the registry's own facts in the samverka extension namespace: as attributes and
 * trailing children of the IATI elements they belong to, and in one `samverka:activity` element at
 * the end for what has no IATI element at all. README.md documents every extension element.
 */
import type { Activity } from '../activities/activity.schema.ts';
import type { FuzzyDate } from '../dates/fuzzy-date.ts';
import type { Source } from '../exchange/portfolio.schema.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import type { Bilingual } from '../shared/i18n.ts';
import type { Provenance } from '../shared/schema-helpers.ts';
import { byLanguage, type IatiActivity, type Narrative } from './iati.mapping.ts';
import type { Attributes, XmlWriter } from './iati.writer.ts';

const S = 'samverka:';

function narratives(w: XmlWriter, list: readonly Narrative[], defaultLang: string): void {
  for (const n of list) w.element('narrative', { 'xml:lang': n.lang === defaultLang ? undefined : n.lang }, n.text);
}

/** A registry text in the extension: one element per language, the language always stated. */
function bilingual(w: XmlWriter, name: string, text: Bilingual | undefined): void {
  if (!text) return;
  for (const [lang, value] of byLanguage<string>(text)) w.element(`${S}${name}`, { 'xml:lang': lang }, value);
}

function provenance(w: XmlWriter, list: readonly (Provenance & { field?: string })[]): void {
  for (const p of list) w.element(`${S}provenance`, { field: p.field, source: p.source }, p.quote);
}

function fuzzy(bound: FuzzyDate): Attributes {
  return { from: bound.from, to: bound.to, precision: bound.precision, phrase: bound.phrase };
}

function flag(value: boolean): 'true' | undefined {
  return value ? 'true' : undefined;
}

/** An IATI element whose content is narratives. */
function textElement(w: XmlWriter, name: string, list: readonly Narrative[], lang: string, attributes: Attributes = {}): void {
  w.start(name, attributes);
  narratives(w, list, lang);
  w.end();
}

/** Organisations and sources an activity is the first to name: defined inside it, before its samverka:activity. */
export interface Definitions {
  sources: readonly Source[];
  organisations: readonly Organisation[];
}

/** Writes the activity; `a` is what the file says (relations to activities left out of the file removed). */
export function writeIatiActivity(w: XmlWriter, m: IatiActivity, a: Activity, definitions: Definitions): void {
  const lang = m.lang;
  w.start('iati-activity', { 'last-updated-datetime': m.lastUpdated, 'xml:lang': lang, 'default-currency': m.defaultCurrency });
  w.element('iati-identifier', {}, m.identifier);
  textElement(w, 'reporting-org', m.reportingOrg.narratives, lang, { ref: m.reportingOrg.ref, type: m.reportingOrg.type });

  w.start('title', { [`${S}working-title`]: flag(a.workingTitle) });
  narratives(w, m.title, lang);
  for (const [textLang, texts] of byLanguage(a.texts)) {
    if (texts.acronym !== undefined) w.element(`${S}acronym`, { 'xml:lang': textLang }, texts.acronym);
  }
  w.end();

  for (const d of m.descriptions) {
    textElement(w, 'description', d.narratives, lang, { type: d.type, [`${S}field`]: d.field, [`${S}derived`]: flag(d.derived) });
  }

  for (const o of m.participatingOrgs) {
    w.start('participating-org', {
      ref: o.ref, type: o.type, role: o.role,
      [`${S}organisation`]: o.organisation,
      [`${S}role`]: o.participation === undefined ? undefined : a.participations[o.participation]?.role,
      [`${S}derived`]: flag(o.derived),
    });
    narratives(w, o.narratives, lang);
    const p = o.participation === undefined ? undefined : a.participations[o.participation];
    if (p) {
      bilingual(w, 'note', p.note);
      provenance(w, p.provenance);
    }
    w.end();
  }

  for (const o of m.otherIdentifiers) {
    // The registry's own ones are read back from `samverka:other`; the slug as A1 is derived.
    const attributes = { ref: o.ref, type: o.type, [`${S}other`]: o.other === undefined ? undefined : String(o.other) };
    if (!o.owner) {
      w.element('other-identifier', attributes);
      continue;
    }
    w.start('other-identifier', attributes);
    w.start('owner-org', { ref: o.owner.ref, [`${S}organisation`]: o.owner.organisation });
    narratives(w, o.owner.narratives, lang);
    w.end();
    w.end();
  }
  w.element('activity-status', { code: m.status });

  for (const d of m.dates) {
    w.start('activity-date', { type: d.type, 'iso-date': d.isoDate, ...prefixed(fuzzy(d.bound)) });
    narratives(w, d.narratives, lang);
    w.end();
  }

  for (const c of m.countries) {
    w.element('recipient-country', { code: c.code, percentage: c.percentage, [`${S}computed`]: c.computed ? 'percentage' : undefined });
  }
  for (const r of m.regions) w.element('recipient-region', { code: r.code, vocabulary: r.vocabulary, percentage: r.percentage });
  for (const s of m.sectors) w.element('sector', { vocabulary: s.vocabulary, code: s.code, percentage: s.percentage });

  for (const t of m.tags) {
    const alignment = a.alignment[t.alignment];
    w.start('tag', {
      vocabulary: t.vocabulary, 'vocabulary-uri': t.vocabularyUri, code: t.code,
      [`${S}framework`]: t.framework, [`${S}basis`]: alignment?.basis,
    });
    narratives(w, t.narratives, lang);
    if (alignment) provenance(w, alignment.provenance);
    w.end();
  }

  for (const b of m.budgets) {
    w.start('budget', { type: '1' });
    w.element('period-start', { 'iso-date': b.periodStart });
    w.element('period-end', { 'iso-date': b.periodEnd });
    w.element('value', { currency: b.currency, 'value-date': b.valueDate }, b.amount);
    w.end();
  }

  for (const t of m.transactions) {
    w.start('transaction');
    w.element('transaction-type', { code: t.type });
    w.element('transaction-date', { 'iso-date': t.date });
    w.element('value', { currency: t.currency, 'value-date': t.valueDate }, t.amount);
    if (t.description.length) textElement(w, 'description', t.description, lang);
    if (t.provider) textElement(w, 'provider-org', t.provider.narratives, lang, { ref: t.provider.ref });
    w.end();
  }

  for (const d of m.documents) {
    const stored = a.documents[d.document];
    w.start('document-link', { url: d.url, format: d.format, [`${S}computed`]: d.computed.length ? d.computed.join(' ') : undefined });
    textElement(w, 'title', d.title, lang);
    w.element('category', { code: d.category });
    if (d.language !== undefined) w.element('language', { code: d.language });
    if (d.date !== undefined) w.element('document-date', { 'iso-date': d.date });
    if (stored) provenance(w, stored.provenance);
    w.end();
  }

  for (const r of m.related) w.element('related-activity', { ref: r.ref, type: r.type });

  for (const r of m.results) {
    const stored = a.results[r.result];
    w.start('result', { type: r.type });
    textElement(w, 'title', r.title, lang);
    if (r.description.length) textElement(w, 'description', r.description, lang);
    for (const ind of r.indicators) {
      const derived = ind.indicator === undefined;
      const storedIndicator = ind.indicator === undefined ? undefined : stored?.indicators[ind.indicator];
      w.start('indicator', { measure: ind.measure, ascending: derived ? undefined : String(ind.ascending), [`${S}derived`]: flag(derived) });
      textElement(w, 'title', ind.title, lang);
      if (ind.baseline) {
        w.start('baseline', { year: ind.baseline.year, value: ind.baseline.value });
        if (ind.baseline.comment.length) textElement(w, 'comment', ind.baseline.comment, lang);
        w.end();
      }
      ind.periods.forEach((p, k) => {
        w.start('period');
        w.element('period-start', { 'iso-date': p.start });
        w.element('period-end', { 'iso-date': p.end });
        if (p.target !== undefined) w.element('target', { value: p.target });
        if (p.actual !== undefined) w.element('actual', { value: p.actual });
        bilingual(w, 'comment', storedIndicator?.periods[k]?.comment);
        w.end();
      });
      w.end();
    }
    if (stored) provenance(w, stored.provenance);
    w.end();
  }

  for (const source of definitions.sources) writeSource(w, source);
  for (const organisation of definitions.organisations) writeOrganisation(w, organisation);
  writeActivityExtension(w, a);
  w.end();
}

function prefixed(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`${S}${k}`, v]));
}

/**
 * What IATI has no element for: kind, regions as the registry names them, the reporter when one is
 * named (then the file's own reporting organisation), funding, relations, key figures, engagements, provenance.
 */
function writeActivityExtension(w: XmlWriter, a: Activity): void {
  w.start(`${S}activity`, {
    slug: a.slug, kind: a.kind, regions: a.regions.length ? a.regions.join(' ') : undefined, 'reported-by': a.reportedBy,
    version: a.meta?.version, 'created-at': a.meta?.createdAt,
  });
  provenance(w, a.provenance);

  for (const f of a.funding) {
    w.start(`${S}funding`, { instrument: f.instrument, funder: f.funder, via: f.via, 'co-financing': flag(f.coFinancing) });
    bilingual(w, 'note', f.note);
    for (const flow of f.flows) {
      const attributes = {
        kind: flow.kind, amount: flow.amount, currency: flow.currency, 'value-date': flow.valueDate,
        'period-start': flow.periodStart, 'period-end': flow.periodEnd,
      };
      if (flow.note) {
        w.start(`${S}flow`, attributes);
        bilingual(w, 'note', flow.note);
        w.end();
      } else {
        w.element(`${S}flow`, attributes);
      }
    }
    provenance(w, f.provenance);
    w.end();
  }

  for (const r of a.relations) {
    const target = r.target;
    w.start(`${S}relation`, { type: r.type, basis: r.basis, activity: 'activity' in target ? target.activity : undefined });
    if ('external' in target) {
      w.start(`${S}external`, { 'iati-identifier': target.external.iatiIdentifier, organisation: target.external.organisation });
      bilingual(w, 'name', target.external.name);
      w.end();
    }
    bilingual(w, 'note', r.note);
    provenance(w, r.provenance);
    w.end();
  }

  for (const k of a.keyFigures) {
    w.start(`${S}key-figure`, { value: String(k.value), currency: k.currency, cumulative: flag(k.cumulative) });
    bilingual(w, 'unit', k.unit);
    bilingual(w, 'label', k.label);
    if (k.asOf) w.element(`${S}as-of`, fuzzy(k.asOf));
    if (k.source !== undefined) w.element(`${S}source`, {}, k.source);
    provenance(w, k.provenance);
    w.end();
  }

  for (const e of a.engagements) {
    w.start(`${S}engagement`, {
      kind: e.kind, count: e.count, registrations: e.registrations, participants: e.participants, format: e.format,
    });
    bilingual(w, 'title', e.title);
    bilingual(w, 'topic', e.topic);
    bilingual(w, 'place', e.place);
    if (e.date) w.element(`${S}date`, fuzzy(e.date));
    for (const o of e.homeOrganisations) w.element(`${S}home-organisation`, { organisation: o });
    for (const c of e.countriesFeatured) w.element(`${S}country-featured`, { code: c });
    provenance(w, e.provenance);
    w.end();
  }
  w.end();
}

/** An organisation, with what a participating-org cannot hold. */
function writeOrganisation(w: XmlWriter, o: Organisation): void {
  w.start(`${S}organisation`, {
    slug: o.slug, acronym: o.acronym, type: o.type, country: o.country, 'iati-ref': o.iatiRef, website: o.website, parent: o.parent,
    version: o.meta?.version, 'created-at': o.meta?.createdAt, 'updated-at': o.meta?.updatedAt,
  });
  bilingual(w, 'name', o.name);
  provenance(w, o.provenance);
  w.end();
}

/** A source the provenance quotes come from. */
function writeSource(w: XmlWriter, s: Source): void {
  w.start(`${S}source`, {
    slug: s.slug, location: s.location, version: s.meta?.version, 'created-at': s.meta?.createdAt, 'updated-at': s.meta?.updatedAt,
  });
  bilingual(w, 'title', s.title);
  w.end();
}
