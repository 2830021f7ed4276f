// The entity index's corpus tables (counts from → to → n, and totals key → n) as a snapshot stores them
// (engine/tableSnapshot.ts): each string once, every table as columns of indices into them, in the order the
// tables hold their entries, so a restored table iterates (and breaks ties) as the one stored did.

import { Counts } from './entityFacts';

/** Per counts table: its `from` strings, how many `to` each has, then the `to` strings and their counts; per totals table: keys and counts. */
export interface StoredEntityTables {
  readonly strings: readonly string[];
  readonly counts: readonly { readonly from: Int32Array; readonly sizes: Int32Array; readonly to: Int32Array; readonly n: Int32Array }[];
  readonly totals: readonly { readonly keys: Int32Array; readonly n: Int32Array }[];
}

/** The tables of a snapshot, in a fixed order both sides know. */
export interface EntityTables {
  readonly counts: readonly Counts[];
  readonly totals: readonly Map<string, number>[];
}

export function encodeEntityTables(tables: EntityTables): StoredEntityTables {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (value: string) => indexOf.get(value) ?? (indexOf.set(value, strings.length), strings.push(value) - 1);
  const counts = tables.counts.map((table) => {
    const [from, sizes, to, n]: number[][] = [[], [], [], []];
    for (const [key, inner] of table) {
      from.push(index(key));
      sizes.push(inner.size);
      for (const [value, count] of inner) {
        to.push(index(value));
        n.push(count);
      }
    }
    return { from: Int32Array.from(from), sizes: Int32Array.from(sizes), to: Int32Array.from(to), n: Int32Array.from(n) };
  });
  const totals = tables.totals.map((table) => ({ keys: Int32Array.from(table.keys(), index), n: Int32Array.from(table.values()) }));
  return { strings, counts, totals };
}

/** Fills the empty tables from their stored form; false, the tables untouched, when any part does not fit. */
export function decodeEntityTables(data: unknown, tables: EntityTables): boolean {
  const { strings, counts, totals } = (data ?? {}) as Partial<StoredEntityTables>;
  if (!Array.isArray(strings) || !Array.isArray(counts) || !Array.isArray(totals)) return false;
  if (!strings.every((value) => typeof value === 'string')) return false;
  if (counts.length !== tables.counts.length || totals.length !== tables.totals.length) return false;
  return fillTables(strings, counts, totals, tables);
}

function fillTables(strings: readonly string[], counts: StoredEntityTables['counts'], totals: StoredEntityTables['totals'], tables: EntityTables): boolean {
  const isIndices = (column: unknown, length?: number): column is Int32Array =>
    column instanceof Int32Array && (length === undefined || column.length === length) && column.every((i) => i >= 0 && i < strings.length);
  const isCounts = (column: unknown, length: number): column is Int32Array =>
    column instanceof Int32Array && column.length === length && column.every((n) => n > 0);
  for (const column of counts) {
    const { from, sizes, to, n } = (column ?? {}) as Partial<StoredEntityTables['counts'][number]>;
    if (!isIndices(from) || !isCounts(sizes, from.length) || !isIndices(to) || !isCounts(n, to.length)) return false;
    if (sizes.reduce((sum, size) => sum + size, 0) !== to.length) return false;
  }
  if (!totals.every((column) => isIndices(column?.keys) && isCounts(column.n, column.keys.length))) return false;
  counts.forEach(({ from, sizes, to, n }, t) => {
    const table = tables.counts[t];
    let at = 0;
    from.forEach((key, i) => {
      const inner = new Map<string, number>();
      for (const end = at + sizes[i]; at < end; at++) inner.set(strings[to[at]], n[at]);
      table.set(strings[key], inner);
    });
  });
  totals.forEach(({ keys, n }, t) => keys.forEach((key, i) => tables.totals[t].set(strings[key], n[i])));
  return true;
}
