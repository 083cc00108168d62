import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { Lang } from '../shared/i18n.ts';
import { type FormatStyle, formatFuzzyDate, formatPeriod } from './fuzzy-date.format.ts';
import {
  type FuzzyDate,
  FuzzyDateError,
  type FuzzyDateErrorCode,
  type FuzzyPeriod,
  type Precision,
  anchorEnd,
  anchorStart,
  compareFuzzyDates,
  isFuzzyDate,
  parseFuzzyDate,
  parsePeriod,
} from './fuzzy-date.ts';
import { type NamedRange, SEASONS, YEAR_PARTS, rangeOf } from './named-ranges.ts';

type Bound = readonly [from: string, to: string, precision: Precision];

interface Accepted {
  phrase: string;
  start?: Bound;
  /** 'same': a single date, which is both start and end. */
  end?: Bound | 'same';
}

const day = (iso: string): Bound => [iso, iso, 'day'];

const Y2014: Bound = ['2014-01-01', '2014-12-31', 'year'];
const Y2016: Bound = ['2016-01-01', '2016-12-31', 'year'];
const Y2020: Bound = ['2020-01-01', '2020-12-31', 'year'];
const Y2022: Bound = ['2022-01-01', '2022-12-31', 'year'];
const Y2024: Bound = ['2024-01-01', '2024-12-31', 'year'];
const Y2026: Bound = ['2026-01-01', '2026-12-31', 'year'];
const SEP_2022: Bound = ['2022-09-01', '2022-09-30', 'month'];
const MAR_2016: Bound = ['2016-03-01', '2016-03-31', 'month'];
const DEC_2020: Bound = ['2020-12-01', '2020-12-31', 'month'];
const DEC_2024: Bound = ['2024-12-01', '2024-12-31', 'month'];
const SEP_2015: Bound = ['2015-09-01', '2015-09-30', 'month'];
const FEB_2018: Bound = ['2018-02-01', '2018-02-28', 'month'];
const AUTUMN_2022: Bound = ['2022-09-01', '2022-11-30', 'season'];
const SPRING_2023: Bound = ['2023-03-01', '2023-05-31', 'season'];
const SUMMER_2021: Bound = ['2021-06-01', '2021-08-31', 'season'];
const WINTER_2021: Bound = ['2021-12-01', '2022-02-28', 'season'];
const EARLY_2024: Bound = ['2024-01-01', '2024-04-30', 'part'];
const MID_2024: Bound = ['2024-05-01', '2024-08-31', 'part'];
const LATE_2024: Bound = ['2024-09-01', '2024-12-31', 'part'];
const H1_2023: Bound = ['2023-01-01', '2023-06-30', 'half'];
const H2_2023: Bound = ['2023-07-01', '2023-12-31', 'half'];
const Q3_2023: Bound = ['2023-07-01', '2023-09-30', 'quarter'];
const AROUND_SEP_2014: Bound = ['2014-09-01', '2014-09-30', 'approximate'];
const AROUND_DEC_2017: Bound = ['2017-12-01', '2017-12-31', 'approximate'];

