/**
 * The seed portfolio: the organisations and activities of the seed page, validated with the same
 * schemas as every other input, and checked for references that point nowhere.
 */
import { activitySchema, type Activity } from '../activities/activity.schema.ts';
import { organisationSchema, type Organisation } from '../organisations/organisation.schema.ts';
import { ValidationError, describeProblem, type FieldProblem } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { SEED_ACTIVITIES } from './portfolio.activities.ts';
import { SEED_ORGANISATIONS } from './portfolio.organisations.ts';

export { SEED_ACTIVITIES } from './portfolio.activities.ts';
export { SEED_ORGANISATIONS } from './portfolio.organisations.ts';

/** The page the seed data was read from; `source` in every provenance entry refers to its slug. */
export const SEED_SOURCE = {
  slug: 'seed-page',
  title: { sv: 'Internationellt utvecklingssamarbete', en: 'International development cooperation' },
  file: '000_e0b98a2f0c13509c.txt',
} as const;

export interface SeedPortfolio {
  organisations: Organisation[];
  activities: Activity[];
}

/** Validate the seed data; throws a ValidationError listing every problem by record and field. */
export function parseSeedPortfolio(): SeedPortfolio {
  const problems: FieldProblem[] = [];
  const organisations: Organisation[] = [];
  const activities: Activity[] = [];

  SEED_ORGANISATIONS.forEach((input, i) => {
    const result = organisationSchema.safeParse(input);
    if (result.success) organisations.push(result.data);
    else problems.push(...toProblems(result.error, `organisations[${i}] ${input.slug}`));
  });
  SEED_ACTIVITIES.forEach((input, i) => {
    const result = activitySchema.safeParse(input);
    if (result.success) activities.push(result.data);
    else problems.push(...toProblems(result.error, `activities[${i}] ${input.slug}`));
  });

  // References are checked on the raw input, so one broken record does not hide another's.
  problems.push(...referenceProblems());

  if (problems.length > 0) {
    const lines = problems.map((p) => `  - ${describeProblem(p, 'en')}`).join('\n');
    throw new ValidationError(problems, {
      sv: `Startdata innehåller ${problems.length} fel:\n${problems.map((p) => `  - ${describeProblem(p, 'sv')}`).join('\n')}`,
      en: `The seed portfolio has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n${lines}`,
    });
  }
  return { organisations, activities };
}

function referenceProblems(): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const organisationSlugs = new Set<string>();
  const activitySlugs = new Set<string>();
  const iatiIdentifiers = new Set<string>();

  const missing = (record: string, path: string, what: 'organisation' | 'activity', slug: string): FieldProblem => ({
    code: 'unknown-reference', record, path,
    message: what === 'organisation'
      ? { sv: `Organisationen "${slug}" finns inte i startdata.`, en: `The organisation "${slug}" is not in the seed data.` }
      : { sv: `Aktiviteten "${slug}" finns inte i startdata.`, en: `The activity "${slug}" is not in the seed data.` },
  });
  const duplicate = (record: string, path: string, value: string): FieldProblem => ({
    code: 'duplicate', record, path,
    message: { sv: `"${value}" används redan av en annan post.`, en: `"${value}" is already used by another record.` },
  });

  SEED_ORGANISATIONS.forEach((o, i) => {
    if (organisationSlugs.has(o.slug)) problems.push(duplicate(`organisations[${i}] ${o.slug}`, 'slug', o.slug));
    organisationSlugs.add(o.slug);
  });
  SEED_ORGANISATIONS.forEach((o, i) => {
    if (o.parent !== undefined && !organisationSlugs.has(o.parent)) {
      problems.push(missing(`organisations[${i}] ${o.slug}`, 'parent', 'organisation', o.parent));
    }
  });
  SEED_ACTIVITIES.forEach((a, i) => {
    const record = `activities[${i}] ${a.slug}`;
    if (activitySlugs.has(a.slug)) problems.push(duplicate(record, 'slug', a.slug));
    activitySlugs.add(a.slug);
    if (iatiIdentifiers.has(a.iatiIdentifier)) problems.push(duplicate(record, 'iatiIdentifier', a.iatiIdentifier));
    iatiIdentifiers.add(a.iatiIdentifier);
  });

  SEED_ACTIVITIES.forEach((a, i) => {
    const record = `activities[${i}] ${a.slug}`;
    const organisation = (path: string, slug: string | undefined) => {
      if (slug !== undefined && !organisationSlugs.has(slug)) problems.push(missing(record, path, 'organisation', slug));
    };
    a.participations?.forEach((p, j) => organisation(`participations.${j}.organisation`, p.organisation));
    a.funding?.forEach((f, j) => {
      organisation(`funding.${j}.funder`, f.funder);
      organisation(`funding.${j}.via`, f.via);
    });
    a.engagements?.forEach((e, j) => e.homeOrganisations?.forEach((slug, k) => organisation(`engagements.${j}.homeOrganisations.${k}`, slug)));
    a.relations?.forEach((r, j) => {
      if ('activity' in r.target) {
        if (!activitySlugs.has(r.target.activity)) problems.push(missing(record, `relations.${j}.target.activity`, 'activity', r.target.activity));
        if (r.target.activity === a.slug) {
          problems.push({
            code: 'self-reference', record, path: `relations.${j}.target.activity`,
            message: { sv: 'En aktivitet kan inte länka till sig själv.', en: 'An activity cannot link to itself.' },
          });
        }
      } else {
        organisation(`relations.${j}.target.external.organisation`, r.target.external.organisation);
      }
    });
  });
  return problems;
}
