/**
 * Activities another organisation reports to IATI (`reportedBy`), once per dialect: the import sets
 * it from another publisher's reporting-org (a real IOM file, and a Samverka file another agency
 * wrote), the IATI export leaves those activities to their publisher and says how many, a relation
 * from one of ours to one of them is written by its IATI identifier, the IATI rules leave them
 * alone, export → import → export still gives the same file, and the registry treats the reporter
 * as an organisation it names (field errors, organisations in use, the portal page, the CSV).
 */
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../src/accounts/access.ts';
import { allActivities } from '../../src/activities/activity.repository.ts';
import { checkPortfolio } from '../../src/check/check.ts';
import { deleteOrganisation } from '../../src/editing/organisation.editing.ts';
import { exportPortfolio, importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import { writeIatiFile, type IatiExportSummary } from '../../src/iati/iati.export.ts';
import { importIatiFile } from '../../src/iati/import/iati.import.ts';
import { DEFAULT_REPORTING_ORG, type ReportingOrg } from '../../src/iati/iati.mapping.ts';
import { checkIatiActivity } from '../../src/iati/iati.rules.ts';
import { activitySchema } from '../../src/activities/activity.schema.ts';
import { organisationSchema } from '../../src/organisations/organisation.schema.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildServer } from '../../src/server/server.ts';
import { addTestUser, signedIn } from '../support/accounts.ts';
import { buildActivity, buildOrganisation } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { schemaCheckUnavailable, validateWithXsd } from './xml.ts';

const NOW = '2026-12-04T10:00:00.000Z';
const IOM_FILE = new URL('../../../shared/iati/real/iom-XM-DAC-47066_dportal_118.xml', import.meta.url);
const IOM_REF = 'XM-DAC-47066';
const MIGRI: ReportingOrg = { ref: 'FI-PRO-2686012-4', type: '10', name: { en: 'Finnish Immigration Service', sv: 'Migrationsverket i Finland' } };
const reviewer: Actor = { userId: 1, email: 'reviewer@example.org', name: 'Reviewer', role: 'reviewer', via: 'token', sessionId: null };
const workDir = mkdtempSync(join(tmpdir(), 'samverka-reported-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

/** The IATI file of the registry, as text, with its summary. */
async function iatiOf(t: TestDatabase, reportingOrg: ReportingOrg = DEFAULT_REPORTING_ORG): Promise<{ xml: string; summary: IatiExportSummary }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk); done(); } });
  const summary = await writeIatiFile(t.db, sink, { reportingOrg, now: NOW });
  return { xml: Buffer.concat(chunks).toString('utf8'), summary };
}

const identifiersIn = (xml: string) => [...xml.matchAll(/<iati-identifier>([^<]+)<\/iati-identifier>/g)].map((m) => m[1]);

