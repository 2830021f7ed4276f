// A key → set of values table for corpus-wide indexes where most keys hold one value or a few (a sentence said
// once or in a few releases): a lone value is stored as the map's value, a few values as an
// array of exactly their number, and a Set only past `MAX_LIST_VALUES`, where removing from an array would cost
// what the key is popular. A Set per key cost several times what its values did, and was most of the passage
// indexes' memory (docs/performance.md). Values keep insertion order, as a Set does, so answers read them in
// that order whatever the representation. Values must be objects other than arrays and Sets.

/** Past this many values a key's values are a Set (constant-time removal). */
const MAX_LIST_VALUES = 64;

type Held<V> = V | readonly V[] | Set<V>;

export class CompactMultimap<K, V extends object> {
  private readonly entries = new Map<K, Held<V>>();

  add(key: K, value: V): void {
    const held = this.entries.get(key);
    if (held === undefined) this.entries.set(key, value);
    else if (held instanceof Set) held.add(value);
    else if (Array.isArray(held)) {
      if (held.includes(value)) return;
      // Copied, not pushed: a pushed array keeps spare room for 16 more values.
      this.entries.set(key, held.length < MAX_LIST_VALUES ? [...held, value] : new Set([...held, value]));
    } else if (held !== value) this.entries.set(key, [held as V, value]);
  }

  delete(key: K, value: V): void {
    const held = this.entries.get(key);
    if (held === value) this.entries.delete(key);
    else if (held instanceof Set) {
      if (held.delete(value) && held.size === 1) this.entries.set(key, held.values().next().value!);
    } else if (Array.isArray(held) && held.includes(value)) {
      const rest = held.filter((v) => v !== value);
      this.entries.set(key, rest.length === 1 ? rest[0] : rest);
    }
  }

  /** How many values the key holds. */
  count(key: K): number {
    const held = this.entries.get(key);
    return held === undefined ? 0 : held instanceof Set ? held.size : Array.isArray(held) ? held.length : 1;
  }

  /** Every key with its values in insertion order (a snapshot of the table: tableSnapshot.ts). */
  forEachKey(callback: (key: K, values: Iterable<V>) => void): void {
    this.entries.forEach((held, key) => callback(key, held instanceof Set || Array.isArray(held) ? held : [held as V]));
  }

  /** Sets all the values of a key that holds none, in order (a table restored from a snapshot). */
  setValues(key: K, values: readonly V[]): void {
    this.entries.set(key, values.length === 1 ? values[0] : values.length <= MAX_LIST_VALUES ? values : new Set(values));
  }

  /** The key's values in insertion order. */
  get(key: K): Iterable<V> {
    const held = this.entries.get(key);
    return held === undefined ? [] : held instanceof Set || Array.isArray(held) ? held : [held as V];
  }
}
