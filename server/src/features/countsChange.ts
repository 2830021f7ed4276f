// A file's new count rows against its old ones, gathered first and applied to the tables at once: an edit that
// changes a few releases changes a few counts, so the step in which a big file's new entity summary goes into the
// tables touches those counts only, however many rows the file has. Gathering (every old row taken back, every new
// one counted, the counts that changed kept) never touches the tables, so it runs in pieces while answers read the
// old summary.

import { COUNT_TABLES, CountSink, Counts } from './entityFacts';

export class CountsChange implements CountSink {
  private readonly counts = new Map<Counts, Counts>();
  private readonly totals = new Map<Map<string, number>, Map<string, number>>();
  private readonly changed: (() => void)[] = [];

  count(table: Counts, from: string, to: string, delta: number): void {
    const change = this.counts.get(table) ?? new Map<string, Map<string, number>>();
    this.counts.set(table, change);
    const inner = change.get(from) ?? new Map<string, number>();
    change.set(from, inner);
    inner.set(to, (inner.get(to) ?? 0) + delta);
  }

  total(table: Map<string, number>, key: string, delta: number): void {
    const change = this.totals.get(table) ?? new Map<string, number>();
    this.totals.set(table, change);
    change.set(key, (change.get(key) ?? 0) + delta);
  }

  /**
   * Keeps the counts that changed (most rows of an edited file count as before, and cancel out), yielding after
   * every `perPiece` looked at; `applyTo` then writes those alone.
   */
  *keepChangedInSteps(perPiece: number): Generator<void, void, void> {
    let looked = 0;
    for (const [table, change] of this.counts) {
      for (const [from, inner] of change) {
        for (const [to, delta] of inner) {
          if (delta !== 0) this.changed.push(() => COUNT_TABLES.count(table, from, to, delta));
          if (++looked % perPiece === 0) yield;
        }
      }
    }
    for (const [table, change] of this.totals) {
      for (const [key, delta] of change) {
        if (delta !== 0) this.changed.push(() => COUNT_TABLES.total(table, key, delta));
        if (++looked % perPiece === 0) yield;
      }
    }
  }

  /** The counts that changed (`keepChangedInSteps`), into the tables. */
  apply(): void {
    for (const write of this.changed) write();
  }
}
