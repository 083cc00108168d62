/** The HTTP server: health, the JSON API, the public portal and data files, editing, accounts and the upload form. */
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { activityRoutes } from '../activities/activity.routes.ts';
import { openReader } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { portalErrorPage, portalRoutes } from '../portal/portal.routes.ts';
import { installErrorHandling } from './problem.ts';
import { registerAuth, staffHtmlError, type AuthSettings } from '../accounts/auth.plugin.tsx';
import { accountRoutes } from '../accounts/accounts.routes.tsx';
import { staffRoutes } from '../staff/staff.routes.tsx';
import { editingRoutes } from '../editing/editing.routes.ts';
import { importRoutes } from '../staff/import.routes.tsx';

export interface ServerOptions {
  logLevel?: string;
  publicOrigin?: string | undefined;
  reportingOrg?: string;
  /** Injected by tests that need a fixed day; today otherwise. */
  today?: () => string;
  /** Memory for rendered portal pages; 0 renders every request (for benchmarks of rendering). */
  pageCacheBytes?: number;
  /** Sessions, sign-in limits and the clock (tests pass `now` to move time); defaults otherwise. */
  auth?: Partial<AuthSettings>;
  /** Which proxies to believe about the client's address (Fastify's trustProxy); none by default. */
  trustProxy?: boolean | number | string;
  /** The IATI upload form's file limit in bytes (60 000 000 by default; tests make it small). */
  importMaxBytes?: number;
  /** Whether the upload form's import maps in a worker thread: always, never, or (unset) by the file's size and the cores (iati.batches.ts). */
  importWorker?: boolean;
}

/** No inline script or style anywhere, so the policy needs no 'unsafe-inline'. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** A year, without includeSubDomains: the agency's other hosts are not ours to decide for. */
const HSTS = 'max-age=31536000';

export async function buildServer(db: Db, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
    // Behind a load balancer, the client's address (for sign-in limits and the audit log) comes from X-Forwarded-For.
    // Fastify's typings leave out the number of hops that proxy-addr accepts.
    trustProxy: (options.trustProxy ?? false) as boolean | string,
  });
  const portal = {
    publicOrigin: options.publicOrigin, reportingOrg: options.reportingOrg ?? 'SE-ON-2021002163',
    ...(options.today ? { today: options.today } : {}), ...(options.pageCacheBytes !== undefined ? { pageCacheBytes: options.pageCacheBytes } : {}),
  };
  installErrorHandling(app, (request, status) => portalErrorPage(request, status, portal), staffHtmlError);
  // The public pages, the read API, the data files, the health check, the look-up of who is asking
  // and the staff pages (GET) read through a connection of their own, so that a write transaction
  // (an upload import) does not hold them up (openReader).
  const reader = openReader(db);
  if (reader !== db) app.addHook('onClose', async () => reader.destroy());
  // Before every route: who is asking (request.actor), CSRF, and no caching of staff pages.
  const auth = await registerAuth(app, db, options.auth, reader);
  const httpsOrigin = options.publicOrigin?.startsWith('https://') ?? false;
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    // Served over HTTPS (seen here, from a trusted proxy's X-Forwarded-Proto, or as the public
    // origin says), browsers are told to use nothing else for a year. Over plain HTTP they ignore
    // the header, so a local http:// run is never locked out.
    if (httpsOrigin || request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
    return payload;
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(reader);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable', reason: 'database' });
    }
  });
  activityRoutes(app, reader);
  editingRoutes(app, db, { today: options.today, publicOrigin: options.publicOrigin });
  accountRoutes(app, db, auth, reader);
  staffRoutes(app, db, { today: options.today, publicOrigin: options.publicOrigin, reader, reportingOrg: portal.reportingOrg });
  // Its own scope: multipart parsing exists only for the upload form.
  await app.register(async (scope) => importRoutes(scope, db, {
    now: auth.now, reportingOrg: portal.reportingOrg, ...(options.importMaxBytes !== undefined ? { maxBytes: options.importMaxBytes } : {}),
    ...(options.importWorker !== undefined ? { worker: options.importWorker } : {}),
  }));
  portalRoutes(app, reader, portal);
  return app;
}
