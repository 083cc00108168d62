/** The JSON portfolio document: what `export --format json` writes and `import FILE.json` reads. */
import { z } from 'zod';
import { recordMeta } from '../organisations/organisation.schema.ts';
import { bilingual, isoTimestamp, slug, text } from '../shared/schema-helpers.ts';

export const PORTFOLIO_FORMAT = 'samverka-portfolio';
export const PORTFOLIO_FORMAT_VERSION = 1;

export const sourceSchema = z.strictObject({
  slug,
  title: bilingual(300),
  /** Where the source can be found: a file name or a web address. */
  location: text(500).optional(),
  meta: recordMeta.optional(),
});
export type Source = z.output<typeof sourceSchema>;

/** The envelope; organisations and activities are validated one by one so errors name the record. */
export const portfolioEnvelope = z.strictObject({
  format: z.literal(PORTFOLIO_FORMAT),
  formatVersion: z.literal(PORTFOLIO_FORMAT_VERSION),
  generatedAt: isoTimestamp.optional(),
  publisher: z.strictObject({ iatiRef: text(120), name: bilingual(300) }).optional(),
  sources: z.array(z.unknown()).default([]),
  organisations: z.array(z.unknown()).default([]),
  activities: z.array(z.unknown()).default([]),
});
