/**
 * The activity form codec: an activity document ⇄ flat form fields (texts[sv][title],
 * participations[2][role], results[0][indicators][1][periods][0][start]), validated by the same
 * activitySchema as the API and the importer.
 */
import { activitySchema, type Activity } from '../activities/activity.schema.ts';
import { FuzzyDateError, parsePeriod, type FuzzyDate } from '../dates/fuzzy-date.ts';
import { formatPeriod } from '../dates/fuzzy-date.format.ts';
import type { Message } from '../shared/i18n.ts';
import {
  encodeRow, normaliseTree, bodyToTree, validateTree, type FieldSpec, type FormNode, type FormResult, type FormSpec, type FormTree,
} from './form.codec.ts';

export const TEXT_FIELDS = ['title', 'acronym', 'summary', 'description', 'objectives'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const LONG_TEXTS = new Set<TextField>(['summary', 'description', 'objectives']);

const provenance: FieldSpec = { key: ['provenance'], kind: 'hidden-json' };

const sameBound = (a: FuzzyDate | undefined, b: FuzzyDate | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.from === b.from && a.to === b.to && a.precision === b.precision && a.phrase === b.phrase);

/**
 * The words for a stored period that read back to exactly the same bounds, phrases included:
 * the bounds' own words joined, a phrase that carries both bounds ("1,5 år, avslutades i mars 2016"),
 * or, failing those, the period as the formatter writes it.
 */
export function periodWords(start: FuzzyDate | undefined, end: FuzzyDate | undefined): string {
  if (!start && !end) return '';
  const candidates: string[] = [];
  if (start && end) {
    if (sameBound(start, end)) candidates.push(start.phrase);
    candidates.push(`${start.phrase} – ${end.phrase}`, start.phrase, end.phrase);
  } else if (start) candidates.push(`från ${start.phrase}`, `from ${start.phrase}`);
  else if (end) candidates.push(`till ${end.phrase}`, `until ${end.phrase}`);
  for (const words of candidates) {
    try {
      const p = parsePeriod(words);
      if (sameBound(p.start, start) && sameBound(p.end, end)) return words;
    } catch (error) {
      if (!(error instanceof FuzzyDateError)) throw error;
    }
  }
  return formatPeriod({ start, end, phrase: '' }, 'sv');
}

function periodField(which: 'planned' | 'actual'): FieldSpec {
  return {
    key: ['dates', which], kind: 'text',
    also: [['dates', `${which}Start`], ['dates', `${which}End`]],
    encode: (a) => {
      const d = (a as Activity).dates;
      const words = periodWords(d[`${which}Start`], d[`${which}End`]);
      return words || undefined;
    },
    decode: (value, out) => {
      const words = typeof value === 'string' ? value.trim() : '';
      if (!words) return;
      out.dates = { ...(out.dates as object | undefined), [which]: words };
    },
  };
}

const OBJECTIVE: FieldSpec = {
  key: ['objective'], kind: 'select', also: [['framework'], ['code']],
  encode: (a) => {
    const x = a as Activity['alignment'][number];
    return `${x.framework}:${x.code}`;
  },
  decode: (value, out) => {
    const v = typeof value === 'string' ? value : '';
    const at = v.indexOf(':');
    if (at < 0) return;
    out.framework = v.slice(0, at);
    out.code = v.slice(at + 1);
  },
};

const BOTH_TARGETS: Message = {
  sv: 'Ange antingen en aktivitet i registret eller ett mål utanför registret, inte båda.',
  en: 'Give either an activity in the register or a target outside it, not both.',
};
const NO_TARGET: Message = {
  sv: 'Ange vilken aktivitet relationen gäller, eller namnet på ett mål utanför registret.',
  en: 'Give the activity the relation concerns, or the name of a target outside the register.',
};

export const ACTIVITY_FORM: FormSpec = {
  key: '',
  controls: ['_version', '_reason', '_csrf', '_action', '_add'],
  fields: [
    { key: ['slug'], kind: 'text' },
    { key: ['iatiIdentifier'], kind: 'text' },
    { key: ['reportedBy'], kind: 'text' },
    { key: ['kind'], kind: 'select' },
    { key: ['status'], kind: 'select' },
    { key: ['workingTitle'], kind: 'checkbox' },
    ...(['sv', 'en'] as const).flatMap((lang) => TEXT_FIELDS.map((f): FieldSpec => ({ key: ['texts', lang, f], kind: LONG_TEXTS.has(f) ? 'textarea' : 'text' }))),
    periodField('planned'),
    periodField('actual'),
    { key: ['regions'], kind: 'multi' },
    provenance,
  ],
  groups: [
    { key: 'countries', fields: [{ key: ['code'], kind: 'select' }, { key: ['percentage'], kind: 'number' }] },
    {
      key: 'participations',
      fields: [{ key: ['organisation'], kind: 'text' }, { key: ['role'], kind: 'select' }, { key: ['note'], kind: 'bilingual' }, provenance],
    },
    {
      key: 'funding',
      fields: [
        { key: ['instrument'], kind: 'select' }, { key: ['funder'], kind: 'text' }, { key: ['via'], kind: 'text' },
        { key: ['coFinancing'], kind: 'checkbox' }, { key: ['note'], kind: 'bilingual' }, provenance,
      ],
      groups: [{
        key: 'flows',
        fields: [
          { key: ['kind'], kind: 'select' }, { key: ['amount'], kind: 'decimal' }, { key: ['currency'], kind: 'select' },
          { key: ['valueDate'], kind: 'day' }, { key: ['periodStart'], kind: 'day' }, { key: ['periodEnd'], kind: 'day' },
          { key: ['note'], kind: 'bilingual' },
        ],
      }],
    },
    {
      key: 'relations',
      fields: [
        { key: ['type'], kind: 'select' },
        { key: ['targetActivity'], kind: 'text', path: ['target', 'activity'], also: [['target']] },
        { key: ['externalName'], kind: 'bilingual', path: ['target', 'external', 'name'] },
        { key: ['externalIati'], kind: 'text', path: ['target', 'external', 'iatiIdentifier'] },
        { key: ['externalOrganisation'], kind: 'text', path: ['target', 'external', 'organisation'] },
        { key: ['basis'], kind: 'select' }, { key: ['note'], kind: 'bilingual' }, provenance,
      ],
      check: (row, problem) => {
        const target = row.target as { activity?: string; external?: { name?: unknown } } | undefined;
        if (target?.activity !== undefined && target.external !== undefined) problem(['target', 'activity'], BOTH_TARGETS, 'relation-target');
        else if (target === undefined) problem(['target', 'activity'], NO_TARGET, 'relation-target');
      },
    },
    { key: 'alignment', fields: [OBJECTIVE, { key: ['basis'], kind: 'select' }, provenance] },
    {
      key: 'keyFigures',
      fields: [
        { key: ['value'], kind: 'number' }, { key: ['unit'], kind: 'bilingual' }, { key: ['currency'], kind: 'select' },
        { key: ['label'], kind: 'bilingual' }, { key: ['asOf'], kind: 'fuzzy-date' }, { key: ['cumulative'], kind: 'checkbox' },
        { key: ['source'], kind: 'text' }, provenance,
      ],
    },
    {
      key: 'results',
      fields: [{ key: ['type'], kind: 'select' }, { key: ['title'], kind: 'bilingual' }, { key: ['description'], kind: 'bilingual' }, provenance],
      groups: [{
        key: 'indicators',
        fields: [
          { key: ['title'], kind: 'bilingual' }, { key: ['measure'], kind: 'select' }, { key: ['ascending'], kind: 'checkbox' },
          { key: ['baselineYear'], kind: 'integer', path: ['baseline', 'year'], also: [['baseline']] },
          { key: ['baselineValue'], kind: 'decimal', path: ['baseline', 'value'] },
          { key: ['baselineComment'], kind: 'bilingual', path: ['baseline', 'comment'] },
        ],
        groups: [{
          key: 'periods',
          fields: [
            { key: ['start'], kind: 'day' }, { key: ['end'], kind: 'day' }, { key: ['target'], kind: 'decimal' },
            { key: ['actual'], kind: 'decimal' }, { key: ['comment'], kind: 'bilingual' },
          ],
        }],
      }],
    },
    {
      key: 'engagements',
      fields: [
        { key: ['kind'], kind: 'select' }, { key: ['title'], kind: 'bilingual' }, { key: ['topic'], kind: 'bilingual' },
        { key: ['date'], kind: 'fuzzy-date' }, { key: ['count'], kind: 'integer' }, { key: ['place'], kind: 'bilingual' },
        { key: ['format'], kind: 'text' }, { key: ['homeOrganisations'], kind: 'list' },
        { key: ['registrations'], kind: 'integer' }, { key: ['participants'], kind: 'integer' },
        { key: ['countriesFeatured'], kind: 'list', upper: true }, provenance,
      ],
    },
    { key: 'otherIdentifiers', fields: [{ key: ['ref'], kind: 'text' }, { key: ['type'], kind: 'select' }, { key: ['owner'], kind: 'text' }] },
    {
      key: 'documents',
      fields: [
        { key: ['url'], kind: 'text' }, { key: ['title'], kind: 'bilingual' }, { key: ['language'], kind: 'select' },
        { key: ['category'], kind: 'select' }, { key: ['format'], kind: 'text' }, { key: ['date'], kind: 'day' }, provenance,
      ],
    },
  ],
};

/**
 * Indicators say "ascending" by default: an unticked box in a posted form means false, so the
 * empty row a person adds starts ticked (see emptyRow).
 */
export function activityToForm(activity: Activity): FormTree {
  return encodeRow(ACTIVITY_FORM, activity);
}

/** A new activity's form: nothing typed, the usual defaults chosen. */
export function newActivityForm(): FormTree {
  return { slug: '', iatiIdentifier: '', kind: '', status: 'pipeline', texts: { sv: {}, en: {} }, ...Object.fromEntries((ACTIVITY_FORM.groups ?? []).map((g) => [g.key, [] as FormNode[]])) };
}

export interface ActivityFormOptions {
  /** The record's publication state, which the form does not edit. */
  publication?: Activity['publication'];
}

/** Validates a posted activity form with activitySchema. */
export function readActivityForm(body: unknown, options: ActivityFormOptions = {}): FormResult<Activity> {
  const tree = normaliseTree(ACTIVITY_FORM, bodyToTree(body), { dropBlank: true });
  return validateActivityTree(tree, options);
}

export function validateActivityTree(tree: FormTree, options: ActivityFormOptions = {}): FormResult<Activity> {
  return validateTree(ACTIVITY_FORM, activitySchema, tree, (input) => ({ ...input, publication: options.publication ?? 'draft' }));
}

/** The posted form with one more empty row (or without the rows marked for removal): nothing typed is lost. */
export function reshapeActivityForm(body: unknown, add: string | undefined): FormTree {
  return normaliseTree(ACTIVITY_FORM, bodyToTree(body), { dropBlank: false, add });
}
