// The one incremental mechanism behind every corpus-wide index (duplicates, passages, entities, and the ones to
// come): each file contributes a summary computed from that file alone, cached on the file's version; the
// corpus-wide tables are updated by removing the file's old summary and adding its new one. A change to one file
// therefore costs that file's summary plus its own table rows, never a pass over the corpus. Answers read the
// tables after `refresh`, which brings every changed file up to date (or only one file, for per-file answers).

import { CorpusFile, CorpusIndex } from './corpusIndex';

export interface DerivedIndex<S> {
  /** Names the index in progress reports and the benchmark. */
  readonly name: string;
  /** The file's contribution, from the file alone (never from the tables: summaries must not depend on order). */
  summarise(file: CorpusFile): S;
  add(uri: string, summary: S): void;
  remove(uri: string, summary: S): void;
  /** Replaces a file's summary when that is cheaper than remove + add (optional). */
  replace?(uri: string, before: S, after: S): void;
  /** Called once after a batch of updates (to drop caches computed from the tables). */
  afterUpdate?(): void;
}

/** Keeps one derived index in step with the corpus files. */
export class IncrementalIndex<S> {
  private readonly summaries = new Map<string, { version: number; summary: S }>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly corpus: CorpusIndex,
    readonly index: DerivedIndex<S>,
  ) {
    for (const file of corpus.getFiles()) this.dirty.add(file.uri);
    corpus.onDidChange((uris) => uris.forEach((uri) => this.dirty.add(uri)));
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
      return;
    }
    const summary = this.index.summarise(file);
    this.summaries.set(uri, { version: file.version, summary });
    if (old && this.index.replace) this.index.replace(uri, old.summary, summary);
    else {
      if (old) this.index.remove(uri, old.summary);
      this.index.add(uri, summary);
    }
  }
}
