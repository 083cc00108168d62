/**
 * The generic half of the form codecs: flat HTML form fields ("participations[2][role]") ⇄ a tree
 * of strings ⇄ the input a zod schema validates, described once per record type by a FormSpec.
 * The tree is what a form is re-rendered from, so every value typed survives a failed save; zod's
 * error paths are mapped back to the form field they concern.
 */
import type { z } from 'zod';
import type { FieldProblem } from '../shared/errors.ts';
import type { Message } from '../shared/i18n.ts';
import { toProblems } from '../shared/schema-helpers.ts';

/** A form's values: strings at the leaves, arrays for repeating parts (and multi-valued fields). */
export type FormNode = string | string[] | FormNode[] | FormTree;
export interface FormTree { [key: string]: FormNode }

export type FieldKind =
  | 'text' | 'textarea' | 'select' | 'number' | 'integer' | 'decimal' | 'checkbox' | 'day'
  /** A fuzzy date in words ("hösten 2022"); encoded from the stored bound's phrase. */
  | 'fuzzy-date'
  /** Several values from checkboxes with the same name. */
  | 'multi'
  /** Several values typed in one field, separated by commas. */
  | 'list'
  /** A Swedish and an English text: form keys KEY[sv] and KEY[en], the document's {sv, en}. */
  | 'bilingual'
  /** Kept as JSON in a hidden field (the source sentences), shown read-only. */
  | 'hidden-json';

export interface FieldSpec {
  /** The form name below the row: ['role'] → participations[0][role]. */
  key: string[];
  kind: FieldKind;
  /** Where the value lives in the document, when not at `key`. */
  path?: string[];
  /** Other document paths whose errors belong to this field. */
  also?: string[][];
  /** Custom reading and writing, for fields that are not one document value. */
  encode?: (item: unknown) => FormNode | undefined;
  decode?: (value: FormNode | undefined, out: Record<string, unknown>, problem: (message: Message, code?: string) => void) => void;
  upper?: boolean;
}

export interface GroupSpec {
  /** The form key and the document key of the repeating part. */
  key: string;
  fields: FieldSpec[];
  groups?: GroupSpec[];
  /** Extra checks on one decoded row, before the schema sees it. */
  check?: (row: Record<string, unknown>, problem: (path: string[], message: Message, code?: string) => void) => void;
}

export interface FormSpec extends GroupSpec {
  /** Fields that are not in the document at all (e.g. the version), read by the page itself. */
  controls?: string[];
}

/** One problem as the form shows it: on a field (by its form name), or on the form as a whole. */
export interface FormError {
  /** The form field's name ("participations[0][role]"), or '' for the whole form. */
  field: string;
  code: string;
  message: Message;
}

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_FIELDS = 20_000;
const MAX_DEPTH = 10;
const MAX_ROWS = 500;

// ---------- flat names ⇄ tree ----------

/** participations[2][role] → ['participations', '2', 'role']; undefined when not a form name we write. */
export function splitName(name: string): string[] | undefined {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!m) return undefined;
  const rest = m[2] ? [...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!) : [];
  const parts = [m[1]!, ...rest];
  if (parts.length > MAX_DEPTH || parts.some((p) => UNSAFE_KEYS.has(p) || p === '')) return undefined;
  return parts;
}

export function joinName(parts: readonly (string | number)[]): string {
  const [first, ...rest] = parts.map(String);
  return `${first ?? ''}${rest.map((p) => `[${p}]`).join('')}`;
}

