/**
 * The seed portfolio says what the seed page says. One describe per activity, in the page's order,
 * asserting the facts the page states; then checks that hold for the whole portfolio.
 *
 * The portfolio comes from seededPortfolio(), which may later go through the database and the JSON
 * export: these tests only use the exported document shape and find records by slug.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { Activity } from '../activities/activity.schema.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import { seededPortfolio } from './seeded-portfolio.ts';

const portfolio: { organisations: Organisation[]; activities: Activity[] } = await seededPortfolio();

const SEED_PAGE_URL = new URL('../../../shared/seeds/000_e0b98a2f0c13509c.txt', import.meta.url);
const page = await readFile(SEED_PAGE_URL, 'utf8').catch(() => undefined);
const needsPage = page === undefined ? `seed page not found at ${fileURLToPath(SEED_PAGE_URL)}` : false;

// --- Helpers over the exported document ----------------------------------------------------------

function activity(slug: string): Activity {
  const found = portfolio.activities.find((a) => a.slug === slug);
  assert.ok(found, `activity ${slug} is missing`);
  return found;
}

function organisation(slug: string): Organisation {
  const found = portfolio.organisations.find((o) => o.slug === slug);
  assert.ok(found, `organisation ${slug} is missing`);
  return found;
}

/** Organisations with a role, sorted, e.g. withRole(a, 'partner') → ['polen', 'spanien', …]. */
function withRole(a: Activity, role: string): string[] {
  return a.participations.filter((p) => p.role === role).map((p) => p.organisation).sort();
}

/** "instrument/funder[/via][+co]" for each funding line, sorted. */
function fundingLines(a: Activity): string[] {
  return a.funding
    .map((f) => [f.instrument, f.funder ?? '-', ...(f.via ? [f.via] : [])].join('/') + (f.coFinancing ? '+co' : ''))
    .sort();
}

type Bound = 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd';
/** A date bound as [from, to, precision], or undefined when the activity has none. */
function bound(a: Activity, which: Bound): [string, string, string] | undefined {
  const d = a.dates[which];
  return d ? [d.from, d.to, d.precision] : undefined;
}

function countries(a: Activity): string[] {
  return a.countries.map((c) => c.code).sort();
}

function aligned(a: Activity): string[] {
  return a.alignment.map((x) => `${x.framework}:${x.code}`).sort();
}

function relationTo(a: Activity, type: string) {
  const found = a.relations.filter((r) => r.type === type);
  assert.equal(found.length, 1, `${a.slug} should have exactly one ${type} relation`);
  return found[0]!;
}

function externalName(r: Activity['relations'][number]): string | undefined {
  return 'external' in r.target ? r.target.external.name.en : undefined;
}

function keyFigure(a: Activity, value: number) {
  const found = a.keyFigures.find((k) => k.value === value);
  assert.ok(found, `${a.slug} has no key figure ${value}`);
  return found;
}

// --- One describe per activity, in the page's order ----------------------------------------------

describe('1. Visa Code Training Project (VCT Project)', () => {
  const a = activity('vct-project');
  it('is the VCT Project, a project in implementation', () => {
    assert.equal(a.texts.sv?.title, 'Visa Code Training Project');
    assert.equal(a.texts.sv?.acronym, 'VCT Project');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'implementation');
    assert.equal(a.iatiIdentifier, 'SE-ON-2021002163-VCT');
    assert.equal(a.workingTitle, false);
  });
  it('is led by Sweden (the agency) with Poland, Spain, Czechia and Germany', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'partner'), ['polen', 'spanien', 'tjeckien', 'tyskland']);
  });
  it('is funded by the EU ISF via BMVI', () => {
    assert.deepEqual(fundingLines(a), ['eu-isf-bmvi/european-union']);
  });
  it('started in September 2022 and is expected to end in December 2024', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2022-09-01', '2022-09-30', 'month']);
    assert.deepEqual(bound(a, 'plannedEnd'), ['2024-12-01', '2024-12-31', 'month']);
    assert.equal(a.dates.actualEnd, undefined);
  });
  it('keeps the stale future tense of the page', () => {
    assert.match(a.texts.sv?.description ?? '', /förväntas pågå till december 2024/);
  });
  it('aligns with GCM 11 (borders and visas)', () => {
    assert.ok(aligned(a).includes('gcm:11'));
  });
});

