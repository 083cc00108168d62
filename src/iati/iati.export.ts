/**
 * The published portfolio as one IATI 2.03 activities file, streamed: activities are read a page
 * at a time (keyset on id), mapped, written and let go, so memory does not grow with the
 * portfolio. Organisations and sources are defined in the extension namespace inside the first
 * activity that names them (parents before children, sources before what quotes them), so a
 * streaming import meets every record before anything points at it. Only the slugs already defined
 * are remembered, and there are as many as organisations and sources, not activities.
 */
import type { Writable } from 'node:stream';
import { sql, type SqlBool } from 'kysely';
import { readActivities } from '../activities/activity.read.ts';
import { namedOrganisations } from '../activities/activity.references.ts';
import type { Activity } from '../activities/activity.schema.ts';
import type { Db } from '../db/database.ts';
import { readSources } from '../exchange/portfolio.ts';
import type { Source } from '../exchange/portfolio.schema.ts';
import { readOrganisations } from '../organisations/organisation.repository.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import { fromColumns } from '../shared/bilingual.ts';
import { ConfigError } from '../shared/errors.ts';
import type { Bilingual, Lang } from '../shared/i18n.ts';
import { withLeanHeap } from '../shared/lean-heap.ts';
import {
  DEFAULT_REPORTING_ORG, SAMVERKA_NAMESPACE, SAMVERKA_PREFIX, exportBlocker, exportedRelations, toIatiActivity,
  type IncomingRelation, type MappingContext, type ReportingOrg,
} from './iati.mapping.ts';
import { writeIatiActivity, type Definitions } from './iati.serialize.ts';
import { XmlWriter } from './iati.writer.ts';

export interface IatiExportOptions {
  reportingOrg: ReportingOrg;
  /** The file's generated-datetime, ISO 8601. */
  now: string;
  /** The default language of every activity; narratives in the other language carry xml:lang. Default 'en'. */
  lang?: Lang;
  /** Activities read per page. */
  batchSize?: number;
  /** Called after each page with the number of activities written so far. */
  onProgress?: (written: number) => void;
}

export interface IatiExportSummary {
  activities: number;
  /** Published activities that cannot be valid IATI (no title, or no date at all): `samverka check` names them too. */
  skipped: { slug: string; reason: 'missing-title' | 'missing-date' }[];
  /**
   * Published activities left to the organisation that reports them to IATI itself (their
   * `reportedBy`): how many per organisation, most first.
   */
  reportedElsewhere: { organisation: string; activities: number }[];
  organisations: number;
}

/** Every organisation an activity names, in the order it names them, external relations' included. */
function organisationsNamed(a: Activity): string[] {
  return [
    ...namedOrganisations(a).map(([slug]) => slug),
    ...a.relations.flatMap((r) => ('external' in r.target && r.target.external.organisation !== undefined ? [r.target.external.organisation] : [])),
  ];
}

/** Every source an activity quotes. */
function quotedSources(a: Activity): string[] {
  return [
    ...a.provenance, ...a.participations.flatMap((p) => p.provenance), ...a.funding.flatMap((f) => f.provenance),
    ...a.relations.flatMap((r) => r.provenance), ...a.alignment.flatMap((x) => x.provenance), ...a.keyFigures.flatMap((k) => k.provenance),
    ...a.results.flatMap((r) => r.provenance), ...a.engagements.flatMap((e) => e.provenance), ...a.documents.flatMap((d) => d.provenance),
  ].map((p) => p.source);
}

/**
 * Organisations and sources as the activities name them: fetched once, kept (there are few,
 * however many activities), and handed out the first time each is needed.
 */
class Registry {
  private readonly organisations = new Map<string, Organisation>();
  private readonly sources = new Map<string, Source>();
  private readonly defined = new Set<string>();

  constructor(private readonly db: Db) {}

  get organisationsBySlug(): ReadonlyMap<string, Organisation> {
    return this.organisations;
  }

  get definedCount(): number {
    return [...this.defined].filter((key) => key.startsWith('o:')).length;
  }

  async loadSources(): Promise<void> {
    for (const s of await readSources(this.db)) this.sources.set(s.slug, s);
  }

  /** Fetches the organisations not seen yet, and their parents. */
  async loadOrganisations(slugs: Iterable<string>): Promise<void> {
    let wanted = [...new Set(slugs)].filter((slug) => !this.organisations.has(slug));
    while (wanted.length) {
      const rows = await this.db.selectFrom('organisations').selectAll().where('slug', 'in', wanted).execute();
      const found = await readOrganisations(this.db, rows);
      for (const o of found) this.organisations.set(o.slug, o);
      wanted = [...new Set(found.map((o) => o.parent))].filter((slug): slug is string => slug !== undefined && !this.organisations.has(slug));
    }
  }

