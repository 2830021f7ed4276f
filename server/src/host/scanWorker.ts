// One worker thread of the initial scan (bundled as dist/scanWorker.js, started by scanWorkerPool.ts): reads a
// corpus file through the host's own bounded, confined read, parses it and runs pass one of entity recognition
// on each release, so the main thread only stores the results. What it sends back is plain data (structured
// clone): the text, its parse and findings, or why it was not read.

import { parentPort, workerData } from 'node:worker_threads';
import { findFileFindings } from '../corpus/entities/recognize';
import { parseCorpusFile } from '../corpus/parse';
import { CorpusFileRead } from '../engine/host';
import { NodeHost } from './nodeHost';

export interface ScanWorkerData {
  /** The workspace folders the host is confined to (URIs). */
  readonly confineTo: readonly string[];
  /** Whether to run pass one of entity recognition too (not when no one will ask for entities). */
  readonly findsEntities: boolean;
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
  const { confineTo, findsEntities } = workerData as ScanWorkerData;
  const host = new NodeHost(confineTo);
  port.on('message', async ({ id, uri, maxBytes }: ScanJob) => {
    const read = await host.readText(uri, maxBytes);
    if (read.kind !== 'text') return port.postMessage({ id, read } satisfies ScanJobDone);
    const parsed = parseCorpusFile(read.text);
    const releaseFindings = findsEntities ? findFileFindings(read.text, parsed) : undefined;
    port.postMessage({ id, read: { ...read, parsed, releaseFindings } } satisfies ScanJobDone);
  });
}