describe('2. Somalia-ÅV (pre-study)', () => {
  const a = activity('somalia-av-pre-study');
  it('is the closed pre-study Somalia-ÅV', () => {
    assert.equal(a.texts.sv?.title, 'Somalia-ÅV');
    assert.equal(a.kind, 'pre-study');
    assert.equal(a.status, 'closed');
  });
  it('was carried out in autumn 2022', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2022-09-01', '2022-11-30', 'season']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2022-09-01', '2022-11-30', 'season']);
  });
  it('was funded by the Ministry of Justice and done by the development cooperation unit', () => {
    assert.deepEqual(fundingLines(a), ['ministry-grant/justitiedepartementet']);
    assert.deepEqual(withRole(a, 'funder'), ['justitiedepartementet']);
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'implementer'), ['migrationsverket-internationellt-utvecklingssamarbete']);
  });
  it('concerns Somalia and included a scoping visit to north-western Somalia', () => {
    assert.deepEqual(countries(a), ['SO']);
    const visits = a.engagements.filter((e) => e.kind === 'field-visit');
    assert.equal(visits.length, 1);
    assert.deepEqual(visits[0]!.place, { sv: 'nordvästra Somalia', en: 'north-western Somalia' });
  });
  it('aligns with GCM 21 (return and reintegration)', () => {
    assert.deepEqual(aligned(a), ['gcm:21']);
  });
});

describe('3. Regional digital Migration Academy (Western Balkans, 2024–2026)', () => {
  const a = activity('western-balkans-migration-academy');
  it('is a planned project (future tense on the page)', () => {
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'pipeline');
    assert.match(a.texts.sv?.title ?? '', /Migrationsakademi/);
    assert.match(a.texts.sv?.description ?? '', /Projektet kommer att pågå under åren 2024-2026/);
  });
  it('is planned for 2024–2026', () => {
    assert.deepEqual(bound(a, 'plannedStart'), ['2024-01-01', '2024-12-31', 'year']);
    assert.deepEqual(bound(a, 'plannedEnd'), ['2026-01-01', '2026-12-31', 'year']);
    assert.equal(a.dates.actualStart, undefined);
  });
  it('is carried out with the Serbian Commissariat and the EU Delegation to Serbia, contracted via ICMPD', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'partner'), ['eu-delegation-serbia', 'serbia-commissariat-refugees-migration']);
    assert.deepEqual(withRole(a, 'contracting-body'), ['icmpd']);
  });
  it('is co-financed by the EU through the MPF via ICMPD', () => {
    assert.deepEqual(fundingLines(a), ['mpf/european-union/icmpd+co']);
  });
  it('covers the six Western Balkan candidate countries', () => {
    assert.deepEqual(countries(a), ['AL', 'BA', 'ME', 'MK', 'RS', 'XK']);
    assert.deepEqual(a.regions, ['western-balkans']);
  });
});

describe('4. Talk2Connect (T2C)', () => {
  const a = activity('talk2connect');
  it('is the closed project Talk2Connect (T2C)', () => {
    assert.equal(a.texts.sv?.title, 'Talk2Connect');
    assert.equal(a.texts.sv?.acronym, 'T2C');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran from December 2022 to December 2023, led by Sweden', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2022-12-01', '2022-12-31', 'month']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2023-12-01', '2023-12-31', 'month']);
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
  });
  it('had 1 600 registrations to the webcast and three formats', () => {
    const registrations = keyFigure(a, 1600);
    assert.equal(registrations.cumulative, true);
    assert.equal(registrations.asOf?.to, '2023-12-31');
    assert.equal(keyFigure(a, 3).unit.en, 'formats');
  });
  it('had four named webcast topics, webinars and podcasts', () => {
    const topics = a.engagements.filter((e) => e.kind === 'webcast' && e.topic).map((e) => e.topic?.sv);
    assert.deepEqual(topics, [
      'Vad är återvändanderådgivning?',
      'Kvinnliga migranter',
      'Återvändande och återintegrering av ensamkommande barn',
      'Hållbar återintegrering i Irak',
    ]);
    assert.ok(a.engagements.every((e) => e.kind !== 'webcast' || !e.topic || e.topic.en));
    assert.equal(a.engagements.filter((e) => e.kind === 'webinar').length, 1);
    assert.equal(a.engagements.filter((e) => e.kind === 'podcast').length, 1);
  });
  it('featured reports from Senegal, Albania, Belgium, France, Denmark and Pakistan', () => {
    const featured = a.engagements.find((e) => e.countriesFeatured.length > 0);
    assert.deepEqual([...(featured?.countriesFeatured ?? [])].sort(), ['AL', 'BE', 'DK', 'FR', 'PK', 'SN']);
    assert.equal(featured?.registrations, 1600);
  });
  it('was developed by ERRIN and moved to the RRF', () => {
    const developed = relationTo(a, 'developed-by');
    assert.ok('external' in developed.target && developed.target.external.organisation === 'errin');
    assert.equal(developed.basis, 'stated');
    const moved = relationTo(a, 'moved-to');
    assert.ok('external' in moved.target && moved.target.external.organisation === 'rrf');
  });
  it('has no link to the episodes, because the page gives no URL', () => {
    assert.deepEqual(a.documents, []);
  });
});