const ACCEPTED: readonly Accepted[] = [
  // Days
  { phrase: '1 juli 2021', start: day('2021-07-01'), end: 'same' },
  { phrase: '7 oktober 2019', start: day('2019-10-07'), end: 'same' },
  { phrase: '31 december 2020', start: day('2020-12-31'), end: 'same' },
  { phrase: 'den 31 december 2020', start: day('2020-12-31'), end: 'same' },
  { phrase: '4 May 2025', start: day('2025-05-04'), end: 'same' },
  { phrase: 'May 4, 2025', start: day('2025-05-04'), end: 'same' },
  { phrase: '4th May 2025', start: day('2025-05-04'), end: 'same' },
  { phrase: '2025-05-04', start: day('2025-05-04'), end: 'same' },
  { phrase: '29 februari 2024', start: day('2024-02-29'), end: 'same' },
  // Months
  { phrase: 'september 2022', start: SEP_2022, end: 'same' },
  { phrase: 'sep. 2022', start: SEP_2022, end: 'same' },
  { phrase: 'Sept 2022', start: SEP_2022, end: 'same' },
  { phrase: '2022-09', start: SEP_2022, end: 'same' },
  { phrase: 'i mars 2016', start: MAR_2016, end: 'same' },
  { phrase: 'okt 2021', start: ['2021-10-01', '2021-10-31', 'month'], end: 'same' },
  { phrase: 'February 2024', start: ['2024-02-01', '2024-02-29', 'month'], end: 'same' },
  // Seasons
  { phrase: 'hösten 2022', start: AUTUMN_2022, end: 'same' },
  { phrase: 'höst 2022', start: AUTUMN_2022, end: 'same' },
  { phrase: '  HÖSTEN   2022 ', start: AUTUMN_2022, end: 'same' },
  { phrase: 'autumn 2022', start: AUTUMN_2022, end: 'same' },
  { phrase: 'fall 2022', start: AUTUMN_2022, end: 'same' },
  { phrase: 'våren 2023', start: SPRING_2023, end: 'same' },
  { phrase: 'vår 2023', start: SPRING_2023, end: 'same' },
  { phrase: 'spring 2023', start: SPRING_2023, end: 'same' },
  { phrase: 'sommaren 2021', start: SUMMER_2021, end: 'same' },
  { phrase: 'summer 2021', start: SUMMER_2021, end: 'same' },
  { phrase: 'vintern 2021/2022', start: WINTER_2021, end: 'same' },
  { phrase: 'vintern 2021–2022', start: WINTER_2021, end: 'same' },
  { phrase: 'winter 2021/22', start: WINTER_2021, end: 'same' },
  { phrase: 'winter 2023/24', start: ['2023-12-01', '2024-02-29', 'season'], end: 'same' },
  // Parts of a year
  { phrase: 'början av 2024', start: EARLY_2024, end: 'same' },
  { phrase: 'i början av 2024', start: EARLY_2024, end: 'same' },
  { phrase: 'early 2024', start: EARLY_2024, end: 'same' },
  { phrase: 'mitten av 2024', start: MID_2024, end: 'same' },
  { phrase: 'mid-2024', start: MID_2024, end: 'same' },
  { phrase: 'mid 2024', start: MID_2024, end: 'same' },
  { phrase: 'slutet av 2024', start: LATE_2024, end: 'same' },
  { phrase: 'late 2024', start: LATE_2024, end: 'same' },
  { phrase: 'end of 2024', start: LATE_2024, end: 'same' },
  // Halves
  { phrase: 'första halvåret 2023', start: H1_2023, end: 'same' },
  { phrase: 'andra halvåret 2023', start: H2_2023, end: 'same' },
  { phrase: 'H1 2023', start: H1_2023, end: 'same' },
  { phrase: 'H2 2023', start: H2_2023, end: 'same' },
  { phrase: 'first half of 2023', start: H1_2023, end: 'same' },
  { phrase: 'second half of 2023', start: H2_2023, end: 'same' },
  // Quarters
  { phrase: 'Q3 2023', start: Q3_2023, end: 'same' },
  { phrase: 'kvartal 3 2023', start: Q3_2023, end: 'same' },
  { phrase: 'tredje kvartalet 2023', start: Q3_2023, end: 'same' },
  { phrase: 'third quarter of 2023', start: Q3_2023, end: 'same' },
  { phrase: '2023 Q3', start: Q3_2023, end: 'same' },
  { phrase: '2023-Q3', start: Q3_2023, end: 'same' },
  { phrase: 'Q1 2024', start: ['2024-01-01', '2024-03-31', 'quarter'], end: 'same' },
  { phrase: 'fjärde kvartalet 2022', start: ['2022-10-01', '2022-12-31', 'quarter'], end: 'same' },
  // Years and approximate dates
  { phrase: '2024', start: Y2024, end: 'same' },
  { phrase: 'under 2022', start: Y2022, end: 'same' },
  { phrase: 'omkring september 2014', start: AROUND_SEP_2014, end: 'same' },
  { phrase: 'around 2014', start: ['2014-01-01', '2014-12-31', 'approximate'], end: 'same' },
  // Periods
  { phrase: '1 juli 2021–15 juni 2022', start: day('2021-07-01'), end: day('2022-06-15') },
  { phrase: 'fr.o.m. 1 juli 2021 t.o.m. 15 juni 2022', start: day('2021-07-01'), end: day('2022-06-15') },
  { phrase: '2024–2026', start: Y2024, end: Y2026 },
  { phrase: '2024-2026', start: Y2024, end: Y2026 },
  { phrase: '2024 - 2026', start: Y2024, end: Y2026 },
  { phrase: '2024—2026', start: Y2024, end: Y2026 },
  { phrase: 'mellan 2020–2022', start: Y2020, end: Y2022 },
  { phrase: 'mellan 2020 och 2022', start: Y2020, end: Y2022 },
  { phrase: 'between 2020 and 2022', start: Y2020, end: Y2022 },
  { phrase: '2015–2020', start: ['2015-01-01', '2015-12-31', 'year'], end: Y2020 },
  { phrase: '2016–februari 2019', start: Y2016, end: ['2019-02-01', '2019-02-28', 'month'] },
  { phrase: 'september 2015 till februari 2018', start: SEP_2015, end: FEB_2018 },
  { phrase: 'from September 2015 to February 2018', start: SEP_2015, end: FEB_2018 },
  { phrase: 'november 2014 till mars 2016', start: ['2014-11-01', '2014-11-30', 'month'], end: MAR_2016 },
  { phrase: 'december 2022 till december 2023', start: ['2022-12-01', '2022-12-31', 'month'], end: ['2023-12-01', '2023-12-31', 'month'] },
  { phrase: '1 juni 2016 till 30 september 2018', start: day('2016-06-01'), end: day('2018-09-30') },
  { phrase: 'från 1 juni 2016 till 30 september 2018', start: day('2016-06-01'), end: day('2018-09-30') },
  { phrase: '7 oktober 2019 – 6 januari 2022', start: day('2019-10-07'), end: day('2022-01-06') },
  { phrase: '2021-07-01 – 2022-06-15', start: day('2021-07-01'), end: day('2022-06-15') },
  { phrase: 'vintern 2021/2022 – våren 2023', start: WINTER_2021, end: SPRING_2023 },
  { phrase: 'mid-2024 – late 2025', start: MID_2024, end: ['2025-09-01', '2025-12-31', 'part'] },
  // The start borrows the end's year (and month)
  { phrase: 'juli–december 2023', start: ['2023-07-01', '2023-07-31', 'month'], end: ['2023-12-01', '2023-12-31', 'month'] },
  { phrase: 'July–December 2023', start: ['2023-07-01', '2023-07-31', 'month'], end: ['2023-12-01', '2023-12-31', 'month'] },
  { phrase: '1–15 juni 2022', start: day('2022-06-01'), end: day('2022-06-15') },
  { phrase: 'september–november 2022', start: SEP_2022, end: ['2022-11-01', '2022-11-30', 'month'] },
  { phrase: '1 juli – 15 december 2022', start: day('2022-07-01'), end: day('2022-12-15') },
  { phrase: 'Q1–Q3 2023', start: ['2023-01-01', '2023-03-31', 'quarter'], end: Q3_2023 },
  // Open periods
  { phrase: 'från september 2022', start: SEP_2022 },
  { phrase: 'from September 2022', start: SEP_2022 },
  { phrase: 'sedan 2014', start: Y2014 },
  { phrase: 'since 2014', start: Y2014 },
  { phrase: 'till december 2024', end: DEC_2024 },
  { phrase: 'until December 2024', end: DEC_2024 },
  { phrase: 't.o.m. december 2024', end: DEC_2024 },
  // Durations hung on a known date
  { phrase: '1,5 år, avslutades i mars 2016', start: AROUND_SEP_2014, end: MAR_2016 },
  { phrase: '18 månader, avslutades i mars 2016', start: AROUND_SEP_2014, end: MAR_2016 },
  { phrase: '1.5 years, ended March 2016', start: AROUND_SEP_2014, end: MAR_2016 },
  { phrase: 'ett och ett halvt år, avslutades i mars 2016', start: AROUND_SEP_2014, end: MAR_2016 },
  { phrase: 'fem år, avslutades den 31 december 2020', start: ['2016-01-01', '2016-01-01', 'approximate'], end: day('2020-12-31') },
  { phrase: 'treårigt projekt som avslutades i december 2020', start: AROUND_DEC_2017, end: DEC_2020 },
  { phrase: '3 years, ended December 2020', start: AROUND_DEC_2017, end: DEC_2020 },
  { phrase: 'a three-year project that ended in December 2020', start: AROUND_DEC_2017, end: DEC_2020 },
  { phrase: 'treårigt projekt som påbörjades i september 2017', start: ['2017-09-01', '2017-09-30', 'month'], end: ['2020-09-01', '2020-09-30', 'approximate'] },
  { phrase: 'three years from September 2017', start: ['2017-09-01', '2017-09-30', 'month'], end: ['2020-09-01', '2020-09-30', 'approximate'] },
  { phrase: 'tvåårigt program som startade den 1 mars 2021', start: day('2021-03-01'), end: ['2023-02-28', '2023-02-28', 'approximate'] },
  { phrase: 'femårigt samarbete, avslutades 2020', start: ['2015-01-01', '2015-12-31', 'approximate'], end: Y2020 },
];

