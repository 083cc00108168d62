/** The two languages every user-facing word exists in. */
export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text given in Swedish and English; either may be missing. */
export interface Bilingual {
  sv?: string | undefined;
  en?: string | undefined;
}

/** A message every user can read: always both languages. */
export interface Message {
  sv: string;
  en: string;
}
