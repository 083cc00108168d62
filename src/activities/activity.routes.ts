/** The read-only activity API: a thin shell over the repository. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { activityQuerySchema, filterOf, sortOf } from './activity.query.schema.ts';
import { listActivities } from './activity.query.ts';
import { findActivity, findIncomingRelations } from './activity.repository.ts';
import { presentActivity } from './activity.presenter.ts';

export function activityRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/activities', async (request) => {
    const parsed = activityQuerySchema.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(toProblems(parsed.error, 'query'));
    const { page = 1, pageSize = 20, ...rest } = parsed.data;
    const result = await listActivities(db, { ...filterOf(parsed.data), publishedOnly: true }, { limit: pageSize, offset: (page - 1) * pageSize }, sortOf(parsed.data));
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    const link = (p: number) => {
      const entries: [string, string][] = Object.entries({ ...rest, page: p, pageSize })
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
