/**
 * The readable API documentation (/api-docs and /en/api-docs), rendered from the OpenAPI document
 * in the page's language with the portal's layout.
 */
import { ROLE_NAMES, type Role } from '../accounts/access.ts';
import { Layout, type PageMeta } from '../portal/layout.tsx';
import type { Lang } from '../shared/i18n.ts';
import { TAGS, openApiDocument } from './openapi.ts';

type Json = Record<string, unknown>;

const T = {
  title: { sv: 'API-dokumentation', en: 'API documentation' },
  intro: {
    sv: 'Samverkas JSON-gränssnitt: öppen läsning av publicerade aktiviteter, och för inloggad personal redigering med granskning, historik och skydd mot att skriva över varandras ändringar.',
    en: 'Samverka\'s JSON interface: open reading of published activities and, for signed-in staff, editing with review, history and protection against overwriting each other\'s changes.',
  },
  machine: { sv: 'Maskinläsbar beskrivning (OpenAPI 3.1):', en: 'Machine-readable description (OpenAPI 3.1):' },
  authTitle: { sv: 'Inloggning', en: 'Signing in' },
  auth: {
    sv: 'Anonyma anrop ser bara publicerade aktiviteter. Personal skickar en API-nyckel som Authorization: Bearer … (skapas på kontosidan eller med samverka token create) och agerar med sin användares roll. En inloggad webbläsare kan också anropa API:et; ändringar kräver då CSRF-token i huvudet x-csrf-token.',
    en: 'Anonymous callers see published activities only. Staff send an API token as Authorization: Bearer … (created on the account page or with samverka token create) and act with their user\'s role. A signed-in browser may call the API too; changes then need the CSRF token in the x-csrf-token header.',
  },
  rolesTitle: { sv: 'Roller', en: 'Roles' },
  roles: {
    sv: 'Läsare ser utkast, arbetskopior och historik; redaktör skapar och redigerar, skickar till granskning och återställer revisioner; granskare publicerar, skickar tillbaka, avpublicerar och tar bort; administratör ångrar borttagningar. Varje roll kan det rollerna före den kan.',
    en: 'Viewers see drafts, working copies and history; editors create and edit, submit for review and restore revisions; reviewers publish, return, unpublish and delete; admins undo deletions. Each role can do what the ones before it can.',
  },
  versionsTitle: { sv: 'Versioner och konflikter', en: 'Versions and conflicts' },
  versions: {
    sv: 'Varje svar om en enskild post har ETag med postens version. Ändringar skickar tillbaka den i If-Match: utan If-Match svarar API:et 428, och har någon annan hunnit spara en nyare version svarar det 412 med den aktuella versionen och det aktuella dokumentet, så att ändringarna kan slås ihop i stället för att skrivas över.',
    en: 'Every answer about a single record has an ETag with the record\'s version. Changes send it back in If-Match: without If-Match the API answers 428, and when someone else has saved a newer version it answers 412 with the current version and document, so the changes can be merged instead of overwritten.',
  },
  workflowTitle: { sv: 'Granskning och publicering', en: 'Review and publishing' },
  workflow: {
    sv: 'En ny aktivitet är ett utkast. Ändringar i en publicerad aktivitet sparas i en arbetskopia medan allmänheten fortsätter att se den publicerade versionen. Utkast → granskning → publicerad; en granskare kan skicka tillbaka arbetet med en kommentar. Kontrollresultat med allvarlighetsgraden fel, t.ex. en aktivitet utan namn, stoppar publiceringen.',
    en: 'A new activity is a draft. Changes to a published activity are kept in a working copy while the public keeps seeing the published version. Draft → in review → published; a reviewer can return the work with a comment. Check findings of severity error, such as an activity without a title, stop publication.',
  },
  errorsTitle: { sv: 'Fel', en: 'Errors' },
  errors: {
    sv: 'Fel besvaras som application/problem+json med en stabil kod (code), en rubrik på svenska eller engelska efter Accept-Language och errors[] med fältet (field) för varje problem.',
    en: 'Errors are answered as application/problem+json with a stable code, a title in Swedish or English by Accept-Language, and errors[] naming the field of each problem.',
  },
  operations: { sv: 'Anrop', en: 'Operations' },
  who: { sv: 'Vem', en: 'Who' },
  anyone: { sv: 'alla, även anonyma', en: 'anyone, anonymous too' },
  andAbove: { sv: 'och uppåt', en: 'and above' },
  parameters: { sv: 'Parametrar', en: 'Parameters' },
  answers: { sv: 'Svar', en: 'Answers' },
  required: { sv: 'krävs', en: 'required' },
  body: { sv: 'Innehåll: JSON.', en: 'Body: JSON.' },
};

/** Descriptions mark names of fields and codes with backticks, as in Markdown. */
function Inline({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

function roleText(role: string, lang: Lang): string {
  if (role === 'anonymous') return T.anyone[lang];
  return `${ROLE_NAMES[role as Role][lang]} ${T.andAbove[lang]}`;
}

export function ApiDocsPage({ meta }: { meta: PageMeta }) {
  const { lang } = meta;
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const say = (op: Json, key: 'summary' | 'description') => String(lang === 'sv' ? op[`x-${key}-sv`] : op[key]);
  return (
    <Layout meta={meta}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      <p>{T.machine[lang]} <a href="/api/openapi.json"><code>/api/openapi.json</code></a></p>
      <h2>{T.authTitle[lang]}</h2>
      <p>{T.auth[lang]}</p>
      <h2>{T.rolesTitle[lang]}</h2>
      <p>{T.roles[lang]}</p>
      <h2>{T.versionsTitle[lang]}</h2>
      <p>{T.versions[lang]}</p>
      <h2>{T.workflowTitle[lang]}</h2>
      <p>{T.workflow[lang]}</p>
      <h2>{T.errorsTitle[lang]}</h2>
      <p>{T.errors[lang]}</p>
      <h2>{T.operations[lang]}</h2>
      {TAGS.map((tag) => (
        <section aria-labelledby={`tag-${tag.name}`}>
          <h3 id={`tag-${tag.name}`}>{tag.title[lang]}</h3>
          {operations.filter(({ op }) => (op.tags as string[])[0] === tag.name).map(({ path, method, op }) => {
            const parameters = (op.parameters ?? []) as Json[];
            const responses = Object.keys(op.responses as Json);
            return (
              <article class="api-operation" id={String(op.operationId)}>
                <h4><code>{method.toUpperCase()} {path}</code> – {say(op, 'summary')}</h4>
                <p><Inline text={say(op, 'description')} /></p>
                <p><strong>{T.who[lang]}:</strong> {roleText(String(op['x-role']), lang)}.</p>
                {parameters.length > 0 && (
                  <p><strong>{T.parameters[lang]}:</strong> {parameters.map((p, i) => (
                    <span>{i > 0 ? ', ' : ''}<code>{String(p.name)}</code>{p.required ? ` (${T.required[lang]})` : ''}</span>
                  ))}</p>
                )}
                {op.requestBody !== undefined && <p>{T.body[lang]}</p>}
                <p><strong>{T.answers[lang]}:</strong> {responses.join(', ')}</p>
              </article>
            );
          })}
        </section>
      ))}
    </Layout>
  );
}
