// A big file's summary going into a table of objects (sentences in their holders and band buckets, releases in
// their postings) in pieces (`replaceInSteps`, incremental.ts): the objects the new summary adds go in while
// answers still read the old summary, so they are hidden until it is published; then the old summary's objects are
// hidden until they are out. Only the file being applied has hidden objects, and at most one file per index.

import { ROWS_PER_PIECE } from './derivedIndex';

export class HiddenRows<V extends object> {
  private hidden: ReadonlySet<V> | undefined;

  /** Whether answers may read the object: false for one another summary of its file adds or removes. */
  isVisible(value: V): boolean {
    return this.hidden === undefined || !this.hidden.has(value);
  }

  /** How many of the values answers may read, counted up to `limit` (a table's count while nothing is hidden). */
  countVisible(values: Iterable<V>, count: number, limit: number): number {
    if (this.hidden === undefined) return count;
    let visible = 0;
    for (const value of values) if (this.isVisible(value) && ++visible >= limit) break;
    return visible;
  }

  /**
   * Replaces the objects of `before` (none for a file's first summary) by those of `after` in pieces: `insert` and
   * `erase` put one object's rows in or out of the table and return how many. An object in both stays as it is.
   */
  *replaceInSteps(
    before: readonly V[],
    after: readonly V[],
    insert: (value: V, at: number) => number,
    erase: (value: V, at: number) => number,
    publish: () => void,
  ): Generator<void, void, void> {
    let rows = 0;
    /** Counts rows done; true when a piece is full (then the caller yields). */
    const full = (n: number) => (rows += n) >= ROWS_PER_PIECE && ((rows = 0), true);
    // Objects of the releases before an edit are the old summary's own: a shared start is skipped without sets.
    let same = 0;
    while (same < before.length && same < after.length && before[same] === after[same]) if ((same++, full(1))) yield;
    const inBefore = new Set<V>();
    for (let i = same; i < before.length; i++) if ((inBefore.add(before[i]), full(1))) yield;
    const joining = new Set<V>();
    this.hidden = joining;
    for (let i = same; i < after.length; i++) {
      if (inBefore.has(after[i])) continue;
      joining.add(after[i]);
      if (full(1 + insert(after[i], i))) yield;
    }
    const inAfter = new Set<V>();
    for (let i = same; i < after.length; i++) if ((inAfter.add(after[i]), full(1))) yield;
    const leaving = new Set<V>();
    for (let i = same; i < before.length; i++) if ((inAfter.has(before[i]) || leaving.add(before[i]), full(1))) yield;
    this.hidden = leaving;
    publish();
    for (let i = same; i < before.length; i++) if (leaving.has(before[i]) && full(1 + erase(before[i], i))) yield;
    this.hidden = undefined;
  }
}