describe('5. MAVRRI', () => {
  const a = activity('mavrri');
  it('is the closed project MAVRRI', () => {
    assert.equal(a.texts.sv?.acronym, 'MAVRRI');
    assert.equal(a.texts.sv?.title, 'Multiparty Approaches to Voluntary Return and Reintegration Information');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran 1 July 2021–15 June 2022', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2021-07-01', '2021-07-01', 'day']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2022-06-15', '2022-06-15', 'day']);
  });
  it('was a Swedish project with Norway, Finland and civil society', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'partner'), ['amnesty', 'finland', 'norge', 'stadsmissionen', 'svenska-kyrkan', 'svenska-roda-korset']);
  });
  it('was funded by the Dutch AMIF within ERRIN', () => {
    assert.deepEqual(fundingLines(a), ['eu-amif/nederlanderna']);
    const partOf = relationTo(a, 'part-of');
    assert.ok('external' in partOf.target && partOf.target.external.organisation === 'errin');
  });
});

describe('6. Planned visa training programme (no name on the page)', () => {
  const a = activity('visa-training-programme');
  it('is an unnamed planned project with a working title', () => {
    assert.equal(a.workingTitle, true);
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'pipeline');
  });
  it('was planned to start during 2022 and keeps the stale wording', () => {
    assert.deepEqual(bound(a, 'plannedStart'), ['2022-01-01', '2022-12-31', 'year']);
    assert.equal(a.dates.plannedEnd, undefined);
    assert.match(a.texts.sv?.description ?? '', /Preliminär projektstart är under 2022\./);
  });
  it('is the agency\'s initiative and names no partners or funders', () => {
    assert.deepEqual(a.participations.map((p) => `${p.organisation}:${p.role}`), ['migrationsverket:lead']);
    assert.deepEqual(a.funding, []);
  });
  it('is linked to the VCT Project only as our assessment', () => {
    const next = relationTo(a, 'succeeded-by');
    assert.deepEqual(next.target, { activity: 'vct-project' });
    assert.equal(next.basis, 'assessed');
    assert.ok(next.note?.en);
  });
});

describe('7. Planned pre-study on asylum and protection in Turkey (no name on the page)', () => {
  const a = activity('turkey-gbv-pre-study');
  it('is an unnamed planned pre-study with a working title', () => {
    assert.equal(a.workingTitle, true);
    assert.equal(a.kind, 'pre-study');
    assert.equal(a.status, 'pipeline');
  });
  it('was planned for autumn 2021, in the future tense', () => {
    assert.deepEqual(bound(a, 'plannedStart'), ['2021-09-01', '2021-11-30', 'season']);
    assert.deepEqual(bound(a, 'plannedEnd'), ['2021-09-01', '2021-11-30', 'season']);
    assert.match(a.texts.sv?.description ?? '', /Under hösten 2021 ska Migrationsverket genomföra/);
  });
  it('concerns Turkey and gender-based violence', () => {
    assert.deepEqual(countries(a), ['TR']);
    assert.ok(aligned(a).includes('sdg-target:5.2'));
  });
});

