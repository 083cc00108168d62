/**
 * What the write API's routes share: versions as ETag / If-Match, the private-answer headers, the
 * small bodies of the actions (zod), and the staff view of an activity and an organisation.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { IncomingRelation } from '../activities/activity.presenter.ts';
import { AppError, ValidationError } from '../shared/errors.ts';
import { freeText, slug, toProblems } from '../shared/schema-helpers.ts';
import type { ActivitySummary, ActivityWorkspace } from './activity.editing.ts';
import type { OrganisationWorkspace } from './organisation.editing.ts';

export const etag = (version: number) => `"${version}"`;

/** The version an If-Match header names (`"7"`, `W/"7"` or `7`); undefined without the header. */
export function ifMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') return undefined;
  const value = (Array.isArray(header) ? header[0]! : header).split(',')[0]!.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (!/^\d{1,12}$/.test(value)) {
    throw new AppError('invalid-if-match', {
      sv: 'If-Match ska innehålla versionen från ETag, t.ex. "7".',
      en: 'If-Match must hold the version from the ETag, e.g. "7".',
    }, 400, [{ code: 'invalid-if-match', path: 'If-Match', message: { sv: 'Ogiltigt värde.', en: 'Invalid value.' } }]);
  }
  return Number(value);
}

/** Updates and deletions must say which version they are based on: 428 without If-Match. */
export function requiredIfMatch(request: FastifyRequest): number {
  const version = ifMatch(request);
  if (version === undefined) {
    throw new AppError('precondition-required', {
      sv: 'Ange versionen du utgick från i If-Match (värdet i ETag), så att ingen annans ändring skrivs över.',
      en: 'Send the version you started from in If-Match (the ETag value), so that nobody else\'s change is overwritten.',
    }, 428, [{ code: 'precondition-required', path: 'If-Match', message: { sv: 'Fältet måste fyllas i.', en: 'This field is required.' } }]);
  }
  return version;
}

/** Answers that depend on who asks must not be stored by shared caches. */
export function privateAnswer(reply: FastifyReply): void {
  reply.header('Cache-Control', 'private, no-store');
  reply.header('Vary', 'Authorization, Cookie');
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationError(toProblems(parsed.error));
  return parsed.data;
}

const reason = freeText().trim().max(2000).optional();
export const actionBody = z.strictObject({ reason });
export const returnBody = z.strictObject({ comment: freeText().max(4000) });
export const restoreBody = z.strictObject({ revision: z.number().int().min(1), reason });
export const convertBody = z.strictObject({
  slug: slug.optional(),
  iatiIdentifier: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'invalid' }).max(200).optional(),
  reason,
});

/** A document body may carry `reason` beside the document's fields; it goes on the revision. */
export function splitReason(body: unknown): { document: unknown; reason: string | undefined } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { document: body, reason: undefined };
  const { reason: r, ...document } = body as Record<string, unknown>;
  if (r !== undefined && (typeof r !== 'string' || r.length > 2000)) {
    throw new ValidationError([{ code: 'invalid', path: 'reason', message: { sv: 'Anledningen ska vara en text på högst 2000 tecken.', en: 'The reason must be a text of at most 2000 characters.' } }]);
  }
  return { document, reason: typeof r === 'string' && r.trim() ? r.trim() : undefined };
}

export const paging = z.object({
  page: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'out-of-range' }).max(100_000, { error: 'out-of-range' }).optional()),
  pageSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'out-of-range' }).max(100, { error: 'out-of-range' }).optional()),
});

export const organisationQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  deleted: z.enum(['true', 'false']).optional(),
  ...paging.shape,
});

export interface EditorialView {
  publication: ActivitySummary['publication'];
  review: ActivitySummary['review'];
  hasUnpublishedChanges: boolean;
  returnComment: ActivitySummary['returnComment'];
  submittedAt: string | null;
  createdAt: string;
  findings?: ActivityWorkspace['findings'];
  /** The version the public sees, when published. */
  publishedVersion?: number | null;
}

/** The staff view of an activity: the working document in the API's item shape, with `editorial`. */
export function presentWorkspace(ws: ActivitySummary | ActivityWorkspace, incoming?: IncomingRelation[]) {
  const editorial: EditorialView = {
    publication: ws.publication, review: ws.review, hasUnpublishedChanges: ws.hasUnpublishedChanges,
    returnComment: ws.returnComment, submittedAt: ws.submittedAt, createdAt: ws.createdAt,
  };
  if ('findings' in ws) {
    editorial.findings = ws.findings;
    editorial.publishedVersion = ws.published?.meta?.version ?? null;
  }
  return {
    ...ws.document, version: ws.version, updatedAt: ws.updatedAt, url: `/api/activities/${ws.slug}`,
    ...(incoming ? { relatedFrom: incoming } : {}),
    editorial,
  };
}

export function presentOrganisation(o: OrganisationWorkspace) {
  return { ...o.document, version: o.version, createdAt: o.createdAt, updatedAt: o.updatedAt, deletedAt: o.deletedAt, url: `/api/organisations/${o.slug}` };
}

export function pageLinks(path: string, query: Record<string, unknown>, page: number, pageSize: number, pages: number) {
  const link = (p: number) => {
    const entries: [string, string][] = Object.entries({ ...query, page: p, pageSize })
      .filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]);
    return `${path}?${new URLSearchParams(entries)}`;
  };
  return { self: link(page), first: link(1), last: link(pages), ...(page < pages ? { next: link(page + 1) } : {}), ...(page > 1 ? { prev: link(page - 1) } : {}) };
}
