/**
 * The import's mapping stage: activities read from the file → documents ready to save, in
 * batches. Everything here is decided from a snapshot of what the database held when the import
 * began and from what the file defined so far, never by asking the database, so the stage can run
 * beside the writes: in the import's own thread for small files, or in a worker thread
 * (iati.worker.ts) while the main thread writes the batch before.
 *
 * Per activity: the duplicate-identifier check, the mapping (iati.to-activity.ts) with validation
 * by the activity schema, organisations matched or created, the slug, the references the activity
 * makes, its content hash and its search index row.
 */
import type { Activity } from '../../activities/activity.schema.ts';
import { namedOrganisations } from '../../activities/activity.references.ts';
import { contentHash } from '../../activities/activity.hash.ts';
import type { PreparedActivity } from '../../activities/activity.repository.ts';
import type { Dialect } from '../../db/dialect.ts';
import type { Source } from '../../exchange/portfolio.schema.ts';
import type { Organisation } from '../../organisations/organisation.schema.ts';
import { searchDocument, type OrganisationNames } from '../../search/search.document.ts';
import type { Bilingual } from '../../shared/i18n.ts';
import type { SaveOutcome } from '../../shared/records.ts';
import type { ReadActivity } from './iati.reader.ts';
import { identifierOf, mapActivity, slugFromName, storableIdentifier, type ImportProblem, type MappedActivity } from './iati.to-activity.ts';

export type ActivityOutcome = SaveOutcome | 'skipped';

export interface ActivityReport {
  identifier: string;
  slug?: string;
  line: number;
  outcome: ActivityOutcome;
  problems: ImportProblem[];
}

/** What the mapping needs of the database, read once in the import's transaction. */
export interface ImportSnapshot {
  dialect: Dialect;
  /** The IATI ref of the registry's own reporting organisation: activities it reports get no `reportedBy`. */
  reportingOrg: string;
  /** Every stored activity: its IATI identifier and slug. */
  activities: { identifier: string; slug: string }[];
  /** Every stored organisation, as matching and the search index need it. */
  organisations: Pick<Organisation, 'slug' | 'name' | 'acronym' | 'iatiRef'>[];
  sources: string[];
}

/** An activity ready to save: its document, what the file defined with it, and what was made of it. */
export interface MappedPending extends PreparedActivity {
  /** Its report entry: the position in the batch's `entries`. */
  entry: number;
  activity: Activity;
  sources: Source[];
  organisations: Organisation[];
  /** Part of an activity not met yet, kept as external for now (MappedActivity's `parentLater`). */
  parentLater?: true;
}

/**
 * Activities read since the last batch, in file order: every report entry, and the activities
 * among them to save. `created` are the organisations the mapping created for them (no definition
 * in the file), to be saved before them.
 */
export interface MappedBatch {
  entries: ActivityReport[];
  pending: MappedPending[];
  created: Organisation[];
  /** What the batch's activities to save have that the registry has no field for: each with how many of them have it. */
  notImported: [what: string, activities: number][];
  /** The organisations other than the registry's own that report the batch's activities to save: each with how many. */
  reporters: [organisation: string, activities: number][];
}

/**
 * A deep copy with fresh strings, for what the import keeps beyond one batch (report entries,
 * identifiers, slugs, organisations, sources, problems; what crosses from the worker thread is
 * copied already). V8 keeps a substring as a slice of the string it was cut from, and the reader's
 * texts are cut from 64 KB chunks of the file: an identifier remembered per activity kept most of a
 * 400 MB file alive (1.3 GB peak RSS). Through JSON, also for a single string, because
 * `(' ' + s).slice(1)` is itself a slice (of a fresh copy): 20 bytes more per string.
 */
const detachedCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function importProblem(severity: ImportProblem['severity'], code: string, line: number, sv: string, en: string): ImportProblem {
  return { severity, code, line, message: { sv, en } };
}

