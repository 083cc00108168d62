/** The editing pages for organisations: list, form (new and edit) with delete and undelete. */
import { hasRole } from '../accounts/access.ts';
import type { OrganisationUse, OrganisationWorkspace } from '../editing/organisation.editing.ts';
import { PARTICIPATION_ROLES } from '../reference/codes.ts';
import { countryName } from '../reference/countries.ts';
import { ORGANISATION_TYPE_NAMES } from '../reference/iati-codes.generated.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { countryOptions, describeField } from './activity.editor.tsx';
import type { FormError, FormTree } from './form.codec.ts';
import { NotesSection, type NotesData } from './notes.view.tsx';
import { BilingualField, ErrorSummary, ProvenanceField, SelectField, TextField, type FormContext } from './form.fields.tsx';
import { ActionForm, Day, DoneNotice, Refusal, activityEditPath, editPath, organisationEditPath, type Frame, Pagination } from './staff.components.tsx';
import { CsrfField } from './staff.layout.tsx';
import { EDITING_SCRIPT_PATH } from './staff.assets.ts';
import { ORGANISATION_TYPES_SV, S, fill } from './staff.messages.ts';

const typeOptions = (lang: Lang) => Object.entries(ORGANISATION_TYPE_NAMES).map(([code, en]) => ({ value: code, label: lang === 'sv' ? ORGANISATION_TYPES_SV[code] ?? en : en }));

export function orgName(doc: { name: { sv?: string | undefined; en?: string | undefined }; slug: string }, lang: Lang): { text: string; lang?: Lang } {
  const own = doc.name[lang];
  if (own) return { text: own };
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return doc.name[other] ? { text: doc.name[other]!, lang: other } : { text: doc.slug };
}

export interface OrganisationListData {
  q: string;
  done: string | undefined;
  deleted: boolean;
  items: OrganisationWorkspace[];
  total: number;
  page: number;
  pages: number;
}

