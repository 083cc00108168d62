/** Small HTTP helpers shared by the staff routes: the connection to read through, the form body, its version, pages, redirects and the 404 page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../accounts/access.ts';
import { csrfToken } from '../accounts/csrf.ts';
import type { Db } from '../db/database.ts';
import type { Lang } from '../shared/i18n.ts';
import { editPath, page, type Frame } from './staff.components.tsx';
import { S } from './staff.messages.ts';

export type Body = Record<string, string | string[] | undefined>;

/**
 * The connection a request reads through: the server's reader (openReader) for GET and HEAD, which
 * write nothing, and the writing connection for the rest, which read what they are about to change.
 * On SQLite a write transaction (an upload import) holds the writing connection for as long as it
 * lasts; pages read through the reader meanwhile, and show what was committed.
 */
export function readsFor(db: Db, reader: Db): (request: FastifyRequest) => Db {
  return (request) => (request.method === 'GET' || request.method === 'HEAD' ? reader : db);
}

export const bodyOf = (request: FastifyRequest): Body => (request.body && typeof request.body === 'object' ? request.body as Body : {});
export const field = (body: Body, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] ?? '' : '';
};
export const versionOf = (body: Body): number => {
  const n = Number(field(body, '_version'));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export function frameOf(request: FastifyRequest, lang: Lang, actor: Actor | undefined): Frame {
  return { lang, url: request.url, actor, csrf: csrfToken(request) };
}

export function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(body);
}

export function redirect(reply: FastifyReply, to: string): FastifyReply {
  return reply.status(303).header('Location', to).header('Cache-Control', 'no-store').send();
}

export function notFoundPage(request: FastifyRequest, reply: FastifyReply, lang: Lang, actor: Actor | undefined): FastifyReply {
  const title = lang === 'sv' ? 'Sidan finns inte' : 'Page not found';
  return html(reply, 404, page(frameOf(request, lang, actor), title, 'overview', (
    <>
      <h1>{title}</h1>
      <p>{lang === 'sv' ? 'Posten finns inte, eller så har den tagits bort.' : 'The record does not exist, or it has been deleted.'}</p>
      <p><a href={editPath(lang, '')}>{S.overviewTitle[lang]}</a></p>
    </>
  )));
}

