/**
 * The one errors module. Every error a user can see carries a stable code (which doubles as the
 * translation key), the path of the field it concerns, and a message in Swedish and English.
 */
import type { Message } from './i18n.ts';

export interface FieldProblem {
  code: string;
  /** Where: a record ("activities[3] vct-project") and a field path ("dates.plannedEnd"). */
  record?: string | undefined;
  path: string;
  message: Message;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly messages: Message,
    readonly status = 400,
    readonly problems: FieldProblem[] = [],
    /** Further members of the problem+json answer (e.g. a conflict's current version). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messages.en);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(problems: FieldProblem[], summary?: Message) {
    super('validation-failed', summary ?? {
      sv: `Uppgifterna innehåller ${problems.length} fel.`,
      en: `The data has ${problems.length} ${problems.length === 1 ? 'error' : 'errors'}.`,
    }, 400, problems);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: Message) {
    super('not-found', what, 404);
    this.name = 'NotFoundError';
  }
}

/** Configuration and connection failures: said in one line, never a stack trace. */
export class ConfigError extends AppError {
  constructor(messages: Message) {
    super('configuration', messages, 500);
    this.name = 'ConfigError';
  }
}

/**
 * The database could not take the write in time: on SQLite another transaction (an import, as a
 * rule) held the write lock for longer than the busy timeout. Nothing of the request was stored.
 */
export class DatabaseBusyError extends AppError {
  /** Seconds after which trying again is worthwhile (the Retry-After header). */
  static readonly RETRY_AFTER = 10;

  constructor() {
    super('database-busy', {
      sv: 'Registret är upptaget just nu, till exempel av en import som sparas. Ingenting av det du skickade har sparats. Försök igen om en stund.',
      en: 'The register is busy at the moment, for example with an import being saved. Nothing of what you sent has been saved. Please try again in a moment.',
    }, 503);
    this.name = 'DatabaseBusyError';
  }
}

export function describeProblem(p: FieldProblem, lang: 'sv' | 'en' = 'en'): string {
  const where = [p.record, p.path].filter(Boolean).join(' › ');
  return `${where ? `${where}: ` : ''}${p.message[lang]} [${p.code}]`;
}