  /** What the activity needs that no earlier activity defined: sources first, then organisations, each parent before its children. */
  definitionsFor(a: Activity): Definitions {
    const organisations: Organisation[] = [];
    const addOrganisation = (slug: string) => {
      const org = this.organisations.get(slug);
      if (!org || this.defined.has(`o:${slug}`)) return;
      this.defined.add(`o:${slug}`);
      if (org.parent !== undefined) addOrganisation(org.parent);
      organisations.push(org);
    };
    organisationsNamed(a).forEach(addOrganisation);
    const sources: Source[] = [];
    for (const slug of [...quotedSources(a), ...organisations.flatMap((o) => o.provenance.map((p) => p.source))]) {
      const source = this.sources.get(slug);
      if (!source || this.defined.has(`s:${slug}`)) continue;
      this.defined.add(`s:${slug}`);
      sources.push(source);
    }
    return { sources, organisations };
  }
}

/**
 * Whether the activity with this id gets into the file at all: exportBlocker leaves out one with no
 * title or no date, and a relation to or from it would point at nothing the file holds. (A title
 * of only characters XML cannot hold is not caught here; the rules report it as an error.)
 */
function inFile(id: 'activities.id' | 'source.id') {
  return sql<SqlBool>`exists (select 1 from activity_dates d where d.activity_id = ${sql.ref(id)})
    and exists (select 1 from activity_texts t where t.activity_id = ${sql.ref(id)} and trim(t.title) <> '')`;
}

/**
 * Whether another organisation reports the activity to IATI: its `reportedBy` names one whose
 * IATI ref is not the file's reporting organisation's. Such an activity is in its publisher's file,
 * not in ours (iati.rules.ts `reportedElsewhere` says the same of a document).
 */
function reportedElsewhere(id: 'activities.id' | 'source.id', ref: string) {
  return sql<SqlBool>`exists (select 1 from activity_reporters r inner join organisations o on o.id = r.organisation_id
    where r.activity_id = ${sql.ref(id)} and (o.iati_ref is null or o.iati_ref <> ${ref}))`;
}

/** An activity another publisher reports, as a relation to it is written: by its IATI identifier, name and publisher. */
interface ElsewhereTarget {
  iatiIdentifier: string;
  name: Bilingual;
  organisation: string;
}

/**
 * The activity with its relations to activities other publishers report turned into relations to
 * external activities, as the file can state them: by IATI identifier (so `related-activity` is
 * written), with their names and publishers. Read back, they are external relations, and export
 * again gives the same file.
 */
function withElsewhereTargets(a: Activity, elsewhere: ReadonlyMap<string, ElsewhereTarget>): Activity {
  if (!a.relations.some((r) => 'activity' in r.target && elsewhere.has(r.target.activity))) return a;
  return {
    ...a,
    relations: a.relations.map((r) => {
      const target = 'activity' in r.target ? elsewhere.get(r.target.activity) : undefined;
      return target ? { ...r, target: { external: target } } : r;
    }),
  };
}

