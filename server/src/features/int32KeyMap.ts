// An int32 key → value table in two flat arrays (open addressing, linear probing), for corpus-wide tables keyed
// by hashes with a million keys or more (MinHash band → its sentences, int32Multimap.ts). A Map entry costs three references plus its
// share of the buckets and of the table's doubling room; a slot here costs one Int32 and one reference, and the
// table is kept at most 3/4 full. Removal shifts the entries after the hole back, so no deleted marks pile up.
// Only get, set, delete and a walk over every entry (for a snapshot): it keeps no order.

const INITIAL_BITS = 4;

export class Int32KeyMap<T> {
  private bits = INITIAL_BITS;
  private keys = new Int32Array(1 << INITIAL_BITS);
  /** A slot is empty where its value is undefined; values are never undefined. */
  private values = new Array<T | undefined>(1 << INITIAL_BITS);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: number): T | undefined {
    const slot = this.findSlot(key);
    return this.values[slot];
  }

  set(key: number, value: T): void {
    const slot = this.findSlot(key);
    if (this.values[slot] === undefined) {
      this.keys[slot] = key;
      this.count++;
    }
    this.values[slot] = value;
    if (this.count * 4 > this.keys.length * 3) this.grow();
  }

  delete(key: number): void {
    let hole = this.findSlot(key);
    if (this.values[hole] === undefined) return;
    this.values[hole] = undefined;
    this.count--;
    const mask = this.keys.length - 1;
    // Each entry after the hole, up to the next empty slot, moves into it unless its home slot lies after the
    // hole (cyclically): probing for it from its home must still pass no empty slot.
    for (let j = (hole + 1) & mask; this.values[j] !== undefined; j = (j + 1) & mask) {
      const home = this.homeOf(this.keys[j]);
      if (((j - home) & mask) < ((j - hole) & mask)) continue;
      this.keys[hole] = this.keys[j];
      this.values[hole] = this.values[j];
      this.values[j] = undefined;
      hole = j;
    }
  }

  /**
   * Makes room for this many entries at once (a table restored from a snapshot): entries then set in the slot
   * order of a table as full land next to one another, where a growing table would pile them up at its start.
   */
  reserve(count: number): void {
    while (count * 4 > this.keys.length * 3) this.grow();
  }

  /** Every key and its value, in slot order (a snapshot of the table). */
  forEach(callback: (value: T, key: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.values[i] !== undefined) callback(this.values[i]!, this.keys[i]);
  }

  /** The key's slot, or the empty slot where it would go. */
  private findSlot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = this.homeOf(key);
    while (this.values[slot] !== undefined && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  /** Fibonacci hashing: the top bits of the key times the golden ratio, so keys that differ in any bit spread. */
  private homeOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  private grow(): void {
    const { keys, values } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.values = new Array<T | undefined>(1 << this.bits);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) this.set(keys[i], values[i]!);
  }
}
