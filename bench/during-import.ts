/**
 * `npm run bench:during-import [-- --postgres] [-- --large]`: how the public side answers while an
 * IATI import runs in the same server, as the upload form runs it. The bench's small IATI file
 * (bench/iati.file.ts; the large one with --large) is imported into a fresh database while one
 * client asks for an uncached portal page and the read API, one pair after another. The same pairs
 * are timed first, with no import and an empty database (the reference), and last, with everything
 * imported. Prints medians and maxima, and the ratio of each to the reference median. Figures on
 * this machine are in bench/README.md.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importIatiFile } from '../src/iati/import/iati.import.ts';
import { buildServer } from '../src/server/server.ts';
import { withFreshDatabase } from './iati.bench.ts';
import { iatiBenchFile, LARGE_IATI_ACTIVITIES, SMALL_IATI_ACTIVITIES } from './iati.file.ts';

const { values } = parseArgs({ options: { postgres: { type: 'boolean', default: false }, large: { type: 'boolean', default: false } } });

interface Timings { pairs: number; median: number; max: number }

async function main(): Promise<void> {
  const { file, bytes, activities } = await iatiBenchFile(values.large ? LARGE_IATI_ACTIVITIES : SMALL_IATI_ACTIVITIES, (m) => console.log(m));
  await withFreshDatabase(values.postgres ? 'postgres' : 'sqlite', async (url) => {
    const db = await openDatabase(url);
    try {
      await migrateToLatest(db);
      // No page cache: every portal page is read from the database, as for a page not yet cached.
      const app = await buildServer(db, { logLevel: 'silent', pageCacheBytes: 0 });
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const probe = async (more: () => boolean): Promise<Timings> => {
        const times: number[] = [];
        while (more()) {
          const started = performance.now();
          for (const path of ['/en/', '/api/activities']) {
            const answer = await fetch(`${base}${path}`);
            if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
            await answer.arrayBuffer();
          }
          times.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        times.sort((a, b) => a - b);
        return { pairs: times.length, median: times[Math.floor(times.length / 2)] ?? NaN, max: times.at(-1) ?? NaN };
      };
      let asked = 0;
      const idle = await probe(() => asked++ < 50);
      let done = false;
      const started = performance.now();
      const importing = importIatiFile(db, createReadStream(file), { maxBytes: Number.MAX_SAFE_INTEGER }).finally(() => { done = true; });
      const during = await probe(() => !done);
      const report = await importing;
      const seconds = (performance.now() - started) / 1000;
      asked = 0;
      const afterwards = await probe(() => asked++ < 50);
      await app.close();
      const ms = (t: number) => `${t.toFixed(0)} ms`;
      const x = (t: number) => `${(t / idle.median).toFixed(1)}×`;
      console.log(`\n${values.postgres ? 'PostgreSQL' : 'SQLite'}: import of ${(bytes / 1e6).toFixed(0)} MB, ${activities} activities (${report.summary.activities.created} created) in ${seconds.toFixed(1)} s`);
      console.log(`portal page + API list, no import: ${idle.pairs} pairs, median ${ms(idle.median)} (reference), max ${ms(idle.max)} (${x(idle.max)})`);
      console.log(`the same during the import:        ${during.pairs} pairs, median ${ms(during.median)} (${x(during.median)}), max ${ms(during.max)} (${x(during.max)})`);
      console.log(`the same after it, all imported:   ${afterwards.pairs} pairs, median ${ms(afterwards.median)} (${x(afterwards.median)}), max ${ms(afterwards.max)} (${x(afterwards.max)})`);
    } finally {
      await db.destroy();
    }
  });
}

await main();
