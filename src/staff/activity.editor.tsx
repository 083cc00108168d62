/**
 * The activity form with all its parts. It works without JavaScript: every repeating part has an
 * "add" submit button that re-renders the form with one more empty row, and a remove checkbox per row.
 */
import type { ComponentChildren } from 'preact';
import { FuzzyDateError, parseFuzzyDate, parsePeriod } from '../dates/fuzzy-date.ts';
import { formatFuzzyDate, formatPeriod } from '../dates/fuzzy-date.format.ts';
import {
  ACTIVITY_KINDS, ACTIVITY_STATUSES, ALIGNMENT_FRAMEWORKS, BASES, ENGAGEMENT_KINDS, FLOW_KINDS, INDICATOR_MEASURES, INSTRUMENTS,
  OTHER_IDENTIFIER_TYPES, PARTICIPATION_ROLES, RELATION_TYPES, RESULT_TYPES, type Code,
} from '../reference/codes.ts';
import { countryName, languageName } from '../reference/countries.ts';
import { OBJECTIVES } from '../reference/frameworks.ts';
import { COUNTRY_CODES, CURRENCY_CODES, DOCUMENT_CATEGORY_NAMES, LANGUAGE_CODES } from '../reference/iati-codes.generated.ts';
import { REGIONS } from '../reference/regions.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { TEXT_FIELDS } from './activity.form.ts';
import { fieldId, joinName, rowsAt, stringAt, type FormTree } from './form.codec.ts';
import {
  BilingualField, CheckboxField, CheckboxGroup, ProvenanceField, SelectField, TextArea, TextField, type FormContext, type Option, type OptionGroup,
} from './form.fields.tsx';
import { ADD_LABELS, DOCUMENT_CATEGORIES_SV, FIELD_LABELS, ROW_NAMES, S } from './staff.messages.ts';

type Parts = (string | number)[];

const codes = (list: readonly Code[], lang: Lang): Option[] => list.map((c) => ({ value: c.code, label: c.label[lang] }));

const currencyNames: Record<Lang, Intl.DisplayNames> = {
  sv: new Intl.DisplayNames(['sv'], { type: 'currency', fallback: 'code' }),
  en: new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'code' }),
};

const memo = new Map<string, Option[]>();
function cached(key: string, make: () => Option[]): Option[] {
  let found = memo.get(key);
  if (!found) memo.set(key, (found = make()));
  return found;
}

export const countryOptions = (lang: Lang) => cached(`countries-${lang}`, () =>
  COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang)));
const currencyOptions = (lang: Lang) => cached(`currencies-${lang}`, () =>
  CURRENCY_CODES.map((c) => ({ value: c, label: `${c} – ${currencyNames[lang].of(c) ?? c}` })));
const languageOptions = (lang: Lang) => cached(`languages-${lang}`, () =>
  LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang)));
const categoryOptions = (lang: Lang) => cached(`categories-${lang}`, () =>
  Object.entries(DOCUMENT_CATEGORY_NAMES).map(([code, en]) => ({ value: code, label: `${code} – ${lang === 'sv' ? DOCUMENT_CATEGORIES_SV[code] ?? en : en}` })));
const flowKindOptions = (lang: Lang) => FLOW_KINDS.map((f) => ({ value: f.code, label: f.label[lang] }));
const relationTypeOptions = (lang: Lang) => RELATION_TYPES.map((r) => ({ value: r.code, label: r.label[lang] }));

/** Every policy objective, grouped by framework, with its title in the user's language where it has one. */
function objectiveGroups(lang: Lang): OptionGroup[] {
  return ALIGNMENT_FRAMEWORKS.map((f) => ({
    label: f.label[lang],
    options: OBJECTIVES.filter((o) => o.framework === f.code).map((o) => {
      const title = lang === 'sv' ? o.title.sv ?? o.title.en : o.title.en;
      const short = title.length > 110 ? `${title.slice(0, 107)}…` : title;
      return { value: `${o.framework}:${o.code}`, label: `${o.code}. ${short}`, lang: lang === 'sv' && !o.title.sv ? 'en' as const : undefined };
    }),
  }));
}