/** An id for a form name: "f-participations-2-role". */
export function fieldId(name: string): string {
  return `f-${name.replace(/\]\[|\[|\]/g, '-').replace(/-+$/, '').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n');

/** The body of a form post (what @fastify/formbody gives) as a tree of strings. */
export function bodyToTree(body: unknown): FormTree {
  const tree: FormTree = {};
  if (typeof body !== 'object' || body === null) return tree;
  let count = 0;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    if (++count > MAX_FIELDS) break;
    const parts = splitName(name);
    if (!parts) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string').map(clean);
    if (values.length === 0) continue;
    let node: FormTree = tree;
    let ok = true;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === undefined) node = node[part] = {};
      else if (typeof next === 'object' && !Array.isArray(next)) node = next;
      else { ok = false; break; }
    }
    if (!ok) continue;
    const leaf = parts.at(-1)!;
    if (typeof node[leaf] === 'object' && !Array.isArray(node[leaf])) continue;
    node[leaf] = values.length === 1 ? values[0]! : values;
  }
  return tree;
}

export function treeToFlat(tree: FormNode, prefix: string[] = [], out: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  if (typeof tree === 'string') out[joinName(prefix)] = tree;
  else if (Array.isArray(tree)) {
    if (tree.every((x) => typeof x === 'string')) out[joinName(prefix)] = tree as string[];
    else tree.forEach((row, i) => treeToFlat(row, [...prefix, String(i)], out));
  } else for (const [k, v] of Object.entries(tree)) treeToFlat(v, [...prefix, k], out);
  return out;
}

export function nodeAt(tree: FormNode | undefined, parts: readonly (string | number)[]): FormNode | undefined {
  let node: FormNode | undefined = tree;
  for (const part of parts) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = Array.isArray(node) ? (node as FormNode[])[Number(part)] : node[String(part)];
  }
  return node;
}

export function stringAt(tree: FormNode | undefined, parts: readonly (string | number)[]): string {
  const node = nodeAt(tree, parts);
  if (typeof node === 'string') return node;
  if (Array.isArray(node) && typeof node[0] === 'string') return node[0];
  return '';
}

export function stringsAt(tree: FormNode | undefined, parts: readonly (string | number)[]): string[] {
  const node = nodeAt(tree, parts);
  if (typeof node === 'string') return node === '' ? [] : [node];
  if (Array.isArray(node)) return (node as FormNode[]).filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}

export function rowsAt(tree: FormNode | undefined, parts: readonly (string | number)[]): FormTree[] {
  const node = nodeAt(tree, parts);
  return Array.isArray(node) ? (node as FormNode[]).filter((x): x is FormTree => typeof x === 'object' && !Array.isArray(x)) : [];
}

// ---------- normalising a posted tree ----------

export interface NormaliseOptions {
  /** Drop rows where nothing was typed (for a save; an "add row" keeps them). */
  dropBlank: boolean;
  /** "participations" or "results.0.indicators": append one empty row there. */
  add?: string | undefined;
}

/**
 * Rows arrive as objects keyed by index ("0", "3", "7" after removals); they become arrays in
 * index order, without the rows marked for removal (and, for a save, without blank ones).
 */
export function normaliseTree(spec: GroupSpec, tree: FormTree, options: NormaliseOptions): FormTree {
  const out = normaliseRow(spec, tree, options);
  if (options.add) {
    const where = options.add.split('.');
    const target = findGroup(spec, where);
    if (target) {
      const holder = nodeAt(out, where.slice(0, -1));
      const rows = nodeAt(out, where);
      if (holder && typeof holder === 'object' && !Array.isArray(holder) && Array.isArray(rows) && rows.length < MAX_ROWS) {
        (rows as FormNode[]).push({});
      }
    }
  }
  return out;
}

function normaliseRow(spec: GroupSpec, row: FormTree, options: NormaliseOptions): FormTree {
  const out: FormTree = { ...row };
  for (const group of spec.groups ?? []) {
    const raw = row[group.key];
    const entries: [number, FormTree][] = [];
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) {
        if (/^\d{1,6}$/.test(k) && typeof v === 'object' && !Array.isArray(v)) entries.push([Number(k), v]);
      }
    } else if (Array.isArray(raw)) {
      raw.forEach((v, i) => { if (typeof v === 'object' && !Array.isArray(v)) entries.push([i, v]); });
    }
    entries.sort((a, b) => a[0] - b[0]);
    out[group.key] = entries
      .filter(([, v]) => !v._remove)
      .map(([, v]) => normaliseRow(group, v, options))
      .filter((v) => !options.dropBlank || !isBlank(group, v))
      .slice(0, MAX_ROWS)
      .map(({ _remove: _r, ...rest }) => rest);
  }
  return out;
}

function isBlank(spec: GroupSpec, row: FormTree): boolean {
  for (const field of spec.fields) {
    // Source sentences are not typed, and a tick alone is not a row.
    if (field.kind === 'hidden-json' || field.kind === 'checkbox') continue;
    const value = nodeAt(row, field.key);
    if (field.kind === 'bilingual') {
      if (stringAt(value, ['sv']).trim() || stringAt(value, ['en']).trim()) return false;
    } else if (typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) ? value.some((v) => typeof v === 'string' && v.trim()) : false) return false;
  }
  return (spec.groups ?? []).every((g) => rowsAt(row, [g.key]).every((child) => isBlank(g, child)));
}

export function findGroup(spec: GroupSpec, where: string[]): GroupSpec | undefined {
  // "results" | "results.0.indicators" | "results.0.indicators.1.periods"
  let current: GroupSpec | undefined = spec;
  for (let i = 0; i < where.length && current; i += 2) {
    current = current.groups?.find((g) => g.key === where[i]);
    if (i + 1 < where.length && !/^\d+$/.test(where[i + 1]!)) return undefined;
  }
  return current;
}

// ---------- document → tree ----------

function getPath(item: unknown, path: string[]): unknown {
  let v: unknown = item;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

function setPath(out: Record<string, unknown>, path: string[], value: unknown): void {
  if (value === undefined) return;
  let node = out;
  for (const p of path.slice(0, -1)) {
    const next = node[p];
    node = (next && typeof next === 'object' ? next : (node[p] = {})) as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function setNode(tree: FormTree, key: string[], value: FormNode): void {
  let node = tree;
  for (const p of key.slice(0, -1)) {
    const next = node[p];
    node = (next && typeof next === 'object' && !Array.isArray(next) ? next : (node[p] = {})) as FormTree;
  }
  node[key.at(-1)!] = value;
}

export function encodeRow(spec: GroupSpec, item: unknown): FormTree {
  const tree: FormTree = {};
  for (const field of spec.fields) {
    const encoded = field.encode ? field.encode(item) : encodeValue(field, getPath(item, field.path ?? field.key));
    if (encoded !== undefined) setNode(tree, field.key, encoded);
  }
  for (const group of spec.groups ?? []) {
    const items = getPath(item, [group.key]);
    tree[group.key] = Array.isArray(items) ? items.map((x) => encodeRow(group, x)) : [];
  }
  return tree;
}

function encodeValue(field: FieldSpec, value: unknown): FormNode | undefined {
  if (value === undefined || value === null) return undefined;
  switch (field.kind) {
    case 'checkbox': return value ? 'on' : '';
    case 'bilingual': {
      const b = value as { sv?: string; en?: string };
      return { sv: b.sv ?? '', en: b.en ?? '' };
    }
    case 'fuzzy-date': return (value as { phrase: string }).phrase;
    case 'multi': return (value as unknown[]).map(String);
    case 'list': return (value as unknown[]).map(String).join(', ');
    case 'hidden-json': return Array.isArray(value) && value.length === 0 ? '' : JSON.stringify(value);
    default: return String(value);
  }
}

// ---------- tree → schema input ----------

interface Decoded {
  input: Record<string, unknown>;
  /** Problems the codec found itself (a number that is not a number), as document paths. */
  problems: { path: (string | number)[]; code: string; message: Message }[];
}

export const NOT_A_NUMBER: Message = { sv: 'Ange ett tal, t.ex. 12 eller 12,5.', en: 'Give a number, e.g. 12 or 12.5.' };
export const NOT_A_WHOLE_NUMBER: Message = { sv: 'Ange ett heltal, t.ex. 12.', en: 'Give a whole number, e.g. 12.' };
const BAD_JSON: Message = { sv: 'Källmeningarna gick inte att läsa.', en: 'The source sentences could not be read.' };

/** "1 000 000,50" as Swedes write it, or "1,000,000.50": digits and one decimal point. */
function readNumberText(s: string): string {
  const compact = s.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (compact.includes(',') && !compact.includes('.')) return compact.replace(',', '.');
  return compact.replace(/,(?=\d{3}(?:\D|$))/g, '');
}

export function decodeRow(spec: GroupSpec, row: FormTree, at: (string | number)[] = [], problems: Decoded['problems'] = []): Decoded {
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const raw = nodeAt(row, field.key);
    const path = field.path ?? field.key;
    const problem = (message: Message, code = 'invalid') => problems.push({ path: [...at, ...path], code, message });
    if (field.decode) { field.decode(raw, out, problem); continue; }
    const text = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
    const trimmed = text.trim();
    switch (field.kind) {
      // A checkbox comes with a hidden empty companion, so "unticked" and "not in the form" differ.
      case 'checkbox': setPath(out, path, stringsAt(row, field.key).length > 0); break;
      case 'bilingual': {
        const sv = stringAt(raw, ['sv']).trim();
        const en = stringAt(raw, ['en']).trim();
        if (sv || en) setPath(out, path, { ...(sv ? { sv } : {}), ...(en ? { en } : {}) });
        break;
      }
      case 'number': case 'integer': {
        if (!trimmed) break;
        const n = Number(readNumberText(trimmed));
        if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n))) {
          problem(field.kind === 'integer' ? NOT_A_WHOLE_NUMBER : NOT_A_NUMBER, 'not-a-number');
          setPath(out, path, Number.NaN);
        } else setPath(out, path, n);
        break;
      }
      case 'decimal': if (trimmed) setPath(out, path, readNumberText(trimmed)); break;
      case 'multi': setPath(out, path, stringsAt(row, field.key)); break;
      case 'list': setPath(out, path, trimmed.split(/[\s,;]+/).filter(Boolean).map((s) => (field.upper ? s.toUpperCase() : s))); break;
      case 'hidden-json': {
        if (!trimmed) break;
        try { setPath(out, path, JSON.parse(trimmed)); } catch { problem(BAD_JSON); }
        break;
      }
      default: if (trimmed) setPath(out, path, field.kind === 'textarea' ? text.replace(/^\s+|\s+$/g, '') : trimmed);
    }
  }
  for (const group of spec.groups ?? []) {
    const rows = rowsAt(row, [group.key]);
    out[group.key] = rows.map((child, i) => {
      const decoded = decodeRow(group, child, [...at, group.key, i], problems).input;
      group.check?.(decoded, (path, message, code = 'invalid') => problems.push({ path: [...at, group.key, i, ...path], code, message }));
      return decoded;
    });
  }
  return { input: out, problems };
}

// ---------- error paths → form fields ----------

function startsWith(a: readonly string[], b: readonly string[]): boolean {
  return b.every((x, i) => a[i] === x);
}

/** The form name of the field a document path (from zod or the codec) concerns, or '' for none. */
export function fieldForPath(spec: GroupSpec, path: readonly (string | number)[]): string {
  const parts = path.map(String);
  const prefix: string[] = [];
  let current: GroupSpec = spec;
  for (;;) {
    const group = current.groups?.find((g) => g.key === parts[0]);
    if (group && parts.length >= 2 && /^\d+$/.test(parts[1]!)) {
      prefix.push(group.key, parts[1]!);
      parts.splice(0, 2);
      current = group;
      continue;
    }
    if (group) return '';
    break;
  }
  const candidates = (f: FieldSpec) => [f.path ?? f.key, ...(f.also ?? [])];
  // The field whose path the problem is at or inside; else the first field inside the problem's path.
  const exact = current.fields.find((f) => candidates(f).some((p) => startsWith(parts, p)));
  const field = exact ?? current.fields.find((f) => f.kind !== 'hidden-json' && candidates(f).some((p) => parts.length > 0 && startsWith(p, parts)));
  if (!field) {
    if (prefix.length === 0) return '';
    // A problem with a whole row: its first field.
    const first = current.fields.find((f) => f.kind !== 'hidden-json');
    return first ? nameOfField(prefix, first) : '';
  }
  return nameOfField(prefix, field);
}

function nameOfField(prefix: string[], field: FieldSpec): string {
  return joinName([...prefix, ...field.key, ...(field.kind === 'bilingual' ? ['sv'] : [])]);
}

// ---------- the whole round ----------

export type FormResult<T> =
  | { ok: true; value: T; tree: FormTree }
  | { ok: false; tree: FormTree; errors: FormError[] };

/** Reads a posted form: normalises it, decodes it and validates it with the record's own schema. */
export function readForm<S extends z.ZodType>(spec: FormSpec, schema: S, body: unknown, extra: (input: Record<string, unknown>) => Record<string, unknown> = (x) => x): FormResult<z.output<S>> {
  const tree = normaliseTree(spec, bodyToTree(body), { dropBlank: true });
  return validateTree(spec, schema, tree, extra);
}

export function validateTree<S extends z.ZodType>(spec: FormSpec, schema: S, tree: FormTree, extra: (input: Record<string, unknown>) => Record<string, unknown> = (x) => x): FormResult<z.output<S>> {
  const { input, problems } = decodeRow(spec, tree);
  const parsed = schema.safeParse(extra(input));
  const own: FormError[] = problems.map((p) => ({ field: fieldForPath(spec, p.path), code: p.code, message: p.message }));
  if (parsed.success && own.length === 0) return { ok: true, value: parsed.data, tree };
  // The codec's own word on a field (a number that is not one) is clearer than zod's about the same field.
  const taken = new Set(own.map((e) => e.field));
  const fromSchema: FormError[] = parsed.success ? [] : problemsToErrors(spec, toProblems(parsed.error)).filter((e) => !taken.has(e.field) || e.field === '');
  return { ok: false, tree, errors: dedupe([...own, ...fromSchema]) };
}

/** Problems from the domain (a save refused, an unknown organisation) placed on their fields. */
export function problemsToErrors(spec: GroupSpec, problems: FieldProblem[]): FormError[] {
  return problems.map((p) => ({ field: fieldForPath(spec, p.path ? p.path.split('.') : []), code: p.code, message: p.message }));
}

function dedupe(errors: FormError[]): FormError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}|${e.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The form name of the first field of the last row of a repeating part ("results.0.indicators"), to focus after adding it. */
export function firstFieldOfLastRow(spec: GroupSpec, tree: FormTree, where: string): string | undefined {
  const parts = where.split('.');
  const group = findGroup(spec, parts);
  const rows = nodeAt(tree, parts);
  const first = group?.fields.find((f) => f.kind !== 'hidden-json');
  if (!group || !first || !Array.isArray(rows) || rows.length === 0) return undefined;
  return nameOfField([...parts, String(rows.length - 1)], first);
}
