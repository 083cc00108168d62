/**
 * An A/B comparison of the IATI import: the code of another commit (a git worktree of it) and the
 * working tree import the same bench file alternately, each run in a fresh database and a process
 * of its own, and the medians are compared. On a machine whose speed drifts by up to half within
 * the hour (bench/README.md), alternating is what makes a difference of a few per cent visible.
 *
 *   npm run bench:ab -- --base REV [--rounds N] [--large] [--postgres] [--worker]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { child, withFreshDatabase } from './iati.bench.ts';
import type { ChildResult } from './iati.child.ts';
import { iatiBenchFile, LARGE_IATI_ACTIVITIES, SMALL_IATI_ACTIVITIES } from './iati.file.ts';
import { table } from './report.ts';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

const USAGE = `npm run bench:ab -- --base REV [options]
  --base REV     the commit to compare the working tree with (required)
  --rounds N     runs of each side, alternating (default 3)
  --large        the large bench file (57 000 generated activities, about 400 MB) instead of the small one
  --postgres     import into PostgreSQL (a schema of its own per run) instead of SQLite
  --worker       map in a worker thread on both sides
  --help`;

interface Side {
  name: string;
  script: string;
  runs: ChildResult[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function importOnce(script: string, file: string, postgres: boolean, worker: boolean): Promise<ChildResult> {
  return withFreshDatabase(postgres ? 'postgres' : 'sqlite', (url) => child(['import', file, url, ...(worker ? ['worker'] : [])], script));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' }, rounds: { type: 'string', default: '3' }, large: { type: 'boolean', default: false },
      postgres: { type: 'boolean', default: false }, worker: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  if (values.help || !values.base || !Number.isInteger(rounds) || rounds < 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const commit = execFileSync('git', ['rev-parse', '--short', values.base], { cwd: ROOT, encoding: 'utf8' }).trim();
  const worktree = mkdtempSync(join(tmpdir(), 'samverka-ab-base-'));
  execFileSync('git', ['worktree', 'add', '--detach', worktree, commit], { cwd: ROOT, stdio: 'ignore' });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(worktree, 'node_modules'));
    const { file, activities, bytes } = await iatiBenchFile(values.large ? LARGE_IATI_ACTIVITIES : SMALL_IATI_ACTIVITIES, (m) => console.log(m));
    console.log(`A/B of the IATI import: ${commit} against the working tree, ${activities} activities (${(bytes / 1e6).toFixed(0)} MB), ` +
      `${values.postgres ? 'PostgreSQL' : 'SQLite'}${values.worker ? ', worker thread' : ''}, ${rounds} rounds`);
    const sides: Side[] = [
      { name: commit, script: join(worktree, 'bench', 'iati.child.ts'), runs: [] },
      { name: 'working tree', script: join(ROOT, 'bench', 'iati.child.ts'), runs: [] },
    ];
    for (let round = 1; round <= rounds; round += 1) {
      // Alternating which side goes first, so that neither always meets a warmer or cooler machine.
      for (const side of round % 2 ? sides : [...sides].reverse()) {
        const result = await importOnce(side.script, file, values.postgres, values.worker);
        side.runs.push(result);
        console.log(`  round ${round}, ${side.name}: ${result.seconds.toFixed(2)} s, main CPU ${result.cpu?.main.toFixed(2) ?? '–'} s, peak ${(result.maxRss / 2 ** 20).toFixed(0)} MiB`);
      }
    }
    const figures = (s: Side) => ({
      wall: median(s.runs.map((r) => r.seconds)),
      main: median(s.runs.map((r) => r.cpu?.main ?? 0)),
      all: median(s.runs.map((r) => (r.cpu ? r.cpu.main + r.cpu.busiest + r.cpu.rest : 0))),
      postgres: median(s.runs.map((r) => r.cpu?.postgres ?? 0)),
      rss: median(s.runs.map((r) => r.maxRss / 2 ** 20)),
    });
    const [a, b] = sides.map(figures) as [ReturnType<typeof figures>, ReturnType<typeof figures>];
    const row = (label: string, x: number, y: number, digits = 2) => [label, x.toFixed(digits), y.toFixed(digits), x ? `${(y / x).toFixed(3)}×` : '–'];
    console.log(`\nMedians of ${rounds} rounds (working tree / ${commit}):`);
    console.log(table(['figure', commit, 'working tree', 'ratio'], [
      row('wall s', a.wall, b.wall), row('main thread CPU s', a.main, b.main), row('all threads CPU s', a.all, b.all),
      row('PostgreSQL CPU s', a.postgres, b.postgres), row('peak RSS MiB', a.rss, b.rss, 0),
    ], [false, true, true, true]));
    return 0;
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
