/**
 * The public portal: Swedish at /, English at /en/, the same paths below each. Thin handlers that
 * gather data from the domain modules and render a page; caching headers on every page.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { activityQuerySchema, filterOf, sortOf } from '../activities/activity.query.schema.ts';
import { facetCounts, hasSearchWords, listActivities, type ActivityFilter } from '../activities/activity.query.ts';
import { lineageOf } from '../activities/activity.lineage.ts';
import { findActivity, findIncomingRelations } from '../activities/activity.repository.ts';
import type { Activity } from '../activities/activity.schema.ts';
import { readActivities } from '../activities/activity.read.ts';
import { barChartSvg, columnChartSvg } from '../charts/bar-chart.tsx';
import { ACTIVITIES } from '../charts/chart.shared.ts';
import { countryMapSvg } from '../charts/country-map.tsx';
import { timelineSvg } from '../charts/timeline.tsx';
import { worldMapSvg } from '../charts/world-map.tsx';
import { checkActivity } from '../check/check.ts';
import type { Db } from '../db/database.ts';
import { portfolioCsv } from '../exchange/csv.ts';
import { exportPortfolio } from '../exchange/portfolio.ts';
import { resolveReportingOrg, writeIatiFile } from '../iati/iati.export.ts';
import { namedOrganisations } from '../activities/activity.references.ts';
import { reportedElsewhere } from '../iati/iati.rules.ts';
import { findOrganisation, organisationActivities, readOrganisations } from '../organisations/organisation.repository.ts';
import { ACTIVITY_KINDS, INSTRUMENTS } from '../reference/codes.ts';
import { countryName } from '../reference/countries.ts';
import { findObjective, objectiveTitle } from '../reference/frameworks.ts';
import { REGIONS } from '../reference/regions.ts';
import { toProblems } from '../shared/schema-helpers.ts';
import type { Bilingual, Lang } from '../shared/i18n.ts';
import { activitiesInPhase, activitiesPerYear, dataVersion, portfolioFigures } from '../statistics/portfolio.statistics.ts';
import { STYLESHEET, STYLESHEET_PATH } from './assets.ts';
import { LruCache, pageCache } from './page-cache.ts';
import { periodText, pick, plainTitle } from './components.tsx';
import { renderDocument, type PageMeta } from './layout.tsx';
import { M, activitiesCount } from './messages.ts';
import { ActivityPage } from './pages/activity.tsx';
import { MapPage, StatisticsPage, TimelinePage, type CountRow, type StatisticsBlock } from './pages/charts.tsx';
import { ListPage } from './pages/list.tsx';
import { OrganisationPage } from './pages/organisation.tsx';
import { AccessibilityPage, ErrorPage, OpenDataPage, errorMeta } from './pages/simple.tsx';
import { StartPage, type StartData } from './pages/start.tsx';
import { activityPath, href, listPath } from './paths.ts';

export interface PortalOptions {
  /** e.g. https://samverka.example.se; by default taken from the request. */
  publicOrigin?: string | undefined;
  reportingOrg: string;
  /** Injected by tests; today's date otherwise. */
  today?: () => string;
  /** Memory for rendered pages (0 turns the cache off, e.g. to measure rendering). */
  pageCacheBytes?: number;
}

const TIMELINE_LIMIT = 400;
const PAGE_SIZE = 20;

export function langOf(url: string): Lang {
  return url === '/en' || url.startsWith('/en/') || url.startsWith('/en?') ? 'en' : 'sv';
}

/** The first world and locator maps in a process read and project the atlas; do it before the first visitor. */
function warmUpMaps(): void {
  worldMapSvg({ id: 'warm-up', lang: 'sv', counts: { SE: 1 }, hrefFor: () => '/', title: '', description: '' });
  countryMapSvg({ id: 'warm-up', lang: 'sv', codes: ['RS'] });
}

