/** Loads the reviewed seed portfolio into a database; running it twice changes nothing. */
import type { Db } from '../db/database.ts';
import { importPortfolio, type ImportSummary } from '../exchange/portfolio.ts';
import { parseSeedPortfolio, SEED_SOURCE } from './portfolio.ts';

export async function seedDatabase(db: Db, options: { now?: string } = {}): Promise<ImportSummary> {
  const { organisations, activities } = parseSeedPortfolio();
  const source = { slug: SEED_SOURCE.slug, title: { ...SEED_SOURCE.title }, location: SEED_SOURCE.file };
  return importPortfolio(db, { sources: [source], organisations, activities }, options);
}
