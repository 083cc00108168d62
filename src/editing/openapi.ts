/**
 * The OpenAPI 3.1 document of the JSON API, generated from the same zod schemas the routes
 * validate with (z.toJSONSchema, input side). Each operation's words exist in English (`summary`,
 * `description`) and Swedish (`x-summary-sv`, `x-description-sv`), so the documentation page
 * (api-docs.page.tsx) can be rendered from this document in either language.
 */
import { z } from 'zod';
import { activityQuerySchema } from '../activities/activity.query.schema.ts';
import { activitySchema } from '../activities/activity.schema.ts';
import { ROLES, type Role } from '../accounts/access.ts';
import { SESSION_COOKIE } from '../accounts/session.ts';
import { organisationSchema } from '../organisations/organisation.schema.ts';
import type { Message } from '../shared/i18n.ts';
import { actionBody, convertBody, organisationQuerySchema, restoreBody, returnBody } from './editing.http.ts';
import { noteInputSchema } from './notes.ts';
import { REVISION_ACTIONS } from './revisions.ts';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const jsonBody = (schema: Json, description?: string) => ({ ...(description ? { description } : {}), content: { 'application/json': { schema } } });
const etagHeader = { ETag: { description: 'The version, quoted: send it back as If-Match.', schema: { type: 'string', example: '"7"' } } };

export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** Who may call it; 'anonymous' for public reads. */
  role: Role | 'anonymous';
  summary: Message;
  description: Message;
  tag: 'activities' | 'editorial' | 'history' | 'notes' | 'organisations' | 'meta';
  parameters?: Json[];
  body?: Json;
  /** Success status and answer. */
  ok: [number, Json];
  /** Error statuses beyond the ones every route may give. */
  errors?: number[];
}

const slugParam = (what: Message) => ({ name: 'slug', in: 'path', required: true, description: what.en, 'x-description-sv': what.sv, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } });
const activitySlug = slugParam({ sv: 'Aktivitetens kortnamn.', en: 'The activity\'s short name (slug).' });
const organisationSlug = slugParam({ sv: 'Organisationens kortnamn.', en: 'The organisation\'s short name (slug).' });
const numberParam = { name: 'number', in: 'path', required: true, description: 'The revision number (1, 2, 3 …).', 'x-description-sv': 'Revisionens nummer (1, 2, 3 …).', schema: { type: 'integer', minimum: 1 } };
const ifMatchParam = (required: boolean) => ({
  name: 'If-Match', in: 'header', required,
  description: required ? 'The version the change is based on (the ETag). Without it: 428; stale: 412.' : 'Optional: the version the action is based on; stale: 412.',
  'x-description-sv': required ? 'Versionen ändringen bygger på (ETag). Utan den: 428; inaktuell: 412.' : 'Valfritt: versionen åtgärden bygger på; inaktuell: 412.',
  schema: { type: 'string', example: '"7"' },
});

