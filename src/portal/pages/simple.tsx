/** Pages that are mostly text: open data, the accessibility statement, and the error pages. */
import type { Lang } from '../../shared/i18n.ts';
import { Layout, type PageMeta } from '../layout.tsx';
import { M } from '../messages.ts';
import { href } from '../paths.ts';

export function OpenDataPage({ meta }: { meta: PageMeta }) {
  const { lang } = meta;
  const sv = lang === 'sv';
  return (
    <Layout meta={meta}>
      <h1>{M.openDataTitle[lang]}</h1>
      <p class="lead">{M.openDataIntro[lang]}</p>
      <h2>{sv ? 'Nedladdningar' : 'Downloads'}</h2>
      <ul>
        <li><a href="/data/portfolio.json">{sv ? 'Hela portföljen som JSON' : 'The whole portfolio as JSON'}</a> – {sv ? 'fullständig, med källmeningar. Formatet beskrivs i ' : 'complete, with source sentences. The format is described in '}<code>docs/data-format.md</code>.</li>
        <li><a href={`/data/portfolio.csv?lang=${lang}`}>{sv ? 'En rad per aktivitet som CSV' : 'One row per activity as CSV'}</a> – {sv ? 'UTF-8, komma som avgränsare.' : 'UTF-8, comma-separated.'}</li>
        <li><a href="/data/iati-activities.xml">{sv ? 'IATI 2.03 (XML)' : 'IATI 2.03 (XML)'}</a> – {sv ? 'enligt den internationella standarden för biståndstransparens, för IATI-registret, Openaid och d-portal.' : 'in the International Aid Transparency Initiative standard, for the IATI Registry, Openaid and d-portal.'}</li>
        <li><a href={`/data/portfolio.csv?lang=${lang}&delimiter=semicolon`}>{sv ? 'CSV för Excel med svenska inställningar' : 'CSV for Excel with Swedish settings'}</a> – {sv ? 'semikolon som avgränsare.' : 'semicolon-separated.'}</li>
      </ul>
      <p>{sv ? 'Bara publicerade uppgifter ingår. Datum skrivs ÅÅÅÅ-MM-DD och belopp med decimalpunkt.' : 'Only published information is included. Dates are written YYYY-MM-DD and amounts with a decimal point.'}</p>
      <h2 id="api">{M.apiTitle[lang]}</h2>
      <p>{sv ? 'Gränssnittet svarar med JSON och kräver ingen inloggning.' : 'The interface answers in JSON and needs no sign-in.'}</p>
      <table>
        <caption class="visually-hidden">{M.apiTitle[lang]}</caption>
        <thead><tr><th scope="col">{sv ? 'Adress' : 'Address'}</th><th scope="col">{sv ? 'Svar' : 'Answer'}</th></tr></thead>
        <tbody>
          <tr><td><a href="/api/activities"><code>GET /api/activities</code></a></td><td>{sv ? 'Publicerade aktiviteter, 20 per sida (pageSize upp till 100). Samma filter som listan: q, kind, status, country, region, instrument, funder, organisation, year, yearFrom, yearTo, gcm, sdgTarget, sort, page.' : 'Published activities, 20 a page (pageSize up to 100). The same filters as the list: q, kind, status, country, region, instrument, funder, organisation, year, yearFrom, yearTo, gcm, sdgTarget, sort, page.'}</td></tr>
          <tr><td><code>GET /api/activities/{'{slug}'}</code></td><td>{sv ? 'En aktivitet med allt registret vet, och relatedFrom: andra aktiviteters länkar hit.' : 'One activity with everything the register knows, and relatedFrom: links to it from other activities.'}</td></tr>
          <tr><td><a href="/healthz"><code>GET /healthz</code></a></td><td>{sv ? 'Driftstatus.' : 'Service status.'}</td></tr>
        </tbody>
      </table>
      <p>{sv ? 'Personal kan också skapa, redigera, granska och publicera genom API:et. ' : 'Staff can also create, edit, review and publish through the API. '}<a href={href(lang, '/api-docs')}>{sv ? 'Läs API-dokumentationen' : 'Read the API documentation'}</a>.</p>
      <p>{sv ? 'Fel besvaras som application/problem+json med en kod, fältet det gäller och ett meddelande på svenska eller engelska (efter Accept-Language).' : 'Errors are answered as application/problem+json with a code, the field concerned and a message in Swedish or English (by Accept-Language).'}</p>
    </Layout>
  );
}

