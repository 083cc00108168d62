/**
 * Import and export of the whole portfolio as one JSON document. An import is one transaction:
 * every record is validated first, and any problem leaves the database exactly as it was.
 */
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { activitySchema, type Activity } from '../activities/activity.schema.ts';
import { namedOrganisations } from '../activities/activity.references.ts';
import { allActivities, saveActivities } from '../activities/activity.repository.ts';
import { refreshPlannerStatistics } from '../db/maintenance.ts';
import { recordImportRevisions } from '../editing/import-history.ts';
import { loadReferences } from '../db/references.ts';
import type { Db } from '../db/database.ts';
import { organisationSchema, type Organisation } from '../organisations/organisation.schema.ts';
import { readOrganisations, saveOrganisations } from '../organisations/organisation.repository.ts';
import { withoutMeta, type SaveOutcome } from '../shared/records.ts';
import { fromColumns, toColumns } from '../shared/bilingual.ts';
import { AppError, ValidationError, type FieldProblem } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { PORTFOLIO_FORMAT, PORTFOLIO_FORMAT_VERSION, portfolioEnvelope, sourceSchema, type Source } from './portfolio.schema.ts';

export interface Portfolio {
  format: typeof PORTFOLIO_FORMAT;
  formatVersion: typeof PORTFOLIO_FORMAT_VERSION;
  generatedAt: string;
  sources: Source[];
  organisations: Organisation[];
  activities: Activity[];
}

export interface ImportSummary {
  sources: Record<SaveOutcome, number>;
  organisations: Record<SaveOutcome, number>;
  activities: Record<SaveOutcome, number>;
}

function parseRecords<S extends z.ZodType>(schema: S, items: unknown[], kind: string, problems: FieldProblem[]): z.output<S>[] {
  const out: z.output<S>[] = [];
  items.forEach((item, index) => {
    const name = item && typeof item === 'object' && 'slug' in item && typeof item.slug === 'string' ? ` (${item.slug})` : '';
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else problems.push(...toProblems(parsed.error, `${kind}[${index}]${name}`));
  });
  return out;
}

function duplicates<T>(items: T[], key: (t: T) => string, kind: string, field: string, problems: FieldProblem[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ code: 'duplicate', record: `${kind}[${index}] (${k})`, path: field, message: { sv: `Värdet "${k}" finns redan.`, en: `The value "${k}" occurs twice.` } });
    seen.add(k);
  });
}

/** Validates a whole document; throws a ValidationError naming every record and field at fault. */
export function parsePortfolio(input: unknown): { sources: Source[]; organisations: Organisation[]; activities: Activity[] } {
  const envelope = portfolioEnvelope.safeParse(input);
  if (!envelope.success) throw new ValidationError(toProblems(envelope.error, 'document'));
  const problems: FieldProblem[] = [];
  const sources = parseRecords(sourceSchema, envelope.data.sources, 'sources', problems);
  const organisations = parseRecords(organisationSchema, envelope.data.organisations, 'organisations', problems);
  const activities = parseRecords(activitySchema, envelope.data.activities, 'activities', problems);
  duplicates(sources, (s) => s.slug, 'sources', 'slug', problems);
  duplicates(organisations, (o) => o.slug, 'organisations', 'slug', problems);
  duplicates(activities, (a) => a.slug, 'activities', 'slug', problems);
  duplicates(activities, (a) => a.iatiIdentifier, 'activities', 'iatiIdentifier', problems);
  if (problems.length) throw new ValidationError(problems);
  return { sources, organisations, activities };
}

export function parsePortfolioJson(text: string): ReturnType<typeof parsePortfolio> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('malformed-json', { sv: `Filen är inte giltig JSON: ${reason}`, en: `The file is not valid JSON: ${reason}` });
  }
  return parsePortfolio(data);
}

