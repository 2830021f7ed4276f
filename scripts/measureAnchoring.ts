// Measures re-anchoring on the seeds, to justify the fuzzy thresholds (docs/tags.md):
//   node out/scripts/measureAnchoring.js
// 1. bitap alone: how often a 32-character window of one seed "matches" somewhere in another seed (false), and
//    how often a window with 4 or 8 characters changed is still found at its place (true), per threshold;
// 2. the whole pipeline: passages looked for in seeds that do not hold them (should be orphaned), and passages
//    with 5–30 % of their characters edited and text inserted above (should be found up to 25 %);
//    with the state each ends in (exact, moved, fuzzy, orphaned) and how many fuzzy ones are in place;
// 3. cost: 400 tags re-anchored in the largest seed, unchanged and shifted; an orphaned tag in a 1 MB file;
// 4. best candidates for orphans: offered for the heavily edited passages (and in place?), offered for passages
//    looked for in seeds that lack them (should not be), and their cost in the 1 MB file.
// A fixed pseudo-random sequence keeps the figures reproducible.

import diff_match_patch from 'diff-match-patch';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AnchorState, createAnchor, findAnchor, findBestCandidate, TextAnchor } from '../server/src/annotations/anchoring';

const seedsFolder = resolve(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsFolder)
  .sort()
  .map((name) => readFileSync(join(seedsFolder, name), 'utf8'));
let state = 7;
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;

function measureBitap(threshold: number): string {
  let falseHits = 0;
  let foreign = 0;
  const found = [0, 0];
  for (let i = 0; i < 300; i++) {
    const a = seeds[i % seeds.length];
    const b = seeds[(i + 1 + (i % 2)) % seeds.length];
    const at = Math.floor(random() * (a.length - 32));
    const pattern = a.slice(at, at + 32);
    const dmp = new diff_match_patch();
    dmp.Match_Threshold = threshold;
    dmp.Match_Distance = b.length * 10;
    if (!b.includes(pattern)) {
      foreign++;
      if (dmp.match_main(b, pattern, Math.floor(random() * b.length)) >= 0) falseHits++;
    }
    [4, 8].forEach((edits, k) => {
      const chars = [...pattern];
      for (let e = 0; e < edits; e++) chars[Math.floor(random() * 32)] = 'x';
      const edited = a.slice(0, at) + chars.join('') + a.slice(at + 32);
      dmp.Match_Distance = edited.length * 10;
      if (Math.abs(dmp.match_main(edited, pattern, at + 200) - at) <= 2) found[k]++;
    });
  }
  return `bitap threshold ${threshold}: foreign windows matched ${falseHits}/${foreign}; found with 4/32 edited ${found[0]}/300, with 8/32 edited ${found[1]}/300`;
}

function samplePassages(): { text: string; anchor: TextAnchor }[] {
  return Array.from({ length: 400 }, (_, i) => {
    const text = seeds[i % seeds.length];
    const length = 40 + Math.floor(random() * 160);
    const start = Math.floor(random() * (text.length - length));
    return { text, anchor: createAnchor(text, { start, end: start + length }) };
  });
}

console.log([0.25, 0.35, 0.5].map(measureBitap).join('\n'));

let wrong = 0;
let searched = 0;
for (const { text, anchor } of samplePassages()) {
  for (const other of seeds.filter((seed) => seed !== text && !seed.includes(anchor.exact))) {
    searched++;
    if (findAnchor(other, anchor).state !== 'orphaned') wrong++;
  }
}
console.log(`passages looked for in a seed without them: anchored anyway ${wrong}/${searched}`);

/** A tagged passage with `rate` of its characters edited and 0–4 paragraphs inserted above; where it now is. */
function editPassage(text: string, anchor: TextAnchor, rate: number): { edited: string; start: number; end: number } {
  const chars = [...anchor.exact];
  for (let e = 0; e < Math.round(chars.length * rate); e++) chars[Math.floor(random() * chars.length)] = random() < 0.5 ? 'x' : '';
  const inserted = 'An inserted paragraph.\n\n'.repeat(Math.floor(random() * 5));
  const start = inserted.length + anchor.start;
  return { edited: inserted + text.slice(0, anchor.start) + chars.join('') + text.slice(anchor.end), start, end: start + chars.join('').length };
}

const isInPlace = (span: { start: number; end: number }, place: { start: number; end: number }) =>
  Math.abs(span.start - place.start) <= 3 && Math.abs(span.end - place.end) <= 3;
const orphansAt30: { edited: string; anchor: TextAnchor; place: { start: number; end: number } }[] = [];

for (const rate of [0.05, 0.1, 0.2, 0.3]) {
  const states: Record<AnchorState, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  let placed = 0;
  let fuzzyPlaced = 0;
  let milliseconds = 0;
  for (const { text, anchor } of samplePassages()) {
    const { edited, ...place } = editPassage(text, anchor, rate);
    const started = process.hrtime.bigint();
    const match = findAnchor(edited, anchor);
    milliseconds += Number(process.hrtime.bigint() - started) / 1e6;
    states[match.state]++;
    if (match.state === 'orphaned') {
      if (rate === 0.3) orphansAt30.push({ edited, anchor, place });
      continue;
    }
    if (isInPlace(match.span, place)) placed++;
    if (match.state === 'fuzzy' && isInPlace(match.span, place)) fuzzyPlaced++;
  }
  const found = 400 - states.orphaned;
  console.log(
    `${rate * 100} % of characters edited: found ${found}/400, in place (±3) ${placed}; ${(milliseconds / 400).toFixed(1)} ms each; ` +
      `states exact ${states.exact}, moved ${states.moved}, fuzzy ${states.fuzzy} (in place ${fuzzyPlaced}), orphaned ${states.orphaned}`,
  );
}

