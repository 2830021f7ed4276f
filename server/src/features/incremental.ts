// The one incremental mechanism behind every corpus-wide index (duplicates, passages, entities, and the ones to
// come): each file contributes a summary computed from that file alone, cached on the file's version; the
// corpus-wide tables are updated by removing the file's old summary and adding its new one. A change to one file
// therefore costs that file's summary plus its own table rows, never a pass over the corpus. Answers read the
// tables after `refresh`, which brings every changed file up to date (or only one file, for per-file answers).
//
// Big files in pieces: with a background scheduler (`summariseInBackground`), a request's `refresh` leaves a big
// file that already has a summary to the background, which computes its new summary in pieces of a few
// milliseconds (`summariseInSteps`), yielding to requests between pieces. Meanwhile the tables keep the file's
// last complete summary: they change only when a summary is complete, in one step (add/remove or replace), so a
// request sees the old summary or the new one, never a mix. An edit abandons a summary under way.
//
// Time budget: no single file may freeze the server on every keystroke. A file whose summary took longer than
// its budget (a base plus a share per MB of text) is skipped by that index from then on: it contributes an
// empty summary, and the file reports `file.over-budget`. The slow summary already computed is kept (and stored
// with that verdict, so a restart takes both); a file that shrinks below half the size it had then is tried again. Timings decide only this skip, never a result.

import { runToEnd } from '../corpus/entities/steps';
import { CorpusFile, CorpusIndex, getFileContent } from './corpusIndex';

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

/** Files of this many characters and more are summarised again in the background, in pieces (see above). */
export const BIG_FILE_CHARS = 64 * 1024;

/** Per-release work of a summary in pieces (`ReleaseResults.computeInPieces`): this much release text per piece. */
export const RELEASE_CHARS_PER_PIECE = 16 * 1024;

/** A summary the background is computing in pieces, for one version of one file. */
interface SummaryInProgress<S> {
  readonly file: CorpusFile;
  readonly pieces: Generator<void, S, void>;
  /** Milliseconds spent in its pieces so far, for the time budget. */
  ms: number;
}