describe('8. EU Twinning project in Serbia (2019–2022)', () => {
  const a = activity('eu-twinning-serbia-2019');
  it('is the closed EU Twinning project', () => {
    assert.equal(a.texts.sv?.title, 'EU-Twinning projektet');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran 7 October 2019 – 6 January 2022', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2019-10-07', '2019-10-07', 'day']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2022-01-06', '2022-01-06', 'day']);
  });
  it('was a consortium: the agency leading, IND and the Slovenian ministry as junior partners, the Commissariat as beneficiary', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'junior-partner'), ['netherlands-ind', 'slovenia-ministry-interior']);
    assert.deepEqual(withRole(a, 'beneficiary'), ['serbia-commissariat-refugees-migration']);
    assert.deepEqual(countries(a), ['RS']);
  });
  it('was funded by the EU (IPA) with a EUR 1 000 000 budget, and by Sida for the application phase', () => {
    assert.deepEqual(fundingLines(a), ['eu-ipa/european-union', 'sida/sida']);
    const ipa = a.funding.find((f) => f.instrument === 'eu-ipa');
    assert.deepEqual(
      ipa?.flows.map((fl) => [fl.kind, fl.amount, fl.currency, fl.valueDate]),
      [['budget', '1000000.00', 'EUR', '2019-10-07']],
    );
    assert.equal(keyFigure(a, 1_000_000).unit.en, 'euros');
  });
  it('carried out 66 expert missions with experts from the agency, IND and the Slovenian ministry', () => {
    const missions = keyFigure(a, 66);
    assert.equal(missions.cumulative, true);
    assert.equal(missions.asOf?.from, '2022-01-06');
    const engagement = a.engagements.find((e) => e.kind === 'expert-mission');
    assert.equal(engagement?.count, 66);
    assert.deepEqual([...(engagement?.homeOrganisations ?? [])].sort(), ['migrationsverket', 'netherlands-ind', 'slovenia-ministry-interior']);
  });
  it('resulted in two draft migration laws, an action plan and an early warning system', () => {
    assert.equal(keyFigure(a, 2).cumulative, true);
    const outputs = a.results.filter((r) => r.type === 'output').map((r) => r.title.en ?? '');
    assert.ok(outputs.some((t) => /two new migration laws/.test(t)));
    assert.ok(outputs.some((t) => /action plan/i.test(t)));
    assert.ok(outputs.some((t) => /early warning system/.test(t)));
    const laws = a.results.find((r) => r.indicators.length > 0);
    assert.equal(laws?.indicators[0]?.periods[0]?.actual, '2');
  });
  it('is followed by the Migration Academy (our assessment)', () => {
    const next = relationTo(a, 'succeeded-by');
    assert.deepEqual(next.target, { activity: 'western-balkans-migration-academy' });
    assert.equal(next.basis, 'assessed');
  });
});

describe('9. Support to preparation for participation in EUROSUR network and EURODAC system', () => {
  const a = activity('eurosur-eurodac-twinning');
  it('is the closed twinning project of that name', () => {
    assert.equal(a.texts.sv?.title, 'Support to preparation for participation in EUROSUR network and EURODAC system');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran 2020–2022', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2020-01-01', '2020-12-31', 'year']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2022-01-01', '2022-12-31', 'year']);
  });
  it('was led by Sweden through the agency with the Lithuanian border guard, for Serbia', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'partner'), ['lithuania-border-guard']);
    assert.deepEqual(countries(a), ['RS']);
  });
  it('was funded through IPA', () => {
    assert.deepEqual(fundingLines(a), ['eu-ipa/european-union']);
  });
  it('included study visits, one of them to Sweden, and produced a training programme', () => {
    const visits = a.engagements.filter((e) => e.kind === 'study-visit');
    assert.ok(visits.length >= 1);
    assert.ok(visits.some((v) => v.place?.sv === 'Sverige' && v.place.en === 'Sweden'));
    assert.ok(a.results.some((r) => r.type === 'output' && /training programme/i.test(r.title.en ?? '')));
  });
});

describe('10. ERRIN-SRA', () => {
  const a = activity('errin-sra');
  it('is the closed project ERRIN-SRA', () => {
    assert.equal(a.texts.sv?.acronym, 'ERRIN-SRA');
    assert.equal(a.texts.sv?.title, 'European Return and Reintegration Network – Sustainable Reintegration in Afghanistan');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran between November 2019 and June 2021', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2019-11-01', '2019-11-30', 'month']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2021-06-01', '2021-06-30', 'month']);
  });
  it('worked in Afghanistan and was funded by AMIF', () => {
    assert.deepEqual(countries(a), ['AF']);
    assert.deepEqual(fundingLines(a), ['eu-amif/european-union']);
  });
  it('names no lead: the agency is only a stakeholder', () => {
    assert.deepEqual(withRole(a, 'lead'), []);
    assert.deepEqual(withRole(a, 'stakeholder'), ['migrationsverket']);
  });
  it('created a start-up concept in 2020', () => {
    assert.ok(a.results.some((r) => /own business/.test(r.title.en ?? '')));
  });
});

