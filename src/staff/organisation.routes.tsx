/** The organisation editing pages: list, new, edit (with conflict and merge), delete, undelete, history, restore. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type Actor } from '../accounts/access.ts';
import type { Db } from '../db/database.ts';
import { diffOrganisations } from '../editing/diff.ts';
import { VersionConflictError } from '../editing/editing.errors.ts';
import { organisationHistory, organisationRevision } from '../editing/history.ts';
import { addNote, listNotes } from '../editing/notes.ts';
import {
  createOrganisation, deleteOrganisation, getOrganisationWorkspace, listOrganisationWorkspaces, organisationUsage, restoreOrganisationRevision,
  saveOrganisation, undeleteOrganisation, type OrganisationDocument, type OrganisationWorkspace,
} from '../editing/organisation.editing.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { ConflictBody, HistoryBody } from './activity.pages.tsx';
import { problemsToErrors, type FormError, type FormTree } from './form.codec.ts';
import { applyChoices, mergeChoices } from './merge.ts';
import { ORGANISATION_FORM, newOrganisationForm, organisationToForm, readOrganisationForm } from './organisation.form.ts';
import { OrganisationEditBody, OrganisationListBody, orgName } from './organisation.pages.tsx';
import { ConfirmDelete, editPath, organisationEditPath, page } from './staff.components.tsx';
import { S } from './staff.messages.ts';
import { bodyOf, field, frameOf, html, notFoundPage, readsFor, redirect, versionOf } from './staff.http.tsx';

const PAGE_SIZE = 50;

/** The organisation pages; they read through `reader` (the server's connection for reads), the forms write through `db`. */
export function organisationRoutes(app: FastifyInstance, db: Db, reader: Db = db): void {
  const reads = readsFor(db, reader);
  for (const prefix of ['', '/en'] as const) {
    const lang: Lang = prefix === '' ? 'sv' : 'en';
    const P = (path: string) => `${prefix}/edit/organisations${path}`;

    const choices = async (readDb: Db) => {
      // Offered while typing the parent; after a large import only the most recently changed.
      const rows = await readDb.selectFrom('organisations').select(['slug', 'name_sv', 'name_en']).where('deleted_at', 'is', null)
        .orderBy('updated_at', 'desc').orderBy('slug').limit(2000).execute();
      rows.sort((a, b) => a.slug.localeCompare(b.slug));
      return rows.map((o) => ({ slug: o.slug, name: (lang === 'sv' ? o.name_sv ?? o.name_en : o.name_en ?? o.name_sv) ?? o.slug }));
    };

    async function renderEdit(request: FastifyRequest, reply: FastifyReply, actor: Actor, status: number, parts: {
      ws: OrganisationWorkspace | undefined; tree: FormTree; errors?: FormError[]; version: number | undefined; reason?: string;
      refusal?: Message | undefined; uses?: Awaited<ReturnType<typeof organisationUsage>>;
      note?: { draft: string; error: Message } | undefined;
    }) {
      const frame = frameOf(request, lang, actor);
      const done = (request.query as Record<string, string> | undefined)?.done;
      const notes = parts.ws ? {
        notes: await listNotes(reads(request), actor, 'organisation', parts.ws.slug), back: 'edit' as const,
        draft: parts.note?.draft, error: parts.note?.error, added: done === 'noted',
      } : undefined;
      const title = parts.ws ? `${S.editOrganisation[lang]}: ${orgName(parts.ws.document, lang).text}` : S.newOrganisation[lang];
      return html(reply, status, page(frame, title, 'organisations', (
        <OrganisationEditBody frame={frame} data={{
          ws: parts.ws, tree: parts.tree, errors: parts.errors ?? [], version: parts.version, reason: parts.reason ?? '',
          done, refusal: parts.refusal, uses: parts.uses, organisations: await choices(reads(request)), notes,
        }} />
      )));
    }

    const refusal = (error: AppError) => {
      const errors = problemsToErrors(ORGANISATION_FORM, error.problems);
      const onFields = errors.filter((e) => e.field !== '');
      return { errors: onFields.length ? errors : [], refusal: onFields.length ? undefined : error.messages };
    };

    app.get<{ Querystring: { q?: string; deleted?: string; page?: string; done?: string } }>(P(''), async (request, reply) => {
      const deleted = request.query.deleted === '1';
      const actor = requireRole(request, deleted ? 'admin' : 'viewer');
      const pageNo = Math.max(1, Math.min(100_000, Number(request.query.page) || 1));
      const q = (request.query.q ?? '').slice(0, 200);
      const result = await listOrganisationWorkspaces(reads(request), actor, { q, deleted }, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE });
      const frame = frameOf(request, lang, actor);
      return html(reply, 200, page(frame, S.organisationsTitle[lang], 'organisations', (
        <OrganisationListBody frame={frame} data={{ q, deleted, done: request.query.done, items: result.items, total: result.total, page: pageNo, pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)) }} />
      )));
    });

    app.get(P('/new'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      return renderEdit(request, reply, actor, 200, { ws: undefined, tree: newOrganisationForm(), version: undefined });
    });

    app.post(P('/new'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const result = readOrganisationForm(bodyOf(request));
      if (!result.ok) return renderEdit(request, reply, actor, 400, { ws: undefined, tree: result.tree, errors: result.errors, version: undefined });
      try {
        const ws = await createOrganisation(db, actor, result.value);
        return redirect(reply, `${organisationEditPath(lang, ws.slug)}?done=organisation-created`);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        return renderEdit(request, reply, actor, error.status, { ws: undefined, tree: result.tree, version: undefined, ...refusal(error) });
      }
    });

    app.get<{ Params: { slug: string } }>(P('/:slug'), async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      const ws = await getOrganisationWorkspace(reads(request), actor, request.params.slug);
      if (!ws) return notFoundPage(request, reply, lang, actor);
      return renderEdit(request, reply, actor, 200, { ws, tree: organisationToForm(ws.document as Organisation), version: ws.version });
    });

    async function conflictPage(request: FastifyRequest, reply: FastifyReply, actor: Actor, ws: { slug: string }, base: number, current: { version: number; document: OrganisationDocument }, mine: OrganisationDocument, reason: string, missing: string[]) {
      const history = await organisationHistory(db, actor, ws.slug);
      const at = history.find((r) => r.version === base);
      const baseDoc = at ? (await organisationRevision(db, actor, ws.slug, at.number))?.document : undefined;
      const choices = mergeChoices(current.document, mine, baseDoc, diffOrganisations);
      const frame = frameOf(request, lang, actor);
      const name = orgName(current.document, lang);
      return html(reply, 409, page(frame, S.conflictTitle[lang], 'organisations', (
        <ConflictBody frame={frame} data={{
          action: organisationEditPath(lang, ws.slug, '/merge'), heading: <span lang={name.lang}>{name.text}</span>, baseVersion: base,
          currentVersion: current.version, choices, mine: JSON.stringify(mine), reason, missing,
        }} />
      )));
    }

    app.post<{ Params: { slug: string } }>(P('/:slug'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const ws = await getOrganisationWorkspace(db, actor, request.params.slug);
      if (!ws) return notFoundPage(request, reply, lang, actor);
      const body = bodyOf(request);
      const version = versionOf(body);
      const reason = field(body, '_reason').trim();
      const result = readOrganisationForm(body);
      if (!result.ok) return renderEdit(request, reply, actor, 400, { ws, tree: result.tree, errors: result.errors, version, reason });
      try {
        const saved = await saveOrganisation(db, actor, ws.slug, result.value, version, { reason: reason || undefined });
        return redirect(reply, `${organisationEditPath(lang, ws.slug)}?done=${saved.version === version ? 'unchanged' : 'saved'}`);
      } catch (error) {
        if (error instanceof VersionConflictError) {
          return conflictPage(request, reply, actor, ws, version, error.current as { version: number; document: OrganisationDocument }, result.value, reason, []);
        }
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        return renderEdit(request, reply, actor, error.status, { ws, tree: result.tree, version, reason, ...refusal(error) });
      }
    });

    app.post<{ Params: { slug: string } }>(P('/:slug/merge'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const ws = await getOrganisationWorkspace(db, actor, request.params.slug);
      if (!ws) return notFoundPage(request, reply, lang, actor);
      const body = bodyOf(request);
      let mine: OrganisationDocument;
      try {
        mine = JSON.parse(field(body, 'mine')) as OrganisationDocument;
      } catch {
        return redirect(reply, organisationEditPath(lang, ws.slug));
      }
      const version = versionOf(body);
      const base = Number(field(body, '_base')) || version;
      const reason = field(body, '_reason');
      const current = { version: ws.version, document: ws.document };
      if (version !== ws.version) return conflictPage(request, reply, actor, ws, base, current, mine, reason, []);
      const choices = mergeChoices(ws.document, mine, undefined, diffOrganisations);
      const picked = new Map<string, string>();
      for (const name of Object.keys(body)) {
        const m = /^choice-(\d+)$/.exec(name);
        if (m) picked.set(field(body, `choice-${m[1]}-path`), field(body, name));
      }
      const missing = choices.filter((c) => !['mine', 'theirs'].includes(picked.get(c.entry.path) ?? '')).map((c) => c.entry.path);
      if (missing.length) return conflictPage(request, reply, actor, ws, base, current, mine, reason, missing);
      const merged = applyChoices(ws.document, choices.filter((c) => picked.get(c.entry.path) === 'mine').map((c) => c.entry));
      try {
        await saveOrganisation(db, actor, ws.slug, merged, ws.version, { reason: reason || undefined });
        return redirect(reply, `${organisationEditPath(lang, ws.slug)}?done=saved`);
      } catch (error) {
        if (error instanceof VersionConflictError) return conflictPage(request, reply, actor, ws, base, error.current as typeof current, mine, reason, []);
        if (error instanceof ValidationError) return renderEdit(request, reply, actor, 400, { ws, tree: organisationToForm(merged as Organisation), version: ws.version, reason, errors: problemsToErrors(ORGANISATION_FORM, error.problems) });
        throw error;
      }
    });

    app.post<{ Params: { slug: string } }>(P('/:slug/notes'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const slug = request.params.slug;
      const text = field(bodyOf(request), 'body');
      try {
        await addNote(db, actor, 'organisation', slug, { body: text });
        return redirect(reply, `${organisationEditPath(lang, slug)}?done=noted#notes`);
      } catch (error) {
        if (error instanceof NotFoundError) return notFoundPage(request, reply, lang, actor);
        if (!(error instanceof ValidationError)) throw error;
        const ws = await getOrganisationWorkspace(db, actor, slug);
        if (!ws) return notFoundPage(request, reply, lang, actor);
        const note = { draft: text, error: error.problems[0]?.message ?? error.messages };
        return renderEdit(request, reply, actor, 400, { ws, tree: organisationToForm(ws.document as Organisation), version: ws.version, note });
      }
    });

    app.post<{ Params: { slug: string } }>(P('/:slug/delete'), async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      const ws = await getOrganisationWorkspace(db, actor, request.params.slug);
      if (!ws) return notFoundPage(request, reply, lang, actor);
      const body = bodyOf(request);
      if (field(body, 'confirm') !== 'yes') {
        requireRole(request, 'reviewer');
        const uses = await organisationUsage(db, ws.slug);
        if (uses.length) {
          const message = { sv: `Organisationen ${ws.slug} används och kan inte tas bort.`, en: `The organisation ${ws.slug} is in use and cannot be deleted.` };
          return renderEdit(request, reply, actor, 409, { ws, tree: organisationToForm(ws.document as Organisation), version: ws.version, refusal: message, uses });
        }
        const frame = frameOf(request, lang, actor);
        const title = orgName(ws.document, lang).text;
        return html(reply, 200, page(frame, `${S.delete[lang]}: ${title}`, 'organisations', (
          <ConfirmDelete frame={frame} action={organisationEditPath(lang, ws.slug, '/delete')} back={organisationEditPath(lang, ws.slug)} title={title} version={versionOf(body) || undefined} />
        )));
      }
      try {
        await deleteOrganisation(db, actor, ws.slug, { version: versionOf(body) || undefined });
        return redirect(reply, `${editPath(lang, '/organisations')}?done=deleted`);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        const uses = error.code === 'organisation-in-use' ? await organisationUsage(db, ws.slug) : undefined;
        return renderEdit(request, reply, actor, error.status, { ws, tree: organisationToForm(ws.document as Organisation), version: ws.version, refusal: error.messages, uses });
      }
    });

    app.post<{ Params: { slug: string } }>(P('/:slug/undelete'), async (request, reply) => {
      const actor = requireRole(request, 'admin');
      try {
        await undeleteOrganisation(db, actor, request.params.slug);
        return redirect(reply, `${organisationEditPath(lang, request.params.slug)}?done=undeleted`);
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return notFoundPage(request, reply, lang, actor);
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        const ws = await getOrganisationWorkspace(db, actor, request.params.slug);
        if (!ws) return notFoundPage(request, reply, lang, actor);
        return renderEdit(request, reply, actor, error.status, { ws, tree: organisationToForm(ws.document as Organisation), version: ws.version, refusal: error.messages });
      }
    });

    const historyPage = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, ws: OrganisationWorkspace, wanted: number | undefined, status: number, refusalMessage?: Message) => {
      const revisions = [...await organisationHistory(reads(request), actor, ws.slug)].sort((a, b) => b.number - a.number);
      const number = wanted ?? revisions[0]?.number;
      const selected = number ? await organisationRevision(reads(request), actor, ws.slug, number) : undefined;
      const frame = frameOf(request, lang, actor);
      const name = orgName(ws.document, lang);
      return html(reply, status, page(frame, `${S.historyTitle[lang]}: ${name.text}`, 'organisations', (
        <HistoryBody frame={frame} data={{
          base: organisationEditPath(lang, ws.slug), heading: <span lang={name.lang}>{name.text}</span>, revisions, selected, version: ws.version,
          canRestore: actor.role !== 'viewer' && ws.deletedAt === null, done: (request.query as Record<string, string>).done, refusal: refusalMessage,
        }} />
      )));
    };

    app.get<{ Params: { slug: string }; Querystring: { revision?: string } }>(P('/:slug/history'), async (request, reply) => {
      const actor = requireRole(request, 'viewer');
      const ws = await getOrganisationWorkspace(reads(request), actor, request.params.slug);
      if (!ws) return notFoundPage(request, reply, lang, actor);
      return historyPage(request, reply, actor, ws, Number(request.query.revision) || undefined, 200);
    });

    app.post<{ Params: { slug: string; n: string } }>(P('/:slug/history/:n/restore'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const ws = await getOrganisationWorkspace(db, actor, request.params.slug);
      if (!ws) return notFoundPage(request, reply, lang, actor);
      try {
        await restoreOrganisationRevision(db, actor, ws.slug, Number(request.params.n), { version: versionOf(bodyOf(request)) || undefined });
        return redirect(reply, `${organisationEditPath(lang, ws.slug, '/history')}?done=restored`);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        if (error.status === 404) return notFoundPage(request, reply, lang, actor);
        return historyPage(request, reply, actor, ws, Number(request.params.n), error.status, error.messages);
      }
    });
  }
}
