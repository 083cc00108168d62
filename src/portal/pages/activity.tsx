/** One activity, with everything the register knows about it and the sentences it was taken from. */
import type { VNode } from 'preact';
import type { IncomingRelation } from '../../activities/activity.presenter.ts';
import type { LineageStep } from '../../activities/activity.lineage.ts';
import type { Activity } from '../../activities/activity.schema.ts';
import type { Finding } from '../../check/check.ts';
import { formatFuzzyDate } from '../../dates/fuzzy-date.format.ts';
import type { Organisation } from '../../organisations/organisation.schema.ts';
import {
  ALIGNMENT_FRAMEWORKS, ENGAGEMENT_KINDS, INSTRUMENTS, OTHER_IDENTIFIER_TYPES, PARTICIPATION_ROLES, RELATION_TYPES, RESULT_TYPES, labelOf, labelOrUnknown,
} from '../../reference/codes.ts';
import { countryName } from '../../reference/countries.ts';
import { findObjective, objectiveTitle } from '../../reference/frameworks.ts';
import { findRegion } from '../../reference/regions.ts';
import type { Bilingual, Lang } from '../../shared/i18n.ts';
import { Day, LangText, Paragraphs, kindLabel, periodText, pick, statusLabel, titleOf } from '../components.tsx';
import { Layout, type PageMeta } from '../layout.tsx';
import { M, formatNumber } from '../messages.ts';
import { activityPath, listPath, organisationPath } from '../paths.ts';

export interface ActivityPageData {
  activity: Activity;
  organisations: Map<string, Organisation>;
  /** Whether another organisation reports the activity to IATI (its `reportedBy`, when not the reporting organisation itself). */
  reportedElsewhere: boolean;
  incoming: (IncomingRelation & { title: Bilingual })[];
  relatedTitles: Map<string, Bilingual>;
  lineage: LineageStep[];
  findings: Finding[];
  map: VNode | null;
}

function OrgLink({ slug, data, lang }: { slug: string; data: ActivityPageData; lang: Lang }) {
  const org = data.organisations.get(slug);
  const name = pick(org?.name, lang);
  return <a href={organisationPath(lang, slug)} lang={name && name.lang !== lang ? name.lang : undefined}>{name?.text ?? slug}</a>;
}

function relationTitle(r: Activity['relations'][number], data: ActivityPageData, lang: Lang) {
  if ('activity' in r.target) {
    const title = pick(data.relatedTitles.get(r.target.activity), lang);
    return <a href={activityPath(lang, r.target.activity)} lang={title && title.lang !== lang ? title.lang : undefined}>{title?.text ?? r.target.activity}</a>;
  }
  return <LangText text={r.target.external.name} lang={lang} />;
}