describe('11. Resettlement project (no name on the page)', () => {
  const a = activity('resettlement-project');
  it('is an unnamed closed project with a working title', () => {
    assert.equal(a.workingTitle, true);
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran five years and ended on 31 December 2020', () => {
    assert.deepEqual(bound(a, 'actualEnd'), ['2020-12-31', '2020-12-31', 'day']);
    assert.equal(a.dates.actualStart?.precision, 'approximate');
    assert.equal(keyFigure(a, 5).unit.en, 'years');
  });
  it('was led by the agency with Belgium, Italy, the Netherlands and Switzerland', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'partner'), ['belgien', 'italien', 'nederlanderna', 'schweiz']);
  });
  it('had EUAA, UNHCR, IOM, ICMC and MPI as stakeholders', () => {
    assert.deepEqual(withRole(a, 'stakeholder'), ['euaa', 'icmc', 'iom', 'mpi', 'unhcr']);
  });
  it('was funded mainly by AMIF Specific Actions', () => {
    assert.deepEqual(fundingLines(a), ['eu-amif-specific-actions/european-union']);
  });
  it('aligns with resettlement objectives (GCR 3, GCM 5)', () => {
    assert.ok(aligned(a).includes('gcr:3'));
    assert.ok(aligned(a).includes('gcm:5'));
  });
});

describe('12. Promoting Turkish Compliance with International Obligations …', () => {
  const a = activity('turkey-compliance');
  it('is the closed project of that name', () => {
    assert.equal(a.texts.sv?.title, 'Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('started in September 2017 and ended in December 2020', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2017-09-01', '2017-09-30', 'month']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2020-12-01', '2020-12-31', 'month']);
    assert.equal(keyFigure(a, 3).unit.en, 'years');
  });
  it('was funded by Sida, with DGMM as beneficiary, in Turkey', () => {
    assert.deepEqual(fundingLines(a), ['sida/sida']);
    assert.deepEqual(withRole(a, 'beneficiary'), ['dgmm']);
    assert.deepEqual(countries(a), ['TR']);
  });
});

describe('13. EURLO', () => {
  const a = activity('eurlo');
  it('is the closed project EURLO', () => {
    assert.equal(a.texts.sv?.acronym, 'EURLO');
    assert.equal(a.texts.sv?.title, 'European Union Return Liaison Officers');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran 2015–2020', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2015-01-01', '2015-12-31', 'year']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2020-01-01', '2020-12-31', 'year']);
  });
  it('was led by the Belgian migration authority, with the agency taking part', () => {
    assert.deepEqual(withRole(a, 'lead'), ['belgium-migration-authority']);
    assert.deepEqual(withRole(a, 'partner'), ['migrationsverket']);
    assert.deepEqual(fundingLines(a), ['eu-amif-specific-actions/european-union']);
  });
  it('had the agency\'s EURLOs posted in Kabul and Rabat', () => {
    assert.deepEqual(countries(a), ['AF', 'MA']);
    const deployments = a.engagements.filter((e) => e.kind === 'deployment');
    assert.deepEqual(deployments.map((e) => e.place?.sv).sort(), ['Kabul', 'Rabat']);
    assert.ok(deployments.every((e) => e.homeOrganisations.includes('migrationsverket')));
  });
});

describe('14. Kosovo project (no name on the page)', () => {
  const a = activity('kosovo-eu-approximation');
  it('is an unnamed closed project with a working title', () => {
    assert.equal(a.workingTitle, true);
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran 2016–February 2019', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2016-01-01', '2016-12-31', 'year']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2019-02-01', '2019-02-28', 'month']);
  });
  it('was led by the Netherlands with Sweden (the agency) and Austria as partners, in Kosovo', () => {
    assert.deepEqual(withRole(a, 'lead'), ['nederlanderna']);
    assert.deepEqual(withRole(a, 'partner'), ['migrationsverket', 'osterrike']);
    assert.deepEqual(countries(a), ['XK']);
  });
  it('was funded by IPA and co-financed by Sida', () => {
    assert.deepEqual(fundingLines(a), ['eu-ipa/european-union', 'sida/sida+co']);
  });
  it('held seminars and trainings', () => {
    assert.deepEqual(a.engagements.map((e) => e.kind).sort(), ['seminar', 'training']);
  });
});

