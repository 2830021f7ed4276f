// Cost of cross-references on a large synthetic corpus (CROSSREF_MB, default 100):
//   npx tsc -p . && node --expose-gc out/scripts/measureCrossReferences.js
// The corpus is made of copies of the seeds with about a third of the words replaced at random (so sentences
// are unique, as in a real corpus), except one paragraph in 500, kept as the seed has it: each of those recurs
// in a few copies, as talking points do. Prints the build time and heap of the passage indexes (verbatim and
// near) and of related releases, a keystroke's update, and the latency of the requests an editor sends.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpusFile } from '../server/src/corpus/parse';
import { findRecurringPassageAt } from '../server/src/features/crossReferences';
import { findRelatedReleases } from '../server/src/features/relatedReleases';
import { measureCrossReferenceIndexes } from './benchCrossReferences';

const TARGET_MB = Number(process.env.CROSSREF_MB ?? 100);
const KEPT_PARAGRAPH_ONE_IN = 500;
const seedsDir = join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const vocabulary = [...new Set(seeds.join(' ').match(/\p{L}+/gu) ?? [])];

/** A small deterministic generator (mulberry32), so two runs measure the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCopy(text: string, next: () => number): string {
  const { releases } = parseCorpusFile(text);
  const blocks = releases.flatMap((r) => [...r.titleSpans, ...r.paragraphs]).sort((a, b) => b.start - a.start);
  let out = text;
  for (const span of blocks) {
    if (next() * KEPT_PARAGRAPH_ONE_IN < 1) continue;
    const changed = text.slice(span.start, span.end).replace(/\p{L}+/gu, (word) => (next() < 0.35 ? vocabulary[Math.floor(next() * vocabulary.length)] : word));
    out = out.slice(0, span.start) + changed + out.slice(span.end);
  }
  return out;
}

function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

const next = random(11);
const seedBytes = seeds.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
const copies = Math.max(1, Math.round((TARGET_MB * 1048576) / seedBytes));
const files = Array.from({ length: copies }, (_, copy) =>
  seeds.map((seed, i) => ({ uri: `file:///measure/seeds/${copy}_${i}.txt`, text: makeCopy(seed, next) })),
).flat();
const corpusMB = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) / 1048576;

const { corpus, costs, corpusHeapMB } = measureCrossReferenceIndexes(files);

/** Offsets of sentences spread over the corpus, for request latencies. */
const probes = files
  .filter((_, i) => i % Math.ceil(files.length / 41) === 0)
  .map((f) => {
    const sentences = corpus.passages.getSentences(f.uri, 0);
    return { uri: f.uri, offset: sentences[Math.floor(sentences.length / 2)]?.span.start ?? 0 };
  });
/** Sentences that do recur (a kept paragraph's), found among the first files. */
const recurringProbes = files
  .slice(0, 2000)
  .flatMap((f) =>
    [...corpus.passages.getSentences(f.uri, 0)]
      .filter((s) => corpus.passages.findVerbatimCopies(s).length > 0)
      .slice(0, 1)
      .map((s) => ({ uri: f.uri, offset: s.span.start })),
  )
  .slice(0, 41);
const definitionMs = median(probes.map(({ uri, offset }) => timeMs(() => findRecurringPassageAt(corpus, uri, offset))));
// Many recur in four releases or more (the seeds' speech and press conference share sentences, and copies add
// more): those are stock phrases and answer nothing; the median is of the ones that answer.
const answered = recurringProbes.flatMap(({ uri, offset }) => {
  let found = false;
  const ms = timeMs(() => (found = findRecurringPassageAt(corpus, uri, offset) !== undefined));
  return found ? [ms] : [];
});
const recurringDefinitionMs = median(answered);
const recurring = answered.length;
const relatedRequestMs = median(probes.map(({ uri }) => timeMs(() => findRelatedReleases(corpus, uri, 0))));

/**
 * Typing one character into a file: the re-parse and the file's entity mentions (which the editor pays anyway,
 * for semantic tokens), then the cross-reference share: the file's passage tables, the passage under the cursor
 * and the related releases of the title lens.
 */
const edited = files[0];
const keystrokes = Array.from({ length: 21 }, (_, i) => {
  const at = Math.floor(edited.text.length / 2);
  const text = edited.text.slice(0, at) + (i % 2 ? 'x' : '') + edited.text.slice(at);
  const editorMs = timeMs(() => {
    corpus.files.setFile(edited.uri, text);
    corpus.entities.getFileEntities(edited.uri);
  });
  const crossReferenceMs = timeMs(() => {
    findRecurringPassageAt(corpus, edited.uri, probes[0].offset);
    findRelatedReleases(corpus, edited.uri, 0);
  });
  return { editorMs, crossReferenceMs };
});
const keystrokeEditorMs = median(keystrokes.map((k) => k.editorMs));
const keystrokeMs = median(keystrokes.map((k) => k.crossReferenceMs));

const releases = [...corpus.files.getFiles()].reduce((sum, f) => sum + f.parsed.releases.length, 0);
const rows: [string, string][] = [
  ['corpus', `${corpusMB.toFixed(1)} MB, ${files.length} files, ${releases} releases`],
  ...costs.map((cost): [string, string] => [
    `${cost.name}: build, heap`,
    `${(cost.buildMs / 1000).toFixed(2)} s, +${cost.heapMB.toFixed(0)} MB (${(cost.heapShare * 100).toFixed(0)} % of ${corpusHeapMB.toFixed(0)} MB)`,
  ]),
  ['Go to Definition on a sentence said once (median of 41)', `${definitionMs.toFixed(2)} ms`],
  ['Go to Definition on a recurring sentence (median)', `${recurringDefinitionMs.toFixed(2)} ms (${recurring} of ${recurringProbes.length} answered)`],
  ['related releases of a release (median of 41)', `${relatedRequestMs.toFixed(2)} ms`],
  ['keystroke: parse + entities of the file (median of 21)', `${keystrokeEditorMs.toFixed(2)} ms`],
  ['keystroke: cross-reference share (median of 21)', `${keystrokeMs.toFixed(2)} ms`],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
console.log(
  JSON.stringify({
    corpusMB,
    files: files.length,
    releases,
    indexes: costs,
    corpusHeapMB,
    definitionMs,
    recurringDefinitionMs,
    relatedRequestMs,
    keystrokeEditorMs,
    keystrokeMs,
  }),
);