/** Keeps one derived index in step with the corpus files. */
export class IncrementalIndex<S> {
  private readonly summaries = new Map<string, { version: number; summary: S }>();
  private readonly dirty = new Set<string>();
  private readonly overBudget = new Map<string, OverBudget & { length: number }>();
  private newlyOverBudget: string[] = [];
  private store: SummaryStore | undefined;
  private inProgress: SummaryInProgress<S> | undefined;
  /** Set while a background scheduler runs `runPiece`: requests then leave big files to it. */
  private summariseInBackground = false;

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
    return this.dirty.size + (this.inProgress ? 1 : 0);
  }

  /**
   * Whether big changed files are left to the background scheduler (`runPiece`), the tables keeping their last
   * complete summary until then; off (the CLI, tests), every answer first brings every file up to date.
   */
  setSummariseInBackground(on: boolean): void {
    this.summariseInBackground = on;
  }

  /**
   * The file's summary as of its current version (summarising it now if it changed): offsets into the file's
   * text must be current, so a summary under way in the background is finished first.
   */
  getSummary(uri: string): S | undefined {
    if (this.inProgress?.file.uri === uri) {
      this.finishInProgress();
      this.index.afterUpdate?.();
    }
    if (this.dirty.has(uri)) {
      this.dirty.delete(uri);
      this.update(uri);
      this.index.afterUpdate?.();
    }
    return this.summaries.get(uri)?.summary;
  }

  /**
   * The file's summary the tables hold now, without bringing it up to date: what an answer read from the tables
   * (a file found in them) reads of that file, so that the two agree while a newer summary is under way.
   */
  getSummaryInTables(uri: string): S | undefined {
    return this.summaries.get(uri)?.summary;
  }

  /**
   * When the file changed and its new summary is the background's to make (a big file), the summary the tables
   * hold and the version it is of; else undefined (`getSummary` is then current, or cheap to make current).
   */
  getSummaryLeftBehind(uri: string): { version: number; summary: S } | undefined {
    const held = this.summaries.get(uri);
    if (!held || held.version === this.corpus.getFile(uri)?.version) return undefined;
    const underWay = this.inProgress?.file.uri === uri || (this.summariseInBackground && this.dirty.has(uri) && this.isLeftToBackground(uri));
    return underWay ? held : undefined;
  }

  /** Whether this index skips the file for taking too long, and by how much. */
  getOverBudget(uri: string): OverBudget | undefined {
    return this.overBudget.get(uri);
  }

  /** Files that went over budget since the last call (their problems changed). */
  takeNewlyOverBudget(): string[] {
    return this.newlyOverBudget.splice(0);
  }

  /**
   * Brings the tables up to date for an answer: call before answering from them. With a background scheduler, a
   * big file that has a summary already keeps it until the background has the new one (see above).
   */
  refresh(): void {
    if (this.dirty.size === 0) return;
    for (const uri of this.dirty) {
      if (this.summariseInBackground && this.isLeftToBackground(uri)) continue;
      this.dirty.delete(uri);
      this.update(uri);
    }
    this.index.afterUpdate?.();
  }

  /** Brings every file up to date now, a summary under way in the background included (the CLI, measurements). */
  refreshAll(): void {
    if (this.inProgress) this.finishInProgress();
    for (const uri of this.dirty) {
      this.dirty.delete(uri);
      this.update(uri);
    }
    this.index.afterUpdate?.();
  }

  /**
   * One piece of background work: a piece of the big file's summary under way (its tables change when the last
   * piece is done), else one changed file (a big one starts its summary in pieces). True while more is waiting.
   */
  runPiece(): boolean {
    if (this.inProgress && this.corpus.getFile(this.inProgress.file.uri) !== this.inProgress.file) this.inProgress = undefined; // edited: abandoned
    if (!this.inProgress) {
      const [uri] = this.dirty;
      if (uri === undefined) return false;
      this.dirty.delete(uri);
      if (!this.startInPieces(uri)) {
        this.update(uri);
        this.index.afterUpdate?.();
        return this.pending > 0;
      }
    }
    const inProgress = this.inProgress!;
    const started = this.now();
    const next = inProgress.pieces.next();
    inProgress.ms += this.now() - started;
    if (next.done) {
      this.inProgress = undefined;
      this.apply(inProgress.file, this.withinBudget(inProgress.file, next.value, inProgress.ms));
      this.index.afterUpdate?.();
    }
    return this.pending > 0;
  }

  /** A big file whose summary the background brings up to date in pieces: it has one to keep meanwhile. */
  private isLeftToBackground(uri: string): boolean {
    const file = this.corpus.getFile(uri);
    return this.index.summariseInSteps !== undefined && file !== undefined && getFileContent(file).length >= BIG_FILE_CHARS && this.summaries.has(uri);
  }

  /** Starts the file's summary in pieces when it is big and has to be summarised: false when there is nothing to piece. */
  private startInPieces(uri: string): boolean {
    const file = this.corpus.getFile(uri);
    if (!file || !this.index.summariseInSteps || getFileContent(file).length < BIG_FILE_CHARS || this.overBudget.has(uri)) return false;
    const previous = this.summaries.get(uri);
    if (previous?.version === file.version) return false;
    const stored = this.readStoredSummary(file);
    if (stored) {
      this.apply(file, stored); // read at once: the caller's update finds the file up to date
      return false;
    }
    this.inProgress = { file, pieces: this.index.summariseInSteps(file, previous?.summary), ms: 0 };
    return true;
  }

  private finishInProgress(): void {
    const inProgress = this.inProgress!;
    this.inProgress = undefined;
    if (this.corpus.getFile(inProgress.file.uri) !== inProgress.file) return; // edited: the file is dirty again
    const started = this.now();
    const summary = runToEnd(inProgress.pieces);
    inProgress.ms += this.now() - started;
    this.apply(inProgress.file, this.withinBudget(inProgress.file, summary, inProgress.ms));
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
    this.apply(file, this.readStoredSummary(file) ?? this.summariseWithinBudget(file, old?.summary));
  }

  /** The file's new summary into the tables, in one step: they never hold part of a summary. */
  private apply(file: CorpusFile, summary: S): void {
    const old = this.summaries.get(file.uri);
    this.summaries.set(file.uri, { version: file.version, summary });
    if (old && this.index.replace) this.index.replace(file.uri, old.summary, summary);
    else {
      if (old) this.index.remove(file.uri, old.summary);
      this.index.add(file.uri, summary);
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
    this.overBudget.set(file.uri, { index: this.index.name, ms, budgetMs, length: getFileContent(file).length });
    this.newlyOverBudget.push(file.uri);
  }

  private summariseWithinBudget(file: CorpusFile, previous: S | undefined): S {
    const skipped = this.overBudget.get(file.uri);
    // Not `{ ...file }`: that would read (and so join) the text of a file kept in pieces.
    if (skipped && getFileContent(file).length * 2 >= skipped.length)
      return this.index.summarise({ uri: file.uri, version: file.version, edits: file.edits, text: '', parsed: EMPTY_PARSE });
    const started = this.now();
    const summary = this.index.summarise(file, previous);
    return this.withinBudget(file, summary, this.now() - started);
  }

  /** Records whether the summary took longer than the file's budget (then it is not stored). */
  private withinBudget(file: CorpusFile, summary: S, ms: number): S {
    const skipped = this.overBudget.get(file.uri);
    const budgetMs = this.budget.baseMs + (this.budget.msPerMB * getFileContent(file).length) / (1024 * 1024);
    // Over budget, the summary is stored with its verdict: a restart keeps it and skips the file's later versions
    // as this run does, rather than spending the time again (and, on a busier or quieter machine, judging otherwise).
    const overBudget = ms > budgetMs ? { ms, budgetMs } : undefined;
    if (overBudget) this.markOverBudget(file, overBudget);
    else if (skipped) {
      this.overBudget.delete(file.uri);
      this.newlyOverBudget.push(file.uri);
    }
    this.store?.offer(file, this.index.name, () => this.index.encodeSummary!(summary), overBudget);
    return summary;
  }

  private now(): number {
    return (this.budget.now ?? performance.now.bind(performance))();
  }
}