/** How a period (or one date) typed in words was understood: the phrase in the user's language and the days it covers. */
export function understood(words: string, lang: Lang, period: boolean): { text: string; span: string } | undefined {
  if (!words.trim()) return undefined;
  try {
    if (period) {
      const p = parsePeriod(words);
      const from = p.start?.from;
      const to = p.end?.to;
      const span = from && to ? `${from} – ${to}` : from ? `${from} –` : to ? `– ${to}` : '';
      return { text: formatPeriod(p, lang), span };
    }
    const d = parseFuzzyDate(words);
    return { text: formatFuzzyDate(d, lang), span: d.from === d.to ? d.from : `${d.from} – ${d.to}` };
  } catch (error) {
    if (!(error instanceof FuzzyDateError)) throw error;
    return undefined;
  }
}

function DateWords({ ctx, parts, period }: { ctx: FormContext; parts: Parts; period?: boolean }) {
  const name = joinName(parts);
  const id = `${fieldId(name)}-understood`;
  const read = understood(stringAt(ctx.tree, parts), ctx.lang, period ?? false);
  return (
    <TextField ctx={ctx} parts={parts} describedBy={read ? id : undefined}
      after={read ? <p class="understood" id={id}>{S.understoodAs[ctx.lang]}: <strong>{read.text}</strong>{read.span ? ` (${read.span})` : ''}</p> : null} />
  );
}