/** Streams the published activities to `sink` as one IATI 2.03 file. The sink is left open. */
export async function exportIati(db: Db, sink: Writable, options: IatiExportOptions): Promise<IatiExportSummary> {
  const lang = options.lang ?? 'en';
  const batchSize = options.batchSize ?? 100;
  const w = new XmlWriter(sink);
  const registry = new Registry(db);
  const summary: IatiExportSummary = { activities: 0, skipped: [], reportedElsewhere: [], organisations: 0 };
  const ref = options.reportingOrg.ref;
  await registry.loadSources();
  summary.reportedElsewhere = (await db.selectFrom('activities')
    .innerJoin('activity_reporters as r', 'r.activity_id', 'activities.id').innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['o.slug as organisation', (eb) => eb.fn.countAll<number | string>().as('activities')])
    .where('activities.publication', '=', 'published').where(reportedElsewhere('activities.id', ref))
    .groupBy('o.slug').execute())
    .map((r) => ({ organisation: r.organisation, activities: Number(r.activities) }))
    .sort((x, y) => y.activities - x.activities || (x.organisation < y.organisation ? -1 : 1));

  w.declaration();
  w.start('iati-activities', { version: '2.03', 'generated-datetime': options.now, [`xmlns:${SAMVERKA_PREFIX}`]: SAMVERKA_NAMESPACE });
  for (let lastId = 0; ;) {
    const rows = await db.selectFrom('activities').selectAll()
      .where('publication', '=', 'published').where('id', '>', lastId).where((eb) => eb.not(reportedElsewhere('activities.id', ref)))
      .orderBy('id').limit(batchSize).execute();
    if (!rows.length) break;
    lastId = rows.at(-1)!.id;
    const activities = await readActivities(db, rows);
    const ids = rows.map((r) => r.id);

    const targets = [...new Set(activities.flatMap((a) => a.relations.flatMap((r) => ('activity' in r.target ? [r.target.activity] : []))))];
    const [targetRows, incomingRows] = await Promise.all([
      targets.length
        ? db.selectFrom('activities').leftJoin('activity_reporters as r', 'r.activity_id', 'activities.id').leftJoin('organisations as o', 'o.id', 'r.organisation_id')
          .select(['activities.id', 'activities.slug', 'activities.iati_identifier', 'o.slug as reporter', 'o.iati_ref as reporter_ref'])
          .where('activities.slug', 'in', targets).where('activities.publication', '=', 'published')
          .where(inFile('activities.id')).execute()
        : [],
      // What activities in the file state of these; those other publishers report state it in their own files.
      db.selectFrom('relations')
        .innerJoin('activities as source', 'source.id', 'relations.activity_id')
        .select(['relations.target_activity_id as target', 'source.iati_identifier as ref', 'relations.relation_type as type'])
        .where('relations.target_activity_id', 'in', ids).where('source.publication', '=', 'published')
        .where(inFile('source.id')).where((eb) => eb.not(reportedElsewhere('source.id', ref)))
        .orderBy('source.slug').orderBy('relations.position').execute(),
    ]);
    // Reported elsewhere as reportedElsewhere() decides it, read off the reporter already joined.
    const others = targetRows.filter((r) => r.reporter !== null && r.reporter_ref !== ref);
    const own = targetRows.filter((r) => !others.includes(r));
    const activityIdentifiers = new Map(own.map((r) => [r.slug, r.iati_identifier]));
    const titles = others.length
      ? await db.selectFrom('activity_texts').select(['activity_id', 'lang', 'title']).where('activity_id', 'in', others.map((r) => r.id)).execute()
      : [];
    const elsewhere = new Map(others.map((r): [string, ElsewhereTarget] => {
      const title = (lang: string) => titles.find((t) => t.activity_id === r.id && t.lang === lang)?.title ?? null;
      return [r.slug, { iatiIdentifier: r.iati_identifier, name: fromColumns(title('sv'), title('en')) ?? { en: r.iati_identifier }, organisation: r.reporter! }];
    }));
    const stated = activities.map((a) => withElsewhereTargets(a, elsewhere));
    const incoming = new Map<number, IncomingRelation[]>();
    for (const r of incomingRows) {
      if (r.target === null) continue;
      incoming.set(r.target, [...(incoming.get(r.target) ?? []), { ref: r.ref, type: r.type }]);
    }
    await registry.loadOrganisations(stated.flatMap(organisationsNamed));

    stated.forEach((a, i) => {
      const ctx: MappingContext = {
        reportingOrg: options.reportingOrg, lang, organisations: registry.organisationsBySlug, activityIdentifiers,
        incoming: incoming.get(rows[i]!.id) ?? [],
      };
      const model = toIatiActivity(a, ctx);
      const blocker = exportBlocker(model);
      if (blocker) {
        summary.skipped.push({ slug: a.slug, reason: blocker });
        return;
      }
      // What the file says: relations to activities it leaves out are left out of the extension too.
      const written = { ...a, relations: exportedRelations(a, ctx).map((r) => r.relation) };
      writeIatiActivity(w, model, written, registry.definitionsFor(written));
      summary.activities += 1;
    });
    await w.flush();
    options.onProgress?.(summary.activities);
  }
  w.end();
  summary.organisations = registry.definedCount;
  await w.finish({ end: false });
  return summary;
}

/**
 * What `samverka export --format iati` and `GET /data/iati-activities.xml` call: the whole file to
 * `out`, which is ended afterwards unless `end: false` (standard output). On failure the stream is
 * destroyed, so a half-written file is never taken for a whole one.
 */
export async function writeIatiFile(db: Db, out: Writable, options: Partial<IatiExportOptions> & { end?: boolean } = {}): Promise<IatiExportSummary> {
  try {
    // A lean heap (src/shared/lean-heap.ts): the export's peak memory then stays the same whatever the portfolio's size.
    const summary = await withLeanHeap(() => exportIati(db, out, {
      ...options, reportingOrg: options.reportingOrg ?? DEFAULT_REPORTING_ORG, now: options.now ?? new Date().toISOString(),
    }));
    if (options.end ?? true) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return summary;
  } catch (error) {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/**
 * The reporting organisation for an IATI identifier (IATI_REPORTING_ORG): name and type as the
 * registry holds the organisation with that ref, or the agency's own defaults for its own ref.
 */
export async function resolveReportingOrg(db: Db, ref: string): Promise<ReportingOrg> {
  const row = await db.selectFrom('organisations').select(['name_sv', 'name_en', 'org_type']).where('iati_ref', '=', ref).orderBy('id').executeTakeFirst();
  const name = row && fromColumns(row.name_sv, row.name_en);
  if (row && name && row.org_type !== null) return { ref, type: row.org_type, name };
  if (ref === DEFAULT_REPORTING_ORG.ref) return DEFAULT_REPORTING_ORG;
  throw new ConfigError({
    sv: `Ingen organisation i registret har IATI-identifieraren ${ref} (IATI_REPORTING_ORG) med namn och typ: lägg till den eller ändra IATI_REPORTING_ORG.`,
    en: `No organisation in the registry has the IATI identifier ${ref} (IATI_REPORTING_ORG) with a name and type: add it or change IATI_REPORTING_ORG.`,
  });
}
