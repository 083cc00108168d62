/**
 * The IATI upload form (Swedish /edit/import, English /en/edit/import), for reviewers: an import
 * publishes what it imports. The file is posted as multipart/form-data and streamed into
 * `importIatiFile` as it arrives, never held whole. The auth hook cannot read a multipart body,
 * so this route checks the `_csrf` field itself, which the form sends before the file.
 */
import { PassThrough, type Readable } from 'node:stream';
import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type Actor } from '../accounts/access.ts';
import { writeAudit } from '../accounts/audit.ts';
import { messagePage } from '../accounts/auth.plugin.tsx';
import { CSRF_FIELD, csrfToken, sameSecret } from '../accounts/csrf.ts';
import type { Db } from '../db/database.ts';
import { importIatiFile, type IatiImportReport } from '../iati/import/iati.import.ts';
import { DEFAULT_LIMITS } from '../iati/import/iati.reader.ts';
import type { Lang } from '../shared/i18n.ts';
import { I } from './import.messages.ts';
import { IMPORT_PATH, ImportFormBody, ImportResultBody, fill, sizeInWords } from './import.pages.tsx';
import { page } from './staff.components.tsx';
import { frameOf, html } from './staff.http.tsx';

export interface ImportRouteOptions {
  /** The largest file accepted, in bytes: the IATI Registry's 60 000 000 unless a test says otherwise. */
  maxBytes?: number;
  /** Map in a worker thread: always, never, or by the file's size and the cores (unset). */
  worker?: boolean;
  /** The IATI ref of the registry's own reporting organisation (IATI_REPORTING_ORG). */
  reportingOrg?: string;
  now?: () => Date;
}

/** Why a post ended before (or instead of) an import; shown beside the file field. */
type Refusal = 'no-file' | 'too-large' | 'json' | 'not-xml' | 'bad-form';

class UploadRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

/**
 * The file as the importer reads it: the first bytes decide whether it can be XML at all (a JSON
 * export, or anything else, is refused before the importer sees it), and crossing the size limit
 * ends the stream with an error, so the import's transaction rolls back.
 */
async function* checkedChunks(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let decided = false;
  for await (const chunk of source) {
    if (!decided) {
      const head = chunk.toString('utf8', 0, Math.min(chunk.length, 512)).replace(/^\uFEFF/, '').trimStart();
      if (head.length > 0) {
        if (head.startsWith('{') || head.startsWith('[')) throw new UploadRefused('json');
        if (!head.startsWith('<')) throw new UploadRefused('not-xml');
        decided = true;
      }
    }
    yield chunk;
  }
  if (!decided) throw new UploadRefused('no-file');
}

/** Reads the rest of the request and throws nothing, so the browser gets the answer rather than a reset connection. */
async function drain(parts: AsyncIterator<MultipartFile | MultipartValue>, current: Readable | undefined): Promise<void> {
  try {
    if (current && !current.readableEnded) {
      current.resume();
      await new Promise<void>((resolve) => { current.once('end', resolve); current.once('close', resolve); current.once('error', () => resolve()); });
    }
    for (;;) {
      const next = await parts.next();
      if (next.done) return;
      const part = next.value;
      if (part.type === 'file') {
        part.file.resume();
        await new Promise<void>((resolve) => { part.file.once('end', resolve); part.file.once('close', resolve); });
      }
    }
  } catch {
    // A limit reached while draining: what was refused has already been decided.
  }
}

