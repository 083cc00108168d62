/**
 * The content hash stays what it was when hashes were first stored (migration 2026120103): rows
 * keep their hash, and a changed hash function would count every stored activity as changed at
 * the next import. Checked against the first implementation, kept here, on the seed, on generated
 * activities and on awkward values.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { contentHash } from '../../src/activities/activity.hash.ts';
import type { Activity } from '../../src/activities/activity.schema.ts';
import { parseSeedPortfolio } from '../../src/seed/portfolio.ts';
import { generatedActivity } from '../iati/generated-portfolio.ts';

/** The implementation the stored hashes were made with. */
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : firstCanonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${firstCanonicalJson(record[k])}`).join(',')}}`;
}
function firstHash(a: Activity): string {
  const { meta: _meta, ...rest } = a;
  return createHash('sha256').update(firstCanonicalJson(rest)).digest('hex');
}

describe('activity content hash', () => {
  it('is the hash the first implementation made, for the seed and generated activities', () => {
    const activities = [...parseSeedPortfolio().activities, ...Array.from({ length: 200 }, (_, i) => generatedActivity(i))];
    assert.ok(activities.length > 200);
    for (const a of activities) assert.equal(contentHash(a), firstHash(a), a.slug);
  });
  it('leaves out undefined properties and meta, keeps undefined in arrays as null, and sorts keys', () => {
    const base = generatedActivity(1);
    const odd = { ...base, extra: undefined, texts: { en: base.texts.en, sv: base.texts.sv }, weird: [undefined, Number.NaN, -0, 'å"\\\n', { b: 1, a: [null] }] } as unknown as Activity;
    assert.equal(contentHash(odd), firstHash(odd));
    assert.equal(contentHash({ ...base, meta: { version: 9, createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' } }), contentHash({ ...base, meta: undefined } as unknown as Activity));
    assert.equal(contentHash({ ...base, extra: undefined } as unknown as Activity), contentHash(base));
  });
});
