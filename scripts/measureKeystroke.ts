// What one keystroke costs in a big corpus file, in-process: a 1 MB and a 20 MB file generated as the bench's
// (benchCorpus.ts), random single-character edits through CorpusWorkspace.documentChanged (with the change as the
// editor reports it), and for each edit
//   - keystroke → diagnostics: the re-parse plus the edited file's problems, as the server publishes them;
//   - each derived index catching up on the edited file (the background work the edit causes);
//   - the status bar's counts (`pressCorpus/status`).
// `npm run measure:keystroke` measures this build; with `--before DIR` (a build's out/ folder, e.g. the main
// checkout's) it measures that build too, in the same run, on the same texts and edits.
// Environment: KEYSTROKE_SIZES_MB (default "1,20"), KEYSTROKE_EDITS (per size, default 30).

import { join, resolve } from 'node:path';
import { BenchCorpusGenerator, createRandom } from './benchCorpus';

const SIZES_MB = (process.env.KEYSTROKE_SIZES_MB ?? '1,20').split(',').filter(Boolean).map(Number);
const EDITS = Number(process.env.KEYSTROKE_EDITS ?? 30);
const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
const MB = 1048576;

type Engine = {
  CorpusWorkspace: typeof import('../server/src/engine/corpusWorkspace').CorpusWorkspace;
  MemoryHost: typeof import('../server/src/engine/memoryHost').MemoryHost;
  findWorkspaceProblems: typeof import('../server/src/engine/workspaceProblems').findWorkspaceProblems;
};

function loadEngine(outDir: string): Engine {
  const from = (path: string) => require(resolve(outDir, 'server', 'src', path)); // eslint-disable-line @typescript-eslint/no-require-imports
  // The time budget guards against a hostile file; on a loaded machine it would skip the very work measured here.
  Object.assign(from('features/incremental').SUMMARY_TIME_BUDGET, { baseMs: 1e9 });
  return {
    CorpusWorkspace: from('engine/corpusWorkspace').CorpusWorkspace,
    MemoryHost: from('engine/memoryHost').MemoryHost,
    findWorkspaceProblems: from('engine/workspaceProblems').findWorkspaceProblems,
  };
}

/** Milliseconds per phase, one entry per edit. */
type Samples = Map<string, number[]>;

function time(samples: Samples, phase: string, run: () => void): void {
  const started = performance.now();
  run();
  const list = samples.get(phase) ?? [];
  list.push(performance.now() - started);
  samples.set(phase, list);
}

/** One edit: the text after it, and the change as the editor reports it (offsets into the text before). */
interface Edit {
  readonly text: string;
  readonly change: { readonly start: number; readonly end: number; readonly text: string };
}

/** Random single-character edits (an insertion or a deletion), the same for every build measured. */
function createEdits(text: string, count: number, seed: number): Edit[] {
  const random = createRandom(seed);
  const edits: Edit[] = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * current.length);
    const insert = random() < 0.5;
    current = insert ? current.slice(0, at) + 'e' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
    // The editor's document library reads the new text at the edit, which makes V8 copy it into one flat string
    // before the server sees it; done here too, so that copy is not counted as the engine's.
    current.charCodeAt(at);
    edits.push({ text: current, change: { start: at, end: insert ? at : at + 1, text: insert ? 'e' : '' } });
  }
  return edits;
}

async function openWorkspace(engine: Engine, uri: string, text: string) {
  const workspace = new engine.CorpusWorkspace(new engine.MemoryHost({ [uri]: text }), ['file:///bench'], {
    corpusGlobs: ['seeds/**/*.txt'],
    maxFileSizeMB: 50,
  });
  await workspace.scan();
  workspace.refreshAll();
  workspace.scheduler.dispose();
  return workspace;
}

async function measureBuild(engine: Engine, text: string, edits: readonly Edit[]): Promise<Samples> {
  const uri = 'file:///bench/seeds/typing.txt';
  // Warm-up: the gazetteer and the JIT.
  await openWorkspace(engine, uri, text.slice(0, 200_000));
  const workspace = await openWorkspace(engine, uri, text);
  const samples: Samples = new Map([['keystroke → diagnostics', []]]);
  for (const edit of edits) {
    // With the editor's change, as the server passes it (a build before that ignores it and compares the texts).
    time(samples, '  of which re-parse', () => workspace.documentChanged(uri, edit.text, true, [edit.change]));
    time(samples, '  of which problems', () => engine.findWorkspaceProblems(workspace, uri));
    const [parse, problems] = ['  of which re-parse', '  of which problems'].map((phase) => samples.get(phase)!.at(-1)!);
    samples.get('keystroke → diagnostics')!.push(parse + problems);
    for (const index of workspace.corpus.derivedIndexes) time(samples, `background: ${index.index.name}`, () => index.refresh());
    time(samples, 'status counts', () => workspace.status.getStatus());
    workspace.scheduler.dispose();
  }
  return samples;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function format(list: readonly number[] | undefined): string {
  if (!list?.length) return '';
  const sorted = [...list].sort((a, b) => a - b);
  return `${percentile(sorted, 0.5).toFixed(1)} / ${percentile(sorted, 0.99).toFixed(1)}`;
}

async function main(): Promise<void> {
  const beforeAt = process.argv.indexOf('--before');
  const builds: [string, Engine][] = [];
  if (beforeAt > 0) builds.push(['before', loadEngine(process.argv[beforeAt + 1])]);
  builds.push(['this build', loadEngine(join(__dirname, '..'))]);
  for (const megabytes of SIZES_MB) {
    const text = new BenchCorpusGenerator(megabytes, SEEDS_DIR).generateFile(megabytes * MB).text;
    const edits = createEdits(text, EDITS, megabytes);
    const results = [];
    for (const [label, engine] of builds) results.push([label, await measureBuild(engine, text, edits)] as const);
    const phases = [...new Set(results.flatMap(([, samples]) => [...samples.keys()]))];
    console.log(`\n${megabytes} MB file (${text.length} characters), ${edits.length} edits, p50 / p99 ms`);
    console.log(['phase', ...results.map(([label]) => label)].join(' | '));
    for (const phase of phases) console.log([phase, ...results.map(([, samples]) => format(samples.get(phase)))].join(' | '));
  }
}

void main();
