/** The OpenAPI document: valid 3.1 in shape, every registered /api route in it, and its readable page in both languages. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/server.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';

type Json = Record<string, unknown>;
/** Python's openapi-spec-validator checks the whole 3.1 specification, when the machine has it. */
const validatorSkip = spawnSync('python3', ['-c', 'import openapi_spec_validator'], { encoding: 'utf8' }).status === 0
  ? false : 'python3 with openapi-spec-validator is not installed (pip install openapi-spec-validator)';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** Every route Fastify registered, read from its route tree: "METHOD /full/path". */
function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = Math.round(at / 4);
    const match = /── (.*?) \(([^)]*)\)$/.exec(line) ?? /── (.*)$/.exec(line);
    if (!match) continue;
    const segment = match[1]!;
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    const full = depth === 0 ? segment : `${parent.replace(/\/$/, '')}/${segment.replace(/^\//, '')}`;
    stack[depth] = full;
    stack.length = depth + 1;
    for (const method of (match[2] ?? '').split(',').map((m) => m.trim()).filter((m) => m && m !== 'HEAD')) out.push(`${method} ${full}`);
  }
  return out;
}

describe('OpenAPI document', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let doc: Json;
  before(async () => {
    t = await freshDatabase('sqlite');
    app = await buildServer(t.db, { logLevel: 'silent' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${base}/api/openapi.json`);
    assert.equal(res.status, 200);
    doc = await res.json() as Json;
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  it('has the shape of OpenAPI 3.1 and every reference resolves', () => {
    assert.match(String(doc.openapi), /^3\.1\.\d+$/);
    const info = doc.info as Json;
    assert.equal(typeof info.title, 'string');
    assert.equal(typeof info.version, 'string');
    const components = doc.components as { schemas: Json; securitySchemes: Record<string, Json> };
    assert.deepEqual(Object.keys(components.securitySchemes).sort(), ['bearer', 'cookie']);
    assert.equal(components.securitySchemes.bearer!.type, 'http');
    assert.equal(components.securitySchemes.bearer!.scheme, 'bearer');
    assert.equal(components.securitySchemes.cookie!.in, 'cookie');
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(paths)) {
      assert.match(path, /^\//);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        assert.ok(METHODS.includes(method), `${method} ${path}`);
        assert.ok(op.responses && Object.keys(op.responses as Json).length > 0, `${method} ${path} has responses`);
        for (const status of Object.keys(op.responses as Json)) assert.match(status, /^[1-5]\d\d$/);
        assert.ok(typeof op.summary === 'string' && typeof op['x-summary-sv'] === 'string', `${method} ${path} is described in both languages`);
        const id = String(op.operationId);
        assert.ok(!operationIds.has(id), `operationId ${id} is unique`);
        operationIds.add(id);
        const parameters = (op.parameters ?? []) as Json[];
        for (const p of parameters) {
          assert.ok(['path', 'query', 'header', 'cookie'].includes(String(p.in)));
          assert.ok(p.schema, `${p.name} has a schema`);
          if (p.in === 'path') assert.equal(p.required, true);
        }
        const inPath = parameters.filter((p) => p.in === 'path').map((p) => p.name).sort();
        assert.deepEqual(inPath, [...templated].sort(), `${method} ${path} declares its path parameters`);
      }
    }
    // Every $ref points at something that exists.
    const refs: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref') refs.push(String(x));
          else walk(x);
        }
      }
    };
    walk(doc);
    assert.ok(refs.length > 10);
    for (const r of refs) {
      const target = r.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
      assert.ok(target, `${r} resolves`);
    }
    // The input schemas come from the zod schemas the routes use.
    const activity = components.schemas.ActivityInput as { properties: Record<string, Json>; required: string[] };
    assert.ok(activity.required.includes('slug') && activity.properties.kind!.enum);
  });

  it('passes openapi-spec-validator', { skip: validatorSkip }, () => {
    const check = spawnSync('python3', ['-c', 'import json, sys; from openapi_spec_validator import validate; validate(json.load(sys.stdin)); print("valid")'], { input: JSON.stringify(doc), encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr.slice(-2000));
    assert.equal(check.stdout.trim(), 'valid');
  });

  it('lists every registered /api route, and nothing that is not registered', () => {
    const registered = registeredRoutes(app).filter((r) => r.split(' ')[1]!.startsWith('/api/')).sort();
    assert.ok(registered.length >= 20, registered.join('\n'));
    const paths = doc.paths as Record<string, Json>;
    const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)).sort();
    assert.deepEqual(documented, registered);
  });

  it('renders the documentation page in Swedish and English, linked from open data', async () => {
    for (const [path, lang, heading] of [['/api-docs', 'sv', 'API-dokumentation'], ['/en/api-docs', 'en', 'API documentation']] as const) {
      const res = await fetch(`${base}${path}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      assert.match(html, new RegExp(`<h1>${heading}</h1>`));
      assert.match(html, /PUT \/api\/activities\/\{slug\}/);
      assert.match(html, /href="\/api\/openapi\.json"/);
    }
    assert.match(await (await fetch(`${base}/open-data`)).text(), /href="\/api-docs"/);
    assert.match(await (await fetch(`${base}/en/open-data`)).text(), /href="\/en\/api-docs"/);
  });
});
