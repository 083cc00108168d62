/**
 * Merging after a conflict: the version saved now ("theirs"), the author's version ("mine") and,
 * when the history has it, the version both started from ("base"). Every difference between
 * theirs and mine is a choice; where only one side changed a field, that side is suggested.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ActivityDocument } from '../editing/activity.editing.ts';
import { diffActivities, type DiffEntry } from '../editing/diff.ts';

/** The activity's lists compared item by item (diff paths "participations.<key>"). */
const LISTS = new Set(['countries', 'regions', 'participations', 'funding', 'relations', 'alignment', 'keyFigures', 'results', 'engagements', 'documents']);

export type Side = 'mine' | 'theirs';

export interface MergeChoice {
  entry: DiffEntry;
  /** The side suggested by the base version, when only one side changed the field. */
  suggested: Side | undefined;
}

const plain = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)) as T);

type Doc = object;
type Differ<D> = (before: D, after: D) => DiffEntry[];

/** The differences between theirs and mine (publication aside, which the workflow owns). */
export function mergeChoices<D extends Doc = ActivityDocument>(theirs: D, mine: D, base?: D, diff: Differ<D> = diffActivities as unknown as Differ<D>): MergeChoice[] {
  const same = (doc: D, like: D): D => ('publication' in like ? { ...doc, publication: (like as { publication: unknown }).publication } : doc);
  return diff(theirs, same(mine, theirs)).filter((e) => e.path !== 'publication').map((entry) => {
    if (!base) return { entry, suggested: undefined };
    const fromBase = (doc: D) => diff(base, same(doc, base)).find((d) => d.path === entry.path);
    const mineChanged = fromBase(mine) !== undefined;
    const theirsChanged = fromBase(theirs) !== undefined;
    return { entry, suggested: mineChanged && !theirsChanged ? 'mine' : theirsChanged && !mineChanged ? 'theirs' : undefined };
  });
}

/** Theirs, with the entries chosen as "mine" applied to it. */
export function applyChoices<D = ActivityDocument>(theirs: D, chosen: DiffEntry[]): D {
  const out = plain(theirs) as unknown as Record<string, unknown>;
  for (const entry of chosen) {
    const [head, ...rest] = entry.path.split('.');
    if (head && LISTS.has(head) && rest.length > 0) {
      // Theirs is "before" and mine is "after" in these entries.
      const list = [...(out[head] as unknown[])];
      const at = entry.before === undefined ? -1 : list.findIndex((x) => isDeepStrictEqual(plain(x), entry.before));
      if (entry.change === 'added') list.push(entry.after);
      else if (entry.change === 'removed') { if (at >= 0) list.splice(at, 1); }
      else if (at >= 0) list[at] = entry.after;
      else list.push(entry.after);
      out[head] = list;
    } else if (head) {
      const path = entry.path.split('.');
      let node = out;
      for (const p of path.slice(0, -1)) {
        const next = node[p];
        node = (next && typeof next === 'object' ? next : (node[p] = {})) as Record<string, unknown>;
      }
      const last = path.at(-1)!;
      if (entry.after === undefined) delete node[last];
      else node[last] = plain(entry.after);
    }
  }
  return out as unknown as D;
}
