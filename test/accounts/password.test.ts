/** Passwords: argon2id with the agreed parameters, every byte counts, and the length rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions } from '@node-rs/argon2';
import { password } from '../../src/accounts/account.schema.ts';
import { hashPassword, verifyPassword } from '../../src/accounts/password.ts';

describe('passwords', () => {
  it('hashes with argon2id, m=19456, t=2, p=1, salted', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(a, b, 'a new salt every time');
    const options = parseOptions(a);
    assert.equal(options.memoryCost, 19456);
    assert.equal(options.timeCost, 2);
    assert.equal(options.parallelism, 1);
    assert.equal(await verifyPassword(a, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(a, 'correct horse battery stapl'), false);
  });

  it('does not confuse two long passwords that share their first 72 bytes (the bcrypt trap)', async () => {
    const shared = 'å'.repeat(36); // 72 bytes in UTF-8
    assert.equal(Buffer.byteLength(shared), 72);
    const first = `${shared}first ending`;
    const second = `${shared}second ending`;
    const stored = await hashPassword(first);
    assert.equal(await verifyPassword(stored, first), true);
    assert.equal(await verifyPassword(stored, second), false);
    assert.equal(await verifyPassword(stored, shared), false);
  });

  it('needs 12 to 1024 characters', () => {
    assert.equal(password.safeParse('eleven char').success, false);
    assert.equal(password.safeParse('twelve chars').success, true);
    assert.equal(password.safeParse('ö'.repeat(12)).success, true, 'characters, not bytes');
    assert.equal(password.safeParse('x'.repeat(1024)).success, true);
    assert.equal(password.safeParse('x'.repeat(1025)).success, false);
  });

  it('refuses a stored value that is not argon2id', async () => {
    assert.equal(await verifyPassword('$2b$10$abcdefghijklmnopqrstuv', 'anything at all'), false);
    assert.equal(await verifyPassword('', ''), false);
  });
});