/** One repeating part: its rows (each with a remove box) and the button that adds a row. */
function Rows({ ctx, parts, group, render }: { ctx: FormContext; parts: Parts; group: string; render: (row: Parts, tree: FormTree) => ComponentChildren }) {
  const rows = rowsAt(ctx.tree, parts);
  const rowName = ROW_NAMES[group] ?? { sv: group, en: group };
  return (
    <div class="rows">
      {rows.map((row, i) => {
        const at = [...parts, i];
        const removeId = fieldId(joinName([...at, '_remove']));
        const legend = `${rowName[ctx.lang]} ${i + 1}`;
        return (
          <fieldset class="row" key={i}>
            <legend>{legend}</legend>
            {render(at, row)}
            {ctx.editable ? (
              <div class="field checkbox remove">
                <input type="checkbox" id={removeId} name={joinName([...at, '_remove'])} value="on" />
                <label for={removeId}>{S.removeRow[ctx.lang]} ({legend.toLowerCase()})</label>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {ctx.editable
        ? <button type="submit" name="_add" value={parts.join('.')} class="button-secondary add-row">{(ADD_LABELS[group] ?? { sv: S.addRow.sv, en: S.addRow.en })[ctx.lang]}</button>
        : null}
    </div>
  );
}

function Part({ id, title, hint, lang, children }: { id: string; title: Message; hint?: Message | undefined; lang: Lang; children: ComponentChildren }) {
  return (
    <section class="form-part" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title[lang]}</h2>
      {hint ? <p class="hint">{hint[lang]}</p> : null}
      {children}
    </section>
  );
}

export interface ActivityFormData {
  ctx: FormContext;
  /** The slug cannot change once the activity exists. */
  isNew: boolean;
  /** Organisation short names and names, offered while typing (a datalist). */
  organisations: { slug: string; name: string }[];
  activities: { slug: string; name: string }[];
}

/** The fields of the activity form (the <form> element, its buttons and version are the page's). */
export function ActivityFields({ data }: { data: ActivityFormData }) {
  const { ctx } = data;
  const lang = ctx.lang;
  const org = (parts: Parts) => <TextField ctx={ctx} parts={parts} list="organisation-list" />;
  return (
    <>
      <datalist id="organisation-list">{data.organisations.map((o) => <option value={o.slug}>{o.name}</option>)}</datalist>
      <datalist id="activity-list">{data.activities.map((a) => <option value={a.slug}>{a.name}</option>)}</datalist>

      <Part id="basics" title={S.sectionBasics} lang={lang}>
        <div class="grid-2">
          {data.isNew
            ? <TextField ctx={ctx} parts={['slug']} />
            : <TextField ctx={{ ...ctx, editable: false }} parts={['slug']} />}
          <TextField ctx={ctx} parts={['iatiIdentifier']} />
          <TextField ctx={ctx} parts={['reportedBy']} list="organisation-list" />
          <SelectField ctx={ctx} parts={['kind']} options={codes(ACTIVITY_KINDS, lang)} required />
          <SelectField ctx={ctx} parts={['status']} options={codes(ACTIVITY_STATUSES, lang)} required />
        </div>
        <CheckboxField ctx={ctx} parts={['workingTitle']} />
        <fieldset class="field-group">
          <legend>{S.otherIdentifiersTitle[lang]}</legend>
          <Rows ctx={ctx} parts={['otherIdentifiers']} group="otherIdentifiers" render={(at) => (
            <div class="grid-3">
              <TextField ctx={ctx} parts={[...at, 'ref']} />
              <SelectField ctx={ctx} parts={[...at, 'type']} options={codes(OTHER_IDENTIFIER_TYPES, lang)} required openCodelist />
              {org([...at, 'owner'])}
            </div>
          )} />
        </fieldset>
      </Part>

      <Part id="texts" title={S.sectionTexts} hint={S.sectionTextsHint} lang={lang}>
        {TEXT_FIELDS.map((f) => (
          <fieldset class="field-group bilingual">
            <legend>{FIELD_LABELS[f]![lang]}</legend>
            <div class="side-by-side">
              {(['sv', 'en'] as const).map((l) => {
                const label = `${FIELD_LABELS[f]![lang]} – ${langWord(l, lang)}`;
                return f === 'title' || f === 'acronym'
                  ? <TextField ctx={ctx} parts={['texts', l, f]} label={label} inputLang={l} />
                  : <TextArea ctx={ctx} parts={['texts', l, f]} label={label} inputLang={l} rows={f === 'description' ? 8 : 4} />;
              })}
            </div>
          </fieldset>
        ))}
      </Part>

      <Part id="dates" title={S.sectionDates} hint={S.sectionDatesHint} lang={lang}>
        <div class="grid-2">
          <DateWords ctx={ctx} parts={['dates', 'planned']} period />
          <DateWords ctx={ctx} parts={['dates', 'actual']} period />
        </div>
      </Part>

      <Part id="places" title={S.sectionPlaces} lang={lang}>
        <Rows ctx={ctx} parts={['countries']} group="countries" render={(at) => (
          <div class="grid-2">
            <SelectField ctx={ctx} parts={[...at, 'code']} options={countryOptions(lang)} required />
            <TextField ctx={ctx} parts={[...at, 'percentage']} inputmode="decimal" />
          </div>
        )} />
        <CheckboxGroup ctx={ctx} parts={['regions']} options={REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }))} />
      </Part>

      <Part id="participations" title={S.sectionParticipations} lang={lang}>
        <Rows ctx={ctx} parts={['participations']} group="participations" render={(at) => (
          <>
            <div class="grid-2">
              {org([...at, 'organisation'])}
              <SelectField ctx={ctx} parts={[...at, 'role']} options={codes(PARTICIPATION_ROLES, lang)} required />
            </div>
            <BilingualField ctx={ctx} parts={[...at, 'note']} />
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <Part id="funding" title={S.sectionFunding} lang={lang}>
        <Rows ctx={ctx} parts={['funding']} group="funding" render={(at) => (
          <>
            <div class="grid-3">
              <SelectField ctx={ctx} parts={[...at, 'instrument']} options={codes(INSTRUMENTS, lang)} required />
              {org([...at, 'funder'])}
              {org([...at, 'via'])}
            </div>
            <CheckboxField ctx={ctx} parts={[...at, 'coFinancing']} />
            <BilingualField ctx={ctx} parts={[...at, 'note']} />
            <Rows ctx={ctx} parts={[...at, 'flows']} group="flows" render={(f) => (
              <>
                <div class="grid-3">
                  <SelectField ctx={ctx} parts={[...f, 'kind']} options={flowKindOptions(lang)} required />
                  <TextField ctx={ctx} parts={[...f, 'amount']} inputmode="decimal" />
                  <SelectField ctx={ctx} parts={[...f, 'currency']} options={currencyOptions(lang)} required />
                  <TextField ctx={ctx} parts={[...f, 'valueDate']} />
                  <TextField ctx={ctx} parts={[...f, 'periodStart']} />
                  <TextField ctx={ctx} parts={[...f, 'periodEnd']} />
                </div>
                <BilingualField ctx={ctx} parts={[...f, 'note']} />
              </>
            )} />
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <Part id="relations" title={S.sectionRelations} lang={lang}>
        <Rows ctx={ctx} parts={['relations']} group="relations" render={(at) => (
          <>
            <div class="grid-2">
              <SelectField ctx={ctx} parts={[...at, 'type']} options={relationTypeOptions(lang)} required />
              <TextField ctx={ctx} parts={[...at, 'targetActivity']} list="activity-list" />
            </div>
            <BilingualField ctx={ctx} parts={[...at, 'externalName']} />
            <div class="grid-3">
              <TextField ctx={ctx} parts={[...at, 'externalIati']} />
              {org([...at, 'externalOrganisation'])}
              <SelectField ctx={ctx} parts={[...at, 'basis']} options={codes(BASES, lang)} required />
            </div>
            <BilingualField ctx={ctx} parts={[...at, 'note']} />
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <Part id="alignment" title={S.sectionAlignment} lang={lang}>
        <Rows ctx={ctx} parts={['alignment']} group="alignment" render={(at) => (
          <>
            <SelectField ctx={ctx} parts={[...at, 'objective']} options={[]} groups={objectiveGroups(lang)} required />
            <SelectField ctx={ctx} parts={[...at, 'basis']} options={codes(BASES, lang)} required />
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <Part id="key-figures" title={S.sectionKeyFigures} lang={lang}>
        <Rows ctx={ctx} parts={['keyFigures']} group="keyFigures" render={(at) => (
          <>
            <div class="grid-3">
              <TextField ctx={ctx} parts={[...at, 'value']} inputmode="decimal" />
              <SelectField ctx={ctx} parts={[...at, 'currency']} options={currencyOptions(lang)} />
              <DateWords ctx={ctx} parts={[...at, 'asOf']} />
            </div>
            <BilingualField ctx={ctx} parts={[...at, 'unit']} />
            <BilingualField ctx={ctx} parts={[...at, 'label']} />
            <CheckboxField ctx={ctx} parts={[...at, 'cumulative']} />
            <TextField ctx={ctx} parts={[...at, 'source']} />
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <Part id="results" title={S.sectionResults} lang={lang}>
        <Rows ctx={ctx} parts={['results']} group="results" render={(at) => (
          <>
            <SelectField ctx={ctx} parts={[...at, 'type']} options={codes(RESULT_TYPES, lang)} required />
            <BilingualField ctx={ctx} parts={[...at, 'title']} />
            <BilingualField ctx={ctx} parts={[...at, 'description']} long />
            <Rows ctx={ctx} parts={[...at, 'indicators']} group="indicators" render={(ind) => (
              <>
                <BilingualField ctx={ctx} parts={[...ind, 'title']} />
                <div class="grid-3">
                  <SelectField ctx={ctx} parts={[...ind, 'measure']} options={codes(INDICATOR_MEASURES, lang)} />
                  <TextField ctx={ctx} parts={[...ind, 'baselineYear']} inputmode="numeric" />
                  <TextField ctx={ctx} parts={[...ind, 'baselineValue']} inputmode="decimal" />
                </div>
                <CheckboxField ctx={ctx} parts={[...ind, 'ascending']} defaultChecked />
                <BilingualField ctx={ctx} parts={[...ind, 'baselineComment']} />
                <Rows ctx={ctx} parts={[...ind, 'periods']} group="periods" render={(p) => (
                  <>
                    <div class="grid-4">
                      <TextField ctx={ctx} parts={[...p, 'start']} />
                      <TextField ctx={ctx} parts={[...p, 'end']} />
                      <TextField ctx={ctx} parts={[...p, 'target']} inputmode="decimal" />
                      <TextField ctx={ctx} parts={[...p, 'actual']} inputmode="decimal" />
                    </div>
                    <BilingualField ctx={ctx} parts={[...p, 'comment']} />
                  </>
                )} />
              </>
            )} />
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <Part id="engagements" title={S.sectionEngagements} lang={lang}>
        <Rows ctx={ctx} parts={['engagements']} group="engagements" render={(at) => (
          <>
            <div class="grid-3">
              <SelectField ctx={ctx} parts={[...at, 'kind']} options={codes(ENGAGEMENT_KINDS, lang)} required />
              <DateWords ctx={ctx} parts={[...at, 'date']} />
              <TextField ctx={ctx} parts={[...at, 'count']} inputmode="numeric" />
            </div>
            <BilingualField ctx={ctx} parts={[...at, 'title']} />
            <BilingualField ctx={ctx} parts={[...at, 'topic']} />
            <BilingualField ctx={ctx} parts={[...at, 'place']} />
            <div class="grid-3">
              <TextField ctx={ctx} parts={[...at, 'format']} />
              <TextField ctx={ctx} parts={[...at, 'registrations']} inputmode="numeric" />
              <TextField ctx={ctx} parts={[...at, 'participants']} inputmode="numeric" />
            </div>
            <TextField ctx={ctx} parts={[...at, 'homeOrganisations']} />
            <TextField ctx={ctx} parts={[...at, 'countriesFeatured']} />
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <Part id="documents" title={S.sectionDocuments} lang={lang}>
        <Rows ctx={ctx} parts={['documents']} group="documents" render={(at) => (
          <>
            <TextField ctx={ctx} parts={[...at, 'url']} type="url" />
            <BilingualField ctx={ctx} parts={[...at, 'title']} />
            <div class="grid-4">
              <SelectField ctx={ctx} parts={[...at, 'language']} options={languageOptions(lang)} openCodelist />
              <SelectField ctx={ctx} parts={[...at, 'category']} options={categoryOptions(lang)} openCodelist />
              <TextField ctx={ctx} parts={[...at, 'format']} />
              <TextField ctx={ctx} parts={[...at, 'date']} />
            </div>
            <ProvenanceField ctx={ctx} parts={[...at, 'provenance']} />
          </>
        )} />
      </Part>

      <ProvenanceField ctx={ctx} parts={['provenance']} />
    </>
  );
}

/** A readable name for a form field, for the error summary: "Organisation 2: Roll". */
export function describeField(field: string, lang: Lang): string {
  const parts = field.replace(/\]/g, '').split('[');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (ROW_NAMES[p] && next !== undefined && /^\d+$/.test(next)) {
      out.push(`${ROW_NAMES[p]![lang]} ${Number(next) + 1}`);
      i++;
    }
  }
  const names = parts.filter((p) => !/^\d+$/.test(p));
  let label: string | undefined;
  if (names[0] === 'texts') {
    label = `${FIELD_LABELS[names[2] ?? '']?.[lang] ?? ''} (${langWord(names[1] === 'en' ? 'en' : 'sv', lang)})`;
  } else {
    const last = names.at(-1)!;
    const isLang = last === 'sv' || last === 'en';
    const core = isLang ? names.slice(0, -1) : names;
    const key = core.length === 1 ? core[0]! : core[0] === 'dates' ? core.join('.') : core.slice(-2).join('.');
    label = FIELD_LABELS[key]?.[lang] ?? key;
    if (isLang) label += ` (${langWord(last, lang)})`;
  }
  return [...out, label].join(': ');
}

/** A language's name inside a label: "svenska" in Swedish running text, "Swedish" in English. */
function langWord(which: Lang, lang: Lang): string {
  const name = (which === 'sv' ? S.swedish : S.english)[lang];
  return lang === 'sv' ? name.toLowerCase() : name;
}