const REJECTED: readonly (readonly [phrase: string, code: FuzzyDateErrorCode])[] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['snart', 'unreadable'],
  ['hösten', 'missing-year'],
  ['mars', 'missing-year'],
  ['hösten 202', 'year-out-of-range'],
  ['1899', 'year-out-of-range'],
  ['2101', 'year-out-of-range'],
  ['2022-13', 'invalid-month'],
  ['31 februari 2023', 'invalid-day'],
  ['32 maj 2021', 'invalid-day'],
  ['2023-02-29', 'invalid-day'],
  ['Q5 2023', 'invalid-quarter'],
  ['H3 2022', 'invalid-half'],
  ['2022–2020', 'end-before-start'],
  ['december–mars 2023', 'end-before-start'],
  ['1,5 år', 'duration-without-anchor'],
  ['three years', 'duration-without-anchor'],
  ['vintern 2022', 'ambiguous-winter'],
  ['winter 2022', 'ambiguous-winter'],
  ['vintern 2021/2023', 'invalid-winter'],
  ['september 2022 ungefär', 'unreadable'],
  ['2020 2022', 'unreadable'],
  ['hösten 2022 våren 2023', 'unreadable'],
  ['mellan 2020', 'unreadable'],
  ['2020 –', 'unreadable'],
  ['15/6/2022', 'unreadable'],
  ['september 2022?', 'unreadable'],
  ['1 – juni 2022', 'missing-month'],
  ['0 år, avslutades 2020', 'invalid-duration'],
  ['1,3 år, avslutades i mars 2016', 'invalid-duration'],
  ['1,5 år, avslutades 2016', 'imprecise-anchor'],
  ['fem år, avslutades 1901', 'year-out-of-range'],
];

