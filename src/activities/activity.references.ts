/** The organisations an activity names, each with the field that names it. */
import type { Activity } from './activity.schema.ts';

/**
 * Participations, funders, channels, engagements' home organisations, the issuers of other
 * identifiers and the organisation that reports the activity to IATI, as [slug, field path].
 * External relation targets are left out: they are checked with the relations, which are written
 * after every activity of a save exists.
 */
export function namedOrganisations(a: Pick<Activity, 'participations' | 'funding' | 'engagements' | 'otherIdentifiers' | 'reportedBy'>): [string, string][] {
  return [
    ...a.participations.map((p, i): [string, string] => [p.organisation, `participations.${i}.organisation`]),
    ...a.funding.flatMap((f, i) => [
      ...(f.funder === undefined ? [] : [[f.funder, `funding.${i}.funder`] as [string, string]]),
      ...(f.via === undefined ? [] : [[f.via, `funding.${i}.via`] as [string, string]]),
    ]),
    ...a.engagements.flatMap((e, i) => e.homeOrganisations.map((o, j): [string, string] => [o, `engagements.${i}.homeOrganisations.${j}`])),
    ...a.otherIdentifiers.flatMap((o, i): [string, string][] => (o.owner === undefined ? [] : [[o.owner, `otherIdentifiers.${i}.owner`]])),
    ...(a.reportedBy === undefined ? [] : [[a.reportedBy, 'reportedBy'] as [string, string]]),
  ];
}
