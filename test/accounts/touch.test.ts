/** Last-seen times (src/accounts/touch.ts): at most once a minute, awaited or written beside the request, one pending write per record, failures dropped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../../src/db/database.ts';
import { touch } from '../../src/accounts/touch.ts';

/** Only its identity matters to touch(). */
const someDb = () => ({}) as unknown as Db;
const NOW = new Date('2026-12-03T12:00:00.000Z');

describe('touch', () => {
  it('waits for the write when told to', async () => {
    let written = false;
    await touch(someDb(), 'session a', null, NOW, true, async () => { await new Promise((r) => setTimeout(r, 10)); written = true; });
    assert.equal(written, true);
  });

  it('writes the time given when the stored one is missing or a minute old, and nothing when it is younger', async () => {
    const written: string[] = [];
    const write = async (at: string) => { written.push(at); };
    await touch(someDb(), 'token 1', null, NOW, true, write);
    await touch(someDb(), 'token 1', '2026-12-03T11:59:00.000Z', NOW, true, write);
    await touch(someDb(), 'token 1', '2026-12-03T11:59:00.001Z', NOW, true, write);
    await touch(someDb(), 'token 1', '2026-12-03T11:59:59.999Z', NOW, false, write);
    assert.deepEqual(written, [NOW.toISOString(), NOW.toISOString()]);
  });

  it('when not told to wait, returns at once, and writes a record once while its write is pending', async () => {
    const db = someDb();
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const writes: string[] = [];
    const write = (key: string) => async () => { writes.push(key); await held; };
    await touch(db, 'session a', null, NOW, false, write('a'));
    await touch(db, 'session a', null, NOW, false, write('a again'));
    await touch(db, 'session b', null, NOW, false, write('b'));
    await touch(someDb(), 'session a', null, NOW, false, write('a elsewhere'));
    assert.deepEqual(writes, ['a', 'b', 'a elsewhere']);
    release();
    await new Promise((r) => setImmediate(r));
    await touch(db, 'session a', null, NOW, false, write('a later'));
    assert.deepEqual(writes, ['a', 'b', 'a elsewhere', 'a later']);
  });

  it('drops a failed write without an unhandled rejection, and tries again next time', async () => {
    const db = someDb();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let calls = 0;
      const failing = async () => { calls += 1; throw new Error('the database is closed'); };
      await touch(db, 'token 1', null, NOW, false, failing);
      await new Promise((r) => setTimeout(r, 20));
      await touch(db, 'token 1', null, NOW, false, failing);
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(calls, 2);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