export async function saveSources(trx: Db, sources: Source[], refs: { sources: Map<string, number> }, now: string): Promise<Map<string, SaveOutcome>> {
  const outcomes = new Map<string, SaveOutcome>();
  if (sources.length === 0) return outcomes;
  const stored = new Map((await readSources(trx)).map((s) => [s.slug, s]));
  for (const source of sources) {
    const before = stored.get(source.slug);
    const title = toColumns(source.title);
    const row = { slug: source.slug, title_sv: title.sv, title_en: title.en, location: source.location ?? null };
    if (before && isDeepStrictEqual(withoutMeta(before), withoutMeta(source))) {
      outcomes.set(source.slug, 'unchanged');
    } else if (before) {
      await trx.updateTable('sources').set((eb) => ({ ...row, version: eb('version', '+', 1), updated_at: now })).where('slug', '=', source.slug).execute();
      outcomes.set(source.slug, 'updated');
    } else {
      const inserted = await trx.insertInto('sources').values({
        ...row, version: source.meta?.version ?? 1, created_at: source.meta?.createdAt ?? now, updated_at: source.meta?.updatedAt ?? now,
      }).returning('id').executeTakeFirstOrThrow();
      refs.sources.set(source.slug, inserted.id);
      outcomes.set(source.slug, 'created');
    }
  }
  return outcomes;
}

export async function readSources(db: Db): Promise<Source[]> {
  const rows = await db.selectFrom('sources').selectAll().orderBy('slug').execute();
  return rows.map((r) => {
    const s: Source = { slug: r.slug, title: fromColumns(r.title_sv, r.title_en) ?? {}, meta: { version: r.version, createdAt: r.created_at, updatedAt: r.updated_at } };
    if (r.location !== null) s.location = r.location;
    return s;
  });
}

function count(outcomes: Map<string, SaveOutcome>): Record<SaveOutcome, number> {
  const c = { created: 0, updated: 0, unchanged: 0 };
  for (const o of outcomes.values()) c[o] += 1;
  return c;
}

function updated(outcomes: Map<string, SaveOutcome>): string[] {
  return [...outcomes].filter(([, o]) => o === 'updated').map(([slug]) => slug);
}

/** Thrown inside the transaction to roll a dry run back after it has done all the work. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Upserts sources, organisations and activities by slug in one transaction. Records equal to what
 * is stored are left alone, so importing the same document twice changes nothing.
 */
export async function importPortfolio(db: Db, portfolio: ReturnType<typeof parsePortfolio>, options: { now?: string; dryRun?: boolean; fileName?: string } = {}): Promise<ImportSummary> {
  const now = options.now ?? new Date().toISOString();
  try {
    const summary = await db.transaction().execute(async (trx) => {
      const refs = await loadReferences(trx);
      const sources = await saveSources(trx, portfolio.sources, refs, now);
      const organisations = await saveOrganisations(trx, portfolio.organisations, refs, now);
      const activities = await saveActivities(trx, portfolio.activities, refs, now);
      await recordImportRevisions(trx, { activities: updated(activities), organisations: updated(organisations) }, { now, reason: options.fileName ?? null });
      const summary: ImportSummary = { sources: count(sources), organisations: count(organisations), activities: count(activities) };
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
    await refreshPlannerStatistics(db);
    return summary;
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}

export async function exportPortfolio(db: Db, options: { publishedOnly?: boolean; now?: string } = {}): Promise<Portfolio> {
  let activities = await allActivities(db, { publishedOnly: options.publishedOnly ?? false });
  if (options.publishedOnly) {
    // A link to a draft would point at nothing the public can see.
    const published = new Set(activities.map((a) => a.slug));
    activities = activities.map((a) => ({ ...a, relations: a.relations.filter((r) => !('activity' in r.target) || published.has(r.target.activity)) }));
  }
  let organisations = await readOrganisations(db);
  if (options.publishedOnly) {
    // Only organisations a published activity names, and their parents, belong in public data.
    const used = new Set<string>();
    for (const a of activities) {
      for (const [slug] of namedOrganisations(a)) used.add(slug);
      a.relations.forEach((r) => { if ('external' in r.target && r.target.external.organisation) used.add(r.target.external.organisation); });
    }
    const bySlug = new Map(organisations.map((o) => [o.slug, o]));
    for (const slug of [...used]) {
      let parent = bySlug.get(slug)?.parent;
      while (parent && !used.has(parent)) { used.add(parent); parent = bySlug.get(parent)?.parent; }
    }
    organisations = organisations.filter((o) => used.has(o.slug));
  }
  return {
    format: PORTFOLIO_FORMAT,
    formatVersion: PORTFOLIO_FORMAT_VERSION,
    generatedAt: options.now ?? new Date().toISOString(),
    sources: await readSources(db),
    organisations,
    activities,
  };
}