function boundOf(date: FuzzyDate | undefined): Bound | undefined {
  return date && [date.from, date.to, date.precision];
}

function assertPeriod(period: FuzzyPeriod, row: Accepted, context: string): void {
  assert.deepEqual(boundOf(period.start), row.start, `start of ${context}`);
  assert.deepEqual(boundOf(period.end), row.end === 'same' ? row.start : row.end, `end of ${context}`);
}

function rejection(code: FuzzyDateErrorCode, phrase: string) {
  return (error: unknown) => {
    assert.ok(error instanceof FuzzyDateError, `expected a FuzzyDateError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.phrase, phrase.trim());
    assert.ok(error.messages.sv.includes(`"${phrase.trim()}"`), error.messages.sv);
    assert.ok(error.messages.en.includes(`"${phrase.trim()}"`), error.messages.en);
    assert.match(error.messages.sv, /^Kan inte tolka (datumet|perioden) "/);
    assert.match(error.messages.en, /^Cannot read the (date|period) "/);
    return true;
  };
}

describe('parsePeriod reads what staff write', () => {
  for (const row of ACCEPTED) {
    it(JSON.stringify(row.phrase), () => {
      const period = parsePeriod(row.phrase);
      assertPeriod(period, row, row.phrase);
      assert.equal(period.phrase, row.phrase.trim());
    });
  }
});

describe('parseFuzzyDate reads single dates', () => {
  for (const row of ACCEPTED.filter((r) => r.end === 'same')) {
    it(JSON.stringify(row.phrase), () => {
      const date = parseFuzzyDate(row.phrase);
      assert.deepEqual(boundOf(date), row.start);
      assert.equal(date.phrase, row.phrase.trim());
    });
  }

  it('rejects a period, which is not one date', () => {
    assert.throws(() => parseFuzzyDate('2024–2026'), rejection('unreadable', '2024–2026'));
    assert.throws(() => parseFuzzyDate('från september 2022'), rejection('unreadable', 'från september 2022'));
    assert.throws(() => parseFuzzyDate('1,5 år, avslutades i mars 2016'), rejection('unreadable', '1,5 år, avslutades i mars 2016'));
  });

  it('quotes the phrase as in the brief', () => {
    assert.throws(() => parseFuzzyDate('hösten 202'), (error: unknown) => {
      assert.ok(error instanceof FuzzyDateError);
      assert.equal(error.messages.sv, 'Kan inte tolka datumet "hösten 202": årtalet 202 går inte att använda; skriv året med fyra siffror, mellan 1900 och 2100.');
      assert.equal(error.messages.en, 'Cannot read the date "hösten 202": the year 202 cannot be used; write the year with four digits, between 1900 and 2100.');
      assert.equal(error.message, error.messages.en);
      assert.equal(error.name, 'FuzzyDateError');
      assert.ok(error instanceof Error);
      return true;
    });
  });
});

describe('rejects what it cannot read, never guessing', () => {
  for (const [phrase, code] of REJECTED) {
    it(`${JSON.stringify(phrase)} → ${code}`, () => {
      assert.throws(() => parsePeriod(phrase), rejection(code, phrase));
    });
  }

  it('asks which winter', () => {
    assert.throws(() => parsePeriod('vintern 2022'), (error: unknown) => {
      assert.ok(error instanceof FuzzyDateError);
      assert.ok(error.messages.sv.includes('"vintern 2021/2022" eller "vintern 2022/2023"'), error.messages.sv);
      assert.ok(error.messages.en.includes('"winter 2021/22" or "winter 2022/23"'), error.messages.en);
      return true;
    });
  });
});

describe('phrases of bounds', () => {
  it('gives each bound its own words and the period the whole text', () => {
    const period = parsePeriod(' 1 juli 2021–15 juni 2022 ');
    assert.equal(period.phrase, '1 juli 2021–15 juni 2022');
    assert.equal(period.start?.phrase, '1 juli 2021');
    assert.equal(period.end?.phrase, '15 juni 2022');
  });

  it('leaves period words out of the bound', () => {
    assert.equal(parsePeriod('från 1 juni 2016 till 30 september 2018').start?.phrase, '1 juni 2016');
    assert.equal(parsePeriod('till december 2024').end?.phrase, 'december 2024');
    assert.equal(parsePeriod('juli–december 2023').start?.phrase, 'juli');
  });

  it('gives a derived bound the whole phrase', () => {
    const period = parsePeriod('1,5 år, avslutades i mars 2016');
    assert.equal(period.start?.phrase, '1,5 år, avslutades i mars 2016');
    assert.equal(period.end?.phrase, 'i mars 2016');
  });

  it('gives a single date as both start and end', () => {
    const period = parsePeriod('hösten 2022');
    assert.deepEqual(period.start, { from: '2022-09-01', to: '2022-11-30', precision: 'season', phrase: 'hösten 2022' });
    assert.deepEqual(period.end, period.start);
  });
});

type Formats = readonly [svLong: string, enLong: string, svShort: string, enShort: string];

const DATE_FORMATS: readonly (readonly [phrase: string, formats: Formats])[] = [
  ['4 May 2025', ['4 maj 2025', '4 May 2025', '2025-05-04', '2025-05-04']],
  ['2022-09', ['september 2022', 'September 2022', 'sep. 2022', 'Sep 2022']],
  ['mars 2016', ['mars 2016', 'March 2016', 'mars 2016', 'Mar 2016']],
  ['hösten 2022', ['hösten 2022', 'autumn 2022', 'hösten 2022', 'autumn 2022']],
  ['winter 2021/22', ['vintern 2021/2022', 'winter 2021/22', 'vintern 2021/2022', 'winter 2021/22']],
  ['i början av 2024', ['början av 2024', 'early 2024', 'början av 2024', 'early 2024']],
  ['mid 2024', ['mitten av 2024', 'mid-2024', 'mitten av 2024', 'mid-2024']],
  ['end of 2024', ['slutet av 2024', 'late 2024', 'slutet av 2024', 'late 2024']],
  ['H1 2023', ['första halvåret 2023', 'first half of 2023', 'H1 2023', 'H1 2023']],
  ['2023-Q3', ['tredje kvartalet 2023', 'Q3 2023', 'Q3 2023', 'Q3 2023']],
  ['under 2024', ['2024', '2024', '2024', '2024']],
  ['ca september 2014', ['omkring september 2014', 'around September 2014', 'ca sep. 2014', 'c. Sep 2014']],
];

const PERIOD_FORMATS: readonly (readonly [phrase: string, formats: Formats])[] = [
  ['1 juli 2021–15 juni 2022', ['1 juli 2021 – 15 juni 2022', '1 July 2021 – 15 June 2022', '2021-07-01 – 2022-06-15', '2021-07-01 – 2022-06-15']],
  ['2024-2026', ['2024–2026', '2024–2026', '2024–2026', '2024–2026']],
  ['september 2015 till februari 2018', ['september 2015 – februari 2018', 'September 2015 – February 2018', 'sep. 2015 – feb. 2018', 'Sep 2015 – Feb 2018']],
  ['september 2022 – december 2024', ['september 2022 – december 2024', 'September 2022 – December 2024', 'sep. 2022 – dec. 2024', 'Sep 2022 – Dec 2024']],
  ['juli–december 2023', ['juli–december 2023', 'July–December 2023', 'juli–dec. 2023', 'Jul–Dec 2023']],
  ['1–15 juni 2022', ['1–15 juni 2022', '1–15 June 2022', '2022-06-01 – 2022-06-15', '2022-06-01 – 2022-06-15']],
  ['1 juli – 15 december 2022', ['1 juli – 15 december 2022', '1 July – 15 December 2022', '2022-07-01 – 2022-12-15', '2022-07-01 – 2022-12-15']],
  ['2016–februari 2019', ['2016 – februari 2019', '2016 – February 2019', '2016 – feb. 2019', '2016 – Feb 2019']],
  ['från september 2022', ['från september 2022', 'from September 2022', 'från sep. 2022', 'from Sep 2022']],
  ['till december 2024', ['till december 2024', 'until December 2024', 'till dec. 2024', 'until Dec 2024']],
  ['hösten 2022', ['hösten 2022', 'autumn 2022', 'hösten 2022', 'autumn 2022']],
  ['Q3 2023 – Q1 2024', ['tredje kvartalet 2023 – första kvartalet 2024', 'Q3 2023 – Q1 2024', 'Q3 2023 – Q1 2024', 'Q3 2023 – Q1 2024']],
  ['1,5 år, avslutades i mars 2016', ['omkring september 2014 – mars 2016', 'around September 2014 – March 2016', 'ca sep. 2014 – mars 2016', 'c. Sep 2014 – Mar 2016']],
  ['fem år, avslutades den 31 december 2020', ['omkring 1 januari 2016 – 31 december 2020', 'around 1 January 2016 – 31 December 2020', 'ca 2016-01-01 – 2020-12-31', 'c. 2016-01-01 – 2020-12-31']],
];

const STYLES: readonly (readonly [Lang, FormatStyle])[] = [['sv', 'long'], ['en', 'long'], ['sv', 'short'], ['en', 'short']];

describe('formatFuzzyDate', () => {
  for (const [phrase, formats] of DATE_FORMATS) {
    it(`writes ${JSON.stringify(phrase)} in both languages and styles`, () => {
      const date = parseFuzzyDate(phrase);
      assert.deepEqual(STYLES.map(([lang, style]) => formatFuzzyDate(date, lang, style)), formats);
    });
  }

  it('uses the long style by default', () => {
    assert.equal(formatFuzzyDate(parseFuzzyDate('2025-05-04'), 'sv'), '4 maj 2025');
  });

  it('refuses a date whose days do not match its precision', () => {
    const date: FuzzyDate = { from: '2022-09-03', to: '2022-10-10', precision: 'month', phrase: 'x' };
    assert.throws(() => formatFuzzyDate(date, 'sv'), RangeError);
  });
});

describe('formatPeriod', () => {
  for (const [phrase, formats] of PERIOD_FORMATS) {
    it(`writes ${JSON.stringify(phrase)} in both languages and styles`, () => {
      const period = parsePeriod(phrase);
      assert.deepEqual(STYLES.map(([lang, style]) => formatPeriod(period, lang, style)), formats);
    });
  }

  it('writes nothing for a period with no bounds', () => {
    assert.equal(formatPeriod({ phrase: '' }, 'sv'), '');
  });
});

describe('round trip: what is written reads back to the same days and precision', () => {
  for (const row of ACCEPTED) {
    it(JSON.stringify(row.phrase), () => {
      const period = parsePeriod(row.phrase);
      for (const [lang, style] of STYLES) {
        const written = formatPeriod(period, lang, style);
        const reread = parsePeriod(written);
        assert.deepEqual(boundOf(reread.start), boundOf(period.start), `start of ${lang} ${style} "${written}"`);
        assert.deepEqual(boundOf(reread.end), boundOf(period.end), `end of ${lang} ${style} "${written}"`);
      }
    });
  }
});

describe('round trip over generated bounds', () => {
  const named: NamedRange[] = [];
  for (const year of [2022, 2024]) {
    named.push({ kind: 'year', year });
    for (let month = 1; month <= 12; month++) {
      named.push({ kind: 'month', year, month });
      for (const day of [1, 15, 28]) named.push({ kind: 'day', year, month, day });
    }
    for (const season of SEASONS) named.push({ kind: 'season', season, year });
    for (const part of YEAR_PARTS) named.push({ kind: 'part', part, year });
    for (const quarter of [1, 2, 3, 4]) named.push({ kind: 'quarter', quarter, year });
    for (const half of [1, 2]) named.push({ kind: 'half', half, year });
  }
  const dates: FuzzyDate[] = named.flatMap((n) => {
    const { from, to } = rangeOf(n);
    return [{ from, to, precision: n.kind, phrase: '' }, { from, to, precision: 'approximate' as const, phrase: '' }];
  });

  it(`holds for ${dates.length} bounds alone, open, and paired`, () => {
    const periods: FuzzyPeriod[] = dates.flatMap((a, i) => [
      { start: a, end: a, phrase: '' },
      { start: a, phrase: '' },
      { end: a, phrase: '' },
      ...dates.filter((b, j) => (i + j) % 11 === 0 && b.to >= a.from).map((b) => ({ start: a, end: b, phrase: '' })),
    ]);
    const failures: string[] = [];
    for (const period of periods) {
      for (const [lang, style] of STYLES) {
        const written = formatPeriod(period, lang, style);
        try {
          const reread = parsePeriod(written);
          if (!isDeepStrictEqual([boundOf(reread.start), boundOf(reread.end)], [boundOf(period.start), boundOf(period.end)])) {
            failures.push(`${written} read as ${JSON.stringify([boundOf(reread.start), boundOf(reread.end)])}`);
          }
        } catch (error) {
          failures.push(`${written}: ${String(error)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});

describe('anchors, ordering and the structural check', () => {
  it('anchors a bound on its first and last day', () => {
    const autumn = parseFuzzyDate('hösten 2022');
    assert.equal(anchorStart(autumn), '2022-09-01');
    assert.equal(anchorEnd(autumn), '2022-11-30');
  });

  it('sorts by first day, then by last day', () => {
    const phrases = ['2023', 'Q3 2022', '2022', 'januari 2022', '1 januari 2022', 'hösten 2022'];
    const sorted = phrases.map(parseFuzzyDate).sort(compareFuzzyDates).map((d) => d.phrase);
    assert.deepEqual(sorted, ['1 januari 2022', 'januari 2022', '2022', 'Q3 2022', 'hösten 2022', '2023']);
    assert.equal(compareFuzzyDates(parseFuzzyDate('2022'), parseFuzzyDate('under 2022')), 0);
  });

  it('accepts what the parser makes', () => {
    for (const row of ACCEPTED) {
      const period = parsePeriod(row.phrase);
      for (const bound of [period.start, period.end]) if (bound) assert.ok(isFuzzyDate(bound), JSON.stringify(bound));
    }
  });

  it('rejects anything else', () => {
    const good: FuzzyDate = { from: '2022-09-01', to: '2022-09-30', precision: 'month', phrase: 'sep. 2022' };
    assert.ok(isFuzzyDate(good));
    for (const bad of [
      null,
      'sep. 2022',
      { ...good, phrase: undefined },
      { ...good, precision: 'week' },
      { ...good, from: '2022-09-31' },
      { ...good, to: '2022-9-30' },
      { ...good, from: '2022-10-01', to: '2022-09-30' },
      { ...good, precision: 'day' },
      { ...good, to: '2022-10-10' },
      { ...good, precision: 'approximate', from: '2022-09-03' },
    ]) {
      assert.equal(isFuzzyDate(bad), false, JSON.stringify(bad));
    }
  });
});