export function portalRoutes(app: FastifyInstance, db: Db, options: PortalOptions): void {
  warmUpMaps();
  const pages = pageCache(options.pageCacheBytes);
  // Facet counts cost a scan per facet; the list's pages and sort orders share them.
  const facetsByFilter = new LruCache<ReturnType<typeof facetCounts>>(200);
  // The start page's figures and lists are the same in both languages: computed once per data version and day.
  const startPages = new LruCache<Promise<StartData>>(4);
  const startData = async (day: string): Promise<StartData> => {
    const key = `${(await dataVersion(db)).tag}|${day}`;
    let data = startPages.get(key);
    if (!data) {
      data = Promise.all([
        portfolioFigures(db, day, options.reportingOrg),
        activitiesInPhase(db, 'ongoing', day, 12),
        activitiesInPhase(db, 'planned', day, 6),
        activitiesInPhase(db, 'ended', day, 5),
      ]).then(([figures, ongoing, planned, ended]) => ({ figures, ongoing, planned, ended }));
      startPages.set(key, data);
      data.catch(() => startPages.delete(key));
    }
    return data;
  };
  const cachedFacets = async (filter: ActivityFilter) => {
    const key = `${(await dataVersion(db)).tag}|${JSON.stringify(filter)}`;
    let facets = facetsByFilter.get(key);
    if (!facets) {
      facets = facetCounts(db, filter);
      facetsByFilter.set(key, facets);
      // A failed count is not kept: the next request tries again.
      facets.catch(() => facetsByFilter.delete(key));
    }
    return facets;
  };
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const originOf = (request: FastifyRequest) => options.publicOrigin ?? `${request.protocol}://${request.host}`;

  const metaFor = (request: FastifyRequest, lang: Lang, title: string, description: string, section?: PageMeta['section']): PageMeta => ({
    lang, url: request.url, title, description, section, origin: originOf(request), today: today(),
  });

  /**
   * Answers 304 when the client's copy is current; otherwise sets the validators and renders.
   * The tag covers the data, the day (figures depend on it), the stylesheet and the URL.
   */
  async function cached(request: FastifyRequest, reply: FastifyReply, render: () => Promise<string | undefined>): Promise<FastifyReply | string | undefined> {
    const version = await dataVersion(db);
    const day = today();
    const etag = `W/"${createHash('sha1').update(`${version.tag}|${day}|${STYLESHEET_PATH}|${request.url}`).digest('base64url')}"`;
    const modified = new Date(Math.max(Date.parse(version.lastModified), Date.parse(`${day}T00:00:00Z`)));
    reply.header('ETag', etag).header('Last-Modified', modified.toUTCString()).header('Cache-Control', 'public, max-age=60, stale-while-revalidate=300');
    reply.header('Vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const since = request.headers['if-modified-since'];
    if (!request.headers['if-none-match'] && since && Date.parse(since) >= Math.floor(modified.getTime() / 1000) * 1000) return reply.status(304).send();
    const body = pages.get(etag) ?? await render();
    if (body === undefined) return undefined;
    pages.set(etag, body);
    return reply.type('text/html; charset=utf-8').send(body);
  }

  const notFound = (request: FastifyRequest, reply: FastifyReply, lang: Lang) => {
    const meta = errorMeta({ lang, url: request.url, origin: originOf(request), today: today() }, 404, lang);
    return reply.status(404).type('text/html; charset=utf-8').send(renderDocument(ErrorPage({ meta, status: 404 })));
  };

  async function organisationNames(): Promise<Map<string, Bilingual>> {
    const rows = await db.selectFrom('organisations').select(['slug', 'name_sv', 'name_en']).execute();
    return new Map(rows.map((r) => [r.slug, { sv: r.name_sv ?? undefined, en: r.name_en ?? undefined }]));
  }

  for (const prefix of ['', '/en'] as const) {
    const lang: Lang = prefix === '' ? 'sv' : 'en';

    app.get(prefix === '' ? '/' : '/en/', (request, reply) => cached(request, reply, async () => {
      const meta = metaFor(request, lang, M.siteName[lang], M.startIntro[lang].split('. ')[0] + '.', 'start');
      return renderDocument(StartPage({ meta, data: await startData(today()) }));
    }));

    app.get(`${prefix}/activities`, async (request, reply) => {
      const parsed = activityQuerySchema.safeParse(request.query);
      if (!parsed.success) {
        // The page still shows the list, with what could not be understood named above it.
        const problems = toProblems(parsed.error, 'query');
        const [result, facets, names] = await Promise.all([
          listActivities(db, { publishedOnly: true }, { limit: PAGE_SIZE, offset: 0 }, 'start-desc', lang),
          cachedFacets({ publishedOnly: true }),
          organisationNames(),
        ]);
        const meta = { ...metaFor(request, lang, M.listTitle[lang], M.searchLabel[lang], 'activities'), noindex: true };
        return reply.status(400).type('text/html; charset=utf-8').send(renderDocument(ListPage({
          meta, data: { query: {}, sort: 'start-desc', page: 1, pageSize: PAGE_SIZE, total: result.total, items: result.items, facets, organisationNames: names, problems, searchIgnored: false },
        })));
      }
      return cached(request, reply, async () => {
        const query = parsed.data;
        const pageSize = query.pageSize ?? PAGE_SIZE;
        const page = query.page ?? 1;
        const filter = { ...filterOf(query), publishedOnly: true };
        const sort = sortOf(query);
        const [result, facets, names] = await Promise.all([
          listActivities(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }, sort, lang),
          cachedFacets(filter),
          organisationNames(),
        ]);
        const meta = metaFor(request, lang, M.listTitle[lang], M.searchLabel[lang], 'activities');
        return renderDocument(ListPage({
          meta, data: {
            query, sort, page, pageSize, total: result.total, items: result.items, facets, organisationNames: names, problems: [],
            searchIgnored: query.q !== undefined && query.q.trim() !== '' && !hasSearchWords(query.q),
          },
        }));
      });
    });

    app.get<{ Params: { slug: string } }>(`${prefix}/activities/:slug`, async (request, reply) => {
      const activity = await findActivity(db, request.params.slug, { publishedOnly: true });
      if (!activity) return notFound(request, reply, lang);
      return cached(request, reply, async () => {
        // Only the organisations this activity names, not the whole register.
        const named = [...new Set(namedOrganisations(activity).map(([slug]) => slug))];
        const [incomingRaw, lineage, orgs] = await Promise.all([
          findIncomingRelations(db, activity.slug, { publishedOnly: true }),
          lineageOf(db, activity.slug),
          named.length ? db.selectFrom('organisations').selectAll().where('slug', 'in', named).execute().then((rows) => readOrganisations(db, rows)) : [],
        ]);
        const relatedSlugs = [...new Set([...incomingRaw.map((r) => r.from), ...activity.relations.flatMap((r) => ('activity' in r.target ? [r.target.activity] : []))])];
        const related = relatedSlugs.length
          ? await readActivities(db, await db.selectFrom('activities').selectAll().where('slug', 'in', relatedSlugs).where('publication', '=', 'published').execute())
          : [];
        const relatedTitles = new Map(related.map((a) => [a.slug, { sv: a.texts.sv?.title, en: a.texts.en?.title }]));
        const published = new Set(related.map((a) => a.slug));
        // A link to a draft would lead to a page the public cannot see.
        const visible: Activity = { ...activity, relations: activity.relations.filter((r) => !('activity' in r.target) || published.has(r.target.activity)) };
        const title = plainTitle(activity, lang);
        const summary = pick({ sv: activity.texts.sv?.summary, en: activity.texts.en?.summary }, lang)?.text ?? `${title}, ${periodText(activity, lang)}`;
        const meta = metaFor(request, lang, title, summary.slice(0, 300), 'activities');
        const organisations = new Map(orgs.map((o) => [o.slug, o]));
        return renderDocument(ActivityPage({
          meta, data: {
            activity: visible,
            organisations,
            reportedElsewhere: reportedElsewhere(activity, options.reportingOrg, organisations),
            incoming: incomingRaw.filter((r) => published.has(r.from)).map((r) => ({ ...r, title: relatedTitles.get(r.from) ?? {} })),
            relatedTitles, lineage,
            findings: checkActivity(activity, { today: today() }),
            map: countryMapSvg({ id: 'country-map', lang, codes: activity.countries.map((c) => c.code) }),
          },
        }));
      });
    });

    app.get<{ Params: { slug: string } }>(`${prefix}/organisations/:slug`, async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.slug);
      const links = organisation ? await organisationActivities(db, organisation.slug) : [];
      if (!organisation || links.length === 0) return notFound(request, reply, lang);
      return cached(request, reply, async () => {
        const rows = await db.selectFrom('activities').selectAll().where('slug', 'in', links.map((l) => l.activitySlug)).execute();
        const bySlug = new Map((await readActivities(db, rows)).map((a) => [a.slug, a]));
        const parent = organisation.parent ? await findOrganisation(db, organisation.parent) : undefined;
        const name = pick(organisation.name, lang)?.text ?? organisation.slug;
        const meta = metaFor(request, lang, name, `${name}: ${activitiesCount(lang, links.length)}`, 'activities');
        return renderDocument(OrganisationPage({
          meta, data: { organisation, parent, activities: links.flatMap((l) => { const a = bySlug.get(l.activitySlug); return a ? [{ activity: a, roles: l.roles }] : []; }) },
        }));
      });
    });

    app.get<{ Querystring: { group?: string } }>(`${prefix}/timeline`, async (request, reply) => {
      const group = request.query.group ?? 'kind';
      if (group !== 'kind' && group !== 'country') return notFound(request, reply, lang);
      return cached(request, reply, async () => {
        const { items, total } = await listActivities(db, { publishedOnly: true }, { limit: TIMELINE_LIMIT, offset: 0 }, 'start-desc', lang);
        const sorted = [...items].sort((a, b) => (a.dates.actualStart ?? a.dates.plannedStart)?.from.localeCompare((b.dates.actualStart ?? b.dates.plannedStart)?.from ?? '') ?? 1);
        const groups = new Map<string, Activity[]>();
        for (const a of sorted) {
          const keys = group === 'kind'
            ? [ACTIVITY_KINDS.find((k) => k.code === a.kind)!.label[lang]]
            : a.countries.length ? a.countries.map((c) => countryName(c.code, lang)) : [M.noCountry[lang]];
          for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), a]);
        }
        const ordered = [...groups].sort((x, y) => (x[0] === M.noCountry[lang] ? 1 : y[0] === M.noCountry[lang] ? -1 : x[0].localeCompare(y[0], lang)));
        const chartGroups = ordered.map(([label, acts]) => ({
          label,
          items: acts.map((a) => ({
            label: plainTitle(a, lang), href: activityPath(lang, a.slug), title: `${plainTitle(a, lang)}: ${periodText(a, lang)}`,
            ...(a.dates.actualStart ?? a.dates.plannedStart ? { start: (a.dates.actualStart ?? a.dates.plannedStart)! } : {}),
            ...(a.dates.actualEnd ?? a.dates.plannedEnd ? { end: (a.dates.actualEnd ?? a.dates.plannedEnd)! } : {}),
          })),
        }));
        const day = today();
        const meta = metaFor(request, lang, M.timelineTitle[lang], M.timelineIntro[lang], 'timeline');
        return renderDocument(TimelinePage({
          meta, data: {
            group, groups: ordered.map(([label, activities]) => ({ label, activities })), shown: items.length, total,
            wide: timelineSvg({ id: 'timeline-wide', lang, groups: chartGroups, today: day, layout: 'wide' }),
            narrow: timelineSvg({ id: 'timeline-narrow', lang, groups: chartGroups, today: day, layout: 'narrow' }),
          },
        }));
      });
    });

    app.get(`${prefix}/map`, (request, reply) => cached(request, reply, async () => {
      const facets = await cachedFacets({ publishedOnly: true });
      const counts = Object.fromEntries(facets.country);
      const rows: CountRow[] = [...facets.country].map(([code, value]) => ({ label: countryName(code, lang), value, href: listPath(lang, { country: code }) }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, lang));
      const meta = metaFor(request, lang, M.mapTitle[lang], M.mapIntro[lang], 'map');
      const map = worldMapSvg({ id: 'world-map', lang, counts, hrefFor: (code) => listPath(lang, { country: code }), title: M.mapTitle[lang], description: M.mapIntro[lang] });
      return renderDocument(MapPage({ meta, map, rows }));
    }));

    app.get(`${prefix}/statistics`, (request, reply) => cached(request, reply, async () => {
      const [facets, perYear, names] = await Promise.all([cachedFacets({ publishedOnly: true }), activitiesPerYear(db), organisationNames()]);
      const byCount = (rows: CountRow[]) => rows.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, lang));
      // Each chart is drawn twice, wide and narrow; the stylesheet shows the one that fits the screen.
      const block = (id: string, title: string, firstColumn: string, rows: CountRow[], draw: typeof barChartSvg = barChartSvg): StatisticsBlock => {
        const chartRows = rows.map((r) => ({ label: r.label, value: r.value, ...(r.href ? { href: r.href } : {}) }));
        return {
          id, title, firstColumn, rows,
          chart: (['wide', 'narrow'] as const).map((layout) => draw({ id: `${id}-${layout}`, lang, title, description: title, rows: chartRows, unit: ACTIVITIES, layout })),
        };
      };
      const yearRows: CountRow[] = perYear.map((y) => ({ label: String(y.year), value: y.count, href: listPath(lang, { yearFrom: y.year, yearTo: y.year }) }));
      const blocks: StatisticsBlock[] = [
        block('per-year', M.perYear[lang], M.year[lang], yearRows, columnChartSvg),
        block('per-instrument', M.perInstrument[lang], M.instrument[lang], byCount([...facets.instrument].map(([code, value]) => ({ label: INSTRUMENTS.find((i) => i.code === code)?.label[lang] ?? code, value, href: listPath(lang, { instrument: code }) })))),
        block('per-funder', M.perFunder[lang], M.funder[lang], byCount([...facets.funder].map(([slug, value]) => ({ label: pick(names.get(slug), lang)?.text ?? slug, value, href: listPath(lang, { funder: slug }) })))),
        block('per-country', M.perCountry[lang], M.country[lang], byCount([...facets.country].map(([code, value]) => ({ label: countryName(code, lang), value, href: listPath(lang, { country: code }) })))),
        block('per-region', M.perRegion[lang], M.region[lang], byCount([...facets.region].map(([code, value]) => ({ label: REGIONS.find((r) => r.code === code)?.name[lang] ?? code, value, href: listPath(lang, { region: code }) })))),
        block('per-gcm', M.perGcm[lang], M.gcm[lang], [...facets.gcm].sort((a, b) => Number(a[0]) - Number(b[0])).map(([code, value]) => {
          const o = findObjective('gcm', code);
          return { label: `${code}. ${o ? objectiveTitle(o)[lang] : ''}`, value, href: listPath(lang, { gcm: code }) };
        })),
      ];
      const meta = metaFor(request, lang, M.statisticsTitle[lang], M.perYear[lang], 'statistics');
      return renderDocument(StatisticsPage({ meta, blocks }));
    }));

    app.get(`${prefix}/open-data`, (request, reply) => cached(request, reply, async () =>
      renderDocument(OpenDataPage({ meta: metaFor(request, lang, M.openDataTitle[lang], M.openDataIntro[lang], 'open-data') }))));

    app.get(`${prefix}/accessibility`, (request, reply) => cached(request, reply, async () =>
      renderDocument(AccessibilityPage({ meta: metaFor(request, lang, M.navAccessibility[lang], M.navAccessibility[lang], 'accessibility') }))));
  }

  app.get('/en', (_request, reply) => reply.redirect('/en/', 301));

  app.get(STYLESHEET_PATH, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').send(STYLESHEET));

  app.get('/data/portfolio.json', async (request, reply) => {
    const portfolio = await exportPortfolio(db, { publishedOnly: true });
    return reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300')
      .header('Content-Disposition', 'inline; filename="samverka-portfolio.json"').send(JSON.stringify(portfolio, null, 2));
  });

  app.get<{ Querystring: { lang?: string; delimiter?: string } }>('/data/portfolio.csv', async (request, reply) => {
    const lang: Lang = request.query.lang === 'en' ? 'en' : 'sv';
    const delimiter = request.query.delimiter === 'semicolon' ? ';' : ',';
    const portfolio = await exportPortfolio(db, { publishedOnly: true });
    return reply.type('text/csv; charset=utf-8').header('Cache-Control', 'public, max-age=300')
      .header('Content-Disposition', `attachment; filename="samverka-portfolio-${lang}.csv"`)
      .send(portfolioCsv(portfolio.activities, portfolio.organisations, { lang, delimiter }));
  });

  app.get('/data/iati-activities.xml', async (_request, reply) => {
    const reportingOrg = await resolveReportingOrg(db, options.reportingOrg);
    const body = new PassThrough();
    // Streamed as it is written; a failure half-way destroys the stream, so no truncated file looks whole.
    writeIatiFile(db, body, { reportingOrg }).catch((error: unknown) => app.log.error({ err: error }, 'IATI export failed'));
    return reply.type('application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=300')
      .header('Content-Disposition', 'inline; filename="iati-activities.xml"').send(body);
  });

  app.get('/robots.txt', (request, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: ${originOf(request)}/sitemap.xml\n`));

  app.get('/sitemap.xml', async (request, reply) => {
    const origin = originOf(request);
    const [activities, orgs] = await Promise.all([
      db.selectFrom('activities').select(['slug', 'updated_at']).where('publication', '=', 'published').orderBy('slug').execute(),
      db.selectFrom('organisations').innerJoin('participations', 'participations.organisation_id', 'organisations.id')
        .innerJoin('activities', 'activities.id', 'participations.activity_id').where('activities.publication', '=', 'published')
        .select(['organisations.slug']).distinct().orderBy('organisations.slug').execute(),
    ]);
    const paths: { path: string; lastmod?: string }[] = [
      ...['/', '/activities', '/timeline', '/map', '/statistics', '/open-data', '/accessibility'].map((path) => ({ path })),
      ...activities.map((a) => ({ path: `/activities/${a.slug}`, lastmod: a.updated_at.slice(0, 10) })),
      ...orgs.map((o) => ({ path: `/organisations/${o.slug}` })),
    ];
    const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const urls = paths.flatMap(({ path, lastmod }) => (['sv', 'en'] as const).map((lang) => [
      '  <url>',
      `    <loc>${xmlEscape(origin + href(lang, path))}</loc>`,
      ...(lastmod ? [`    <lastmod>${lastmod}</lastmod>`] : []),
      `    <xhtml:link rel="alternate" hreflang="sv" href="${xmlEscape(origin + href('sv', path))}"/>`,
      `    <xhtml:link rel="alternate" hreflang="en" href="${xmlEscape(origin + href('en', path))}"/>`,
      '  </url>',
    ].join('\n')));
    return reply.type('application/xml; charset=utf-8').send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`);
  });
}

/** The HTML error page for portal paths (the API keeps problem+json). */
export function portalErrorPage(request: FastifyRequest, status: 404 | 500, options: { publicOrigin?: string | undefined; today?: () => string }): string {
  const lang = langOf(request.url);
  const today = options.today?.() ?? new Date().toISOString().slice(0, 10);
  const meta = errorMeta({ lang, url: request.url, origin: options.publicOrigin ?? `${request.protocol}://${request.host}`, today }, status, lang);
  return renderDocument(ErrorPage({ meta, status }));
}