for (const dialect of DIALECTS) {
  describe(`activities another organisation reports to IATI (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let iom: string;
    let iomActivities: string[];

    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db, { now: NOW });
      const report = await importIatiFile(t.db, createReadStream(IOM_FILE), { now: NOW });
      assert.equal(report.summary.errors, 0, JSON.stringify(report.activities.filter((a) => a.outcome === 'skipped')));
      iomActivities = report.activities.filter((a) => a.outcome === 'created').map((a) => a.slug!);
      assert.ok(iomActivities.length > 10);
      const org = await t.db.selectFrom('organisations').select('slug').where('iati_ref', '=', IOM_REF).executeTakeFirstOrThrow();
      iom = org.slug;
      assert.deepEqual(report.summary.reportedElsewhere, [{ organisation: iom, activities: iomActivities.length }]);
    });
    after(() => t?.close());

    it('the import stores every activity of IOM\'s file as reported by IOM (its reporting-org), and none of the seed\'s', async () => {
      const activities = await allActivities(t.db);
      const reporters = new Map(activities.map((a) => [a.slug, a.reportedBy]));
      for (const slug of iomActivities) assert.equal(reporters.get(slug), iom, slug);
      assert.equal(activities.filter((a) => a.reportedBy !== undefined).length, iomActivities.length);
      const again = await importIatiFile(t.db, createReadStream(IOM_FILE), { now: NOW });
      assert.equal(again.summary.activities.unchanged, iomActivities.length, 'a second import changes nothing');
      assert.ok(!again.summary.notImported.some((n) => n.what === 'reporting-org'), 'reporting-org is read');
      assert.deepEqual(again.summary.reportedElsewhere, [{ organisation: iom, activities: iomActivities.length }], 'unchanged ones are counted too');
    });

    it('the IATI export leaves them to IOM and says how many; a relation from one of ours to one of them is written by its identifier', async () => {
      const portfolio = await exportPortfolio(t.db);
      const target = portfolio.activities.find((a) => a.slug === iomActivities[0])!;
      const ours = portfolio.activities.find((a) => a.slug === 'mavrri')!;
      ours.relations = [...ours.relations, { type: 'part-of', target: { activity: target.slug }, basis: 'stated', provenance: [] }];
      // Naming the agency itself as the reporter is the same as naming none, and the file keeps it.
      ours.reportedBy = 'migrationsverket';
      await importPortfolio(t.db, parsePortfolio(portfolio), { now: NOW });

      const { xml, summary } = await iatiOf(t);
      assert.equal(summary.activities, 19);
      assert.deepEqual(summary.reportedElsewhere, [{ organisation: iom, activities: iomActivities.length }]);
      assert.ok(identifiersIn(xml).every((id) => id!.startsWith(`${DEFAULT_REPORTING_ORG.ref}-`)), 'only our own activities');
      const mavrri = xml.split('<iati-activity ').find((a) => a.includes('<iati-identifier>SE-ON-2021002163-mavrri<') || a.includes('slug="mavrri"'))!;
      assert.match(mavrri, new RegExp(`<related-activity ref="${target.iatiIdentifier}" type="1"/>`));
      assert.match(mavrri, new RegExp(`<samverka:external iati-identifier="${target.iatiIdentifier}" organisation="${iom}">`));
      assert.match(mavrri, /<samverka:activity slug="mavrri"[^>]* reported-by="migrationsverket"/);
      // Nothing of ours points back at IOM's activity from its side: IOM states that in its own file.
      assert.doesNotMatch(xml, new RegExp(`<related-activity ref="[^"]+" type="2"/>[\\s\\S]*slug="${target.slug}"`));

      const unavailable = schemaCheckUnavailable();
      if (!unavailable) {
        const file = join(workDir, `ours-${dialect.name}.xml`);
        writeFileSync(file, xml);
        const result = validateWithXsd(file);
        assert.equal(result.status, 0, result.output);
      }

      // Export → import into an empty database → export: the same file.
      const fresh = await freshDatabase(dialect.name);
      try {
        const back = await importIatiFile(fresh.db, Readable.from([xml]), { now: NOW });
        assert.equal(back.summary.errors, 0, JSON.stringify(back.activities.filter((a) => a.problems.length)));
        assert.equal((await iatiOf(fresh)).xml, xml);
        assert.equal((await allActivities(fresh.db)).find((a) => a.slug === 'mavrri')?.reportedBy, 'migrationsverket');
      } finally {
        await fresh.close();
      }
    });

    it('the IATI rules leave them to their publisher; the rest of check still reads them', async () => {
      const portfolio = await exportPortfolio(t.db);
      const organisations = new Map(portfolio.organisations.map((o) => [o.slug, o]));
      const findings = checkPortfolio(portfolio.activities, { today: '2026-12-04' }, { reportingOrg: DEFAULT_REPORTING_ORG, organisations });
      const theirs = new Set(iomActivities);
      assert.deepEqual(findings.filter((f) => f.code.startsWith('iati-') && theirs.has(f.activity)), []);
      // Without a reporter the same activity breaks the identifier rule, which shows the rule was skipped, not passed.
      const one = portfolio.activities.find((a) => a.slug === iomActivities[0])!;
      const { reportedBy: _reporter, ...unreported } = one;
      const ctx = { today: '2026-12-04', reportingOrg: DEFAULT_REPORTING_ORG, organisations };
      assert.ok(checkIatiActivity(unreported, ctx).some((f) => f.code === 'iati-identifier-prefix'));
    });

    it('the reporter counts as an organisation the activity names: in use, on the portal page in both languages, and in the CSV', async () => {
      await assert.rejects(deleteOrganisation(t.db, reviewer, iom), (e: { code?: string; message?: string }) =>
        e.code === 'organisation-in-use' && e.message!.includes(iomActivities[0]!));
      const app: FastifyInstance = await buildServer(t.db, { logLevel: 'silent', pageCacheBytes: 0 });
      try {
        const base = await app.listen({ host: '127.0.0.1', port: 0 });
        const sv = await (await fetch(`${base}/activities/${iomActivities[0]}`)).text();
        assert.match(sv, new RegExp(`<dt>Rapporteras till IATI av</dt><dd><a href="/organisations/${iom}"[^>]*>International Organization for Migration[^<]*</a>, som publicerar aktiviteten själv; den ingår inte i vår IATI-fil</dd>`));
        const en = await (await fetch(`${base}/en/activities/${iomActivities[0]}`)).text();
        assert.match(en, new RegExp(`<dt>Reported to IATI by</dt><dd><a href="/en/organisations/${iom}"[^>]*>International Organization for Migration[^<]*</a>, which publishes the activity itself; it is not in our IATI file</dd>`));
        // An activity that names the agency itself as its reporter is ours, and the page says nothing of it.
        const own = await (await fetch(`${base}/activities/mavrri`)).text();
        assert.doesNotMatch(own, /Rapporteras till IATI av/);
        assert.doesNotMatch(await (await fetch(`${base}/activities/erin`)).text(), /Rapporteras till IATI av/);
        const csv = await (await fetch(`${base}/data/portfolio.csv?lang=en`)).text();
        assert.match(csv.split('\n')[0]!, /^\uFEFF?Id,IATI identifier,Other identifiers,Reported to IATI by,/);
        assert.match(csv, new RegExp(`\\n${iomActivities[0]},[^,]+,[^,]*,International Organization for Migration[^,]*,`));
        const data = await (await fetch(`${base}/data/iati-activities.xml`)).text();
        assert.equal(identifiersIn(data).length, 19);
        // The staff overview counts check findings as `samverka check` does: on our own activities.
        const viewer = await signedIn(base, await addTestUser(t.db, 'viewer'));
        const overview = await (await viewer.fetch('/edit')).text();
        assert.match(overview, new RegExp(`<h2 id="findings-overview-h">Kvalitetskontroller</h2><p>Fel: \\d+\\. Varningar: \\d+\\. Aktiviteter med fynd: \\d+\\. `
          + `Aktiviteter som andra organisationer rapporterar till IATI räknas inte, eftersom de rättas i organisationernas egna filer: ${iomActivities.length}\\.</p>`));
        const overviewEn = await (await viewer.fetch('/en/edit')).text();
        assert.match(overviewEn, new RegExp(`Activities that other organisations report to IATI are not counted, as they are corrected in those organisations’ own files: ${iomActivities.length}\\.</p>`));
      } finally {
        await app.close();
      }
    });

    it('an unknown reporter is refused, named by its field, and nothing is stored', async () => {
      const portfolio = await exportPortfolio(t.db);
      const mavrri = portfolio.activities.find((a) => a.slug === 'mavrri')!;
      mavrri.reportedBy = 'nobody-we-know';
      await assert.rejects(importPortfolio(t.db, parsePortfolio(portfolio), { now: NOW }), (e: { problems?: { path?: string }[] }) =>
        (e.problems ?? []).some((p) => String(p.path).includes('reportedBy')));
      assert.equal((await allActivities(t.db)).find((a) => a.slug === 'mavrri')?.reportedBy, 'migrationsverket');
    });
  });

  describe(`a Samverka file another agency publishes (${dialect.name})`, { skip: dialect.skip }, () => {
    let xml: string;

    before(async () => {
      const theirs = await freshDatabase(dialect.name);
      try {
        await seedDatabase(theirs.db, { now: NOW });
        xml = (await iatiOf(theirs, MIGRI)).xml;
      } finally {
        await theirs.close();
      }
    });

    it('is stored as reported by that agency (created from its reporting-org), and our export leaves it out', async () => {
      const t = await freshDatabase(dialect.name);
      try {
        const report = await importIatiFile(t.db, Readable.from([xml]), { now: NOW });
        assert.equal(report.summary.errors, 0);
        assert.equal(report.summary.reportedElsewhere[0]?.activities, 19);
        const migri = await t.db.selectFrom('organisations').select(['slug', 'name_en', 'org_type']).where('iati_ref', '=', MIGRI.ref).executeTakeFirstOrThrow();
        assert.deepEqual([migri.name_en, migri.org_type], ['Finnish Immigration Service', '10']);
        const activities = await allActivities(t.db);
        assert.equal(activities.length, 19);
        assert.ok(activities.every((a) => a.reportedBy === migri.slug));
        const ours = await iatiOf(t);
        assert.equal(ours.summary.activities, 0);
        assert.deepEqual(ours.summary.reportedElsewhere, [{ organisation: migri.slug, activities: 19 }]);
        // The agency itself, importing its own file, reports them.
        const own = await freshDatabase(dialect.name);
        try {
          const theirOwn = await importIatiFile(own.db, Readable.from([xml]), { now: NOW, reportingOrg: MIGRI.ref });
          assert.deepEqual(theirOwn.summary.reportedElsewhere, []);
          assert.ok((await allActivities(own.db)).every((a) => a.reportedBy === undefined));
          assert.equal((await iatiOf(own, MIGRI)).xml, xml);
        } finally {
          await own.close();
        }
      } finally {
        await t.close();
      }
    });
  });
}

