/**
 * Strict-Transport-Security is sent when the portal is served over HTTPS: when PUBLIC_ORIGIN is
 * https://, or when a trusted proxy says the request came over HTTPS. A plain http:// run (the
 * README's first command) gets none, on every kind of answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/server.ts';
import { freshDatabase, type TestDatabase } from './support/databases.ts';

describe('Strict-Transport-Security', () => {
  let t: TestDatabase;
  const apps: FastifyInstance[] = [];
  const serve = async (options: Parameters<typeof buildServer>[1]) => {
    const app = await buildServer(t.db, { logLevel: 'silent', ...options });
    apps.push(app);
    return app.listen({ host: '127.0.0.1', port: 0 });
  };
  const hsts = async (url: string, headers: Record<string, string> = {}) => (await fetch(url, { headers, redirect: 'manual' })).headers.get('strict-transport-security');
  before(async () => {
    t = await freshDatabase('sqlite');
  });
  after(async () => {
    for (const app of apps) await app.close();
    await t?.close();
  });

  it('is not sent over plain HTTP, even when a client claims HTTPS to a server that trusts no proxy', async () => {
    const base = await serve({});
    for (const path of ['/', '/healthz', '/api/activities', '/finns-inte', '/edit']) assert.equal(await hsts(`${base}${path}`), null, path);
    assert.equal(await hsts(`${base}/`, { 'x-forwarded-proto': 'https' }), null);
  });

  it('is sent on every answer when the public origin is https://', async () => {
    const base = await serve({ publicOrigin: 'https://samverka.example.se' });
    for (const path of ['/', '/healthz', '/api/activities', '/finns-inte', '/edit']) assert.equal(await hsts(`${base}${path}`), 'max-age=31536000', path);
  });

  it('is sent when a trusted proxy says the request came over HTTPS', async () => {
    const base = await serve({ trustProxy: true });
    assert.equal(await hsts(`${base}/`, { 'x-forwarded-proto': 'https' }), 'max-age=31536000');
    assert.equal(await hsts(`${base}/`, { 'x-forwarded-proto': 'http' }), null);
  });
});
