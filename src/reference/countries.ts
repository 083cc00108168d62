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

export function countryName(code: string, lang: Lang): string {
  return regionNames[lang].of(code) ?? code;
}

export function countryNames(code: string): Message {
  return { sv: countryName(code, 'sv'), en: countryName(code, 'en') };
}

export function languageName(code: string, lang: Lang): string {
  return languageNames[lang].of(code) ?? code;
}
