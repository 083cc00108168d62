/**
 * The progress bar of `samverka import FILE.xml`: the line itself in both languages, and the real
 * command on a terminal (util-linux `script` gives it one), without a terminal and with
 * --no-progress.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { progressLine, redraw } from '../src/cli/progress.ts';
import { runCli } from './support/cli.ts';
import { freshDatabase, type TestDatabase } from './support/databases.ts';

const BIN = fileURLToPath(new URL('../bin/samverka.js', import.meta.url));
const CLEAR_TO_END = '\x1b[K';

describe('the progress line', () => {
  it('shows the share of the file as a bar and a percentage, what was read, the activities and their rate', () => {
    const line = progressLine({ bytes: 16_600_000, totalBytes: 39_500_000, activities: 2315, seconds: 1.25 }, 'en');
    assert.equal(line, '[██████████░░░░░░░░░░░░░░]   42 %  16.6 of 39.5 MB  2,315 activities  1,852 activities/s  about 2 s left');
  });

  it('says the same in Swedish, with Swedish numbers', () => {
    const line = progressLine({ bytes: 16_600_000, totalBytes: 39_500_000, activities: 2315, seconds: 1.25 }, 'sv');
    assert.equal(line, '[██████████░░░░░░░░░░░░░░]   42 %  16,6 av 39,5 MB  2\u00a0315 aktiviteter  1\u00a0852 aktiviteter/s  cirka 2 s kvar');
  });

  it('gives the time left in minutes from two minutes on, and none before there is a rate or after the end', () => {
    assert.match(progressLine({ bytes: 1e6, totalBytes: 60e6, activities: 100, seconds: 5 }, 'en'), /about 5 min left$/);
    assert.match(progressLine({ bytes: 1e6, totalBytes: 60e6, activities: 100, seconds: 5 }, 'sv'), /cirka 5 min kvar$/);
    assert.doesNotMatch(progressLine({ bytes: 1e6, totalBytes: 60e6, activities: 100, seconds: 0.4 }, 'en'), /left/);
    const done = progressLine({ bytes: 60e6, totalBytes: 60e6, activities: 9000, seconds: 4 }, 'en');
    assert.match(done, /^\[█{24}\] {2}100 % {2}60\.0 of 60\.0 MB {2}9,000 activities {2}2,250 activities\/s$/);
  });

  it('starts empty, keeps within the bar when more is read than the size said, and counts one activity as one', () => {
    assert.match(progressLine({ bytes: 0, totalBytes: 1000, activities: 0, seconds: 0 }, 'en'), /^\[░{24}\] {4}0 % {2}0\.0 of 0\.0 MB {2}0 activities$/);
    assert.match(progressLine({ bytes: 2000, totalBytes: 1000, activities: 1, seconds: 1 }, 'en'), /^\[█{24}\] {2}100 % .* 1 activity {2}1 activities\/s$/);
    assert.match(progressLine({ bytes: 10, totalBytes: 0, activities: 1, seconds: 1 }, 'sv'), /^\[░{24}\] {4}0 % .* 1 aktivitet {2}1 aktiviteter\/s$/);
  });

  it('is drawn over the line before it, whose rest is cleared, cut to fit the terminal so that it never wraps', () => {
    assert.equal(redraw('abc'), `\rabc${CLEAR_TO_END}`);
    assert.equal(redraw('abc', 4), `\rabc${CLEAR_TO_END}`);
    assert.equal(redraw('abcdef', 4), `\rab…${CLEAR_TO_END}`);
    const line = progressLine({ bytes: 16_600_000, totalBytes: 39_500_000, activities: 2315, seconds: 1.25 }, 'en');
    assert.equal(redraw(line, 80).length, 1 + 79 + CLEAR_TO_END.length);
  });
});

/** The command with a terminal for its output: everything it printed, as the terminal got it. */
function onTerminal(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', quoted, '/dev/null'], {
    env: { ...process.env, LANG: 'en_GB.UTF-8', SAMVERKA_LANG: '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { output += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { output += d; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('samverka import on a terminal', () => {
  let source: TestDatabase;
  let file: string;
  before(async () => {
    source = await freshDatabase('sqlite');
    assert.equal((await runCli(['seed'], { DATABASE_URL: source.url })).code, 0);
    file = join(mkdtempSync(join(tmpdir(), 'samverka-progress-')), 'seed.xml');
    assert.equal((await runCli(['export', '--format', 'iati', '--out', file], { DATABASE_URL: source.url })).code, 0);
  });
  after(() => source?.close());

  it('draws the bar in place while it imports, ending at the whole file, in the user\'s language', async () => {
    const target = await freshDatabase('sqlite');
    try {
      const en = await onTerminal(['import', file, '--dry-run'], { DATABASE_URL: target.url });
      assert.equal(en.code, 0, en.output);
      // Each drawing: back to the start of the line, the line, the rest of it cleared (ESC [ K).
      const drawings = (output: string) => output.split('\r').filter((part) => part.startsWith('[')).map((part) => {
        const end = part.indexOf(CLEAR_TO_END);
        assert.ok(end > 0, `a drawing ends by clearing the rest of the line: ${JSON.stringify(part)}`);
        return part.slice(0, end);
      });
      const drawn = drawings(en.output);
      assert.ok(drawn.length >= 2, `the bar is drawn after the batch and at the end: ${JSON.stringify(en.output)}`);
      assert.match(drawn.at(-1)!, /^\[█{24}\] {2}100 % {2}[\d.]+ of [\d.]+ MB {2}19 activities {2}[\d,]+ activities\/s$/);
      assert.match(en.output, /Dry run: nothing was written/);
      const sv = await onTerminal(['import', file, '--dry-run'], { DATABASE_URL: target.url, SAMVERKA_LANG: 'sv' });
      assert.match(drawings(sv.output).at(-1)!, /^\[█{24}\] {2}100 % {2}[\d,]+ av [\d,]+ MB {2}19 aktiviteter {2}[\d\u00a0]+ aktiviteter\/s$/);
    } finally {
      await target.close();
    }
  });

  it('draws no bar with --no-progress, nor when its output is not a terminal', async () => {
    const target = await freshDatabase('sqlite');
    try {
      const quiet = await onTerminal(['import', file, '--dry-run', '--no-progress'], { DATABASE_URL: target.url });
      assert.equal(quiet.code, 0, quiet.output);
      assert.match(quiet.output, /Activities: 19 created/);
      assert.doesNotMatch(quiet.output, /activities\/s|\u2588/);
      const piped = await runCli(['import', file, '--dry-run'], { DATABASE_URL: target.url });
      assert.equal(piped.code, 0, piped.stderr);
      assert.doesNotMatch(piped.stdout + piped.stderr, /activities\/s|\u2588/);
    } finally {
      await target.close();
    }
  });
});
