// What one keystroke costs in a big corpus file, in-process: a 1 MB and a 20 MB file generated as the bench's
// (benchCorpus.ts), random single-character edits through CorpusWorkspace.documentChanged (with the change as the
// editor reports it), and for each edit
//   - keystroke → diagnostics: the re-parse plus the edited file's problems, as the server publishes them;
//   - each derived index catching up on the edited file (the background work the edit causes);
//   - the status bar's counts (`pressCorpus/status`).
// With KEYSTROKE_TAGS=N the file also has N analyst tags (annotations/typing.yaml), spread over it; keystroke →
// diagnostics then includes re-anchoring them, and keystroke → tag positions adds what the editor is sent after
// the edit: the tag file's diagnostics and the decorations' answer (`pressCorpus.tagRanges`; `listTags` for the
// file in builds without it), as JSON.
// Keystroke → diagnostics includes the editor's document taking the change, as the server keeps it: in pieces
// (features/pieceText.ts), or, in builds before them, one string edited by concatenation as the document library
// does, which its first read copies flat.
// `npm run measure:keystroke` measures this build; with `--before DIR` (a build's out/ folder, e.g. the main
// checkout's) it measures that build too, in the same run, on the same texts and edits.
// Environment: KEYSTROKE_SIZES_MB (default "1,20"), KEYSTROKE_EDITS (per size, default 30), KEYSTROKE_TAGS (default 0),
// KEYSTROKE_CLOCK (`cpu` for CPU time; default wall time), KEYSTROKE_BACKGROUND (`steps`: the longest background
// step a request may wait behind, and how many, instead of each index's catching up).

import { join, resolve } from 'node:path';
import { createAnchor } from '../server/src/annotations/anchoring';
import { printNewTagFile } from '../server/src/annotations/tagFileEdits';
import { BenchCorpusGenerator, createRandom } from './benchCorpus';

const SIZES_MB = (process.env.KEYSTROKE_SIZES_MB ?? '1,20').split(',').filter(Boolean).map(Number);
const EDITS = Number(process.env.KEYSTROKE_EDITS ?? 30);
const TAGS = Number(process.env.KEYSTROKE_TAGS ?? 0);
/** KEYSTROKE_BACKGROUND=steps: the background work step by step (its longest step) instead of each index's total. */
const BACKGROUND_STEPS = process.env.KEYSTROKE_BACKGROUND === 'steps';
const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
const MB = 1048576;

type Engine = {
  CorpusWorkspace: typeof import('../server/src/engine/corpusWorkspace').CorpusWorkspace;
  MemoryHost: typeof import('../server/src/engine/memoryHost').MemoryHost;
  findWorkspaceProblems: typeof import('../server/src/engine/workspaceProblems').findWorkspaceProblems;
  listTags: typeof import('../server/src/lsp/tagCommands').listTags;
  /** Missing in builds from before `pressCorpus.tagRanges`: their decorations asked `listTags`. */
  findTagRanges?: typeof import('../server/src/lsp/tagCommands').findTagRanges;
  /** Missing in builds whose server kept open documents in the document library (one string). */
  PieceText?: typeof import('../server/src/features/pieceText').PieceText;
};

function loadEngine(outDir: string): Engine {
  const from = (path: string) => require(resolve(outDir, 'server', 'src', path)); // eslint-disable-line @typescript-eslint/no-require-imports
  // The time budget guards against a hostile file; on a loaded machine it would skip the very work measured here.
  Object.assign(from('features/incremental').SUMMARY_TIME_BUDGET, { baseMs: 1e9 });
  return {
    CorpusWorkspace: from('engine/corpusWorkspace').CorpusWorkspace,
    MemoryHost: from('engine/memoryHost').MemoryHost,
    findWorkspaceProblems: from('engine/workspaceProblems').findWorkspaceProblems,
    listTags: from('lsp/tagCommands').listTags,
    findTagRanges: from('lsp/tagCommands').findTagRanges,
    PieceText: (() => {
      try {
        return from('features/pieceText').PieceText;
      } catch {
        return undefined;
      }
    })(),
  };
}

/** Milliseconds per phase, one entry per edit. */
type Samples = Map<string, number[]>;

