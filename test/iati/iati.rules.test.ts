/**
 * The IATI rules, each against an activity broken on purpose (built with the test builders; where
 * the schema would refuse the break, the stored activity is changed after parsing, as data that
 * predates a schema rule would be).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activitySchema, type Activity, type ActivityInput } from '../../src/activities/activity.schema.ts';
import { organisationSchema } from '../../src/organisations/organisation.schema.ts';
import { DEFAULT_REPORTING_ORG, splitBudget } from '../../src/iati/iati.mapping.ts';
import { IATI_RULES, checkIatiActivity, checkIatiPortfolio, type IatiRuleContext } from '../../src/iati/iati.rules.ts';
import { buildActivity, buildOrganisation } from '../support/builders.ts';

const agency = organisationSchema.parse(buildOrganisation());
const ctx: IatiRuleContext = { today: '2026-11-25', reportingOrg: DEFAULT_REPORTING_ORG, organisations: new Map([[agency.slug, agency]]) };

function activity(overrides: Partial<ActivityInput> = {}, change?: (a: Activity) => void): Activity {
  const a = activitySchema.parse(buildActivity(overrides));
  change?.(a);
  return a;
}

function codes(a: Activity, context: IatiRuleContext = ctx): string[] {
  return checkIatiActivity(a, context).map((f) => f.code);
}

function findings(a: Activity, code: string) {
  return checkIatiActivity(a, ctx).filter((f) => f.code === code);
}

describe('IATI rules', () => {
  it('find nothing on a well-formed activity', () => {
    assert.deepEqual(checkIatiActivity(activity(), ctx), []);
    assert.equal(IATI_RULES.length, 11);
  });

  it('iati-identifier-prefix: the identifier starts with the reporting organisation and a hyphen (1.1.21, 1.1.3)', () => {
    assert.deepEqual(codes(activity({ iatiIdentifier: 'SE-0-TEST' })), ['iati-identifier-prefix']);
    assert.deepEqual(codes(activity({ iatiIdentifier: 'SE-ON-2021002163' })), ['iati-identifier-prefix']);
    assert.deepEqual(codes(activity(), { ...ctx, reportingOrg: { ...DEFAULT_REPORTING_ORG, ref: 'SE-0' } }), ['iati-identifier-prefix']);
  });

  it('iati-identifier-characters: no surrounding spaces, no / & | ? (1.3.1, 1.3.13)', () => {
    const f = findings(activity({}, (a) => { a.iatiIdentifier = 'SE-ON-2021002163-A/B'; }), 'iati-identifier-characters');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.field, 'iatiIdentifier');
  });

  it('iati-duplicate-identifier: two activities, one identifier (1.1.2)', () => {
    const f = checkIatiPortfolio([activity(), activity({ slug: 'other-project' })], ctx);
    assert.deepEqual(f.map((x) => [x.code, x.activity]), [['iati-duplicate-identifier', 'other-project']]);
    assert.match(f[0]!.message.en, /already used by test-project/);
    assert.match(f[0]!.message.sv, /används redan av test-project/);
  });

  it('iati-missing-title and iati-narrative-empty: titles and descriptions have words (4.3.1, 4.4.1)', () => {
    assert.deepEqual(codes(activity({ texts: {} })), ['iati-missing-title']);
    // The schema refuses a control character now, but a row stored before may hold one: XML drops
    // it, leaving nothing.
    const f = findings(activity({}, (a) => { a.texts.sv = { ...a.texts.sv, title: 'Testprojektet', summary: '\u0001' }; }), 'iati-narrative-empty');
    assert.deepEqual(f.map((x) => [x.field, x.severity]), [['texts.summary.sv', 'error']]);
  });

  it('iati-missing-start: a planned or actual start (6.11.1)', () => {
    assert.deepEqual(codes(activity({ dates: { plannedEnd: 'december 2024' } })), ['iati-missing-start']);
    const none = findings(activity({ dates: {} }), 'iati-missing-start');
    assert.match(none[0]!.message.en, /left out of the IATI file/);
  });

  it('iati-date-order: starts before ends, for the activity, budgets and indicator periods (11.1.2, 11.1.3, 8.6.1, 8.6.3)', () => {
    const dates = activity({}, (a) => { a.dates.actualEnd = { from: '2021-03-01', to: '2021-03-31', precision: 'month', phrase: 'mars 2021' }; });
    assert.deepEqual(findings(dates, 'iati-date-order').map((f) => f.field), ['dates.actualEnd']);
    const indicator = activity({
      results: [{ type: 'output', title: { en: 'Trained staff' }, indicators: [{ title: { en: 'Staff trained' }, baseline: { year: 2022, value: '0' }, periods: [{ start: '2023-12-31', end: '2023-01-01', actual: '3' }] }] }],
    });
    assert.deepEqual(findings(indicator, 'iati-date-order').map((f) => f.field), ['results.0.indicators.0.periods.0']);
    const budget = activity({}, (a) => {
      a.funding = [{ instrument: 'sida', coFinancing: false, provenance: [], flows: [{ kind: 'budget', amount: '10.00', currency: 'EUR', valueDate: '2022-09-01', periodStart: '2023-01-01', periodEnd: '2022-01-01' }] }];
    });
    assert.deepEqual(findings(budget, 'iati-date-order').map((f) => f.field), ['funding.0.flows.0']);
  });

  it('iati-date-in-future: actual dates and transactions have happened (11.1.4, 11.1.5, 11.2.1)', () => {
    assert.deepEqual(findings(activity({ dates: { actual: 'september 2022 till december 2027' } }), 'iati-date-in-future').map((f) => f.field), ['dates.actualEnd']);
    const transaction = activity({
      funding: [{ instrument: 'sida', flows: [{ kind: 'disbursement', amount: '100.00', currency: 'SEK', valueDate: '2027-01-01' }] }],
    });
    assert.deepEqual(findings(transaction, 'iati-date-in-future').map((f) => f.field), ['funding.0.flows.0.valueDate']);
  });

  it('iati-percentage-range and iati-percentage-sum: each share 0–100, together 100 (12.1.1, 3.1.2, 3.4.2)', () => {
    assert.deepEqual(codes(activity({ countries: [{ code: 'RS', percentage: 60 }, { code: 'BA', percentage: 60 }] })), ['iati-percentage-sum']);
    assert.deepEqual(codes(activity({ countries: [{ code: 'RS', percentage: 30 }] })), ['iati-percentage-sum']);
    const range = activity({}, (a) => { a.countries = [{ code: 'RS', percentage: 130 }, { code: 'BA', percentage: -30 }]; });
    assert.deepEqual(findings(range, 'iati-percentage-range').map((f) => f.field), ['countries.0.percentage', 'countries.1.percentage']);
    // Shares left out are split evenly over the rest of 100, which is never a finding.
    assert.deepEqual(codes(activity({ countries: [{ code: 'RS', percentage: 50 }, { code: 'BA' }, { code: 'ME' }], regions: ['horn-of-africa'] })), []);
  });

  it('iati-recipient-missing: a country or a region (3.7.1)', () => {
    assert.deepEqual(codes(activity({ countries: [] })), ['iati-recipient-missing']);
    assert.deepEqual(codes(activity({ countries: [], regions: ['eastern-partnership'] })), []);
  });

  it('iati-budget-period-missing, and budgets over a year split so 7.5.3 holds', () => {
    const noPeriod = activity({ dates: { plannedStart: '2022' }, funding: [{ instrument: 'sida', flows: [{ kind: 'budget', amount: '100.00', currency: 'SEK', valueDate: '2022-01-01' }] }] });
    assert.deepEqual(findings(noPeriod, 'iati-budget-period-missing').map((f) => [f.field, f.severity]), [['funding.0.flows.0', 'warning']]);
    const long = activity({ funding: [{ instrument: 'sida', flows: [{ kind: 'budget', amount: '100.00', currency: 'SEK', valueDate: '2022-01-01', periodStart: '2020-02-29', periodEnd: '2024-02-28' }] }] });
    assert.deepEqual(codes(long), []);
    const parts = splitBudget('100.00', '2020-02-29', '2024-02-28');
    assert.deepEqual(parts.map((p) => [p.periodStart, p.periodEnd]), [
      ['2020-02-29', '2020-12-31'], ['2021-01-01', '2021-12-31'], ['2022-01-01', '2022-12-31'], ['2023-01-01', '2023-12-31'], ['2024-01-01', '2024-02-28'],
    ]);
    assert.equal(parts.reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0), 10_000);
    assert.deepEqual(splitBudget('-0.05', '2021-12-31', '2022-01-01').map((p) => p.amount), ['-0.03', '-0.02']);
    assert.deepEqual(splitBudget('1.0001', '2021-12-31', '2022-01-01').map((p) => p.amount), ['0.5001', '0.5000']);
  });

  it('iati-xml-lang: every narrative in a Language code (4.1.1)', () => {
    const a = activity({}, (x) => { (x.texts as Record<string, { title?: string }>).xx = { title: 'Xx' }; });
    assert.deepEqual(codes(a), ['iati-xml-lang']);
    assert.deepEqual(codes(activity(), { ...ctx, lang: 'xx' as 'en' }), ['iati-xml-lang']);
  });

  it('iati-codelist: every code in its 2.03 codelist (9.x.1)', () => {
    const a = activity({
      documents: [
        { url: 'https://example.org/a.pdf', title: { en: 'A' }, format: 'application/pdf', category: 'A07', language: 'sv' },
        { url: 'https://example.org/b', title: { en: 'B' }, format: 'application/x-unheard-of' },
      ],
    }, (x) => {
      x.countries = [{ code: 'ZZ' }];
      x.status = 'dormant' as Activity['status'];
      x.alignment = [{ framework: 'sdg-target', code: '99.9', basis: 'assessed', provenance: [] }, { framework: 'sdg-goal', code: '18', basis: 'assessed', provenance: [] }];
      x.documents[0]!.format = 'APPLICATION/PDF';
      x.documents[0]!.category = 'Z99';
      x.documents[0]!.language = 'xx';
      x.funding = [{ instrument: 'sida', coFinancing: false, provenance: [], flows: [{ kind: 'disbursement', amount: '1.00', currency: 'XXX', valueDate: '2022-01-01' }] }];
    });
    const f = findings(a, 'iati-codelist');
    assert.deepEqual(f.filter((x) => x.severity === 'error').map((x) => x.field).sort(), [
      'alignment.0.code', 'alignment.1.code', 'countries.0.code', 'documents.0.category', 'documents.0.format', 'documents.0.language',
      'funding', 'funding.0.flows.0.currency', 'status',
    ]);
    assert.deepEqual(f.filter((x) => x.severity === 'warning').map((x) => x.field), ['documents.1.format']);
    const oddType = { ...agency, type: '99' };
    const typed = checkIatiActivity(activity(), { ...ctx, organisations: new Map([[agency.slug, oddType]]) }).filter((x) => x.code === 'iati-codelist');
    assert.deepEqual(typed.map((x) => x.field), ['participations.0']);
  });

  it('iati-indicator-value: a measured baseline has a value; a qualitative indicator has none (8.8.1, 8.x.3)', () => {
    const measured = activity({ results: [{ type: 'output', title: { en: 'R' }, indicators: [{ title: { en: 'I' }, baseline: { year: 2022 } }] }] });
    assert.deepEqual(findings(measured, 'iati-indicator-value').map((f) => [f.field, f.severity]), [['results.0.indicators.0.baseline.value', 'error']]);
    const qualitative = activity({ results: [{ type: 'output', title: { en: 'R' }, indicators: [{ title: { en: 'I' }, measure: 'qualitative', periods: [{ start: '2022-01-01', end: '2022-12-31', actual: '3' }] }] }] });
    assert.deepEqual(findings(qualitative, 'iati-indicator-value').map((f) => f.severity), ['warning']);
  });

  it('say every finding in Swedish and English, with the activity and the field', () => {
    const all = checkIatiActivity(activity({ iatiIdentifier: 'SE-0-X', countries: [], dates: {} }), ctx);
    assert.ok(all.length >= 3);
    for (const f of all) {
      assert.match(f.code, /^iati-/);
      assert.equal(f.activity, 'test-project');
      assert.ok(f.field);
      assert.ok(f.message.sv && f.message.en && f.message.sv !== f.message.en);
    }
  });
});
