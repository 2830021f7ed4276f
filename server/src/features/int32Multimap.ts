// An int32 key → values table where each value sits under at most a fixed number of keys (a sentence under its
// dozen MinHash bands), kept as linked lists in typed arrays: the MinHash band → sentences table of the near-passage
// index. Each value gets a number and `keysPerValue` list nodes of its own (the node's key, its previous and its
// next node: three Int32s); a key's nodes form a circular list whose first node the key table holds. So a (key,
// value) pair costs three Int32s, where a list or Set of objects per key cost several times that and was most of
// the index's memory (docs/performance.md). Same answers as `CompactMultimap`: a key's values read in insertion
// order, adding a pair twice keeps it once, and removal is constant-time however many values a key holds (a template
// sentence's bands).

import { Int32KeyMap } from './int32KeyMap';

/** A node not in any key's list. */
const FREE = -1;

export class Int32Multimap<V extends object> {
  /** Key → the first node of its list; the list's last node is the first's previous. */
  private readonly firstNodes = new Int32KeyMap<number>();
  /** Each value's number; its nodes are `number * keysPerValue` and the next `keysPerValue - 1`. */
  private readonly numbers = new Map<V, number>();
  private values: (V | undefined)[] = [];
  private readonly freeNumbers: number[] = [];
  /** Per node: the key it is listed under (where `next` is not FREE), and its neighbours in that key's list. */
  private keys = new Int32Array(0);
  private previous = new Int32Array(0);
  private next = new Int32Array(0);

  constructor(private readonly keysPerValue: number) {}

  add(key: number, value: V): void {
    const number = this.numbers.get(value) ?? this.takeNumber(value);
    const first = number * this.keysPerValue;
    let free = FREE;
    for (let node = first; node < first + this.keysPerValue; node++) {
      if (this.next[node] === FREE) free = free === FREE ? node : free;
      else if (this.keys[node] === key) return;
    }
    if (free === FREE) throw new Error(`A value of this table is listed under at most ${this.keysPerValue} keys.`);
    this.keys[free] = key;
    const head = this.firstNodes.get(key);
    if (head === undefined) {
      this.previous[free] = this.next[free] = free;
      this.firstNodes.set(key, free);
    } else {
      const last = this.previous[head];
      this.previous[free] = last;
      this.next[free] = head;
      this.next[last] = this.previous[head] = free;
    }
  }

  delete(key: number, value: V): void {
    const number = this.numbers.get(value);
    if (number === undefined) return;
    const first = number * this.keysPerValue;
    let listed = 0;
    for (let node = first; node < first + this.keysPerValue; node++) {
      if (this.next[node] === FREE) continue;
      if (this.keys[node] === key) this.unlink(node);
      else listed++;
    }
    if (listed === 0) this.releaseNumber(value, number);
  }

  /** How many values the key holds. */
  count(key: number): number {
    let count = 0;
    for (const _ of this.get(key)) count++;
    return count;
  }

  /** The key's values in insertion order. */
  *get(key: number): Iterable<V> {
    const head = this.firstNodes.get(key);
    if (head === undefined) return;
    let node = head;
    do {
      yield this.values[Math.floor(node / this.keysPerValue)]!;
      node = this.next[node];
    } while (node !== head);
  }

  /** Every key with its values in insertion order (a snapshot of the table: tableSnapshot.ts). */
  forEachKey(callback: (key: number, values: Iterable<V>) => void): void {
    this.firstNodes.forEach((_, key) => callback(key, this.get(key)));
  }

  /** Makes room for this many keys before they are set (a table restored from a snapshot). */
  reserve(count: number): void {
    this.firstNodes.reserve(count);
  }

  /** Sets all the values of a key that holds none, in order (a table restored from a snapshot). */
  setValues(key: number, values: readonly V[]): void {
    for (const value of values) this.add(key, value);
  }

  private unlink(node: number): void {
    const key = this.keys[node];
    const after = this.next[node];
    if (after === node) this.firstNodes.delete(key);
    else {
      const before = this.previous[node];
      this.next[before] = after;
      this.previous[after] = before;
      if (this.firstNodes.get(key) === node) this.firstNodes.set(key, after);
    }
    this.next[node] = FREE;
  }

  private takeNumber(value: V): number {
    const number = this.freeNumbers.pop() ?? this.values.length;
    if (number === this.values.length) {
      this.values.push(value);
      if (this.next.length < this.values.length * this.keysPerValue) this.grow();
    } else this.values[number] = value;
    this.numbers.set(value, number);
    return number;
  }

  private releaseNumber(value: V, number: number): void {
    this.numbers.delete(value);
    this.values[number] = undefined;
    this.freeNumbers.push(number);
  }

  /** A quarter more room at a time: the node arrays are the table's bulk, and doubling would leave up to half unused. */
  private grow(): void {
    const nodes = Math.max(1024, Math.ceil(this.values.length * 1.25)) * this.keysPerValue;
    const grown = (from: Int32Array, fill: number) => {
      const to = new Int32Array(nodes).fill(fill, from.length);
      to.set(from);
      return to;
    };
    this.keys = grown(this.keys, 0);
    this.previous = grown(this.previous, 0);
    this.next = grown(this.next, FREE);
  }
}
