/**
 * The line an activity stands in: what came before it and what followed, through the relations
 * that mean succession (continuation, pre-study led to, integrated into, succeeded by, moved to).
 */
import type { Db } from '../db/database.ts';
import type { Bilingual } from '../shared/i18n.ts';

export type LineageStep =
  | { kind: 'activity'; slug: string; title: Bilingual; current: boolean }
  | { kind: 'external'; name: Bilingual };

/** Relation types read as "source comes before target" (true) or "target comes before source" (false). */
const FORWARD: Record<string, boolean> = {
  'succeeded-by': true, 'pre-study-led-to': true, 'integrated-into': true, 'moved-to': true, 'continuation-of': false,
};

interface Edge { before: string; after: string }

export async function lineageOf(db: Db, slug: string): Promise<LineageStep[]> {
  const rows = await db.selectFrom('relations')
    .innerJoin('activities as src', 'src.id', 'relations.activity_id')
    .leftJoin('activities as dst', 'dst.id', 'relations.target_activity_id')
    .select(['src.slug as source', 'dst.slug as target', 'dst.publication as targetPublication', 'relations.relation_type as type', 'relations.target_name_sv', 'relations.target_name_en'])
    .where('src.publication', '=', 'published')
    .where('relations.relation_type', 'in', Object.keys(FORWARD))
    .execute();
  const edges: Edge[] = [];
  const externals = new Map<string, Bilingual>();
  for (const r of rows) {
    let target: string;
    if (r.target) {
      if (r.targetPublication !== 'published') continue;
      target = r.target;
    } else {
      target = `external:${r.target_name_en ?? r.target_name_sv ?? ''}`;
      externals.set(target, { sv: r.target_name_sv ?? undefined, en: r.target_name_en ?? undefined });
    }
    edges.push(FORWARD[r.type] ? { before: r.source, after: target } : { before: target, after: r.source });
  }
  const chain = [slug];
  const seen = new Set(chain);
  for (let node = slug; ;) {
    const prev = edges.find((e) => e.after === node && !seen.has(e.before));
    if (!prev) break;
    chain.unshift(prev.before);
    seen.add(prev.before);
    node = prev.before;
  }
  for (let node = slug; ;) {
    const next = edges.find((e) => e.before === node && !seen.has(e.after));
    if (!next) break;
    chain.push(next.after);
    seen.add(next.after);
    node = next.after;
  }
  if (chain.length < 2) return [];
  const slugs = chain.filter((s) => !s.startsWith('external:'));
  const titles = await db.selectFrom('activity_texts').innerJoin('activities', 'activities.id', 'activity_texts.activity_id')
    .select(['activities.slug', 'activity_texts.lang', 'activity_texts.title']).where('activities.slug', 'in', slugs).execute();
  return chain.map((s): LineageStep => {
    if (s.startsWith('external:')) return { kind: 'external', name: externals.get(s) ?? {} };
    const title: Bilingual = {};
    for (const t of titles.filter((x) => x.slug === s)) if (t.title) title[t.lang as 'sv' | 'en'] = t.title;
    return { kind: 'activity', slug: s, title, current: s === slug };
  });
}
