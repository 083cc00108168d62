/**
 * The one schema for finding activities, shared by the portal's list page and the JSON API: every
 * filter, the search text, sorting and paging. Unknown parameters and values are refused by name.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, INSTRUMENTS, codesOf } from '../reference/codes.ts';
import { findObjective } from '../reference/frameworks.ts';
import { COUNTRY_CODES } from '../reference/iati-codes.generated.ts';
import { REGION_CODES } from '../reference/regions.ts';
import { addProblem, slug } from '../shared/schema-helpers.ts';
import { SORTS, type ActivityFilter, type Sort } from './activity.query.ts';

const year = z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1900, { error: 'out-of-range' }).max(2100, { error: 'out-of-range' });
/** An empty field in a submitted form means "any". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const activityQuerySchema = z.strictObject({
  q: optional(z.string().max(10_000)),
  kind: optional(z.enum(codesOf(ACTIVITY_KINDS))),
  status: optional(z.enum(codesOf(ACTIVITY_STATUSES))),
  country: optional(z.string().transform((c) => c.toUpperCase()).pipe(z.enum(COUNTRY_CODES as [string, ...string[]]))),
  region: optional(z.enum(REGION_CODES)),
  instrument: optional(z.enum(codesOf(INSTRUMENTS))),
  funder: optional(slug),
  organisation: optional(slug),
  year: optional(year),
  yearFrom: optional(year),
  yearTo: optional(year),
  gcm: optional(z.string().refine((c) => findObjective('gcm', c) !== undefined, { error: 'unknown-code' })),
  sdgTarget: optional(z.string().refine((c) => findObjective('sdg-target', c) !== undefined, { error: 'unknown-code' })),
  sort: optional(z.enum(SORTS)),
  page: optional(z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'out-of-range' }).max(100_000, { error: 'out-of-range' })),
  pageSize: optional(z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'out-of-range' }).max(100, { error: 'out-of-range' })),
}).superRefine((q, ctx) => {
  const from = q.yearFrom ?? q.year;
  const to = q.yearTo ?? q.year;
  if (from !== undefined && to !== undefined && to < from) {
    addProblem(ctx, 'end-before-start', { sv: 'Slutåret ligger före startåret.', en: 'The last year is before the first year.' }, ['yearTo']);
  }
});

export type ActivityQuery = z.output<typeof activityQuerySchema>;

export function filterOf(query: ActivityQuery): ActivityFilter {
  return {
    q: query.q, kind: query.kind, status: query.status, country: query.country, region: query.region,
    instrument: query.instrument, funder: query.funder, organisation: query.organisation,
    yearFrom: query.yearFrom ?? query.year, yearTo: query.yearTo ?? query.year, gcm: query.gcm, sdgTarget: query.sdgTarget,
  };
}

export function sortOf(query: ActivityQuery): Sort {
  return query.sort ?? (query.q ? 'relevance' : 'start-desc');
}
