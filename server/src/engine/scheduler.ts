// The one background scheduler: derived indexes catch up with changed files in short slices between requests,
// starting once the corpus has been quiet for a moment (after typing), so requests interleave with the work and
// never wait for a whole pass. A slice runs pieces of work for at most SLICE_MS, then yields to the event loop
// (setImmediate: requests read from stdin meanwhile are answered first). A piece is bounded too: one small file's
// summary, or one piece of a big file's summary or of its way into the tables (features/incremental.ts), and the
// clock is read after every piece, so a request waits a few milliseconds at most.
// Tasks run in the order they were added, a later one once the earlier ones have caught up: an index that reads
// another's summaries (near passages read passages, related releases read entities) finds them complete.

export interface BackgroundTask {
  /**
   * Does one bounded piece of work (a few milliseconds): true when it did some, or more is waiting; false when it
   * had nothing to do, and the next task's turn comes.
   */
  runSlice(): boolean;
}

/** How long a slice runs before it yields to requests (it completes the piece under way). */
const SLICE_MS = 5;

export class BackgroundScheduler {
  private readonly tasks: BackgroundTask[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** Disposed: no work starts any more (the CLI brings each index up to date when a command asks it). */
  private disposed = false;
  /** A change arrived while running: stop after the slice under way, and start again once quiet. */
  private paused = false;
  /** The initial scan is parsing: its own work comes first, so nothing starts on a quiet moment until it ends. */
  private held = false;
  /** A change came while held: `release` starts the work. */
  private pokedWhileHeld = false;
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
    if (this.held) {
      this.pokedWhileHeld = true;
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

  /**
   * The initial scan starts: until `release`, a change starts no work (a 5 MB file parsed in one batch would
   * otherwise be the quiet moment that lets background work in before the scan's own parse is done).
   */
  hold(): void {
    this.held = true;
    if (this.timer !== undefined) this.pokedWhileHeld = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The scan is over: the work it left starts now (before the status is read, so `busy` tells the truth). */
  release(): void {
    this.held = false;
    if (this.pokedWhileHeld && !this.running && !this.disposed) this.start();
    this.pokedWhileHeld = false;
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
      do more = this.tasks.some((task) => task.runSlice());
      while (more && performance.now() - started < SLICE_MS);
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