describe('the IATI identifier rule', () => {
  const organisations = new Map([['test-agency', organisationSchema.parse(buildOrganisation())]]);
  const ctx = { today: '2026-12-04', reportingOrg: DEFAULT_REPORTING_ORG, organisations };
  const prefixFindings = (input: Parameters<typeof buildActivity>[0]) =>
    checkIatiActivity(activitySchema.parse(buildActivity(input)), ctx).filter((f) => f.code === 'iati-identifier-prefix');

  it('accepts an identifier that starts with a previous identifier of the reporting organisation (other-identifier B1)', () => {
    assert.equal(prefixFindings({ iatiIdentifier: 'SE-OLD-1-PROJ' }).length, 1);
    assert.deepEqual(prefixFindings({ iatiIdentifier: 'SE-OLD-1-PROJ', otherIdentifiers: [{ ref: 'SE-OLD-1', type: 'B1' }] }), []);
    assert.equal(prefixFindings({ iatiIdentifier: 'SE-OLD-1-PROJ', otherIdentifiers: [{ ref: 'SE-OLD-1', type: 'A3' }] }).length, 1);
    assert.equal(prefixFindings({ iatiIdentifier: 'SE-OLD-1', otherIdentifiers: [{ ref: 'SE-OLD-1', type: 'B1' }] }).length, 1);
  });
});
