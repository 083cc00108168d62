/**
 * The staff editing pages (Swedish under /edit, English under /en/edit): thin handlers that read the
 * form, call the editing domain (src/editing/) and render a page. Forms post back to the page they
 * came from; a success redirects (?done=…), a refusal re-renders the form with everything typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type Actor } from '../accounts/access.ts';
import { activityQuerySchema, filterOf, sortOf } from '../activities/activity.query.schema.ts';
import { lineageOf } from '../activities/activity.lineage.ts';
import { readActivities } from '../activities/activity.read.ts';
import { findIncomingRelations } from '../activities/activity.repository.ts';
import type { Activity } from '../activities/activity.schema.ts';
import { countryMapSvg } from '../charts/country-map.tsx';
import { checkActivity } from '../check/check.ts';
import { DEFAULT_REPORTING_ORG } from '../iati/iati.mapping.ts';
import { reportedElsewhere } from '../iati/iati.rules.ts';
import type { Db } from '../db/database.ts';
import {
  REVIEW_FILTERS, convertPreStudy, createActivity, deleteActivity, deletedActivities, getActivityWorkspace, listActivityWorkspaces, publishActivity, restoreActivityRevision,
  returnActivity, reviewQueue, saveActivity, submitActivity, undeleteActivity, unpublishActivity, type ActivityDocument, type ActivitySummary, type ActivityWorkspace,
} from '../editing/activity.editing.ts';
import { diffActivities } from '../editing/diff.ts';
import { PublicationBlockedError, VersionConflictError } from '../editing/editing.errors.ts';
import { activityHistory, activityRevision } from '../editing/history.ts';
import { addNote, listNotes } from '../editing/notes.ts';
import { readOrganisations } from '../organisations/organisation.repository.ts';
import { renderDocument, type PageMeta } from '../portal/layout.tsx';
import { ActivityPage } from '../portal/pages/activity.tsx';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import { activityToForm, ACTIVITY_FORM, newActivityForm, readActivityForm, reshapeActivityForm } from './activity.form.ts';
import {
  ActivityEditBody, ActivityListBody, ConflictBody, HistoryBody, OverviewBody, ReviewBody, type EditPageData, type OverviewData,
} from './activity.pages.tsx';
import { applyChoices, mergeChoices } from './merge.ts';
import { firstFieldOfLastRow, problemsToErrors, type FormError, type FormTree } from './form.codec.ts';
import type { NotesData } from './notes.view.tsx';
import { organisationRoutes } from './organisation.routes.tsx';
import { ConfirmDelete, Title, activityEditPath, documentTitle, editPath, page } from './staff.components.tsx';
import { recentActivityEdits } from './staff.queries.ts';
import { EDITING_SCRIPT, EDITING_SCRIPT_PATH } from './staff.assets.ts';
import { S } from './staff.messages.ts';
import { bodyOf, field, frameOf, html, notFoundPage, readsFor, redirect, versionOf, type Body } from './staff.http.tsx';

export interface StaffOptions {
  /** The day checks run for; today otherwise (tests inject it). */
  today?: () => string;
  publicOrigin?: string | undefined;
  /** The server's connection for reads (openReader): the pages read through it, the forms write through `db`. */
  reader?: Db | undefined;
  /** The IATI ref of the registry's own reporting organisation (IATI_REPORTING_ORG), for the preview; the default's otherwise. */
  reportingOrg?: string;
}

/**
 * Names offered while typing an organisation or activity (datalists): a convenience, so after an
 * import of thousands only the most recently changed are offered; any short name can be typed.
 */
