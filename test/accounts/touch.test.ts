/** Last-seen times written beside a request (src/accounts/touch.ts): awaited or not, one pending write per record, failures dropped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../../src/db/database.ts';
import { touch } from '../../src/accounts/touch.ts';

/** Only its identity matters to touch(). */
const someDb = () => ({}) as unknown as Db;

describe('touch', () => {
  it('waits for the write when told to', async () => {
    let written = false;
    await touch(someDb(), 'session a', true, async () => { await new Promise((r) => setTimeout(r, 10)); written = true; });
    assert.equal(written, true);
  });

  it('otherwise returns at once, and writes a record once while its write is pending', async () => {
    const db = someDb();
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const writes: string[] = [];
    const write = (key: string) => async () => { writes.push(key); await held; };
    await touch(db, 'session a', false, write('a'));
    await touch(db, 'session a', false, write('a again'));
    await touch(db, 'session b', false, write('b'));
    await touch(someDb(), 'session a', false, write('a elsewhere'));
    assert.deepEqual(writes, ['a', 'b', 'a elsewhere']);
    release();
    await new Promise((r) => setImmediate(r));
    await touch(db, 'session a', false, write('a later'));
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
      await touch(db, 'token 1', false, failing);
      await new Promise((r) => setTimeout(r, 20));
      await touch(db, 'token 1', false, failing);
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(calls, 2);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
