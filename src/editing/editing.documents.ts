/**
 * Reading a record sent for saving: what a GET answered may be sent back as it is, so the fields
 * only an answer carries are dropped, the slug comes from the path when the body has none and may
 * not differ from it, and the one schema of the record validates the rest.
 */
import type { z } from 'zod';
import { ValidationError } from '../shared/errors.ts';
import { toProblems } from '../shared/schema-helpers.ts';

export function parseDocument<S extends z.ZodType<{ slug: string; meta?: unknown }>>(
  schema: S, presentationFields: readonly string[], input: unknown, slug?: string,
): Omit<z.output<S>, 'meta'> {
  const body = input && typeof input === 'object' && !Array.isArray(input) ? { ...input as Record<string, unknown> } : input;
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const field of presentationFields) delete record[field];
    if (slug !== undefined && record.slug === undefined) record.slug = slug;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationError(toProblems(parsed.error));
  if (slug !== undefined && parsed.data.slug !== slug) {
    throw new ValidationError([{ code: 'slug-immutable', path: 'slug', message: { sv: `Kortnamnet kan inte ändras (det är "${slug}").`, en: `The short name cannot be changed (it is "${slug}").` } }]);
  }
  const { meta: _meta, ...document } = parsed.data;
  return document;
}
