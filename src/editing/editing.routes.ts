/**
 * The write API for activities and the organisation API: thin shells that check the role, read
 * ETag / If-Match and bodies, and call the editing functions. Every answer is private; every
 * single-record answer carries `ETag: "<version>"`. Errors are problem+json (src/server/problem.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../accounts/access.ts';
import { findIncomingRelations } from '../activities/activity.repository.ts';
import type { Db } from '../db/database.ts';
import { renderDocument, type PageMeta } from '../portal/layout.tsx';
import { NotFoundError } from '../shared/errors.ts';
import { ApiDocsPage } from './api-docs.page.tsx';
import { openApiDocument } from './openapi.ts';
import {
  convertPreStudy, createActivity, deleteActivity, publishActivity, restoreActivityRevision, returnActivity, saveActivity,
  submitActivity, undeleteActivity, unpublishActivity, type ActivityWorkspace,
} from './activity.editing.ts';
import {
  actionBody, convertBody, etag, ifMatch, organisationQuerySchema, pageLinks, parseBody, presentOrganisation, presentWorkspace,
  privateAnswer, requiredIfMatch, restoreBody, returnBody, splitReason,
} from './editing.http.ts';
import { organisationNotFound } from './editing.errors.ts';
import { activityHistory, activityRevision, organisationHistory, organisationRevision } from './history.ts';
import { addNote, listNotes } from './notes.ts';
import {
  createOrganisation, deleteOrganisation, getOrganisationWorkspace, listOrganisationWorkspaces, restoreOrganisationRevision,
  saveOrganisation, undeleteOrganisation, type OrganisationWorkspace,
} from './organisation.editing.ts';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

function revisionNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new NotFoundError({ sv: `Revisionen "${value}" finns inte.`, en: `Revision "${value}" does not exist.` });
  }
  return Number(value);
}

export function editingRoutes(app: FastifyInstance, db: Db, options: { today?: (() => string) | undefined; publicOrigin?: string | undefined } = {}): void {
  const today = () => ({ today: options.today?.() });

  // The description of all this, for machines and for people -----------------------------------

  app.get('/api/openapi.json', async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=300');
    return openApiDocument();
  });
  for (const lang of ['sv', 'en'] as const) {
    app.get(lang === 'sv' ? '/api-docs' : '/en/api-docs', async (request, reply) => {
      const meta: PageMeta = {
        lang, url: request.url, title: lang === 'sv' ? 'API-dokumentation' : 'API documentation',
        description: lang === 'sv' ? 'Samverkas JSON-gränssnitt: läsning, redigering, granskning och historik.' : 'Samverka\'s JSON interface: reading, editing, review and history.',
        section: 'open-data', origin: options.publicOrigin ?? `${request.protocol}://${request.host}`,
        today: options.today?.() ?? new Date().toISOString().slice(0, 10),
      };
      return reply.type('text/html; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(renderDocument(ApiDocsPage({ meta })));
    });
  }

  async function sendActivity(_request: FastifyRequest, reply: FastifyReply, ws: ActivityWorkspace, status = 200) {
    privateAnswer(reply);
    reply.status(status).header('ETag', etag(ws.version));
    if (status === 201) reply.header('Location', `/api/activities/${ws.slug}`);
    return presentWorkspace(ws, await findIncomingRelations(db, ws.slug));
  }

  function sendOrganisation(reply: FastifyReply, o: OrganisationWorkspace, status = 200) {
    privateAnswer(reply);
    reply.status(status).header('ETag', etag(o.version));
    if (status === 201) reply.header('Location', `/api/organisations/${o.slug}`);
    return presentOrganisation(o);
  }

  // Activities ---------------------------------------------------------------------------------

  app.post('/api/activities', async (request, reply) => {
    const actor = requireRole(request, 'editor');
    const { document, reason } = splitReason(request.body);
    return sendActivity(request, reply, await createActivity(db, actor, document, { reason, ...today() }), 201);
  });

  app.put('/api/activities/:slug', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'editor');
    const version = requiredIfMatch(request);
    const { document, reason } = splitReason(request.body);
    return sendActivity(request, reply, await saveActivity(db, actor, request.params.slug, document, version, { reason, ...today() }));
  });

  app.delete('/api/activities/:slug', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'reviewer');
    const version = requiredIfMatch(request);
    const { reason } = parseBody(actionBody, request.body);
    await deleteActivity(db, actor, request.params.slug, { version, reason });
    privateAnswer(reply);
    return reply.status(204).send();
  });

  const action = (path: string, role: 'editor' | 'reviewer' | 'admin', run: (request: SlugRequest) => Promise<ActivityWorkspace>) => {
    app.post(`/api/activities/:slug/${path}`, async (request: SlugRequest, reply) => {
      requireRole(request, role);
      return sendActivity(request, reply, await run(request));
    });
  };
  action('submit', 'editor', (r) => submitActivity(db, r.actor!, r.params.slug, { version: ifMatch(r), ...parseBody(actionBody, r.body), ...today() }));
  action('return', 'reviewer', (r) => returnActivity(db, r.actor!, r.params.slug, parseBody(returnBody, r.body).comment, { version: ifMatch(r), ...today() }));
  action('publish', 'reviewer', (r) => publishActivity(db, r.actor!, r.params.slug, { version: ifMatch(r), ...parseBody(actionBody, r.body), ...today() }));
  action('unpublish', 'reviewer', (r) => unpublishActivity(db, r.actor!, r.params.slug, { version: ifMatch(r), ...parseBody(actionBody, r.body), ...today() }));
  action('undelete', 'admin', (r) => undeleteActivity(db, r.actor!, r.params.slug, { ...parseBody(actionBody, r.body), ...today() }));
  action('restore', 'editor', (r) => {
    const body = parseBody(restoreBody, r.body);
    return restoreActivityRevision(db, r.actor!, r.params.slug, body.revision, { version: ifMatch(r), reason: body.reason, ...today() });
  });

  app.post('/api/activities/:slug/convert', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'editor');
    const body = parseBody(convertBody, request.body);
    const { project } = await convertPreStudy(db, actor, request.params.slug, { ...body, ...today() });
    return sendActivity(request, reply, project, 201);
  });

  app.get('/api/activities/:slug/revisions', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'viewer');
    privateAnswer(reply);
    return { items: await activityHistory(db, actor, request.params.slug) };
  });

  app.get('/api/activities/:slug/revisions/:number', async (request: FastifyRequest<{ Params: { slug: string; number: string } }>, reply) => {
    const actor = requireRole(request, 'viewer');
    privateAnswer(reply);
    const revision = await activityRevision(db, actor, request.params.slug, revisionNumber(request.params.number));
    if (!revision) throw new NotFoundError({ sv: `Revisionen ${request.params.number} finns inte.`, en: `Revision ${request.params.number} does not exist.` });
    return revision;
  });

  // Internal notes on activities and organisations: staff only, never part of the document -----

  for (const entity of ['activity', 'organisation'] as const) {
    const path = entity === 'activity' ? '/api/activities/:slug/notes' : '/api/organisations/:slug/notes';
    app.get(path, async (request: SlugRequest, reply) => {
      const actor = requireRole(request, 'viewer');
      privateAnswer(reply);
      return { items: await listNotes(db, actor, entity, request.params.slug) };
    });
    app.post(path, async (request: SlugRequest, reply) => {
      const actor = requireRole(request, 'editor');
      const note = await addNote(db, actor, entity, request.params.slug, request.body);
      privateAnswer(reply);
      return reply.status(201).send(note);
    });
  }

  // Organisations ------------------------------------------------------------------------------

  app.get('/api/organisations', async (request, reply) => {
    const query = parseBody(organisationQuerySchema, request.query);
    const actor = requireRole(request, query.deleted === 'true' ? 'admin' : 'viewer');
    privateAnswer(reply);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const result = await listOrganisationWorkspaces(db, actor, { q: query.q, deleted: query.deleted === 'true' }, { limit: pageSize, offset: (page - 1) * pageSize });
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    const { page: _p, pageSize: _s, ...rest } = query;
    return { total: result.total, page, pageSize, pages, links: pageLinks('/api/organisations', rest, page, pageSize, pages), items: result.items.map(presentOrganisation) };
  });

  app.get('/api/organisations/:slug', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'viewer');
    const o = await getOrganisationWorkspace(db, actor, request.params.slug);
    if (!o) throw organisationNotFound(request.params.slug);
    return sendOrganisation(reply, o);
  });

  app.post('/api/organisations', async (request, reply) => {
    const actor = requireRole(request, 'editor');
    const { document, reason } = splitReason(request.body);
    return sendOrganisation(reply, await createOrganisation(db, actor, document, { reason }), 201);
  });

  app.put('/api/organisations/:slug', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'editor');
    const version = requiredIfMatch(request);
    const { document, reason } = splitReason(request.body);
    return sendOrganisation(reply, await saveOrganisation(db, actor, request.params.slug, document, version, { reason }));
  });

  app.delete('/api/organisations/:slug', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'reviewer');
    const version = requiredIfMatch(request);
    await deleteOrganisation(db, actor, request.params.slug, { version, ...parseBody(actionBody, request.body) });
    privateAnswer(reply);
    return reply.status(204).send();
  });

  app.post('/api/organisations/:slug/undelete', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'admin');
    return sendOrganisation(reply, await undeleteOrganisation(db, actor, request.params.slug, parseBody(actionBody, request.body)));
  });

  app.post('/api/organisations/:slug/restore', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'editor');
    const body = parseBody(restoreBody, request.body);
    return sendOrganisation(reply, await restoreOrganisationRevision(db, actor, request.params.slug, body.revision, { version: ifMatch(request), reason: body.reason }));
  });

  app.get('/api/organisations/:slug/revisions', async (request: SlugRequest, reply) => {
    const actor = requireRole(request, 'viewer');
    privateAnswer(reply);
    return { items: await organisationHistory(db, actor, request.params.slug) };
  });

  app.get('/api/organisations/:slug/revisions/:number', async (request: FastifyRequest<{ Params: { slug: string; number: string } }>, reply) => {
    const actor = requireRole(request, 'viewer');
    privateAnswer(reply);
    const revision = await organisationRevision(db, actor, request.params.slug, revisionNumber(request.params.number));
    if (!revision) throw new NotFoundError({ sv: `Revisionen ${request.params.number} finns inte.`, en: `Revision ${request.params.number} does not exist.` });
    return revision;
  });
}

