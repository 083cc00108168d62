/**
 * Reading rendered SVG in tests. The markup comes from preact-render-to-string, so attributes are
 * always double-quoted and tags never span lines: a small scanner is enough.
 */
import assert from 'node:assert/strict';

export type Attributes = Record<string, string>;

/** The attributes of every `<tag …>` in `svg`, in document order. */
export function elements(svg: string, tag: string): Attributes[] {
  const found: Attributes[] = [];
  // Attribute values may hold '>' (preact escapes only '<', '&' and '"'), so match whole attributes.
  for (const match of svg.matchAll(new RegExp(`<${tag}((?:\\s+[\\w:-]+="[^"]*")*)\\s*/?>`, 'g'))) {
    const attributes: Attributes = {};
    for (const [, name, value] of (match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
      attributes[name!] = value!;
    }
    found.push(attributes);
  }
  return found;
}

/** The text of every `<tag>…</tag>`, leaving out a nested <title> (the tooltip of a cut label). */
export function texts(svg: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}(?:\\s+[\\w:-]+="[^"]*")*>(?:<title>[^<]*</title>)?([^<]*)</${tag}>`, 'g');
  return Array.from(svg.matchAll(pattern), (m) => m[1]!);
}

export function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1, `expected exactly one, found ${items.length}`);
  return items[0]!;
}

/** What every chart must satisfy, whatever it draws. */
export function assertAccessibleSvg(svg: string): void {
  assert.match(svg, /^<svg\s/);
  assert.doesNotMatch(svg, /\sstyle=/, 'no inline style: the Content Security Policy forbids it');
  assert.doesNotMatch(svg, /<script/i);
  const root = elements(svg, 'svg')[0]!;
  assert.equal(root.width, '100%');
  assert.match(root.viewBox ?? '', /^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  assert.ok(root.role === 'img' || root.role === 'group', `role is ${root.role}`);
  const titleId = only(elements(svg, 'title').filter((t) => t.id)).id!;
  const descId = only(elements(svg, 'desc')).id!;
  const referenced = [...(root['aria-labelledby'] ?? '').split(' '), ...(root['aria-describedby'] ?? '').split(' ')];
  assert.ok(referenced.includes(titleId), 'the title is referenced');
  assert.ok(referenced.includes(descId), 'the desc is referenced');
  const ids = Array.from(svg.matchAll(/\sid="([^"]*)"/g), (m) => m[1]!);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const [, ref] of svg.matchAll(/url\(#([^)]*)\)/g)) assert.ok(ids.includes(ref!), `url(#${ref}) is defined`);
  for (const link of elements(svg, 'a')) {
    assert.ok(link.href, 'every link has an href');
    assert.ok(link['aria-label'], 'every link has a name');
  }
}
