/**
 * `npm run bench:during-import [-- --postgres] [-- --large]`: how the server answers while an IATI
 * import runs in it, as the upload form runs it. The bench's small IATI file (bench/iati.file.ts;
 * the large one with --large) is imported into a fresh database while one client asks for an
 * uncached portal page and the read API, one pair after another, and another client, signed in
 * as a reviewer, asks for two staff pages (the activity and organisation lists), one pair after
 * another. The same pairs are timed first, with no import and an empty database (the reference),
 * and last, with everything imported. Prints medians and maxima, and the ratio of each to its
 * reference median. Figures on this machine are in bench/README.md.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { SESSION_COOKIE, createSession } from '../src/accounts/session.ts';
import { addUser } from '../src/accounts/user.repository.ts';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importIatiFile } from '../src/iati/import/iati.import.ts';
import { buildServer } from '../src/server/server.ts';
import { withFreshDatabase } from './iati.bench.ts';
import { iatiBenchFile, LARGE_IATI_ACTIVITIES, SMALL_IATI_ACTIVITIES } from './iati.file.ts';

const { values } = parseArgs({ options: { postgres: { type: 'boolean', default: false }, large: { type: 'boolean', default: false } } });

interface Timings { pairs: number; median: number; max: number }

const PUBLIC_PAIR = ['/en/', '/api/activities'];
const STAFF_PAIR = ['/en/edit/activities', '/en/edit/organisations'];

async function main(): Promise<void> {
  const { file, bytes, activities } = await iatiBenchFile(values.large ? LARGE_IATI_ACTIVITIES : SMALL_IATI_ACTIVITIES, (m) => console.log(m));
  await withFreshDatabase(values.postgres ? 'postgres' : 'sqlite', async (url) => {
    const db = await openDatabase(url);
    try {
      await migrateToLatest(db);
      // No page cache: every portal page is read from the database, as for a page not yet cached.
      const app = await buildServer(db, { logLevel: 'silent', pageCacheBytes: 0 });
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const reviewer = await addUser(db, { email: 'bench-reviewer@example.se', name: 'Bench reviewer', role: 'reviewer', password: 'bench password for the reviewer' },
        { actorUserId: null, ip: null, now: new Date() });
      const session = await createSession(db, reviewer.id, { idleMinutes: 60, maxHours: 12 }, { now: new Date(), ip: null, userAgent: null });
      const signedIn = { cookie: `${SESSION_COOKIE}=${session.cookieValue}` };
      const probe = async (paths: string[], more: () => boolean, headers: Record<string, string> = {}): Promise<Timings> => {
        const times: number[] = [];
        while (more()) {
          const started = performance.now();
          for (const path of paths) {
            const answer = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
            if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
            await answer.arrayBuffer();
          }
          times.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        times.sort((a, b) => a - b);
        return { pairs: times.length, median: times[Math.floor(times.length / 2)] ?? NaN, max: times.at(-1) ?? NaN };
      };
      const fifty = () => { let asked = 0; return () => asked++ < 50; };
      const idle = await probe(PUBLIC_PAIR, fifty());
      const staffIdle = await probe(STAFF_PAIR, fifty(), signedIn);
      let done = false;
      const started = performance.now();
      const importing = importIatiFile(db, createReadStream(file), { maxBytes: Number.MAX_SAFE_INTEGER }).finally(() => { done = true; });
      const [during, staffDuring] = await Promise.all([probe(PUBLIC_PAIR, () => !done), probe(STAFF_PAIR, () => !done, signedIn)]);
      const report = await importing;
      const seconds = (performance.now() - started) / 1000;
      const afterwards = await probe(PUBLIC_PAIR, fifty());
      const staffAfterwards = await probe(STAFF_PAIR, fifty(), signedIn);
      await app.close();
      const ms = (t: number) => `${t.toFixed(0)} ms`;
      console.log(`\n${values.postgres ? 'PostgreSQL' : 'SQLite'}: import of ${(bytes / 1e6).toFixed(0)} MB, ${activities} activities (${report.summary.activities.created} created) in ${seconds.toFixed(1)} s`);
      const table = (what: string, reference: Timings, rows: [string, Timings][]) => {
        const x = (t: number) => `${(t / reference.median).toFixed(1)}×`;
        console.log(`${what}, no import: ${reference.pairs} pairs, median ${ms(reference.median)} (reference), max ${ms(reference.max)} (${x(reference.max)})`);
        for (const [when, t] of rows) console.log(`  ${when}: ${t.pairs} pairs, median ${ms(t.median)} (${x(t.median)}), max ${ms(t.max)} (${x(t.max)})`);
      };
      table(`portal page + API list (${PUBLIC_PAIR.join(', ')})`, idle, [['during the import', during], ['after it, all imported', afterwards]]);
      table(`staff pages, signed in (${STAFF_PAIR.join(', ')})`, staffIdle, [['during the import', staffDuring], ['after it, all imported', staffAfterwards]]);
    } finally {
      await db.destroy();
    }
  });
}

await main();
