/**
 * Where the seed tests get the portfolio from: the seed data loaded into a real SQLite file and
 * read back through the JSON export, so every asserted fact has survived storage and export.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from '../activities/activity.schema.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { exportPortfolio } from '../exchange/portfolio.ts';
import type { Organisation } from '../organisations/organisation.schema.ts';
import { seedDatabase } from './load-seed.ts';

export async function seededPortfolio(): Promise<{ organisations: Organisation[]; activities: Activity[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'samverka-seed-'));
  const db = await openDatabase(join(dir, 'seed.sqlite'));
  try {
    await migrateToLatest(db);
    await seedDatabase(db);
    const exported = JSON.parse(JSON.stringify(await exportPortfolio(db))) as { organisations: Organisation[]; activities: Activity[] };
    return { organisations: exported.organisations, activities: exported.activities };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
