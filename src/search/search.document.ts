/**
 * What an activity's search index row holds, made from the document alone: no database, so that
 * the IATI import's worker thread can make it (and loads only this, not the database layer).
 */
import type { Activity } from '../activities/activity.schema.ts';
import type { Dialect } from '../db/dialect.ts';
import { countryName } from '../reference/countries.ts';
import { findRegion } from '../reference/regions.ts';
import type { Lang } from '../shared/i18n.ts';
import { stemmedText, tsvectorLiteral } from './search.text.ts';

/** Everything a person might search an activity by, in one language. */
export function searchableText(a: Activity, lang: Lang, organisations: OrganisationNames): string {
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const t = a.texts[lang];
  const parts: (string | undefined | null)[] = [
    t?.title, t?.acronym, t?.summary, t?.description, t?.objectives,
    // Names are searched in both languages: an English reader may type the Swedish name.
    a.texts[other]?.title, a.texts[other]?.acronym, a.slug,
    // A grant number is typed as it is written.
    ...a.otherIdentifiers.map((o) => o.ref),
    ...a.participations.flatMap((p) => {
      const o = organisations.get(p.organisation);
      return [o?.[lang], o?.[other], o?.acronym];
    }),
    ...a.countries.map((c) => countryName(c.code, lang)),
    ...a.regions.map((r) => findRegion(r)?.name[lang]),
    ...a.engagements.flatMap((e) => [e.title?.[lang], e.topic?.[lang]]),
    ...a.results.map((r) => r.title[lang]),
  ];
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

/** Organisation names as the index needs them, by slug. */
export type OrganisationNames = Map<string, { sv: string | null; en: string | null; acronym: string | null }>;

/**
 * What one activity's index row holds: the Snowball stems of each language's text, the same on
 * both databases. SQLite gets them as text, one FTS5 column per language; PostgreSQL as one
 * tsvector literal of both (its INSERT casts it, so the server stems nothing). Made from the
 * document alone, so it can be made away from the database (the import's worker).
 */
export type SearchDocument = { sv: string; en: string } | { tsvector: string };

export function searchDocument(a: Activity, dialect: Dialect, organisations: OrganisationNames): SearchDocument {
  const sv = searchableText(a, 'sv', organisations);
  const en = searchableText(a, 'en', organisations);
  return dialect === 'postgres'
    ? { tsvector: tsvectorLiteral([{ text: sv, lang: 'sv' }, { text: en, lang: 'en' }]) }
    : { sv: stemmedText(sv, 'sv'), en: stemmedText(en, 'en') };
}
