/**
 * One measurement of the IATI benchmark, run in a process of its own so that its peak memory
 * (maxRSS) is its own. Prints one line of JSON on standard output.
 *
 *   node --import tsx bench/iati.child.ts parse FILE
 *   node --import tsx bench/iati.child.ts import FILE DATABASE_URL
 *   node --import tsx bench/iati.child.ts export DATABASE_URL
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { writeIatiFile } from '../src/iati/iati.export.ts';
import { importIatiFile } from '../src/iati/import/iati.import.ts';
import { GENERATED_AT } from './iati.file.ts';

export interface ChildResult {
  seconds: number;
  bytes: number;
  activities: number;
  /** Peak resident set size of this process, in bytes. */
  maxRss: number;
  outcomes?: Record<string, number>;
  errors?: number;
  warnings?: number;
  critical?: string;
  /** SHA-256 of what the export wrote. */
  sha256?: string;
}

function finish(result: Omit<ChildResult, 'maxRss'>): void {
  const out: ChildResult = { ...result, maxRss: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** saxes alone, as the import reader configures it: decoding and parsing, counting activities. */
async function parse(file: string): Promise<void> {
  const started = performance.now();
  const parser = new SaxesParser({ xmlns: false, position: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let activities = 0;
  let bytes = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'iati-activity') activities += 1;
  });
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    bytes += chunk.byteLength;
    parser.write(decoder.decode(chunk, { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
  finish({ seconds: (performance.now() - started) / 1000, bytes, activities });
}

/** The whole import (reading, mapping, validation, upsert, search index, planner statistics), into a migrated empty database. */
async function runImport(file: string, url: string): Promise<void> {
  const db = await openDatabase(url);
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const report = await importIatiFile(db, createReadStream(file), { maxBytes: Number.MAX_SAFE_INTEGER, sizeHint: statSync(file).size });
    const seconds = (performance.now() - started) / 1000;
    finish({
      seconds, bytes: report.summary.bytes, activities: report.activities.length, outcomes: report.summary.activities,
      errors: report.summary.errors, warnings: report.summary.warnings, ...(report.critical ? { critical: `${report.critical.code}: ${report.critical.message.en}` } : {}),
    });
  } finally {
    await db.destroy();
  }
}

/** The streaming export of everything imported, to a sink that only counts and hashes. */
async function runExport(url: string): Promise<void> {
  const db = await openDatabase(url);
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.byteLength;
        hash.update(chunk);
        done();
      },
    });
    const started = performance.now();
    const summary = await writeIatiFile(db, sink, { now: GENERATED_AT });
    finish({ seconds: (performance.now() - started) / 1000, bytes, activities: summary.activities, sha256: hash.digest('hex') });
  } finally {
    await db.destroy();
  }
}

const [mode, a, b] = process.argv.slice(2);
const run = mode === 'parse' && a ? parse(a)
  : mode === 'import' && a && b ? runImport(a, b)
    : mode === 'export' && a ? runExport(a)
      : Promise.reject(new Error('usage: iati.child.ts parse FILE | import FILE DATABASE_URL | export DATABASE_URL'));
run.then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