const CHOICES = 2000;
async function formChoices(db: Db, lang: Lang): Promise<{ organisations: { slug: string; name: string }[]; activities: { slug: string; name: string }[] }> {
  const [orgs, acts] = await Promise.all([
    db.selectFrom('organisations').select(['slug', 'name_sv', 'name_en', 'acronym']).where('deleted_at', 'is', null)
      .orderBy('updated_at', 'desc').orderBy('slug').limit(CHOICES).execute(),
    db.selectFrom('activities').leftJoin('activity_texts as t', (j) => j.onRef('t.activity_id', '=', 'activities.id').on('t.lang', '=', lang))
      .select(['activities.slug', 't.title']).where('activities.publication', '!=', 'deleted')
      .orderBy('activities.updated_at', 'desc').orderBy('activities.slug').limit(CHOICES).execute(),
  ]);
  orgs.sort((a, b) => a.slug.localeCompare(b.slug));
  acts.sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    organisations: orgs.map((o) => ({ slug: o.slug, name: [lang === 'sv' ? o.name_sv ?? o.name_en : o.name_en ?? o.name_sv, o.acronym].filter(Boolean).join(' – ') })),
    activities: acts.map((a) => ({ slug: a.slug, name: a.title ?? a.slug })),
  };
}

export function staffRoutes(app: FastifyInstance, db: Db, options: StaffOptions = {}): void {
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const reads = readsFor(db, options.reader ?? db);
  let findingsCache: { key: string; value: Promise<OverviewData['findings']> } | undefined;

  async function findingsOverview(readDb: Db, actor: Actor): Promise<OverviewData['findings']> {
    const [version, last] = await Promise.all([
      readDb.selectFrom('activities').select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll<number>().as('n')]).executeTakeFirstOrThrow(),
      readDb.selectFrom('revisions').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst(),
    ]);
    const key = `${String(version.at)}|${version.n}|${String(last?.id ?? 0)}|${today()}`;
    if (findingsCache?.key !== key) {
      const value = Promise.all([
        listActivityWorkspaces(readDb, actor, {}, { limit: 1_000_000, offset: 0 }),
        readDb.selectFrom('organisations').select(['slug', 'iati_ref']).execute(),
      ]).then(([{ items }, orgs]) => {
        // As `samverka check` counts: another publisher's activities are corrected in its own file.
        const refs = new Map(orgs.map((o) => [o.slug, { iatiRef: o.iati_ref ?? undefined }]));
        const reportingRef = options.reportingOrg ?? DEFAULT_REPORTING_ORG.ref;
        let errors = 0;
        let warnings = 0;
        let activities = 0;
        let elsewhere = 0;
        for (const s of items) {
          if (reportedElsewhere(s.document as Activity, reportingRef, refs)) {
            elsewhere++;
            continue;
          }
          const found = checkActivity(s.document as Activity, { today: today() });
          if (found.length) activities++;
          for (const f of found) {
            if (f.severity === 'error') errors++;
            else warnings++;
          }
        }
        return { errors, warnings, activities, elsewhere };
      });
      findingsCache = { key, value };
      value.catch(() => { findingsCache = undefined; });
    }
    return findingsCache.value;
  }

  app.get(EDITING_SCRIPT_PATH, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').send(EDITING_SCRIPT));

  for (const prefix of ['', '/en'] as const) {
    const lang: Lang = prefix === '' ? 'sv' : 'en';
    const P = (path: string) => `${prefix}/edit${path}`;

    // ---------- overview ----------
    app.get(P(''), async (request, reply) => {
      const readDb = reads(request);
      const actor = requireRole(request, 'viewer');
      const [queue, mine, recent, findings] = await Promise.all([
        reviewQueue(readDb, actor),
        recentActivityEdits(readDb, { authorId: actor.userId, limit: 10 }),
        recentActivityEdits(readDb, { limit: 10 }),
        findingsOverview(readDb, actor),
      ]);
      const load = async (slugs: string[]) => (await Promise.all(slugs.map((s) => getActivityWorkspace(readDb, actor, s, { today: today() })))).filter((w): w is ActivityWorkspace => w !== undefined);
      const [mineWs, recentWs] = await Promise.all([load(mine.map((m) => m.slug)), load(recent.map((r) => r.slug))]);
      const recentBy = new Map(recentWs.map((w) => [w.slug, w]));
      const data: OverviewData = {
        queue,
        myDrafts: mineWs.filter((w) => w.review === 'draft' && w.publication !== 'deleted'),
        recent: recent.flatMap((r) => { const s = recentBy.get(r.slug); return s ? [{ summary: s, at: r.at, author: r.author }] : []; }),
        findings,
      };
      return html(reply, 200, page(frameOf(request, lang, actor), S.overviewTitle[lang], 'overview', <OverviewBody frame={frameOf(request, lang, actor)} data={data} />));
    });

    // ---------- list ----------
    app.get<{ Querystring: Record<string, string> }>(P('/activities'), async (request, reply) => {
      const readDb = reads(request);
      const actor = requireRole(request, 'viewer');
      const frame = frameOf(request, lang, actor);
      const { done, deleted: deletedFlag, state, ...raw } = request.query;
      if (deletedFlag === '1') {
        const admin = requireRole(request, 'admin');
        const items = await deletedActivities(readDb, admin);
        return html(reply, 200, page(frame, S.deletedActivitiesTitle[lang], 'activities', (
          <ActivityListBody frame={frame} data={{ query: {}, items, total: items.length, page: 1, pages: 1, problems: [], done, deleted: true }} />
        )));
      }
      const parsed = activityQuerySchema.safeParse(raw);
      const query = parsed.success ? parsed.data : {};
      const review = state ? REVIEW_FILTERS.find((r) => r === state) : undefined;
      if (review === 'deleted') requireRole(request, 'admin');
      const pageSize = 50;
      const pageNo = query.page ?? 1;
      const result = await listActivityWorkspaces(readDb, actor, { ...filterOf(query), review }, { limit: pageSize, offset: (pageNo - 1) * pageSize }, parsed.success ? sortOf(query) : 'start-desc', lang);
      const problems = parsed.success ? [] : toProblems(parsed.error).map((p) => `${p.path}: ${p.message[lang]}`);
      if (state && !review) problems.push(`state: ${S.unknownState[lang]}`);
      const shown = Object.fromEntries(['q', 'kind', 'status', 'country', 'region', 'instrument', 'organisation', 'yearFrom', 'yearTo', 'sort', 'state'].map((k) => [k, k === 'state' ? state : raw[k]]));
      return html(reply, problems.length === 0 ? 200 : 400, page(frame, S.activitiesTitle[lang], 'activities', (
        <ActivityListBody frame={frame} data={{ query: shown, items: result.items, total: result.total, page: pageNo, pages: Math.max(1, Math.ceil(result.total / pageSize)), problems, done, deleted: false }} />
      )));
    });

    // ---------- the form ----------
    async function renderEdit(request: FastifyRequest, reply: FastifyReply, actor: Actor, status: number, parts: {
      ws: ActivityWorkspace | undefined; tree: FormTree; errors?: FormError[]; version: number | undefined; reason?: string; focus?: string | undefined; refusal?: Message | undefined;
      note?: NoteTyped | undefined;
    }) {
      const frame = frameOf(request, lang, actor);
      const choices = await formChoices(reads(request), lang);
      const notes = parts.ws ? await notesOf(request, actor, parts.ws.slug, 'edit', parts.note) : undefined;
      const data: EditPageData = {
        form: { ctx: { lang, tree: parts.tree, errors: parts.errors ?? [], editable: true, focus: parts.focus }, isNew: parts.ws === undefined, ...choices },
        errors: parts.errors ?? [], version: parts.version, reason: parts.reason ?? '', workspace: parts.ws,
        done: (request.query as Record<string, string> | undefined)?.done, refusal: parts.refusal, notes,
      };
      const title = parts.ws ? `${S.editActivity[lang]}: ${documentTitle(parts.ws.document, lang).text}` : S.newActivity[lang];
      return html(reply, status, page(frame, title, 'activities', <ActivityEditBody frame={frame} data={data} />));
    }

    /** The internal notes section of a page: the notes, and what was typed when a note was refused. */
    async function notesOf(request: FastifyRequest, actor: Actor, slug: string, back: NotesData['back'], typed: NoteTyped | undefined): Promise<NotesData> {
      const done = (request.query as Record<string, string> | undefined)?.done;
      return { notes: await listNotes(reads(request), actor, 'activity', slug), back, draft: typed?.draft, error: typed?.error, added: done === 'noted' };
    }

    /** A refusal from the domain on a form post: the fields it names get the error, the rest goes on top. */
    function refusalErrors(error: AppError): { errors: FormError[]; refusal: Message | undefined } {
      const errors = problemsToErrors(ACTIVITY_FORM, error.problems);
      const onFields = errors.filter((e) => e.field !== '');
      return { errors: onFields.length ? errors : [], refusal: onFields.length ? undefined : error.messages };
    }

    app.get(P('/activities/new'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      return renderEdit(request, reply, actor, 200, { ws: undefined, tree: newActivityForm(), version: undefined });
    });

    app.post(P('/activities/new'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const body = bodyOf(request);
      const add = field(body, '_add');
      if (add) {
        const tree = reshapeActivityForm(body, add);
        return renderEdit(request, reply, actor, 200, { ws: undefined, tree, version: undefined, focus: firstFieldOfLastRow(ACTIVITY_FORM, tree, add) });
      }
      const result = readActivityForm(body);
      if (!result.ok) return renderEdit(request, reply, actor, 400, { ws: undefined, tree: result.tree, errors: result.errors, version: undefined });
      try {
        const ws = await createActivity(db, actor, result.value, { today: today() });
        return redirect(reply, `${activityEditPath(lang, ws.slug)}?done=created`);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        return renderEdit(request, reply, actor, error.status, { ws: undefined, tree: result.tree, version: undefined, ...refusalErrors(error) });
      }
    });

    app.get<{ Params: { slug: string } }>(P('/activities/:slug'), async (request, reply) => {
      const readDb = reads(request);
      const actor = requireRole(request, 'viewer');
      const ws = await getActivityWorkspace(readDb, actor, request.params.slug, { today: today() });
      if (!ws) return notFoundPage(request, reply, lang, actor);
      return renderEdit(request, reply, actor, 200, { ws, tree: activityToForm(ws.document as Activity), version: ws.version });
    });

    app.post<{ Params: { slug: string } }>(P('/activities/:slug'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const ws = await getActivityWorkspace(db, actor, request.params.slug, { today: today() });
      if (!ws) return notFoundPage(request, reply, lang, actor);
      const body = bodyOf(request);
      const version = versionOf(body);
      const reason = field(body, '_reason').trim();
      const add = field(body, '_add');
      if (add) {
        const tree = reshapeActivityForm(body, add);
        return renderEdit(request, reply, actor, 200, { ws, tree, version, reason, focus: firstFieldOfLastRow(ACTIVITY_FORM, tree, add) });
      }
      const result = readActivityForm(body, { publication: ws.document.publication });
      if (!result.ok) return renderEdit(request, reply, actor, 400, { ws, tree: result.tree, errors: result.errors, version, reason });
      try {
        const saved = await saveActivity(db, actor, ws.slug, result.value, version, { reason: reason || undefined, today: today() });
        return redirect(reply, `${activityEditPath(lang, ws.slug)}?done=${saved.version === version ? 'unchanged' : 'saved'}`);
      } catch (error) {
        if (error instanceof VersionConflictError) {
          return conflictPage(request, reply, actor, ws.slug, version, error, result.value, reason, []);
        }
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        return renderEdit(request, reply, actor, error.status, { ws, tree: result.tree, version, reason, ...refusalErrors(error) });
      }
    });

    // ---------- conflict and merge ----------
    async function baseDocument(actor: Actor, slug: string, baseVersion: number): Promise<ActivityDocument | undefined> {
      const revisions = await activityHistory(db, actor, slug);
      const at = revisions.find((r) => r.version === baseVersion);
      return at ? (await activityRevision(db, actor, slug, at.number))?.document : undefined;
    }

    async function conflictPage(request: FastifyRequest, reply: FastifyReply, actor: Actor, slug: string, baseVersion: number, conflict: VersionConflictError, mine: ActivityDocument, reason: string, missing: string[]) {
      const theirs = conflict.current.document as ActivityDocument;
      const choices = mergeChoices(theirs, mine, await baseDocument(actor, slug, baseVersion));
      const frame = frameOf(request, lang, actor);
      return html(reply, 409, page(frame, S.conflictTitle[lang], 'activities', (
        <ConflictBody frame={frame} data={{
          action: activityEditPath(lang, slug, '/merge'), heading: <Title doc={theirs} lang={lang} />, baseVersion, currentVersion: conflict.current.version, choices,
          mine: JSON.stringify(mine), reason, missing,
        }} />
      )));
    }

    app.post<{ Params: { slug: string } }>(P('/activities/:slug/merge'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const body = bodyOf(request);
      const ws = await getActivityWorkspace(db, actor, request.params.slug, { today: today() });
      if (!ws) return notFoundPage(request, reply, lang, actor);
      let mine: ActivityDocument;
      try {
        mine = JSON.parse(field(body, 'mine')) as ActivityDocument;
      } catch {
        return redirect(reply, activityEditPath(lang, ws.slug));
      }
      const version = versionOf(body);
      const base = Number(field(body, '_base')) || version;
      const reason = field(body, '_reason');
      const stale = () => new VersionConflictError({ version: ws.version, document: ws.document }, base);
      // Someone saved again while this page was open: compare with the newest version.
      if (version !== ws.version) return conflictPage(request, reply, actor, ws.slug, base, stale(), mine, reason, []);
      const choices = mergeChoices(ws.document, mine, await baseDocument(actor, ws.slug, base));
      const picked = new Map<string, string>();
      for (const [name, value] of Object.entries(body)) {
        const m = /^choice-(\d+)$/.exec(name);
        const path = m ? field(body, `choice-${m[1]}-path`) : '';
        if (m && path && typeof value === 'string') picked.set(path, value);
      }
      const missing = choices.filter((c) => picked.get(c.entry.path) !== 'mine' && picked.get(c.entry.path) !== 'theirs').map((c) => c.entry.path);
      if (missing.length) return conflictPage(request, reply, actor, ws.slug, base, stale(), mine, reason, missing);
      const merged = applyChoices(ws.document, choices.filter((c) => picked.get(c.entry.path) === 'mine').map((c) => c.entry));
      try {
        await saveActivity(db, actor, ws.slug, merged, ws.version, { reason: reason || undefined, today: today() });
        return redirect(reply, `${activityEditPath(lang, ws.slug)}?done=saved`);
      } catch (error) {
        if (error instanceof VersionConflictError) return conflictPage(request, reply, actor, ws.slug, base, error, mine, reason, []);
        if (error instanceof ValidationError) {
          // The merged whole can break a rule that neither side broke (e.g. an end before a start): edit it in the form.
          return renderEdit(request, reply, actor, 400, { ws, tree: activityToForm(merged as Activity), version: ws.version, reason, errors: problemsToErrors(ACTIVITY_FORM, error.problems) });
        }
        throw error;
      }
    });

    // ---------- workflow actions ----------
    const actionRoute = (sub: string, run: (actor: Actor, slug: string, body: Body) => Promise<unknown>, done: string, back: 'edit' | 'review' = 'edit') =>
      app.post<{ Params: { slug: string } }>(P(`/activities/:slug/${sub}`), async (request, reply) => {
        const actor = requireRole(request, 'viewer');
        const body = bodyOf(request);
        const slug = request.params.slug;
        if (sub === 'delete' && field(body, 'confirm') !== 'yes') {
          requireRole(request, 'reviewer');
          const ws = await getActivityWorkspace(db, actor, slug, { today: today() });
          if (!ws) return notFoundPage(request, reply, lang, actor);
          const frame = frameOf(request, lang, actor);
          const title = documentTitle(ws.document, lang).text;
          return html(reply, 200, page(frame, `${S.delete[lang]}: ${title}`, 'activities', (
            <ConfirmDelete frame={frame} action={activityEditPath(lang, slug, '/delete')} back={activityEditPath(lang, slug)} title={title} version={versionOf(body) || undefined} />
          )));
        }
        try {
          const result = await run(actor, slug, body);
          const to = typeof result === 'string' ? result : slug;
          // A deleted activity is seen by admins only: the others go back to the list.
          if (sub === 'delete') return redirect(reply, `${editPath(lang, '/activities')}?done=deleted`);
          return redirect(reply, `${activityEditPath(lang, to)}?done=${done}`);
        } catch (error) {
          if (error instanceof NotFoundError) return notFoundPage(request, reply, lang, actor);
          if (!(error instanceof AppError) || error.status >= 500 || error.status === 403 || error.status === 401) throw error;
          const ws = await getActivityWorkspace(db, actor, slug, { today: today() });
          if (!ws) return notFoundPage(request, reply, lang, actor);
          if (back === 'review' || error instanceof PublicationBlockedError) {
            return reviewPage(request, reply, actor, ws, error.status, {
              refusal: error instanceof PublicationBlockedError ? S.publishBlocked : error.messages,
              refusalItems: error instanceof PublicationBlockedError ? error.findings.map((f) => f.message[lang]) : error.problems.map((p) => p.message[lang]),
              comment: field(body, 'comment'),
              commentError: error instanceof ValidationError ? error.problems.find((p) => p.path === 'comment')?.message : undefined,
            });
          }
          return renderEdit(request, reply, actor, error.status, { ws, tree: activityToForm(ws.document as Activity), version: ws.version, refusal: error.messages });
        }
      });
    const opts = (body: Body) => ({ version: versionOf(body) || undefined, today: today() });
    actionRoute('submit', (actor, slug, body) => submitActivity(db, actor, slug, opts(body)), 'submitted');
    actionRoute('publish', (actor, slug, body) => publishActivity(db, actor, slug, opts(body)), 'published', 'review');
    actionRoute('return', (actor, slug, body) => returnActivity(db, actor, slug, field(body, 'comment'), opts(body)), 'returned', 'review');
    actionRoute('unpublish', (actor, slug, body) => unpublishActivity(db, actor, slug, opts(body)), 'unpublished');
    actionRoute('delete', (actor, slug, body) => deleteActivity(db, actor, slug, opts(body)), 'deleted');
    actionRoute('undelete', (actor, slug) => undeleteActivity(db, actor, slug, { today: today() }), 'undeleted');
    actionRoute('convert', async (actor, slug, body) => {
      const wanted = field(body, 'slug').trim();
      const { project } = await convertPreStudy(db, actor, slug, { slug: wanted || undefined, today: today() });
      return project.slug;
    }, 'converted');

    // ---------- review ----------
    async function reviewPage(request: FastifyRequest, reply: FastifyReply, actor: Actor, ws: ActivityWorkspace, status: number, extra: { refusal?: Message | undefined; refusalItems?: string[] | undefined; comment?: string; commentError?: Message | undefined; note?: NoteTyped | undefined } = {}) {
      const frame = frameOf(request, lang, actor);
      const notes = await notesOf(request, actor, ws.slug, 'review', extra.note);
      const before = ws.published ? (({ meta: _m, ...rest }) => rest)(ws.published) : undefined;
      const diff = before ? diffActivities(before, { ...ws.document, publication: before.publication }) : diffActivities(emptyLike(ws.document), ws.document).filter((e) => e.path !== 'publication');
      return html(reply, status, page(frame, `${S.reviewTitle[lang]}: ${documentTitle(ws.document, lang).text}`, 'activities', (
        <ReviewBody frame={frame} data={{ ws, diff, comment: extra.comment ?? '', refusal: extra.refusal, refusalItems: extra.refusalItems, commentError: extra.commentError, notes }} />
      )));
    }

    app.get<{ Params: { slug: string } }>(P('/activities/:slug/review'), async (request, reply) => {
      const readDb = reads(request);
      const actor = requireRole(request, 'viewer');
      const ws = await getActivityWorkspace(readDb, actor, request.params.slug, { today: today() });
      if (!ws) return notFoundPage(request, reply, lang, actor);
      return reviewPage(request, reply, actor, ws, 200);
    });

    // ---------- internal notes ----------
    app.post<{ Params: { slug: string } }>(P('/activities/:slug/notes'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const body = bodyOf(request);
      const slug = request.params.slug;
      const back = field(body, 'back') === 'review' ? 'review' : 'edit';
      const text = field(body, 'body');
      try {
        await addNote(db, actor, 'activity', slug, { body: text });
        return redirect(reply, `${activityEditPath(lang, slug, back === 'review' ? '/review' : '')}?done=noted#notes`);
      } catch (error) {
        if (error instanceof NotFoundError) return notFoundPage(request, reply, lang, actor);
        if (!(error instanceof ValidationError)) throw error;
        const ws = await getActivityWorkspace(db, actor, slug, { today: today() });
        if (!ws) return notFoundPage(request, reply, lang, actor);
        const note: NoteTyped = { draft: text, error: error.problems[0]?.message ?? error.messages };
        if (back === 'review') return reviewPage(request, reply, actor, ws, 400, { note });
        return renderEdit(request, reply, actor, 400, { ws, tree: activityToForm(ws.document as Activity), version: ws.version, note });
      }
    });

    // ---------- preview ----------
    app.get<{ Params: { slug: string } }>(P('/activities/:slug/preview'), async (request, reply) => {
      const readDb = reads(request);
      const actor = requireRole(request, 'viewer');
      const ws = await getActivityWorkspace(readDb, actor, request.params.slug, { today: today() });
      if (!ws) return notFoundPage(request, reply, lang, actor);
      const activity = ws.document as Activity;
      const named = [...new Set([
        ...activity.participations.map((p) => p.organisation),
        ...activity.funding.flatMap((f) => [f.funder, f.via].filter((o): o is string => o !== undefined)),
        ...activity.engagements.flatMap((e) => e.homeOrganisations),
      ])];
      const [incoming, lineage, orgs] = await Promise.all([
        findIncomingRelations(readDb, activity.slug, { publishedOnly: true }),
        lineageOf(readDb, activity.slug),
        named.length ? readDb.selectFrom('organisations').selectAll().where('slug', 'in', named).execute().then((rows) => readOrganisations(readDb, rows)) : [],
      ]);
      const relatedSlugs = [...new Set([...incoming.map((r) => r.from), ...activity.relations.flatMap((r) => ('activity' in r.target ? [r.target.activity] : []))])];
      const related = relatedSlugs.length ? await readActivities(readDb, await readDb.selectFrom('activities').selectAll().where('slug', 'in', relatedSlugs).execute()) : [];
      const relatedTitles = new Map(related.map((a) => [a.slug, { sv: a.texts.sv?.title, en: a.texts.en?.title }]));
      const title = documentTitle(ws.document, lang).text;
      const meta: PageMeta = {
        lang, url: request.url, title: `${S.previewTitle[lang]}: ${title}`, description: title, section: 'activities',
        origin: options.publicOrigin ?? `${request.protocol}://${request.host}`, today: today(), noindex: true,
        banner: (
          <div class="preview-banner" role="note">
            <p><strong>{S.previewTitle[lang]}.</strong> {S.previewBanner[lang]}</p>
            <p><a href={activityEditPath(lang, ws.slug)}>{S.backToEdit[lang]}</a> · <a href={activityEditPath(lang, ws.slug, '/review')}>{S.review[lang]}</a></p>
          </div>
        ),
      };
      const organisations = new Map(orgs.map((o) => [o.slug, o]));
      const body = renderDocument(ActivityPage({
        meta, data: {
          activity, organisations, reportedElsewhere: reportedElsewhere(activity, options.reportingOrg ?? DEFAULT_REPORTING_ORG.ref, organisations),
          incoming: incoming.map((r) => ({ ...r, title: relatedTitles.get(r.from) ?? {} })),
          relatedTitles, lineage, findings: checkActivity(activity, { today: today() }),
          map: countryMapSvg({ id: 'country-map', lang, codes: activity.countries.map((c) => c.code) }),
        },
      }));
      return html(reply, 200, body);
    });

    // ---------- history ----------
    app.get<{ Params: { slug: string }; Querystring: { revision?: string; done?: string } }>(P('/activities/:slug/history'), async (request, reply) => {
      const readDb = reads(request);
      const actor = requireRole(request, 'viewer');
      const ws = await getActivityWorkspace(readDb, actor, request.params.slug, { today: today() });
      if (!ws) return notFoundPage(request, reply, lang, actor);
      const revisions = [...await activityHistory(readDb, actor, ws.slug)].sort((a, b) => b.number - a.number);
      const wanted = Number(request.query.revision) || revisions[0]?.number;
      const selected = wanted ? await activityRevision(readDb, actor, ws.slug, wanted) : undefined;
      const frame = frameOf(request, lang, actor);
      return html(reply, 200, page(frame, `${S.historyTitle[lang]}: ${documentTitle(ws.document, lang).text}`, 'activities', (
        <HistoryBody frame={frame} data={{
          base: activityEditPath(lang, ws.slug), heading: <Title doc={ws.document} lang={lang} />, revisions, selected, version: ws.version,
          canRestore: actor.role !== 'viewer' && ws.publication !== 'deleted', done: request.query.done,
        }} />
      )));
    });

    app.post<{ Params: { slug: string; n: string } }>(P('/activities/:slug/history/:n/restore'), async (request, reply) => {
      const actor = requireRole(request, 'editor');
      const body = bodyOf(request);
      const slug = request.params.slug;
      try {
        await restoreActivityRevision(db, actor, slug, Number(request.params.n), { version: versionOf(body) || undefined, today: today() });
        return redirect(reply, `${activityEditPath(lang, slug, '/history')}?done=restored`);
      } catch (error) {
        if (error instanceof NotFoundError || (error instanceof AppError && error.status === 404)) return notFoundPage(request, reply, lang, actor);
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        const ws = await getActivityWorkspace(db, actor, slug, { today: today() });
        if (!ws) return notFoundPage(request, reply, lang, actor);
        const revisions = [...await activityHistory(db, actor, slug)].sort((a, b) => b.number - a.number);
        const selected = await activityRevision(db, actor, slug, Number(request.params.n));
        const frame = frameOf(request, lang, actor);
        return html(reply, error.status, page(frame, S.historyTitle[lang], 'activities', (
          <HistoryBody frame={frame} data={{
            base: activityEditPath(lang, slug), heading: <Title doc={ws.document} lang={lang} />, revisions, selected, version: ws.version,
            canRestore: true, done: undefined, refusal: error.messages,
          }} />
        )));
      }
    });
  }

  organisationRoutes(app, db, options.reader ?? db);
}

/** A note that was refused: what was typed and why. */
interface NoteTyped {
  draft: string;
  error: Message;
}

/** An empty activity to diff a never-published one against: everything is new. */
function emptyLike(doc: ActivityDocument): ActivityDocument {
  const { reportedBy: _reportedBy, ...rest } = doc;
  return {
    ...rest, iatiIdentifier: '', otherIdentifiers: [], kind: doc.kind, status: doc.status, workingTitle: false, texts: {}, dates: {}, countries: [], regions: [],
    participations: [], funding: [], relations: [], alignment: [], keyFigures: [], results: [], engagements: [], documents: [], provenance: [],
  };
}

export type { ActivitySummary };
