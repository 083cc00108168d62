/**
 * `samverka import FILE.xml`: any publisher's IATI 2.01–2.03 activity file, streamed, upserted by
 * iati-identifier in ONE transaction. A critical problem anywhere (not XML, not IATI, a hostile
 * construct, a limit) rolls everything back; an error skips one activity; a warning is reported
 * with the activity it concerns. docs/iati.md describes the choices.
 */
import type { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import type { Activity } from '../../activities/activity.schema.ts';
import { namedOrganisations } from '../../activities/activity.references.ts';
import { saveActivities } from '../../activities/activity.repository.ts';
import { replaceRelations } from '../../activities/activity.write.ts';
import type { Db } from '../../db/database.ts';
import { refreshPlannerStatistics } from '../../db/maintenance.ts';
import { loadReferences, type References } from '../../db/references.ts';
import { readSources, saveSources } from '../../exchange/portfolio.ts';
import type { Source } from '../../exchange/portfolio.schema.ts';
import type { Organisation } from '../../organisations/organisation.schema.ts';
import { readOrganisations, saveOrganisations } from '../../organisations/organisation.repository.ts';
import type { Bilingual, Message } from '../../shared/i18n.ts';
import { withoutMeta, type SaveOutcome } from '../../shared/records.ts';
import { IatiCriticalError, readIatiActivities, type CriticalProblem, type ReaderLimits, type RootInfo, type XmlNode } from './iati.reader.ts';
import { identifierOf, mapActivity, slugFromName, storableIdentifier, type ImportProblem, type MappedActivity } from './iati.to-activity.ts';

export type { ImportProblem } from './iati.to-activity.ts';

export type ActivityOutcome = SaveOutcome | 'skipped';

export interface ActivityReport {
  identifier: string;
  slug?: string;
  line: number;
  outcome: ActivityOutcome;
  problems: ImportProblem[];
}

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
  };
}

export interface IatiImportOptions extends Partial<ReaderLimits> {
  dryRun?: boolean;
  onProgress?: (p: { activities: number; bytes: number }) => void;
  now?: string;
  /** Activities written per batch (and whose stored identifiers are looked up together). */
  batchSize?: number;
}

/**
 * A copy of a string that holds only its own characters. V8 keeps a substring as a slice of the
 * string it was cut from, and the reader's texts are cut from 64 KB chunks of the file: an
 * identifier remembered per activity kept most of a 400 MB file alive (1.3 GB peak RSS). What the
 * import keeps beyond one batch (report entries, identifiers, slugs, organisations, sources,
 * problems) is detached with this.
 */
const detached = (s: string): string => (` ${s}`).slice(1);
/** A deep copy with fresh strings, for records the import keeps. */
const detachedCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

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
  report: ActivityReport;
  saved: number;
}

interface Pending {
  report: ActivityReport;
  activity: Activity;
  sources: Source[];
  organisations: Organisation[];
}

