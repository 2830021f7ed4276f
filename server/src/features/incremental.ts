// The one incremental mechanism behind every corpus-wide index (duplicates, passages, entities, and the ones to
// come): each file contributes a summary computed from that file alone, cached on the file's version; the
// corpus-wide tables are updated by removing the file's old summary and adding its new one. A change to one file
// therefore costs that file's summary plus its own table rows, never a pass over the corpus. Answers read the
// tables after `refresh`, which brings every changed file up to date (or only one file, for per-file answers).
//
// Big files in pieces: with a background scheduler (`summariseInBackground`), a request's `refresh` leaves a big
// file that already has a summary to the background, which computes its new summary in pieces of a few
// milliseconds (`summariseInSteps`), yielding to requests between pieces. Meanwhile the tables keep the file's
// last complete summary: they change only when a summary is complete, so a request sees the old summary or the new
// one, never a mix. An edit abandons a summary under way. A complete summary goes into the tables in one step, or,
// for a big file of an index that can (`replaceInSteps`), in pieces of at most ROWS_PER_PIECE rows: rows the new
// summary adds are hidden from answers until it is published, the old summary's rows after that, so even a 5 MB
// file's first summary or an edit that moves every sentence after it never holds a request for longer than a piece.
//
// Time budget: no single file may freeze the server on every keystroke. A file whose summary took longer than
// its budget (a base plus a share per MB of text) is skipped by that index from then on: it contributes an
// empty summary, and the file reports `file.over-budget`. The slow summary already computed is kept (and stored
// with that verdict, so a restart takes both); a file that shrinks below half the size it had then is tried again. Timings decide only this skip, never a result.

import { runToEnd } from '../corpus/entities/steps';
import { CorpusFile, CorpusIndex, getFileContent } from './corpusIndex';
import { BIG_FILE_CHARS, DerivedIndex, OverBudget, SUMMARY_TIME_BUDGET, SummaryStore, TimeBudget } from './derivedIndex';

const EMPTY_PARSE = { releases: [], problems: [], boilerplate: [] };

/** A summary the background is computing in pieces, for one version of one file, then putting into the tables. */
interface SummaryInProgress<S> {
  readonly file: CorpusFile;
  /** The summary's pieces (none for a stored one). */
  readonly pieces?: Generator<void, S, void>;
  /** Milliseconds spent in its pieces so far, for the time budget. */
  ms: number;
  /** A summary read from the store: it had its verdict when it was computed. */
  readonly stored: boolean;
  /** Once the summary is complete: its pieces into the tables (`replaceInSteps`), never abandoned. */
  applying?: Generator<void, void, void>;
  /** Whether the tables hold the new summary for answers (`getSummaryInTables`) already. */
  published?: boolean;
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

  /** Whether the index has a codec for its tables (a snapshot restores them whole). */
  get snapshotsTables(): boolean {
    return this.index.encodeTables !== undefined && this.index.decodeTables !== undefined;
  }

  /** Whether the tables hold exactly these files, each up to date and at the version given (a quiet corpus). */
  holdsExactly(files: ReadonlyMap<string, number>): boolean {
    if (this.dirty.size > 0 || this.inProgress || this.summaries.size !== files.size) return false;
    for (const [uri, version] of files) if (this.summaries.get(uri)?.version !== version || this.corpus.getFile(uri)?.version !== version) return false;
    return true;
  }

  /** The tables as data (after `holdsExactly` said they hold these files). */
  encodeTables(files: ReadonlyMap<string, number>): unknown {
    const uris = [...files.keys()];
    return this.index.encodeTables!({ uris, summaries: uris.map((uri) => this.summaries.get(uri)!.summary) });
  }

