/** The timeline, the map and the statistics: each chart drawn on the server, with its data as a table or list beside it. */
import type { VNode } from 'preact';
import type { Activity } from '../../activities/activity.schema.ts';
import type { Lang } from '../../shared/i18n.ts';
import { Layout, type PageMeta } from '../layout.tsx';
import { M, formatNumber } from '../messages.ts';
import { activityPath, href } from '../paths.ts';
import { periodText, plainTitle } from '../components.tsx';

export interface TimelineData {
  group: 'kind' | 'country';
  groups: { label: string; activities: Activity[] }[];
  wide: VNode;
  narrow: VNode;
  shown: number;
  total: number;
}

export function TimelinePage({ meta, data }: { meta: PageMeta; data: TimelineData }) {
  const { lang } = meta;
  return (
    <Layout meta={meta}>
      <h1>{M.timelineTitle[lang]}</h1>
      <p>{M.timelineIntro[lang]}</p>
      <p>
        {M.groupBy[lang]}:{' '}
        {data.group === 'kind' ? <strong aria-current="true">{M.groupKind[lang]}</strong> : <a href={href(lang, '/timeline?group=kind')}>{M.groupKind[lang]}</a>}
        {' · '}
        {data.group === 'country' ? <strong aria-current="true">{M.groupCountry[lang]}</strong> : <a href={href(lang, '/timeline?group=country')}>{M.groupCountry[lang]}</a>}
      </p>
      {data.shown < data.total ? (
        <p class="notice">{lang === 'sv'
          ? `Tidslinjen visar de ${formatNumber(lang, data.shown)} senast startade av ${formatNumber(lang, data.total)} aktiviteter. Använd listan för att se resten.`
          : `The timeline shows the ${formatNumber(lang, data.shown)} most recently started of ${formatNumber(lang, data.total)} activities. Use the list to see the rest.`}</p>
      ) : null}
      <div class="chart-pair">{data.wide}{data.narrow}</div>
      <h2>{lang === 'sv' ? 'Samma uppgifter som lista' : 'The same information as a list'}</h2>
      {data.groups.map((g) => (
        <section key={g.label}>
          <h3>{g.label}</h3>
          <ul>
            {g.activities.map((a) => <li key={a.slug}><a href={activityPath(lang, a.slug)}>{plainTitle(a, lang)}</a>: {periodText(a, lang)}</li>)}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export interface CountRow { label: string; value: number; href?: string | undefined }

export function CountTable({ caption, rows, lang, firstColumn }: { caption: string; rows: CountRow[]; lang: Lang; firstColumn: string }) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{firstColumn}</th><th scope="col" class="num">{M.count[lang]}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
              <td class="num">{formatNumber(lang, r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MapPage({ meta, map, rows }: { meta: PageMeta; map: VNode; rows: CountRow[] }) {
  const { lang } = meta;
  return (
    <Layout meta={meta}>
      <h1>{M.mapTitle[lang]}</h1>
      <p>{M.mapIntro[lang]}</p>
      <figure class="world-map">{map}</figure>
      <CountTable caption={M.perCountry[lang]} rows={rows} lang={lang} firstColumn={M.country[lang]} />
    </Layout>
  );
}

export interface StatisticsBlock { id: string; title: string; chart: VNode[]; rows: CountRow[]; firstColumn: string }

export function StatisticsPage({ meta, blocks }: { meta: PageMeta; blocks: StatisticsBlock[] }) {
  const { lang } = meta;
  return (
    <Layout meta={meta}>
      <h1>{M.statisticsTitle[lang]}</h1>
      <p>{lang === 'sv' ? 'Alla siffror räknas fram ur registret när sidan visas. Bara publicerade aktiviteter ingår.' : 'Every figure is computed from the register when the page is shown. Only published activities are included.'}</p>
      {blocks.map((b) => (
        <section key={b.id} aria-labelledby={`${b.id}-h`}>
          <h2 id={`${b.id}-h`}>{b.title}</h2>
          <div class="chart-block">
            <div class="chart-pair">{b.chart}</div>
            <CountTable caption={b.title} rows={b.rows} lang={lang} firstColumn={b.firstColumn} />
          </div>
        </section>
      ))}
    </Layout>
  );
}
