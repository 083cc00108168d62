/**
 * The `samverka` command: parses arguments and calls the same functions the server uses.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkPortfolio, type Finding } from '../check/check.ts';
import { reportedElsewhere } from '../iati/iati.rules.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { isDatabaseBusy } from '../db/busy.ts';
import type { Db } from '../db/database.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { portfolioCsv } from '../exchange/csv.ts';
import { exportPortfolio, importPortfolio, parsePortfolioJson, type ImportSummary } from '../exchange/portfolio.ts';
import { resolveReportingOrg, writeIatiFile } from '../iati/iati.export.ts';
import { describeImportProblem, importIatiFile, type IatiImportReport } from '../iati/import/iati.import.ts';
import { seedDatabase } from '../seed/load-seed.ts';
import { AppError, ConfigError, DatabaseBusyError, describeProblem } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { isRealDay } from '../shared/schema-helpers.ts';
import { EXIT } from './exit-codes.ts';
import { registerAccountCommands } from './accounts.commands.ts';
import { progressLine, redraw } from './progress.ts';

const userLang: Lang = (process.env.SAMVERKA_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '').startsWith('sv') ? 'sv' : 'en';

function say(message: { sv: string; en: string }): string {
  return message[userLang];
}

/** Runs a command body against an open database and closes it whatever happens. */
async function withDatabase<T>(program: Command, body: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const url = (program.opts() as { database?: string }).database ?? config.DATABASE_URL;
  const db = await openDatabase(url);
  try {
    return await body(db);
  } finally {
    await db.destroy();
  }
}