describe('15. ERIN', () => {
  const a = activity('erin');
  it('is the closed programme ERIN', () => {
    assert.equal(a.texts.sv?.acronym, 'ERIN');
    assert.equal(a.kind, 'programme');
    assert.equal(a.status, 'closed');
  });
  it('ran 1 June 2016 – 30 September 2018', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2016-06-01', '2016-06-01', 'day']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2018-09-30', '2018-09-30', 'day']);
  });
  it('was led by the Netherlands, with the agency taking part, co-financed by AMIF', () => {
    assert.deepEqual(withRole(a, 'lead'), ['nederlanderna']);
    assert.deepEqual(withRole(a, 'partner'), ['migrationsverket']);
    assert.deepEqual(fundingLines(a), ['eu-amif/european-union+co']);
  });
  it('was integrated into ERRIN', () => {
    const r = relationTo(a, 'integrated-into');
    assert.equal(r.basis, 'stated');
    assert.match(externalName(r) ?? '', /ERRIN/);
  });
});

describe('16. Serbia project 2015–2018 (no name on the page)', () => {
  const a = activity('serbia-asylum-migration-2015');
  it('is an unnamed closed project with a working title', () => {
    assert.equal(a.workingTitle, true);
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran September 2015 – February 2018', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2015-09-01', '2015-09-30', 'month']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2018-02-01', '2018-02-28', 'month']);
  });
  it('was led by the agency with migration authorities in the Netherlands, Slovenia and Serbia', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'partner'), ['nederlanderna', 'slovenien']);
    assert.deepEqual(withRole(a, 'beneficiary'), ['serbien']);
    assert.deepEqual(countries(a), ['RS']);
  });
  it('was funded by IPA and co-financed by Sida', () => {
    assert.deepEqual(fundingLines(a), ['eu-ipa/european-union', 'sida/sida+co']);
  });
  it('is followed by the 2019 EU Twinning project (our assessment)', () => {
    const next = relationTo(a, 'succeeded-by');
    assert.deepEqual(next.target, { activity: 'eu-twinning-serbia-2019' });
    assert.equal(next.basis, 'assessed');
    assert.ok(next.note?.sv && next.note.en);
  });
});

describe('17. Support function for the Eastern Partnership Panel on Migration and Asylum', () => {
  const a = activity('eap-panel-support');
  it('is the closed support function', () => {
    assert.equal(a.texts.sv?.title, 'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl');
    assert.equal(a.kind, 'support-function');
    assert.equal(a.status, 'closed');
  });
  it('ran from 2012 to August 2016', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2012-01-01', '2012-12-31', 'year']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2016-08-01', '2016-08-31', 'month']);
  });
  it('served the Eastern Partnership, with IOM', () => {
    assert.deepEqual(a.regions, ['eastern-partnership']);
    assert.deepEqual(withRole(a, 'partner'), ['iom']);
  });
  it('continued the Söderköping process', () => {
    const r = relationTo(a, 'continuation-of');
    assert.equal(r.basis, 'stated');
    assert.match(externalName(r) ?? '', /Söderköping/);
  });
  it('supported panel and expert meetings', () => {
    assert.equal(a.engagements.filter((e) => e.kind === 'meeting').length, 2);
  });
});

describe('18. Bilateral cooperation project with Turkey (no name on the page)', () => {
  const a = activity('turkey-bilateral');
  it('is an unnamed closed project with a working title', () => {
    assert.equal(a.workingTitle, true);
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran 1.5 years and ended in March 2016', () => {
    assert.deepEqual(bound(a, 'actualEnd'), ['2016-03-01', '2016-03-31', 'month']);
    assert.equal(a.dates.actualStart?.precision, 'approximate');
    assert.equal(keyFigure(a, 1.5).unit.en, 'years');
  });
  it('was funded by Sida, for the Turkish migration authority', () => {
    assert.deepEqual(fundingLines(a), ['sida/sida']);
    assert.deepEqual(withRole(a, 'beneficiary'), ['dgmm']);
    assert.deepEqual(countries(a), ['TR']);
  });
  it('is followed by the compliance project (our assessment)', () => {
    const next = relationTo(a, 'succeeded-by');
    assert.deepEqual(next.target, { activity: 'turkey-compliance' });
    assert.equal(next.basis, 'assessed');
  });
});

