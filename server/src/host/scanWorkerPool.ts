// The initial scan on every core: worker threads (scanWorker.ts) read and parse corpus files while the main
// thread stores the results and answers requests. Results are handed on in scan order, so file versions and
// counts are those of a scan in one thread. A worker that dies (or cannot start) hands its files back to the
// host's read on the main thread, which the engine then parses: the same texts, parses and problems. Workers
// start with a scan and stop at its end; a worker keeps the process alive only while it holds files (a command
// line waiting for its results must not exit), so an idle one never delays the server's exit.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CorpusFileRead, CorpusFileReader, WorkspaceHost } from '../engine/host';
import { InThreadCorpusFileReader } from '../engine/inThreadReader';
import type { ScanJob, ScanJobDone, ScanWorkerData } from './scanWorker';

/** Files in flight per worker: one being parsed and the next ones read, so no worker waits for the main thread. */
const READ_AHEAD_PER_WORKER = 4;

export interface ScanWorkerPoolOptions {
  /** Worker threads; default: one fewer than the cores (the main thread has work too), at least one. */
  readonly workers?: number;
  /** The worker script; default scanWorker.js beside this module (dist/ in the bundles, out/ when compiled). */
  readonly script?: string;
  /** Run pass one of entity recognition in the workers too (default true): false when nothing will ask for entities. */
  readonly findsEntities?: boolean;
}

/**
 * The scan reader of a front end: workers when the machine has three cores or more, else the main thread reads
 * and parses, as before workers. PRESS_CORPUS_SCAN_WORKERS sets the worker count (0: none). `host` must be
 * confined to `confineTo`, as the workers will be.
 */
export function createScanReader(host: WorkspaceHost, confineTo: readonly string[], findsEntities?: boolean): CorpusFileReader {
  const configured = process.env.PRESS_CORPUS_SCAN_WORKERS;
  const asked = configured === undefined || configured === '' ? NaN : Number(configured);
  // On two cores one worker costs more than it spares: the bench's 10 MB corpus was ready later (15.6 s against
  // 11.8 s) with 230 MB more at peak, as background work then runs during the scan on the one other core.
  const workers = Number.isInteger(asked) && asked >= 0 ? asked : availableParallelism() > 2 ? availableParallelism() - 1 : 0;
  if (workers === 0) return new InThreadCorpusFileReader(host);
  // Pass one costs 4–8 times the parse: one worker doing both would hold back every file's outline until its
  // entities were found, while the main thread waits. With one worker, it parses and the main thread recognises.
  return new ScanWorkerPool(host, confineTo, { workers, findsEntities: findsEntities ?? workers >= 2 });
}

export class ScanWorkerPool implements CorpusFileReader {
  private readonly workerCount: number;
  private readonly script: string;
  private readonly workerData: ScanWorkerData;

  constructor(
    private readonly host: WorkspaceHost,
    confineTo: readonly string[],
    options: ScanWorkerPoolOptions = {},
  ) {
    this.workerCount = options.workers ?? Math.max(1, availableParallelism() - 1);
    this.script = options.script ?? join(__dirname, 'scanWorker.js');
    this.workerData = { confineTo, findsEntities: options.findsEntities ?? true };
  }

  async *readCorpusFiles(uris: readonly string[], maxBytes: number): AsyncIterable<CorpusFileRead> {
    if (uris.length === 0) return;
    const workers = Array.from({ length: Math.min(this.workerCount, uris.length) }, () => new ScanWorker(this.script, this.workerData, this.host));
    try {
      const inFlight: Promise<CorpusFileRead>[] = [];
      let next = 0;
      const fill = () => {
        while (next < uris.length && inFlight.length < READ_AHEAD_PER_WORKER * workers.length) {
          const leastBusy = workers.reduce((best, worker) => (worker.load < best.load ? worker : best));
          inFlight.push(leastBusy.read(uris[next++], maxBytes));
        }
      };
      fill();
      while (inFlight.length > 0) {
        const read = await inFlight.shift()!;
        fill(); // before the caller stores this one, so the workers parse meanwhile
        yield read;
      }
    } finally {
      for (const worker of workers) worker.terminate();
    }
  }
}

/** One worker thread and the files it was given; when it dies, the host reads them on this thread instead. */
class ScanWorker {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, { uri: string; maxBytes: number; resolve: (read: CorpusFileRead | Promise<CorpusFileRead>) => void }>();
  private nextId = 0;
  private state: 'running' | 'failed' | 'stopped' = 'running';

  constructor(
    script: string,
    workerData: ScanWorkerData,
    private readonly host: WorkspaceHost,
  ) {
    this.worker = new Worker(script, { workerData });
    this.worker.unref();
    this.worker.on('message', ({ id, read }: ScanJobDone) => {
      const job = this.jobs.get(id);
      this.jobs.delete(id);
      if (this.jobs.size === 0) this.worker.unref();
      job?.resolve(read);
    });
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
  }

  get load(): number {
    return this.state === 'running' ? this.jobs.size : Number.POSITIVE_INFINITY;
  }

  read(uri: string, maxBytes: number): Promise<CorpusFileRead> {
    if (this.state !== 'running') return this.host.readText(uri, maxBytes);
    return new Promise((resolve) => {
      const job: ScanJob = { id: this.nextId++, uri, maxBytes };
      if (this.jobs.size === 0) this.worker.ref();
      this.jobs.set(job.id, { uri, maxBytes, resolve });
      this.worker.postMessage(job);
    });
  }

  terminate(): void {
    this.state = 'stopped';
    this.jobs.clear();
    void this.worker.terminate();
  }

  private fail(): void {
    if (this.state !== 'running') return;
    this.state = 'failed';
    for (const job of this.jobs.values()) job.resolve(this.host.readText(job.uri, job.maxBytes));
    this.jobs.clear();
  }
}
