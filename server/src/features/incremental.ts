// The one incremental mechanism behind every corpus-wide index (duplicates, passages, entities, and the ones to
// come): each file contributes a summary computed from that file alone, cached on the file's version; the
// corpus-wide tables are updated by removing the file's old summary and adding its new one. A change to one file
// therefore costs that file's summary plus its own table rows, never a pass over the corpus. Answers read the
// tables after `refresh`, which brings every changed file up to date (or only one file, for per-file answers).
//
// Time budget: no single file may freeze the server on every keystroke. A file whose summary took longer than
// its budget (a base plus a share per MB of text) is skipped by that index from then on: it contributes an
// empty summary, and the file reports `file.over-budget`. The slow summary already computed is kept (and stored
// with that verdict, so a restart takes both); a file that shrinks below half the size it had then is tried again. Timings decide only this skip, never a result.

import { CorpusFile, CorpusIndex } from './corpusIndex';

export interface DerivedIndex<S> {
  /** Names the index in progress reports and the benchmark. */
  readonly name: string;
  /**
   * The file's contribution, from the file alone (never from the tables: summaries must not depend on order).
   * `previous` is the file's summary before this version: an index may update it instead of starting over, as
   * long as the result equals summarising afresh.
   */
  summarise(file: CorpusFile, previous?: S): S;
  add(uri: string, summary: S): void;
  remove(uri: string, summary: S): void;
  /** Replaces a file's summary when that is cheaper than remove + add (optional). */
  replace?(uri: string, before: S, after: S): void;
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

const EMPTY_PARSE = { releases: [], problems: [], boilerplate: [] };

/** Keeps one derived index in step with the corpus files. */
export class IncrementalIndex<S> {
  private readonly summaries = new Map<string, { version: number; summary: S }>();
  private readonly dirty = new Set<string>();
  private readonly overBudget = new Map<string, OverBudget & { length: number }>();
  private newlyOverBudget: string[] = [];
  private store: SummaryStore | undefined;

  constructor(
    private readonly corpus: CorpusIndex,
    readonly index: DerivedIndex<S>,
    private readonly budget: TimeBudget = SUMMARY_TIME_BUDGET,
  ) {
    for (const file of corpus.getFiles()) this.dirty.add(file.uri);
    corpus.onDidChange((uris) => uris.forEach((uri) => this.dirty.add(uri)));
  }

  /** Summaries of files the store knows are read from it instead of computed (indexes with a codec only). */
  setSummaryStore(store: SummaryStore | undefined): void {
    this.store = this.storesSummaries ? store : undefined;
  }

  /** Whether the index has a codec for its summaries. */
  get storesSummaries(): boolean {
    return this.index.encodeSummary !== undefined && this.index.decodeSummary !== undefined;
  }

  /** Files changed since they were last summarised. */
  get pending(): number {
    return this.dirty.size;
  }

  /** The file's summary as of its current version (summarising it now if it changed). */
  getSummary(uri: string): S | undefined {
    if (this.dirty.has(uri)) {
      this.dirty.delete(uri);
      this.update(uri);
      this.index.afterUpdate?.();
    }
    return this.summaries.get(uri)?.summary;
  }

  /** Whether this index skips the file for taking too long, and by how much. */
  getOverBudget(uri: string): OverBudget | undefined {
    return this.overBudget.get(uri);
  }

  /** Files that went over budget since the last call (their problems changed). */
  takeNewlyOverBudget(): string[] {
    return this.newlyOverBudget.splice(0);
  }

  /** Brings every changed file up to date: call before answering from the corpus-wide tables. */
  refresh(): void {
    this.refreshSome(Number.POSITIVE_INFINITY);
  }

  /** Updates up to `maxFiles` changed files; true while more are waiting (for background slices). */
  refreshSome(maxFiles: number): boolean {
    if (this.dirty.size === 0) return false;
    let done = 0;
    for (const uri of this.dirty) {
      if (done++ >= maxFiles) break;
      this.dirty.delete(uri);
      this.update(uri);
    }
    this.index.afterUpdate?.();
    return this.dirty.size > 0;
  }

  private update(uri: string): void {
    const file = this.corpus.getFile(uri);
    const old = this.summaries.get(uri);
    if (old && file && old.version === file.version) return;
    if (!file) {
      if (old) this.index.remove(uri, old.summary);
      this.summaries.delete(uri);
      this.overBudget.delete(uri);
      return;
    }
    const summary = this.readStoredSummary(file) ?? this.summariseWithinBudget(file, old?.summary);
    this.summaries.set(uri, { version: file.version, summary });
    if (old && this.index.replace) this.index.replace(uri, old.summary, summary);
    else {
      if (old) this.index.remove(uri, old.summary);
      this.index.add(uri, summary);
    }
  }

  /** A stored summary, with the verdict of the run that computed it: a file over budget then is over budget now. */
  private readStoredSummary(file: CorpusFile): S | undefined {
    const stored = this.store?.take(file, this.index.name);
    const summary = stored && this.index.decodeSummary!(stored.data, file);
    if (summary && stored.overBudget) this.markOverBudget(file, stored.overBudget);
    return summary;
  }

  private markOverBudget(file: CorpusFile, { ms, budgetMs }: { ms: number; budgetMs: number }): void {
    this.overBudget.set(file.uri, { index: this.index.name, ms, budgetMs, length: file.text.length });
    this.newlyOverBudget.push(file.uri);
  }

  private summariseWithinBudget(file: CorpusFile, previous: S | undefined): S {
    const skipped = this.overBudget.get(file.uri);
    if (skipped && file.text.length * 2 >= skipped.length) return this.index.summarise({ ...file, text: '', parsed: EMPTY_PARSE });
    const now = this.budget.now ?? performance.now.bind(performance);
    const started = now();
    const summary = this.index.summarise(file, previous);
    const ms = now() - started;
    const budgetMs = this.budget.baseMs + (this.budget.msPerMB * file.text.length) / (1024 * 1024);
    if (ms > budgetMs) {
      this.markOverBudget(file, { ms, budgetMs });
      // Stored with its verdict: a restart keeps the summary and skips the file's later versions as this run does,
      // rather than spending the time again (and, on a machine busier or quieter than this one, judging otherwise).
      this.store?.offer(file, this.index.name, () => this.index.encodeSummary!(summary), { ms, budgetMs });
      return summary;
    } else if (skipped) {
      this.overBudget.delete(file.uri);
      this.newlyOverBudget.push(file.uri);
    }
    this.store?.offer(file, this.index.name, () => this.index.encodeSummary!(summary));
    return summary;
  }
}
