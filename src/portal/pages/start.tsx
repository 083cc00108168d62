/** The start page: what the unit does and why, what is under way, what just ended, and the portfolio in figures. */
import type { Activity } from '../../activities/activity.schema.ts';
import { checkActivity } from '../../check/check.ts';
import { OBJECTIVES, objectiveTitle } from '../../reference/frameworks.ts';
import type { PortfolioFigures } from '../../statistics/portfolio.statistics.ts';
import { ActivityCard, Day } from '../components.tsx';
import { Layout, type PageMeta } from '../layout.tsx';
import { M, formatNumber } from '../messages.ts';
import { href } from '../paths.ts';

export interface StartData {
  figures: PortfolioFigures;
  ongoing: Activity[];
  planned: Activity[];
  ended: Activity[];
}

/** A short line when the status and the dates disagree, so the page never states a stale status as fact. */
function statusNote(a: Activity, meta: PageMeta): string | undefined {
  const finding = checkActivity(a, { today: meta.today }).find((f) => f.field === 'status');
  return finding ? `${M.statusUnconfirmed[meta.lang]}: ${finding.message[meta.lang]}` : undefined;
}

export function StartPage({ meta, data }: { meta: PageMeta; data: StartData }) {
  const { lang } = meta;
  const f = data.figures;
  const aims = OBJECTIVES.filter((o) => o.framework === 'aim');
  const figures: { value: string; label: string; note?: preact.ComponentChildren }[] = [
    { value: formatNumber(lang, f.activities), label: M.figureActivities[lang] },
    { value: formatNumber(lang, f.ongoing), label: M.figureOngoing[lang] },
    { value: formatNumber(lang, f.countries), label: M.figureCountries[lang] },
    { value: formatNumber(lang, f.organisations), label: M.figureOrganisations[lang] },
  ];
  if (f.expertMissions.total > 0) {
    figures.push({
      value: formatNumber(lang, f.expertMissions.total), label: M.figureExpertMissions[lang],
      note: f.expertMissions.asOf ? <>{M.asOf[lang]} <Day iso={f.expertMissions.asOf} lang={lang} /></> : undefined,
    });
  }
  if (f.euFunding.eur > 0) {
    figures.push({
      value: `${formatNumber(lang, f.euFunding.eur)} EUR`, label: M.figureEuFunding[lang],
      note: lang === 'sv' ? `i ${f.euFunding.activities} ${f.euFunding.activities === 1 ? 'aktivitet' : 'aktiviteter'}` : `in ${f.euFunding.activities} ${f.euFunding.activities === 1 ? 'activity' : 'activities'}`,
    });
  }
  if (f.firstYear !== null && f.lastYear !== null) {
    figures.push({ value: `${f.firstYear}–${f.lastYear}`, label: M.figureYears[lang] });
  }
  return (
    <Layout meta={meta}>
      <h1>{M.startIntroTitle[lang]}</h1>
      <p class="lead">{M.startIntro[lang]}</p>
      <h2>{M.aimsTitle[lang]}</h2>
      <p>{M.aimsIntro[lang]}</p>
      <ul>
        {aims.map((a) => <li key={a.code}>{objectiveTitle(a)[lang].replace(/^./, (c) => c.toLowerCase())}</li>)}
      </ul>
      <h2>{M.keyFiguresTitle[lang]}</h2>
      <ul class="figures">
        {figures.map((fig) => (
          <li key={fig.label}>
            <span class="figure-value">{fig.value}</span>
            <span>{fig.label}</span>
            {fig.note ? <span class="figure-note">{fig.note}</span> : null}
          </li>
        ))}
      </ul>
      <p class="meta">{M.compiledOn[lang]} <Day iso={meta.today} lang={lang} />.</p>
      <h2>{M.currentTitle[lang]}</h2>
      {data.ongoing.length
        ? <ul class="cards">{data.ongoing.map((a) => <ActivityCard key={a.slug} activity={a} lang={lang} note={statusNote(a, meta)} />)}</ul>
        : <p>{M.currentNone[lang]}</p>}
      {data.planned.length ? (
        <>
          <h2>{M.plannedTitle[lang]}</h2>
          <ul class="cards">{data.planned.map((a) => <ActivityCard key={a.slug} activity={a} lang={lang} note={statusNote(a, meta)} />)}</ul>
        </>
      ) : null}
      {data.ended.length ? (
        <>
          <h2>{M.recentTitle[lang]}</h2>
          <ul class="cards">{data.ended.map((a) => <ActivityCard key={a.slug} activity={a} lang={lang} note={statusNote(a, meta)} />)}</ul>
        </>
      ) : null}
      <p><a href={href(lang, '/activities')}>{M.allActivities[lang]}</a></p>
    </Layout>
  );
}
