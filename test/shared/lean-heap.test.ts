/**
 * The lean heap (src/shared/lean-heap.ts): it takes effect (the same churn in two fresh processes,
 * with and without it, compared by the largest heap V8 held: a memory bound, never a time), it
 * lasts as long as the last of overlapping jobs, and the IATI import and export run with it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { writeIatiFile } from '../../src/iati/iati.export.ts';
import { importIatiFile } from '../../src/iati/import/iati.import.ts';
import { heapGrowingGiven, leanHeapJobs, withLeanHeap } from '../../src/shared/lean-heap.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

const CHURN = fileURLToPath(new URL('../support/heap-churn.ts', import.meta.url));

function peakHeap(mode: 'lean' | 'default'): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', CHURN, mode], (error, stdout) => {
      if (error) reject(error);
      else resolve((JSON.parse(stdout) as { peak: number }).peak);
    });
  });
}

describe('lean heap', () => {
  it('holds a streaming job\'s heap well below what V8 lets it grow to by its own heuristic', { timeout: 120_000 }, async () => {
    const lean = await peakHeap('lean');
    const own = await peakHeap('default');
    // About 125 MB against 245 MB here; 0.75 leaves room for V8's timing of its collections.
    assert.ok(lean < own * 0.75, `peak heap ${(lean / 1e6).toFixed(0)} MB with the lean heap, ${(own / 1e6).toFixed(0)} MB without`);
  });

  it('keeps a heap growing factor the process was started with', () => {
    assert.equal(heapGrowingGiven([], ''), false);
    assert.equal(heapGrowingGiven(['--import', 'tsx'], '--max-old-space-size=4096'), false);
    assert.equal(heapGrowingGiven(['--heap-growing-percent=20'], ''), true);
    assert.equal(heapGrowingGiven([], '--trace-gc  --heap_growing_percent=30'), true);
    assert.equal(heapGrowingGiven(['--heap-growing-percentage=5'], ''), false);
  });

  it('lasts until the last of overlapping jobs ends, also when a job fails', async () => {
    assert.equal(leanHeapJobs(), 0);
    let releaseFirst!: () => void;
    const first = withLeanHeap(() => new Promise<void>((resolve) => { releaseFirst = resolve; }));
    assert.equal(leanHeapJobs(), 1);
    await assert.rejects(withLeanHeap(async () => {
      assert.equal(leanHeapJobs(), 2);
      throw new Error('job failed');
    }), /job failed/);
    assert.equal(leanHeapJobs(), 1);
    releaseFirst();
    await first;
    assert.equal(leanHeapJobs(), 0);
  });

  describe('the IATI import and export (sqlite)', () => {
    let t: TestDatabase;
    before(async () => { t = await freshDatabase('sqlite'); });
    after(() => t?.close());

    it('runs with the lean heap, and restores V8\'s own heuristic after it', async () => {
      const file = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03"><iati-activity xml:lang="en"><iati-identifier>XM-LEAN-1</iati-identifier>
<reporting-org ref="SE-ON-2021002163" type="10"><narrative>Migrationsverket</narrative></reporting-org><title><narrative>Lean heap</narrative></title>
<activity-status code="2"/><activity-date type="2" iso-date="2020-01-01"/></iati-activity></iati-activities>`;
      const seen: number[] = [];
      const report = await importIatiFile(t.db, Readable.from([file]), { onProgress: () => { seen.push(leanHeapJobs()); } });
      assert.equal(report.summary.activities.created, 1);
      assert.ok(seen.length > 0 && seen.every((n) => n === 1), `lean heap jobs seen during the import: ${seen.join(', ')}`);
      assert.equal(leanHeapJobs(), 0);
    });

    it('exports with the lean heap, and restores V8\'s own heuristic after it', async () => {
      const seen: number[] = [];
      const sink = new Writable({ write(_chunk, _encoding, done) { seen.push(leanHeapJobs()); done(); } });
      const summary = await writeIatiFile(t.db, sink);
      assert.equal(summary.activities, 1);
      assert.ok(seen.length > 0 && seen.every((n) => n === 1), `lean heap jobs seen during the export: ${seen.join(', ')}`);
      assert.equal(leanHeapJobs(), 0);
    });
  });
});
