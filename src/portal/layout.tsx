/** The page shell every portal page shares: head, skip link, header with menu and language switch, footer. */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Lang } from '../shared/i18n.ts';
import { M, formatDay } from './messages.ts';
import { href, otherLang, switchLanguage } from './paths.ts';
import { STYLESHEET_PATH } from './assets.ts';

export interface PageMeta {
  lang: Lang;
  /** The request path with its query, below the language prefix included (e.g. "/en/activities?kind=project"). */
  url: string;
  title: string;
  description: string;
  /** Which menu item is current. */
  section?: 'start' | 'activities' | 'timeline' | 'map' | 'statistics' | 'open-data' | 'accessibility';
  /** Absolute origin for canonical, hreflang and Open Graph links. */
  origin: string;
  today: string;
  noindex?: boolean;
  /** Shown above the page's content, e.g. the staff preview's notice that the page is not published. */
  banner?: ComponentChildren;
}

const NAV: { section: NonNullable<PageMeta['section']>; path: string; label: keyof typeof M }[] = [
  { section: 'start', path: '/', label: 'navStart' },
  { section: 'activities', path: '/activities', label: 'navActivities' },
  { section: 'timeline', path: '/timeline', label: 'navTimeline' },
  { section: 'map', path: '/map', label: 'navMap' },
  { section: 'statistics', path: '/statistics', label: 'navStatistics' },
  { section: 'open-data', path: '/open-data', label: 'navOpenData' },
];

/** The head every page has, portal and staff alike: encoding, viewport, title, robots and the one stylesheet. */
export function BaseHead({ title, noindex, children }: { title: string; noindex?: boolean | undefined; children?: ComponentChildren }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {noindex ? <meta name="robots" content="noindex" /> : null}
      {children}
      <link rel="stylesheet" href={STYLESHEET_PATH} />
    </head>
  );
}

export function SkipLink({ lang }: { lang: Lang }) {
  return <a class="skip-link" href="#main">{M.skipToContent[lang]}</a>;
}

/** A link to the same page in the other language, written in that language. */
export function LanguageSwitch({ lang, url }: { lang: Lang; url: string }) {
  const other = otherLang(lang);
  return <a class="lang-switch" href={switchLanguage(lang, url)} lang={other} hreflang={other} aria-label={M.languageSwitchLabel[lang]}>{M.languageSwitch[lang]}</a>;
}

export function Layout({ meta, children }: { meta: PageMeta; children: ComponentChildren }) {
  const { lang } = meta;
  const alternate = switchLanguage(lang, meta.url);
  const svUrl = lang === 'sv' ? meta.url : alternate;
  const enUrl = lang === 'en' ? meta.url : alternate;
  const fullTitle = meta.section === 'start' ? M.siteName[lang] : `${meta.title} – ${M.siteShort[lang]}`;
  return (
    <html lang={lang}>
      <BaseHead title={fullTitle} noindex={meta.noindex}>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={`${meta.origin}${meta.url}`} />
        <link rel="alternate" hreflang="sv" href={`${meta.origin}${svUrl}`} />
        <link rel="alternate" hreflang="en" href={`${meta.origin}${enUrl}`} />
        <link rel="alternate" hreflang="x-default" href={`${meta.origin}${svUrl}`} />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={M.siteName[lang]} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={`${meta.origin}${meta.url}`} />
        <meta property="og:locale" content={lang === 'sv' ? 'sv_SE' : 'en_GB'} />
        <meta property="og:locale:alternate" content={lang === 'sv' ? 'en_GB' : 'sv_SE'} />
      </BaseHead>
      <body>
        <SkipLink lang={lang} />
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-name" href={href(lang, '/')}>{M.siteShort[lang]}</a>
            <LanguageSwitch lang={lang} url={meta.url} />
          </div>
          <nav class="wrap main-nav" aria-label={M.mainNav[lang]}>
            <ul>
              {NAV.map((item) => (
                <li key={item.section}>
                  <a href={href(lang, item.path)} aria-current={meta.section === item.section ? 'page' : undefined}>{M[item.label][lang]}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {meta.banner ?? null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{M.footerAbout[lang]}</p>
            <p>{M.compiledOn[lang]} {formatDay(lang, meta.today)}.</p>
            <ul class="footer-links">
              <li><a href={href(lang, '/open-data')}>{M.navOpenData[lang]}</a></li>
              <li><a href={href(lang, '/accessibility')}>{M.navAccessibility[lang]}</a></li>
              <li><a href={href(lang, '/sign-in')}>{M.navSignIn[lang]}</a></li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderDocument(node: preact.VNode): string {
  return `<!doctype html>\n${render(node)}`;
}
