/** The HTTP server: health, the JSON API, and (in later issues) the portal and editing. */
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { activityRoutes } from '../activities/activity.routes.ts';
import type { Db } from '../db/database.ts';
import { installErrorHandling } from './problem.ts';

export interface ServerOptions {
  logLevel?: string;
}

export async function buildServer(db: Db, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
    disableRequestLogging: options.logLevel === 'silent',
  });
  installErrorHandling(app);

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable', reason: 'database' });
    }
  });
  activityRoutes(app, db);
  return app;
}
