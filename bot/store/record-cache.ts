import type { StoreChanges } from './store-changes.js';

/** Enough for every person of a large council several times over; past it, everything is read afresh. */
const MOST_KEPT = 50_000;

/**
 * What a store read from the database, kept in memory by key until the database says it changed. Holds any
 * value (a row, an absence, a fingerprint) without looking into it. A read is kept only if nothing dropped its
 * key while it was on its way, and nothing is served while the change feed is not listening, so what is served
 * is never older than the last change heard.
 */
export class RecordCache<V> {
  private readonly kept = new Map<string, V>();
  /** The reads on their way, by key: a key dropped meanwhile loses its token, and its read is not kept. */
  private readonly reading = new Map<string, symbol>();

  constructor(private readonly changes: StoreChanges) {}

  /** The kept value, if there is one and it can be trusted now. */
  get(key: string): { readonly value: V } | undefined {
    if (!this.changes.listening()) return undefined;
    return this.kept.has(key) ? { value: this.kept.get(key) as V } : undefined;
  }

  /** The kept value, else `load`'s, kept if nothing about `key` changed while it was read. */
  async read(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit) return hit.value;
    const since = this.watch(key);
    const value = await load();
    this.keepIfUnchanged(key, since, value);
    return value;
  }

  /**
   * Keeps `value` as what is stored now: for a value this instance has just written or found, when `since` (a
   * token from `watch`) shows no change to `key` was heard since before it wrote or read.
   */
  keepIfUnchanged(key: string, since: symbol, value: V): void {
    if (this.reading.get(key) !== since) return;
    this.reading.delete(key);
    this.keep(key, value);
  }

  /** A token for `keepIfUnchanged`, taken before a write or a read whose outcome is then kept. */
  watch(key: string): symbol {
    const token = Symbol(key);
    if (this.reading.size >= MOST_KEPT) this.reading.clear();
    this.reading.set(key, token);
    return token;
  }

  forget(key: string): void {
    this.kept.delete(key);
    this.reading.delete(key);
  }

  /** Drops every key `matches` accepts (a tenant's people when the tenant's choice changes). */
  forgetWhere(matches: (key: string) => boolean): void {
    for (const key of this.kept.keys()) if (matches(key)) this.kept.delete(key);
    for (const key of this.reading.keys()) if (matches(key)) this.reading.delete(key);
  }

  clear(): void {
    this.kept.clear();
    this.reading.clear();
  }

  private keep(key: string, value: V): void {
    if (!this.changes.listening()) return;
    if (this.kept.size >= MOST_KEPT) this.kept.clear();
    this.kept.set(key, value);
  }
}