function queryParameters(schema: z.ZodType): Json[] {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, Json>;
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

const listOf = (item: Json) => ({
  type: 'object', required: ['total', 'page', 'pageSize', 'pages', 'links', 'items'],
  properties: {
    total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' }, pages: { type: 'integer' },
    links: { type: 'object', properties: Object.fromEntries(['self', 'first', 'last', 'next', 'prev'].map((k) => [k, { type: 'string' }])) },
    items: { type: 'array', items: item },
  },
});

const withAnswer = (status: number, schema: Json, description: string, headers = true): [number, Json] =>
  [status, { description, ...(headers ? { headers: etagHeader } : {}), content: { 'application/json': { schema } } }];

const activityAnswer = (status = 200) => withAnswer(status, { oneOf: [ref('PublicActivity'), ref('StaffActivity')] }, 'The activity.');
const staffActivity = (status = 200) => withAnswer(status, ref('StaffActivity'), 'The activity as staff see it.');
const organisationAnswer = (status = 200) => withAnswer(status, ref('StaffOrganisation'), 'The organisation.');

/** Every route of the JSON API. The test checks that it matches what the server registers. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get', path: '/api/activities', role: 'anonymous', tag: 'activities',
    summary: { sv: 'Lista aktiviteter', en: 'List activities' },
    description: {
      sv: 'Publicerade aktiviteter för anonyma anrop; för läsare och uppåt alla som inte är borttagna, med arbetsversionen och `editorial`. Samma filter, sökning, sortering och sidor som portalen.',
      en: 'Published activities for anonymous callers; for viewers and above every activity that is not deleted, with the working version and `editorial`. The portal\'s filters, search, sorting and pages.',
    },
    parameters: queryParameters(activityQuerySchema),
    ok: withAnswer(200, listOf({ oneOf: [ref('PublicActivity'), ref('StaffActivity')] }), 'One page of activities.', false),
    errors: [400],
  },
  {
    method: 'post', path: '/api/activities', role: 'editor', tag: 'activities',
    summary: { sv: 'Skapa en aktivitet', en: 'Create an activity' },
    description: { sv: 'Nya aktiviteter börjar som utkast som allmänheten inte ser. Svarar 201 med Location och ETag.', en: 'New activities start as drafts the public cannot see. Answers 201 with Location and ETag.' },
    body: jsonBody(ref('ActivityInput')), ok: staffActivity(201), errors: [400, 409],
  },
  {
    method: 'get', path: '/api/activities/{slug}', role: 'anonymous', tag: 'activities',
    summary: { sv: 'Läs en aktivitet', en: 'Read an activity' },
    description: { sv: 'Den publicerade versionen för anonyma anrop; arbetsversionen med `editorial` och kontrollresultat för läsare och uppåt.', en: 'The published version for anonymous callers; the working version with `editorial` and check findings for viewers and above.' },
    parameters: [activitySlug], ok: activityAnswer(), errors: [404],
  },
  {
    method: 'put', path: '/api/activities/{slug}', role: 'editor', tag: 'activities',
    summary: { sv: 'Spara en aktivitet', en: 'Save an activity' },
    description: {
      sv: 'Hela dokumentet (det som lästes kan skickas tillbaka) och valfritt `reason`. Kräver If-Match; en inaktuell version ger 412 med `currentVersion` och `current`. För en publicerad aktivitet sparas ändringen i arbetskopian tills den publiceras.',
      en: 'The whole document (what was read may be sent back) and an optional `reason`. Needs If-Match; a stale version gives 412 with `currentVersion` and `current`. For a published activity the change goes into its working copy until it is published.',
    },
    parameters: [activitySlug, ifMatchParam(true)], body: jsonBody(ref('ActivityInput')), ok: staffActivity(), errors: [400, 404, 412, 428],
  },
  {
    method: 'delete', path: '/api/activities/{slug}', role: 'reviewer', tag: 'activities',
    summary: { sv: 'Ta bort en aktivitet', en: 'Delete an activity' },
    description: { sv: 'Mjuk borttagning: aktiviteten försvinner från portalen och öppna data; en administratör kan ångra. Kräver If-Match.', en: 'Soft deletion: the activity leaves the portal and open data; an admin can undo it. Needs If-Match.' },
    parameters: [activitySlug, ifMatchParam(true)], ok: [204, { description: 'Deleted.' }], errors: [404, 412, 428],
  },
  {
    method: 'post', path: '/api/activities/{slug}/submit', role: 'editor', tag: 'editorial',
    summary: { sv: 'Skicka till granskning', en: 'Submit for review' },
    description: { sv: 'Opublicerade ändringar går till granskning.', en: 'Unpublished changes go to review.' },
    parameters: [activitySlug, ifMatchParam(false)], body: jsonBody(jsonSchema(actionBody)), ok: staffActivity(), errors: [404, 409, 412],
  },
  {
    method: 'post', path: '/api/activities/{slug}/return', role: 'reviewer', tag: 'editorial',
    summary: { sv: 'Skicka tillbaka med en kommentar', en: 'Return with a comment' },
    description: { sv: 'Arbete under granskning går tillbaka till utkast med granskarens kommentar.', en: 'Work in review goes back to draft with the reviewer\'s comment.' },
    parameters: [activitySlug, ifMatchParam(false)], body: jsonBody(jsonSchema(returnBody)), ok: staffActivity(), errors: [400, 404, 409, 412],
  },
  {
    method: 'post', path: '/api/activities/{slug}/publish', role: 'reviewer', tag: 'editorial',
    summary: { sv: 'Publicera', en: 'Publish' },
    description: {
      sv: 'Arbetsversionen blir den publika. Kontrollresultat med allvarlighetsgraden fel stoppar publiceringen (422, `publication-blocked`, ett fel per resultat).',
      en: 'The working version becomes the public one. Check findings of severity error stop it (422, `publication-blocked`, one error per finding).',
    },
    parameters: [activitySlug, ifMatchParam(false)], body: jsonBody(jsonSchema(actionBody)), ok: staffActivity(), errors: [404, 409, 412, 422],
  },
  {
    method: 'post', path: '/api/activities/{slug}/unpublish', role: 'reviewer', tag: 'editorial',
    summary: { sv: 'Avpublicera', en: 'Unpublish' },
    description: { sv: 'Aktiviteten dras tillbaka från allmänheten och blir ett utkast; inget arbete går förlorat.', en: 'The activity is withdrawn from the public and becomes a draft; no work is lost.' },
    parameters: [activitySlug, ifMatchParam(false)], body: jsonBody(jsonSchema(actionBody)), ok: staffActivity(), errors: [404, 409, 412],
  },
  {
    method: 'post', path: '/api/activities/{slug}/restore', role: 'editor', tag: 'history',
    summary: { sv: 'Återställ en revision', en: 'Restore a revision' },
    description: { sv: 'En äldre revisions dokument blir arbetsversionen igen, som en ny revision.', en: 'An older revision\'s document becomes the working version again, as a new revision.' },
    parameters: [activitySlug, ifMatchParam(false)], body: jsonBody(jsonSchema(restoreBody)), ok: staffActivity(), errors: [400, 404, 412],
  },
  {
    method: 'post', path: '/api/activities/{slug}/convert', role: 'editor', tag: 'editorial',
    summary: { sv: 'Omvandla förstudie till projekt', en: 'Convert pre-study to project' },
    description: {
      sv: 'Skapar ett nytt projektutkast med texter, länder, regioner, partner, policymål och dokument (inte status, datum eller resultat) och noterar "förstudien ledde till" på förstudien.',
      en: 'Creates a new draft project with the texts, countries, regions, partners, policy alignment and documents (not status, dates or results) and records "pre-study led to" on the pre-study.',
    },
    parameters: [activitySlug], body: jsonBody(jsonSchema(convertBody)), ok: staffActivity(201), errors: [400, 404, 409],
  },
  {
    method: 'post', path: '/api/activities/{slug}/undelete', role: 'admin', tag: 'history',
    summary: { sv: 'Ångra borttagning', en: 'Undo deletion' },
    description: { sv: 'Aktiviteten får tillbaka den publicering den hade.', en: 'The activity gets back the publication it had.' },
    parameters: [activitySlug], body: jsonBody(jsonSchema(actionBody)), ok: staffActivity(), errors: [404, 409],
  },
  {
    method: 'get', path: '/api/activities/{slug}/revisions', role: 'viewer', tag: 'history',
    summary: { sv: 'En aktivitets historik', en: 'An activity\'s history' },
    description: { sv: 'Revisionerna, nyaste först: vem, när, åtgärd, anledning och ändrade fält.', en: 'Its revisions, newest first: who, when, action, reason and the changed fields.' },
    parameters: [activitySlug], ok: withAnswer(200, { type: 'object', properties: { items: { type: 'array', items: ref('RevisionSummary') } } }, 'The revisions.', false), errors: [404],
  },
  {
    method: 'get', path: '/api/activities/{slug}/revisions/{number}', role: 'viewer', tag: 'history',
    summary: { sv: 'En revision med skillnader', en: 'A revision with its differences' },
    description: { sv: 'Hela dokumentet efter händelsen och en läsbar lista över vad som ändrades sedan revisionen före.', en: 'The whole document after the event and a readable list of what changed since the revision before.' },
    parameters: [activitySlug, numberParam], ok: withAnswer(200, ref('Revision'), 'The revision.', false), errors: [404],
  },
  {
    method: 'get', path: '/api/activities/{slug}/notes', role: 'viewer', tag: 'notes',
    summary: { sv: 'En aktivitets interna anteckningar', en: 'An activity\'s internal notes' },
    description: { sv: 'Personalens anteckningar, nyaste först, med författare och tid. De hör inte till aktiviteten och syns aldrig i portalen, exporterna, IATI eller sökningen.', en: 'The staff\'s notes, newest first, with author and time. They are not part of the activity and never appear in the portal, the exports, IATI or search.' },
    parameters: [activitySlug], ok: withAnswer(200, { type: 'object', properties: { items: { type: 'array', items: ref('InternalNote') } } }, 'The notes.', false), errors: [404],
  },
  {
    method: 'post', path: '/api/activities/{slug}/notes', role: 'editor', tag: 'notes',
    summary: { sv: 'Skriv en intern anteckning', en: 'Add an internal note' },
    description: { sv: 'En anteckning på 1–4000 tecken, signerad av den som skriver. Anteckningar ändras inte och tas inte bort.', en: 'A note of 1–4000 characters, signed by its writer. Notes are not edited or deleted.' },
    parameters: [activitySlug], body: jsonBody(jsonSchema(noteInputSchema)), ok: withAnswer(201, ref('InternalNote'), 'The note.', false), errors: [400, 404],
  },
  {
    method: 'get', path: '/api/organisations', role: 'viewer', tag: 'organisations',
    summary: { sv: 'Lista organisationer', en: 'List organisations' },
    description: { sv: 'Organisationer som inte är borttagna, efter namn; `q` söker i kortnamn, namn, förkortning och IATI-referens. `deleted=true` (administratör) visar borttagna.', en: 'Organisations that are not deleted, by name; `q` searches slug, names, acronym and IATI reference. `deleted=true` (admin) shows deleted ones.' },
    parameters: queryParameters(organisationQuerySchema), ok: withAnswer(200, listOf(ref('StaffOrganisation')), 'One page of organisations.', false), errors: [400],
  },
  {
    method: 'post', path: '/api/organisations', role: 'editor', tag: 'organisations',
    summary: { sv: 'Skapa en organisation', en: 'Create an organisation' },
    description: { sv: 'Organisationer granskas inte: ändringar gäller direkt.', en: 'Organisations are not reviewed: changes apply at once.' },
    body: jsonBody(ref('OrganisationInput')), ok: organisationAnswer(201), errors: [400, 409],
  },
  {
    method: 'get', path: '/api/organisations/{slug}', role: 'viewer', tag: 'organisations',
    summary: { sv: 'Läs en organisation', en: 'Read an organisation' },
    description: { sv: 'Med version (ETag).', en: 'With its version (ETag).' },
    parameters: [organisationSlug], ok: organisationAnswer(), errors: [404],
  },
  {
    method: 'put', path: '/api/organisations/{slug}', role: 'editor', tag: 'organisations',
    summary: { sv: 'Spara en organisation', en: 'Save an organisation' },
    description: { sv: 'Kräver If-Match; en inaktuell version ger 412.', en: 'Needs If-Match; a stale version gives 412.' },
    parameters: [organisationSlug, ifMatchParam(true)], body: jsonBody(ref('OrganisationInput')), ok: organisationAnswer(), errors: [400, 404, 412, 428],
  },
  {
    method: 'delete', path: '/api/organisations/{slug}', role: 'reviewer', tag: 'organisations',
    summary: { sv: 'Ta bort en organisation', en: 'Delete an organisation' },
    description: { sv: 'Mjuk borttagning, nekad (409, `organisation-in-use`) så länge en aktivitet eller organisation använder den; felen säger var.', en: 'Soft deletion, refused (409, `organisation-in-use`) while an activity or organisation uses it; the errors say where.' },
    parameters: [organisationSlug, ifMatchParam(true)], ok: [204, { description: 'Deleted.' }], errors: [404, 409, 412, 428],
  },
  {
    method: 'post', path: '/api/organisations/{slug}/undelete', role: 'admin', tag: 'organisations',
    summary: { sv: 'Ångra borttagning', en: 'Undo deletion' },
    description: { sv: 'Organisationen kan användas igen.', en: 'The organisation can be used again.' },
    parameters: [organisationSlug], body: jsonBody(jsonSchema(actionBody)), ok: organisationAnswer(), errors: [404, 409],
  },
  {
    method: 'post', path: '/api/organisations/{slug}/restore', role: 'editor', tag: 'organisations',
    summary: { sv: 'Återställ en revision', en: 'Restore a revision' },
    description: { sv: 'En äldre revision blir aktuell igen, som en ny revision.', en: 'An older revision becomes current again, as a new revision.' },
    parameters: [organisationSlug, ifMatchParam(false)], body: jsonBody(jsonSchema(restoreBody)), ok: organisationAnswer(), errors: [400, 404, 412],
  },
  {
    method: 'get', path: '/api/organisations/{slug}/revisions', role: 'viewer', tag: 'organisations',
    summary: { sv: 'En organisations historik', en: 'An organisation\'s history' },
    description: { sv: 'Revisionerna, nyaste först.', en: 'Its revisions, newest first.' },
    parameters: [organisationSlug], ok: withAnswer(200, { type: 'object', properties: { items: { type: 'array', items: ref('RevisionSummary') } } }, 'The revisions.', false), errors: [404],
  },
  {
    method: 'get', path: '/api/organisations/{slug}/revisions/{number}', role: 'viewer', tag: 'organisations',
    summary: { sv: 'En revision med skillnader', en: 'A revision with its differences' },
    description: { sv: 'Dokumentet och vad som ändrades sedan revisionen före.', en: 'The document and what changed since the revision before.' },
    parameters: [organisationSlug, numberParam], ok: withAnswer(200, ref('Revision'), 'The revision.', false), errors: [404],
  },
  {
    method: 'get', path: '/api/organisations/{slug}/notes', role: 'viewer', tag: 'notes',
    summary: { sv: 'En organisations interna anteckningar', en: 'An organisation\'s internal notes' },
    description: { sv: 'Personalens anteckningar, nyaste först, med författare och tid. De hör inte till organisationen och syns aldrig utanför redigeringen.', en: 'The staff\'s notes, newest first, with author and time. They are not part of the organisation and never appear outside editing.' },
    parameters: [organisationSlug], ok: withAnswer(200, { type: 'object', properties: { items: { type: 'array', items: ref('InternalNote') } } }, 'The notes.', false), errors: [404],
  },
  {
    method: 'post', path: '/api/organisations/{slug}/notes', role: 'editor', tag: 'notes',
    summary: { sv: 'Skriv en intern anteckning om en organisation', en: 'Add an internal note on an organisation' },
    description: { sv: 'En anteckning på 1–4000 tecken, signerad av den som skriver.', en: 'A note of 1–4000 characters, signed by its writer.' },
    parameters: [organisationSlug], body: jsonBody(jsonSchema(noteInputSchema)), ok: withAnswer(201, ref('InternalNote'), 'The note.', false), errors: [400, 404],
  },
  {
    method: 'get', path: '/api/openapi.json', role: 'anonymous', tag: 'meta',
    summary: { sv: 'Den här beskrivningen', en: 'This description' },
    description: { sv: 'OpenAPI 3.1.', en: 'OpenAPI 3.1.' },
    ok: [200, { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } }],
  },
];

export const TAGS: { name: Operation['tag']; title: Message }[] = [
  { name: 'activities', title: { sv: 'Aktiviteter', en: 'Activities' } },
  { name: 'editorial', title: { sv: 'Granskning och publicering', en: 'Review and publishing' } },
  { name: 'history', title: { sv: 'Historik', en: 'History' } },
  { name: 'notes', title: { sv: 'Interna anteckningar', en: 'Internal notes' } },
  { name: 'organisations', title: { sv: 'Organisationer', en: 'Organisations' } },
  { name: 'meta', title: { sv: 'Om API:et', en: 'About the API' } },
];

const STATUS_WORDS: Record<number, string> = {
  400: 'The input is invalid; `errors[]` names each field.', 401: 'Not signed in (no or an unknown token).',
  403: 'The role is too low.', 404: 'Not found.', 409: 'The action does not fit the record\'s state.',
  412: 'The version in If-Match is not the current one.', 422: 'Publication blocked by check findings.', 428: 'If-Match is missing.',
};

function operationObject(op: Operation): Json {
  const errors = [...new Set([...(op.role === 'anonymous' ? [] : [401, 403]), ...(op.errors ?? [])])].sort();
  return {
    tags: [op.tag], operationId: `${op.method}${op.path.replace(/[{}]/g, '').split(/[/.-]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')}`,
    summary: op.summary.en, 'x-summary-sv': op.summary.sv,
    description: op.description.en, 'x-description-sv': op.description.sv,
    'x-role': op.role,
    ...(op.role === 'anonymous' ? { security: [{}, { bearer: [] }, { cookie: [] }] } : {}),
    ...(op.parameters?.length ? { parameters: op.parameters } : {}),
    ...(op.body ? { requestBody: { required: op.method !== 'post' || op.path.endsWith('/api/activities') || op.path.endsWith('/api/organisations') || op.path.endsWith('/notes'), ...op.body } } : {}),
    responses: {
      [String(op.ok[0])]: op.ok[1],
      ...Object.fromEntries(errors.map((s) => [String(s), problem(STATUS_WORDS[s] ?? 'Error.')])),
    },
  };
}

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  const activityInput = jsonSchema(activitySchema);
  const organisationInput = jsonSchema(organisationSchema);
  const bookkeeping = { version: { type: 'integer' }, updatedAt: { type: 'string' }, url: { type: 'string' } };
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Samverka API', version: '1',
      description: 'The portfolio of activities and organisations: public reading, and editing with review, history and conflict detection (ETag / If-Match).',
      'x-description-sv': 'Portföljen av aktiviteter och organisationer: öppen läsning, och redigering med granskning, historik och konfliktskydd (ETag / If-Match).',
    },
    servers: [{ url: '/' }],
    tags: TAGS.map((t) => ({ name: t.name, description: t.title.en, 'x-description-sv': t.title.sv })),
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (`samverka token create`), acting with its user\'s role.' },
        cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'A signed-in browser session; writes also need the x-csrf-token header.' },
      },
      schemas: {
        ActivityInput: { ...activityInput, description: 'An activity (docs/data-format.md). `publication`, `version`, `updatedAt`, `url`, `relatedFrom`, `editorial` and `meta` may be sent back and are ignored; `reason` goes on the revision.' },
        OrganisationInput: organisationInput,
        PublicActivity: { allOf: [activityInput, { type: 'object', properties: { ...bookkeeping, relatedFrom: { type: 'array', items: { type: 'object' } } } }] },
        StaffActivity: {
          allOf: [activityInput, {
            type: 'object', required: ['version', 'editorial'],
            properties: {
              ...bookkeeping,
              editorial: {
                type: 'object',
                properties: {
                  publication: { enum: ['draft', 'published', 'deleted'] }, review: { enum: ['draft', 'in-review', null] },
                  hasUnpublishedChanges: { type: 'boolean' }, returnComment: { type: ['object', 'null'] }, submittedAt: { type: ['string', 'null'] },
                  createdAt: { type: 'string' }, publishedVersion: { type: ['integer', 'null'] },
                  findings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, severity: { enum: ['error', 'warning'] }, field: { type: 'string' }, message: { type: 'object' } } } },
                },
              },
            },
          }],
        },
        StaffOrganisation: { allOf: [organisationInput, { type: 'object', properties: { ...bookkeeping, createdAt: { type: 'string' }, deletedAt: { type: ['string', 'null'] } } }] },
        RevisionSummary: {
          type: 'object', required: ['number', 'action', 'changed', 'version', 'createdAt'],
          properties: {
            number: { type: 'integer' }, action: { enum: [...REVISION_ACTIONS] }, changed: { type: 'array', items: { type: 'string' } },
            version: { type: 'integer' }, author: { type: ['object', 'null'], properties: { id: { type: 'integer' }, name: { type: 'string' } } },
            reason: { type: ['string', 'null'] }, createdAt: { type: 'string' },
          },
        },
        InternalNote: {
          type: 'object', required: ['id', 'body', 'author', 'createdAt'],
          properties: {
            id: { type: 'integer' }, body: { type: 'string' },
            author: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } }, createdAt: { type: 'string' },
          },
        },
        Revision: {
          allOf: [ref('RevisionSummary'), {
            type: 'object',
            properties: {
              document: { type: 'object' }, comparedWith: { type: ['integer', 'null'] },
              diff: { type: 'array', items: ref('DiffEntry') },
            },
          }],
        },
        DiffEntry: {
          type: 'object', required: ['path', 'label', 'change'],
          properties: {
            path: { type: 'string' }, label: { type: 'object', properties: { sv: { type: 'string' }, en: { type: 'string' } } },
            change: { enum: ['added', 'removed', 'changed'] }, before: {}, after: {},
          },
        },
        Problem: {
          type: 'object', required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' },
            detail: { type: 'object', properties: { sv: { type: 'string' }, en: { type: 'string' } } },
            errors: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, field: { type: 'string' }, record: { type: 'string' }, message: { type: 'string' } } } },
            currentVersion: { type: 'integer', description: 'With 412: the current version.' },
            current: { type: 'object', description: 'With 412: the current document.' },
          },
        },
      },
    },
    'x-roles': [...ROLES],
  };
  return cached;
}
