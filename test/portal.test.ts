/** The portal over real HTTP on 127.0.0.1, on each dialect: pages, filters, search, caching and refusals. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedDatabase } from '../src/seed/load-seed.ts';
import { buildServer } from '../src/server/server.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases.ts';

const TODAY = '2026-11-25';

for (const dialect of DIALECTS) {
  describe(`portal on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
      return { res, html: await res.text() };
    };
    before(async () => {
      t = await freshDatabase(dialect.name);
      // A fixed time, so that the later edits in these tests are always newer than the seed.
      await seedDatabase(t.db, { now: '2026-11-25T08:00:00.000Z' });
      app = await buildServer(t.db, { logLevel: 'silent', today: () => TODAY, publicOrigin: 'https://samverka.example' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    it('serves the start page in Swedish and English with figures computed from the data', async () => {
      const sv = await get('/');
      assert.equal(sv.res.status, 200);
      assert.match(sv.html, /<html lang="sv">/);
      assert.match(sv.html, /<link rel="alternate" hreflang="en" href="https:\/\/samverka.example\/en\/"/);
      assert.match(sv.html, /<a class="lang-switch" href="\/en\/" lang="en" hreflang="en"[^>]*>English<\/a>/);
      assert.match(sv.html, /<span class="figure-value">19<\/span><span>aktiviteter i registret<\/span>/);
      assert.match(sv.html, /<span class="figure-value">66<\/span>/);
      assert.match(sv.html, /1\u00a0000\u00a0000 EUR/);
      assert.match(sv.html, /Pågående aktiviteter/);
      assert.match(sv.html, /Regional digital Migrationsakademi/);
      assert.match(sv.html, /Status behöver bekräftas/);
      const en = await get('/en/');
      assert.match(en.html, /<html lang="en">/);
      assert.match(en.html, /<span class="figure-value">19<\/span><span>activities in the register<\/span>/);
      assert.match(en.html, /href="\/"[^>]*lang="sv"[^>]*>Svenska<\/a>/);
      assert.match(en.html, /Recently ended/);
    });

    it('lists, filters and searches with every state a plain URL', async () => {
      const pre = await get('/activities?kind=pre-study');
      assert.equal(pre.res.status, 200);
      assert.match(pre.html, /Somalia-ÅV/);
      assert.doesNotMatch(pre.html, /Talk2Connect/);
      assert.match(pre.html, /<option value="pre-study" selected>Förstudie \(2\)<\/option>/);
      const search = await get('/en/activities?q=returning');
      assert.match(search.html, /ERRIN-SRA|Sustainable Reintegration in Afghanistan/);
      const serbia = await get('/activities?country=RS&sort=start-asc');
      const order = ['Serbiens asyl- och migrationspolitik', 'EU-Twinning projektet'].map((s) => serbia.html.indexOf(s));
      assert.ok(order[0]! > 0 && order[0]! < order[1]!, 'oldest first');
      const years = await get('/activities?yearFrom=2012&yearTo=2013');
      assert.match(years.html, /Östliga partnerskapets/);
      assert.doesNotMatch(years.html, /Talk2Connect/);
      const paged = await get('/activities?pageSize=5&page=2');
      assert.match(paged.html, /Sida 2 av 4/);
      assert.match(paged.html, /href="\/activities\?pageSize=5&amp;page=3" rel="next"/);
    });

    it('never fails on search text, and never reflects it unescaped', async () => {
      for (const q of ['"', 'AND OR NOT', '*', '-x', '()', 'NEAR(a b)', '😀', 'x'.repeat(10_000), '<script>alert(1)</script>', "'; drop table activities; --"]) {
        const { res, html } = await get(`/activities?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q.slice(0, 20));
        assert.doesNotMatch(html, /<script>alert/);
      }
      const emoji = await get(`/activities?q=${encodeURIComponent('😀')}`);
      assert.match(emoji.html, /Sökningen innehöll inga ord/);
    });

    it('answers bad filter values with a 400 page that names the field, in the page language', async () => {
      const sv = await get('/activities?kind=expedition&page=0');
      assert.equal(sv.res.status, 400);
      assert.match(sv.html, /Något i adressen gick inte att förstå/);
      assert.match(sv.html, /<li>Typ: Okänd kod/);
      const en = await get('/en/activities?yearFrom=2020&yearTo=2010');
      assert.equal(en.res.status, 400);
      assert.match(en.html, /To year: The last year is before the first year/);
      const country = await get('/en/activities?country=%3Cb%3E');
      assert.match(country.html, /<li>Country: Unknown code.<\/li>/);
      assert.doesNotMatch(country.html, /<b>/);
    });

    it('shows an activity with partners by role, period in words, lineage and sources', async () => {
      const { res, html } = await get('/activities/pp7');
      assert.equal(res.status, 200);
      assert.match(html, /november 2014 – mars 2016/);
      assert.match(html, /Pilotprojektet PP4/);
      assert.match(html, /href="\/organisations\/bamf"/);
      assert.match(html, /<details class="sources">/);
      const serbia = await get('/en/activities/serbia-asylum-migration-2015');
      const lineage = serbia.html.slice(serbia.html.indexOf('class="lineage"'));
      const steps = ['this activity', 'href="/en/activities/eu-twinning-serbia-2019"', 'href="/en/activities/western-balkans-migration-academy"'].map((s) => lineage.indexOf(s));
      assert.ok(steps.every((s, i) => s > 0 && (i === 0 || s > steps[i - 1]!)), `lineage in order: ${steps}`);
      const twinning = await get('/en/activities/eu-twinning-serbia-2019');
      assert.match(twinning.html, /66 × Expert mission/);
      assert.match(twinning.html, /1,000,000 EUR/);
    });

    it('marks text shown in the other language', async () => {
      await t.db.deleteFrom('activity_texts').where('lang', '=', 'en').where('activity_id', 'in', t.db.selectFrom('activities').select('id').where('slug', '=', 'erin')).execute();
      const { html } = await get('/en/activities/erin');
      assert.match(html, /This text is only available in Swedish/);
      assert.match(html, /<div lang="sv">/);
    });

    it('shows organisation pages with the activities and roles', async () => {
      const { res, html } = await get('/en/organisations/bamf');
      assert.equal(res.status, 200);
      assert.match(html, /PP7|Quality in Decision-making/);
      assert.match(html, /Role: partner/);
    });

    it('draws the timeline, the map and the statistics with their data beside them', async () => {
      for (const path of ['/timeline', '/en/timeline?group=country', '/map', '/en/statistics']) {
        const { res, html } = await get(path);
        assert.equal(res.status, 200, path);
        assert.match(html, /<svg[^>]+role="(img|group)"/, path);
        assert.match(html, /<table|<ul>/, path);
      }
      const map = await get('/map');
      assert.match(map.html, /href="\/activities\?country=XK"/);
      const stats = await get('/statistics');
      assert.match(stats.html, /Aktiviteter per år/);
    });

    it('serves open data, the accessibility statement, sitemap and robots.txt', async () => {
      assert.equal((await get('/open-data')).res.status, 200);
      assert.match((await get('/en/accessibility')).html, /Accessibility statement/);
      assert.match((await get('/accessibility')).html, /Tillgänglighetsredogörelse/);
      const sitemap = await get('/sitemap.xml');
      assert.match(sitemap.html, /<loc>https:\/\/samverka.example\/en\/activities\/pp7<\/loc>/);
      assert.match(sitemap.html, /hreflang="sv" href="https:\/\/samverka.example\/activities\/pp7"/);
      assert.match((await get('/robots.txt')).html, /Sitemap: https:\/\/samverka.example\/sitemap.xml/);
      const json = await (await fetch(`${base}/data/portfolio.json`)).json() as { activities: unknown[] };
      assert.equal(json.activities.length, 19);
      const iati = await fetch(`${base}/data/iati-activities.xml`);
      assert.equal(iati.headers.get('content-type'), 'application/xml; charset=utf-8');
      const xml = await iati.text();
      assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\s*<iati-activities version="2.03"/);
      assert.equal(xml.match(/<iati-activity[ >]/g)?.length, 19);
      assert.match(xml, /<\/iati-activities>\s*$/);
      const csv = Buffer.from(await (await fetch(`${base}/data/portfolio.csv?lang=en`)).arrayBuffer()).toString('utf8');
      assert.ok(csv.startsWith('\uFEFFId,IATI identifier'));
    });

    it('answers 404 pages in the language of the path', async () => {
      const sv = await get('/activities/finns-inte');
      assert.equal(sv.res.status, 404);
      assert.match(sv.html, /<html lang="sv">[\s\S]*Sidan finns inte/);
      const en = await get('/en/no/such/page');
      assert.equal(en.res.status, 404);
      assert.match(en.html, /<html lang="en">[\s\S]*Page not found/);
      const api = await fetch(`${base}/api/nothing`);
      assert.equal(api.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    });

    it('answers a failure with a 500 page in the language of the path, without internals', async () => {
      const broken = await freshDatabase(dialect.name);
      await seedDatabase(broken.db);
      const server = await buildServer(broken.db, { logLevel: 'silent', today: () => TODAY });
      try {
        const url = await server.listen({ host: '127.0.0.1', port: 0 });
        await broken.db.schema.dropTable('activity_dates').execute();
        const res = await fetch(`${url}/en/`);
        assert.equal(res.status, 500);
        const html = await res.text();
        assert.match(html, /<html lang="en">[\s\S]*Something went wrong/);
        assert.doesNotMatch(html, /activity_dates|SQLITE|relation|stack/i);
        const sv = await fetch(`${url}/`);
        assert.match(await sv.text(), /Något gick fel/);
      } finally {
        await server.close();
        await broken.close();
      }
    });

    it('sends caching validators and answers 304 to a current copy', async () => {
      const first = await get('/activities/pp7');
      const etag = first.res.headers.get('etag');
      assert.ok(etag?.startsWith('W/"'));
      assert.ok(first.res.headers.get('last-modified'));
      assert.match(first.res.headers.get('cache-control') ?? '', /public, max-age=60/);
      assert.match(first.res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.doesNotMatch(first.res.headers.get('content-security-policy') ?? '', /unsafe-inline/);
      const again = await get('/activities/pp7', { 'if-none-match': etag! });
      assert.equal(again.res.status, 304);
      await t.db.updateTable('activities').set({ updated_at: '2026-11-25T12:00:00.000Z' }).where('slug', '=', 'pp7').execute();
      const changed = await get('/activities/pp7', { 'if-none-match': etag! });
      assert.equal(changed.res.status, 200);
    });

    it('shows only published activities', async () => {
      await t.db.updateTable('activities').set({ publication: 'draft', updated_at: '2026-11-25T13:00:00.000Z' }).where('slug', '=', 'talk2connect').execute();
      assert.equal((await get('/activities/talk2connect')).res.status, 404);
      assert.doesNotMatch((await get('/activities?q=Talk2Connect')).html, /href="\/activities\/talk2connect"/);
      assert.doesNotMatch((await get('/')).html, /talk2connect/);
      assert.doesNotMatch((await get('/sitemap.xml')).html, /talk2connect/);
      assert.doesNotMatch((await get('/timeline')).html, /talk2connect/);
      const json = await (await fetch(`${base}/data/portfolio.json`)).json() as { activities: { slug: string }[] };
      assert.ok(!json.activities.some((a) => a.slug === 'talk2connect'));
      const xml = await (await fetch(`${base}/data/iati-activities.xml`)).text();
      assert.doesNotMatch(xml, /Talk2Connect|SE-ON-2021002163-T2C/);
    });
  });
}
