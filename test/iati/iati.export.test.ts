/**
 * The IATI 2.03 export of the seed portfolio, through a real database (once per dialect): valid
 * against the official schema (xmllint), clean under the project's IATI rules, and the facts the
 * seed page states, as an IATI reader finds them.
 */
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportPortfolio, importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import { resolveReportingOrg, writeIatiFile, type IatiExportSummary } from '../../src/iati/iati.export.ts';
import { DEFAULT_REPORTING_ORG, SAMVERKA_NAMESPACE } from '../../src/iati/iati.mapping.ts';
import { checkIatiPortfolio } from '../../src/iati/iati.rules.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildActivity, buildOrganisation, buildPortfolio } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { portfolioFromIati } from './from-iati.ts';
import { activity, child, children, narratives, parseXml, schemaCheckUnavailable, validateWithXsd, type XmlElement } from './xml.ts';

const NOW = '2026-11-25T10:00:00.000Z';
const TODAY = '2026-11-25';
const ID = (local: string) => `SE-ON-2021002163-${local}`;
const workDir = mkdtempSync(join(tmpdir(), 'samverka-iati-'));
process.once('exit', () => rmSync(workDir, { recursive: true, force: true }));

/** The seed page names no country or region for these: IATI rule 3.7.1 says so, and so do we. */
const NO_GEOGRAPHY = ['vct-project', 'talk2connect', 'mavrri', 'visa-training-programme', 'resettlement-project', 'erin', 'pp7'];

const files = new Map<string, string>();

async function exportTo(t: TestDatabase, file: string): Promise<IatiExportSummary> {
  return writeIatiFile(t.db, createWriteStream(file), { reportingOrg: await resolveReportingOrg(t.db, DEFAULT_REPORTING_ORG.ref), now: NOW });
}