export function OrganisationListBody({ frame, data }: { frame: Frame; data: OrganisationListData }) {
  const { lang, actor, csrf } = frame;
  const link = (page: number) => `${editPath(lang, '/organisations')}?${new URLSearchParams({ ...(data.q ? { q: data.q } : {}), ...(data.deleted ? { deleted: '1' } : {}), page: String(page) })}`;
  return (
    <>
      <h1>{S.organisationsTitle[lang]}{data.deleted ? ` – ${S.stateDeleted[lang].toLowerCase()}` : ''}</h1>
      <DoneNotice done={data.done} lang={lang} />
      {hasRole(actor, 'editor') && !data.deleted ? <p><a class="button-link" href={editPath(lang, '/organisations/new')}>{S.newOrganisation[lang]}</a></p> : null}
      <form method="get" action={editPath(lang, '/organisations')} class="filters staff-filters">
        <div class="field">
          <label for="filter-q">{S.search[lang]}</label>
          <input type="search" id="filter-q" name="q" value={data.q} />
        </div>
        {data.deleted ? <input type="hidden" name="deleted" value="1" /> : null}
        <button type="submit">{S.filter[lang]}</button>
      </form>
      {hasRole(actor, 'admin') ? (
        <p><a href={data.deleted ? editPath(lang, '/organisations') : `${editPath(lang, '/organisations')}?deleted=1`}>{data.deleted ? S.organisationsTitle[lang] : S.includeDeleted[lang]}</a></p>
      ) : null}
      <p role="status">{fill(lang, S.total, { n: data.total })}</p>
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">{S.title[lang]}</th><th scope="col">{lang === 'sv' ? 'Förkortning' : 'Acronym'}</th><th scope="col">{lang === 'sv' ? 'Land' : 'Country'}</th><th scope="col">{S.changedAt[lang]}</th>{data.deleted ? <th scope="col"><span class="visually-hidden">{S.undelete[lang]}</span></th> : null}</tr></thead>
          <tbody>
            {data.items.map((o) => {
              const name = orgName(o.document, lang);
              return (
                <tr>
                  <td><a href={organisationEditPath(lang, o.slug)} lang={name.lang}>{name.text}</a></td>
                  <td>{o.document.acronym ?? ''}</td>
                  <td>{o.document.country ? countryName(o.document.country, lang) : ''}</td>
                  <td><Day iso={o.updatedAt} lang={lang} /></td>
                  {data.deleted ? <td><ActionForm action={organisationEditPath(lang, o.slug, '/undelete')} csrf={csrf} label={`${S.undelete[lang]}: ${name.text}`} secondary /></td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} pages={data.pages} link={link} lang={lang} />
    </>
  );
}

export interface OrganisationEditData {
  ws: OrganisationWorkspace | undefined;
  tree: FormTree;
  errors: FormError[];
  version: number | undefined;
  reason: string;
  done: string | undefined;
  refusal?: Message | undefined;
  uses?: OrganisationUse[] | undefined;
  organisations: { slug: string; name: string }[];
  /** The internal notes, for an existing organisation. */
  notes?: NotesData | undefined;
}

const WHERE_WORDS: Record<OrganisationUse['where'], Message> = {
  participation: { sv: 'deltar', en: 'takes part' },
  funding: { sv: 'finansiering', en: 'funding' },
  engagement: { sv: 'uppdrag eller evenemang', en: 'mission or event' },
  relation: { sv: 'relation', en: 'relation' },
  otherIdentifiers: { sv: 'identifierare', en: 'identifier' },
  reportedBy: { sv: 'IATI-rapportör', en: 'IATI reporter' },
  parent: { sv: 'överordnad organisation', en: 'parent organisation' },
};

export function OrganisationEditBody({ frame, data }: { frame: Frame; data: OrganisationEditData }) {
  const { lang, actor, csrf } = frame;
  const ws = data.ws;
  const isNew = ws === undefined;
  const deleted = ws !== undefined && ws.deletedAt !== null;
  const editable = hasRole(actor, 'editor') && !deleted;
  const ctx: FormContext = { lang, tree: data.tree, errors: data.errors, editable };
  const action = isNew ? editPath(lang, '/organisations/new') : organisationEditPath(lang, ws.slug);
  const name = ws ? orgName(ws.document, lang) : undefined;
  return (
    <>
      <p class="breadcrumb"><a href={editPath(lang, '/organisations')}>{S.backToList[lang]}</a></p>
      <h1>{isNew ? S.newOrganisation[lang] : <><span class="visually-hidden">{S.editOrganisation[lang]}: </span><span lang={name!.lang}>{name!.text}</span></>}</h1>
      {ws ? (
        <>
          <p class="meta">{S.version[lang]} {ws.version} · {S.changedAt[lang]} <Day iso={ws.updatedAt} lang={lang} /></p>
          <ul class="page-links"><li><a href={organisationEditPath(lang, ws.slug, '/history')}>{S.history[lang]}</a></li></ul>
        </>
      ) : null}
      <DoneNotice done={data.done} lang={lang} />
      {data.uses?.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <p><strong>{S.deleteRefused[lang]}</strong></p>
          <ul>
            {data.uses.map((u) => (
              <li>
                <a href={u.kind === 'activity' ? activityEditPath(lang, u.slug) : organisationEditPath(lang, u.slug)}>{u.slug}</a>
                {' – '}{u.kind === 'activity' && u.where === 'participation' ? (PARTICIPATION_ROLES.find((r) => r.code === u.role)?.label[lang] ?? u.role) : WHERE_WORDS[u.where][lang]}
                {u.workingCopy ? (lang === 'sv' ? ' (i opublicerade ändringar)' : ' (in unpublished changes)') : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : <Refusal message={data.refusal} lang={lang} />}
      {deleted ? <p class="notice">{S.deletedNotice[lang]}</p> : null}
      {!hasRole(actor, 'editor') ? <p class="notice">{S.readOnlyNotice[lang]}</p> : null}
      <ErrorSummary errors={data.errors} lang={lang} labelFor={(f) => describeField(f, lang)} />
      <datalist id="organisation-list">{data.organisations.map((o) => <option value={o.slug}>{o.name}</option>)}</datalist>
      <form method="post" action={action} class="edit-form" novalidate>
        <CsrfField token={csrf} />
        {data.version !== undefined ? <input type="hidden" name="_version" value={String(data.version)} /> : null}
        <section class="form-part" aria-labelledby="org-basics-h">
          <h2 id="org-basics-h">{S.sectionBasics[lang]}</h2>
          <TextField ctx={isNew ? ctx : { ...ctx, editable: false }} parts={['slug']} />
          <BilingualField ctx={ctx} parts={['name']} />
          <div class="grid-2">
            <TextField ctx={ctx} parts={['acronym']} />
            <TextField ctx={ctx} parts={['iatiRef']} />
            <SelectField ctx={ctx} parts={['type']} options={typeOptions(lang)} openCodelist />
            <SelectField ctx={ctx} parts={['country']} options={countryOptions(lang)} />
          </div>
          <TextField ctx={ctx} parts={['website']} type="url" />
          <TextField ctx={ctx} parts={['parent']} list="organisation-list" />
          <ProvenanceField ctx={ctx} parts={['provenance']} />
        </section>
        {editable ? (
          <div class="save-bar">
            {!isNew ? (
              <div class="field">
                <label for="f-_reason">{S.saveReason[lang]}</label>
                <p class="hint" id="f-_reason-hint">{S.saveReasonHint[lang]}</p>
                <input type="text" id="f-_reason" name="_reason" value={data.reason} aria-describedby="f-_reason-hint" maxLength={1000} />
              </div>
            ) : null}
            <p class="actions"><button type="submit">{isNew ? S.create[lang] : S.save[lang]}</button></p>
          </div>
        ) : null}
      </form>
      {ws ? (
        <div class="actions workflow">
          {!deleted && hasRole(actor, 'reviewer') ? <ActionForm action={organisationEditPath(lang, ws.slug, '/delete')} csrf={csrf} version={ws.version} label={S.delete[lang]} secondary /> : null}
          {deleted && hasRole(actor, 'admin') ? <ActionForm action={organisationEditPath(lang, ws.slug, '/undelete')} csrf={csrf} label={S.undelete[lang]} /> : null}
        </div>
      ) : null}
      {ws && data.notes ? <NotesSection frame={frame} entity="organisation" slug={ws.slug} data={data.notes} /> : null}
      <script src={EDITING_SCRIPT_PATH} defer />
    </>
  );
}