/** KEYSTROKE_CLOCK=cpu: the process's CPU time instead of wall time (on a shared machine, wall time counts waits for a core). */
const now = process.env.KEYSTROKE_CLOCK === 'cpu' ? () => (({ user, system }) => (user + system) / 1000)(process.cpuUsage()) : () => performance.now();

function time(samples: Samples, phase: string, run: () => void): void {
  const started = now();
  run();
  addSample(samples, phase, now() - started);
}

function addSample(samples: Samples, phase: string, ms: number): void {
  const list = samples.get(phase) ?? [];
  list.push(ms);
  samples.set(phase, list);
}

/** One edit as the editor reports it (offsets into the text before). */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Random single-character edits (an insertion or a deletion), the same for every build measured. */
function createEdits(text: string, count: number, seed: number): Edit[] {
  const random = createRandom(seed);
  const edits: Edit[] = [];
  let length = text.length;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * length);
    const insert = random() < 0.5;
    length += insert ? 1 : -1;
    edits.push({ start: at, end: insert ? at : at + 1, text: insert ? 'e' : '' });
  }
  return edits;
}

/** The open document as the build's server keeps it: the text after each edit, as it hands it to the engine. */
function openDocument(engine: Engine, text: string): (edit: Edit) => string {
  const { PieceText } = engine;
  if (PieceText) {
    let pieces = PieceText.from(text);
    // A build with pieces takes them (typed as a string for the builds before, whose engine takes only strings).
    return (edit) => (pieces = pieces.edit(edit.start, edit.end, edit.text)) as unknown as string;
  }
  let current = text;
  return (edit) => {
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    current.charCodeAt(edit.start); // the document library's next read (its line offsets), which copies it flat
    return current;
  };
}

/** A tag file with `count` tags of two or three words each, at even intervals over the text. */
function printTagFile(text: string, count: number): string {
  const records = Array.from({ length: count }, (_, i) => {
    const from = Math.floor((i * text.length) / count);
    const start = text.indexOf(' ', from) + 1 || from;
    let end = start;
    for (let words = 0; words < 2 + (i % 2) && end < text.length; words++) end = text.indexOf(' ', end + 1) < 0 ? text.length : text.indexOf(' ', end + 1);
    return { id: `t${i}`, tags: [`topic/${i % 40}`], note: '', release: '', created: '2026-12-01', anchor: createAnchor(text, { start, end }) };
  });
  return printNewTagFile(TAG_FILE_CORPUS_PATH, records);
}

const FOLDER_URI = 'file:///bench';
const TAG_FILE_CORPUS_PATH = 'seeds/typing.txt';
const TAG_FILE_URI = `${FOLDER_URI}/annotations/typing.yaml`;

async function openWorkspace(engine: Engine, uri: string, text: string, tagFile?: string) {
  const files = tagFile ? { [uri]: text, [TAG_FILE_URI]: tagFile } : { [uri]: text };
  const workspace = new engine.CorpusWorkspace(new engine.MemoryHost(files), [FOLDER_URI], {
    corpusGlobs: ['seeds/**/*.txt'],
    maxFileSizeMB: 50,
  });
  await workspace.scan();
  await workspace.tags.ensureLoaded();
  workspace.refreshAll();
  workspace.scheduler.dispose();
  return workspace;
}

async function measureBuild(engine: Engine, text: string, edits: readonly Edit[]): Promise<Samples> {
  const uri = `${FOLDER_URI}/${TAG_FILE_CORPUS_PATH}`;
  const tagFile = TAGS ? printTagFile(text, TAGS) : undefined;
  // Warm-up: the gazetteer and the JIT (with tags, also a few tagged edits: the tag code is not run otherwise).
  const warmUpText = text.slice(0, 200_000);
  const warmUp = await openWorkspace(engine, uri, warmUpText, tagFile && printTagFile(warmUpText, Math.ceil(TAGS / 5)));
  if (tagFile) {
    const editWarmUp = openDocument(engine, warmUpText);
    for (const edited of createEdits(warmUpText, WARM_UP_EDITS, 0)) measureEdit(engine, warmUp, uri, edited, editWarmUp, new Map(), true);
  }
  const workspace = await openWorkspace(engine, uri, text, tagFile);
  if (tagFile && engine.listTags(toContext(workspace), { corpusUri: uri }).length !== TAGS) throw new Error('The tag file was not read.');
  const samples: Samples = new Map([['keystroke → diagnostics', []]]);
  if (tagFile) samples.set('keystroke → tag positions', []);
  const editDocument = openDocument(engine, text);
  for (const edit of edits) measureEdit(engine, workspace, uri, edit, editDocument, samples, !!tagFile);
  return samples;
}

