import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache, pageCache } from './page-cache.ts';

describe('LruCache', () => {
  it('drops the least recently used entries when over its budget', () => {
    const cache = new LruCache<string>(3);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    assert.equal(cache.get('a'), 'A');
    cache.set('d', 'D');
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.deepEqual(['a', 'c', 'd'].map((k) => cache.get(k)), ['A', 'C', 'D']);
  });

  it('weighs pages by size, refuses one larger than the budget, and stores nothing with a zero budget', () => {
    const pages = pageCache(100);
    pages.set('big', 'x'.repeat(60));
    assert.equal(pages.get('big'), undefined);
    pages.set('p1', 'x'.repeat(20));
    pages.set('p2', 'y'.repeat(20));
    pages.set('p3', 'z'.repeat(20));
    assert.equal(pages.size, 2);
    const off = pageCache(0);
    off.set('p', 'x');
    assert.equal(off.size, 0);
  });
});