export function ActivityPage({ meta, data }: { meta: PageMeta; data: ActivityPageData }) {
  const { lang } = meta;
  const a = data.activity;
  const title = pick(titleOf(a), lang);
  const acronym = a.texts[lang]?.acronym ?? a.texts[lang === 'sv' ? 'en' : 'sv']?.acronym;
  const text = (field: 'summary' | 'description' | 'objectives'): Bilingual => ({ sv: a.texts.sv?.[field], en: a.texts.en?.[field] });
  const roles = PARTICIPATION_ROLES.filter((r) => a.participations.some((p) => p.role === r.code));
  const frameworks = ALIGNMENT_FRAMEWORKS.filter((f) => a.alignment.some((x) => x.framework === f.code));
  const quotes = [
    ...a.provenance.map((p) => p.quote),
    ...a.participations.flatMap((p) => p.provenance.map((q) => q.quote)),
    ...a.funding.flatMap((f) => f.provenance.map((q) => q.quote)),
    ...a.keyFigures.flatMap((k) => k.provenance.map((q) => q.quote)),
    ...a.results.flatMap((r) => r.provenance.map((q) => q.quote)),
    ...a.engagements.flatMap((e) => e.provenance.map((q) => q.quote)),
    ...a.relations.flatMap((r) => r.provenance.map((q) => q.quote)),
  ];
  const uniqueQuotes = [...new Set(quotes)];
  const notes = data.findings.filter((f) => f.code !== 'missing-language');
  return (
    <Layout meta={meta}>
      <p class="meta"><span class="tag">{kindLabel(a, lang)}</span><span class="tag">{statusLabel(a, lang)}</span></p>
      <h1 lang={title && title.lang !== lang ? title.lang : undefined}>
        {title?.text ?? a.slug}{acronym && acronym !== title?.text ? ` (${acronym})` : ''}
      </h1>
      {a.workingTitle ? <p class="meta">{M.workingTitle[lang]}</p> : null}
      <dl class="facts">
        <dt>{M.period[lang]}</dt>
        <dd>{periodText(a, lang)}{!a.dates.actualStart && !a.dates.actualEnd && (a.dates.plannedStart || a.dates.plannedEnd) ? ` (${M.planned[lang]})` : ''}</dd>
        {a.countries.length ? <><dt>{M.countries[lang]}</dt><dd>{a.countries.map((c, i) => <>{i ? ', ' : ''}<a href={listPath(lang, { country: c.code })}>{countryName(c.code, lang)}</a></>)}</dd></> : null}
        {a.regions.length ? <><dt>{M.regions[lang]}</dt><dd>{a.regions.map((r, i) => <>{i ? ', ' : ''}<a href={listPath(lang, { region: r })}>{findRegion(r)?.name[lang] ?? r}</a></>)}</dd></> : null}
        {a.otherIdentifiers.length ? (
          <><dt>{M.otherIdentifiers[lang]}</dt><dd><ul class="identifiers">{a.otherIdentifiers.map((o) => (
            <li><code>{o.ref}</code> ({labelOrUnknown(OTHER_IDENTIFIER_TYPES, o.type)[lang]}{o.owner ? <>, {M.issuedBy[lang]} <OrgLink slug={o.owner} data={data} lang={lang} /></> : null})</li>
          ))}</ul></dd></>
        ) : null}
        {a.reportedBy && data.reportedElsewhere ? <><dt>{M.reportedBy[lang]}</dt><dd><OrgLink slug={a.reportedBy} data={data} lang={lang} />, {M.reportedByNote[lang]}</dd></> : null}
        {a.meta ? <><dt>{M.lastUpdated[lang]}</dt><dd><Day iso={a.meta.updatedAt} lang={lang} /></dd></> : null}
      </dl>
      {notes.length ? (
        <div class="notice">
          <h2>{M.dataNotes[lang]}</h2>
          <ul>{notes.map((f, i) => <li key={i}>{f.message[lang]}</li>)}</ul>
        </div>
      ) : null}
      {pick(text('summary'), lang) && !pick(text('description'), lang) ? <><h2>{M.summary[lang]}</h2><Paragraphs text={text('summary')} lang={lang} /></> : null}
      {pick(text('description'), lang) ? <><h2>{M.description[lang]}</h2><Paragraphs text={text('description')} lang={lang} /></> : null}
      {pick(text('objectives'), lang) ? <><h2>{M.objectives[lang]}</h2><Paragraphs text={text('objectives')} lang={lang} /></> : null}

      {data.lineage.length ? (
        <section class="lineage" aria-labelledby="lineage-h">
          <h2 id="lineage-h">{M.lineage[lang]}</h2>
          <ol>
            {data.lineage.map((step, i) => (
              <li key={i} aria-current={step.kind === 'activity' && step.current ? 'step' : undefined}>
                {step.kind === 'external'
                  ? <LangText text={step.name} lang={lang} />
                  : step.current
                    ? <span>{pick(step.title, lang)?.text ?? step.slug} ({M.thisActivity[lang]})</span>
                    : <a href={activityPath(lang, step.slug)}>{pick(step.title, lang)?.text ?? step.slug}</a>}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {roles.length ? (
        <>
          <h2>{M.partners[lang]}</h2>
          <dl class="facts">
            {roles.map((role) => (
              <>
                <dt key={role.code}>{role.label[lang]}</dt>
                <dd>
                  <ul>
                    {a.participations.filter((p) => p.role === role.code).map((p) => {
                      const org = data.organisations.get(p.organisation);
                      return (
                        <li key={p.organisation}>
                          <OrgLink slug={p.organisation} data={data} lang={lang} />
                          {org?.country ? ` (${countryName(org.country, lang)})` : ''}
                          {p.note ? <> – <LangText text={p.note} lang={lang} /></> : null}
                        </li>
                      );
                    })}
                  </ul>
                </dd>
              </>
            ))}
          </dl>
        </>
      ) : null}

      {a.funding.length ? (
        <>
          <h2>{M.funding[lang]}</h2>
          <ul>
            {a.funding.map((f, i) => (
              <li key={i}>
                {labelOf(INSTRUMENTS, f.instrument)[lang]}
                {f.funder ? <> – <OrgLink slug={f.funder} data={data} lang={lang} /></> : null}
                {f.via ? <> {M.via[lang]} <OrgLink slug={f.via} data={data} lang={lang} /></> : null}
                {f.coFinancing ? ` (${M.coFinancing[lang]})` : ''}
                {f.flows.map((fl, j) => <span key={j}>{`, ${formatNumber(lang, Number(fl.amount))} ${fl.currency}`}</span>)}
                {f.note ? <> – <LangText text={f.note} lang={lang} /></> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {a.countries.length && data.map ? <figure class="country-map">{data.map}</figure> : null}

      {a.keyFigures.length ? (
        <>
          <h2>{M.keyFigures[lang]}</h2>
          <ul class="figures">
            {a.keyFigures.map((k, i) => (
              <li key={i}>
                <span class="figure-value">{formatNumber(lang, k.value)}{k.currency ? ` ${k.currency}` : ''}</span>
                <LangText text={k.label ?? k.unit} lang={lang} />
                {k.asOf ? <span class="figure-note">{M.asOf[lang]} {formatFuzzyDate(k.asOf, lang)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {a.results.length ? (
        <>
          <h2>{M.results[lang]}</h2>
          <ul>
            {a.results.map((r, i) => (
              <li key={i}>
                <LangText text={r.title} lang={lang} /> <span class="meta">({labelOf(RESULT_TYPES, r.type)[lang].toLowerCase()})</span>
                {r.description ? <LangText text={r.description} lang={lang} as="p" /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {a.engagements.length ? (
        <>
          <h2>{M.engagements[lang]}</h2>
          <ul>
            {a.engagements.map((e, i) => (
              <li key={i}>
                <strong>{e.count && e.count > 1 ? `${formatNumber(lang, e.count)} × ` : ''}{labelOf(ENGAGEMENT_KINDS, e.kind)[lang]}</strong>
                {e.title ? <>: <LangText text={e.title} lang={lang} /></> : null}
                {e.topic ? <> – <LangText text={e.topic} lang={lang} /></> : null}
                {e.date ? `, ${formatFuzzyDate(e.date, lang)}` : ''}
                {e.place ? <>, <LangText text={e.place} lang={lang} /></> : null}
                {e.registrations !== undefined ? `, ${formatNumber(lang, e.registrations)} ${M.registrations[lang]}` : ''}
                {e.participants !== undefined ? `, ${formatNumber(lang, e.participants)} ${M.participants[lang]}` : ''}
                {e.homeOrganisations.length ? <> ({e.homeOrganisations.map((o, j) => <>{j ? ', ' : ''}<OrgLink slug={o} data={data} lang={lang} /></>)})</> : null}
                {e.countriesFeatured.length ? <p class="meta">{M.countriesFeatured[lang]}: {e.countriesFeatured.map((c) => countryName(c, lang)).join(', ')}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {frameworks.length ? (
        <>
          <h2>{M.alignment[lang]}</h2>
          {frameworks.map((f) => (
            <>
              <h3 key={f.code}>{f.label[lang]}</h3>
              <ul>
                {a.alignment.filter((x) => x.framework === f.code).map((x) => {
                  const o = findObjective(x.framework, x.code);
                  const linkable = x.framework === 'gcm' || x.framework === 'sdg-target';
                  const label = `${x.code}. ${o ? objectiveTitle(o)[lang] : ''}`;
                  const foreign = o && lang === 'sv' && !o.title.sv;
                  return (
                    <li key={x.code} lang={foreign ? 'en' : undefined}>
                      {linkable ? <a href={listPath(lang, x.framework === 'gcm' ? { gcm: x.code } : { sdgTarget: x.code })}>{label}</a> : label}
                      {x.basis === 'assessed' ? <span class="meta" lang={lang}> ({M.assessed[lang]})</span> : null}
                    </li>
                  );
                })}
              </ul>
            </>
          ))}
        </>
      ) : null}

      {a.relations.length || data.incoming.length ? (
        <>
          <h2>{M.related[lang]}</h2>
          <ul>
            {a.relations.map((r, i) => {
              const type = RELATION_TYPES.find((x) => x.code === r.type);
              return <li key={`o${i}`}>{type?.label[lang]}: {relationTitle(r, data, lang)}{r.basis === 'assessed' ? <span class="meta"> ({M.assessed[lang]})</span> : null}</li>;
            })}
            {data.incoming.map((r, i) => {
              const type = RELATION_TYPES.find((x) => x.code === r.type);
              const t = pick(r.title, lang);
              return <li key={`i${i}`}>{type?.inverse[lang]}: <a href={activityPath(lang, r.from)} lang={t && t.lang !== lang ? t.lang : undefined}>{t?.text ?? r.from}</a>{r.basis === 'assessed' ? <span class="meta"> ({M.assessed[lang]})</span> : null}</li>;
            })}
          </ul>
        </>
      ) : null}

      {a.documents.length ? (
        <>
          <h2>{M.documents[lang]}</h2>
          <ul>{a.documents.map((d, i) => <li key={i}><a href={d.url} hreflang={d.language}><LangText text={d.title} lang={lang} /></a></li>)}</ul>
        </>
      ) : null}

      {uniqueQuotes.length ? (
        <details class="sources">
          <summary>{M.sources[lang]}</summary>
          <p>{M.sourcesIntro[lang]}</p>
          {uniqueQuotes.map((q, i) => <blockquote key={i} lang="sv">{q}</blockquote>)}
        </details>
      ) : null}
    </Layout>
  );
}
