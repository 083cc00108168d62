/** Pieces every editing page shares: paths, the editorial state in words, notices, findings and the page frame. */
import type { ComponentChildren } from 'preact';
import type { Actor } from '../accounts/access.ts';
import type { Finding } from '../check/check.ts';
import type { ActivityDocument, ActivitySummary } from '../editing/activity.editing.ts';
import { href } from '../portal/paths.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { ACTIVITY_FORM } from './activity.form.ts';
import { fieldForPath, fieldId } from './form.codec.ts';
import { CsrfField, renderStaffPage, type StaffSection } from './staff.layout.tsx';
import { S } from './staff.messages.ts';

export const editPath = (lang: Lang, path = '') => href(lang, `/edit${path}`);
export const activityEditPath = (lang: Lang, slug: string, sub = '') => editPath(lang, `/activities/${encodeURIComponent(slug)}${sub}`);
export const organisationEditPath = (lang: Lang, slug: string, sub = '') => editPath(lang, `/organisations/${encodeURIComponent(slug)}${sub}`);

export type StateName = 'deleted' | 'in-review' | 'draft' | 'changed' | 'published';

export function stateOf(s: Pick<ActivitySummary, 'publication' | 'review' | 'hasUnpublishedChanges'>): StateName {
  if (s.publication === 'deleted') return 'deleted';
  if (s.review === 'in-review') return 'in-review';
  if (s.publication === 'draft') return 'draft';
  return s.hasUnpublishedChanges ? 'changed' : 'published';
}

const STATE_WORDS: Record<StateName, Message> = {
  deleted: S.stateDeleted, 'in-review': S.stateInReview, draft: S.stateDraft, changed: S.stateChanged, published: S.statePublished,
};

export function StateTag({ state, lang }: { state: StateName; lang: Lang }) {
  return <span class={`tag state-${state}`}>{STATE_WORDS[state][lang]}</span>;
}

/** The title in the user's language, else the other one, else the slug. */
export function documentTitle(doc: Pick<ActivityDocument, 'texts' | 'slug'>, lang: Lang): { text: string; lang?: Lang } {
  const own = doc.texts[lang]?.title;
  if (own) return { text: own };
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const theirs = doc.texts[other]?.title;
  return theirs ? { text: theirs, lang: other } : { text: doc.slug };
}

export function Title({ doc, lang }: { doc: Pick<ActivityDocument, 'texts' | 'slug'>; lang: Lang }) {
  const t = documentTitle(doc, lang);
  return <span lang={t.lang}>{t.text}</span>;
}

/** What just happened, after a post and its redirect (?done=saved). */
export const DONE: Record<string, Message> = {
  saved: S.saved, created: S.created, 'organisation-created': S.organisationCreated, submitted: S.submitted, published: S.published,
  unpublished: S.unpublished, returned: S.returned, deleted: S.deleted, undeleted: S.undeleted, restored: S.restored,
  converted: S.converted, unchanged: S.unchanged,
};

export function DoneNotice({ done, lang }: { done: string | undefined; lang: Lang }) {
  const message = done ? DONE[done] : undefined;
  return message ? <p class="success" role="status">{message[lang]}</p> : null;
}

/** A refusal from the domain (a state that does not allow the action, a name taken), said in the user's language. */
export function Refusal({ message, lang, items }: { message: Message | undefined; lang: Lang; items?: string[] | undefined }) {
  if (!message) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <p>{message[lang]}</p>
      {items?.length ? <ul>{items.map((i) => <li>{i}</li>)}</ul> : null}
    </div>
  );
}

/** `samverka check` on the working document; findings about a form field link to it. */
export function Findings({ findings, lang, linkFields }: { findings: Finding[]; lang: Lang; linkFields: boolean }) {
  return (
    <section class="findings" aria-labelledby="findings-h">
      <h2 id="findings-h">{S.findingsTitle[lang]}</h2>
      {findings.length === 0 ? <p>{S.noFindings[lang]}</p> : (
        <ul>
          {findings.map((f) => {
            const field = linkFields ? fieldForPath(ACTIVITY_FORM, f.field ? f.field.split('.') : []) : '';
            return (
              <li class={`finding-${f.severity}`}>
                <strong>{f.severity === 'error' ? S.severityError[lang] : S.severityWarning[lang]}:</strong>{' '}
                {field ? <a href={`#${fieldId(field)}`}>{f.message[lang]}</a> : f.message[lang]}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A one-button form for an action (submit, publish, delete …), with the CSRF token and the version it is based on. */
export function ActionForm({ action, csrf, version, label, secondary, children }: {
  action: string; csrf: string; version?: number | undefined; label: string; secondary?: boolean; children?: ComponentChildren;
}) {
  return (
    <form method="post" action={action} class="action-form">
      <CsrfField token={csrf} />
      {version !== undefined ? <input type="hidden" name="_version" value={String(version)} /> : null}
      {children}
      <button type="submit" class={secondary ? 'button-secondary' : undefined}>{label}</button>
    </form>
  );
}

export interface Frame {
  lang: Lang;
  url: string;
  actor: Actor | undefined;
  csrf: string;
}

export function page(frame: Frame, title: string, section: StaffSection, body: ComponentChildren): string {
  return renderStaffPage({ lang: frame.lang, url: frame.url, title, actor: frame.actor, csrf: frame.csrf, section, body });
}

export function Day({ iso, lang }: { iso: string; lang: Lang }) {
  const d = new Date(iso);
  const text = Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  return <time dateTime={iso}>{text} UTC</time>;
}

/** "Are you sure?" before a deletion: the same post again with confirm=yes, or back. */
export function ConfirmDelete({ frame, action, back, title, version }: { frame: Frame; action: string; back: string; title: string; version: number | undefined }) {
  const { lang, csrf } = frame;
  return (
    <>
      <h1>{fillTitle(lang, title)}</h1>
      <p>{S.deleteExplained[lang]}</p>
      <form method="post" action={action} class="action-form">
        <CsrfField token={csrf} />
        {version !== undefined ? <input type="hidden" name="_version" value={String(version)} /> : null}
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit">{S.deleteConfirm[lang]}</button>
      </form>
      <p><a href={back}>{S.cancel[lang]}</a></p>
    </>
  );
}

const fillTitle = (lang: Lang, title: string) => S.deleteQuestion[lang].replace('{title}', title);

/** Previous and next links for a staff list of several pages. */
export function Pagination({ page, pages, link, lang }: { page: number; pages: number; link: (page: number) => string; lang: Lang }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={S.pages[lang]}>
      <ul>
        {page > 1 ? <li><a href={link(page - 1)} rel="prev">{S.previous[lang]}</a></li> : null}
        <li>{page} / {pages}</li>
        {page < pages ? <li><a href={link(page + 1)} rel="next">{S.next[lang]}</a></li> : null}
      </ul>
    </nav>
  );
}
