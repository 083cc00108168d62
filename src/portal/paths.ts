/** The portal's URLs: Swedish at /, English at /en/, the same paths below each. */
import type { Lang } from '../shared/i18n.ts';

export function href(lang: Lang, path: string): string {
  if (lang === 'sv') return path;
  return path === '/' ? '/en/' : `/en${path}`;
}

export function otherLang(lang: Lang): Lang {
  return lang === 'sv' ? 'en' : 'sv';
}

/** The same page in the other language (the path below the language prefix, with its query). */
export function switchLanguage(lang: Lang, url: string): string {
  const path = lang === 'en' ? (url.replace(/^\/en(?=\/|$|\?)/, '') || '/') : url;
  return href(otherLang(lang), path.startsWith('/') ? path : `/${path}`);
}

export const activityPath = (lang: Lang, slug: string) => href(lang, `/activities/${encodeURIComponent(slug)}`);
export const organisationPath = (lang: Lang, slug: string) => href(lang, `/organisations/${encodeURIComponent(slug)}`);

/** A list URL with these parameters; empty values are left out so every state has one URL. */
export function listPath(lang: Lang, params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  const query = new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
  return href(lang, `/activities${query ? `?${query}` : ''}`);
}