for (const dialect of DIALECTS) {
  describe(`IATI export of the seed portfolio (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let file: string;
    let xml: string;
    let root: XmlElement;
    let summary: IatiExportSummary;

    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db, { now: NOW });
      file = join(workDir, `seed-${dialect.name}.xml`);
      summary = await exportTo(t, file);
      xml = readFileSync(file, 'utf8');
      root = parseXml(xml);
      files.set(dialect.name, xml);
    });
    after(() => t?.close());

    it('passes the official IATI 2.03 activities schema (xmllint)', (ctx) => {
      const unavailable = schemaCheckUnavailable();
      if (unavailable) {
        ctx.diagnostic(unavailable);
        ctx.skip(unavailable);
        return;
      }
      const result = validateWithXsd(file);
      assert.equal(result.status, 0, result.output);
      assert.match(result.output, /validates$/);
    });

    it('has a schema check that rejects what breaks the 2.03 sequence (fixture)', (ctx) => {
      const unavailable = schemaCheckUnavailable();
      if (unavailable) {
        ctx.skip(unavailable);
        return;
      }
      const result = validateWithXsd(fileURLToPath(new URL('../fixtures/iati/element-order-wrong.xml', import.meta.url)));
      assert.notEqual(result.status, 0);
      assert.match(result.output, /activity-status.*not expected/);
    });

    it('writes every published activity once, with the root attributes and the extension namespace', () => {
      assert.equal(root.name, 'iati-activities');
      assert.equal(root.attributes.version, '2.03');
      assert.equal(root.attributes['generated-datetime'], NOW);
      assert.equal(root.attributes['xmlns:samverka'], SAMVERKA_NAMESPACE);
      assert.deepEqual(summary, { activities: 19, skipped: [], reportedElsewhere: [], organisations: summary.organisations });
      const ids = children(root, 'iati-activity').map((a) => child(a, 'iati-identifier').text);
      assert.equal(ids.length, 19);
      assert.equal(new Set(ids).size, 19);
      for (const a of children(root, 'iati-activity')) {
        assert.equal(a.attributes['xml:lang'], 'en');
        assert.equal(a.attributes['default-currency'], 'EUR');
        assert.equal(a.attributes['last-updated-datetime'], NOW);
        const reporting = child(a, 'reporting-org');
        assert.deepEqual([reporting.attributes.ref, reporting.attributes.type], ['SE-ON-2021002163', '10']);
        assert.deepEqual(narratives(reporting), [['en', 'Swedish Migration Agency'], ['sv', 'Migrationsverket']]);
        assert.ok(children(a, 'participating-org').some((o) => o.attributes.ref === 'SE-ON-2021002163'), 'the reporting organisation takes part');
        assert.deepEqual(children(a, 'sector').map((s) => s.attributes), [{ vocabulary: '1', code: '15190', percentage: '100' }]);
        assert.equal(a.children.at(-1)!.name, 'samverka:activity');
      }
    });

    it('finds nothing under the IATI rules but the geography the seed page does not give', async () => {
      const portfolio = await exportPortfolio(t.db, { publishedOnly: true });
      const findings = checkIatiPortfolio(portfolio.activities, {
        today: TODAY, reportingOrg: DEFAULT_REPORTING_ORG, organisations: new Map(portfolio.organisations.map((o) => [o.slug, o])),
      });
      assert.deepEqual(findings.filter((f) => f.code !== 'iati-recipient-missing'), []);
      assert.deepEqual(findings.map((f) => f.activity).sort(), [...NO_GEOGRAPHY].sort());
      for (const slug of NO_GEOGRAPHY) {
        const a = activity(root, portfolio.activities.find((x) => x.slug === slug)!.iatiIdentifier);
        assert.deepEqual([...children(a, 'recipient-country'), ...children(a, 'recipient-region')], []);
      }
    });

    it("writes PP7's dates as anchored days with the source's phrase as narrative", () => {
      const pp7 = activity(root, ID('PP7'));
      const dates = children(pp7, 'activity-date');
      assert.deepEqual(dates.map((d) => [d.attributes.type, d.attributes['iso-date']]), [['2', '2014-11-01'], ['4', '2016-03-31']]);
      assert.deepEqual(narratives(dates[0]!), [['en', 'november 2014']]);
      assert.deepEqual(narratives(dates[1]!), [['sv', 'mars 2016'], ['en', 'March 2016']]);
      const start = dates[0]!.attributes;
      assert.deepEqual(
        [start['samverka:from'], start['samverka:to'], start['samverka:precision'], start['samverka:phrase']],
        ['2014-11-01', '2014-11-30', 'month', 'november 2014'],
      );
      assert.equal(child(pp7, 'activity-status').attributes.code, '4');
    });

    it('splits the EU twinning budget into periods of at most a year that add up to EUR 1 000 000.00', () => {
      const twinning = activity(root, ID('RS-TWINNING-2019'));
      const budgets = children(twinning, 'budget').map((b) => ({
        start: child(b, 'period-start').attributes['iso-date']!, end: child(b, 'period-end').attributes['iso-date']!,
        value: child(b, 'value'),
      }));
      assert.deepEqual(budgets.map((b) => [b.start, b.end]), [
        ['2019-10-07', '2019-12-31'], ['2020-01-01', '2020-12-31'], ['2021-01-01', '2021-12-31'], ['2022-01-01', '2022-01-06'],
      ]);
      for (const b of budgets) {
        assert.ok(Date.parse(b.end) - Date.parse(b.start) < 366 * 86_400_000, `${b.start}–${b.end} is at most a year`);
        assert.equal(b.value.attributes.currency, 'EUR');
        assert.match(b.value.text, /^\d+\.\d{2}$/);
        assert.ok(b.value.attributes['value-date']! >= b.start && b.value.attributes['value-date']! <= b.end);
      }
      const cents = budgets.reduce((sum, b) => sum + BigInt(b.value.text.replace('.', '')), 0n);
      assert.equal(cents, 100_000_000n);
      // The flow as stored travels in the extension, whole.
      const flows = children(child(twinning, 'samverka:activity'), 'samverka:funding').flatMap((f) => children(f, 'samverka:flow'));
      assert.deepEqual(flows.map((f) => f.attributes), [{ kind: 'budget', amount: '1000000.00', currency: 'EUR', 'value-date': '2019-10-07' }]);
    });

    it('shares the Migration Academy between its six Western Balkans countries, exactly 100 %', () => {
      const academy = activity(root, ID('WB-MIGRATION-ACADEMY'));
      const countries = children(academy, 'recipient-country');
      assert.deepEqual(countries.map((c) => c.attributes.code), ['RS', 'BA', 'MK', 'ME', 'AL', 'XK']);
      const hundredths = countries.map((c) => Math.round(Number(c.attributes.percentage) * 100));
      assert.equal(hundredths.reduce((s, h) => s + h, 0), 10_000);
      assert.ok(hundredths.every((h) => h === 1667 || h === 1666));
      // The region is named by its countries, so no recipient-region; the registry's region is kept.
      assert.deepEqual(children(academy, 'recipient-region'), []);
      assert.equal(child(academy, 'samverka:activity').attributes.regions, 'western-balkans');
    });

    it('gives a region only where no country in it is named', () => {
      const panel = activity(root, ID('EAP-PANEL'));
      assert.deepEqual(children(panel, 'recipient-region').map((r) => r.attributes), [{ code: '89', vocabulary: '1', percentage: '100' }]);
    });

    it('tags SDG target 10.7 (vocabulary 3) and GCM objectives (vocabulary 99 with its URI)', () => {
      const academy = activity(root, ID('WB-MIGRATION-ACADEMY'));
      const tags = children(academy, 'tag').map((t) => t.attributes);
      assert.ok(tags.some((t) => t.vocabulary === '3' && t.code === '10.7'));
      const gcm = children(academy, 'tag').find((t) => t.attributes.vocabulary === '99' && t.attributes['samverka:framework'] === 'gcm')!;
      assert.equal(gcm.attributes['vocabulary-uri'], 'https://samverka.org/vocabularies/gcm');
      assert.equal(gcm.attributes.code, '23');
      assert.deepEqual(narratives(gcm).map(([lang]) => lang), ['en', 'sv']);
      assert.equal(gcm.attributes['samverka:basis'], 'assessed');
    });

    it('links the Serbia projects both ways with related-activity, and keeps the exact relation in the extension', () => {
      const serbia2015 = activity(root, ID('RS-2015'));
      const twinning = activity(root, ID('RS-TWINNING-2019'));
      assert.deepEqual(children(serbia2015, 'related-activity').map((r) => r.attributes), [{ ref: ID('RS-TWINNING-2019'), type: '3' }]);
      assert.deepEqual(children(twinning, 'related-activity').map((r) => r.attributes), [
        { ref: ID('WB-MIGRATION-ACADEMY'), type: '3' }, { ref: ID('RS-2015'), type: '3' },
      ]);
      const relations = children(child(serbia2015, 'samverka:activity'), 'samverka:relation');
      assert.deepEqual(relations.map((r) => r.attributes), [{ type: 'succeeded-by', basis: 'assessed', activity: 'eu-twinning-serbia-2019' }]);
    });

    it('writes titles and descriptions in both languages, marking the one that is not the default', () => {
      const twinning = activity(root, ID('RS-TWINNING-2019'));
      assert.deepEqual(narratives(child(twinning, 'title')), [['en', 'EU Twinning project'], ['sv', 'EU-Twinning projektet']]);
      const descriptions = children(twinning, 'description');
      assert.deepEqual(descriptions.map((d) => [d.attributes.type, d.attributes['samverka:field']]), [['1', 'description'], ['2', 'objectives'], ['4', 'summary']]);
      for (const d of descriptions) assert.deepEqual(narratives(d).map(([lang]) => lang), ['en', 'sv']);
      assert.equal(children(child(twinning, 'title'), 'narrative')[1]!.attributes['xml:lang'], 'sv');
      assert.equal(children(child(twinning, 'title'), 'narrative')[0]!.attributes['xml:lang'], undefined);
    });

    it('maps participations to IATI roles, with the local role and organisation in the extension', () => {
      const twinning = activity(root, ID('RS-TWINNING-2019'));
      const orgs = children(twinning, 'participating-org').map((o) => [o.attributes.role, o.attributes['samverka:role'], o.attributes['samverka:organisation'], o.attributes.type]);
      assert.deepEqual(orgs, [
        ['2', 'lead', 'migrationsverket', '10'],
        ['4', 'junior-partner', 'netherlands-ind', '10'],
        ['4', 'junior-partner', 'slovenia-ministry-interior', '10'],
        ['4', 'beneficiary', 'serbia-commissariat-refugees-migration', '10'],
        ['4', 'stakeholder', 'serbia-ministry-interior', '10'],
        ['1', 'funder', 'european-union', '40'],
        ['1', 'funder', 'sida', '10'],
      ]);
    });

    it('writes results with indicators, and a document link with format and category', () => {
      const t2c = activity(root, ID('T2C'));
      const indicator = child(child(t2c, 'result'), 'indicator');
      assert.equal(indicator.attributes.measure, '1');
      const period = child(indicator, 'period');
      assert.deepEqual(child(period, 'actual').attributes, { value: '1600' });
      const pp7 = activity(root, ID('PP7'));
      const link = child(pp7, 'document-link');
      assert.deepEqual(link.attributes, { url: 'https://www.pragueprocess.eu/', format: 'text/html', 'samverka:computed': 'format' });
      assert.equal(child(link, 'category').attributes.code, 'A12');
    });

    it('carries what IATI has no element for in the extension: kind, key figures, engagements, provenance', () => {
      const twinning = activity(root, ID('RS-TWINNING-2019'));
      const ext = child(twinning, 'samverka:activity');
      assert.equal(ext.attributes.slug, 'eu-twinning-serbia-2019');
      assert.equal(ext.attributes.kind, 'project');
      assert.equal(children(ext, 'samverka:key-figure').length, 3);
      const missions = children(ext, 'samverka:engagement')[0]!;
      assert.deepEqual([missions.attributes.kind, missions.attributes.count], ['expert-mission', '66']);
      assert.ok(children(ext, 'samverka:provenance').length > 0);
    });

    it('carries every fact the registry holds: the records read back from the file equal the JSON export', async () => {
      const expected = JSON.parse(JSON.stringify(await exportPortfolio(t.db, { publishedOnly: true }))) as ReturnType<typeof portfolioFromIati>;
      const read = portfolioFromIati(root);
      const bySlug = (list: Record<string, unknown>[]) => [...list].sort((x, y) => String(x.slug).localeCompare(String(y.slug)));
      assert.equal(read.activities.length, expected.activities.length);
      read.activities.forEach((a, i) => assert.deepEqual(a, expected.activities[i], String(a.slug)));
      assert.deepEqual(bySlug(read.organisations), bySlug(expected.organisations));
      assert.deepEqual(read.sources, expected.sources);
    });

    it('defines each organisation and source once, in the first activity that needs it, parents first', () => {
      const defined = new Set<string>();
      const sources = new Set<string>();
      for (const a of children(root, 'iati-activity')) {
        for (const s of children(a, 'samverka:source')) {
          assert.ok(!sources.has(s.attributes.slug!), `source ${s.attributes.slug} defined once`);
          sources.add(s.attributes.slug!);
        }
        for (const o of children(a, 'samverka:organisation')) {
          const slug = o.attributes.slug!;
          assert.ok(!defined.has(slug), `${slug} defined once`);
          if (o.attributes.parent) assert.ok(defined.has(o.attributes.parent), `${slug}'s parent comes first`);
          for (const p of children(o, 'samverka:provenance')) assert.ok(sources.has(p.attributes.source!));
          defined.add(slug);
        }
        const ext = child(a, 'samverka:activity');
        const named = [
          ...children(a, 'participating-org').map((o) => o.attributes['samverka:organisation']),
          ...children(ext, 'samverka:funding').flatMap((f) => [f.attributes.funder, f.attributes.via]),
          ...children(ext, 'samverka:engagement').flatMap((e) => children(e, 'samverka:home-organisation').map((h) => h.attributes.organisation)),
          ...children(ext, 'samverka:relation').flatMap((r) => children(r, 'samverka:external').map((x) => x.attributes.organisation)),
        ].filter((x): x is string => x !== undefined);
        for (const slug of named) assert.ok(defined.has(slug), `${slug} is defined by the time ${child(a, 'iati-identifier').text} names it`);
        const quoted = [a, ...a.children].flatMap((e) => [e, ...e.children]).flatMap((e) => children(e, 'samverka:provenance'));
        for (const q of quoted) assert.ok(sources.has(q.attributes.source!));
      }
      assert.deepEqual([...sources], ['seed-page']);
      assert.equal(defined.size, summary.organisations);
      for (const slug of ['migrationsverket', 'netherlands-ind', 'european-union', 'errin', 'rrf', 'migrationsverket-internationellt-utvecklingssamarbete']) assert.ok(defined.has(slug), slug);
      const first = children(root, 'iati-activity')[0]!;
      assert.deepEqual(children(first, 'samverka:source').map((s) => s.attributes.slug), ['seed-page']);
    });
  });
}

