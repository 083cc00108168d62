/**
 * The activity list: search, filters with counts, sorting and pages. A plain GET form, so every
 * state is a URL that can be shared, and all of it works without JavaScript.
 */
import type { ActivityQuery } from '../../activities/activity.query.schema.ts';
import type { FacetName, Sort } from '../../activities/activity.query.ts';
import type { Activity } from '../../activities/activity.schema.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, INSTRUMENTS, labelOf } from '../../reference/codes.ts';
import { countryName } from '../../reference/countries.ts';
import { findObjective, objectiveTitle } from '../../reference/frameworks.ts';
import { findRegion } from '../../reference/regions.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import type { Bilingual, Lang } from '../../shared/i18n.ts';
import { ActivityCard, pick } from '../components.tsx';
import { Layout, type PageMeta } from '../layout.tsx';
import { M, formatNumber, t, type MessageKey } from '../messages.ts';
import { href, listPath } from '../paths.ts';

export interface ListData {
  query: ActivityQuery;
  sort: Sort;
  page: number;
  pageSize: number;
  total: number;
  items: Activity[];
  facets: Record<FacetName, Map<string, number>>;
  organisationNames: Map<string, Bilingual>;
  problems: FieldProblem[];
  /** True when the search text had no searchable words and was ignored. */
  searchIgnored: boolean;
}

const MAX_OPTIONS = 100;

interface Option { value: string; label: string; count: number }

function labelFor(facet: FacetName, value: string, lang: Lang, names: Map<string, Bilingual>): string {
  switch (facet) {
    case 'kind': return labelOf(ACTIVITY_KINDS, value as never)[lang];
    case 'status': return labelOf(ACTIVITY_STATUSES, value as never)[lang];
    case 'country': return countryName(value, lang);
    case 'region': return findRegion(value)?.name[lang] ?? value;
    case 'instrument': return INSTRUMENTS.find((i) => i.code === value)?.label[lang] ?? value;
    case 'funder':
    case 'organisation': return pick(names.get(value), lang)?.text ?? value;
    case 'gcm': {
      const o = findObjective('gcm', value);
      return o ? `${value}. ${shorten(objectiveTitle(o)[lang])}` : value;
    }
    case 'sdgTarget': {
      const o = findObjective('sdg-target', value);
      return o ? `${value} ${shorten(objectiveTitle(o)[lang])}` : value;
    }
    default: return value;
  }
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function options(facet: FacetName, data: ListData, lang: Lang, selected: string | undefined): Option[] {
  const counts = data.facets[facet];
  let entries = [...counts].map(([value, count]) => ({ value, count, label: labelFor(facet, value, lang, data.organisationNames) }));
  entries.sort((a, b) => (facet === 'gcm' || facet === 'sdgTarget'
    ? a.value.localeCompare(b.value, 'en', { numeric: true })
    : a.label.localeCompare(b.label, lang)));
  if (entries.length > MAX_OPTIONS) {
    const top = [...entries].sort((a, b) => b.count - a.count).slice(0, MAX_OPTIONS);
    entries = entries.filter((e) => top.includes(e) || e.value === selected);
  }
  if (selected && !counts.has(selected)) entries.unshift({ value: selected, count: 0, label: labelFor(facet, selected, lang, data.organisationNames) });
  return entries;
}

function Select({ name, label, facet, data, lang, selected }: { name: string; label: MessageKey; facet: FacetName; data: ListData; lang: Lang; selected: string | undefined }) {
  const id = `filter-${name}`;
  return (
    <div class="field">
      <label for={id}>{M[label][lang]}</label>
      <select id={id} name={name}>
        <option value="">{M.any[lang]}</option>
        {options(facet, data, lang, selected).map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>{`${o.label} (${formatNumber(lang, o.count)})`}</option>
        ))}
      </select>
    </div>
  );
}

const FIELD_LABELS: Record<string, MessageKey> = {
  q: 'search', kind: 'kind', status: 'status', country: 'country', region: 'region', instrument: 'instrument', funder: 'funder',
  organisation: 'organisation', year: 'yearFrom', yearFrom: 'yearFrom', yearTo: 'yearTo', gcm: 'gcm', sdgTarget: 'sdgTarget', sort: 'sort',
  page: 'pagination', pageSize: 'pagination',
};

