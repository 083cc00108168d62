/**
 * Why a phrase could not be read. The grammar raises a DateProblem as soon as it knows what is
 * wrong (a 31 February, a year of three digits), before it knows whether the whole text was meant
 * as one date or as a period; the entry points then turn it into a FuzzyDateError that quotes the
 * whole phrase.
 */
import type { Message } from '../shared/i18n.ts';
import { FIRST_YEAR, LAST_YEAR } from './calendar.ts';
import { MONTH_NAMES, wordAt } from './vocabulary.ts';

export const FUZZY_DATE_ERROR_CODES = [
  'empty',
  'unreadable',
  'missing-year',
  'missing-month',
  'invalid-day',
  'invalid-month',
  'invalid-quarter',
  'invalid-half',
  'ambiguous-winter',
  'invalid-winter',
  'year-out-of-range',
  'end-before-start',
  'duration-without-anchor',
  'invalid-duration',
  'imprecise-anchor',
] as const;
export type FuzzyDateErrorCode = (typeof FUZZY_DATE_ERROR_CODES)[number];

export class FuzzyDateError extends Error {
  constructor(
    readonly code: FuzzyDateErrorCode,
    readonly phrase: string,
    readonly messages: Message,
  ) {
    super(messages.en);
    this.name = 'FuzzyDateError';
  }
}

export class DateProblem extends Error {
  constructor(
    readonly code: FuzzyDateErrorCode,
    readonly detail: Message,
  ) {
    super(detail.en);
    this.name = 'DateProblem';
  }
}

export function toFuzzyDateError(problem: DateProblem, phrase: string, subject: 'date' | 'period'): FuzzyDateError {
  const noun = subject === 'date' ? 'datumet' : 'perioden';
  return new FuzzyDateError(problem.code, phrase, {
    sv: `Kan inte tolka ${noun} "${phrase}": ${problem.detail.sv}`,
    en: `Cannot read the ${subject} "${phrase}": ${problem.detail.en}`,
  });
}

const twoDigits = (year: number) => String(year % 100).padStart(2, '0');
const monthName = (month: number, lang: 'sv' | 'en') => wordAt(MONTH_NAMES[lang], month - 1);

