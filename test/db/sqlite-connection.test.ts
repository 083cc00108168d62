/**
 * A SQLite connection's settings as openDatabase makes them: the page cache (resident memory) has
 * the fixed size connect.ts documents, whatever the build's default, and foreign keys are enforced.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, SQLITE_CACHE_KIB } from '../../src/db/connect.ts';

describe('SQLite connection settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverka-connection-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fixes the page cache at its documented size and keeps foreign keys on', async () => {
    const db = await openDatabase(join(dir, 'a.sqlite'));
    try {
      const cache = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
      assert.equal(SQLITE_CACHE_KIB, 16_000);
      assert.deepEqual(cache.rows, [{ cache_size: -SQLITE_CACHE_KIB }]);
      const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      assert.deepEqual(keys.rows, [{ foreign_keys: 1 }]);
    } finally {
      await db.destroy();
    }
  });
});
