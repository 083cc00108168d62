/**
 * Memory stays flat: a generated 20 MB file (never written to disk) is imported while the heap is
 * sampled; its growth is bounded far below the file's size. A memory bound, never a time.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { importIatiFile } from '../../../src/iati/import/iati.import.ts';
import { freshDatabase, type TestDatabase } from '../../support/databases.ts';

function activity(i: number): string {
  return `<iati-activity xml:lang="en" default-currency="EUR"><iati-identifier>XM-GEN-GENERATED-ACTIVITY-${i}</iati-identifier>
<reporting-org ref="XM-GEN" type="10"><narrative>Generator</narrative></reporting-org>
<title><narrative>Generated activity ${i}</narrative><narrative xml:lang="sv">Genererad aktivitet ${i}</narrative></title>
<description type="1"><narrative>${'Capacity building for migration management. '.repeat(40)}</narrative></description>
<participating-org ref="XM-ORG-${i % 50}" role="4" type="10"><narrative>Organisation ${i % 50}</narrative></participating-org>
<activity-status code="2"/><activity-date type="1" iso-date="2020-01-01"/><activity-date type="3" iso-date="2022-12-31"/>
<recipient-country code="RS"/>
<budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-01-01">1000.50</value></budget>
</iati-activity>\n`;
}

/** About `bytes` of IATI XML, produced lazily. */
function* generated(bytes: number): Generator<Buffer> {
  yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n');
  let written = 0;
  for (let i = 0; written < bytes; i += 1) {
    const chunk = Buffer.from(Array.from({ length: 20 }, (_, j) => activity(i * 20 + j)).join(''));
    written += chunk.length;
    yield chunk;
  }
  yield Buffer.from('</iati-activities>\n');
}

/** The least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  return points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
}

setFlagsFromString('--expose-gc');
/** Forces a collection, so that samples measure what is retained rather than garbage. */
const gc = runInNewContext('gc') as () => void;

describe('IATI import memory (sqlite)', () => {
  let t: TestDatabase;
  before(async () => { t = await freshDatabase('sqlite'); });
  after(() => t?.close());

  it('imports a generated 20 MB file with bounded heap growth', { timeout: 300_000 }, async () => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let samples = 0;
    /** [activities read, heap in use after a full collection]. */
    const points: [number, number][] = [];
    const report = await importIatiFile(t.db, Readable.from(generated(20_000_000)), {
      onProgress: ({ activities }) => {
        samples += 1;
        if (samples % 2 !== 0) return;
        gc();
        const used = process.memoryUsage().heapUsed;
        peak = Math.max(peak, used);
        points.push([activities, used]);
      },
    });
    assert.equal(report.critical, undefined);
    assert.equal(report.summary.errors, 0);
    assert.ok(report.summary.bytes >= 20_000_000);
    assert.ok(report.summary.activities.created > 5000);
    // What the import still holds once it is done (the report, the slugs it saw) is small beside the
    // file: strings cut from the reader's chunks would keep the chunks themselves alive.
    gc();
    const retained = (process.memoryUsage().heapUsed - baseline) / 1e6;
    assert.ok(report.activities.length > 5000);
    assert.ok(retained < (report.summary.bytes / 1e6) * 0.4, `${retained.toFixed(1)} MB retained after reading ${(report.summary.bytes / 1e6).toFixed(1)} MB`);
    // While it runs, the import keeps per activity only what finding duplicates, taken slugs and
    // relations needs and a compact report entry (iati.report.ts): its identifier and slug, not an
    // object per activity. The slope of the heap over the run says so (about 130 bytes here; 390
    // when every report entry was an object).
    const perActivity = slope(points.filter(([n]) => n >= 1_000));
    assert.ok(perActivity < 250, `the heap grew by ${perActivity.toFixed(0)} bytes per activity read`);
    const growth = (peak - baseline) / 1e6;
    assert.ok(growth < 64, `heap grew by ${growth.toFixed(1)} MB while reading ${(report.summary.bytes / 1e6).toFixed(1)} MB`);
  });
});
