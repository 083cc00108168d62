/**
 * The errors of editing, each with a stable code and both languages. A conflict carries the
 * current document and version, so the caller can show both sides and merge.
 */
import { ForbiddenError, hasRole, type Actor, type Role } from '../accounts/access.ts';
import type { Finding } from '../check/check.ts';
import { AppError, NotFoundError } from '../shared/errors.ts';

/** A save based on a version that is no longer the current one (HTTP 412). */
export class VersionConflictError extends AppError {
  constructor(readonly current: { version: number; document: unknown }, basedOn: number) {
    super('version-conflict', {
      sv: `Någon annan har sparat en nyare version (${current.version}) sedan du började på version ${basedOn}. Jämför och slå ihop ändringarna.`,
      en: `Someone else saved a newer version (${current.version}) after you started from version ${basedOn}. Compare and merge the changes.`,
    }, 412, [], { currentVersion: current.version, current: current.document });
    this.name = 'VersionConflictError';
  }
}

/** Findings of severity 'error' stop publication (HTTP 422); each is listed with its field. */
export class PublicationBlockedError extends AppError {
  constructor(readonly findings: Finding[]) {
    super('publication-blocked', {
      sv: `Aktiviteten kan inte publiceras: ${findings.map((f) => f.message.sv).join(' ')}`,
      en: `The activity cannot be published: ${findings.map((f) => f.message.en).join(' ')}`,
    }, 422, findings.map((f) => ({ code: f.code, path: f.field, message: f.message })));
    this.name = 'PublicationBlockedError';
  }
}

/** The action does not fit the record's editorial state (HTTP 409), e.g. returning work that is not in review. */
export function stateError(code: string, sv: string, en: string): AppError {
  return new AppError(code, { sv, en }, 409);
}

export function activityNotFound(slug: string): NotFoundError {
  return new NotFoundError({ sv: `Aktiviteten "${slug}" finns inte.`, en: `Activity "${slug}" does not exist.` });
}

export function organisationNotFound(slug: string): NotFoundError {
  return new NotFoundError({ sv: `Organisationen "${slug}" finns inte.`, en: `Organisation "${slug}" does not exist.` });
}

/** Domain functions take the actor; null is the command line, which may do everything. */
export function authorize(actor: Actor | null, role: Role): void {
  if (actor !== null && !hasRole(actor, role)) throw new ForbiddenError(role);
}

/** A slug another record already holds (409 slug-taken, on the slug field). */
export function slugTaken(slug: string): AppError {
  const message = { sv: `Kortnamnet "${slug}" används redan.`, en: `The short name "${slug}" is already taken.` };
  return new AppError('slug-taken', message, 409, [{ code: 'slug-taken', path: 'slug', message }]);
}
