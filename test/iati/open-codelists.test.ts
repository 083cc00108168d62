/**
 * Codes of the open IATI codelists (OPEN_CODELISTS: organisation types, document categories and
 * languages, other-identifier types) that the registry's copy of the list lacks, once per dialect:
 * an import keeps them as given and flags them, a second import changes nothing, the portal and the
 * staff form show them as unknown codes, the IATI export writes them (still XSD-valid) and check
 * reports them; the schema refuses what is not of the list's shape, and A1 as another identifier.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { activitySchema } from '../../src/activities/activity.schema.ts';
import { allActivities } from '../../src/activities/activity.repository.ts';
import { checkPortfolio } from '../../src/check/check.ts';
import { exportPortfolio, importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import { writeIatiFile } from '../../src/iati/iati.export.ts';
import { importIatiFile } from '../../src/iati/import/iati.import.ts';
import { DEFAULT_REPORTING_ORG } from '../../src/iati/iati.mapping.ts';
import { organisationSchema } from '../../src/organisations/organisation.schema.ts';
import { buildServer } from '../../src/server/server.ts';
import { toProblems } from '../../src/shared/schema-helpers.ts';
import { addTestUser, signedIn } from '../support/accounts.ts';
import { buildActivity, buildOrganisation, buildPortfolio } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { schemaCheckUnavailable, validateWithXsd } from './xml.ts';

const NOW = '2026-12-07T10:00:00.000Z';
const workDir = mkdtempSync(join(tmpdir(), 'samverka-open-codes-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

/** A partner's file written against newer codelists than the registry's copy. */
const PARTNER = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
<iati-activity xml:lang="en"><iati-identifier>XM-NEW-1</iati-identifier><reporting-org ref="XM-NEW" type="10"><narrative>New Partner</narrative></reporting-org>
<title><narrative>Border management support</narrative></title><activity-status code="2"/><activity-date type="2" iso-date="2024-01-01"/>
<participating-org role="4" ref="XM-LOCAL-NGO" type="98"><narrative>Local Partner</narrative></participating-org>
<other-identifier ref="PX-77" type="C3"/>
<document-link url="https://example.org/plan.pdf" format="application/pdf"><title><narrative>Plan</narrative></title><category code="A99"/><language code="xx"/></document-link>
</iati-activity>
</iati-activities>`;

for (const dialect of DIALECTS) {
  describe(`codes of open IATI codelists that the registry's copy lacks (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;

    before(async () => {
      t = await freshDatabase(dialect.name);
    });
    after(() => t?.close());

    it('an import keeps them as given, flags each, and a second import changes nothing', async () => {
      const report = await importIatiFile(t.db, Readable.from([PARTNER]), { now: NOW });
      assert.equal(report.summary.errors, 0);
      assert.deepEqual(report.activities[0]!.problems.map((p) => p.message.en), [
        'participating-org/@type "98" is not in the OrganisationType codelist; it is kept as it is and shown as an unknown code.',
        'document-link/category/@code "A99" is not in the DocumentCategory codelist; it is kept as it is and shown as an unknown code.',
        'document-link/language/@code "xx" is not in the Language codelist; it is kept as it is and shown as an unknown code.',
        'other-identifier/@type "C3" is not in the OtherIdentifierType codelist; it is kept as it is and shown as an unknown code.',
      ]);
      const portfolio = await exportPortfolio(t.db);
      assert.equal(portfolio.organisations.find((o) => o.iatiRef === 'XM-LOCAL-NGO')?.type, '98');
      const activity = portfolio.activities.find((a) => a.iatiIdentifier === 'XM-NEW-1')!;
      assert.deepEqual(activity.otherIdentifiers, [{ ref: 'PX-77', type: 'C3' }]);
      assert.deepEqual(activity.documents.map((d) => [d.category, d.language]), [['A99', 'xx']]);
      const again = await importIatiFile(t.db, Readable.from([PARTNER]), { now: NOW });
      assert.equal(again.summary.activities.unchanged, 1);
      assert.equal(again.summary.organisations.created, 0);
    });

    it('our own activity with such codes: the IATI export writes them and stays valid against the schema, and check reports each', async () => {
      const [ngo] = (await exportPortfolio(t.db)).organisations.filter((o) => o.iatiRef === 'XM-LOCAL-NGO');
      await importPortfolio(t.db, parsePortfolio(buildPortfolio({
        organisations: [buildOrganisation()],
        activities: [buildActivity({
          participations: [{ organisation: 'test-agency', role: 'lead' }, { organisation: ngo!.slug, role: 'implementer' }],
          otherIdentifiers: [{ ref: 'PX-78', type: 'C3' }],
          documents: [{ url: 'https://example.org/report.pdf', title: { en: 'Report' }, category: 'A99', language: 'xx', format: 'application/pdf' }],
        })],
      })), { now: NOW });
      const chunks: Buffer[] = [];
      await writeIatiFile(t.db, new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk); done(); } }), { now: NOW });
      const xml = Buffer.concat(chunks).toString('utf8');
      assert.match(xml, /<participating-org ref="XM-LOCAL-NGO" type="98" role="4"/);
      assert.match(xml, /<other-identifier ref="PX-78" type="C3"/);
      assert.match(xml, /<category code="A99"\/>/);
      assert.match(xml, /<language code="xx"\/>/);
      if (!schemaCheckUnavailable()) {
        const file = join(workDir, `ours-${dialect.name}.xml`);
        writeFileSync(file, xml);
        const result = validateWithXsd(file);
        assert.equal(result.status, 0, result.output);
      }
      const portfolio = await exportPortfolio(t.db);
      const organisations = new Map(portfolio.organisations.map((o) => [o.slug, o]));
      const findings = checkPortfolio(portfolio.activities, { today: '2026-12-07' }, { reportingOrg: DEFAULT_REPORTING_ORG, organisations })
        .filter((f) => f.activity === 'test-project' && f.code === 'iati-codelist');
      assert.deepEqual(findings.map((f) => [f.severity, f.message.en]).sort(), [
        ['error', 'Document category: the code "A99" is not in the IATI codelist.'],
        ['error', 'Document language: the code "xx" is not in the IATI codelist.'],
        ['error', `Organisation type of ${ngo!.slug}: the code "98" is not in the IATI codelist.`],
        ['error', 'Other identifier type: the code "C3" is not in the IATI codelist.'],
      ]);
    });

    it('the portal shows them as unknown codes in both languages, and the staff form keeps the code, saying so', async () => {
      const ngo = (await exportPortfolio(t.db)).organisations.find((o) => o.iatiRef === 'XM-LOCAL-NGO')!;
      const partner = (await allActivities(t.db)).find((a) => a.iatiIdentifier === 'XM-NEW-1')!;
      const app = await buildServer(t.db, { logLevel: 'silent', pageCacheBytes: 0 });
      try {
        const base = await app.listen({ host: '127.0.0.1', port: 0 });
        assert.match(await (await fetch(`${base}/organisations/${ngo.slug}`)).text(), /<dt>Typ<\/dt><dd>98 \(okänd kod\)<\/dd>/);
        assert.match(await (await fetch(`${base}/en/organisations/${ngo.slug}`)).text(), /<dt>Type<\/dt><dd>98 \(unknown code\)<\/dd>/);
        assert.match(await (await fetch(`${base}/en/activities/${partner.slug}`)).text(), /<code>PX-77<\/code> \(C3 \(unknown code\)\)/);
        const editor = await signedIn(base, await addTestUser(t.db, 'editor'));
        const form = await (await editor.fetch(`/edit/organisations/${ngo.slug}`)).text();
        assert.match(form, /<option value="98" selected>98 \(okänd kod\)<\/option>/);
        const activityForm = await (await editor.fetch(`/en/edit/activities/${partner.slug}`)).text();
        assert.match(activityForm, /<option value="A99" selected>A99 \(unknown code\)<\/option>/);
        assert.match(activityForm, /<option value="xx" selected>xx \(unknown code\)<\/option>/);
        assert.match(activityForm, /<option value="C3" selected>C3 \(unknown code\)<\/option>/);
      } finally {
        await app.close();
      }
    });
  });
}

