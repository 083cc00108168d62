/**
 * Hostile and broken input: each is refused (critical) or defused, within bounded time and memory,
 * and the database is unchanged: read in this thread and, as large files are, in a worker thread.
 * Fixtures are generated here, never committed.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { importIatiFile, type IatiImportReport } from '../../../src/iati/import/iati.import.ts';
import { freshDatabase, type TestDatabase } from '../../support/databases.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const activity = (body = '', id = 'XM-TEST-1') => `<iati-activity xml:lang="en" default-currency="EUR"><iati-identifier>${id}</iati-identifier>
<title><narrative>Title</narrative></title><activity-status code="2"/><activity-date type="1" iso-date="2020-01-01"/>${body}</iati-activity>`;
const file = (body: string) => `${HEAD}<iati-activities version="2.03">${body}</iati-activities>`;

for (const worker of [false, true]) describe(`IATI import of hostile input (sqlite, ${worker ? 'in a worker thread' : 'in this thread'})`, () => {
  // Each test's bound; a worker thread takes up to a second of CPU to start, and a test starts up to five.
  const OPTS = { timeout: worker ? 30_000 : 10_000 };
  let t: TestDatabase;
  before(async () => { t = await freshDatabase('sqlite'); });
  after(() => t?.close());

  async function count(): Promise<number> {
    const r = await t.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async function run(input: string | Buffer | Iterable<Buffer>, options = {}): Promise<IatiImportReport> {
    const before = await count();
    const chunks = typeof input === 'string' || Buffer.isBuffer(input) ? [Buffer.from(input)] : input;
    const report = await importIatiFile(t.db, Readable.from(chunks), { ...options, worker });
    if (report.critical) assert.equal(await count(), before, 'nothing written');
    return report;
  }
  const critical = async (input: string | Buffer | Iterable<Buffer>, code: string, options = {}) => {
    const report = await run(input, options);
    assert.equal(report.critical?.code, code, JSON.stringify(report.critical));
    return report;
  };

  it('external entity to a loopback URL: refused, never fetched', OPTS, async () => {
    let connections = 0;
    const server = createServer((s) => { connections += 1; s.destroy(); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      await critical(`${HEAD}<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:${port}/x">]><iati-activities version="2.03">${activity('<description><narrative>&e;</narrative></description>')}</iati-activities>`, 'doctype');
      await critical(`${HEAD}<!DOCTYPE iati-activities SYSTEM "http://127.0.0.1:${port}/x.dtd"><iati-activities version="2.03"/>`, 'doctype');
      assert.equal(connections, 0);
    } finally {
      server.close();
    }
  });
  it('file entity, parameter entities, billion laughs, quadratic blow-up: refused', OPTS, async () => {
    await critical(`${HEAD}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"/>`, 'doctype');
    await critical(`${HEAD}<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/p"> %p;]><iati-activities version="2.03"/>`, 'doctype');
    const laughs = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
    await critical(`${HEAD}<!DOCTYPE x [${laughs}]><iati-activities version="2.03">&l9;</iati-activities>`, 'doctype');
    await critical(`${HEAD}<!DOCTYPE x [<!ENTITY a "${'x'.repeat(50_000)}">]><iati-activities version="2.03">${'&a;'.repeat(50_000)}</iati-activities>`, 'doctype');
    await critical(file(activity('<description><narrative>&undefined;</narrative></description>')), 'malformed-xml');
  });
  it('a DOCTYPE is reported on its own line, also when a chunk boundary cuts it', OPTS, async () => {
    const text = `${HEAD}<!-- a comment\n on two lines -->\n<!DOCTYPE x [<!ENTITY e "e">]>\n<iati-activities version="2.03"/>`;
    const whole = await critical(text, 'doctype');
    assert.equal(whole.critical?.line, 4);
    assert.match(whole.critical?.message.en ?? '', /\(line 4\)/);
    assert.match(whole.critical?.message.sv ?? '', /\(rad 4\)/);
    const cut = text.indexOf('<!DOCTYPE') + 4;
    for (const chunks of [[text.slice(0, cut), text.slice(cut)], [text.slice(0, cut - 5), text.slice(cut - 5)], [...text].map((c) => c)]) {
      const report = await critical(chunks.map((c) => Buffer.from(c)), 'doctype');
      assert.equal(report.critical?.line, 4, `cut into ${chunks.length} chunks`);
    }
  });

  it('a flood of character references is capped', OPTS, async () => {
    await critical(file(activity(`<description><narrative>${'&#65;'.repeat(200_000)}</narrative></description>`)), 'too-many-references');
  });
  it('200 000-deep nesting, 100 000 attributes, duplicate attributes', OPTS, async () => {
    await critical(file(`${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}`), 'too-deep');
    const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ');
    await critical(file(`<iati-activity ${attrs}/>`), 'too-many-attributes');
    await critical(file('<iati-activity a="1" a="2"/>'), 'malformed-xml');
  });
  it('__proto__ and constructor as names are plain data', OPTS, async () => {
    const report = await run(file(activity('<__proto__ constructor="x" __proto__="y"><constructor/></__proto__>', 'XM-TEST-PROTO')), { dryRun: true });
    assert.equal(report.critical, undefined);
    assert.equal(report.summary.activities.created, 1);
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });
  it('an oversized file and an oversized text node', OPTS, async () => {
    const big = Buffer.from(file(activity(`<description><narrative>${'x'.repeat(100_000)}</narrative></description>`)));
    await critical(big, 'file-too-large', { maxBytes: 50_000 });
    await critical(file(activity(`<description><narrative>${'x'.repeat(2_000_000)}</narrative></description>`)), 'text-too-long');
  });
  it('invalid UTF-8, NUL bytes, a wrong encoding declaration', OPTS, async () => {
    await critical(Buffer.concat([Buffer.from(file(activity('<description><narrative>')).slice(0, -40)), Buffer.from([0xc3, 0x28]), Buffer.from('</narrative></description></iati-activity></iati-activities>')]), 'not-utf8');
    await critical(file(activity('<description><narrative>a\u0000b</narrative></description>')), 'malformed-xml');
    await critical(`<?xml version="1.0" encoding="ISO-8859-1"?><iati-activities version="2.03"/>`, 'encoding');
  });
  it('truncated XML, two roots, not IATI, version 1', OPTS, async () => {
    const whole = file(activity());
    await critical(whole.slice(0, whole.length - 30), 'truncated');
    await critical(`${file(activity())}<iati-activities version="2.03"/>`, 'malformed-xml');
    await critical(`${HEAD}<html><body/></html>`, 'not-iati');
    await critical('{"format":"samverka-portfolio"}', 'malformed-xml');
    await critical(`${HEAD}<iati-activities version="1.03"/>`, 'unsupported-version');
  });
  it('a critical problem late in the file writes nothing, even after valid activities', OPTS, async () => {
    const before = await count();
    const report = await run(`${HEAD}<iati-activities version="2.03">${Array.from({ length: 300 }, (_, i) => activity('', `XM-TEST-L${i}`)).join('')}<oops></iati-activities>`);
    assert.ok(report.critical);
    assert.equal(await count(), before);
  });
  it('XInclude and stylesheet instructions are never resolved', OPTS, async () => {
    const report = await run(`${HEAD}<?xml-stylesheet href="http://127.0.0.1:1/x.xsl"?><iati-activities version="2.03" xmlns:xi="http://www.w3.org/2001/XInclude">${activity('<xi:include href="file:///etc/passwd" parse="text"/>', 'XM-TEST-XI')}</iati-activities>`, { dryRun: true });
    assert.equal(report.critical, undefined);
    assert.equal(report.summary.activities.created, 1);
  });
  it('javascript: links, formula-like titles, absurd amounts, impossible dates', OPTS, async () => {
    const report = await run(file([
      activity('<document-link url="javascript:alert(1)" format="text/html"><title><narrative>x</narrative></title></document-link><document-link url="data:text/html,x"/>', 'XM-TEST-JS'),
      activity('<budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-01-01">1e309</value></budget><transaction><transaction-type code="3"/><transaction-date iso-date="2020-02-01"/><value>NaN</value></transaction><transaction><transaction-type code="3"/><transaction-date iso-date="2020-02-01"/><value>-1.4e-9</value></transaction>', 'XM-TEST-AMOUNT'),
      activity('<activity-date type="2" iso-date="2021-02-30"/>', 'XM-TEST-DATE'),
    ].join('').replace('<narrative>Title</narrative>', '<narrative>=HYPERLINK("http://x")</narrative>')), { dryRun: true });
    assert.equal(report.critical, undefined);
    const byId = new Map(report.activities.map((a) => [a.identifier, a]));
    assert.deepEqual(byId.get('XM-TEST-JS')!.problems.filter((p) => p.code === 'unsafe-url').length, 2);
    assert.ok(byId.get('XM-TEST-JS')!.problems.some((p) => p.code === 'formula-like-text'));
    assert.equal(byId.get('XM-TEST-AMOUNT')!.problems.filter((p) => p.code === 'invalid-amount').length, 3);
    assert.equal(byId.get('XM-TEST-AMOUNT')!.outcome, 'created');
    assert.equal(byId.get('XM-TEST-DATE')!.outcome, 'skipped');
    assert.ok(byId.get('XM-TEST-DATE')!.problems.some((p) => p.code === 'invalid-date' && p.severity === 'error' && p.line > 0));
  });
});