export async function importRoutes(app: FastifyInstance, db: Db, options: ImportRouteOptions = {}): Promise<void> {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const now = options.now ?? (() => new Date());
  // Only in this plugin's scope: one file, a few small fields, nothing else kept in memory.
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1000, fieldNameSize: 100, headerPairs: 100 },
  });

  for (const prefix of ['', '/en'] as const) {
    const lang: Lang = prefix === '' ? 'sv' : 'en';
    const path = `${prefix}/edit${IMPORT_PATH}`;

    const formPage = (request: FastifyRequest, reply: FastifyReply, actor: Actor, status: number, error?: string, dryRun = true) =>
      html(reply, status, page(frameOf(request, lang, actor), I.title[lang], 'import', (
        <ImportFormBody frame={frameOf(request, lang, actor)} maxBytes={maxBytes} error={error} dryRun={dryRun} />
      )));

    app.get(path, async (request, reply) => {
      const actor = requireRole(request, 'reviewer');
      return formPage(request, reply, actor, 200);
    });

    app.post(path, { config: { csrfInRoute: true } }, async (request, reply) => {
      const actor = requireRole(request, 'reviewer');
      // Anything else (a form without enctype) has been checked for CSRF by the auth hook and carries no file.
      if (!request.isMultipart()) return formPage(request, reply, actor, 400, I.noFile[lang]);
      const iterator = request.parts()[Symbol.asyncIterator]();
      const needsCsrf = actor.via === 'session';
      let csrfOk = !needsCsrf;
      let dryRun = false;
      let current: Readable | undefined;
      const refuse = async (reason: Refusal, status: number, dry = dryRun) => {
        await drain(iterator, current);
        const text = reason === 'too-large' ? fill(I.tooLarge, lang, { limit: sizeInWords(maxBytes, lang) })
          : reason === 'json' ? I.jsonFile[lang] : reason === 'not-xml' ? I.notXml[lang] : reason === 'bad-form' ? I.badForm[lang] : I.noFile[lang];
        return formPage(request, reply, actor, status, text, dry);
      };
      const csrfRefused = async () => {
        await drain(iterator, current);
        return reply.status(403).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(messagePage(request, lang, actor, 'csrf'));
      };

      let file: MultipartFile | undefined;
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) break;
          const part = next.value;
          if (part.type === 'field') {
            if (part.fieldname === CSRF_FIELD && typeof part.value === 'string') csrfOk ||= sameSecret(csrfToken(request), part.value);
            if (part.fieldname === 'dryRun') dryRun = part.value === '1';
            continue;
          }
          file = part;
          current = part.file;
          break;
        }
      } catch {
        // A limit on fields or parts, or a malformed body.
        return needsCsrf && !csrfOk ? csrfRefused() : refuse('bad-form', 400);
      }
      // The token must come before the file: nothing of the file is read without it.
      if (!csrfOk) return csrfRefused();
      // A file input left empty sends a part without a file name (busboy gives none, not '').
      if (!file || file.fieldname !== 'file' || !file.filename) return refuse('no-file', 400);
      const fileName = file.filename.slice(0, 300);

      let tooLarge = false;
      const body = new PassThrough();
      file.file.on('limit', () => {
        tooLarge = true;
        body.destroy(new UploadRefused('too-large'));
      });
      // The whole file's size, also when the importer stopped early and the rest was drained.
      let received = 0;
      file.file.on('data', (chunk: Buffer) => { received += chunk.length; });
      file.file.pipe(body);
      let report: IatiImportReport;
      try {
        // The request's length (the file and a little form around it) decides whether the file is
        // mapped in a worker thread.
        const length = Number(request.headers['content-length']);
        report = await importIatiFile(db, checkedChunks(body), {
          dryRun, maxBytes, actor, fileName, ...(options.reportingOrg !== undefined ? { reportingOrg: options.reportingOrg } : {}), ...(Number.isFinite(length) ? { sizeHint: length } : {}), ...(options.worker !== undefined ? { worker: options.worker } : {}),
        });
      } catch (error) {
        file.file.unpipe(body);
        if (tooLarge) return refuse('too-large', 413);
        if (error instanceof UploadRefused) return refuse(error.reason, error.reason === 'no-file' ? 400 : 415);
        await drain(iterator, current);
        throw error;
      }
      file.file.unpipe(body);
      await drain(iterator, current);
      // The limit may be noticed only after the last byte the importer needed.
      if (tooLarge || file.file.truncated) return refuse('too-large', 413);

      const s = report.summary;
      await writeAudit(db, { actorUserId: actor.userId, ip: request.ip, now: now() }, 'iati-import', fileName, {
        dryRun, bytes: received, ...(report.critical ? { refused: report.critical.code, line: report.critical.line } : {}),
        activities: s.activities, organisations: s.organisations, errors: s.errors, warnings: s.warnings,
      });
      const title = dryRun ? I.dryRunResultTitle[lang] : I.resultTitle[lang];
      return html(reply, report.critical ? 422 : 200, page(frameOf(request, lang, actor), title, 'import', (
        <ImportResultBody frame={frameOf(request, lang, actor)} maxBytes={maxBytes} fileName={fileName} bytes={received} report={report} />
      )));
    });
  }
}