describe('19. PP7', () => {
  const a = activity('pp7');
  it('is the closed pilot project PP7', () => {
    assert.equal(a.texts.sv?.acronym, 'PP7');
    assert.equal(a.texts.sv?.title, 'Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence');
    assert.equal(a.kind, 'project');
    assert.equal(a.status, 'closed');
  });
  it('ran November 2014 – March 2016', () => {
    assert.deepEqual(bound(a, 'actualStart'), ['2014-11-01', '2014-11-30', 'month']);
    assert.deepEqual(bound(a, 'actualEnd'), ['2016-03-01', '2016-03-31', 'month']);
  });
  it('was led by the agency with BAMF', () => {
    assert.deepEqual(withRole(a, 'lead'), ['migrationsverket']);
    assert.deepEqual(withRole(a, 'partner'), ['bamf']);
  });
  it('continued PP4, which is not on the page', () => {
    const r = relationTo(a, 'continuation-of');
    assert.deepEqual(r.target, { external: { name: { sv: 'Pilotprojektet PP4', en: 'Pilot project PP4' } } });
  });
  it('resulted in guidelines, published via the Prague Process site', () => {
    assert.ok(a.results.some((r) => r.type === 'output' && /[Gg]uidelines/.test(r.title.en ?? '')));
    assert.deepEqual(a.documents.map((d) => [d.url, d.category]), [['https://www.pragueprocess.eu/', 'A12']]);
  });
});

// --- The portfolio as a whole --------------------------------------------------------------------

const PAGE_ORDER = [
  'vct-project', 'somalia-av-pre-study', 'western-balkans-migration-academy', 'talk2connect', 'mavrri',
  'visa-training-programme', 'turkey-gbv-pre-study', 'eu-twinning-serbia-2019', 'eurosur-eurodac-twinning',
  'errin-sra', 'resettlement-project', 'turkey-compliance', 'eurlo', 'kosovo-eu-approximation', 'erin',
  'serbia-asylum-migration-2015', 'eap-panel-support', 'turkey-bilateral', 'pp7',
];

/** The activities the page describes without giving a name. */
const UNNAMED_ON_THE_PAGE = [
  'visa-training-programme', 'turkey-gbv-pre-study', 'resettlement-project',
  'kosovo-eu-approximation', 'serbia-asylum-migration-2015', 'turkey-bilateral',
];

/** Every provenance quote anywhere in a record, with where it sits. */
function quotesIn(value: unknown, path: string, out: { path: string; quote: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => quotesIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'quote' && typeof v === 'string') out.push({ path, quote: v });
      else quotesIn(v, `${path}.${key}`, out);
    }
  }
  return out;
}

/** The page without the screen-reader suffix its external links carry. */
function pageProse(text: string): string {
  return text
    .replaceAll(' Länk till annan webbplats, öppnas i nytt fönster..', '.')
    .replaceAll(' Länk till annan webbplats, öppnas i nytt fönster.', '.');
}