describe('IATI export: the same file from SQLite and PostgreSQL', { skip: DIALECTS.find((d) => d.name === 'postgres')!.skip }, () => {
  it('is byte for byte identical', () => {
    const sqlite = files.get('sqlite');
    const postgres = files.get('postgres');
    assert.ok(sqlite && postgres, 'both exports ran');
    assert.equal(postgres, sqlite);
  });
});

/** An activity that uses every field the registry has, beside the builders' plain one it points at. */
function everythingPortfolio() {
  const q = (quote: string, source = 'seed-page') => [{ source, quote }];
  return buildPortfolio({
    sources: [
      { slug: 'seed-page', title: { sv: 'Testkälla', en: 'Test source' } },
      { slug: 'annual-report', title: { sv: 'Årsredovisning 2022' }, location: 'https://example.org/arsredovisning-2022.pdf' },
    ],
    organisations: [
      buildOrganisation({ iatiRef: 'SE-ON-2021002163', provenance: q('Myndigheten finns.', 'annual-report') }),
      buildOrganisation({ slug: 'parent-org', name: { en: 'Parent ministry' }, type: '10', country: 'RS' }),
      buildOrganisation({ slug: 'child-org', name: { sv: 'Underavdelningen', en: 'The division' }, acronym: 'TD', parent: 'parent-org', website: 'https://example.org/division', country: 'RS' }),
      buildOrganisation({ slug: 'funder-org', name: { en: 'A multilateral & <friends>' }, type: '40', country: undefined, iatiRef: 'XM-DAC-47066' }),
      // Named only as the issuer of an identifier.
      buildOrganisation({ slug: 'issuing-org', name: { en: 'The issuer' }, type: '40', country: undefined, iatiRef: 'XI-IATI-EC_NEAR' }),
    ],
    activities: [
      buildActivity(),
      buildActivity({
        slug: 'everything', iatiIdentifier: 'SE-ON-2021002163-ALL', kind: 'programme', status: 'suspended', workingTitle: true,
        otherIdentifiers: [{ ref: 'MK 13 IPA JH 01 17', type: 'A9', owner: 'issuing-org' }, { ref: 'SE-ON-2021002163-OLD', type: 'A3' }],
        texts: {
          sv: { title: 'Allt på en gång', acronym: 'APEG', summary: 'Kort.', description: 'Första stycket.\n\nAndra stycket med "citat" & <tecken>.', objectives: 'Att visa allt.' },
          en: { title: 'Everything at once', summary: 'Short.' },
        },
        dates: { plannedStart: 'våren 2021', plannedEnd: 'slutet av 2023', actualStart: 'early 2021' },
        countries: [{ code: 'RS', percentage: 70 }, { code: 'BA', percentage: 30 }],
        regions: ['western-balkans', 'horn-of-africa'],
        participations: [
          { organisation: 'test-agency', role: 'lead', note: { sv: 'Leder.', en: 'Leads.' }, provenance: q('Myndigheten leder.') },
          { organisation: 'child-org', role: 'implementer', provenance: [] },
        ],
        funding: [{
          instrument: 'eu-other', funder: 'funder-org', via: 'child-org', coFinancing: true, note: { en: 'Co-financed.' },
          flows: [
            { kind: 'budget', amount: '1234.5678', currency: 'SEK', valueDate: '2021-03-01', periodStart: '2021-03-01', periodEnd: '2022-02-28', note: { en: 'The whole grant.' } },
            { kind: 'incoming-funds', amount: '100.00', currency: 'EUR', valueDate: '2021-06-01' },
          ],
          provenance: q('Finansieras av en multilateral.', 'annual-report'),
        }],
        relations: [
          { type: 'part-of', target: { external: { name: { en: 'Big programme' }, iatiIdentifier: 'XM-DAC-47066-PROG', organisation: 'funder-org' } }, basis: 'assessed', note: { sv: 'Vår läsning.' }, provenance: q('Del av programmet.') },
          { type: 'pre-study-led-to', target: { activity: 'test-project' } },
        ],
        alignment: [{ framework: 'sdg-goal', code: '10' }, { framework: 'gcr', code: '2', basis: 'stated' }, { framework: 'aim', code: '3' }],
        keyFigures: [{ value: 12.5, unit: { sv: 'procent' }, label: { en: 'Share' }, asOf: 'december 2022', source: 'Årsrapport 2022', provenance: q('12,5 procent.') }],
        results: [
          {
            type: 'outcome', title: { sv: 'Bättre beslut' }, description: { en: 'Decisions improve.' },
            indicators: [{
              title: { en: 'Share overturned' }, measure: 'percentage', ascending: false,
              baseline: { year: 2020, value: '10', comment: { sv: 'Utgångsläge.' } },
              periods: [{ start: '2021-01-01', end: '2021-12-31', target: '5', actual: '7', comment: { en: 'Better.' } }],
            }],
            provenance: q('Färre beslut ändrades.'),
          },
          { type: 'impact', title: { en: 'No indicator' } },
        ],
        engagements: [{
          kind: 'study-visit', title: { sv: 'Studiebesök' }, topic: { en: 'Asylum' }, date: 'maj 2022', count: 3, place: { sv: 'Belgrad', en: 'Belgrade' },
          format: 'on site', homeOrganisations: ['child-org'], registrations: 10, participants: 8, countriesFeatured: ['RS', 'SE'], provenance: q('Tre besök.'),
        }],
        documents: [
          { url: 'https://example.org/x.pdf', title: { sv: 'Rapport' }, language: 'sv', category: 'A07', format: 'application/pdf', date: '2022-05-01', provenance: q('Rapporten.') },
          { url: 'https://example.org/page?a=1&b=2', title: { en: 'Page' } },
        ],
        provenance: [{ field: 'title', quote: 'Allt på en gång.' }],
      }),
    ],
  });
}

