// One worker thread of the initial scan (bundled as dist/scanWorker.js, started by scanWorkerPool.ts): reads a
// corpus file through the host's own bounded, confined read and parses it, so the main thread only stores the
// result. What it sends back is plain data (structured clone): the text, its parse, or why it was not read.

import { parentPort, workerData } from 'node:worker_threads';
import { parseCorpusFile } from '../corpus/parse';
import { CorpusFileRead } from '../engine/host';
import { NodeHost } from './nodeHost';

export interface ScanWorkerData {
  /** The workspace folders the host is confined to (URIs). */
  readonly confineTo: readonly string[];
}

export interface ScanJob {
  readonly id: number;
  readonly uri: string;
  readonly maxBytes: number;
}

export interface ScanJobDone {
  readonly id: number;
  readonly read: CorpusFileRead;
}

const port = parentPort;
if (port) {
  const host = new NodeHost((workerData as ScanWorkerData).confineTo);
  port.on('message', async ({ id, uri, maxBytes }: ScanJob) => {
    const read = await host.readText(uri, maxBytes);
    const done: ScanJobDone = { id, read: read.kind === 'text' ? { ...read, parsed: parseCorpusFile(read.text) } : read };
    port.postMessage(done);
  });
}
