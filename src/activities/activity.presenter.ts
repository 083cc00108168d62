/** What the API sends for an activity: the document shape, plus derived links, never a raw row. */
import type { Activity } from './activity.schema.ts';

export interface ActivityView extends Omit<Activity, 'meta'> {
  version: number;
  updatedAt: string;
  url: string;
}

export function presentActivity(a: Activity, baseUrl = ''): ActivityView {
  const { meta, ...rest } = a;
  return { ...rest, version: meta?.version ?? 1, updatedAt: meta?.updatedAt ?? '', url: `${baseUrl}/api/activities/${a.slug}` };
}
