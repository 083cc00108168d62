/**
 * The content hash of an activity document, kept on its row so that saving the same document
 * again is seen from the row alone (activity.write.ts). No database here: the IATI import's worker
 * thread hashes the documents it maps, and loads only this.
 */
import { createHash } from 'node:crypto';
import type { Activity } from './activity.schema.ts';

/** Keys as JSON strings, remembered: documents use the schema's few dozen names over and over. */
const QUOTED = new Map<string, string>();
const QUOTED_MAX = 10_000;
function quoted(key: string): string {
  let q = QUOTED.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (QUOTED.size < QUOTED_MAX) QUOTED.set(key, q);
  }
  return q;
}

/**
 * JSON with keys in sorted order and undefined properties left out, so equal documents hash the
 * same. Built by appending to one string (V8 joins the pieces once, when the hash reads it): the
 * arrays of pieces the plain recursive version made were most of its cost.
 */
function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${quoted(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * SHA-256 of the document without its bookkeeping (meta). Two documents that `withoutMeta` makes
 * deep-equal have the same hash, so comparing hashes decides "unchanged" as comparing documents did.
 */
export function contentHash(a: Activity): string {
  const { meta: _meta, ...rest } = a;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}
