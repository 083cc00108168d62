/** What the API sends for an activity: the document shape, plus derived links, never a raw row. */
import type { Activity } from './activity.schema.ts';

export interface IncomingRelation {
  from: string;
  type: string;
  basis: string;
}

export interface ActivityView extends Omit<Activity, 'meta'> {
  version: number;
  updatedAt: string;
  url: string;
  /** Relations other activities hold towards this one, read from their side ("continued by"). */
  relatedFrom?: IncomingRelation[];
}

export function presentActivity(a: Activity, incoming?: IncomingRelation[]): ActivityView {
  const { meta, ...rest } = a;
  const view: ActivityView = { ...rest, version: meta?.version ?? 1, updatedAt: meta?.updatedAt ?? '', url: `/api/activities/${a.slug}` };
  if (incoming) view.relatedFrom = incoming;
  return view;
}
