/**
 * The "Internal notes" section of the activity edit and review pages and the organisation edit
 * page: the staff conversation on the record, newest first, and (for editors and above) a form to
 * add one. Works without JavaScript: the form posts to …/{slug}/notes and comes back to the page.
 */
import { hasRole } from '../accounts/access.ts';
import { NOTE_MAX_LENGTH, type InternalNote } from '../editing/notes.ts';
import type { Entity } from '../editing/revisions.ts';
import type { Message } from '../shared/i18n.ts';
import { Day, activityEditPath, organisationEditPath, type Frame } from './staff.components.tsx';
import { CsrfField } from './staff.layout.tsx';

export const NOTE_WORDS = {
  title: { sv: 'Interna anteckningar', en: 'Internal notes' },
  explained: {
    sv: 'Bara personalen ser anteckningarna. De hör inte till aktiviteten och visas aldrig i portalen, i exporterna, i IATI-filen eller i sökningen.',
    en: 'Only staff see these notes. They are not part of the activity and never appear in the portal, the exports, the IATI file or search.',
  },
  explainedOrganisation: {
    sv: 'Bara personalen ser anteckningarna. De hör inte till organisationen och visas aldrig i portalen, i exporterna, i IATI-filen eller i sökningen.',
    en: 'Only staff see these notes. They are not part of the organisation and never appear in the portal, the exports, the IATI file or search.',
  },
  none: { sv: 'Inga anteckningar än.', en: 'No notes yet.' },
  by: { sv: 'Av', en: 'By' },
  add: { sv: 'Ny anteckning', en: 'New note' },
  hint: { sv: `Högst ${NOTE_MAX_LENGTH} tecken. En anteckning kan inte ändras eller tas bort i efterhand.`, en: `At most ${NOTE_MAX_LENGTH} characters. A note cannot be changed or removed afterwards.` },
  submit: { sv: 'Spara anteckningen', en: 'Save the note' },
  added: { sv: 'Anteckningen är sparad.', en: 'The note is saved.' },
} satisfies Record<string, Message>;

export interface NotesData {
  notes: InternalNote[];
  /** Which page the form comes back to (organisations have only the edit page). */
  back: 'edit' | 'review';
  /** What was typed, shown again when the note was refused. */
  draft?: string | undefined;
  error?: Message | undefined;
  added?: boolean | undefined;
}

/** A note's text as paragraphs and line breaks, without any markup of its own. */
function NoteText({ body }: { body: string }) {
  return <>{body.split(/\n\s*\n/).map((paragraph) => {
    const lines = paragraph.split('\n');
    return <p>{lines.map((line, i) => <>{i > 0 ? <br /> : null}{line}</>)}</p>;
  })}</>;
}

export function NotesSection({ frame, entity = 'activity', slug, data }: { frame: Frame; entity?: Entity; slug: string; data: NotesData }) {
  const { lang, actor, csrf } = frame;
  const action = entity === 'activity' ? activityEditPath(lang, slug, '/notes') : organisationEditPath(lang, slug, '/notes');
  const canAdd = hasRole(actor, 'editor');
  const describedBy = ['note-hint', ...(data.error ? ['note-error'] : [])].join(' ');
  return (
    <section class="internal-notes" id="notes" aria-labelledby="notes-h">
      <h2 id="notes-h">{NOTE_WORDS.title[lang]}</h2>
      <p class="hint">{(entity === 'activity' ? NOTE_WORDS.explained : NOTE_WORDS.explainedOrganisation)[lang]}</p>
      {data.added ? <p class="success" role="status">{NOTE_WORDS.added[lang]}</p> : null}
      {canAdd ? (
        <form method="post" action={action} class="action-form note-form" novalidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="back" value={data.back} />
          <div class={`field${data.error ? ' has-error' : ''}`}>
            <label for="f-note">{NOTE_WORDS.add[lang]}</label>
            <p class="hint" id="note-hint">{NOTE_WORDS.hint[lang]}</p>
            {data.error ? <p class="field-error" id="note-error">{data.error[lang]}</p> : null}
            <textarea id="f-note" name="body" rows={4} maxLength={NOTE_MAX_LENGTH} aria-describedby={describedBy}
              aria-invalid={data.error ? 'true' : undefined} autofocus={data.error ? true : undefined}>{data.draft ?? ''}</textarea>
          </div>
          <button type="submit">{NOTE_WORDS.submit[lang]}</button>
        </form>
      ) : null}
      {data.notes.length === 0 ? <p>{NOTE_WORDS.none[lang]}</p> : (
        <ol class="notes" reversed>
          {data.notes.map((n) => (
            <li id={`note-${n.id}`}>
              <article>
                <p class="meta">{NOTE_WORDS.by[lang]} <strong>{n.author.name}</strong>, <Day iso={n.createdAt} lang={lang} /></p>
                <NoteText body={n.body} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
