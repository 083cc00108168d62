/**
 * `samverka import FILE.xml`: any publisher's IATI 2.01–2.03 activity file, streamed, upserted by
 * iati-identifier in ONE transaction. A critical problem anywhere (not XML, not IATI, a hostile
 * construct, a limit) rolls everything back; an error skips one activity; a warning is reported
 * with the activity it concerns. docs/iati.md describes the choices.
 */
import type { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import type { Activity } from '../../activities/activity.schema.ts';
import { readActivities } from '../../activities/activity.read.ts';
import { saveActivities } from '../../activities/activity.repository.ts';
import { DeferredWrites } from '../../db/bulk-insert.ts';
import { replaceRelations } from '../../activities/activity.write.ts';
import type { Db } from '../../db/database.ts';
import { dialectOf } from '../../db/dialect.ts';
import { refreshPlannerStatistics } from '../../db/maintenance.ts';
import { loadReferences, type References } from '../../db/references.ts';
import { readSources, saveSources } from '../../exchange/portfolio.ts';
import type { Organisation } from '../../organisations/organisation.schema.ts';
import { readOrganisations, saveOrganisations } from '../../organisations/organisation.repository.ts';
import type { Message } from '../../shared/i18n.ts';
import { withLeanHeap } from '../../shared/lean-heap.ts';
import { withoutMeta, type SaveOutcome } from '../../shared/records.ts';
import type { Actor } from '../../accounts/access.ts';
import { recordImportRevisions } from '../../editing/import-history.ts';
import { DEFAULT_REPORTING_ORG } from '../iati.mapping.ts';
import { mapBatches, type MappingOptions } from './iati.batches.ts';
import { importProblem, LabelTally, type ActivityOutcome, type ActivityReport, type ImportSnapshot, type MappedBatch } from './iati.mapper.ts';
import { IatiCriticalError, type CriticalProblem } from './iati.reader.ts';
import { storableIdentifier } from './iati.to-activity.ts';
import { ReportLedger } from './iati.report.ts';

export type { ImportProblem } from './iati.to-activity.ts';
export type { ActivityOutcome, ActivityReport } from './iati.mapper.ts';

export interface IatiImportReport {
  critical?: CriticalProblem;
  dryRun: boolean;
  activities: ActivityReport[];
  summary: {
    activities: Record<ActivityOutcome, number>;
    organisations: Record<SaveOutcome, number>;
    sources: Record<SaveOutcome, number>;
    errors: number;
    warnings: number;
    bytes: number;
    /**
     * What the imported activities have that the registry has no field for, so it was not
     * imported (an element such as `sector`, or a kind such as `transaction (type 5)`), each with
     * how many of them have it; most first. Empty for a file Samverka wrote.
     */
    notImported: { what: string; activities: number }[];
    /**
     * The imported activities another organisation reports to IATI (their reporting-org), which the
     * registry's IATI export therefore leaves to it: how many per organisation, most first.
     */
    reportedElsewhere: { organisation: string; activities: number }[];
  };
}

export interface IatiImportOptions extends MappingOptions {
  dryRun?: boolean;
  /** Who imports (the upload form's user), for the history of records it changes; none from the command line. */
  actor?: Actor | null;
  /** The file's name, as the history of records it changes gives it. */
  fileName?: string;
  onProgress?: (p: { activities: number; bytes: number }) => void;
  now?: string;
  /**
   * The IATI ref of the registry's own reporting organisation (IATI_REPORTING_ORG; default
   * SE-ON-2021002163). An activity whose reporting-org is another organisation is stored with that
   * organisation as its `reportedBy`, and the IATI export leaves it to its publisher.
   */
  reportingOrg?: string;
}

class Rollback extends Error {
  constructor() {
    super('rollback');
  }
}

const zero = () => ({ created: 0, updated: 0, unchanged: 0 });

/** An activity saved without its relations to activities later in the file; `saved` relations were written. */
interface Deferred {
  activity: Activity;
  line: number;
  /** Its report entry's position in the ledger. */
  entry: number;
  saved: number;
}

/**
 * Imports one IATI activities file in one transaction. Reading and mapping (iati.batches.ts) run
 * ahead of the writes, a batch at a time: in this thread, or in a worker thread for a large file
 * (`sizeHint`) on a machine with the cores for it. With a lean heap (src/shared/lean-heap.ts), so
 * that peak memory does not grow with the file.
 */
export function importIatiFile(db: Db, input: Readable | AsyncIterable<Uint8Array | string>, options: IatiImportOptions = {}): Promise<IatiImportReport> {
  return withLeanHeap(() => importInTransaction(db, input, options));
}

async function importInTransaction(db: Db, input: Readable | AsyncIterable<Uint8Array | string>, options: IatiImportOptions): Promise<IatiImportReport> {
  const now = options.now ?? new Date().toISOString();
  const report: IatiImportReport = {
    dryRun: options.dryRun ?? false,
    activities: [],
    summary: { activities: { ...zero(), skipped: 0 }, organisations: zero(), sources: zero(), errors: 0, warnings: 0, bytes: 0, notImported: [], reportedElsewhere: [] },
  };
  const ledger = new ReportLedger();
  const notImported = new LabelTally();
  const reporters = new LabelTally();
  try {
    await db.transaction().execute(async (trx) => {
      const refs = await loadReferences(trx);
      const storedOrganisations = await readOrganisations(trx);
      /** Organisations as stored or saved in this import, so that a definition equal to them is not saved again. */
      const knownOrganisations = new Map(storedOrganisations.map((o) => [o.slug, withoutMeta(o)]));
      const storedSources = await readSources(trx);
      const savedSources = new Set<string>();
      const snapshot: ImportSnapshot = {
        dialect: dialectOf(db),
        reportingOrg: options.reportingOrg ?? DEFAULT_REPORTING_ORG.ref,
        activities: (await trx.selectFrom('activities').select(['iati_identifier as identifier', 'slug']).execute()),
        organisations: storedOrganisations.map(({ slug, name, acronym, iatiRef }) => ({ slug, name, ...(acronym ? { acronym } : {}), ...(iatiRef ? { iatiRef } : {}) })),
        sources: storedSources.map((s) => s.slug),
      };
      /** Activities whose relations point at activities not written yet: finished at the end. */
      const deferred: Deferred[] = [];
      /** Activities from another publisher's file kept as part of an external activity that may come later: linked at the end. */
      const parentsLater: LaterParent[] = [];
      const updatedOrganisations = new Set<string>();
      /**
       * A slug the references do not hold was neither stored when the import began nor written by
       * it since (the mapping gives every new record a slug of its own), so saving need not look
       * it up.
       */
      const activitiesMayBeStored = (slug: string) => refs.activities.has(slug);
      const organisationsMayBeStored = (slug: string) => refs.organisations.has(slug);
      /**
       * On PostgreSQL each batch's writes are gathered here and sent when the batch is prepared
       * (DeferredWrites), with ids reserved a few batches ahead; on SQLite they are written at once.
       */
      const later = new DeferredWrites(trx, { reserveAtLeast: 4 * (options.batchSize ?? 500) });

      /**
       * Prepares a batch whose report entries start at `first` in the ledger: its writes are
       * written (SQLite) or gathered in `later` (PostgreSQL).
       */
      const write = async ({ entries, pending, created }: MappedBatch, first: number) => {
        // Each source is upserted the first time the file defines it; later definitions are the same record.
        const sources = pending.flatMap((p) => p.sources).filter((src, i, all) => !savedSources.has(src.slug) && all.findIndex((x) => x.slug === src.slug) === i);
        for (const src of sources) savedSources.add(src.slug);
        for (const outcome of (await saveSources(trx, sources, refs, now)).values()) report.summary.sources[outcome] += 1;
        const definitions = dedupeBySlug([...pending.flatMap((p) => p.organisations), ...created]);
        const changed = definitions.filter((o) => {
          const known = knownOrganisations.get(o.slug);
          if (known && isDeepStrictEqual(known, withoutMeta(o))) {
            report.summary.organisations.unchanged += 1;
            return false;
          }
          return true;
        });
        if (changed.length) {
          for (const [slug, outcome] of await saveOrganisations(trx, changed, refs, now, { later, mayBeStored: organisationsMayBeStored })) {
            report.summary.organisations[outcome] += 1;
            if (outcome === 'updated') updatedOrganisations.add(slug);
          }
          for (const o of changed) knownOrganisations.set(o.slug, withoutMeta(o));
        }
        const inBatch = new Set(pending.map((p) => p.activity.slug));
        const toSave = pending.map((p) => {
          const later = p.activity.relations.some((r) => 'activity' in r.target && !refs.activities.has(r.target.activity) && !inBatch.has(r.target.activity));
          if (!later) return p.activity;
          const relations = p.activity.relations.filter((r) => !('activity' in r.target) || refs.activities.has(r.target.activity) || inBatch.has(r.target.activity));
          deferred.push({ activity: p.activity, line: entries[p.entry]!.line, entry: first + p.entry, saved: relations.length });
          return { ...p.activity, relations };
        });
        // An activity saved without some of its relations is not the document its hash was made of
        // (its index row is: relations are not searched), so saveActivities hashes it.
        const prepared = pending.map((p, i) => (toSave[i] === p.activity ? p : { ...(p.search ? { search: p.search } : {}) }));
        const outcomes = await saveActivities(trx, toSave, refs, now, { prepared, later, mayBeStored: activitiesMayBeStored });
        for (const p of pending) ledger.setOutcome(first + p.entry, outcomes.get(p.activity.slug) ?? 'unchanged');
        for (const p of pending) if (p.parentLater) parentsLater.push({ slug: p.activity.slug, entry: first + p.entry });
      };

      /**
       * The batch being prepared and written. One batch is prepared at a time, while the next one
       * is read and mapped (beside the writes, in a worker thread, or while this thread waits for
       * PostgreSQL). On PostgreSQL its gathered writes are then sent (`flushing`) and the next
       * batch is prepared while the server works on them; at most two batches' writes are sent
       * and not yet done.
       */
      let writing: Promise<void> = Promise.resolve();
      let flushing: Promise<void> = Promise.resolve();
      const writeAndSend = async (batch: MappedBatch, first: number) => {
        const previous = flushing;
        try {
          await write(batch, first);
        } catch (error) {
          // A statement sent before failed first: the transaction refuses everything after it.
          await previous;
          throw error;
        }
        flushing = later.flush();
        flushing.catch(() => undefined);
        await previous;
      };
      try {
        for await (const batch of mapBatches(input, snapshot, { ...options, onBytes: (b) => { report.summary.bytes = b; } })) {
          const first = ledger.size;
          for (const entry of batch.entries) ledger.add(entry);
          for (const [what, activities] of batch.notImported) notImported.add([what], activities);
          for (const [organisation, activities] of batch.reporters) reporters.add([organisation], activities);
          await writing;
          writing = writeAndSend(batch, first);
          // Observed by the next batch or at the end; until then a failure must not count as unhandled.
          writing.catch(() => undefined);
          options.onProgress?.({ activities: ledger.size, bytes: report.summary.bytes });
        }
        await writing;
        await flushing;
        await finishRelations(trx, deferred, ledger, refs, now);
        await linkLaterParents(trx, parentsLater, ledger, refs, now);
        await recordImportRevisions(trx, { activities: ledger.slugsWith('updated'), organisations: [...updatedOrganisations] },
          { now, actor: options.actor ?? null, reason: options.fileName ?? null });
      } catch (error) {
        // Nothing is rolled back while a batch is still being written, and a failed write (earlier
        // in the file than what was being read) is the failure reported.
        const failed = (done: Promise<void>) => done.then(() => undefined, (e: unknown) => e ?? new Error('write failed'));
        const failedWrite: unknown = (await failed(writing)) ?? (await failed(flushing));
        if (failedWrite !== undefined) throw failedWrite;
        if (error instanceof IatiCriticalError) {
          report.critical = error.problem;
          throw new Rollback();
        }
        throw error;
      }
      options.onProgress?.({ activities: ledger.size, bytes: report.summary.bytes });
      if (options.dryRun) throw new Rollback();
    });
    await refreshPlannerStatistics(db);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  report.activities = ledger.entries();
  if (!report.critical) {
    report.summary.notImported = notImported.counts().map(([what, activities]) => ({ what, activities }));
    report.summary.reportedElsewhere = reporters.counts().map(([organisation, activities]) => ({ organisation, activities }));
  }
  for (const a of report.activities) {
    if (report.critical) a.outcome = 'skipped';
    report.summary.activities[a.outcome] += 1;
    for (const p of a.problems) report.summary[p.severity === 'error' ? 'errors' : 'warnings'] += 1;
  }
  if (report.critical) {
    report.summary.organisations = zero();
    report.summary.sources = zero();
  }
  return report;
}

function dedupeBySlug(list: Organisation[]): Organisation[] {
  return [...new Map(list.map((o) => [o.slug, o])).values()];
}

/**
 * Relations to activities that came later in the file: now that every activity is written, the
 * relations are rewritten whole. A target that never came is dropped with a warning; when none
 * came, what was saved without them is already the whole activity, and nothing is written.
 */
async function finishRelations(trx: Db, deferred: Deferred[], ledger: ReportLedger, refs: References, now: string): Promise<void> {
  for (const { activity, line, entry, saved } of deferred) {
    const id = refs.activities.get(activity.slug);
    if (id === undefined) continue;
    const relations = activity.relations.filter((r) => {
      if (!('activity' in r.target) || refs.activities.has(r.target.activity)) return true;
      ledger.addProblem(entry, importProblem('warning', 'unknown-related-activity', line,
        `Den relaterade aktiviteten "${r.target.activity}" finns varken i filen eller i registret; relationen hoppas över.`,
        `The related activity "${r.target.activity}" is neither in the file nor in the registry; the relation is skipped.`));
      return false;
    });
    if (relations.length === saved) continue;
    await rewriteRelations(trx, id, { ...activity, relations }, entry, ledger, refs, now);
  }
}

/**
 * Writes an activity's relations again, whole, once the import is through the file. One the
 * import left unchanged has changed now: its version goes up and its report says updated.
 */
async function rewriteRelations(trx: Db, id: number, activity: Activity, entry: number, ledger: ReportLedger, refs: References, now: string): Promise<void> {
  await replaceRelations(trx, id, activity, refs);
  if (ledger.outcome(entry) === 'unchanged') {
    await trx.updateTable('activities').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', id).execute();
    ledger.setOutcome(entry, 'updated');
  }
}

/** An activity saved as part of an external activity (by IATI identifier) that may have come later in the file. */
interface LaterParent {
  slug: string;
  /** Its report entry's position in the ledger. */
  entry: number;
}

/**
 * Parents that came later in the file: now that every activity is written, a relation kept as
 * part of an external activity whose identifier the registry now holds becomes a link to that
 * activity, as it would have been had the parent come first (and as it is when the same file is
 * imported again). Activities are read back a batch at a time, so nothing of them is held for the
 * whole file.
 */
async function linkLaterParents(trx: Db, later: LaterParent[], ledger: ReportLedger, refs: References, now: string): Promise<void> {
  for (let i = 0; i < later.length; i += 500) {
    const part = later.slice(i, i + 500);
    const rows = await trx.selectFrom('activities').selectAll().where('slug', 'in', part.map((p) => p.slug)).execute();
    const activities = await readActivities(trx, rows);
    const wanted = [...new Set(activities.flatMap((a) => a.relations.flatMap((r) => ('external' in r.target && r.target.external.iatiIdentifier !== undefined
      ? [storableIdentifier(r.target.external.iatiIdentifier)] : []))))];
    const slugs = new Map<string, string>();
    for (let j = 0; j < wanted.length; j += 500) {
      const found = await trx.selectFrom('activities').select(['iati_identifier', 'slug']).where('iati_identifier', 'in', wanted.slice(j, j + 500)).execute();
      for (const f of found) if (f.iati_identifier !== null) slugs.set(f.iati_identifier, f.slug);
    }
    const entries = new Map(part.map((p) => [p.slug, p.entry]));
    for (const [index, activity] of activities.entries()) {
      let linked = false;
      const relations = activity.relations.map((r) => {
        const slug = 'external' in r.target && r.target.external.iatiIdentifier !== undefined ? slugs.get(storableIdentifier(r.target.external.iatiIdentifier)) : undefined;
        if (slug === undefined || slug === activity.slug || !refs.activities.has(slug)) return r;
        linked = true;
        return { ...r, target: { activity: slug } };
      });
      if (linked) await rewriteRelations(trx, rows[index]!.id, { ...activity, relations }, entries.get(activity.slug)!, ledger, refs, now);
    }
  }
}

/** One line per problem, for the command line. */
export function describeImportProblem(p: { code: string; line: number; message: Message }, lang: 'sv' | 'en' = 'en'): string {
  return `${lang === 'sv' ? 'rad' : 'line'} ${p.line}: ${p.message[lang]} [${p.code}]`;
}
