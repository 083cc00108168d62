/** Each data-quality rule on small activities: what it finds, and what it must not find. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activitySchema, type ActivityInput } from '../activities/activity.schema.ts';
import { organisationSchema } from '../organisations/organisation.schema.ts';
import { buildActivity, buildOrganisation } from '../../test/support/builders.ts';
import { checkActivity, checkPortfolio, datesIn, futureDateIn, sentences } from './check.ts';

const TODAY = { today: '2026-11-25' };

function codes(overrides: Partial<ActivityInput>): string[] {
  return checkActivity(activitySchema.parse(buildActivity(overrides)), TODAY).map((f) => f.code);
}

describe('check', () => {
  it('finds nothing in a complete, consistent activity', () => {
    assert.deepEqual(codes({ status: 'closed', dates: { actual: '1 juli 2021–15 juni 2022' } }), []);
  });

  it('reports a missing title as an error and a working title as a warning', () => {
    assert.deepEqual(codes({ status: 'closed', dates: { actual: '2020' }, texts: { sv: { summary: 'Text.' }, en: { summary: 'Text.' } } }), ['missing-title']);
    assert.deepEqual(codes({ status: 'closed', dates: { actual: '2020' }, workingTitle: true }), ['working-title']);
  });

  it('reports a text given in one language only, naming the missing language', () => {
    const found = checkActivity(activitySchema.parse(buildActivity({ status: 'closed', dates: { actual: '2020' }, texts: { sv: { title: 'T', summary: 'Bara svenska.' }, en: { title: 'T' } } })), TODAY);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.code, 'missing-language');
    assert.equal(found[0]!.field, 'texts.en.summary');
  });

  it('reports future tense about a date that has passed, in both languages, and not about one to come', () => {
    const stale = {
      status: 'closed' as const, dates: { actual: '2021' },
      texts: {
        sv: { title: 'T', description: 'Under hösten 2021 ska Migrationsverket genomföra en förstudie. Den har genomförts.' },
        en: { title: 'T', description: 'In autumn 2021 the agency will carry out a pre-study.' },
      },
    };
    const found = checkActivity(activitySchema.parse(buildActivity(stale)), TODAY).filter((f) => f.code === 'stale-future-tense');
    assert.deepEqual(found.map((f) => f.field), ['texts.sv.description', 'texts.en.description']);
    assert.equal(found[0]!.quote, 'Under hösten 2021 ska Migrationsverket genomföra en förstudie.');
    assert.match(found[0]!.message.sv, /hösten 2021/);
    const future = { ...stale, texts: { sv: { title: 'T', description: 'Projektet kommer att pågå till 2027.' }, en: { title: 'T', description: 'It will run until 2027.' } } };
    assert.deepEqual(codes(future), []);
    const pastTense = { ...stale, texts: { sv: { title: 'T', description: 'Projektet pågick 2021.' }, en: { title: 'T', description: 'It ran in 2021.' } } };
    assert.deepEqual(codes(pastTense), []);
  });

  it('checks the status against the dates', () => {
    assert.deepEqual(codes({ status: 'implementation', dates: { actualStart: 'september 2022', plannedEnd: 'december 2024' } }), ['past-due-ongoing']);
    assert.deepEqual(codes({ status: 'implementation', dates: { actual: '2024–2026' } }), []);
    assert.deepEqual(codes({ status: 'pipeline', dates: { plannedStart: '2022' } }), ['pipeline-start-passed']);
    assert.deepEqual(codes({ status: 'pipeline', dates: { plannedStart: '2027' } }), []);
    assert.deepEqual(codes({ status: 'closed', dates: { actual: '2025–2027' } }), ['closed-before-end']);
    assert.deepEqual(codes({ status: 'implementation', dates: { actual: '2027–2028' } }), ['started-in-future']);
  });

  it('reports an end before its start across planned and actual dates', () => {
    assert.deepEqual(codes({ status: 'closed', dates: { actualStart: 'mars 2020', plannedEnd: 'januari 2019', actualEnd: 'december 2020' } }), ['end-before-start']);
  });

  it('reports organisations named without a role, and key figures without a date', () => {
    assert.deepEqual(codes({ status: 'closed', dates: { actual: '2020' }, funding: [{ instrument: 'sida', funder: 'sida' }] }), ['organisation-without-role']);
    assert.deepEqual(codes({ status: 'closed', dates: { actual: '2020' }, keyFigures: [{ value: 66, unit: { sv: 'expertuppdrag', en: 'expert missions' } }] }), ['key-figure-without-date']);
    assert.deepEqual(codes({ status: 'closed', dates: { actual: '2020' }, keyFigures: [{ value: 66, unit: { sv: 'expertuppdrag' }, asOf: '2020' }] }), []);
  });

  it('adds the IATI rules when given the publisher, so a missing start date is found before publishing', () => {
    const activity = activitySchema.parse(buildActivity({ status: 'closed', dates: { actualEnd: 'mars 2016' } }));
    const ctx = { reportingOrg: { ref: 'SE-ON-2021002163', type: '10', name: { sv: 'Migrationsverket' } }, organisations: new Map([['test-agency', organisationSchema.parse(buildOrganisation())]]) };
    assert.deepEqual(checkPortfolio([activity], TODAY).map((f) => f.code), []);
    assert.deepEqual(checkPortfolio([activity], TODAY, ctx).map((f) => f.code), ['iati-missing-start']);
    assert.deepEqual(checkPortfolio([activity, { ...activity, slug: 'twin' }], TODAY, ctx).filter((f) => f.code === 'iati-duplicate-identifier').length, 1);
  });

  it('reads the dates a sentence names at the precision it gives', () => {
    assert.deepEqual(datesIn('Under hösten 2021 ska vi, och 1 juli 2022 och 2023, sedan 2014.').map(({ date: d }) => [d.precision, d.from, d.to]), [
      ['season', '2021-09-01', '2021-11-30'], ['day', '2022-07-01', '2022-07-01'], ['year', '2023-01-01', '2023-12-31'],
    ]);
    assert.deepEqual(sentences('Ett. Två!\n\nTre?'), ['Ett.', 'Två!', 'Tre?']);
  });

  it('finds the date a future-tense sentence is about, and ignores aims and things ongoing since a year', () => {
    assert.equal(futureDateIn('Projektet började september 2022 och förväntas pågå till december 2024.', 'sv')?.phrase, 'december 2024');
    assert.equal(futureDateIn('Under hösten 2021 ska Migrationsverket genomföra en förstudie.', 'sv')?.from, '2021-09-01');
    assert.equal(futureDateIn('Om förstudien leder till ett projekt kommer det att inledas under 2022.', 'sv')?.to, '2022-12-31');
    assert.equal(futureDateIn('EU tillhandahåller stödet sedan 2007 till kandidatländer för att de ska kunna förbereda sig.', 'sv'), undefined);
    assert.equal(futureDateIn('It started in 2019 so that partners will cooperate.', 'en'), undefined);
    assert.equal(futureDateIn('The project ran in 2021.', 'en'), undefined);
  });
});
