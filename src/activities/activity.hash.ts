/**
 * The content hash of an activity document, kept on its row so that saving the same document
 * again is seen from the row alone (activity.write.ts). No database here: the IATI import's worker
 * thread hashes the documents it maps, and loads only this.
 */
import { createHash } from 'node:crypto';
import type { Activity } from './activity.schema.ts';

/** JSON with keys in sorted order and undefined properties left out, so equal documents hash the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * SHA-256 of the document without its bookkeeping (meta). Two documents that `withoutMeta` makes
 * deep-equal have the same hash, so comparing hashes decides "unchanged" as comparing documents did.
 */
export function contentHash(a: Activity): string {
  const { meta: _meta, ...rest } = a;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}
