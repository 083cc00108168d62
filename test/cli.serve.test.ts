/**
 * `samverka serve`, as the README's first command runs it (`npm start` is `serve --init`): a real
 * process on 127.0.0.1 that migrates and seeds an empty database, serves the portal and the API,
 * stops cleanly on SIGTERM, and says in one line when it cannot listen.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCli, type RunningCli } from './support/cli.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'samverka-serve-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Start-up (tsx, migrations, the seed) takes a few seconds here; a loaded CI machine may need far more. */
const START_TIMEOUT_MS = 90_000;

function listening(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listening(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until the server answers /healthz, or fails with what the process printed if it exits or takes too long. */
async function healthy(running: RunningCli, port: number): Promise<void> {
  let exited = false;
  void running.exited.then(() => { exited = true; });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    assert.ok(!exited, `serve exited before answering: ${running.stderr()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  running.child.kill('SIGKILL');
  assert.fail(`serve did not answer /healthz within ${START_TIMEOUT_MS} ms: ${running.stderr()}`);
}

/** The process's exit code once it has ended by itself, killed (code null) if it has not within `ms`. */
async function exitWithin(running: RunningCli, ms: number): Promise<number | null> {
  const timer = setTimeout(() => running.child.kill('SIGKILL'), ms);
  try {
    return await running.exited;
  } finally {
    clearTimeout(timer);
  }
}

async function stopped(running: RunningCli): Promise<number | null> {
  running.child.kill('SIGTERM');
  return exitWithin(running, 20_000);
}

async function apiTotal(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/activities?pageSize=1`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { total: number }).total;
}

describe('samverka serve --init on a new SQLite file (npm start)', () => {
  const file = join(dir, 'portal.sqlite');

  it('migrates, seeds the 19 activities, serves the portal in both languages and the API, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const running = startCli(['serve', '--init', '--port', String(port)], { DATABASE_URL: file });
    try {
      await healthy(running, port);
      assert.match(running.stdout(), /Activities: 19 created, 0 updated, 0 unchanged/);
      const sv = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(sv.status, 200);
      assert.match(await sv.text(), /<html lang="sv"/);
      const en = await fetch(`http://127.0.0.1:${port}/en/`);
      assert.equal(en.status, 200);
      assert.match(await en.text(), /<html lang="en"/);
      assert.equal(await apiTotal(port), 19);
    } finally {
      assert.equal(await stopped(running), 0, running.stderr());
    }
  });

  it('started again on the same file, seeds nothing more and serves what is there', async () => {
    const port = await freePort();
    const running = startCli(['serve', '--init', '--port', String(port)], { DATABASE_URL: file });
    try {
      await healthy(running, port);
      assert.doesNotMatch(running.stdout(), /Activities:/);
      assert.equal(await apiTotal(port), 19);
    } finally {
      assert.equal(await stopped(running), 0, running.stderr());
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`samverka serve on ${dialect.name}, when the port is taken`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    let other: Server;
    let port: number;
    before(async () => {
      t = await freshDatabase(dialect.name);
      other = createServer();
      port = await listening(other);
    });
    after(async () => {
      await new Promise((resolve) => other.close(resolve));
      await t.close();
    });

    it('says so in one line, in the user\'s language, and exits 4 with the database closed', async () => {
      for (const [lang, message] of [['en', /already in use/], ['sv', /används redan/]] as const) {
        const running = startCli(['serve', '--port', String(port)], { DATABASE_URL: t.url, SAMVERKA_LANG: lang });
        // A connection left open (PostgreSQL's pool) would keep the process alive: it must end by itself.
        const code = await exitWithin(running, START_TIMEOUT_MS);
        assert.equal(code, 4, running.stderr());
        const lines = running.stderr().trim().split('\n');
        assert.equal(lines.length, 1, running.stderr());
        assert.match(lines[0]!, new RegExp(`^samverka: .*${port}.*127\\.0\\.0\\.1`));
        assert.match(lines[0]!, message);
      }
    });
  });
}
