/**
 * Errors as problem+json (RFC 9457) with a stable code. Unknown errors become a 500 with a log
 * line; their text never reaches the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseBusy } from '../db/busy.ts';
import { AppError, DatabaseBusyError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';

export function preferredLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('sv') ? 'sv' : 'en';
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const lang = preferredLang(request);
  return reply.status(error.status).type('application/problem+json').send({
    type: `https://samverka.org/problems/${error.code}`,
    title: error.messages[lang],
    status: error.status,
    code: error.code,
    detail: { sv: error.messages.sv, en: error.messages.en },
    errors: error.problems.map((p) => ({ code: p.code, field: p.path, record: p.record, message: p.message[lang] })),
    ...error.extra,
  });
}

/** Machine clients get problem+json; people on portal pages get an HTML page in their language. */
export type HtmlErrorPage = (request: FastifyRequest, status: 404 | 500) => string;

const isMachinePath = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/data/') || url === '/healthz';

/** A chance to answer an AppError with a page instead (e.g. staff pages: sign in, or not allowed); undefined passes. */
export type HtmlAppError = (request: FastifyRequest, reply: FastifyReply, error: AppError) => FastifyReply | undefined;

export function installErrorHandling(app: FastifyInstance, htmlPage?: HtmlErrorPage, htmlAppError?: HtmlAppError): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseBusy(error)) {
      // Nothing was stored (the transaction never began or was rolled back): worth trying again.
      request.log.warn({ err: error }, 'database busy');
      reply.header('Retry-After', String(DatabaseBusyError.RETRY_AFTER));
      const busy = new DatabaseBusyError();
      return htmlAppError?.(request, reply, busy) ?? sendProblem(reply, request, busy);
    }
    if (error instanceof AppError) return htmlAppError?.(request, reply, error) ?? sendProblem(reply, request, error);
    if (error.validation || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return sendProblem(reply, request, new AppError('bad-request', { sv: 'Felaktig begäran.', en: 'Bad request.' }, error.statusCode ?? 400));
    }
    request.log.error({ err: error }, 'unhandled error');
    if (htmlPage && !isMachinePath(request.url)) return reply.status(500).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(htmlPage(request, 500));
    return sendProblem(reply, request, new AppError('internal', { sv: 'Ett internt fel inträffade.', en: 'An internal error occurred.' }, 500));
  });
  app.setNotFoundHandler((request, reply) => {
    if (htmlPage && !isMachinePath(request.url)) return reply.status(404).type('text/html; charset=utf-8').send(htmlPage(request, 404));
    return sendProblem(reply, request, new AppError('not-found', { sv: 'Sidan finns inte.', en: 'Not found.' }, 404));
  });
}