const WARM_UP_EDITS = 5;

function measureEdit(
  engine: Engine,
  workspace: InstanceType<Engine['CorpusWorkspace']>,
  uri: string,
  edit: Edit,
  editDocument: (edit: Edit) => string,
  samples: Samples,
  tagged: boolean,
): void {
  let text = '';
  time(samples, '  of which document update', () => (text = editDocument(edit)));
  // With the editor's change, as the server passes it (a build before that ignores it and compares the texts).
  time(samples, '  of which re-parse', () => workspace.documentChanged(uri, text, true, [edit]));
  time(samples, '  of which problems', () => engine.findWorkspaceProblems(workspace, uri));
  const [update, parse, problems] = ['  of which document update', '  of which re-parse', '  of which problems'].map((phase) => samples.get(phase)!.at(-1)!);
  addSample(samples, 'keystroke → diagnostics', update + parse + problems);
  if (tagged) {
    time(samples, '  then tag file problems', () => engine.findWorkspaceProblems(workspace, TAG_FILE_URI));
    time(samples, '  then decorations (JSON)', () => JSON.stringify(findDecorations(engine, workspace, uri)));
    const [yaml, drawn] = ['  then tag file problems', '  then decorations (JSON)'].map((phase) => samples.get(phase)!.at(-1)!);
    addSample(samples, 'keystroke → tag positions', update + parse + problems + yaml + drawn);
    time(samples, 'listTags of the file (JSON; Tags view, 1 s after typing)', () => JSON.stringify(engine.listTags(toContext(workspace), { corpusUri: uri })));
  }
  if (BACKGROUND_STEPS) measureBackgroundSteps(workspace, samples);
  // The whole of each index's catching up (builds from before background pieces have no refreshAll; refresh did it all).
  else
    for (const index of workspace.corpus.derivedIndexes)
      time(samples, `background: ${index.index.name}`, () => (index.refreshAll ?? index.refresh).call(index));
  time(samples, 'status counts', () => workspace.status.getStatus());
  workspace.scheduler.dispose();
}

/**
 * The background work the edit causes, step by step as the scheduler runs it: the longest step is what a request
 * arriving meanwhile may wait behind. A step is a piece (`runPiece`, indexes in order), or in builds from before
 * background pieces one file of one index (`refreshSome(1)`, each index in turn).
 */
function measureBackgroundSteps(workspace: InstanceType<Engine['CorpusWorkspace']>, samples: Samples): void {
  type Index = Partial<(typeof workspace.corpus.derivedIndexes)[number]> & { refreshSome?: (files: number) => boolean };
  const indexes = workspace.corpus.derivedIndexes as readonly Index[];
  const step = () => (indexes[0].runPiece ? indexes.some((index) => index.runPiece!()) : indexes.map((index) => index.refreshSome!(1)).includes(true));
  let longest = 0;
  let steps = 0;
  for (let more = true; more; steps++) {
    const started = now();
    more = step();
    longest = Math.max(longest, now() - started);
  }
  addSample(samples, 'background: longest step', longest);
  addSample(samples, 'background: steps', steps);
}

/** What the editor asks after a keystroke to redraw the file's tags. */
function findDecorations(engine: Engine, workspace: InstanceType<Engine['CorpusWorkspace']>, uri: string): unknown {
  const context = toContext(workspace);
  return engine.findTagRanges ? engine.findTagRanges(context, uri) : engine.listTags(context, { corpusUri: uri });
}

/** The tag commands read only the workspace of the server's context. */
function toContext(workspace: InstanceType<Engine['CorpusWorkspace']>): Parameters<Engine['listTags']>[0] {
  return { workspace } as Parameters<Engine['listTags']>[0];
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
    console.log(`\n${megabytes} MB file (${text.length} characters${TAGS ? `, ${TAGS} tags` : ''}), ${edits.length} edits, p50 / p99 ms`);
    console.log(['phase', ...results.map(([label]) => label)].join(' | '));
    for (const phase of phases) console.log([phase, ...results.map(([, samples]) => format(samples.get(phase)))].join(' | '));
  }
}

void main();
