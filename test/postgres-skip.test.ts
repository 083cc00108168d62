/**
 * Without a reachable PostgreSQL the database tests still pass on SQLite and say plainly that the
 * PostgreSQL half was skipped; with CI=true the same situation is a failure.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const API_TEST = fileURLToPath(new URL('./api.test.ts', import.meta.url));
const UNREACHABLE = 'postgres://postgres@127.0.0.1:1/test';

function runTests(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // NODE_TEST_CONTEXT would make the inner runner talk to ours instead of printing its report.
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_TEST_CONTEXT: undefined, ...env };
    delete childEnv.NODE_TEST_CONTEXT;
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', API_TEST], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { output += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the PostgreSQL half of the tests', () => {
  it('is skipped, and says so, when PostgreSQL is unreachable outside CI', async () => {
    const { code, output } = await runTests({ TEST_DATABASE_URL: UNREACHABLE, CI: undefined, SAMVERKA_REQUIRE_POSTGRES: undefined });
    assert.equal(code, 0, output);
    assert.match(output, /PostgreSQL half of the database tests is SKIPPED/);
    assert.match(output, /ok \d+ - API on postgres # SKIP PostgreSQL unreachable/);
    assert.match(output, /# pass [1-9]/);
  });

  it('fails when PostgreSQL is required and unreachable', async () => {
    const { code, output } = await runTests({ TEST_DATABASE_URL: UNREACHABLE, CI: 'true' });
    assert.notEqual(code, 0, output);
    assert.match(output, /PostgreSQL at .* is required/);
  });
});