export async function importIatiFile(db: Db, input: Readable | AsyncIterable<Uint8Array | string>, options: IatiImportOptions = {}): Promise<IatiImportReport> {
  const now = options.now ?? new Date().toISOString();
  const batchSize = options.batchSize ?? 500;
  const report: IatiImportReport = {
    dryRun: options.dryRun ?? false,
    activities: [],
    summary: { activities: { ...zero(), skipped: 0 }, organisations: zero(), sources: zero(), errors: 0, warnings: 0, bytes: 0 },
  };
  try {
    await db.transaction().execute(async (trx) => {
      const refs = await loadReferences(trx);
      const storedOrganisations = await readOrganisations(trx);
      const orgs = new OrganisationIndex(storedOrganisations, refs);
      /** Organisations as stored or saved in this import, so that a definition equal to them is not saved again. */
      const knownOrganisations = new Map(storedOrganisations.map((o) => [o.slug, withoutMeta(o)]));
      const storedSources = new Map((await readSources(trx)).map((s) => [s.slug, s]));
      const savedSources = new Set<string>();
      const seenIdentifiers = new Set<string>();
      const assignedSlugs = new Set<string>();
      /** Activities whose relations point at activities not written yet: finished at the end. */
      const deferred: Deferred[] = [];
      let batch: Pending[] = [];
      let count = 0;
      /**
       * The batch being written. One batch is written at a time, while the next one is read and
       * mapped: on PostgreSQL the import would otherwise wait for the server half of the time. The
       * next batch's mapping needs nothing the write changes (its slugs, organisations and sources
       * are checked against what this import assigned and defined, kept in memory), and what a
       * write uses is taken from the shared state before its first await.
       */
      let writing: Promise<void> = Promise.resolve();

      /** Waits for the batch being written, then starts writing the current one. */
      const flush = async () => {
        if (!batch.length) return;
        await writing;
        const taken = batch;
        batch = [];
        writing = write(taken, orgs.takeNew());
        // Observed by the next flush or at the end; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
      };

      const write = async (batch: Pending[], created: Organisation[]) => {
        // Each source is upserted the first time the file defines it; later definitions are the same record.
        const sources = batch.flatMap((p) => p.sources).filter((src, i, all) => !savedSources.has(src.slug) && all.findIndex((x) => x.slug === src.slug) === i);
        for (const src of sources) savedSources.add(src.slug);
        for (const outcome of (await saveSources(trx, sources, refs, now)).values()) report.summary.sources[outcome] += 1;
        for (const src of sources) storedSources.set(src.slug, src);
        const definitions = dedupeBySlug([...batch.flatMap((p) => p.organisations), ...created]);
        const changed = definitions.filter((o) => {
          const known = knownOrganisations.get(o.slug);
          if (known && isDeepStrictEqual(known, withoutMeta(o))) {
            report.summary.organisations.unchanged += 1;
            return false;
          }
          return true;
        });
        if (changed.length) {
          for (const outcome of (await saveOrganisations(trx, changed, refs, now)).values()) report.summary.organisations[outcome] += 1;
          for (const o of changed) knownOrganisations.set(o.slug, withoutMeta(o));
        }
        const inBatch = new Set(batch.map((p) => p.activity.slug));
        const toSave = batch.map((p) => {
          const later = p.activity.relations.some((r) => 'activity' in r.target && !refs.activities.has(r.target.activity) && !inBatch.has(r.target.activity));
          if (!later) return p.activity;
          const relations = p.activity.relations.filter((r) => !('activity' in r.target) || refs.activities.has(r.target.activity) || inBatch.has(r.target.activity));
          deferred.push({ activity: p.activity, line: p.report.line, report: p.report, saved: relations.length });
          return { ...p.activity, relations };
        });
        const outcomes = await saveActivities(trx, toSave, refs, now);
        for (const p of batch) p.report.outcome = outcomes.get(p.activity.slug) ?? 'unchanged';
      };

      /** Activities read but not yet mapped: their stored identifiers are looked up in one query. */
      let read: { root: RootInfo; node: XmlNode; entry: ActivityReport; key: string | undefined }[] = [];
      const mapRead = async () => {
        const keys = [...new Set(read.flatMap((r) => (r.key ? [r.key] : [])))];
        const storedSlugs = new Map(keys.length
          ? (await trx.selectFrom('activities').select(['iati_identifier', 'slug']).where('iati_identifier', 'in', keys).execute()).map((r) => [r.iati_identifier, r.slug])
          : []);
        for (const { root, node, entry, key } of read) await mapOne(root, node, entry, key ? storedSlugs.get(key) : undefined);
        read = [];
        await flush();
      };
      const mapOne = async (root: RootInfo, node: XmlNode, entry: ActivityReport, storedSlug: string | undefined) => {
        const mapped: MappedActivity = mapActivity(node, root, {
          storedSlug,
          organisation: (ref, name, type) => orgs.match(ref, name, type),
          uniqueSlug: (base) => uniqueSlug(base, (s) => refs.activities.has(s) || assignedSlugs.has(s)),
        });
        entry.problems.push(...mapped.problems.map(detachedCopy));
        const activity = mapped.activity;
        if (!activity || mapped.problems.some((p) => p.severity === 'error')) return;
        activity.slug = detached(activity.slug);
        const conflict = checkReferences(activity, mapped, refs, orgs, storedSources, assignedSlugs, storedSlug);
        if (conflict) {
          entry.problems.push(detachedCopy(conflict));
          return;
        }
        assignedSlugs.add(activity.slug);
        entry.slug = activity.slug;
        const sources = mapped.sources.map(detachedCopy);
        const organisations = mapped.organisations.map(detachedCopy);
        batch.push({ report: entry, activity, sources, organisations });
        for (const s of sources) orgs.pendingSources.add(s.slug);
        for (const o of organisations) orgs.define(o);
        if (batch.length >= batchSize) await flush();
      };

      try {
        for await (const { root, activity: node } of readIatiActivities(input, { ...options, onBytes: (b) => { report.summary.bytes = b; } })) {
          count += 1;
          const identifier = detached(identifierOf(node));
          const storable = storableIdentifier(identifier);
          const key = storable && detached(storable);
          const entry: ActivityReport = { identifier, line: node.line, outcome: 'skipped', problems: [] };
          report.activities.push(entry);
          if (key && seenIdentifiers.has(key)) {
            entry.problems.push(problem('error', 'duplicate-identifier', node.line,
              `Identifieraren ${identifier} förekommer redan tidigare i filen; den här aktiviteten hoppas över.`,
              `The identifier ${identifier} already occurs earlier in the file; this activity is skipped.`));
            continue;
          }
          if (key) seenIdentifiers.add(key);
          read.push({ root, node, entry, key });
          if (read.length >= batchSize) await mapRead();
          if (count % 100 === 0) options.onProgress?.({ activities: count, bytes: report.summary.bytes });
        }
        await mapRead();
        await writing;
        await finishRelations(trx, deferred, refs, now);
      } catch (error) {
        // Nothing is rolled back while a batch is still being written, and a failed write (earlier
        // in the file than what was being read) is the failure reported.
        const failedWrite: unknown = await writing.then(() => undefined, (e: unknown) => e ?? new Error('write failed'));
        if (failedWrite !== undefined) throw failedWrite;
        if (error instanceof IatiCriticalError) {
          report.critical = error.problem;
          throw new Rollback();
        }
        throw error;
      }
      options.onProgress?.({ activities: count, bytes: report.summary.bytes });
      if (options.dryRun) throw new Rollback();
    });
    await refreshPlannerStatistics(db);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
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

function problem(severity: ImportProblem['severity'], code: string, line: number, sv: string, en: string): ImportProblem {
  return { severity, code, line, message: { sv, en } };
}

function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i += 1) {
    const candidate = `${base.slice(0, 110)}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}

function dedupeBySlug(list: Organisation[]): Organisation[] {
  return [...new Map(list.map((o) => [o.slug, o])).values()];
}

/**
 * An activity may only name organisations and sources that exist or are defined before it, and
 * its slug must not belong to an activity with another identifier.
 */
function checkReferences(a: Activity, mapped: MappedActivity, refs: References, orgs: OrganisationIndex, sources: Map<string, Source>,
  assigned: Set<string>, storedSlug: string | undefined): ImportProblem | undefined {
  const line = mapped.line;
  if (storedSlug === undefined && (refs.activities.has(a.slug) || assigned.has(a.slug))) {
    return problem('error', 'slug-taken', line, `Kortnamnet ${a.slug} används redan av en annan aktivitet (med en annan identifierare).`,
      `The slug ${a.slug} is already used by another activity (with another identifier).`);
  }
  const defined = new Set(mapped.organisations.map((o) => o.slug));
  const named = [
    ...namedOrganisations(a).map(([slug]) => slug), ...mapped.organisations.map((o) => o.parent),
    ...a.relations.map((r) => ('external' in r.target ? r.target.external.organisation : undefined)),
  ].filter((s): s is string => s !== undefined);
  const missingOrg = named.find((s) => !defined.has(s) && !orgs.has(s));
  if (missingOrg) {
    return problem('error', 'unknown-organisation', line, `Organisationen "${missingOrg}" är inte definierad i filen och finns inte i registret.`,
      `Organisation "${missingOrg}" is not defined in the file and is not in the registry.`);
  }
  const definedSources = new Set(mapped.sources.map((s) => s.slug));
  const quoted = [
    ...a.provenance, ...a.participations.flatMap((p) => p.provenance), ...a.funding.flatMap((f) => f.provenance),
    ...a.relations.flatMap((r) => r.provenance), ...a.alignment.flatMap((x) => x.provenance), ...a.keyFigures.flatMap((k) => k.provenance),
    ...a.results.flatMap((r) => r.provenance), ...a.engagements.flatMap((e) => e.provenance), ...a.documents.flatMap((d) => d.provenance),
    ...mapped.organisations.flatMap((o) => o.provenance),
  ].map((p) => p.source);
  const missingSource = quoted.find((s) => !definedSources.has(s) && !sources.has(s) && !orgs.pendingSources.has(s));
  if (missingSource) {
    return problem('error', 'unknown-source', line, `Källan "${missingSource}" är inte definierad i filen och finns inte i registret.`,
      `Source "${missingSource}" is not defined in the file and is not in the registry.`);
  }
  return undefined;
}

/** Organisations by slug, IATI ref and name: those stored, those defined in the file, and new ones. */
class OrganisationIndex {
  private readonly slugs = new Set<string>();
  private readonly byRef = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly refOf = new Map<string, string>();
  private created: Organisation[] = [];
  readonly pendingSources = new Set<string>();

  constructor(stored: Organisation[], private readonly refs: References) {
    for (const o of stored) this.define(o);
  }

  has(slug: string): boolean {
    return this.slugs.has(slug) || this.refs.organisations.has(slug);
  }

  define(o: Organisation): void {
    this.slugs.add(o.slug);
    if (o.iatiRef) this.refOf.set(o.slug, o.iatiRef.toLowerCase());
    if (o.iatiRef && !this.byRef.has(o.iatiRef.toLowerCase())) this.byRef.set(o.iatiRef.toLowerCase(), o.slug);
    for (const name of [o.name.en, o.name.sv]) if (name && !this.byName.has(name.toLowerCase())) this.byName.set(name.toLowerCase(), o.slug);
  }

  /**
   * Matched by identifier, then by name; otherwise created with a slug from the ref or the name.
   * A name only matches an organisation without another ref, so the result does not depend on
   * the order the file names them in.
   */
  match(given: string | undefined, name: Bilingual | undefined, type: string | undefined): string {
    // A ref the registry cannot store ("N/A", one with spaces or slashes) identifies nothing.
    const ref = given && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(given) && given.length <= 120 ? given : undefined;
    const byName = [name?.en, name?.sv].map((n) => n && this.byName.get(n.toLowerCase())).find(Boolean);
    const nameFits = byName && (!ref || !this.refOf.has(byName) || this.refOf.get(byName) === ref.toLowerCase());
    const known = (ref && this.byRef.get(ref.toLowerCase())) || (nameFits ? byName : undefined);
    if (known) return known;
    const slug = uniqueSlug(slugFromName(ref ?? name?.en ?? name?.sv ?? given ?? 'organisation'), (s) => this.has(s));
    const org = detachedCopy<Organisation>({ slug, name: name ?? { en: given }, provenance: [], ...(ref ? { iatiRef: ref } : {}), ...(type ? { type } : {}) });
    this.define(org);
    this.created.push(org);
    return org.slug;
  }

  takeNew(): Organisation[] {
    const list = this.created;
    this.created = [];
    return list;
  }
}

/**
 * Relations to activities that came later in the file: now that every activity is written, the
 * relations are rewritten whole. A target that never came is dropped with a warning; when none
 * came, what was saved without them is already the whole activity, and nothing is written.
 */
async function finishRelations(trx: Db, deferred: Deferred[], refs: References, now: string): Promise<void> {
  for (const { activity, line, report, saved } of deferred) {
    const id = refs.activities.get(activity.slug);
    if (id === undefined) continue;
    const relations = activity.relations.filter((r) => {
      if (!('activity' in r.target) || refs.activities.has(r.target.activity)) return true;
      report.problems.push(problem('warning', 'unknown-related-activity', line,
        `Den relaterade aktiviteten "${r.target.activity}" finns varken i filen eller i registret; relationen hoppas över.`,
        `The related activity "${r.target.activity}" is neither in the file nor in the registry; the relation is skipped.`));
      return false;
    });
    if (relations.length === saved) continue;
    await replaceRelations(trx, id, { ...activity, relations }, refs);
    if (report.outcome === 'unchanged') {
      await trx.updateTable('activities').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', id).execute();
      report.outcome = 'updated';
    }
  }
}

/** One line per problem, for the command line. */
export function describeImportProblem(p: { code: string; line: number; message: Message }, lang: 'sv' | 'en' = 'en'): string {
  return `${lang === 'sv' ? 'rad' : 'line'} ${p.line}: ${p.message[lang]} [${p.code}]`;
}
