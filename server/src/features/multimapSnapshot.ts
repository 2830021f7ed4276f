// A key → values table whose values are items of the files' summaries (sentences), as a snapshot stores it
// (engine/tableSnapshot.ts): the items are numbered file after file in summary order, and each key's values
// become a run of item numbers, in the order the table holds them, so a restored table answers in the same order.

/** What of a key → values table (a `CompactMultimap`, or a Map of Sets) a snapshot reads and fills. */
export interface SnapshotTable<K, V> {
  forEachKey(callback: (key: K, values: Iterable<V>) => void): void;
  /** Makes room for this many keys before they are set, where the table needs it (a hash table of int32 keys). */
  reserve?(count: number): void;
  /** Sets a key that holds nothing yet to one value, or to several, in order. */
  add(key: K, value: V): void;
  setValues(key: K, values: readonly V[]): void;
}

/** Per key (in `keys`, when the caller stores them), how many values it holds, then all the values' item numbers. */
export interface StoredMultimap<K> {
  readonly keys?: readonly K[] | Int32Array;
  readonly counts: Int32Array;
  readonly items: Int32Array;
}

/** The table as item numbers; `withKeys` false leaves the keys out (the caller finds each key from its first value). */
export function encodeMultimap<K, V extends object>(table: SnapshotTable<K, V>, items: Iterable<V>, withKeys: boolean): StoredMultimap<K> {
  const numbers = new Map<V, number>();
  for (const item of items) numbers.set(item, numbers.size);
  const keys: K[] = [];
  const counts: number[] = [];
  const values: number[] = [];
  table.forEachKey((key, held) => {
    keys.push(key);
    const before = values.length;
    for (const value of held) values.push(numbers.get(value)!);
    counts.push(values.length - before);
  });
  return { ...(withKeys && { keys }), counts: Int32Array.from(counts), items: Int32Array.from(values) };
}

/**
 * Fills the empty table from its stored form, `items` numbered as when it was stored, `keyOf` naming a key its
 * values when the keys were left out. False, the table untouched, when the data does not fit the items.
 */
export function decodeMultimap<K, V extends object>(
  data: unknown,
  table: SnapshotTable<K, V>,
  items: readonly V[],
  isKey: (key: unknown) => key is K,
  keyOf?: (value: V) => K,
): boolean {
  const { keys, counts, items: numbers } = (data ?? {}) as Partial<StoredMultimap<K>>;
  if (!(counts instanceof Int32Array) || !(numbers instanceof Int32Array)) return false;
  if (keyOf ? keys !== undefined : !(Array.isArray(keys) || keys instanceof Int32Array) || keys.length !== counts.length) return false;
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] > 0 ? counts[i] : Number.NaN;
  if (total !== numbers.length) return false;
  for (let i = 0; i < numbers.length; i++) if (!(numbers[i] >= 0 && numbers[i] < items.length)) return false;
  if (Array.isArray(keys) && !keys.every(isKey)) return false; // an Int32Array holds nothing else
  table.reserve?.(counts.length);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 1) {
      // Most keys hold one value: no list to build.
      const value = items[numbers[at++]];
      table.add(keys ? (keys[i] as K) : keyOf!(value), value);
      continue;
    }
    const values = new Array<V>(counts[i]);
    for (let j = 0; j < values.length; j++) values[j] = items[numbers[at++]];
    table.setValues(keys ? (keys[i] as K) : keyOf!(values[0]), values);
  }
  return true;
}
