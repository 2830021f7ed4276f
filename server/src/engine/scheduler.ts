// The one background scheduler: derived indexes catch up with changed files in short slices between requests,
// starting once the corpus has been quiet for a moment (after the initial scan's batches, after typing), so
// requests interleave with the work and rarely wait for a whole pass. A slice runs the tasks in turn, each a
// small step (one file of one index), until SLICE_MS have passed: a request waits at most for the step under way.

export interface BackgroundTask {
  /** Does a bounded amount of work; true while more is waiting. */
  runSlice(): boolean;
}

/** How long a slice runs before it yields to requests (it always completes the step under way). */
const SLICE_MS = 20;

export class BackgroundScheduler {
  private readonly tasks: BackgroundTask[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** Disposed: no work starts any more (the CLI brings each index up to date when a command asks it). */
  private disposed = false;
  /** A change arrived while running: stop after the slice under way, and start again once quiet. */
  private paused = false;
  private readonly idleListeners: (() => void)[] = [];

  constructor(private readonly quietMs = 200) {}

  add(task: BackgroundTask): void {
    this.tasks.push(task);
  }

  /**
   * Something changed: run the tasks once things have been quiet for `quietMs`. Work under way pauses, so what a
   * change asks for first (its diagnostics, published right after it) never waits behind background work.
   */
  poke(): void {
    if (this.disposed) return;
    if (this.running) {
      this.paused = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.quietMs);
  }

  /**
   * Work arrived that needs no quiet moment first (a file the initial scan stored, parsed on another thread): run
   * now when idle, so the derived indexes catch up while the scan's workers parse. Work under way goes on, and a
   * quiet period an edit asked for is kept.
   */
  resume(): void {
    if (!this.running && this.timer === undefined && !this.disposed) this.start();
  }

  /** Called each time every task has caught up. */
  onIdle(listener: () => void): void {
    this.idleListeners.push(listener);
  }

  get busy(): boolean {
    return this.running || this.timer !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private start(): void {
    this.timer = undefined;
    this.running = true;
    const slice = () => {
      if (this.disposed) {
        this.running = false;
        return;
      }
      if (this.paused) {
        this.paused = false;
        this.running = false;
        this.poke();
        return;
      }
      const started = performance.now();
      let more: boolean;
      do {
        more = false;
        for (const task of this.tasks) more = task.runSlice() || more;
      } while (more && performance.now() - started < SLICE_MS);
      if (more) {
        setImmediate(slice);
        return;
      }
      this.running = false;
      for (const listener of this.idleListeners) listener();
    };
    setImmediate(slice);
  }
}
