/**
 * Who is asking, and what they may do. Roles are ordered (decision 001): each can do what the
 * ones before it can. Routes call `requireRole`; `request.actor` is set by the auth plugin.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';
import type { Message } from '../shared/i18n.ts';

export const ROLES = ['viewer', 'editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, Message> = {
  viewer: { sv: 'läsare', en: 'viewer' },
  editor: { sv: 'redaktör', en: 'editor' },
  reviewer: { sv: 'granskare', en: 'reviewer' },
  admin: { sv: 'administratör', en: 'admin' },
};

export interface Actor {
  userId: number;
  email: string;
  name: string | null;
  role: Role;
  /** How the request proved who it is: a browser session (cookie) or an API token (Bearer). */
  via: 'session' | 'token';
  /** The session's row id (the hash of the cookie's value) when via is 'session'. */
  sessionId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasRole(actor: Actor | undefined, needed: Role): boolean {
  return actor !== undefined && ROLES.indexOf(actor.role) >= ROLES.indexOf(needed);
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('unauthenticated', { sv: 'Du behöver logga in.', en: 'You need to sign in.' }, 401);
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends AppError {
  constructor(needed: Role) {
    super('forbidden', {
      sv: `Du har inte behörighet till detta: det kräver rollen ${ROLE_NAMES[needed].sv} eller högre.`,
      en: `You are not allowed to do this: it needs the role ${ROLE_NAMES[needed].en} or higher.`,
    }, 403);
    this.name = 'ForbiddenError';
  }
}

/** The actor, when it has at least the needed role; 401 when nobody is signed in, 403 when the role is too low. */
export function requireRole(request: FastifyRequest, needed: Role): Actor {
  const actor = request.actor;
  if (!actor) throw new UnauthenticatedError();
  if (!hasRole(actor, needed)) throw new ForbiddenError(needed);
  return actor;
}
