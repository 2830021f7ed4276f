// Whether the corpus is fully indexed, so that no front end states a partial count as final. The initial scan
// reports its progress here; the corpus is "ready" once the scan is over and the background scheduler has
// caught up. Listeners hear of the status while indexing (at most every STATUS_INTERVAL_MS) and whenever the
// settled counts change afterwards (an edit adds a problem, a pull adds files).

import { BackgroundScheduler } from './scheduler';

export type IndexingState = 'indexing' | 'ready';

export interface CorpusStatus {
  readonly state: IndexingState;
  readonly filesIndexed: number;
  readonly filesTotal: number;
  readonly releases: number;
  readonly problems: number;
}

export type CorpusCounter = () => { files: number; releases: number; problems: number };

/** While indexing, a status every this many milliseconds at most: counting is a pass over the files read so far. */
const STATUS_INTERVAL_MS = 250;

export class IndexingStatus {
  private filesIndexed = 0;
  private filesTotal = 0;
  private scanFinished = false;
  private ready = false;
  private lastSentAt = 0;
  private last: CorpusStatus | undefined;
  private readonly listeners: ((status: CorpusStatus) => void)[] = [];
  private readonly completeWaiters: (() => void)[] = [];

  constructor(
    private readonly scheduler: BackgroundScheduler,
    private readonly count: CorpusCounter,
  ) {
    scheduler.onIdle(() => {
      if (this.scanFinished) this.ready = true;
      this.emit(true);
    });
  }

  /** True once every corpus file has been read: answers from the indexes are then complete. */
  get complete(): boolean {
    return this.scanFinished;
  }

  /** How far the initial scan is, for "so far: … in N of M files indexed". */
  get progress(): { filesIndexed: number; filesTotal: number } {
    return { filesIndexed: this.filesIndexed, filesTotal: this.filesTotal };
  }

  onDidChange(listener: (status: CorpusStatus) => void): void {
    this.listeners.push(listener);
  }

  getStatus(): CorpusStatus {
    const { files, releases, problems } = this.count();
    const state = this.ready ? 'ready' : 'indexing';
    return { state, filesIndexed: this.ready ? files : this.filesIndexed, filesTotal: this.ready ? files : this.filesTotal, releases, problems };
  }

  /** Resolves true once the scan is over, or false after `timeoutMs` (the caller then answers with what it has). */
  whenComplete(timeoutMs: number): Promise<boolean> {
    if (this.scanFinished) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.completeWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  scanProgressed(filesIndexed: number, filesTotal: number): void {
    this.filesIndexed = filesIndexed;
    this.filesTotal = filesTotal;
    this.emit(filesIndexed === 0);
  }

  scanEnded(): void {
    this.scanFinished = true;
    this.completeWaiters.splice(0).forEach((wake) => wake());
    // An empty corpus (or one the scheduler caught up with during the scan) has nothing left to wait for.
    if (!this.scheduler.busy) this.ready = true;
    this.emit(true);
  }

  private emit(force: boolean): void {
    if (this.listeners.length === 0) return;
    const now = Date.now();
    if (!force && now - this.lastSentAt < STATUS_INTERVAL_MS) return;
    const status = this.getStatus();
    if (this.last && JSON.stringify(this.last) === JSON.stringify(status)) return;
    this.lastSentAt = now;
    this.last = status;
    for (const listener of this.listeners) listener(status);
  }
}