export function AccessibilityPage({ meta }: { meta: PageMeta }) {
  const { lang } = meta;
  if (lang === 'sv') {
    return (
      <Layout meta={meta}>
        <h1>Tillgänglighetsredogörelse</h1>
        <p class="lead">Migrationsverket står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.</p>
        <h2>Hur tillgänglig är webbplatsen?</h2>
        <p>Webbplatsen är byggd för att uppfylla WCAG 2.1 på nivå AA. Alla sidor fungerar utan JavaScript, med tangentbord och med skärmläsare, och går att förstora till 400 procent och läsa på skärmar som är 320 pixlar breda. Diagram och kartor har samma uppgifter i tabeller eller listor bredvid sig.</p>
        <p>Varje typ av sida testas automatiskt med verktyget axe på både svenska och engelska innan en ändring publiceras.</p>
        <h2>Kända brister</h2>
        <ul>
          <li>Vissa texter finns bara på ett språk. Då visar vi texten på det andra språket, markerar språket för skärmläsare och skriver ut att texten bara finns på det språket.</li>
          <li>Källmeningarna som uppgifterna hämtats från visas alltid på svenska, eftersom källan är skriven på svenska.</li>
        </ul>
        <h2>Rapportera brister</h2>
        <p>Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, kontakta Migrationsverket. Du kan också anmäla till Myndigheten för digital förvaltning (Digg), som har tillsyn över lagen om tillgänglighet till digital offentlig service.</p>
        <h2>Hur vi har testat webbplatsen</h2>
        <p>Vi testar med automatiska verktyg (axe-core i en riktig webbläsare) vid varje ändring, och med tangentbord och skärmläsare. Redogörelsen uppdaterades senast när webbplatsen lanserades.</p>
      </Layout>
    );
  }
  return (
    <Layout meta={meta}>
      <h1>Accessibility statement</h1>
      <p class="lead">The Swedish Migration Agency is responsible for this website. We want as many people as possible to be able to use it. This statement describes how the website meets the Swedish Act on accessibility to digital public services, the problems we know of, and how you can report problems so that we can fix them.</p>
      <h2>How accessible is the website?</h2>
      <p>The website is built to meet WCAG 2.1 at level AA. Every page works without JavaScript, with a keyboard and with a screen reader, and can be enlarged to 400 per cent and read on screens 320 pixels wide. Charts and maps have the same information in tables or lists beside them.</p>
      <p>Every type of page is tested automatically with the axe tool in both Swedish and English before a change is published.</p>
      <h2>Known problems</h2>
      <ul>
        <li>Some texts exist in one language only. We then show the text in the other language, mark its language for screen readers and say that the text is only available in that language.</li>
        <li>The source sentences the information was taken from are always shown in Swedish, because the source is written in Swedish.</li>
      </ul>
      <h2>Report a problem</h2>
      <p>If you find a problem that is not described here, or if you need content in another format, contact the Swedish Migration Agency. You can also report it to the Agency for Digital Government (Digg), which supervises the Act on accessibility to digital public services.</p>
      <h2>How we tested the website</h2>
      <p>We test with automatic tools (axe-core in a real browser) on every change, and with a keyboard and a screen reader. This statement was last updated when the website was launched.</p>
    </Layout>
  );
}

export function ErrorPage({ meta, status, detail }: { meta: PageMeta; status: 400 | 404 | 500; detail?: string[] | undefined }) {
  const { lang } = meta;
  const title = status === 404 ? M.notFoundTitle[lang] : status === 400 ? M.badRequestTitle[lang] : M.errorTitle[lang];
  const text = status === 404 ? M.notFoundText[lang] : status === 400 ? M.badFilter[lang] : M.errorText[lang];
  return (
    <Layout meta={meta}>
      <h1>{title}</h1>
      <p>{text}</p>
      {detail?.length ? <ul>{detail.map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
      <p><a href={href(lang, '/')}>{M.goStart[lang]}</a></p>
    </Layout>
  );
}

export function errorMeta(base: Omit<PageMeta, 'title' | 'description'>, status: 400 | 404 | 500, lang: Lang): PageMeta {
  const title = status === 404 ? M.notFoundTitle[lang] : status === 400 ? M.badRequestTitle[lang] : M.errorTitle[lang];
  return { ...base, title, description: title, noindex: true };
}
