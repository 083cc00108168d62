/**
 * The page shell of every staff page (editing, accounts, administration): the portal's head,
 * stylesheet, skip link and language switch, with the staff menu, who is signed in and a sign-out
 * button. Staff pages are never indexed; the auth plugin sends them with `Cache-Control: no-store`.
 */
import type { ComponentChildren } from 'preact';
import { ROLE_NAMES, hasRole, type Actor } from '../accounts/access.ts';
import { CSRF_FIELD } from '../accounts/csrf.ts';
import { BaseHead, LanguageSwitch, SkipLink, renderDocument } from '../portal/layout.tsx';
import { href } from '../portal/paths.ts';
import type { Lang } from '../shared/i18n.ts';

export type StaffSection = 'overview' | 'activities' | 'organisations' | 'import' | 'users' | 'account';

export const STAFF_WORDS = {
  staffName: { sv: 'Redigering', en: 'Editing' },
  siteShort: { sv: 'Internationellt utvecklingssamarbete', en: 'International development cooperation' },
  staffNav: { sv: 'Redigeringsmeny', en: 'Editing menu' },
  overview: { sv: 'Översikt', en: 'Overview' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  organisations: { sv: 'Organisationer', en: 'Organisations' },
  import: { sv: 'Importera IATI', en: 'Import IATI' },
  users: { sv: 'Användare', en: 'Users' },
  account: { sv: 'Mitt konto', en: 'My account' },
  signedInAs: { sv: 'Inloggad som', en: 'Signed in as' },
  signOut: { sv: 'Logga ut', en: 'Sign out' },
  publicSite: { sv: 'Till den publika webbplatsen', en: 'To the public website' },
} as const;

const NAV: { section: StaffSection; path: string; admin?: true; reviewer?: true }[] = [
  { section: 'overview', path: '/edit' },
  { section: 'activities', path: '/edit/activities' },
  { section: 'organisations', path: '/edit/organisations' },
  { section: 'import', path: '/edit/import', reviewer: true },
  { section: 'users', path: '/edit/users', admin: true },
  { section: 'account', path: '/edit/account' },
];

export interface StaffPage {
  lang: Lang;
  /** The request path with its query (e.g. "/en/edit/users"), for the language switch. */
  url: string;
  title: string;
  /** Who is signed in; undefined on the sign-in page, which shows no menu. */
  actor: Actor | undefined;
  /** `csrfToken(request)`: put it in every form as the hidden field `_csrf` (see CsrfField). */
  csrf: string;
  /** The page's content, rendered inside <main>; give JSX (strings are escaped). */
  body: ComponentChildren;
  section?: StaffSection | undefined;
}

/** The hidden field every staff form that changes something must carry. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

export function StaffLayout({ page }: { page: StaffPage }) {
  const { lang, actor } = page;
  const w = (key: keyof typeof STAFF_WORDS) => STAFF_WORDS[key][lang];
  return (
    <html lang={lang}>
      <BaseHead title={`${page.title} – ${w('staffName')} – ${w('siteShort')}`} noindex />
      <body class="staff">
        <SkipLink lang={lang} />
        <header class="site-header staff-header">
          <div class="wrap header-row">
            <a class="site-name" href={href(lang, actor ? '/edit' : '/')}>{w('staffName')} <span class="site-name-sub">{w('siteShort')}</span></a>
            <LanguageSwitch lang={lang} url={page.url} />
          </div>
          {actor ? (
            <div class="wrap staff-bar">
              <nav class="main-nav" aria-label={w('staffNav')}>
                <ul>
                  {NAV.filter((item) => (!item.admin || hasRole(actor, 'admin')) && (!item.reviewer || hasRole(actor, 'reviewer'))).map((item) => (
                    <li key={item.section}>
                      <a href={href(lang, item.path)} aria-current={page.section === item.section ? 'page' : undefined}>{w(item.section)}</a>
                    </li>
                  ))}
                </ul>
              </nav>
              <div class="staff-user">
                <span>{w('signedInAs')} <strong>{actor.name ?? actor.email}</strong> ({ROLE_NAMES[actor.role][lang]})</span>
                <form method="post" action={href(lang, '/sign-out')} class="inline-form">
                  <CsrfField token={page.csrf} />
                  <button type="submit" class="button-quiet">{w('signOut')}</button>
                </form>
              </div>
            </div>
          ) : null}
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {page.body}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <ul class="footer-links">
              <li><a href={href(lang, '/')}>{w('publicSite')}</a></li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderStaffPage(page: StaffPage): string {
  return renderDocument(<StaffLayout page={page} />);
}
