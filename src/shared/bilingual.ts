import type { Bilingual } from './i18n.ts';

/** Two nullable columns as an optional bilingual text: undefined when both are empty. */
export function fromColumns(sv: string | null, en: string | null): Bilingual | undefined {
  if (sv === null && en === null) return undefined;
  const out: Bilingual = {};
  if (sv !== null) out.sv = sv;
  if (en !== null) out.en = en;
  return out;
}

/** A bilingual text that the schema guarantees to have at least one language. */
export function requiredFromColumns(sv: string | null, en: string | null): Bilingual {
  return fromColumns(sv, en) ?? {};
}

export function toColumns(text: Bilingual | undefined): { sv: string | null; en: string | null } {
  return { sv: text?.sv ?? null, en: text?.en ?? null };
}