describe('IATI export: every field the registry has', () => {
  it('is schema-valid and carries each fact, read back, as the JSON export has it', async (ctx) => {
    const t = await freshDatabase('sqlite');
    try {
      await importPortfolio(t.db, parsePortfolio(everythingPortfolio()), { now: NOW });
      const file = join(workDir, 'everything.xml');
      const summary = await exportTo(t, file);
      assert.deepEqual(summary.skipped, []);
      const unavailable = schemaCheckUnavailable();
      if (unavailable) ctx.diagnostic(unavailable);
      else {
        const result = validateWithXsd(file);
        assert.equal(result.status, 0, result.output);
      }
      const root = parseXml(readFileSync(file, 'utf8'));
      const expected = JSON.parse(JSON.stringify(await exportPortfolio(t.db, { publishedOnly: true }))) as ReturnType<typeof portfolioFromIati>;
      const read = portfolioFromIati(root);
      read.activities.forEach((a, i) => assert.deepEqual(a, expected.activities[i], String(a.slug)));
      const bySlug = (list: Record<string, unknown>[]) => [...list].sort((x, y) => String(x.slug).localeCompare(String(y.slug)));
      assert.deepEqual(bySlug(read.organisations), bySlug(expected.organisations));
      assert.deepEqual(bySlug(read.sources), bySlug(expected.sources));

      const all = activity(root, 'SE-ON-2021002163-ALL');
      // The slug as the agency's own id (A1), then the other identifiers, each with the organisation that gave it.
      assert.deepEqual(children(all, 'other-identifier').map((o) => [o.attributes.ref, o.attributes.type, children(o, 'owner-org')[0]?.attributes.ref]), [
        ['everything', 'A1', undefined], ['MK 13 IPA JH 01 17', 'A9', 'XI-IATI-EC_NEAR'], ['SE-ON-2021002163-OLD', 'A3', undefined],
      ]);
      assert.deepEqual(narratives(child(children(all, 'other-identifier')[1]!, 'owner-org')), [['en', 'The issuer']]);
      assert.deepEqual(children(all, 'recipient-region').map((r) => r.attributes), [{ code: '298', vocabulary: '1', percentage: '0' }]);
      // 306 and 59 of 365 days, at the amount's four decimals, adding up to it exactly.
      assert.deepEqual(children(all, 'budget').map((b) => child(b, 'value').text), ['1035.0075', '199.5603']);
      const transaction = child(all, 'transaction');
      assert.equal(child(transaction, 'transaction-type').attributes.code, '1');
      // Incoming funds come from the channel when there is one.
      assert.deepEqual(child(transaction, 'provider-org').attributes, {});
      assert.deepEqual(narratives(child(transaction, 'provider-org')), [['en', 'The division'], ['sv', 'Underavdelningen']]);
      assert.deepEqual(children(all, 'related-activity').map((r) => r.attributes), [
        { ref: 'XM-DAC-47066-PROG', type: '1' }, { ref: 'SE-ON-2021002163-TEST', type: '3' },
      ]);
      assert.deepEqual(children(activity(root, 'SE-ON-2021002163-TEST'), 'related-activity').map((r) => r.attributes), [{ ref: 'SE-ON-2021002163-ALL', type: '3' }]);
      // The funder named only on the funding line takes part as funder (1); the channel is named already.
      assert.deepEqual(children(all, 'participating-org').filter((o) => o.attributes['samverka:derived']).map((o) => [o.attributes.role, o.attributes.ref, o.attributes['samverka:organisation']]), [
        ['1', 'XM-DAC-47066', 'funder-org'],
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('IATI export: published activities only', () => {
  it('leaves out drafts and the links to them', async () => {
    const t = await freshDatabase('sqlite');
    try {
      await seedDatabase(t.db, { now: NOW });
      await t.db.updateTable('activities').set({ publication: 'draft' }).where('slug', '=', 'western-balkans-migration-academy').execute();
      const file = join(workDir, 'drafts.xml');
      const summary = await exportTo(t, file);
      assert.equal(summary.activities, 18);
      const root = parseXml(readFileSync(file, 'utf8'));
      const ids = children(root, 'iati-activity').map((a) => child(a, 'iati-identifier').text);
      assert.ok(!ids.includes(ID('WB-MIGRATION-ACADEMY')));
      const twinning = activity(root, ID('RS-TWINNING-2019'));
      assert.deepEqual(children(twinning, 'related-activity').map((r) => r.attributes.ref), [ID('RS-2015')]);
      assert.deepEqual(children(child(twinning, 'samverka:activity'), 'samverka:relation'), []);
      const slugs = children(root, 'iati-activity').flatMap((a) => children(a, 'samverka:organisation')).map((o) => o.attributes.slug);
      assert.ok(!slugs.includes('eu-delegation-serbia'), 'an organisation only the draft names stays out');
    } finally {
      await t.close();
    }
  });

  it('takes a configured reporting organisation', async () => {
    const t = await freshDatabase('sqlite');
    try {
      await seedDatabase(t.db, { now: NOW });
      const file = join(workDir, 'other-publisher.xml');
      await writeIatiFile(t.db, createWriteStream(file), { reportingOrg: { ref: 'SE-0', type: '10', name: { en: 'Sweden' } }, now: NOW });
      const root = parseXml(readFileSync(file, 'utf8'));
      const first = children(root, 'iati-activity')[0]!;
      assert.deepEqual(child(first, 'reporting-org').attributes, { ref: 'SE-0', type: '10' });
      assert.ok(children(first, 'participating-org').some((o) => o.attributes.ref === 'SE-0' && o.attributes['samverka:derived'] === 'true'));
      await assert.rejects(resolveReportingOrg(t.db, 'XM-DAC-00000'), /IATI_REPORTING_ORG/);
    } finally {
      await t.close();
    }
  });
});