export function ListPage({ meta, data }: { meta: PageMeta; data: ListData }) {
  const { lang } = meta;
  const q = data.query;
  const params: Record<string, string | number | undefined> = {
    q: q.q, kind: q.kind, status: q.status, country: q.country, region: q.region, instrument: q.instrument, funder: q.funder,
    organisation: q.organisation, yearFrom: q.yearFrom ?? q.year, yearTo: q.yearTo ?? q.year, gcm: q.gcm, sdgTarget: q.sdgTarget,
    sort: q.sort, pageSize: q.pageSize,
  };
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const yearsWithData = [...data.facets.year.keys()].map(Number).sort((a, b) => a - b);
  const sorts: { value: Sort; label: MessageKey }[] = [
    ...(q.q ? [{ value: 'relevance' as const, label: 'sortRelevance' as const }] : []),
    { value: 'start-desc', label: 'sortStartDesc' }, { value: 'start-asc', label: 'sortStartAsc' }, { value: 'title', label: 'sortTitle' },
  ];
  const heading = data.total === 1 ? `1 ${M.resultOne[lang]}` : `${formatNumber(lang, data.total)} ${M.resultsCount[lang]}`;
  return (
    <Layout meta={meta}>
      <h1>{M.listTitle[lang]}</h1>
      {data.problems.length ? (
        <div class="notice" role="alert">
          <h2>{M.badFilter[lang]}</h2>
          <ul>
            {data.problems.map((p, i) => <li key={i}>{M[FIELD_LABELS[p.path.split('.')[0] ?? ''] ?? 'filters'][lang]}: {p.message[lang]}</li>)}
          </ul>
        </div>
      ) : null}
      <form method="get" action={href(lang, '/activities')} class="list-form">
        <div class="field">
          <label for="q">{M.searchLabel[lang]}</label>
          <div class="search-row">
            <input id="q" name="q" type="search" value={q.q ?? ''} maxLength={500} aria-describedby="q-hint" />
            <button type="submit">{M.search[lang]}</button>
          </div>
          <p id="q-hint" class="hint">{M.searchHint[lang]}</p>
        </div>
        <div class="list-layout">
          <div class="filters">
            <fieldset>
              <legend>{M.filters[lang]}</legend>
              <Select name="kind" label="kind" facet="kind" data={data} lang={lang} selected={q.kind} />
              <Select name="status" label="status" facet="status" data={data} lang={lang} selected={q.status} />
              <Select name="country" label="country" facet="country" data={data} lang={lang} selected={q.country} />
              <Select name="region" label="region" facet="region" data={data} lang={lang} selected={q.region} />
              <Select name="instrument" label="instrument" facet="instrument" data={data} lang={lang} selected={q.instrument} />
              <Select name="funder" label="funder" facet="funder" data={data} lang={lang} selected={q.funder} />
              <Select name="organisation" label="organisation" facet="organisation" data={data} lang={lang} selected={q.organisation} />
              <div class="field">
                <label for="yearFrom">{M.yearFrom[lang]}</label>
                <input id="yearFrom" name="yearFrom" type="number" inputMode="numeric" min={1900} max={2100} value={params.yearFrom ?? ''} placeholder={yearsWithData[0] ? String(yearsWithData[0]) : undefined} />
              </div>
              <div class="field">
                <label for="yearTo">{M.yearTo[lang]}</label>
                <input id="yearTo" name="yearTo" type="number" inputMode="numeric" min={1900} max={2100} value={params.yearTo ?? ''} placeholder={yearsWithData.at(-1) ? String(yearsWithData.at(-1)) : undefined} />
              </div>
              <Select name="gcm" label="gcm" facet="gcm" data={data} lang={lang} selected={q.gcm} />
              <Select name="sdgTarget" label="sdgTarget" facet="sdgTarget" data={data} lang={lang} selected={q.sdgTarget} />
              <div class="field">
                <label for="sort">{M.sort[lang]}</label>
                <select id="sort" name="sort">
                  {sorts.map((s) => <option key={s.value} value={s.value} selected={s.value === data.sort}>{M[s.label][lang]}</option>)}
                </select>
              </div>
              <button type="submit">{M.applyFilters[lang]}</button>
              <p><a href={href(lang, '/activities')}>{M.clearFilters[lang]}</a></p>
            </fieldset>
          </div>
          <section aria-labelledby="results-heading">
            <h2 id="results-heading">{heading}</h2>
            {data.searchIgnored ? <p class="notice">{M.searchNoWords[lang]}</p> : null}
            {data.items.length
              ? <ul class="cards">{data.items.map((a) => <ActivityCard key={a.slug} activity={a} lang={lang} />)}</ul>
              : <p>{M.noResults[lang]}</p>}
            {pages > 1 ? (
              <nav class="pagination" aria-label={M.pagination[lang]}>
                <ul>
                  {data.page > 1 ? <li><a href={listPath(lang, { ...params, page: data.page - 1 })} rel="prev">{M.previous[lang]}</a></li> : null}
                  <li aria-current="page">{t(lang, 'pageOf', { page: formatNumber(lang, data.page), pages: formatNumber(lang, pages) })}</li>
                  {data.page < pages ? <li><a href={listPath(lang, { ...params, page: data.page + 1 })} rel="next">{M.next[lang]}</a></li> : null}
                </ul>
              </nav>
            ) : null}
          </section>
        </div>
      </form>
    </Layout>
  );
}
