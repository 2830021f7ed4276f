// npm run measure:memory — where the server's memory goes. Writes a synthetic corpus (benchCorpus.ts;
// MEMORY_MB, default 10) to a temporary folder, loads it in-process as the server does (CorpusWorkspace on the
// Node host, scan, then each derived index brought up to date in the scheduler's order) and prints, after a
// full gc at each stage, heap used and RSS and what the stage added, in MB and in MB per 10 MB of text.
// MEMORY_SNAPSHOT=1 also writes a heap snapshot at the end and prints its largest constructors by self size.
//   npx tsc -p . && node --expose-gc out/scripts/measureMemory.js

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { CorpusWorkspace } from '../server/src/engine/corpusWorkspace';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { canonicaliseUri } from '../server/src/features/uris';
import { NodeHost } from '../server/src/host/nodeHost';
import { BenchCorpusGenerator } from './benchCorpus';
import { summariseHeapSnapshot } from './heapSnapshotSummary';

const TARGET_MB = Number(process.env.MEMORY_MB ?? 10);
const MB = 1048576;
const AVERAGE_FILE_BYTES = 14000;
const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');

interface Stage {
  readonly name: string;
  readonly heapMB: number;
  readonly rssMB: number;
}

function measure(name: string): Stage {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('Run with node --expose-gc.');
  collect();
  collect();
  const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
  return { name, heapMB: (heapUsed + external - arrayBuffers) / MB, rssMB: rss / MB };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-memory-'));
  try {
    const generator = new BenchCorpusGenerator(TARGET_MB, SEEDS_DIR);
    mkdirSync(join(root, 'seeds'));
    // One 1 MB file, as in the bench, so a large file's share shows too.
    const files = [generator.writeFile(root, 'seeds/large-1mb.txt', MB), ...generator.writeCorpus(root, TARGET_MB * MB - MB, AVERAGE_FILE_BYTES, 'release-')];
    const textMB = files.reduce((sum, f) => sum + f.bytes, 0) / MB;
    const folderUri = canonicaliseUri(pathToFileURL(root).href);
    const stages: Stage[] = [measure('start')];
    const workspace = new CorpusWorkspace(new NodeHost([folderUri]), [folderUri], DEFAULT_SETTINGS);
    const { releases } = await workspace.scan();
    stages.push(measure('parsed (texts + releases)'));
    for (const index of workspace.corpus.derivedIndexes) {
      index.refresh();
      stages.push(measure(index.index.name));
    }
    workspace.dispose();
    console.log(`${files.length} files, ${textMB.toFixed(1)} MB of text, ${releases} releases\n`);
    console.log('| stage | heap MB | adds MB | adds MB per 10 MB | RSS MB |');
    console.log('|---|---|---|---|---|');
    for (let i = 0; i < stages.length; i++) {
      const added = i === 0 ? 0 : stages[i].heapMB - stages[i - 1].heapMB;
      console.log(
        `| ${stages[i].name} | ${stages[i].heapMB.toFixed(1)} | ${added.toFixed(1)} | ${((added * 10) / textMB).toFixed(1)} | ${stages[i].rssMB.toFixed(0)} |`,
      );
    }
    const total = stages[stages.length - 1].heapMB - stages[0].heapMB;
    console.log(`| total | | ${total.toFixed(1)} | ${((total * 10) / textMB).toFixed(1)} | |`);
    if (process.env.MEMORY_SNAPSHOT) {
      const path = writeHeapSnapshot(join(tmpdir(), `press-corpus-memory-${process.pid}.heapsnapshot`));
      console.log(`\nHeap snapshot: ${path}`);
      console.log(summariseHeapSnapshot(path, 25));
    }
    // Keep the workspace reachable until the snapshot is written.
    if (workspace.corpus.files.size < 0) console.log('unreachable');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
