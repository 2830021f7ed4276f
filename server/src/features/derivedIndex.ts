// What a corpus-wide index gives the incremental mechanism (features/incremental.ts): a summary per file, and how
// the summary joins and leaves the index's tables, is stored across restarts, and is computed within a time budget.

import { CorpusFile } from './corpusIndex';

export interface DerivedIndex<S> {
  /** Names the index in progress reports and the benchmark. */
  readonly name: string;
  /**
   * The file's contribution, from the file alone (never from the tables: summaries must not depend on order).
   * `previous` is the file's summary before this version: an index may update it instead of starting over, as
   * long as the result equals summarising afresh.
   */
  summarise(file: CorpusFile, previous?: S): S;
  /**
   * The same summary as `summarise`, computed in pieces (optional): the generator yields after each piece of a
   * few milliseconds and keeps its partial state; it never touches the tables. Without it a summary is one piece.
   */
  summariseInSteps?(file: CorpusFile, previous?: S): Generator<void, S, void>;
  add(uri: string, summary: S): void;
  remove(uri: string, summary: S): void;
  /** Replaces a file's summary when that is cheaper than remove + add (optional). */
  replace?(uri: string, before: S, after: S): void;
  /**
   * Adds (`before` undefined) or replaces a big file's summary in pieces of at most ROWS_PER_PIECE rows (optional),
   * calling `publish` once, in the piece from which answers are to read `after`: until then they read `before` (or
   * nothing of the file), from then on `after`, never a mix. Readers the tables serve directly must not see the
   * rows added before `publish` nor those still to be removed after it. The pieces run to their end, even after an
   * edit: the summary is a complete one, of a version a few edits behind.
   */
  replaceInSteps?(uri: string, before: S | undefined, after: S, publish: () => void): Generator<void, void, void>;
  /** Called once after a batch of updates (to drop caches computed from the tables). */
  afterUpdate?(): void;
  /**
   * For the persistent index (optional): what of a summary is worth storing on disk, as plain data (Maps and
   * typed arrays allowed). Only summaries that depend on the file's text alone may be stored: the entry is keyed
   * on the text's content.
   */
  encodeSummary?(summary: S): unknown;
  /** The summary of `file` from stored data, or undefined when the data does not fit (then it is summarised). */
  decodeSummary?(data: unknown, file: CorpusFile): S | undefined;
  /**
   * For the corpus snapshot (optional, engine/tableSnapshot.ts): the tables as plain data, rows naming a file's
   * items by the file's place in `files` and the item's place in its summary (objects cannot be stored).
   */
  encodeTables?(files: TableFiles<S>): unknown;
  /**
   * Fills the empty tables from `encodeTables`'s data, `files` holding the same summaries (decoded from the store);
   * false, the tables left empty, when the data does not fit them.
   */
  decodeTables?(data: unknown, files: TableFiles<S>): boolean;
}

/** The files whose rows a snapshot of the tables holds, in a fixed order, with their summaries. */
export interface TableFiles<S> {
  readonly uris: readonly string[];
  readonly summaries: readonly S[];
}

/** A summary as stored: the index's data, and the time it took when that was over the file's budget. */
export interface StoredSummary {
  readonly data: unknown;
  readonly overBudget?: { readonly ms: number; readonly budgetMs: number };
}

/** Where summaries of unchanged files come from and go to across restarts (engine/persistentIndex.ts). */
export interface SummaryStore {
  /** What was stored of this index for this file version, if anything; handed out once. */
  take(file: CorpusFile, indexName: string): StoredSummary | undefined;
  /** A summary computed afresh for this file version, for the store to keep if it wants. */
  offer(file: CorpusFile, indexName: string, data: () => unknown, overBudget?: StoredSummary['overBudget']): void;
}

export interface TimeBudget {
  readonly baseMs: number;
  readonly msPerMB: number;
  /** The clock summaries are timed on (milliseconds); a test passes one only its slow summary advances. */
  readonly now?: () => number;
}

/** Generous for any linear-time summary (they run at tens of MB/s); a quadratic one on a hostile file hits it. */
export const SUMMARY_TIME_BUDGET: TimeBudget = { baseMs: 1_000, msPerMB: 1_000 };

/** A file an index gave up on: how long its summary took and what it was allowed. */
export interface OverBudget {
  readonly index: string;
  readonly ms: number;
  readonly budgetMs: number;
}

/** Files of this many characters and more are summarised again in the background, in pieces (see above). */
export const BIG_FILE_CHARS = 64 * 1024;

/** Per-release work of a summary in pieces (`ReleaseResults.computeInPieces`): this much release text per piece. */
export const RELEASE_CHARS_PER_PIECE = 16 * 1024;

/**
 * Table rows (a sentence in a bucket, a count) a piece of `replaceInSteps` adds, removes or compares at most: a
 * few milliseconds' work.
 */
export const ROWS_PER_PIECE = 1024;
