/** The editing pages for activities: overview, list, edit form, review, history and the conflict page. */
import { hasRole } from '../accounts/access.ts';
import type { ActivitySummary, ActivityWorkspace } from '../editing/activity.editing.ts';
import type { DiffEntry } from '../editing/diff.ts';
import type { RevisionWithDiff } from '../editing/history.ts';
import type { RevisionSummary } from '../editing/revisions.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, INSTRUMENTS } from '../reference/codes.ts';
import { REGIONS } from '../reference/regions.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { ActivityFields, countryOptions, describeField, type ActivityFormData } from './activity.editor.tsx';
import { DiffTable, readable } from './diff.view.tsx';
import type { FormError } from './form.codec.ts';
import { ErrorSummary } from './form.fields.tsx';
import type { MergeChoice } from './merge.ts';
import { NotesSection, type NotesData } from './notes.view.tsx';
import { ActionForm, Day, DoneNotice, Findings, Refusal, StateTag, Title, activityEditPath, documentTitle, editPath, stateOf, type Frame, Pagination } from './staff.components.tsx';
import { CsrfField } from './staff.layout.tsx';
import { EDITING_SCRIPT_PATH } from './staff.assets.ts';
import { ACTION_NAMES, S, fill } from './staff.messages.ts';

// ---------- overview ----------

export interface OverviewData {
  myDrafts: ActivitySummary[];
  queue: ActivitySummary[];
  recent: { summary: ActivitySummary; at: string; author: string | null }[];
  /** Check findings on the unit's own activities; `elsewhere`: activities other organisations report, not counted. */
  findings: { errors: number; warnings: number; activities: number; elsewhere: number };
}

