/** The read-only activity API: a thin shell over the repository. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, codesOf } from '../reference/codes.ts';
import { COUNTRY_CODES } from '../reference/iati-codes.generated.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { findActivity, findIncomingRelations, listActivities } from './activity.repository.ts';
import { presentActivity } from './activity.presenter.ts';

export const listQuery = z.strictObject({
  kind: z.enum(codesOf(ACTIVITY_KINDS)).optional(),
  status: z.enum(codesOf(ACTIVITY_STATUSES)).optional(),
  country: z.string().transform((c) => c.toUpperCase()).pipe(z.enum(COUNTRY_CODES as [string, ...string[]])).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function activityRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/activities', async (request) => {
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(toProblems(parsed.error, 'query'));
    const { page, pageSize, ...filter } = parsed.data;
    const result = await listActivities(db, { ...filter, publishedOnly: true }, { limit: pageSize, offset: (page - 1) * pageSize });
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    const link = (p: number) => {
      const entries: [string, string][] = Object.entries({ ...filter, page: p, pageSize })
        .filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]);
      const params = new URLSearchParams(entries);
      return `/api/activities?${params}`;
    };
    return {
      total: result.total, page, pageSize, pages,
      links: { self: link(page), first: link(1), last: link(pages), ...(page < pages ? { next: link(page + 1) } : {}), ...(page > 1 ? { prev: link(page - 1) } : {}) },
      items: result.items.map((a) => presentActivity(a)),
    };
  });

  app.get<{ Params: { slug: string } }>('/api/activities/:slug', async (request) => {
    const activity = await findActivity(db, request.params.slug, { publishedOnly: true });
    if (!activity) throw new NotFoundError({ sv: `Aktiviteten "${request.params.slug}" finns inte.`, en: `Activity "${request.params.slug}" does not exist.` });
    return presentActivity(activity, await findIncomingRelations(db, activity.slug, { publishedOnly: true }));
  });
}