  /**
   * Restores the tables from a snapshot of these files (their texts those the snapshot was taken of), each file's
   * summary decoded from the store (computed, for an index that stores none: a cheap one) and not added row by
   * row. False when anything does not fit: then the summaries made so far are added as usual, and the other
   * files are summarised as they would have been.
   */
  restoreTables(uris: readonly string[], data: unknown): boolean {
    const files = uris.map((uri) => this.corpus.getFile(uri));
    const summaries: S[] = [];
    const summarise = (file: CorpusFile) => (this.storesSummaries ? this.readStoredSummary(file) : this.summariseWithinBudget(file, undefined));
    for (const file of files) {
      const summary = file && this.dirty.has(file.uri) && !this.summaries.has(file.uri) ? summarise(file) : undefined;
      if (!summary) break;
      summaries.push(summary);
    }
    const restored = summaries.length === files.length && this.index.decodeTables!(data, { uris, summaries });
    summaries.forEach((summary, i) => {
      const file = files[i]!;
      this.dirty.delete(file.uri);
      if (restored) this.summaries.set(file.uri, { version: file.version, summary });
      else this.apply(file, summary);
    });
    this.index.afterUpdate?.();
    return restored;
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
    // Once the new summary is published, the pieces left only remove the old one's rows, which answers skip.
    if (this.inProgress?.file.uri === uri && !this.inProgress.published) {
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
   * One piece of background work: a piece of the big file's summary under way or of its way into the tables (they
   * change when it is published), else one changed file (a big one starts its summary in pieces). True when it did
   * some work, false when nothing was waiting: a caller checks its clock between two pieces.
   */
  runPiece(): boolean {
    const inProgress = this.inProgress;
    if (inProgress?.applying) {
      if (inProgress.applying.next().done) this.inProgress = undefined;
      return true;
    }
    if (inProgress && this.corpus.getFile(inProgress.file.uri) !== inProgress.file) this.inProgress = undefined; // edited: abandoned
    if (!this.inProgress) {
      const [uri] = this.dirty;
      if (uri === undefined) return false;
      this.dirty.delete(uri);
      if (!this.startInPieces(uri)) {
        this.update(uri);
        this.index.afterUpdate?.();
      }
      return true;
    }
    const started = this.now();
    const next = this.inProgress.pieces!.next();
    this.inProgress.ms += this.now() - started;
    if (next.done) this.startApplying(next.value);
    return true;
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
      // Complete already: only its way into the tables is left, in pieces for an index that can.
      this.inProgress = { file, ms: 0, stored: true };
      this.startApplying(stored);
    } else this.inProgress = { file, pieces: this.index.summariseInSteps(file, previous?.summary), ms: 0, stored: false };
    return true;
  }

  /** The summary under way is complete: into the tables at once, or in pieces for a big file (`replaceInSteps`). */
  private startApplying(computed: S): void {
    const inProgress = this.inProgress!;
    const { file } = inProgress;
    const summary = inProgress.stored ? computed : this.withinBudget(file, computed, inProgress.ms);
    if (!this.index.replaceInSteps) {
      this.inProgress = undefined;
      this.apply(file, summary);
      this.index.afterUpdate?.();
      return;
    }
    const publish = () => {
      this.summaries.set(file.uri, { version: file.version, summary });
      inProgress.published = true;
      this.index.afterUpdate?.();
    };
    inProgress.applying = this.index.replaceInSteps(file.uri, this.summaries.get(file.uri)?.summary, summary, publish);
  }

  /** Runs the summary under way to its end, into the tables (unless the file was edited before it was complete). */
  private finishInProgress(): void {
    const inProgress = this.inProgress!;
    if (!inProgress.applying) {
      if (this.corpus.getFile(inProgress.file.uri) !== inProgress.file) {
        this.inProgress = undefined; // edited: the file is dirty again
        return;
      }
      const started = this.now();
      const summary = runToEnd(inProgress.pieces!);
      inProgress.ms += this.now() - started;
      this.startApplying(summary);
    }
    if (inProgress.applying) runToEnd(inProgress.applying);
    this.inProgress = undefined;
  }

  private update(uri: string): void {
    if (this.inProgress?.file.uri === uri) this.finishInProgress(); // the tables must hold one summary of the file
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
