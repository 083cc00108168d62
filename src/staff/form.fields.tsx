/**
 * Form fields as the staff pages draw them: a label, a hint, the error beside the field
 * (aria-invalid, aria-describedby), and the value typed or stored. Names and ids come from the
 * field's path, so the error summary can link to every field.
 */
import type { ComponentChildren } from 'preact';
import { unknownCodeLabel } from '../reference/codes.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { fieldId, joinName, stringAt, stringsAt, type FormError, type FormTree } from './form.codec.ts';
import { FIELD_HINTS, FIELD_LABELS, S } from './staff.messages.ts';

export interface FormContext {
  lang: Lang;
  tree: FormTree;
  errors: FormError[];
  /** False for viewers: every field is shown read-only. */
  editable: boolean;
  /** The field to focus when the page opens (the first field of a row just added). */
  focus?: string | undefined;
}

export interface Option { value: string; label: string; lang?: Lang | undefined }
export interface OptionGroup { label: string; options: Option[] }

type Parts = readonly (string | number)[];

/** "participations.role" for participations[0][role]: the key of its label and hint. */
export function labelKey(parts: Parts): string {
  const names = parts.map(String).filter((p) => !/^\d+$/.test(p));
  if (names[0] === 'texts') return names[2] ?? '';
  if (names.length === 1) return names[0]!;
  if (names[0] === 'dates') return names.join('.');
  return names.slice(-2).join('.');
}

export function labelOfField(parts: Parts, lang: Lang): string {
  return FIELD_LABELS[labelKey(parts)]?.[lang] ?? parts.map(String).join(' ');
}

function errorsFor(ctx: FormContext, name: string): FormError[] {
  return ctx.errors.filter((e) => e.field === name);
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string');
  return list.length ? list.join(' ') : undefined;
}

function FieldError({ id, errors, lang }: { id: string; errors: FormError[]; lang: Lang }) {
  if (errors.length === 0) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      <span class="visually-hidden">{S.errorLabel[lang]} </span>
      {errors.map((e) => e.message[lang]).join(' ')}
    </p>
  );
}

interface FieldProps {
  ctx: FormContext;
  parts: Parts;
  label?: string | undefined;
  hint?: string | undefined;
  /** Shown under the field: e.g. how a date in words was understood. */
  after?: ComponentChildren;
  inputLang?: Lang | undefined;
  class?: string | undefined;
}

function hintOf(props: FieldProps): string | undefined {
  return props.hint ?? FIELD_HINTS[labelKey(props.parts)]?.[props.ctx.lang];
}

/** What a labelled field's control needs: its name, id, errors and the ids that describe it. */
function fieldOf(props: FieldProps, extraDescribedBy?: string) {
  const name = joinName(props.parts);
  const id = fieldId(name);
  const errors = errorsFor(props.ctx, name);
  const hint = hintOf(props);
  return {
    name, id, errors, hint,
    aria: {
      'aria-invalid': errors.length ? 'true' as const : undefined,
      'aria-describedby': describedBy(hint && `${id}-hint`, errors.length > 0 && `${id}-error`, extraDescribedBy),
    },
  };
}

/** The label, hint and error above a control, the same for every kind of field. */
function FieldFrame({ props, field, children }: { props: FieldProps; field: ReturnType<typeof fieldOf>; children: ComponentChildren }) {
  return (
    <div class={`field${props.class ? ` ${props.class}` : ''}${field.errors.length ? ' has-error' : ''}`}>
      <label for={field.id}>{props.label ?? labelOfField(props.parts, props.ctx.lang)}</label>
      {field.hint ? <p class="hint" id={`${field.id}-hint`}>{field.hint}</p> : null}
      <FieldError id={field.id} errors={field.errors} lang={props.ctx.lang} />
      {children}
    </div>
  );
}

