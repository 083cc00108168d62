/** Small pieces that several portal pages show the same way. */
import type { Activity } from '../activities/activity.schema.ts';
import { formatPeriod } from '../dates/fuzzy-date.format.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, labelOf } from '../reference/codes.ts';
import { countryName } from '../reference/countries.ts';
import type { Bilingual, Lang } from '../shared/i18n.ts';
import { M, formatDay } from './messages.ts';
import { activityPath, otherLang } from './paths.ts';

/** The text in the page's language, or the other language marked with its `lang`. */
export function pick(text: Bilingual | undefined, lang: Lang): { text: string; lang: Lang } | undefined {
  const own = text?.[lang];
  if (own) return { text: own, lang };
  const other = otherLang(lang);
  const fallback = text?.[other];
  return fallback ? { text: fallback, lang: other } : undefined;
}

export function LangText({ text, lang, as = 'span' }: { text: Bilingual | undefined; lang: Lang; as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'li' }) {
  const chosen = pick(text, lang);
  if (!chosen) return null;
  const Tag = as;
  return <Tag lang={chosen.lang === lang ? undefined : chosen.lang}>{chosen.text}</Tag>;
}

/** Paragraphs of a long text, with a note when it is shown in the other language. */
export function Paragraphs({ text, lang }: { text: Bilingual | undefined; lang: Lang }) {
  const chosen = pick(text, lang);
  if (!chosen) return null;
  const foreign = chosen.lang !== lang;
  return (
    <div lang={foreign ? chosen.lang : undefined}>
      {foreign ? <p class="notice" lang={lang}>{M.onlyIn[lang]}</p> : null}
      {chosen.text.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)}
    </div>
  );
}

export function titleOf(a: Activity): Bilingual {
  return { sv: a.texts.sv?.title, en: a.texts.en?.title };
}

export function plainTitle(a: Activity, lang: Lang): string {
  return pick(titleOf(a), lang)?.text ?? a.slug;
}

export function periodOf(a: Activity) {
  return { start: a.dates.actualStart ?? a.dates.plannedStart, end: a.dates.actualEnd ?? a.dates.plannedEnd };
}

export function periodText(a: Activity, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const { start, end } = periodOf(a);
  if (!start && !end) return M.noDates[lang];
  return formatPeriod({ start, end, phrase: '' }, lang, style);
}

export function kindLabel(a: Activity, lang: Lang): string {
  return labelOf(ACTIVITY_KINDS, a.kind)[lang];
}

export function statusLabel(a: Activity, lang: Lang): string {
  return labelOf(ACTIVITY_STATUSES, a.status)[lang];
}

export function ActivityCard({ activity: a, lang, headingLevel = 3, note }: { activity: Activity; lang: Lang; headingLevel?: 2 | 3; note?: string | undefined }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const title = pick(titleOf(a), lang);
  const acronym = a.texts[lang]?.acronym ?? a.texts[otherLang(lang)]?.acronym;
  return (
    <li class="card">
      <H>
        <a href={activityPath(lang, a.slug)} lang={title && title.lang !== lang ? title.lang : undefined}>{title?.text ?? a.slug}</a>
        {acronym && acronym !== title?.text ? <span class="meta"> ({acronym})</span> : null}
      </H>
      <p class="meta">
        <span class="tag">{kindLabel(a, lang)}</span>
        <span class="tag">{statusLabel(a, lang)}</span>
        {periodText(a, lang)}
        {a.countries.length ? ` · ${a.countries.map((c) => countryName(c.code, lang)).join(', ')}` : ''}
      </p>
      {note ? <p class="meta">{note}</p> : null}
      {a.workingTitle ? <p class="meta">{M.workingTitle[lang]}</p> : null}
      <LangText text={{ sv: a.texts.sv?.summary, en: a.texts.en?.summary }} lang={lang} as="p" />
    </li>
  );
}

export function Day({ iso, lang }: { iso: string; lang: Lang }) {
  return <time dateTime={iso.slice(0, 10)}>{formatDay(lang, iso)}</time>;
}
