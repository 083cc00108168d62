/**
 * `samverka check` on the seed portfolio (through the database and the export) as of a fixed day:
 * it must report the unnamed activities, the stale future-tense plans and the past-due "ongoing"
 * projects, and nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededPortfolio } from '../seed/seeded-portfolio.ts';
import { checkPortfolio } from './check.ts';

const { activities } = await seededPortfolio();

describe('check on the seed portfolio as of 2026-11-25', () => {
  const findings = checkPortfolio(activities, { today: '2026-11-25' });
  const pairs = (code: string) => [...new Set(findings.filter((f) => f.code === code).map((f) => f.activity))].sort();

  it('reports the activities the page leaves without a name', () => {
    assert.deepEqual(pairs('working-title'), [
      'kosovo-eu-approximation', 'resettlement-project', 'serbia-asylum-migration-2015',
      'turkey-bilateral', 'turkey-gbv-pre-study', 'visa-training-programme',
    ]);
  });

  it('reports the stale future-tense plans', () => {
    assert.deepEqual(pairs('stale-future-tense'), ['turkey-gbv-pre-study', 'vct-project', 'visa-training-programme', 'western-balkans-migration-academy']);
    const quotes = findings.filter((f) => f.code === 'stale-future-tense').map((f) => f.quote);
    assert.ok(quotes.includes('Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.'));
    assert.ok(quotes.includes('Preliminär projektstart är under 2022.'));
    assert.ok(quotes.includes('Projektet började september 2022 och förväntas pågå till december 2024.'));
  });

  it('reports the "ongoing" and planned activities whose dates have passed', () => {
    assert.deepEqual(pairs('past-due-ongoing'), ['vct-project']);
    assert.deepEqual(pairs('pipeline-start-passed'), ['turkey-gbv-pre-study', 'visa-training-programme', 'western-balkans-migration-academy']);
  });

  it('reports nothing else', () => {
    const expected = new Set(['working-title', 'stale-future-tense', 'past-due-ongoing', 'pipeline-start-passed']);
    assert.deepEqual(findings.filter((f) => !expected.has(f.code)).map((f) => `${f.activity}: ${f.code} ${f.field}`), []);
  });

  it('reported nothing stale while the page was current', () => {
    const then = checkPortfolio(activities, { today: '2021-06-01' }).filter((f) => f.code !== 'working-title');
    assert.deepEqual(then.filter((f) => f.code === 'stale-future-tense' || f.code === 'past-due-ongoing').map((f) => f.activity), []);
  });
});
