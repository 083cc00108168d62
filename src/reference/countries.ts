/** Country and language names come from the ICU data in Node (Intl.DisplayNames), never from our own tables. */
import type { Lang, Message } from '../shared/i18n.ts';
import { COUNTRY_CODES } from './iati-codes.generated.ts';

const regionNames: Record<Lang, Intl.DisplayNames> = {
  sv: new Intl.DisplayNames(['sv'], { type: 'region', fallback: 'code' }),
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }),
};
const languageNames: Record<Lang, Intl.DisplayNames> = {
  sv: new Intl.DisplayNames(['sv'], { type: 'language', fallback: 'code' }),
  en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }),
};

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code);
}

/**
 * Names already asked for: the search index asks for every country of every activity, and
 * Intl.DisplayNames looks each one up in ICU again. At most the codes asked for (a few hundred real
 * ones; anything else is kept only while the cache is small).
 */
const countryNameCache: Record<Lang, Map<string, string>> = { sv: new Map(), en: new Map() };
const COUNTRY_NAME_CACHE_SIZE = 1000;

export function countryName(code: string, lang: Lang): string {
  const cache = countryNameCache[lang];
  let name = cache.get(code);
  if (name === undefined) {
    name = regionNames[lang].of(code) ?? code;
    if (cache.size < COUNTRY_NAME_CACHE_SIZE) cache.set(code, name);
  }
  return name;
}

export function countryNames(code: string): Message {
  return { sv: countryName(code, 'sv'), en: countryName(code, 'en') };
}

export function languageName(code: string, lang: Lang): string {
  return languageNames[lang].of(code) ?? code;
}
