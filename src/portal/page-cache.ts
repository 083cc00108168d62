/**
 * A small least-recently-used cache with a weight budget. The portal keeps rendered pages by their
 * ETag (which covers the data version, the day, the stylesheet and the URL, so a cached page is
 * exactly what rendering again would give) and facet counts by data version and filter.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private weight = 0;

  constructor(private readonly maxWeight: number, private readonly weigh: (value: V) => number = () => 1) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // A Map keeps insertion order: re-inserting marks the entry as recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const w = this.weigh(value);
    if (w > this.maxWeight) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.weight -= this.weigh(old);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.weight += w;
    for (const [k, v] of this.entries) {
      if (this.weight <= this.maxWeight) break;
      this.entries.delete(k);
      this.weight -= this.weigh(v);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.weight -= this.weigh(value);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Rendered pages, weighed in bytes (UTF-16). */
export function pageCache(maxBytes = 64 * 1024 * 1024): LruCache<string> {
  return new LruCache<string>(maxBytes, (page) => page.length * 2);
}
