/**
 * The export streams: exporting a generated 5 000-activity portfolio to a sink that throws the
 * bytes away, the heap after 5 000 activities is about what it was after 1 000, while tens of
 * megabytes went past. This bounds memory, not time: nothing here is timed.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { exportIati } from '../../src/iati/iati.export.ts';
import { DEFAULT_REPORTING_ORG } from '../../src/iati/iati.mapping.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';
import { loadGeneratedPortfolio } from './generated-portfolio.ts';

const COUNT = 5_000;

// A collection before each sample, so the heap measures what is still referenced, not garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function liveHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('IATI export: memory does not grow with the portfolio', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase('sqlite');
    await loadGeneratedPortfolio(t.db, COUNT);
  });
  after(() => t?.close());

  it(`exports ${COUNT} activities in constant memory`, async (ctx) => {
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        setImmediate(callback);
      },
    });
    const samples = new Map<number, { heap: number; bytes: number }>();
    const summary = await exportIati(t.db, sink, {
      reportingOrg: DEFAULT_REPORTING_ORG,
      now: '2026-11-25T10:00:00Z',
      onProgress: (written) => {
        if (written === 1_000 || written === COUNT) samples.set(written, { heap: liveHeap(), bytes });
      },
    });
    assert.equal(summary.activities, COUNT);
    const first = samples.get(1_000)!;
    const last = samples.get(COUNT)!;
    const output = last.bytes - first.bytes;
    const growth = last.heap - first.heap;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    ctx.diagnostic(`heap after 1 000: ${mb(first.heap)}; after ${COUNT}: ${mb(last.heap)}; growth ${mb(growth)} while ${mb(output)} were written`);
    assert.ok(output > 20 * 1024 * 1024, `the 4 000 activities in between are real output (${mb(output)})`);
    // Holding the output, or the activities, would grow the heap by at least the output's size.
    assert.ok(growth < output / 20, `heap grew ${mb(growth)} for ${mb(output)} of output`);
  });
});
