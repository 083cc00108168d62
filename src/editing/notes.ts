/**
 * Internal notes: a staff conversation on an activity or an organisation. A note is never part of
 * the record's document, so it never reaches the portal, the exports, IATI, the search index or
 * the anonymous API; only the editing routes read it. Viewers read notes, editors and above add them.
 * Notes are not edited or deleted: they are a conversation, and the next note corrects the last.
 */
import { z } from 'zod';
import type { Actor } from '../accounts/access.ts';
import type { Db } from '../db/database.ts';
import { AppError, ValidationError, type FieldProblem } from '../shared/errors.ts';
import { freeText, toProblems } from '../shared/schema-helpers.ts';
import { activityNotFound, authorize, organisationNotFound } from './editing.errors.ts';
import type { Entity } from './revisions.ts';

export const NOTE_MAX_LENGTH = 4000;

/** The one input of a note, for the API and the form alike. */
export const noteInputSchema = z.strictObject({
  body: freeText().trim().min(1).max(NOTE_MAX_LENGTH),
});
export type NoteInput = z.output<typeof noteInputSchema>;

export interface InternalNote {
  id: number;
  body: string;
  author: { id: number; name: string };
  createdAt: string;
}

/** The record's id; a deleted one is seen by admins (and the command line) only, as everywhere in editing. */
async function entityId(db: Db, actor: Actor | null, entity: Entity, slug: string): Promise<number> {
  const seesDeleted = actor === null || actor.role === 'admin';
  if (entity === 'activity') {
    const row = await db.selectFrom('activities').select(['id', 'publication']).where('slug', '=', slug).executeTakeFirst();
    if (!row || (row.publication === 'deleted' && !seesDeleted)) throw activityNotFound(slug);
    return row.id;
  }
  const row = await db.selectFrom('organisations').select(['id', 'deleted_at']).where('slug', '=', slug).executeTakeFirst();
  if (!row || (row.deleted_at !== null && !seesDeleted)) throw organisationNotFound(slug);
  return row.id;
}

export function parseNoteInput(input: unknown): NoteInput {
  const parsed = noteInputSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ValidationError(toProblems(parsed.error).map(noteProblem));
  return parsed.data;
}

/** The schema's codes (required, wrong-type, empty, too-long), said of a note. */
function noteProblem(p: FieldProblem): FieldProblem {
  if (p.path !== 'body') return p;
  if (p.code === 'too-long') {
    return { ...p, message: { sv: `Anteckningen får vara högst ${NOTE_MAX_LENGTH} tecken lång.`, en: `The note may be at most ${NOTE_MAX_LENGTH} characters long.` } };
  }
  return { ...p, message: { sv: 'Skriv en anteckning.', en: 'Write a note.' } };
}

/**
 * Adds a note (editor and above) by the actor; the command line (actor null) has no user to sign
 * it with and cannot add notes.
 */
export async function addNote(db: Db, actor: Actor | null, entity: Entity, slug: string, input: unknown, options: { now?: string } = {}): Promise<InternalNote> {
  authorize(actor, 'editor');
  if (actor === null) {
    throw new AppError('note-needs-author', { sv: 'En anteckning behöver en författare: skriv den som inloggad användare.', en: 'A note needs an author: write it as a signed-in user.' }, 400);
  }
  const { body } = parseNoteInput(input);
  const id = await entityId(db, actor, entity, slug);
  const createdAt = options.now ?? new Date().toISOString();
  const row = await db.insertInto('internal_notes')
    .values({ entity, entity_id: id, author_id: actor.userId, body, created_at: createdAt })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, body, author: { id: actor.userId, name: actor.name ?? actor.email }, createdAt };
}

/** A record's notes with their authors' names (or e-mail), newest first (viewer and above). */
export async function listNotes(db: Db, actor: Actor | null, entity: Entity, slug: string): Promise<InternalNote[]> {
  authorize(actor, 'viewer');
  const id = await entityId(db, actor, entity, slug);
  const rows = await db.selectFrom('internal_notes as n').innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'n.author_id', 'u.name', 'u.email'])
    .where('n.entity', '=', entity).where('n.entity_id', '=', id)
    .orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, body: r.body, author: { id: r.author_id, name: r.name ?? r.email }, createdAt: r.created_at }));
}