export function TextField(props: FieldProps & { type?: 'text' | 'url' | 'number'; inputmode?: 'decimal' | 'numeric' | undefined; autocomplete?: string; list?: string | undefined; describedBy?: string | undefined }) {
  const { ctx, parts } = props;
  const field = fieldOf(props, props.describedBy);
  return (
    <FieldFrame props={props} field={field}>
      <input
        type={props.type === 'url' ? 'url' : 'text'} id={field.id} name={field.name} value={stringAt(ctx.tree, parts)}
        lang={props.inputLang} inputmode={props.inputmode} list={props.list} readOnly={!ctx.editable} autofocus={ctx.focus === field.name}
        autocomplete={props.autocomplete ?? 'off'} {...field.aria}
      />
      {props.after}
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { ctx, parts } = props;
  const field = fieldOf(props);
  return (
    <FieldFrame props={props} field={field}>
      <textarea
        id={field.id} name={field.name} rows={props.rows ?? 4} lang={props.inputLang} readOnly={!ctx.editable} autofocus={ctx.focus === field.name}
        {...field.aria}
      >{stringAt(ctx.tree, parts)}</textarea>
    </FieldFrame>
  );
}

/**
 * A choice among options. `openCodelist`: the options are an open IATI codelist (OPEN_CODELISTS),
 * so a stored code they lack is a code the registry's copy of the list does not have, and says so.
 */
export function SelectField(props: FieldProps & { options: Option[]; groups?: OptionGroup[]; required?: boolean; openCodelist?: boolean }) {
  const { ctx, parts } = props;
  const field = fieldOf(props);
  const value = stringAt(ctx.tree, parts);
  const known = props.options.some((o) => o.value === value) || (props.groups ?? []).some((g) => g.options.some((o) => o.value === value));
  const option = (o: Option) => <option value={o.value} selected={o.value === value} lang={o.lang && o.lang !== ctx.lang ? o.lang : undefined}>{o.label}</option>;
  return (
    <FieldFrame props={props} field={field}>
      <select id={field.id} name={field.name} disabled={!ctx.editable} autofocus={ctx.focus === field.name} {...field.aria}>
        <option value="" selected={value === ''}>{props.required ? S.choose[ctx.lang] : S.none[ctx.lang]}</option>
        {/* A value that is no longer among the options is still shown, so saving does not drop it silently. */}
        {value !== '' && !known ? <option value={value} selected>{props.openCodelist ? unknownCodeLabel(value)[ctx.lang] : value}</option> : null}
        {props.options.map(option)}
        {(props.groups ?? []).map((g) => <optgroup label={g.label}>{g.options.map(option)}</optgroup>)}
      </select>
    </FieldFrame>
  );
}

/** A checkbox, with a hidden empty companion so that "unticked" reaches the server too. */
export function CheckboxField(props: FieldProps & { defaultChecked?: boolean }) {
  const { ctx, parts } = props;
  const name = joinName(parts);
  const id = fieldId(name);
  const errors = errorsFor(ctx, name);
  // A row that was never posted (just added) shows the default; a posted one what was ticked.
  const checked = hasValue(ctx.tree, parts) ? stringsAt(ctx.tree, parts).length > 0 : Boolean(props.defaultChecked);
  return (
    <div class={`field checkbox${errors.length ? ' has-error' : ''}`}>
      <FieldError id={id} errors={errors} lang={ctx.lang} />
      <input type="hidden" name={name} value="" />
      <input type="checkbox" id={id} name={name} checked={checked} disabled={!ctx.editable}
        aria-invalid={errors.length ? 'true' : undefined} aria-describedby={errors.length ? `${id}-error` : undefined} />
      <label for={id}>{props.label ?? labelOfField(parts, ctx.lang)}</label>
    </div>
  );
}

function hasValue(tree: FormTree, parts: Parts): boolean {
  let node: unknown = tree;
  for (const p of parts) {
    if (node === null || typeof node !== 'object') return false;
    node = Array.isArray(node) ? node[Number(p)] : (node as Record<string, unknown>)[String(p)];
  }
  return node !== undefined;
}

export function CheckboxGroup(props: FieldProps & { options: Option[] }) {
  const { ctx, parts } = props;
  const name = joinName(parts);
  const id = fieldId(name);
  const errors = errorsFor(ctx, name);
  const chosen = new Set(stringsAt(ctx.tree, parts));
  return (
    <fieldset class={`field-group${errors.length ? ' has-error' : ''}`} id={id} aria-describedby={errors.length ? `${id}-error` : undefined}>
      <legend>{props.label ?? labelOfField(parts, ctx.lang)}</legend>
      <FieldError id={id} errors={errors} lang={ctx.lang} />
      <input type="hidden" name={name} value="" />
      {props.options.map((o) => (
        <div class="field checkbox">
          <input type="checkbox" id={`${id}-${o.value}`} name={name} value={o.value} checked={chosen.has(o.value)} disabled={!ctx.editable} />
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A text in Swedish and English side by side, each input marked with its language. */
export function BilingualField(props: FieldProps & { long?: boolean; rows?: number }) {
  const { ctx, parts } = props;
  const label = props.label ?? labelOfField(parts, ctx.lang);
  const names: Record<Lang, Message> = { sv: S.swedish, en: S.english };
  return (
    <fieldset class="field-group bilingual">
      <legend>{label}</legend>
      <div class="side-by-side">
        {(['sv', 'en'] as const).map((l) => props.long
          ? <TextArea ctx={ctx} parts={[...parts, l]} label={names[l][ctx.lang]} inputLang={l} rows={props.rows} hint={props.hint} />
          : <TextField ctx={ctx} parts={[...parts, l]} label={names[l][ctx.lang]} inputLang={l} hint={props.hint} />)}
      </div>
    </fieldset>
  );
}

/** The source sentences of a row: carried in a hidden field, shown read-only. */
export function ProvenanceField({ ctx, parts }: { ctx: FormContext; parts: Parts }) {
  const value = stringAt(ctx.tree, parts);
  let quotes: string[] = [];
  try {
    const parsed = value ? JSON.parse(value) as { quote?: unknown }[] : [];
    quotes = Array.isArray(parsed) ? [...new Set(parsed.map((p) => (typeof p?.quote === 'string' ? p.quote : '')).filter(Boolean))] : [];
  } catch {
    quotes = [];
  }
  return (
    <>
      <input type="hidden" name={joinName(parts)} value={value} />
      {quotes.length ? (
        <details class="sources">
          <summary>{S.sourceSentences[ctx.lang]}</summary>
          {quotes.map((q) => <blockquote lang="sv">{q}</blockquote>)}
        </details>
      ) : null}
    </>
  );
}

/** The error summary at the top of a form: every error, linked to its field. */
export function ErrorSummary({ errors, lang, labelFor }: { errors: FormError[]; lang: Lang; labelFor: (field: string) => string }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary">
      <h2 id="error-summary-title">{S.errorSummary[lang]}</h2>
      <p>{S.errorSummaryIntro[lang]}</p>
      <ul>
        {errors.map((e) => (
          <li>
            {e.field
              ? <a href={`#${fieldId(e.field)}`}>{labelFor(e.field)}: {e.message[lang]}</a>
              : e.message[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
