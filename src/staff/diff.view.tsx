/** Stored values and differences as a person reads them: dates in words, codes as labels, texts in full. */
import { isFuzzyDate } from '../dates/fuzzy-date.ts';
import { formatFuzzyDate } from '../dates/fuzzy-date.format.ts';
import type { DiffEntry } from '../editing/diff.ts';
import {
  ACTIVITY_KINDS, ACTIVITY_STATUSES, BASES, ENGAGEMENT_KINDS, FLOW_KINDS, INDICATOR_MEASURES, INSTRUMENTS, PARTICIPATION_ROLES,
  RELATION_TYPES, RESULT_TYPES,
} from '../reference/codes.ts';
import { countryName } from '../reference/countries.ts';
import { findObjective, objectiveTitle } from '../reference/frameworks.ts';
import { findRegion } from '../reference/regions.ts';
import type { AlignmentFramework } from '../reference/codes.ts';
import type { Lang } from '../shared/i18n.ts';
import { FIELD_LABELS, S } from './staff.messages.ts';

const CODE_LISTS: Record<string, readonly { code: string; label: { sv: string; en: string } }[]> = {
  kind: [...ACTIVITY_KINDS, ...ENGAGEMENT_KINDS, ...FLOW_KINDS],
  status: ACTIVITY_STATUSES, role: PARTICIPATION_ROLES, instrument: INSTRUMENTS, type: [...RELATION_TYPES, ...RESULT_TYPES],
  basis: BASES, measure: INDICATOR_MEASURES,
};

const yesNo = (v: boolean, lang: Lang) => (v ? (lang === 'sv' ? 'ja' : 'yes') : (lang === 'sv' ? 'nej' : 'no'));

/** One stored value as words; `key` is the field it belongs to, for codes. */
export function readable(value: unknown, lang: Lang, key = ''): string {
  if (value === undefined || value === null || value === '') return S.empty[lang];
  if (typeof value === 'boolean') return yesNo(value, lang);
  if (typeof value === 'number') return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(value);
  if (typeof value === 'string') {
    const list = CODE_LISTS[key];
    const code = list?.find((c) => c.code === value);
    if (code) return code.label[lang];
    if (key === 'code' && /^[A-Z]{2}$/.test(value)) return countryName(value, lang);
    return value;
  }
  if (isFuzzyDate(value)) return `${formatFuzzyDate(value, lang)} (”${value.phrase}”)`;
  if (Array.isArray(value)) {
    if (value.length === 0) return S.empty[lang];
    if (key === 'regions' || value.every((v) => typeof v === 'string' && findRegion(v))) {
      return value.map((v) => (typeof v === 'string' ? findRegion(v)?.name[lang] ?? v : readable(v, lang))).join(', ');
    }
    return value.map((v) => readable(v, lang, key)).join('; ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length > 0 && keys.every((k) => k === 'sv' || k === 'en')) {
      return keys.map((k) => `${k === 'sv' ? S.swedish[lang] : S.english[lang]}: ${String(o[k])}`).join(' / ');
    }
    if (typeof o.framework === 'string' && typeof o.code === 'string') {
      const objective = findObjective(o.framework as AlignmentFramework, o.code);
      return `${o.framework.toUpperCase()} ${o.code}${objective ? `. ${objectiveTitle(objective)[lang]}` : ''}`;
    }
    return keys
      .filter((k) => o[k] !== undefined && !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0) && k !== 'provenance')
      .map((k) => `${FIELD_LABELS[k]?.[lang] ?? FIELD_LABELS[`flows.${k}`]?.[lang] ?? k}: ${readable(o[k], lang, k)}`)
      .join(', ');
  }
  return String(value);
}

const CHANGE_WORDS = { added: S.added, removed: S.removed, changed: S.changedWord } as const;

/** A readable diff: one row per changed field or item, before and after. */
export function DiffTable({ entries, lang, caption }: { entries: DiffEntry[]; lang: Lang; caption: string }) {
  const key = (path: string) => path.split('.').at(-1) ?? '';
  return (
    <div class="table-scroll">
      <table class="diff">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{S.field[lang]}</th><th scope="col">{S.before[lang]}</th><th scope="col">{S.after[lang]}</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr class={`diff-${e.change}`}>
              <th scope="row">{e.label[lang]} <span class="meta">({CHANGE_WORDS[e.change][lang]})</span></th>
              <td class="diff-before">{e.before === undefined ? '' : <del>{readable(e.before, lang, key(e.path))}</del>}</td>
              <td class="diff-after">{e.after === undefined ? '' : <ins>{readable(e.after, lang, key(e.path))}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
