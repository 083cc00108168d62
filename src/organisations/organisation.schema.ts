/** The one schema for an organisation, shared by the seed file, the JSON importer, the API and the forms. */
import { z } from 'zod';
import { OPEN_CODELISTS } from '../reference/codes.ts';
import { COUNTRY_CODES } from '../reference/iati-codes.generated.ts';
import { bilingual, isoTimestamp, openCode, provenance, slug, text } from '../shared/schema-helpers.ts';

export const countryCode = z.enum(COUNTRY_CODES as [string, ...string[]]);
/** An IATI OrganisationType code: one the registry's copy of the list does not have is kept, and reported by check. */
export const organisationType = openCode(OPEN_CODELISTS.OrganisationType);
export const webAddress = z.url({ protocol: /^https?$/, error: 'url' }).max(2000);

/** Read-only bookkeeping that the export carries so an import into an empty database is exact. */
export const recordMeta = z.strictObject({
  version: z.number().int().min(1),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type RecordMeta = z.infer<typeof recordMeta>;

/** An organisation's bookkeeping also says when it was soft-deleted, so a full export keeps that. */
export const organisationMeta = recordMeta.extend({ deletedAt: isoTimestamp.optional() });

export const organisationSchema = z.strictObject({
  slug,
  name: bilingual(300),
  acronym: text(40).optional(),
  type: organisationType.optional(),
  country: countryCode.optional(),
  iatiRef: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'invalid' }).max(120).optional(),
  website: webAddress.optional(),
  parent: slug.optional(),
  provenance: z.array(provenance).default([]),
  meta: organisationMeta.optional(),
});
export type OrganisationInput = z.input<typeof organisationSchema>;
export type Organisation = z.output<typeof organisationSchema>;
