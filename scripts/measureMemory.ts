// npm run measure:memory — where the server's memory goes. Writes a synthetic corpus (benchCorpus.ts;
// MEMORY_MB, default 10) to a temporary folder, loads it in-process as the server does (CorpusWorkspace on the
// Node host, scan, then each derived index brought up to date in the scheduler's order) and prints, after a
// full gc at each stage, heap used and RSS and what the stage added, in MB and in MB per 10 MB of text.
// MEMORY_KEYSTROKES (default 40) single-character edits in the large file follow, each index brought up to date
// after each, so what typing keeps shows too (a re-parse's releases once kept every version of the file's text).
// MEMORY_SNAPSHOT=1 also writes a heap snapshot at the end and prints its largest constructors by self size.
// Each stage also prints the process's peak RSS so far, which shows a stage's transient garbage; run node with the
// server's --heap-growing-percent=20 (host/heapGrowth.ts) for the server's peaks.
//   npx tsc -p . && node --expose-gc out/scripts/measureMemory.js

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { CorpusWorkspace } from '../server/src/engine/corpusWorkspace';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { canonicaliseUri } from '../server/src/features/uris';
import { NodeHost } from '../server/src/host/nodeHost';
import { BenchCorpusGenerator, createRandom } from './benchCorpus';
import { summariseHeapSnapshot } from './heapSnapshotSummary';

const TARGET_MB = Number(process.env.MEMORY_MB ?? 10);
const MB = 1048576;
const AVERAGE_FILE_BYTES = 14000;
const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
const KEYSTROKES = Number(process.env.MEMORY_KEYSTROKES ?? 40);

interface Stage {
  readonly name: string;
  readonly heapMB: number;
  readonly rssMB: number;
  /** Heap the engine holds from the system, used or not (the gap to heapMB is fragmentation). */
  readonly heapTotalMB: number;
  /** The process's peak RSS so far: a stage whose garbage raised it shows here, though a gc took its garbage back. */
  readonly peakRssMB: number | undefined;
}

function measure(name: string): Stage {
  const peakRssMB = readPeakRssMB();
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('Run with node --expose-gc.');
  collect();
  collect();
  const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
  return { name, heapMB: (heapUsed + external) / MB, rssMB: rss / MB, heapTotalMB: heapTotal / MB, peakRssMB };
}

/** The process's peak resident set (Linux), the figure the bench reports for the server. */
function readPeakRssMB(): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : undefined;
}

/** Opens the file as the editor would and types in it: one character inserted at a time, at random places. */
function typeInFile(workspace: CorpusWorkspace, uri: string, text: string): void {
  const random = createRandom(KEYSTROKES);
  workspace.documentChanged(uri, text, true);
  for (let i = 0; i < KEYSTROKES; i++) {
    const at = Math.floor(random() * text.length);
    text = text.slice(0, at) + 'e' + text.slice(at);
    text.charCodeAt(at); // flattened, as the editor's document library does before the server sees it
    workspace.documentChanged(uri, text, true, [{ start: at, end: at, text: 'e' }]);
    for (const index of workspace.corpus.derivedIndexes) index.refresh();
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-memory-'));
  try {
    const generator = new BenchCorpusGenerator(TARGET_MB, SEEDS_DIR);
    mkdirSync(join(root, 'seeds'));
    // One large file (MEMORY_LARGE_MB, default 1), as in the bench, so a large file's share and peak show too.
    const largeMB = Number(process.env.MEMORY_LARGE_MB ?? 1);
    const large = generator.writeFile(root, 'seeds/large.txt', largeMB * MB);
    const files = [large, ...generator.writeCorpus(root, (TARGET_MB - largeMB) * MB, AVERAGE_FILE_BYTES, 'release-')];
    const textMB = files.reduce((sum, f) => sum + f.bytes, 0) / MB;
    const folderUri = canonicaliseUri(pathToFileURL(root).href);
    const stages: Stage[] = [measure('start')];
    const workspace = new CorpusWorkspace(new NodeHost([folderUri]), [folderUri], DEFAULT_SETTINGS);
    // Each index is brought up to date below, one at a time: the background scheduler, which a loaded machine
    // lets run between the scan's batches, would mix them into the scan's figure.
    workspace.scheduler.poke = () => undefined;
    const { releases } = await workspace.scan();
    stages.push(measure('parsed (texts + releases)'));
    for (const index of workspace.corpus.derivedIndexes) {
      index.refreshAll();
      stages.push(measure(index.index.name));
    }
    if (KEYSTROKES > 0) {
      typeInFile(workspace, canonicaliseUri(pathToFileURL(join(root, large.relativePath)).href), readFileSync(join(root, large.relativePath), 'utf8'));
      stages.push(measure(`${KEYSTROKES} keystrokes in the ${largeMB} MB file`));
    }
    workspace.dispose();
    console.log(`${files.length} files, ${textMB.toFixed(1)} MB of text, ${releases} releases\n`);
    console.log('| stage | heap MB | adds MB | adds MB per 10 MB | heap total MB | RSS MB | peak RSS MB |');
    console.log('|---|---|---|---|---|---|---|');
    for (let i = 0; i < stages.length; i++) {
      const added = i === 0 ? 0 : stages[i].heapMB - stages[i - 1].heapMB;
      console.log(
        `| ${stages[i].name} | ${stages[i].heapMB.toFixed(1)} | ${added.toFixed(1)} | ${((added * 10) / textMB).toFixed(1)} | ${stages[i].heapTotalMB.toFixed(0)} | ${stages[i].rssMB.toFixed(0)} | ${stages[i].peakRssMB ?? '?'} |`,
      );
    }
    const total = stages[stages.length - 1].heapMB - stages[0].heapMB;
    console.log(`| total | | ${total.toFixed(1)} | ${((total * 10) / textMB).toFixed(1)} | | | |`);
    console.log(`\nPeak RSS of the process (VmHWM): ${readPeakRssMB() ?? '?'} MB`);
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
