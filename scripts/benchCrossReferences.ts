// The cross-reference share of `npm run bench` (bench.ts calls it on each corpus), and the index cost that
// `npm run measure:cross-references` prints too:
// - build time and heap of the verbatim passage, near-passage and related-release indexes, each built in this
//   process on the bench corpus's files one after the other (the server builds the same tables, in background
//   slices; their share of the heap is of the whole corpus as the server holds it);
// - request kinds for the bench's shuffled mix, through the real server: Go to Definition on a talking point
//   the bench corpus repeats in 2 or 3 releases, and a keystroke in one occurrence until Go to Definition from
//   another file answers with the edited range.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Location } from 'vscode-languageserver/node';
import { Corpus } from '../server/src/features/corpus';
import { LspTestClient } from '../test/support/lspClient';
import type { RequestKind } from './bench';
import { BenchFile, PassagePosition } from './benchCorpus';

export interface IndexCost {
  readonly name: string;
  readonly buildMs: number;
  readonly heapMB: number;
  /** Of the heap the indexed corpus adds to its texts (parse results and every index). */
  readonly heapShare: number;
}

export interface CrossReferenceIndexCosts {
  readonly corpus: Corpus;
  readonly costs: readonly IndexCost[];
  readonly corpusHeapMB: number;
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

function timeMs(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Parses the files and builds the cross-reference indexes one by one (entity recognition too: related releases
 * read its mentions). Heap figures need `node --expose-gc`.
 */
export function measureCrossReferenceIndexes(files: readonly { uri: string; text: string }[]): CrossReferenceIndexCosts {
  const before = heapMB();
  const corpus = new Corpus();
  files.forEach((file) => corpus.files.setFile(file.uri, file.text));
  const steps: [string, () => void][] = [
    ['verbatim passages', () => corpus.passages.incremental.refresh()],
    ['near passages (MinHash bands)', () => corpus.nearPassages.incremental.refresh()],
    ['entity recognition (feeds related releases)', () => corpus.entities.incremental.refresh()],
    ['related releases', () => corpus.related.incremental.refresh()],
  ];
  let heap = heapMB();
  const measured = steps.map(([name, build]) => {
    const buildMs = timeMs(build);
    const after = heapMB();
    const heapUsed = after - heap;
    heap = after;
    return { name, buildMs, heapMB: heapUsed };
  });
  corpus.derivedIndexes.forEach((index) => index.refresh());
  const corpusHeapMB = heapMB() - before;
  return { corpus, corpusHeapMB, costs: measured.map((cost) => ({ ...cost, heapShare: cost.heapMB / corpusHeapMB })) };
}

/** The bench corpus's files as the server reads them. */
export function readBenchFiles(root: string, files: readonly BenchFile[]): { uri: string; text: string }[] {
  return files.map((file) => ({ uri: pathToFileURL(join(root, file.relativePath)).toString(), text: readFileSync(join(root, file.relativePath), 'utf8') }));
}

interface PlacedPassage {
  readonly file: BenchFile;
  readonly at: PassagePosition;
}

/**
 * Request kinds on the talking points the corpus repeats: Go to Definition at a random occurrence (answered when
 * it lists another occurrence of the same talking point), and a keystroke (a space typed at the start of an
 * occurrence, then taken back) timed until Go to Definition from another file answers with the edited range.
 */
export async function createCrossReferenceRequests(
  client: LspTestClient,
  root: string,
  files: readonly BenchFile[],
  talkingPointUses: ReadonlyMap<number, number>,
  random: () => number,
  timeoutMs: number,
): Promise<Record<string, RequestKind>> {
  const uriOf = (file: BenchFile) => pathToFileURL(join(root, file.relativePath)).toString();
  const recurring = files.flatMap((file) => file.passages.filter((at) => (talkingPointUses.get(at.id) ?? 0) >= 2).map((at) => ({ file, at })));
  if (recurring.length === 0) throw new Error('the bench corpus holds no recurring talking point');
  const occurrences = new Map<number, PlacedPassage[]>();
  for (const placed of recurring) occurrences.set(placed.at.id, [...(occurrences.get(placed.at.id) ?? []), placed]);
  const definitionAt = ({ file, at }: PlacedPassage) =>
    client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: uriOf(file) }, position: { line: at.line, character: at.character } });
  const lands = (locations: Location[] | null, on: PlacedPassage) => locations?.find((l) => l.uri === uriOf(on.file) && l.range.start.line === on.at.line);

  let asked = 0;
  let answered = 0;
  const definition: RequestKind = async () => {
    const here = recurring[Math.floor(random() * recurring.length)];
    const others = occurrences.get(here.at.id)!.filter((o) => o !== here);
    const locations = await definitionAt(here);
    asked++;
    if (others.some((other) => lands(locations, other))) answered++;
    return `${answered} of ${asked} list another occurrence`;
  };

  // The keystroke's file and the file asked from must be two corpus files no other kind edits.
  const edited = recurring.find(
    ({ file, at }) =>
      file.relativePath.includes('/release-') && occurrences.get(at.id)!.some((o) => o.file !== file && o.file.relativePath.includes('/release-')),
  );
  if (!edited) throw new Error('no talking point recurs in two release files');
  const askedFrom = occurrences.get(edited.at.id)!.find((o) => o.file !== edited.file)!;
  const editedUri = uriOf(edited.file);
  await client.open(editedUri, readFileSync(join(root, edited.file.relativePath), 'utf8'));
  const originalEnd = lands(await definitionAt(askedFrom), edited)?.range.end.character;
  if (originalEnd === undefined) throw new Error(`Go to Definition on talking point ${edited.at.id} does not list its other occurrence`);
  let version = 1;
  let typed = false;
  const start = { line: edited.at.line, character: edited.at.character - 1 };
  const keystroke: RequestKind = async () => {
    const range = typed ? { start, end: { ...start, character: start.character + 1 } } : { start, end: start };
    typed = !typed;
    const expectedEnd = originalEnd + (typed ? 1 : 0);
    const started = performance.now();
    await client.notify('textDocument/didChange', {
      textDocument: { uri: editedUri, version: ++version },
      contentChanges: [{ range, text: typed ? ' ' : '' }],
    });
    while (lands(await definitionAt(askedFrom), edited)?.range.end.character !== expectedEnd) {
      if (performance.now() - started > timeoutMs) throw new Error('Go to Definition never showed the edited passage');
    }
    return 'a space typed in a talking point, until Go to Definition from another file shows it';
  };
  return { 'definition, recurring passage': definition, 'keystroke → cross-references': keystroke };
}
