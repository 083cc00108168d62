/** The accounts migration goes down and up again on both dialects. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { DIALECTS, freshDatabase } from '../support/databases.ts';

const TABLES = ['users', 'sessions', 'api_tokens', 'rate_limits', 'audit_log', 'server_keys'];

for (const dialect of DIALECTS) {
  describe(`accounts migration on ${dialect.name}`, { skip: dialect.skip }, () => {
    it('drops its tables going down and creates them again going up', async () => {
      const t = await freshDatabase(dialect.name);
      try {
        const exists = async (table: string) => {
          try {
            await sql`select 1 from ${sql.table(table)} limit 1`.execute(t.db);
            return true;
          } catch {
            return false;
          }
        };
        for (const table of TABLES) assert.equal(await exists(table), true, table);
        for (let i = 0; i < 20; i += 1) {
          const undone = await migrateDown(t.db);
          if (undone.length === 0 || undone.includes('2026120101_accounts')) break;
        }
        for (const table of TABLES) assert.equal(await exists(table), false, `${table} after down`);
        assert.ok((await migrateToLatest(t.db)).includes('2026120101_accounts'));
        for (const table of TABLES) assert.equal(await exists(table), true, `${table} after up`);
      } finally {
        await t.close();
      }
    });
  });
}
