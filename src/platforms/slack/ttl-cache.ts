/**
 * A small, bounded in-process cache of promises with a time to live. Only for speed: whatever it holds
 * can be fetched again, so losing it (restart, another instance) never changes what the bot does.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The cached value, or `load()`'s; concurrent callers share one load, and a failed load is not kept.
   * `ttlOf` may give a loaded value a shorter life (e.g. a fallback after a failed lookup).
   */
  get(key: K, load: () => Promise<V>, ttlOf?: (value: V) => number): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = load();
    this.set(key, value);
    value.then(
      (loaded) => {
        const entry = this.#entries.get(key);
        if (ttlOf && entry?.value === value) entry.expires = this.now() + ttlOf(loaded);
      },
      () => {
        if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
      },
    );
    return value;
  }

  set(key: K, value: Promise<V>, ttlMs = this.ttlMs): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expires: this.now() + ttlMs });
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }
}