function unreadable(file: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('unreadable-file', { sv: `Kan inte läsa filen ${file}: ${reason}`, en: `Cannot read the file ${file}: ${reason}` });
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** JSON or XML: by the file name, else by the first character that is not white space. */
async function sniffFormat(file: string): Promise<'json' | 'xml'> {
  if (/\.xml$/i.test(file)) return 'xml';
  if (/\.json$/i.test(file)) return 'json';
  let handle;
  try {
    handle = await open(file, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('<') ? 'xml' : 'json';
  } catch (error) {
    throw unreadable(file, error);
  } finally {
    await handle?.close();
  }
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(say({ sv: 'Ange ett portnummer 0–65535.', en: 'Give a port number 0–65535.' }));
  return n;
}

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDay(value)) throw new InvalidArgumentError(say({ sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Give a date as YYYY-MM-DD.' }));
  return value;
}

/** Why the server could not listen, as one line a user can act on; other errors as they are. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const at = `${host}:${port}`;
  if (code === 'EADDRINUSE') {
    return new ConfigError({
      sv: `Port ${port} på ${host} används redan av ett annat program. Stoppa det eller välj en annan port med --port eller PORT.`,
      en: `Port ${port} on ${host} is already in use by another program. Stop it, or choose another port with --port or PORT.`,
    });
  }
  if (code === 'EACCES') {
    const low = port > 0 && port < 1024;
    return new ConfigError({
      sv: `Servern har inte behörighet att lyssna på ${at}${low ? ' (portar under 1024 kräver särskild behörighet)' : ''}. Välj en annan port med --port eller PORT.`,
      en: `The server has no permission to listen on ${at}${low ? ' (ports below 1024 need special privileges)' : ''}. Choose another port with --port or PORT.`,
    });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new ConfigError({
      sv: `Adressen ${host} finns inte på den här datorn. Välj en annan med --host eller HOST.`,
      en: `The address ${host} is not on this machine. Choose another with --host or HOST.`,
    });
  }
  return error;
}

function summaryLine(summary: ImportSummary): string {
  const part = (name: { sv: string; en: string }, c: ImportSummary['activities']) =>
    userLang === 'sv'
      ? `${name.sv}: ${c.created} nya, ${c.updated} ändrade, ${c.unchanged} oförändrade`
      : `${name.en}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  return [
    part({ sv: 'Källor', en: 'Sources' }, summary.sources),
    part({ sv: 'Organisationer', en: 'Organisations' }, summary.organisations),
    part({ sv: 'Aktiviteter', en: 'Activities' }, summary.activities),
  ].join('\n');
}

/** "1 activity", "118 activities", in the user's language. */
const activityCount = (n: number) => say(n === 1 ? { sv: '1 aktivitet', en: '1 activity' } : { sv: `${n} aktiviteter`, en: `${n} activities` });

/** What the imported activities have that the registry has no field for: a heading and one line per kind. */
function notImportedLines(list: IatiImportReport['summary']['notImported']): string {
  return [
    say({ sv: 'Inte importerat (registret har inget fält för det):', en: 'Not imported (the registry has no field for it):' }),
    ...list.map(({ what, activities }) => `  ${what}: ${activityCount(activities)}`),
  ].join('\n');
}

/** The organisations that report imported activities to IATI themselves: a heading and one line each. */
function reportedElsewhereLines(list: IatiImportReport['summary']['reportedElsewhere']): string {
  return [
    say({ sv: 'Rapporteras till IATI av en annan organisation (vår IATI-fil tar inte med dem):', en: 'Reported to IATI by another organisation (our IATI file leaves them out):' }),
    ...list.map(({ organisation, activities }) => `  ${organisation}: ${activityCount(activities)}`),
  ].join('\n');
}

function printFindings(findings: Finding[], lang: Lang): string {
  if (findings.length === 0) return lang === 'sv' ? 'Inga fynd.' : 'No findings.';
  const lines: string[] = [];
  let current = '';
  for (const f of findings) {
    if (f.activity !== current) {
      current = f.activity;
      lines.push('', current);
    }
    const severity = f.severity === 'error' ? (lang === 'sv' ? 'fel' : 'error') : (lang === 'sv' ? 'varning' : 'warning');
    lines.push(`  ${severity.padEnd(8)} ${f.code.padEnd(26)} ${f.message[lang]}`);
    if (f.quote) lines.push(`  ${' '.repeat(36)}“${f.quote}”`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push('', lang === 'sv'
    ? `${findings.length} fynd (${errors} fel, ${findings.length - errors} varningar).`
    : `${findings.length} findings (${errors} errors, ${findings.length - errors} warnings).`);
  return lines.join('\n').trimStart();
}

export function buildProgram(): Command {
  const program = new Command('samverka')
    .description('Samverka: the portfolio of international development cooperation — registry, portal and open data.')
    .option('--database <url>', 'database to use (overrides DATABASE_URL): a SQLite file path, sqlite:FILE or postgres://…')
    .showHelpAfterError()
    .exitOverride();

  program.command('migrate')
    .description('bring the database schema up to date (or undo the latest migration with --down)')
    .option('--down', 'undo the latest migration')
    .action(async (opts: { down?: boolean }) => {
      await withDatabase(program, async (db) => {
        const names = opts.down ? await migrateDown(db) : await migrateToLatest(db);
        console.log(names.length ? names.join('\n') : say({ sv: 'Databasen är redan aktuell.', en: 'The database is up to date.' }));
      });
    });

  program.command('seed')
    .description('load the seed portfolio (the 19 activities of the original web page); running it twice changes nothing')
    .action(async () => {
      await withDatabase(program, async (db) => {
        await migrateToLatest(db);
        console.log(summaryLine(await seedDatabase(db)));
      });
    });

  program.command('serve')
    .description('start the HTTP server (health check and JSON API)')
    .option('--port <port>', 'port to listen on (default PORT or 3000)', port)
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .option('--init', 'migrate, and load the seed portfolio into an empty database, before serving')
    .action(async (opts: { port?: number; host?: string; init?: boolean }) => {
      // Loaded here, not at the top: the server (Fastify, the portal, the map) is most of what the
      // command would load, and no other command needs it, so they start with about a third less CPU.
      // It is loaded before the database is opened, so a server that fails to load leaves nothing open.
      const { buildServer } = await import('../server/server.ts');
      const config = loadConfig();
      const url = (program.opts() as { database?: string }).database ?? config.DATABASE_URL;
      const db = await openDatabase(url);
      if (opts.init) {
        await migrateToLatest(db);
        const count = await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(count.n) === 0) console.log(summaryLine(await seedDatabase(db)));
      }
      const app = await buildServer(db, {
        logLevel: config.LOG_LEVEL, publicOrigin: config.PUBLIC_ORIGIN, reportingOrg: config.IATI_REPORTING_ORG,
        ...(config.TRUST_PROXY !== undefined ? { trustProxy: config.TRUST_PROXY } : {}),
        auth: {
          session: { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS },
          signInLimit: { maxFailures: config.SIGN_IN_MAX_FAILURES, windowMinutes: config.SIGN_IN_WINDOW_MINUTES },
        },
      });
      const close = async () => {
        await app.close();
        await db.destroy();
        process.exit(EXIT.ok);
      };
      const port = opts.port ?? config.PORT;
      const host = opts.host ?? config.HOST;
      try {
        await app.listen({ port, host });
      } catch (error) {
        await app.close();
        await db.destroy();
        throw listenError(error, host, port);
      }
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
    });

  program.command('export')
    .description('write the portfolio as JSON (complete, see docs/data-format.md), CSV (one row per activity) or IATI 2.03 XML (published activities, see docs/iati.md)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'iati']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--published', 'only published activities (what the public sees)')
    .addOption(new Option('--lang <lang>', 'CSV: language of headers and labels').choices(['sv', 'en']).default('sv'))
    .addOption(new Option('--delimiter <delimiter>', 'CSV: comma (RFC 4180) or semicolon (Excel with Swedish settings)').choices(['comma', 'semicolon']).default('comma'))
    .action(async (opts: { format: 'json' | 'csv' | 'iati'; out?: string; published?: boolean; lang: Lang; delimiter: 'comma' | 'semicolon' }) => {
      if (opts.format === 'iati') {
        // Streamed: the file is never held in memory. IATI is public data, so always published only.
        await withDatabase(program, async (db) => {
          const reportingOrg = await resolveReportingOrg(db, loadConfig().IATI_REPORTING_ORG);
          const summary = await writeIatiFile(db, opts.out ? createWriteStream(opts.out) : process.stdout, { reportingOrg, end: opts.out !== undefined });
          for (const s of summary.skipped) console.error(say({ sv: `Utelämnad ur IATI-filen: ${s.slug} (${s.reason})`, en: `Left out of the IATI file: ${s.slug} (${s.reason})` }));
          for (const r of summary.reportedElsewhere) {
            console.error(`${say({
              sv: `Utelämnade ur IATI-filen, eftersom ${r.organisation} rapporterar dem själv`, en: `Left out of the IATI file, as ${r.organisation} reports them itself`,
            })}: ${activityCount(r.activities)}`);
          }
        });
        return;
      }
      const text = await withDatabase(program, async (db) => {
        const portfolio = await exportPortfolio(db, { publishedOnly: opts.published ?? false });
        return opts.format === 'json'
          ? `${JSON.stringify(portfolio, null, 2)}\n`
          : portfolioCsv(portfolio.activities, portfolio.organisations, { lang: opts.lang, delimiter: opts.delimiter === 'semicolon' ? ';' : ',' });
      });
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    });

  program.command('import')
    .description('import a JSON portfolio (the format `export --format json` writes) or an IATI 2.01–2.03 activities file (any publisher, streamed): upsert, all in one transaction')
    .argument('<file>', 'the file to import: .json or .xml (otherwise recognised by its first character)')
    .option('--dry-run', 'validate and report what would change, but write nothing')
    .option('--strict', 'IATI: exit with code 1 when any activity had an error and was skipped')
    .option('--no-progress', 'IATI: no progress bar (it is shown only when standard error is a terminal)')
    .action(async (file: string, opts: { dryRun?: boolean; strict?: boolean; progress: boolean }) => {
      if (await sniffFormat(file) === 'json') {
        const portfolio = parsePortfolioJson(await readText(file));
        await withDatabase(program, async (db) => {
          await migrateToLatest(db);
          const summary = await importPortfolio(db, portfolio, { dryRun: opts.dryRun ?? false, fileName: basename(file) });
          if (opts.dryRun) console.log(say({ sv: 'Provkörning: inget skrevs.', en: 'Dry run: nothing was written.' }));
          console.log(summaryLine(summary));
        });
        return;
      }
      await withDatabase(program, async (db) => {
        await migrateToLatest(db);
        const started = performance.now();
        const totalBytes = statSync(file).size;
        const bar = opts.progress && process.stderr.isTTY;
        const report = await importIatiFile(db, createReadStream(file), {
          dryRun: opts.dryRun ?? false,
          fileName: basename(file),
          reportingOrg: loadConfig().IATI_REPORTING_ORG,
          sizeHint: totalBytes,
          ...(bar ? {
            onProgress: ({ activities, bytes }: { activities: number; bytes: number }) => {
              const seconds = (performance.now() - started) / 1000;
              process.stderr.write(redraw(progressLine({ bytes, totalBytes, activities, seconds }, userLang), process.stderr.columns));
            },
          } : {}),
        });
        if (bar) process.stderr.write('\n');
        if (report.critical) {
          throw new AppError('iati-critical', {
            sv: `${describeImportProblem(report.critical, 'sv')} Inget har sparats.`,
            en: `${describeImportProblem(report.critical, 'en')} Nothing was written.`,
          });
        }
        for (const a of report.activities) {
          for (const p of a.problems) console.log(`${p.severity === 'error' ? say({ sv: 'fel', en: 'error' }) : say({ sv: 'varning', en: 'warning' })} ${a.identifier}: ${describeImportProblem(p, userLang)}`);
        }
        const s = report.summary;
        if (s.notImported.length) console.log(notImportedLines(s.notImported));
        if (s.reportedElsewhere.length) console.log(reportedElsewhereLines(s.reportedElsewhere));
        if (opts.dryRun) console.log(say({ sv: 'Provkörning: inget skrevs.', en: 'Dry run: nothing was written.' }));
        console.log(say({
          sv: `Aktiviteter: ${s.activities.created} nya, ${s.activities.updated} ändrade, ${s.activities.unchanged} oförändrade, ${s.activities.skipped} överhoppade; organisationer: ${s.organisations.created} nya; ${s.errors} fel, ${s.warnings} varningar.`,
          en: `Activities: ${s.activities.created} created, ${s.activities.updated} updated, ${s.activities.unchanged} unchanged, ${s.activities.skipped} skipped; organisations: ${s.organisations.created} created; ${s.errors} errors, ${s.warnings} warnings.`,
        }));
        if (opts.strict && s.errors > 0) process.exitCode = EXIT.findings;
      });
    });

  program.command('check')
    .description('data-quality report: missing names or languages, stale future tense, status against dates, end before start, organisations without a role, key figures without a date, and the IATI rules (iati-*)')
    .option('--strict', 'exit with code 1 when anything is found')
    .option('--json', 'print the findings as JSON')
    .option('--all', 'also the activities another organisation reports to IATI (imported from its file), which are left out by default')
    .option('--today <date>', 'check as of this day (YYYY-MM-DD) instead of today', day)
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['sv', 'en']))
    .action(async (opts: { strict?: boolean; json?: boolean; all?: boolean; today?: string; lang?: Lang }) => {
      const today = opts.today ?? new Date().toISOString().slice(0, 10);
      const { findings, notShown } = await withDatabase(program, async (db) => {
        const portfolio = await exportPortfolio(db);
        const reportingOrg = await resolveReportingOrg(db, loadConfig().IATI_REPORTING_ORG);
        const organisations = new Map(portfolio.organisations.map((o) => [o.slug, o]));
        // Soft-deleted records are out of the portfolio until an admin brings them back.
        const activities = portfolio.activities.filter((a) => a.publication !== 'deleted');
        const all = checkPortfolio(activities, { today }, { reportingOrg, organisations });
        if (opts.all) return { findings: all, notShown: undefined };
        // Another publisher's data is fixed in its own file: a fix here would be undone by the next import.
        const theirs = new Set(activities.filter((a) => reportedElsewhere(a, reportingOrg.ref, organisations)).map((a) => a.slug));
        const left = all.filter((f) => theirs.has(f.activity));
        return { findings: all.filter((f) => !theirs.has(f.activity)), notShown: { findings: left.length, activities: new Set(left.map((f) => f.activity)).size } };
      });
      const lang = opts.lang ?? userLang;
      if (opts.json) {
        console.log(JSON.stringify({ today, findings, ...(notShown ? { notShown } : {}) }, null, 2));
      } else {
        console.log(printFindings(findings, lang));
        if (notShown?.findings) {
          const { findings: n, activities: m } = notShown;
          console.log(lang === 'sv'
            ? `${n} fynd på ${m} ${m === 1 ? 'aktivitet' : 'aktiviteter'} som andra organisationer rapporterar till IATI visas inte (--all visar dem).`
            : `${n} ${n === 1 ? 'finding' : 'findings'} on ${m} ${m === 1 ? 'activity' : 'activities'} that other organisations report to IATI ${n === 1 ? 'is' : 'are'} not shown (--all shows them).`);
        }
      }
      if (opts.strict && findings.length > 0) process.exitCode = EXIT.findings;
    });

  // Accounts migrate first, so the first admin can be added to a new database.
  registerAccountCommands(program, { lang: userLang, withDatabase: (body) => withDatabase(program, async (db) => { await migrateToLatest(db); return body(db); }) });

  return program;
}

/** Runs the CLI and returns the exit code; errors become one clear line. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isDatabaseBusy(error)) {
      console.error(`samverka: ${say(new DatabaseBusyError().messages)}`);
      return EXIT.busy;
    }
    if (error instanceof ConfigError || (error instanceof AppError && error.status >= 500)) {
      console.error(`samverka: ${say(error.messages)}`);
      return EXIT.config;
    }
    if (error instanceof AppError) {
      console.error(`samverka: ${say(error.messages)}`);
      for (const problem of error.problems) console.error(`  ${describeProblem(problem, userLang)}`);
      return EXIT.invalidInput;
    }
    console.error(error);
    return EXIT.internal;
  }
}
