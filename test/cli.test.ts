/** The `samverka` command as a script would use it: outputs, files and exit codes. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCli } from './support/cli.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases.ts';
import { buildActivity, buildPortfolio } from './support/builders.ts';

const dir = mkdtempSync(join(tmpdir(), 'samverka-cli-'));

describe('samverka without a database', () => {
  it('prints help for every command and exits 0', async () => {
    for (const command of ['migrate', 'seed', 'serve', 'export', 'import', 'check']) {
      const result = await runCli([command, '--help']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`Usage: samverka ${command}`));
    }
  });

  it('exits 2 on a usage error', async () => {
    const result = await runCli(['export', '--format', 'pdf']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /pdf/);
  });

  it('says in one line what is wrong with DATABASE_URL or an unreachable PostgreSQL, with no stack trace', async () => {
    for (const url of ['mysql://root@localhost/x', 'postgres://nobody@127.0.0.1:1/none']) {
      const result = await runCli(['check'], { DATABASE_URL: url });
      assert.equal(result.code, 4, result.stderr);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, /^samverka: (DATABASE_URL|Cannot connect)/);
      assert.doesNotMatch(result.stderr, /\bat .*\.ts:\d+/);
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`samverka on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => { t = await freshDatabase(dialect.name); });
    after(async () => { await t.close(); });
    const env = () => ({ DATABASE_URL: t.url });

    it('seeds, and seeding again changes nothing', async () => {
      const first = await runCli(['seed'], env());
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /Activities: 19 created, 0 updated, 0 unchanged/);
      const second = await runCli(['seed'], env());
      assert.match(second.stdout, /Activities: 0 created, 0 updated, 19 unchanged/);
    });

    it('exports JSON that imports into an empty database and exports the same', async () => {
      const out = join(dir, `${dialect.name}.json`);
      const exported = await runCli(['export', '--format', 'json', '--out', out], env());
      assert.equal(exported.code, 0, exported.stderr);
      const doc = JSON.parse(readFileSync(out, 'utf8')) as { activities: unknown[] };
      assert.equal(doc.activities.length, 19);
      const empty = await freshDatabase(dialect.name);
      try {
        const imported = await runCli(['import', out], { DATABASE_URL: empty.url });
        assert.equal(imported.code, 0, imported.stderr);
        const again = await runCli(['export', '--format', 'json'], { DATABASE_URL: empty.url });
        const strip = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '');
        assert.equal(strip(again.stdout), strip(readFileSync(out, 'utf8')));
      } finally {
        await empty.close();
      }
    });

    it('refuses a bad file with exit code 3, naming the record and the field, and writes nothing', async () => {
      const before = await runCli(['export', '--format', 'json'], env());
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify(buildPortfolio({ activities: [buildActivity({ status: 'ongoing' as 'implementation' })] })));
      const result = await runCli(['import', bad], env());
      assert.equal(result.code, 3);
      assert.match(result.stderr, /activities\[0\] \(test-project\) › status: Unknown code/);
      writeFileSync(bad, '{ not json');
      const malformed = await runCli(['import', bad], env());
      assert.equal(malformed.code, 3);
      assert.match(malformed.stderr, /not valid JSON/);
      const after = await runCli(['export', '--format', 'json'], env());
      const strip = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '');
      assert.equal(strip(after.stdout), strip(before.stdout));
    });

    it('writes CSV with a byte-order mark, labels and one row per activity', async () => {
      const result = await runCli(['export', '--format', 'csv', '--lang', 'en'], env());
      assert.equal(result.code, 0, result.stderr);
      assert.ok(result.stdout.startsWith('\uFEFFId,IATI identifier,'));
      const lines = result.stdout.trim().split('\r\n');
      assert.ok(lines.length >= 20);
      assert.match(result.stdout, /Pre-study/);
      assert.doesNotMatch(result.stdout, /,pre-study,/);
      const sv = await runCli(['export', '--format', 'csv', '--delimiter', 'semicolon'], env());
      assert.ok(sv.stdout.startsWith('\uFEFFId;IATI-identifierare;'));
    });

    it('writes the published portfolio as IATI 2.03 XML', async () => {
      const out = join(dir, `${dialect.name}.xml`);
      const result = await runCli(['export', '--format', 'iati', '--out', out], env());
      assert.equal(result.code, 0, result.stderr);
      const xml = readFileSync(out, 'utf8');
      assert.match(xml, /<iati-activities version="2.03"/);
      assert.equal(xml.match(/<iati-activity[ >]/g)?.length, 19);
      const stdout = await runCli(['export', '--format', 'iati'], env());
      assert.equal(stdout.stdout.replace(/generated-datetime="[^"]+"/, ''), xml.replace(/generated-datetime="[^"]+"/, ''));
    });

    it('imports an IATI file: round trip into an empty database, and a file it must refuse', async () => {
      const xml = join(dir, `${dialect.name}-roundtrip.xml`);
      assert.equal((await runCli(['export', '--format', 'iati', '--out', xml], env())).code, 0);
      const empty = await freshDatabase(dialect.name);
      try {
        const dry = await runCli(['import', xml, '--dry-run'], { DATABASE_URL: empty.url });
        assert.equal(dry.code, 0, dry.stderr);
        assert.match(dry.stdout, /Dry run: nothing was written/);
        const imported = await runCli(['import', xml], { DATABASE_URL: empty.url });
        assert.equal(imported.code, 0, imported.stderr);
        assert.match(imported.stdout, /Activities: 19 created/);
        assert.doesNotMatch(imported.stdout, /Not imported/, 'a file Samverka wrote is imported whole');
        const again = await runCli(['export', '--format', 'iati'], { DATABASE_URL: empty.url });
        const strip = (text: string) => text.replace(/generated-datetime="[^"]+"/, '');
        assert.equal(strip(again.stdout), strip(readFileSync(xml, 'utf8')));
        const hostile = join(dir, 'hostile.xml');
        writeFileSync(hostile, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"><iati-activity><iati-identifier>&e;</iati-identifier></iati-activity></iati-activities>');
        const refused = await runCli(['import', hostile], { DATABASE_URL: empty.url });
        assert.equal(refused.code, 3);
        assert.match(refused.stderr, /line 1: .*Nothing was written/);
        assert.doesNotMatch(refused.stderr + refused.stdout, /root:/);
      } finally {
        await empty.close();
      }
    });

    it('lists what another publisher\'s file has that the registry has no field for, in the user\'s language', async (ctx) => {
      const finnish = fileURLToPath(new URL('../../shared/iati/real/finland-FI-3_iati-act-line-br.xml', import.meta.url));
      if (!existsSync(finnish)) { ctx.skip(`${finnish} is absent: SKIPPED`); return; }
      const en = await runCli(['import', finnish, '--dry-run'], env());
      assert.equal(en.code, 0, en.stderr);
      assert.match(en.stdout, /^Not imported \(the registry has no field for it\):\n( {2}.+\n)* {2}sector: 6 activities\n/m);
      assert.match(en.stdout, /^ {2}policy-marker: 6 activities$/m);
      const sv = await runCli(['import', finnish, '--dry-run'], { ...env(), SAMVERKA_LANG: 'sv' });
      assert.match(sv.stdout, /^Inte importerat \(registret har inget fält för det\):\n( {2}.+\n)* {2}sector: 6 aktiviteter\n/m);
    });

    it('says which imported activities another organisation reports, and the IATI export says it leaves them to it, in the user\'s language', async (ctx) => {
      const iom = fileURLToPath(new URL('../../shared/iati/real/iom-XM-DAC-47066_dportal_118.xml', import.meta.url));
      if (!existsSync(iom)) { ctx.skip(`${iom} is absent: SKIPPED`); return; }
      const fresh = await freshDatabase(dialect.name);
      try {
        const sv = await runCli(['import', iom, '--dry-run'], { DATABASE_URL: fresh.url, SAMVERKA_LANG: 'sv' });
        assert.equal(sv.code, 0, sv.stderr);
        assert.match(sv.stdout, /^Rapporteras till IATI av en annan organisation \(vår IATI-fil tar inte med dem\):\n {2}xm-dac-47066: \d+ aktiviteter$/m);
        const en = await runCli(['import', iom], { DATABASE_URL: fresh.url });
        assert.equal(en.code, 0, en.stderr);
        const count = /^ {2}xm-dac-47066: (\d+) activities$/m.exec(en.stdout)?.[1];
        assert.ok(count && Number(count) > 10, en.stdout);
        assert.match(en.stdout, /^Reported to IATI by another organisation \(our IATI file leaves them out\):$/m);
        const exported = await runCli(['export', '--format', 'iati'], { DATABASE_URL: fresh.url });
        assert.equal(exported.code, 0, exported.stderr);
        assert.doesNotMatch(exported.stdout, /<iati-activity /);
        assert.match(exported.stderr, new RegExp(`^Left out of the IATI file, as xm-dac-47066 reports them itself: ${count} activities$`, 'm'));
        const exportedSv = await runCli(['export', '--format', 'iati'], { DATABASE_URL: fresh.url, SAMVERKA_LANG: 'sv' });
        assert.match(exportedSv.stderr, new RegExp(`^Utelämnade ur IATI-filen, eftersom xm-dac-47066 rapporterar dem själv: ${count} aktiviteter$`, 'm'));
        // check leaves IOM's activities to IOM unless asked, and says how many findings it left out.
        const all = JSON.parse((await runCli(['check', '--json', '--all', '--today', '2026-12-04'], { DATABASE_URL: fresh.url })).stdout) as { findings: unknown[]; notShown?: unknown };
        assert.ok(all.findings.length > 0 && all.notShown === undefined, 'IOM\'s data has findings');
        const own = await runCli(['check', '--strict', '--json', '--today', '2026-12-04'], { DATABASE_URL: fresh.url });
        assert.equal(own.code, 0, 'nothing of our own to find');
        const ownReport = JSON.parse(own.stdout) as { findings: unknown[]; notShown: { findings: number; activities: number } };
        assert.deepEqual(ownReport.findings, []);
        assert.equal(ownReport.notShown.findings, all.findings.length);
        const text = await runCli(['check', '--today', '2026-12-04', '--lang', 'sv'], { DATABASE_URL: fresh.url });
        assert.match(text.stdout, new RegExp(`^${all.findings.length} fynd på ${ownReport.notShown.activities} aktiviteter som andra organisationer rapporterar till IATI visas inte \\(--all visar dem\\)\\.$`, 'm'));
        const textEn = await runCli(['check', '--today', '2026-12-04', '--lang', 'en'], { DATABASE_URL: fresh.url });
        assert.match(textEn.stdout, /findings on \d+ activities that other organisations report to IATI are not shown \(--all shows them\)\.$/m);
      } finally {
        await fresh.close();
      }
    });

    it('check reports findings, and --strict exits 1', async () => {
      const lax = await runCli(['check', '--today', '2026-11-25'], env());
      assert.equal(lax.code, 0, lax.stderr);
      assert.match(lax.stdout, /stale-future-tense/);
      const strict = await runCli(['check', '--strict', '--json', '--today', '2026-11-25'], env());
      assert.equal(strict.code, 1);
      const report = JSON.parse(strict.stdout) as { findings: { code: string }[] };
      assert.ok(report.findings.some((f) => f.code === 'past-due-ongoing'));
      assert.ok(report.findings.some((f) => f.code === 'iati-recipient-missing'), 'the IATI rules run on stored data');
      const early = await runCli(['check', '--today', '2026-02-30'], env());
      assert.equal(early.code, 2);
    });
  });
}
