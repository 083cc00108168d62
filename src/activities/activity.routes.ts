/**
 * The activity API's reading routes, a thin shell over the repository and the editing module.
 * Anonymous callers see published activities only; a viewer or above sees every activity that is
 * not deleted as staff do (the working document, with `editorial`), in private answers.
 * The writing routes are in src/editing/editing.routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import { hasRole } from '../accounts/access.ts';
import type { Db } from '../db/database.ts';
import { getActivityWorkspace, listActivityWorkspaces } from '../editing/activity.editing.ts';
import { etag, pageLinks, presentWorkspace, privateAnswer } from '../editing/editing.http.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { activityQuerySchema, filterOf, sortOf } from './activity.query.schema.ts';
import { listActivities } from './activity.query.ts';
import { findActivity, findIncomingRelations } from './activity.repository.ts';
import { presentActivity } from './activity.presenter.ts';
import type { Activity } from './activity.schema.ts';

/** A link to an activity the public cannot see would name it: anonymous answers leave such relations out, as the exports do. */
async function withPublicRelations(db: Db, activities: Activity[]): Promise<Activity[]> {
  const targets = [...new Set(activities.flatMap((a) => a.relations.flatMap((r) => ('activity' in r.target ? [r.target.activity] : []))))];
  if (targets.length === 0) return activities;
  const visible = new Set((await db.selectFrom('activities').select('slug').where('slug', 'in', targets).where('publication', '=', 'published').execute()).map((r) => r.slug));
  return activities.map((a) => ({ ...a, relations: a.relations.filter((r) => !('activity' in r.target) || visible.has(r.target.activity)) }));
}

export function activityRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/activities', async (request, reply) => {
    const parsed = activityQuerySchema.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(toProblems(parsed.error, 'query'));
    const { page = 1, pageSize = 20, ...rest } = parsed.data;
    const window = { limit: pageSize, offset: (page - 1) * pageSize };
    reply.header('Vary', 'Authorization, Cookie');
    const staff = request.actor && hasRole(request.actor, 'viewer') ? request.actor : undefined;
    let total: number;
    let items: unknown[];
    if (staff) {
      privateAnswer(reply);
      const result = await listActivityWorkspaces(db, staff, filterOf(parsed.data), window, sortOf(parsed.data));
      total = result.total;
      items = result.items.map((a) => presentWorkspace(a));
    } else {
      const result = await listActivities(db, { ...filterOf(parsed.data), publishedOnly: true }, window, sortOf(parsed.data));
      total = result.total;
      items = (await withPublicRelations(db, result.items)).map((a) => presentActivity(a));
    }
    const pages = Math.max(1, Math.ceil(total / pageSize));
    return { total, page, pageSize, pages, links: pageLinks('/api/activities', rest, page, pageSize, pages), items };
  });

  app.get<{ Params: { slug: string } }>('/api/activities/:slug', async (request, reply) => {
    const { slug } = request.params;
    const notFound = () => new NotFoundError({ sv: `Aktiviteten "${slug}" finns inte.`, en: `Activity "${slug}" does not exist.` });
    reply.header('Vary', 'Authorization, Cookie');
    const staff = request.actor && hasRole(request.actor, 'viewer') ? request.actor : undefined;
    if (staff) {
      privateAnswer(reply);
      const ws = await getActivityWorkspace(db, staff, slug);
      if (!ws) throw notFound();
      reply.header('ETag', etag(ws.version));
      return presentWorkspace(ws, await findIncomingRelations(db, slug));
    }
    const activity = await findActivity(db, slug, { publishedOnly: true });
    if (!activity) throw notFound();
    const [shown] = await withPublicRelations(db, [activity]);
    const view = presentActivity(shown!, await findIncomingRelations(db, activity.slug, { publishedOnly: true }));
    reply.header('ETag', etag(view.version));
    return view;
  });
}