describe('the seed portfolio as a whole', () => {
  it('has exactly 19 activities, in the page\'s order', () => {
    assert.equal(portfolio.activities.length, 19);
    assert.deepEqual(portfolio.activities.map((a) => a.slug), PAGE_ORDER);
  });

  it('has unique activity slugs and IATI identifiers under the agency\'s reference', () => {
    const slugs = portfolio.activities.map((a) => a.slug);
    const ids = portfolio.activities.map((a) => a.iatiIdentifier);
    assert.equal(new Set(slugs).size, slugs.length);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^SE-ON-2021002163-[A-Z0-9-]+$/);
  });

  it('has unique organisation slugs, and the agency as it should be', () => {
    const slugs = portfolio.organisations.map((o) => o.slug);
    assert.equal(new Set(slugs).size, slugs.length);
    const agency = organisation('migrationsverket');
    assert.equal(agency.iatiRef, 'SE-ON-2021002163');
    assert.equal(agency.type, '10');
    assert.equal(agency.country, 'SE');
  });

  it('refers only to organisations and activities that exist', () => {
    const orgs = new Set(portfolio.organisations.map((o) => o.slug));
    const acts = new Set(portfolio.activities.map((a) => a.slug));
    for (const a of portfolio.activities) {
      for (const p of a.participations) assert.ok(orgs.has(p.organisation), `${a.slug}: ${p.organisation}`);
      for (const f of a.funding) for (const s of [f.funder, f.via]) if (s) assert.ok(orgs.has(s), `${a.slug}: ${s}`);
      for (const e of a.engagements) for (const s of e.homeOrganisations) assert.ok(orgs.has(s), `${a.slug}: ${s}`);
      for (const r of a.relations) {
        if ('activity' in r.target) assert.ok(acts.has(r.target.activity), `${a.slug}: ${r.target.activity}`);
        else if (r.target.external.organisation) assert.ok(orgs.has(r.target.external.organisation));
      }
    }
  });

  it('puts each link between two seed activities on one side only', () => {
    const links = portfolio.activities.flatMap((a) =>
      a.relations.flatMap((r) => ('activity' in r.target ? [[a.slug, r.target.activity].sort().join(' ↔ ')] : [])));
    assert.equal(new Set(links).size, links.length);
  });

  it('gives working titles to exactly the activities the page leaves without a name', () => {
    const working = portfolio.activities.filter((a) => a.workingTitle).map((a) => a.slug);
    assert.deepEqual(working.sort(), [...UNNAMED_ON_THE_PAGE].sort());
  });

  it('has a title, summary and description in Swedish and English for every activity', () => {
    for (const a of portfolio.activities) {
      for (const lang of ['sv', 'en'] as const) {
        const t = a.texts[lang];
        assert.ok(t?.title && t.summary && t.description, `${a.slug} lacks ${lang} texts`);
      }
      const paragraphs = (lang: 'sv' | 'en') => (a.texts[lang]?.description ?? '').split('\n\n').length;
      assert.equal(paragraphs('en'), paragraphs('sv'), `${a.slug}: the translation should keep the paragraphs`);
    }
  });

  it('backs every participation, funding line, relation, alignment, key figure, result and engagement with a quote', () => {
    for (const a of portfolio.activities) {
      const lists = [a.participations, a.funding, a.relations, a.alignment, a.keyFigures, a.results, a.engagements, a.documents];
      for (const list of lists) for (const item of list) assert.ok(item.provenance.length > 0, `${a.slug}: ${JSON.stringify(item).slice(0, 80)}`);
      assert.ok(a.alignment.every((x) => x.basis === 'assessed'), `${a.slug}: alignment is our assessment`);
      assert.ok(a.relations.every((r) => r.basis === 'stated' || r.note), `${a.slug}: assessed links carry a note`);
    }
    for (const o of portfolio.organisations) assert.ok(o.provenance.length > 0, o.slug);
  });

  it('quotes only sentences that occur verbatim in the seed page', { skip: needsPage }, () => {
    const quotes = [...quotesIn(portfolio.organisations, 'organisations'), ...quotesIn(portfolio.activities, 'activities')];
    assert.ok(quotes.length > 100);
    const missing = quotes.filter((q) => !page!.includes(q.quote));
    assert.deepEqual(missing, []);
  });

  it('keeps the Swedish descriptions verbatim from the page', { skip: needsPage }, () => {
    const prose = pageProse(page!);
    for (const a of portfolio.activities) {
      for (const paragraph of (a.texts.sv?.description ?? '').split('\n\n')) {
        assert.ok(prose.includes(paragraph), `${a.slug}: not on the page: ${paragraph.slice(0, 80)}…`);
      }
    }
  });

  // Working titles may reuse the page's descriptive words ("en förstudie om …"), so only named titles are checked.
  it('takes every name and acronym from the page', { skip: needsPage }, () => {
    const lower = page!.toLowerCase();
    for (const a of portfolio.activities) {
      const title = (a.texts.sv?.title ?? '').toLowerCase();
      if (!a.workingTitle) assert.ok(lower.includes(title), `${a.slug}: title not on the page`);
      const acronym = a.texts.sv?.acronym;
      if (acronym) assert.ok(page!.includes(acronym), `${a.slug}: acronym ${acronym} not on the page`);
    }
  });
});
