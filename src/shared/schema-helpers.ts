/**
 * Building blocks shared by every input schema, and the translation of zod's issues into
 * FieldProblems with a stable code and a message in Swedish and English.
 */
import { z } from 'zod';
import type { FieldProblem } from './errors.ts';
import type { Message } from './i18n.ts';

/** Raise a problem with our own code and both languages from inside a refinement or transform. */
export function addProblem(ctx: z.RefinementCtx, code: string, message: Message, path: (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message: message.en, path, params: { code, sv: message.sv, en: message.en } });
}

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'slug' }).max(120);
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'iso-date' }).refine(isRealDay, { error: 'iso-date' });
export const isoTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, { error: 'timestamp' });
/**
 * Characters no text may hold: the C0 controls other than tab, line feed and carriage return, and
 * U+FFFE and U+FFFF. XML 1.0 allows none of them (an IATI export holding one would not be XML),
 * and PostgreSQL stores no NUL, so a save that SQLite took would fail there.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_STORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** A string of free text that every database and the IATI export can hold (NOT_STORABLE). */
export const freeText = () => z.string().refine((value) => !NOT_STORABLE.test(value), { error: 'control-character' });
export const text = (max = 20_000) => freeText().trim().min(1, { error: 'empty' }).max(max);
/** A text in Swedish and English; either may be missing, but not both. */
export const bilingual = (max = 20_000) =>
  z.strictObject({ sv: text(max).optional(), en: text(max).optional() })
    .refine((b) => b.sv !== undefined || b.en !== undefined, { error: 'bilingual-empty' });
/**
 * A code of an open IATI codelist (OPEN_CODELISTS in reference/codes.ts): any code of the list's
 * shape, whether the registry's copy of the list has it or not.
 */
export const openCode = (shape: RegExp) => z.string().regex(shape, { error: 'code-shape' });
/** A decimal amount as text, so money never passes through a float. */
export const decimal = z.string().regex(/^-?\d{1,15}(\.\d{1,4})?$/, { error: 'decimal' });

/** The sentence a fact was taken from, and from which source. */
export const provenance = z.strictObject({
  source: slug.default('seed-page'),
  quote: text(4000),
});
export type Provenance = z.infer<typeof provenance>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A day that exists in the (proleptic Gregorian) calendar, written as Date's ISO form writes it.
 * The usual YYYY-MM-DD is checked with arithmetic (the import checks several dates per activity,
 * and a Date plus toISOString per check was a visible part of its time); anything else (the
 * expanded years Date also reads, such as +010000-01) goes through Date, which decides it.
 */
export function isRealDay(value: string): boolean {
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 7);
    const day = digits(value, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) {
      if (month < 1 || month > 12 || day < 1) return false;
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
    }
  }
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The number written by the ASCII digits value[from..to), or -1 if any is not one. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const MESSAGES: Record<string, (issue: z.core.$ZodIssue) => Message> = {
  required: () => ({ sv: 'Fältet måste fyllas i.', en: 'This field is required.' }),
  'wrong-type': (i) => ({ sv: `Fel typ av värde (väntade ${typeName(i)}).`, en: `Wrong type of value (expected ${typeName(i)}).` }),
  'unknown-code': (i) => {
    const valid = options(i);
    return valid ? { sv: `Okänd kod. Giltiga värden: ${valid}.`, en: `Unknown code. Valid values: ${valid}.` } : { sv: 'Okänd kod.', en: 'Unknown code.' };
  },
  'other-identifier-a1': () => ({
    sv: 'A1 är aktivitetens egen identifierare, som IATI-exporten gör av dess kortnamn. Välj en annan typ, till exempel A9 för ett bidragsnummer.',
    en: "A1 is the activity's own identifier, which the IATI export makes of its slug. Choose another type, such as A9 for a grant number.",
  }),
  'code-shape': () => ({ sv: 'Det här är ingen kod ur listan. Välj en kod ur listan.', en: 'This is not a code of the list. Choose a code from the list.' }),
  'unknown-field': (i) => ({ sv: `Okänt fält: ${keys(i)}.`, en: `Unknown field: ${keys(i)}.` }),
  empty: () => ({ sv: 'Fältet får inte vara tomt.', en: 'This field must not be empty.' }),
  'too-long': () => ({ sv: 'Texten är för lång.', en: 'The text is too long.' }),
  'control-character': () => ({
    sv: 'Texten innehåller ett osynligt styrtecken (till exempel NUL) som inte kan sparas. Ta bort det och försök igen.',
    en: 'The text contains an invisible control character (such as NUL) that cannot be stored. Remove it and try again.',
  }),
  slug: () => ({ sv: 'Använd små bokstäver a–z, siffror och bindestreck.', en: 'Use lower-case letters a–z, digits and hyphens.' }),
  'iso-date': () => ({ sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Give a date as YYYY-MM-DD.' }),
  timestamp: () => ({ sv: 'Ange en tidpunkt som ÅÅÅÅ-MM-DDTtt:mm:ssZ.', en: 'Give a timestamp as YYYY-MM-DDThh:mm:ssZ.' }),
  decimal: () => ({ sv: 'Ange ett belopp med siffror och decimalpunkt, t.ex. 1000000.00.', en: 'Give an amount in digits with a decimal point, e.g. 1000000.00.' }),
  'bilingual-empty': () => ({ sv: 'Texten behövs på svenska eller engelska.', en: 'The text is needed in Swedish or English.' }),
  url: () => ({ sv: 'Ange en webbadress som börjar med https:// eller http://.', en: 'Give a web address starting with https:// or http://.' }),
  'out-of-range': () => ({ sv: 'Värdet ligger utanför det tillåtna intervallet.', en: 'The value is outside the allowed range.' }),
  invalid: () => ({ sv: 'Ogiltigt värde.', en: 'Invalid value.' }),
};

function typeName(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' ? String(issue.expected) : 'value';
}
/** The valid values, when there are few enough to read (not the 250 country codes). */
function options(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_value' && issue.values.length <= 12 ? issue.values.map(String).join(', ') : '';
}
function keys(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
}

function codeOf(issue: z.core.$ZodIssue): string {
  // Our schemas name their error with a key of MESSAGES; zod's own issues are mapped below.
  if (issue.message in MESSAGES) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves the input out of its issues; its message says what it received.
      return /received undefined$/.test(issue.message) ? 'required' : 'wrong-type';
    case 'invalid_value':
      return 'unknown-code';
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'too_small':
      return issue.origin === 'string' ? 'empty' : 'out-of-range';
    case 'too_big':
      return issue.origin === 'string' ? 'too-long' : 'out-of-range';
    case 'invalid_format':
      return issue.format === 'url' ? 'url' : 'invalid';
    case 'invalid_union':
      return 'invalid';
    default:
      return 'invalid';
  }
}

export function toProblems(error: z.ZodError, record?: string): FieldProblem[] {
  return error.issues.map((issue) => {
    const params = issue.code === 'custom' ? (issue.params as { code?: string; sv?: string; en?: string } | undefined) : undefined;
    const path = issue.path.map(String).join('.');
    if (params?.code && params.sv && params.en) return { code: params.code, record, path, message: { sv: params.sv, en: params.en } };
    const code = codeOf(issue);
    const message = (MESSAGES[code] ?? MESSAGES.invalid!)(issue);
    return { code, record, path, message };
  });
}
