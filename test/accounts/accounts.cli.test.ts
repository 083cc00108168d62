/** `samverka user …` and `samverka token …` through the real command, passwords on standard input. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../src/accounts/audit.ts';
import { buildServer } from '../../src/server/server.ts';
import { runCli } from '../support/cli.ts';
import { Client } from '../support/accounts.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`samverka user and token on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const cli = (args: string[], input?: string, env: Record<string, string> = {}) => runCli(['--database', t.url, ...args], env, input);
    before(async () => {
      t = await freshDatabase(dialect.name);
      app = await buildServer(t.db, { logLevel: 'silent' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    it('adds a user with the password from standard input, never from an argument', async () => {
      const added = await cli(['user', 'add', '--email', 'Ada@Example.se', '--role', 'admin', '--name', 'Ada Lovelace'], 'a long admin password\n');
      assert.equal(added.code, 0, added.stderr);
      assert.match(added.stdout, /Added ada@example\.se with the role admin\./);
      assert.equal((await new Client(base).signIn('ada@example.se', 'a long admin password')).status, 303);
      const help = await cli(['user', 'add', '--help']);
      assert.doesNotMatch(help.stdout, /--password/);
      const unknownOption = await cli(['user', 'add', '--email', 'x@example.se', '--role', 'viewer', '--password', 'in the arguments'], '');
      assert.equal(unknownOption.code, 2);
    });

    it('refuses bad input with exit code 3 and says why, in the chosen language', async () => {
      const short = await cli(['user', 'add', '--email', 'bo@example.se', '--role', 'editor'], 'short\n', { SAMVERKA_LANG: 'sv' });
      assert.equal(short.code, 3);
      assert.match(short.stderr, /Lösenordet måste ha minst 12 tecken\./);
      const duplicate = await cli(['user', 'add', '--email', 'ADA@example.se', '--role', 'viewer'], 'another long password\n');
      assert.equal(duplicate.code, 3);
      assert.match(duplicate.stderr, /There is already a user with ada@example\.se\./);
      const role = await cli(['user', 'add', '--email', 'bo@example.se', '--role', 'boss'], 'another long password\n');
      assert.equal(role.code, 2);
      const unknown = await cli(['user', 'disable', '--email', 'nobody@example.se']);
      assert.equal(unknown.code, 3);
      assert.match(unknown.stderr, /There is no user with the e-mail address nobody@example\.se\./);
      const lastAdmin = await cli(['user', 'set-role', '--email', 'ada@example.se', '--role', 'editor']);
      assert.equal(lastAdmin.code, 3);
      assert.match(lastAdmin.stderr, /only enabled admin/);
    });

    it('lists, disables, enables, resets passwords and changes roles', async () => {
      assert.equal((await cli(['user', 'add', '--email', 'bo@example.se', '--role', 'editor'], 'bo has a long password\n')).code, 0);
      const list = await cli(['user', 'list', '--json']);
      assert.equal(list.code, 0);
      const users = JSON.parse(list.stdout) as { email: string; role: string; disabled: boolean; name: string | null }[];
      assert.deepEqual(users.map((u) => [u.email, u.role, u.disabled, u.name]), [['ada@example.se', 'admin', false, 'Ada Lovelace'], ['bo@example.se', 'editor', false, null]]);
      const text = await cli(['user', 'list'], undefined, { SAMVERKA_LANG: 'sv' });
      assert.match(text.stdout, /bo@example\.se\s+redaktör\s+aktiv/);

      const session = new Client(base);
      assert.equal((await session.signIn('bo@example.se', 'bo has a long password')).status, 303);
      assert.equal((await cli(['user', 'disable', '--email', 'bo@example.se'])).code, 0);
      assert.equal((await session.fetch('/edit/account')).status, 303, 'disabling ends the session');
      assert.equal((await new Client(base).signIn('bo@example.se', 'bo has a long password')).status, 401);
      assert.equal((await cli(['user', 'enable', '--email', 'bo@example.se'])).code, 0);
      const reset = await cli(['user', 'reset-password', '--email', 'bo@example.se'], 'the new one for bo\n');
      assert.equal(reset.code, 0, reset.stderr);
      assert.equal((await new Client(base).signIn('bo@example.se', 'bo has a long password')).status, 401);
      assert.equal((await new Client(base).signIn('bo@example.se', 'the new one for bo')).status, 303);
      assert.equal((await cli(['user', 'set-role', '--email', 'bo@example.se', '--role', 'reviewer'])).code, 0);
      assert.equal(JSON.parse((await cli(['user', 'list', '--json'])).stdout)[1].role, 'reviewer');
    });

    it('creates a token and prints it once, lists tokens without them, and revokes', async () => {
      const created = await cli(['token', 'create', '--email', 'bo@example.se', '--name', 'import script']);
      assert.equal(created.code, 0, created.stderr);
      const token = created.stdout.trim();
      assert.match(token, /^samverka_[A-Za-z0-9_-]{43}$/);
      assert.match(created.stderr, /It is shown only now/);
      const asBo = await fetch(`${base}/edit/account`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(asBo.status, 200);
      const list = await cli(['token', 'list', '--email', 'bo@example.se', '--json']);
      const tokens = JSON.parse(list.stdout) as { id: number; name: string; prefix: string; revokedAt: string | null }[];
      assert.equal(tokens.length, 1);
      assert.equal(tokens[0]!.name, 'import script');
      assert.ok(token.startsWith(tokens[0]!.prefix));
      assert.doesNotMatch(list.stdout, new RegExp(token.slice(20)), 'the token itself is never shown again');
      const revoked = await cli(['token', 'revoke', '--id', String(tokens[0]!.id)]);
      assert.equal(revoked.code, 0);
      assert.equal((await fetch(`${base}/edit/account`, { headers: { authorization: `Bearer ${token}` } })).status, 401);
      assert.equal((await cli(['token', 'revoke', '--id', String(tokens[0]!.id)])).code, 3);
      assert.equal((await cli(['token', 'revoke', '--id', '9999'])).code, 3);
    });

    it('writes every admin action from the command line to the audit log, with no actor', async () => {
      const entries = await listAudit(t.db, 100);
      const actions = entries.filter((e) => e.actorUserId === null && e.action !== 'sign-in-failed').map((e) => e.action).reverse();
      assert.deepEqual(actions, ['user-added', 'user-added', 'user-disabled', 'user-enabled', 'password-reset', 'role-changed', 'token-created', 'token-revoked']);
    });
  });
}