export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i += 1) {
    const candidate = `${base.slice(0, 110)}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}

export class ActivityMapper {
  private readonly storedSlugs: Map<string, string>;
  private readonly takenSlugs: Set<string>;
  /** Each identifier met in the file (storable form), with the slug of its activity if that is saved, else ''. */
  private readonly seenIdentifiers = new Map<string, string>();
  private readonly orgs: OrganisationIndex;
  private readonly sources: Set<string>;
  private entries: ActivityReport[] = [];
  private pending: MappedPending[] = [];
  private notImported = new LabelTally();
  private reporters = new LabelTally();

  /**
   * `prepare`: whether take() makes each activity's content hash and search index row, or leaves
   * them to the writer (saveActivities makes what it is not given). Where they are made balances
   * the work between the worker thread and the writer (iati.batches.ts).
   */
  constructor(private readonly snapshot: ImportSnapshot, private readonly prepare = true) {
    this.storedSlugs = new Map(snapshot.activities.map((a) => [a.identifier, a.slug]));
    this.takenSlugs = new Set(snapshot.activities.map((a) => a.slug));
    this.orgs = new OrganisationIndex(snapshot.organisations);
    this.sources = new Set(snapshot.sources);
  }

  /** Activities waiting in the current batch (read, whether they will be saved or not). */
  get size(): number {
    return this.entries.length;
  }

  add({ root, activity: node }: ReadActivity): void {
    const identifier = detachedCopy(identifierOf(node));
    const storable = storableIdentifier(identifier);
    // Usually the identifier itself: one string for the report and the duplicate check.
    const key = storable === identifier ? identifier : storable && detachedCopy(storable);
    const entry: ActivityReport = { identifier, line: node.line, outcome: 'skipped', problems: [] };
    this.entries.push(entry);
    if (key && this.seenIdentifiers.has(key)) {
      entry.problems.push(importProblem('error', 'duplicate-identifier', node.line,
        `Identifieraren ${identifier} förekommer redan tidigare i filen; den här aktiviteten hoppas över.`,
        `The identifier ${identifier} already occurs earlier in the file; this activity is skipped.`));
      return;
    }
    if (key) this.seenIdentifiers.set(key, '');
    const storedSlug = key ? this.storedSlugs.get(key) : undefined;
    const mapped: MappedActivity = mapActivity(node, root, {
      storedSlug,
      activitySlug: (identifier) => this.storedSlugs.get(identifier) ?? (this.seenIdentifiers.get(identifier) || undefined),
      organisation: (ref, name, type) => this.orgs.match(ref, name, type),
      ownReportingOrg: this.snapshot.reportingOrg,
      uniqueSlug: (base) => uniqueSlug(base, (s) => this.takenSlugs.has(s)),
    });
    entry.problems.push(...mapped.problems.map(detachedCopy));
    const activity = mapped.activity;
    if (!activity || mapped.problems.some((p) => p.severity === 'error')) return;
    activity.slug = detachedCopy(activity.slug);
    const conflict = this.checkReferences(activity, mapped, storedSlug);
    if (conflict) {
      entry.problems.push(detachedCopy(conflict));
      return;
    }
    this.takenSlugs.add(activity.slug);
    entry.slug = activity.slug;
    this.seenIdentifiers.set(key, activity.slug);
    const sources = mapped.sources.map(detachedCopy);
    const organisations = mapped.organisations.map(detachedCopy);
    for (const s of sources) this.sources.add(s.slug);
    for (const o of organisations) this.orgs.define(o);
    this.notImported.add(mapped.notImported, 1);
    if (activity.reportedBy !== undefined && !this.orgs.hasRef(activity.reportedBy, this.snapshot.reportingOrg)) this.reporters.add([activity.reportedBy], 1);
    // The hash and the index row, if made here, are made when the batch is taken (see take()).
    this.pending.push({ entry: this.entries.length - 1, activity, sources, organisations, ...(mapped.parentLater ? { parentLater: true as const } : {}) });
  }

  /**
   * The batch so far, with each activity's hash and index row when `prepare`. The rows are made
   * now, at the end of the batch, with the organisation names as the database will hold them when
   * the batch is written (every definition in the batch saved, the last one winning).
   */
  take(): MappedBatch {
    const batch: MappedBatch = {
      entries: this.entries, pending: this.pending, created: this.orgs.takeNew(), notImported: this.notImported.counts(), reporters: this.reporters.counts(),
    };
    if (this.prepare) {
      for (const p of batch.pending) {
        p.hash = contentHash(p.activity);
        p.search = searchDocument(p.activity, this.snapshot.dialect, this.orgs.names);
      }
    }
    this.entries = [];
    this.pending = [];
    this.notImported = new LabelTally();
    this.reporters = new LabelTally();
    return batch;
  }

  /**
   * An activity may only name organisations and sources that exist or are defined before it, and
   * its slug must not belong to an activity with another identifier.
   */
  private checkReferences(a: Activity, mapped: MappedActivity, storedSlug: string | undefined): ImportProblem | undefined {
    const line = mapped.line;
    if (storedSlug === undefined && this.takenSlugs.has(a.slug)) {
      return importProblem('error', 'slug-taken', line, `Kortnamnet ${a.slug} används redan av en annan aktivitet (med en annan identifierare).`,
        `The slug ${a.slug} is already used by another activity (with another identifier).`);
    }
    const defined = new Set(mapped.organisations.map((o) => o.slug));
    const named = [
      ...namedOrganisations(a).map(([slug]) => slug), ...mapped.organisations.map((o) => o.parent),
      ...a.relations.map((r) => ('external' in r.target ? r.target.external.organisation : undefined)),
    ].filter((s): s is string => s !== undefined);
    const missingOrg = named.find((s) => !defined.has(s) && !this.orgs.has(s));
    if (missingOrg) {
      return importProblem('error', 'unknown-organisation', line, `Organisationen "${missingOrg}" är inte definierad i filen och finns inte i registret.`,
        `Organisation "${missingOrg}" is not defined in the file and is not in the registry.`);
    }
    const definedSources = new Set(mapped.sources.map((s) => s.slug));
    const quoted = [
      ...a.provenance, ...a.participations.flatMap((p) => p.provenance), ...a.funding.flatMap((f) => f.provenance),
      ...a.relations.flatMap((r) => r.provenance), ...a.alignment.flatMap((x) => x.provenance), ...a.keyFigures.flatMap((k) => k.provenance),
      ...a.results.flatMap((r) => r.provenance), ...a.engagements.flatMap((e) => e.provenance), ...a.documents.flatMap((d) => d.provenance),
      ...mapped.organisations.flatMap((o) => o.provenance),
    ].map((p) => p.source);
    const missingSource = quoted.find((s) => !definedSources.has(s) && !this.sources.has(s));
    if (missingSource) {
      return importProblem('error', 'unknown-source', line, `Källan "${missingSource}" är inte definierad i filen och finns inte i registret.`,
        `Source "${missingSource}" is not defined in the file and is not in the registry.`);
    }
    return undefined;
  }
}

/**
 * Labels counted apart, at most (kinds of element not imported, reporters); the rest of a file that
 * has more (a generated or hostile one) is counted together as `…`.
 */
export const TALLY_LABELS = 200;

/**
 * How many activities have each label (each kind of element that is not imported, notImportedOf;
 * each organisation that reports them), bounded by TALLY_LABELS.
 */
export class LabelTally {
  private readonly tally = new Map<string, number>();

  add(kinds: readonly string[], activities: number): void {
    for (const kind of kinds) {
      const key = this.tally.has(kind) || this.tally.size < TALLY_LABELS ? kind : '…';
      // A kept label outlives the batch: a fresh string, not a slice of the file's chunk.
      this.tally.set(this.tally.has(key) ? key : detachedCopy(key), (this.tally.get(key) ?? 0) + activities);
    }
  }

  /** Most activities first, then by name; `…` last. */
  counts(): [what: string, activities: number][] {
    return [...this.tally].sort(([a, x], [b, y]) => (a === '…' ? 1 : b === '…' ? -1 : y - x || (a < b ? -1 : a > b ? 1 : 0)));
  }
}

/** Organisations by slug, IATI ref and name: those stored, those defined in the file, and new ones. */
class OrganisationIndex {
  private readonly slugs = new Set<string>();
  private readonly byRef = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly refOf = new Map<string, string>();
  /** Each organisation's names as last defined, for the search index. */
  readonly names: OrganisationNames = new Map();
  private created: Organisation[] = [];

  constructor(stored: ImportSnapshot['organisations']) {
    for (const o of stored) this.define(o);
  }

  has(slug: string): boolean {
    return this.slugs.has(slug);
  }

  /** Whether the organisation's IATI ref is this one (compared as matching compares refs, without case). */
  hasRef(slug: string, ref: string): boolean {
    return this.refOf.get(slug) === ref.toLowerCase();
  }

  define(o: ImportSnapshot['organisations'][number]): void {
    this.slugs.add(o.slug);
    this.names.set(o.slug, { sv: o.name.sv ?? null, en: o.name.en ?? null, acronym: o.acronym ?? null });
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