const largest = seeds.reduce((a, b) => (a.length >= b.length ? a : b));
const anchors = Array.from({ length: 400 }, () => {
  const start = Math.floor(random() * (largest.length - 80));
  return createAnchor(largest, { start, end: start + 80 });
});
for (const [label, text] of [
  ['unchanged', largest],
  ['a paragraph inserted at the top', `A new first paragraph.\n\n${largest}`],
] as const) {
  const started = Date.now();
  for (const anchor of anchors) findAnchor(text, anchor);
  console.log(`400 tags in ${largest.length} characters, ${label}: ${Date.now() - started} ms`);
}

// An orphaned tag pays for the fuzzy search every time its file changes: in a 1 MB file of seed words
// (shuffled, so the deleted passage exists nowhere else).
const words = seeds.join(' ').split(/\s+/);
let huge = '';
while (huge.length < 1_000_000) huge += words[Math.floor(random() * words.length)] + (random() < 0.08 ? '\n' : ' ');
let orphanMs = 0;
for (let i = 0; i < 10; i++) {
  const start = Math.floor(random() * (huge.length - 200));
  const anchor = createAnchor(huge, { start, end: start + 120 });
  const started = process.hrtime.bigint();
  findAnchor(huge.slice(0, start) + huge.slice(start + 120), anchor);
  orphanMs += Number(process.hrtime.bigint() - started) / 1e6;
}
console.log(`an orphaned tag in ${huge.length} characters: ${(orphanMs / 10).toFixed(1)} ms per re-anchoring`);

// Best candidates, measured after everything above so the earlier figures keep their random sequence.
// Verbatim passages with paragraphs inserted above: exact when none were, moved otherwise.
const verbatim: Record<AnchorState, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
for (const { text, anchor } of samplePassages()) verbatim[findAnchor(editPassage(text, anchor, 0).edited, anchor).state]++;
console.log(
  `0 % edited, 0–4 paragraphs inserted above: exact ${verbatim.exact}, moved ${verbatim.moved}, fuzzy ${verbatim.fuzzy}, orphaned ${verbatim.orphaned}`,
);

/** For orphaned passages: how many get a best candidate, how many of those are in place, and how similar. */
function measureCandidates(label: string, orphans: readonly { edited: string; anchor: TextAnchor; place: { start: number; end: number } }[]): void {
  const similarities: number[] = [];
  let inPlace = 0;
  let milliseconds = 0;
  for (const { edited, anchor, place } of orphans) {
    const started = process.hrtime.bigint();
    const candidate = findBestCandidate(edited, anchor);
    milliseconds += Number(process.hrtime.bigint() - started) / 1e6;
    if (!candidate) continue;
    similarities.push(candidate.similarity);
    if (isInPlace(candidate.span, place)) inPlace++;
  }
  similarities.sort((a, b) => a - b);
  console.log(
    `${label}: ${orphans.length} orphaned; best candidate offered for ${similarities.length}, in place (±3) ${inPlace}; ` +
      `similarity min ${similarities[0]?.toFixed(2)}, median ${similarities[Math.floor(similarities.length / 2)]?.toFixed(2)}; ${(milliseconds / Math.max(1, orphans.length)).toFixed(1)} ms each`,
  );
}

measureCandidates('30 % edited', orphansAt30);
const orphansAt40 = samplePassages()
  .map(({ text, anchor }) => {
    const { edited, ...place } = editPassage(text, anchor, 0.4);
    return { edited, anchor, place };
  })
  .filter(({ edited, anchor }) => findAnchor(edited, anchor).state === 'orphaned');
measureCandidates('40 % edited', orphansAt40);

let falseCandidates = 0;
let foreignSearched = 0;
const foreignSimilarities: number[] = [];
for (const { text, anchor } of samplePassages().slice(0, 100)) {
  for (const other of seeds.filter((seed) => seed !== text && !seed.includes(anchor.exact))) {
    foreignSearched++;
    const candidate = findBestCandidate(other, anchor);
    if (candidate) {
      falseCandidates++;
      foreignSimilarities.push(candidate.similarity);
    }
  }
}
console.log(
  `passages looked for in a seed without them: a candidate offered anyway ${falseCandidates}/${foreignSearched} (similarities ${foreignSimilarities.map((x) => x.toFixed(2)).join(', ')})`,
);

let hugeCandidateMs = 0;
for (let i = 0; i < 10; i++) {
  const start = Math.floor(random() * (huge.length - 200));
  const anchor = createAnchor(huge, { start, end: start + 120 });
  const started = process.hrtime.bigint();
  findBestCandidate(huge.slice(0, start) + huge.slice(start + 120), anchor);
  hugeCandidateMs += Number(process.hrtime.bigint() - started) / 1e6;
}
console.log(`best candidate for an orphaned tag in ${huge.length} characters: ${(hugeCandidateMs / 10).toFixed(1)} ms`);