function SummaryList({ items, lang, extra }: { items: ActivitySummary[]; lang: Lang; extra?: (s: ActivitySummary) => string }) {
  if (items.length === 0) return <p>{S.nothingHere[lang]}</p>;
  return (
    <ul class="cards">
      {items.map((s) => (
        <li class="card">
          <a href={activityEditPath(lang, s.slug)}><Title doc={s.document} lang={lang} /></a>{' '}
          <StateTag state={stateOf(s)} lang={lang} />
          {extra ? <span class="meta"> {extra(s)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function OverviewBody({ frame, data }: { frame: Frame; data: OverviewData }) {
  const { lang } = frame;
  return (
    <>
      <h1>{S.overviewTitle[lang]}</h1>
      {hasRole(frame.actor, 'editor') ? <p><a class="button-link" href={editPath(lang, '/activities/new')}>{S.newActivity[lang]}</a></p> : null}
      <section aria-labelledby="drafts-h">
        <h2 id="drafts-h">{S.myDrafts[lang]}</h2>
        <SummaryList items={data.myDrafts} lang={lang} />
      </section>
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">{S.reviewQueue[lang]}</h2>
        <SummaryList items={data.queue} lang={lang} />
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{S.recentlyChanged[lang]}</h2>
        {data.recent.length === 0 ? <p>{S.nothingHere[lang]}</p> : (
          <ul class="cards">
            {data.recent.map((r) => (
              <li class="card">
                <a href={activityEditPath(lang, r.summary.slug)}><Title doc={r.summary.document} lang={lang} /></a>{' '}
                <StateTag state={stateOf(r.summary)} lang={lang} />
                <span class="meta"> <Day iso={r.at} lang={lang} />{r.author ? `, ${r.author}` : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="findings-overview-h">
        <h2 id="findings-overview-h">{S.findingsOverview[lang]}</h2>
        <p>{fill(lang, S.findingsCount, data.findings)}{data.findings.elsewhere ? ` ${fill(lang, S.findingsElsewhere, data.findings)}` : ''}</p>
      </section>
    </>
  );
}

// ---------- list ----------

export interface ActivityListData {
  query: Record<string, string | undefined>;
  items: ActivitySummary[];
  total: number;
  page: number;
  pages: number;
  problems: string[];
  done: string | undefined;
  /** The admin's list of deleted activities, each with its undo button. */
  deleted: boolean;
}

export function ActivityListBody({ frame, data }: { frame: Frame; data: ActivityListData }) {
  const { lang } = frame;
  const q = data.query;
  const link = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...q, page: String(page) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${editPath(lang, '/activities')}?${params}`;
  };
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{S.any[lang]}</option>
        {options.map((o) => <option value={o.value} selected={q[name] === o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <>
      <h1>{data.deleted ? S.deletedActivitiesTitle[lang] : S.activitiesTitle[lang]}</h1>
      <DoneNotice done={data.done} lang={lang} />
      {hasRole(frame.actor, 'admin') ? (
        <p><a href={data.deleted ? editPath(lang, '/activities') : `${editPath(lang, '/activities')}?deleted=1`}>{data.deleted ? S.activitiesTitle[lang] : S.includeDeleted[lang]}</a></p>
      ) : null}
      {data.deleted ? <DeletedList frame={frame} items={data.items} /> : <>
      {hasRole(frame.actor, 'editor') ? <p><a class="button-link" href={editPath(lang, '/activities/new')}>{S.newActivity[lang]}</a></p> : null}
      <form method="get" action={editPath(lang, '/activities')} class="filters staff-filters">
        <div class="field">
          <label for="filter-q">{S.search[lang]}</label>
          <input type="search" id="filter-q" name="q" value={q.q ?? ''} />
        </div>
        {select('state', S.stateFilter[lang], [
          { value: 'draft', label: S.stateDraft[lang] }, { value: 'in-review', label: S.stateInReview[lang] },
          { value: 'changed', label: S.stateChanged[lang] }, { value: 'published', label: S.stateUnchanged[lang] },
          ...(hasRole(frame.actor, 'admin') ? [{ value: 'deleted', label: S.stateDeleted[lang] }] : []),
        ])}
        {select('kind', S.kind[lang], ACTIVITY_KINDS.map((k) => ({ value: k.code, label: k.label[lang] })))}
        {select('status', S.status[lang], ACTIVITY_STATUSES.map((k) => ({ value: k.code, label: k.label[lang] })))}
        {select('country', labelOfCountry(lang), countryOptions(lang))}
        {select('region', S.region[lang], REGIONS.map((r) => ({ value: r.code, label: r.name[lang] })))}
        {select('instrument', S.instrument[lang], INSTRUMENTS.map((i) => ({ value: i.code, label: i.label[lang] })))}
        <div class="field">
          <label for="filter-organisation">{S.organisationFilter[lang]}</label>
          <input type="text" id="filter-organisation" name="organisation" value={q.organisation ?? ''} />
        </div>
        <div class="field">
          <label for="filter-yearFrom">{S.yearFrom[lang]}</label>
          <input type="text" inputmode="numeric" id="filter-yearFrom" name="yearFrom" value={q.yearFrom ?? ''} />
        </div>
        <div class="field">
          <label for="filter-yearTo">{S.yearTo[lang]}</label>
          <input type="text" inputmode="numeric" id="filter-yearTo" name="yearTo" value={q.yearTo ?? ''} />
        </div>
        {select('sort', S.sort[lang], [
          { value: 'start-desc', label: S.sortStartDesc[lang] }, { value: 'start-asc', label: S.sortStartAsc[lang] },
          { value: 'title', label: S.sortTitle[lang] }, { value: 'relevance', label: S.sortRelevance[lang] },
        ])}
        <button type="submit">{S.filter[lang]}</button>
      </form>
      {data.problems.length ? <Refusal message={{ sv: 'Filtret gick inte att förstå:', en: 'The filter could not be understood:' }} lang={lang} items={data.problems} /> : null}
      <p role="status">{fill(lang, S.total, { n: data.total })}</p>
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">{S.title[lang]}</th><th scope="col">{S.kind[lang]}</th><th scope="col">{S.status[lang]}</th><th scope="col">{S.reviewState[lang]}</th><th scope="col">{S.changedAt[lang]}</th></tr></thead>
          <tbody>
            {data.items.map((s) => (
              <tr>
                <td><a href={activityEditPath(lang, s.slug)}><Title doc={s.document} lang={lang} /></a></td>
                <td>{ACTIVITY_KINDS.find((k) => k.code === s.document.kind)?.label[lang] ?? s.document.kind}</td>
                <td>{ACTIVITY_STATUSES.find((k) => k.code === s.document.status)?.label[lang] ?? s.document.status}</td>
                <td><StateTag state={stateOf(s)} lang={lang} /></td>
                <td><Day iso={s.updatedAt} lang={lang} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} pages={data.pages} link={link} lang={lang} />
      </>}
    </>
  );
}

function DeletedList({ frame, items }: { frame: Frame; items: ActivitySummary[] }) {
  const { lang, csrf } = frame;
  if (items.length === 0) return <p>{S.nothingHere[lang]}</p>;
  return (
    <ul class="cards">
      {items.map((s) => (
        <li class="card">
          <a href={activityEditPath(lang, s.slug)}><Title doc={s.document} lang={lang} /></a>{' '}
          <span class="meta"><Day iso={s.updatedAt} lang={lang} /></span>
          <ActionForm action={activityEditPath(lang, s.slug, '/undelete')} csrf={csrf} label={`${S.undelete[lang]}: ${documentTitle(s.document, lang).text}`} secondary />
        </li>
      ))}
    </ul>
  );
}

const labelOfCountry = (lang: Lang) => (lang === 'sv' ? 'Land' : 'Country');

// ---------- the edit form ----------

export interface EditPageData {
  form: ActivityFormData;
  errors: FormError[];
  /** The version the form is based on. */
  version: number | undefined;
  reason: string;
  workspace: ActivityWorkspace | undefined;
  done: string | undefined;
  refusal?: Message | undefined;
  /** The internal notes, for an existing activity. */
  notes?: NotesData | undefined;
}

export function ActivityEditBody({ frame, data }: { frame: Frame; data: EditPageData }) {
  const { lang, actor, csrf } = frame;
  const ws = data.workspace;
  const isNew = ws === undefined;
  const canEdit = hasRole(actor, 'editor') && ws?.publication !== 'deleted';
  const action = isNew ? editPath(lang, '/activities/new') : activityEditPath(lang, ws.slug);
  const formErrors = data.errors;
  return (
    <>
      <p class="breadcrumb"><a href={editPath(lang, '/activities')}>{S.backToList[lang]}</a></p>
      <h1>{isNew ? S.newActivity[lang] : <><span class="visually-hidden">{S.editActivity[lang]}: </span><Title doc={ws.document} lang={lang} /></>}</h1>
      {ws ? (
        <>
          <p class="meta">
            <StateTag state={stateOf(ws)} lang={lang} />
            {S.version[lang]} {ws.version} · {S.changedAt[lang]} <Day iso={ws.updatedAt} lang={lang} />
          </p>
          <ul class="page-links">
            <li><a href={activityEditPath(lang, ws.slug, '/preview')}>{S.preview[lang]}</a></li>
            <li><a href={activityEditPath(lang, ws.slug, '/review')}>{S.review[lang]}</a></li>
            <li><a href={activityEditPath(lang, ws.slug, '/history')}>{S.history[lang]}</a></li>
            {ws.publication === 'published' ? <li><a href={lang === 'sv' ? `/activities/${encodeURIComponent(ws.slug)}` : `/en/activities/${encodeURIComponent(ws.slug)}`}>{S.showPublic[lang]}</a></li> : null}
          </ul>
        </>
      ) : null}
      <DoneNotice done={data.done} lang={lang} />
      <Refusal message={data.refusal} lang={lang} />
      {ws?.returnComment && ws.review === 'draft' ? (
        <div class="notice"><p><strong>{S.returnedWith[lang]}</strong></p><p>{ws.returnComment.text}</p></div>
      ) : null}
      {ws?.review === 'in-review' ? <p class="notice">{S.inReviewNotice[lang]}</p> : null}
      {ws?.publication === 'deleted' ? <p class="notice">{S.deletedNotice[lang]}</p> : null}
      {!hasRole(actor, 'editor') ? <p class="notice">{S.readOnlyNotice[lang]}</p> : null}
      <ErrorSummary errors={formErrors} lang={lang} labelFor={(f) => describeField(f, lang)} />
      {ws ? <Findings findings={ws.findings} lang={lang} linkFields /> : null}

      <form method="post" action={action} class="edit-form" novalidate>
        <CsrfField token={csrf} />
        {data.version !== undefined ? <input type="hidden" name="_version" value={String(data.version)} /> : null}
        {canEdit ? <p class="actions"><button type="submit" name="_action" value="save">{isNew ? S.create[lang] : S.save[lang]}</button></p> : null}
        <ActivityFields data={{ ...data.form, ctx: { ...data.form.ctx, editable: canEdit } }} />
        {canEdit ? (
          <div class="save-bar">
            {!isNew ? (
              <div class="field">
                <label for="f-_reason">{S.saveReason[lang]}</label>
                <p class="hint" id="f-_reason-hint">{S.saveReasonHint[lang]}</p>
                <input type="text" id="f-_reason" name="_reason" value={data.reason} aria-describedby="f-_reason-hint" maxLength={1000} />
              </div>
            ) : null}
            <p class="actions"><button type="submit" name="_action" value="save">{isNew ? S.create[lang] : S.save[lang]}</button></p>
          </div>
        ) : null}
      </form>

      {ws ? <WorkflowActions frame={frame} ws={ws} /> : null}
      {ws && data.notes ? <NotesSection frame={frame} slug={ws.slug} data={data.notes} /> : null}
      <script src={EDITING_SCRIPT_PATH} defer />
    </>
  );
}

function WorkflowActions({ frame, ws }: { frame: Frame; ws: ActivityWorkspace }) {
  const { lang, actor, csrf } = frame;
  const at = (sub: string) => activityEditPath(lang, ws.slug, sub);
  const deleted = ws.publication === 'deleted';
  const buttons = [
    !deleted && hasRole(actor, 'editor') && ws.review === 'draft'
      ? <ActionForm action={at('/submit')} csrf={csrf} version={ws.version} label={S.submitForReview[lang]} /> : null,
    !deleted && hasRole(actor, 'reviewer') && ws.review !== null
      ? <p><a href={at('/review')}>{S.review[lang]}</a></p> : null,
    !deleted && hasRole(actor, 'reviewer') && ws.publication === 'published'
      ? <ActionForm action={at('/unpublish')} csrf={csrf} version={ws.version} label={S.unpublish[lang]} secondary /> : null,
    !deleted && hasRole(actor, 'reviewer')
      ? <ActionForm action={at('/delete')} csrf={csrf} version={ws.version} label={S.delete[lang]} secondary /> : null,
    deleted && hasRole(actor, 'admin')
      ? <ActionForm action={at('/undelete')} csrf={csrf} label={S.undelete[lang]} /> : null,
  ].filter((b) => b !== null);
  const convert = !deleted && ws.document.kind === 'pre-study' && hasRole(actor, 'editor');
  if (buttons.length === 0 && !convert) return null;
  return (
    <section class="workflow" aria-labelledby="workflow-h">
      <h2 id="workflow-h">{S.workflowTitle[lang]}</h2>
      {buttons.length ? <div class="actions">{buttons}</div> : null}
      {convert ? (
        <form method="post" action={at('/convert')} class="action-form convert">
          <CsrfField token={csrf} />
          <h3>{S.convert[lang]}</h3>
          <p class="hint" id="convert-hint">{S.convertHint[lang]}</p>
          <div class="field">
            <label for="convert-slug">{S.convertSlug[lang]}</label>
            <input type="text" id="convert-slug" name="slug" value="" aria-describedby="convert-hint" />
          </div>
          <button type="submit">{S.convert[lang]}</button>
        </form>
      ) : null}
    </section>
  );
}

// ---------- review ----------

export interface ReviewData {
  ws: ActivityWorkspace;
  diff: DiffEntry[];
  refusal?: Message | undefined;
  refusalItems?: string[] | undefined;
  comment: string;
  commentError?: Message | undefined;
  notes?: NotesData | undefined;
}

export function ReviewBody({ frame, data }: { frame: Frame; data: ReviewData }) {
  const { lang, actor, csrf } = frame;
  const { ws } = data;
  const blocking = ws.findings.filter((f) => f.severity === 'error');
  const at = (sub: string) => activityEditPath(lang, ws.slug, sub);
  return (
    <>
      <p class="breadcrumb"><a href={at('')}>{S.backToEdit[lang]}</a></p>
      <h1>{S.reviewTitle[lang]}: <Title doc={ws.document} lang={lang} /></h1>
      <p class="meta"><StateTag state={stateOf(ws)} lang={lang} /> {S.version[lang]} {ws.version}</p>
      <Refusal message={data.refusal} lang={lang} items={data.refusalItems} />
      <p><a href={at('/preview')}>{S.preview[lang]}</a></p>
      <section aria-labelledby="diff-h">
        <h2 id="diff-h">{S.diffAgainstPublished[lang]}</h2>
        {ws.published === null ? <p>{S.neverPublished[lang]}</p> : null}
        {data.diff.length === 0 ? <p>{S.noChangesToPublish[lang]}</p> : <DiffTable entries={data.diff} lang={lang} caption={S.diffAgainstPublished[lang]} />}
      </section>
      <Findings findings={ws.findings} lang={lang} linkFields={false} />
      {ws.review !== null && hasRole(actor, 'reviewer') ? (
        <section class="workflow" aria-labelledby="decide-h">
          <h2 id="decide-h">{S.publish[lang]}</h2>
          {blocking.length ? (
            <div class="notice" role="note">
              <p><strong>{S.publishBlocked[lang]}</strong></p>
              <ul>{blocking.map((f) => <li>{f.message[lang]}</li>)}</ul>
            </div>
          ) : null}
          <ActionForm action={at('/publish')} csrf={csrf} version={ws.version} label={S.publish[lang]} />
          {ws.review === 'in-review' ? (
            <form method="post" action={at('/return')} class="action-form return-form" novalidate>
              <CsrfField token={csrf} />
              <input type="hidden" name="_version" value={String(ws.version)} />
              <div class={`field${data.commentError ? ' has-error' : ''}`}>
                <label for="f-comment">{S.returnComment[lang]}</label>
                <p class="hint" id="f-comment-hint">{S.returnCommentHint[lang]}</p>
                {data.commentError ? <p class="field-error" id="f-comment-error">{data.commentError[lang]}</p> : null}
                <textarea id="f-comment" name="comment" rows={4} aria-invalid={data.commentError ? 'true' : undefined}
                  aria-describedby={data.commentError ? 'f-comment-hint f-comment-error' : 'f-comment-hint'}>{data.comment}</textarea>
              </div>
              <button type="submit" class="button-secondary">{S.returnWork[lang]}</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {data.notes ? <NotesSection frame={frame} slug={ws.slug} data={data.notes} /> : null}
    </>
  );
}

// ---------- history ----------

export interface HistoryData {
  /** "activity" pages link to /edit/activities/…, "organisation" to /edit/organisations/…. */
  base: string;
  heading: preact.ComponentChildren;
  revisions: RevisionSummary[];
  selected: RevisionWithDiff<unknown> | undefined;
  version: number;
  canRestore: boolean;
  done: string | undefined;
  refusal?: Message | undefined;
}

export function HistoryBody({ frame, data }: { frame: Frame; data: HistoryData }) {
  const { lang, csrf } = frame;
  const latest = data.revisions[0]?.number;
  return (
    <>
      <p class="breadcrumb"><a href={data.base}>{S.backToEdit[lang]}</a></p>
      <h1>{S.historyTitle[lang]}: {data.heading}</h1>
      <DoneNotice done={data.done} lang={lang} />
      <Refusal message={data.refusal} lang={lang} />
      {data.revisions.length === 0 ? <p>{S.noHistory[lang]}</p> : (
        <div class="table-scroll">
          <table class="history">
            <thead><tr>
              <th scope="col">{S.revision[lang]}</th><th scope="col">{S.action[lang]}</th><th scope="col">{S.author[lang]}</th>
              <th scope="col">{S.when[lang]}</th><th scope="col">{S.reason[lang]}</th><th scope="col">{S.changes[lang]}</th>
            </tr></thead>
            <tbody>
              {data.revisions.map((r) => (
                <tr aria-current={data.selected?.number === r.number ? 'true' : undefined}>
                  <td>{r.number}</td>
                  <td>{ACTION_NAMES[r.action]?.[lang] ?? r.action}</td>
                  <td>{r.author?.name ?? S.commandLine[lang]}</td>
                  <td><Day iso={r.createdAt} lang={lang} /></td>
                  <td>{r.reason ?? ''}</td>
                  <td><a href={`${data.base}/history?revision=${r.number}#revision-${r.number}`}>{S.showDiff[lang]} ({r.changed.length})<span class="visually-hidden"> – {S.revision[lang]} {r.number}</span></a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.selected ? (
        <section id={`revision-${data.selected.number}`} aria-labelledby="selected-h">
          <h2 id="selected-h">{S.revision[lang]} {data.selected.number}: {ACTION_NAMES[data.selected.action]?.[lang] ?? data.selected.action}</h2>
          <p class="meta">{data.selected.author?.name ?? S.commandLine[lang]}, <Day iso={data.selected.createdAt} lang={lang} />{data.selected.reason ? ` – ${data.selected.reason}` : ''}</p>
          {data.selected.diff.length ? <DiffTable entries={data.selected.diff} lang={lang} caption={`${S.changes[lang]}, ${S.revision[lang].toLowerCase()} ${data.selected.number}`} /> : <p>{S.noFieldChanges[lang]}</p>}
          {data.canRestore && data.selected.number !== latest ? (
            <ActionForm action={`${data.base}/history/${data.selected.number}/restore`} csrf={csrf} version={data.version} label={`${S.restore[lang]} (${data.selected.number})`} />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

// ---------- conflict ----------

export interface ConflictData {
  /** Where the merged choices are posted. */
  action: string;
  heading: preact.ComponentChildren;
  baseVersion: number;
  currentVersion: number;
  choices: MergeChoice[];
  /** The author's whole version, carried to the merge. */
  mine: string;
  reason: string;
  /** Paths still to be chosen, after a merge posted without a choice. */
  missing: string[];
}

export function ConflictBody({ frame, data }: { frame: Frame; data: ConflictData }) {
  const { lang, csrf } = frame;
  const key = (path: string) => path.split('.').at(-1) ?? '';
  const missing = new Set(data.missing);
  const choiceName = (i: number) => `choice-${i}`;
  return (
    <>
      <h1>{S.conflictTitle[lang]}</h1>
      <p class="meta">{data.heading}</p>
      <p>{fill(lang, S.conflictIntro, { base: data.baseVersion, current: data.currentVersion })}</p>
      {data.missing.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <h2>{S.errorSummary[lang]}</h2>
          <ul>{data.choices.map((c, i) => (missing.has(c.entry.path)
            ? <li><a href={`#${choiceName(i)}-mine`}>{fill(lang, S.choiceFor, { field: c.entry.label[lang] })}</a></li> : null))}</ul>
        </div>
      ) : null}
      {data.choices.length === 0 ? <p>{S.conflictNone[lang]}</p> : null}
      <form method="post" action={data.action} class="merge-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="_version" value={String(data.currentVersion)} />
        <input type="hidden" name="_base" value={String(data.baseVersion)} />
        <input type="hidden" name="mine" value={data.mine} />
        <input type="hidden" name="_reason" value={data.reason} />
        {data.choices.map((c, i) => {
          const name = choiceName(i);
          const isMissing = missing.has(c.entry.path);
          return (
            <fieldset class={`merge-choice${isMissing ? ' has-error' : ''}`} aria-describedby={isMissing ? `${name}-error` : undefined}>
              <legend>{c.entry.label[lang]}</legend>
              {isMissing ? <p class="field-error" id={`${name}-error`}>{fill(lang, S.choiceFor, { field: c.entry.label[lang] })}</p> : null}
              <input type="hidden" name={`${name}-path`} value={c.entry.path} />
              <div class="side-by-side">
                <div class="merge-side">
                  <input type="radio" id={`${name}-theirs`} name={name} value="theirs" checked={c.suggested === 'theirs'} />
                  <label for={`${name}-theirs`}><strong>{S.keepTheirs[lang]}</strong> ({S.theirs[lang].toLowerCase()})</label>
                  <p class="merge-value">{readable(c.entry.before, lang, key(c.entry.path))}</p>
                </div>
                <div class="merge-side">
                  <input type="radio" id={`${name}-mine`} name={name} value="mine" checked={c.suggested === 'mine'} />
                  <label for={`${name}-mine`}><strong>{S.keepMine[lang]}</strong> ({S.mine[lang].toLowerCase()})</label>
                  <p class="merge-value">{readable(c.entry.after, lang, key(c.entry.path))}</p>
                </div>
              </div>
            </fieldset>
          );
        })}
        <p class="actions"><button type="submit">{S.saveMerged[lang]}</button></p>
      </form>
      <script src={EDITING_SCRIPT_PATH} defer />
    </>
  );
}
