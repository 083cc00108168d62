/** Slug → id maps, resolved once per import, so records can point at each other by slug. */
import type { Db } from './database.ts';

export interface References {
  organisations: Map<string, number>;
  activities: Map<string, number>;
  sources: Map<string, number>;
}

export async function loadReferences(db: Db): Promise<References> {
  const [organisations, activities, sources] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'slug']).execute(),
    db.selectFrom('activities').select(['id', 'slug']).execute(),
    db.selectFrom('sources').select(['id', 'slug']).execute(),
  ]);
  const map = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));
  return { organisations: map(organisations), activities: map(activities), sources: map(sources) };
}