describe('the schemas of open codelists', () => {
  it('refuse a value not of the list\'s shape, in both languages, and A1 as another identifier', () => {
    const org = organisationSchema.safeParse(buildOrganisation({ type: 'NGO' }));
    assert.equal(org.success, false);
    const [problem] = toProblems(org.error!);
    assert.deepEqual([problem!.code, problem!.path, problem!.message.en], ['code-shape', 'type', 'This is not a code of the list. Choose a code from the list.']);
    assert.equal(problem!.message.sv, 'Det här är ingen kod ur listan. Välj en kod ur listan.');
    const a1 = activitySchema.safeParse(buildActivity({ otherIdentifiers: [{ ref: 'X', type: 'A1' }] }));
    assert.equal(a1.success, false);
    assert.deepEqual(toProblems(a1.error!).map((p) => [p.code, p.path]), [['other-identifier-a1', 'otherIdentifiers.0.type']]);
    const document = activitySchema.safeParse(buildActivity({ documents: [{ url: 'https://example.org/a', title: { en: 'A' }, category: 'a01', language: 'swe' }] }));
    assert.deepEqual(toProblems(document.error!).map((p) => [p.code, p.path]), [['code-shape', 'documents.0.language'], ['code-shape', 'documents.0.category']]);
    assert.equal(activitySchema.safeParse(buildActivity({ documents: [{ url: 'https://example.org/a', title: { en: 'A' }, category: 'A13', language: 'xx' }] })).success, true);
  });
});