/** One constructor per reason, so that the wording of each lives in one place. */
export const problem = {
  empty: () => new DateProblem('empty', { sv: 'texten är tom.', en: 'the text is empty.' }),

  notADate: () => new DateProblem('unreadable', {
    sv: 'texten går inte att känna igen som ett datum.',
    en: 'the text is not recognised as a date.',
  }),

  unrecognised: (rest: string) => new DateProblem('unreadable', {
    sv: `"${rest}" går inte att känna igen som ett datum.`,
    en: `"${rest}" is not recognised as a date.`,
  }),

  character: (character: string) => new DateProblem('unreadable', {
    sv: `tecknet "${character}" hör inte hemma i ett datum.`,
    en: `the character "${character}" does not belong in a date.`,
  }),

  trailing: (read: string, rest: string) => new DateProblem('unreadable', {
    sv: `efter "${read}" följer "${rest}", som inte går att tolka.`,
    en: `"${read}" is followed by "${rest}", which cannot be read.`,
  }),

  missingSeparator: (read: string, rest: string) => new DateProblem('unreadable', {
    sv: `"${read}" och "${rest}" behöver skiljas åt med "–" eller "till".`,
    en: `"${read}" and "${rest}" need "–" or "to" between them.`,
  }),

  missingDate: (after: string) => new DateProblem('unreadable', {
    sv: `ett datum saknas efter "${after}".`,
    en: `a date is missing after "${after}".`,
  }),

  isPeriod: () => new DateProblem('unreadable', {
    sv: 'det är en period, inte ett enskilt datum.',
    en: 'it is a period, not a single date.',
  }),

  betweenNeedsTwo: (word: string) => new DateProblem('unreadable', {
    sv: `"${word}" kräver två datum, till exempel "mellan 2020 och 2022".`,
    en: `"${word}" needs two dates, for example "between 2020 and 2022".`,
  }),

  missingYear: () => new DateProblem('missing-year', { sv: 'årtalet saknas.', en: 'the year is missing.' }),

  missingMonth: (day: number) => new DateProblem('missing-month', {
    sv: `dag ${day} saknar månad och år.`,
    en: `day ${day} has no month or year.`,
  }),

  invalidDay: (year: number, month: number, day: number) => new DateProblem('invalid-day', {
    sv: `det finns ingen ${day} ${monthName(month, 'sv')} ${year}.`,
    en: `there is no ${day} ${monthName(month, 'en')} ${year}.`,
  }),

  invalidMonth: (month: number) => new DateProblem('invalid-month', {
    sv: `det finns ingen månad ${month}; månaderna är numrerade 1–12.`,
    en: `there is no month ${month}; months are numbered 1–12.`,
  }),

  invalidQuarter: (quarter: string) => new DateProblem('invalid-quarter', {
    sv: `det finns inget kvartal ${quarter}; kvartalen är 1–4.`,
    en: `there is no quarter ${quarter}; quarters are numbered 1–4.`,
  }),

  invalidHalf: (half: string) => new DateProblem('invalid-half', {
    sv: `det finns inget halvår ${half}; ett år har två halvår.`,
    en: `there is no half-year ${half}; a year has two halves.`,
  }),

  ambiguousWinter: (year: number) => new DateProblem('ambiguous-winter', {
    sv: `vintern sträcker sig över två år, så skriv vilken vinter som avses: "vintern ${year - 1}/${year}" eller "vintern ${year}/${year + 1}".`,
    en: `a winter spans two years, so say which winter is meant: "winter ${year - 1}/${twoDigits(year)}" or "winter ${year}/${twoDigits(year + 1)}".`,
  }),

  invalidWinter: (year: number) => new DateProblem('invalid-winter', {
    sv: `en vinter omfattar två år i följd, till exempel "vintern ${year}/${year + 1}".`,
    en: `a winter spans two consecutive years, for example "winter ${year}/${twoDigits(year + 1)}".`,
  }),

  yearOutOfRange: (year: string) => new DateProblem('year-out-of-range', {
    sv: `årtalet ${year} går inte att använda; skriv året med fyra siffror, mellan ${FIRST_YEAR} och ${LAST_YEAR}.`,
    en: `the year ${year} cannot be used; write the year with four digits, between ${FIRST_YEAR} and ${LAST_YEAR}.`,
  }),

  slashedDate: () => new DateProblem('unreadable', {
    sv: 'datum med snedstreck kan läsas på olika sätt; skriv till exempel "2022-06-15" eller "15 juni 2022".',
    en: 'dates with slashes can be read more than one way; write for example "2022-06-15" or "15 June 2022".',
  }),

  derivedOutOfRange: (derived: 'start' | 'end', year: number) => new DateProblem('year-out-of-range', {
    sv: `${derived === 'start' ? 'starten' : 'slutet'} skulle hamna år ${year}, utanför ${FIRST_YEAR}–${LAST_YEAR}.`,
    en: `the ${derived} would fall in ${year}, outside ${FIRST_YEAR}–${LAST_YEAR}.`,
  }),

  endBeforeStart: (start: string, end: string) => new DateProblem('end-before-start', {
    sv: `slutet ("${end}") ligger före början ("${start}").`,
    en: `the end ("${end}") comes before the start ("${start}").`,
  }),

  durationWithoutAnchor: (duration: string) => new DateProblem('duration-without-anchor', {
    sv: `längden "${duration}" behöver ett start- eller slutdatum att räkna från, till exempel "avslutades i mars 2016".`,
    en: `the duration "${duration}" needs a start or end date to count from, such as "ended March 2016".`,
  }),

  invalidDuration: (duration: string) => new DateProblem('invalid-duration', {
    sv: `längden "${duration}" måste vara ett helt antal månader, från en månad upp till 100 år.`,
    en: `the duration "${duration}" must be a whole number of months, from one month up to 100 years.`,
  }),

  impreciseAnchor: (anchor: string, duration: string, derived: 'start' | 'end') => new DateProblem('imprecise-anchor', {
    sv: `"${anchor}" är för grovt angivet för att räkna fram ${derived === 'start' ? 'starten' : 'slutet'} med längden "${duration}"; ange månad eller dag.`,
    en: `"${anchor}" is too coarse to work out the ${derived} from the duration "${duration}"; give a month or a day.`,
  }),
};
