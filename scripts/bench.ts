// npm run bench: speed and memory of the corpus index on a synthetic corpus of about 100 MB built from the
// seeds (each copy's titles and bodies made unique). Prints a table and a JSON line. Targets are ratios
// measured in this one run, so a noisy shared machine moves both sides alike.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpusFile } from '../server/src/corpus/parse';
import { Corpus } from '../server/src/features/corpus';
import { computeFileProblems } from '../server/src/features/diagnostics';
import { findReleases } from '../server/src/features/releaseSearch';

const TARGET_MB = Number(process.env.BENCH_MB ?? 100);
const seedsDir = join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedsDir, f), 'utf8'));

/** A copy of a seed whose titles and first paragraphs carry the copy number, so nothing is a duplicate. */
function makeCopy(text: string, copy: number): string {
  const parsed = parseCorpusFile(text);
  const inserts = parsed.releases.flatMap((release) => [
    { at: release.titleSpans[release.titleSpans.length - 1].end, text: ` (${copy})` },
    ...(release.paragraphs[0] ? [{ at: release.paragraphs[0].span.start, text: `Copy ${copy}. ` }] : []),
  ]).sort((a, b) => b.at - a.at);
  return inserts.reduce((out, insert) => out.slice(0, insert.at) + insert.text + out.slice(insert.at), text);
}

function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

/**
 * Median time of typing one character into a file of the index: re-parse, cross-file update, and what an
 * editor asks for after each change: the file's problems, repeated passages and entity mentions (semantic
 * tokens).
 */
function keystrokeMs(corpus: Corpus, uri: string, text: string): number {
  const { passages, entities } = corpus;
  const samples: number[] = [];
  for (let i = 0; i < 41; i++) {
    const at = Math.floor(text.length / 2);
    const edited = text.slice(0, at) + (i % 2 ? 'x' : '') + text.slice(at);
    samples.push(timeMs(() => {
      corpus.files.setFile(uri, edited);
      computeFileProblems(corpus, uri);
      passages.findRepeatedRuns(uri);
      entities.getFileEntities(uri)?.mentions.forEach((mention) => entities.resolve(mention));
    }));
  }
  return median(samples);
}

const seedBytes = seeds.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
const copies = Math.max(1, Math.round((TARGET_MB * 1048576) / seedBytes));
const files: { uri: string; text: string }[] = [];
for (let copy = 0; copy < copies; copy++) {
  seeds.forEach((seed, i) => files.push({ uri: `file:///bench/seeds/${copy}_${i}.txt`, text: makeCopy(seed, copy) }));
}
const corpusMB = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) / 1048576;

const small = new Corpus();
files.slice(0, 5).forEach((f) => small.files.setFile(f.uri, f.text));
const smallKeystroke = keystrokeMs(small, files[0].uri, files[0].text);

const heapBefore = heapMB();
const big = new Corpus();
const indexMs = timeMs(() => files.forEach((f) => big.files.setFile(f.uri, f.text)));
const duplicatesMs = timeMs(() => big.duplicates.incremental.refresh());
const heapAfter = heapMB();
const releases = [...big.files.getFiles()].reduce((sum, f) => sum + f.parsed.releases.length, 0);
const { passages, entities } = big;
const passagesMs = timeMs(() => passages.findRepeatedRuns(files[0].uri));
const heapWithPassages = heapMB();
const entitiesMs = timeMs(() => entities.incremental.refresh());
const heapWithEntities = heapMB();
const stoltenberg = entities.findEntities('Jens Stoltenberg', 1)[0]?.entity.id ?? '';
let referenceCount = 0;
const referencesMs = timeMs(() => (referenceCount = entities.findReferences(stoltenberg).length));
const bigKeystroke = keystrokeMs(big, files[0].uri, files[0].text);
const symbolMs = median(Array.from({ length: 9 }, () => timeMs(() => findReleases(big, 'mauritania', 1000))));
const allProblemsMs = timeMs(() => files.forEach((f) => computeFileProblems(big, f.uri)));

const rows: [string, string, string][] = [
  ['corpus', `${corpusMB.toFixed(1)} MB, ${files.length} files, ${releases} releases`, ''],
  ['index whole corpus (parse + fingerprints)', `${((indexMs + duplicatesMs) / 1000).toFixed(2)} s`, `${(corpusMB / ((indexMs + duplicatesMs) / 1000)).toFixed(1)} MB/s`],
  ['heap for the parsed model (texts excluded)', `${(heapAfter - heapBefore).toFixed(0)} MB`, `${((heapAfter - heapBefore) / corpusMB).toFixed(2)} × corpus size`],
  ['repeated-passage table, first request', `${(passagesMs / 1000).toFixed(2)} s`, `+${(heapWithPassages - heapAfter).toFixed(0)} MB heap`],
  ['entity recognition of every file, first request', `${(entitiesMs / 1000).toFixed(2)} s`, `${(corpusMB / (entitiesMs / 1000)).toFixed(1)} MB/s, +${(heapWithEntities - heapWithPassages).toFixed(0)} MB heap`],
  ['references to Jens Stoltenberg', `${referencesMs.toFixed(0)} ms`, `${referenceCount} mentions`],
  ['keystroke in a 5-file corpus (median)', `${smallKeystroke.toFixed(2)} ms`, ''],
  ['keystroke in the full corpus (median)', `${bigKeystroke.toFixed(2)} ms`, `${(bigKeystroke / smallKeystroke).toFixed(2)} × the 5-file corpus`],
  ['workspace symbol query (median)', `${symbolMs.toFixed(2)} ms`, ''],
  ['problems of every file', `${(allProblemsMs / 1000).toFixed(2)} s`, ''],
];
const targets = {
  keystrokeRatio: { value: bigKeystroke / smallKeystroke, max: 3, note: 'a keystroke costs the same in a 100 MB corpus as in 5 files' },
  keystrokeShareOfIndex: { value: bigKeystroke / indexMs, max: 0.01, note: 'a keystroke is under 1% of indexing everything' },
  heapPerCorpusByte: { value: (heapWithEntities - heapBefore) / corpusMB, max: 12, note: 'parse, passages and entities together stay a bounded multiple of the text' },
};
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(width)}  value                 ratio`);
for (const [name, value, ratio] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(20)}  ${ratio}`);
console.log('');
for (const [name, target] of Object.entries(targets)) {
  console.log(`${target.value <= target.max ? 'PASS' : 'FAIL'} ${name} = ${target.value.toFixed(4)} (≤ ${target.max}): ${target.note}`);
}
console.log(JSON.stringify({ corpusMB, files: files.length, releases, indexMs: indexMs + duplicatesMs, heapMB: heapAfter - heapBefore, passagesMs, passagesHeapMB: heapWithPassages - heapAfter, entitiesMs, entitiesHeapMB: heapWithEntities - heapWithPassages, referencesMs, referenceCount, smallKeystrokeMs: smallKeystroke, bigKeystrokeMs: bigKeystroke, symbolQueryMs: symbolMs, allProblemsMs, targets }));
if (Object.values(targets).some((t) => t.value > t.max)) process.exitCode = 1;
