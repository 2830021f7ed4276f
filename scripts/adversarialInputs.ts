// Inputs that press text rarely has but a corpus folder can hold (exports, logs, a mis-saved file), and that
// break super-linear code: blank-line runs, bullet lists, shouted headings, capitalised runs, lines without
// breaks, tiny blocks, CRLF, lone surrogates. The benchmark imports these; run directly it prints a table:
//   npx tsc -p . && node out/scripts/adversarialInputs.js [size in MB, default 2]
// Parsing and recognition must stay linear on every one of them (≤ 100 ms/MB, i.e. at least 10 MB/s).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeFileEntities } from '../server/src/corpus/entities/recognize';
import { parseCorpusFile } from '../server/src/corpus/parse';

export interface AdversarialInput {
  readonly name: string;
  readonly text: string;
}

export interface AdversarialTiming {
  readonly name: string;
  readonly megabytes: number;
  readonly releases: number;
  readonly mentions: number;
  readonly parseMsPerMB: number;
  readonly recognitionMsPerMB: number;
}

const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');

export function readSeeds(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
}

/** `unit` repeated until the text holds about `chars` UTF-16 units. */
function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.max(1, Math.ceil(chars / unit.length)));
}

/** A deterministic pseudo-random sequence (the inputs must be the same on every run). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Words drawn from the seeds, capitalised, joined by single spaces: one long run of name-like words. */
function capitalisedRun(seeds: readonly string[], chars: number): string {
  const words = [...new Set(seeds.join(' ').match(/\p{L}{3,}/gu) ?? ['Alpha'])].map((w) => w[0].toUpperCase() + w.slice(1));
  const random = createRandom(7);
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = words[Math.floor(random() * words.length)];
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

/** Thousands of different ministers, each followed by a title none of them holds: "the Ambassador". */
function manyPeople(chars: number): string {
  const name = (i: number) => 'Z' + i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);
  const sentences: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const sentence = `Minister ${name(i)} ${name(i + 7)} spoke. The Ambassador said so. `;
    sentences.push(sentence);
    length += sentence.length;
  }
  return sentences.join('');
}

/** Every `every`-th UTF-16 unit of the seeds replaced by a lone high or low surrogate. */
function withLoneSurrogates(text: string, every: number): string {
  let out = '';
  for (let i = 0; i < text.length; i += every) out += text.slice(i, i + every - 1) + (i % 2 ? '\ud800' : '\udc00');
  return out;
}

/**
 * The named adversarial inputs, each about `megabytes` in size. `seeds` are the corpus texts the realistic
 * inputs are made of (the repository's seeds by default).
 */
export function buildAdversarialInputs(megabytes = 2, seeds: readonly string[] = readSeeds()): AdversarialInput[] {
  const chars = Math.round(megabytes * 1048576);
  const seedText = seeds.join('\n\n\n');
  const seedCopies = repeatTo(seedText + '\n\n\n', chars);
  const bulletLines = Math.max(131072, Math.ceil(chars / 16));
  return [
    { name: 'seeds concatenated', text: seedCopies },
    { name: 'blank lines only', text: '\n'.repeat(chars) },
    { name: 'blank lines with white space', text: repeatTo(' \u00a0\t\n\ufeff\n\r\n', chars) },
    { name: 'title, blank, prose', text: repeatTo('Minister Visits Brussels For Talks\n\nThe minister met officials.\n\n', chars) },
    { name: 'title, 2 blanks, title', text: repeatTo('Secretary General Meets Partners\n\n\n', chars) },
    { name: 'title, 1–4 blanks varying', text: repeatTo('Statement by the Council\n\nPress release\n\n\nSource: NATO\n\n\n\nWords here.\n', chars) },
    { name: 'short labels, blank', text: repeatTo('Press release\n\n', chars) },
    { name: 'alternating 1-line blocks', text: repeatTo('Council Meets Today\n\nIt met.\n\n', chars) },
    { name: 'many tiny blocks', text: repeatTo('a\n\n', chars) },
    { name: '131k bullet lines', text: '• Item of the list\n'.repeat(bulletLines) },
    { name: 'bullets under a title', text: 'Fact Sheet: Measures Announced Today\n\n' + '• A measure taken\n'.repeat(bulletLines) },
    { name: 'one all-caps run', text: repeatTo('NATO EU UN GRU ABC DEF ', chars) },
    { name: 'all-caps heading words', text: repeatTo('THE SECRETARY GENERAL OF THE ORGANIZATION ', chars) },
    { name: 'capitalised words', text: capitalisedRun(seeds, chars) },
    { name: 'title-case roles', text: repeatTo('Deputy Secretary General Minister of Defence Chairman Prime Minister ', chars) },
    { name: 'long line of prose', text: repeatTo('The minister said that the alliance will continue to support Ukraine. ', chars) },
    { name: 'long line, no spaces', text: 'x'.repeat(chars) },
    { name: 'colon lines (labels)', text: repeatTo('Question: Answer here\n', chars) },
    { name: 'transcript turns', text: 'Press Conference by the President\n\n' + repeatTo('Q: Question here?\n\nTHE PRESIDENT: Answer here.\n\n', chars) },
    { name: 'titles without a holder', text: repeatTo('The Secretary General said so. ', chars) },
    { name: 'many people, another title', text: manyPeople(chars) },
    { name: 'CRLF seeds', text: seedCopies.replace(/\r?\n/g, '\r\n') },
    { name: 'CR-only seeds', text: seedCopies.replace(/\r?\n/g, '\r') },
    { name: 'lone surrogates in seeds', text: withLoneSurrogates(seedCopies, 97) },
    { name: 'astral characters', text: repeatTo('𝐍𝐀𝐓𝐎 Summit 😀 in 𝒱ilnius\n\n', chars) },
  ];
}

/** CPU milliseconds (user + system) of this process: on a shared machine, wall time mostly measures the others. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Parses and recognises each input `repeats` times and reports the fastest, in CPU ms per MB of UTF-8: the
 * first round pays for the JIT, and the fastest is the least disturbed by a busy machine.
 */
export function measureAdversarialInputs(inputs: readonly AdversarialInput[], repeats = 2): AdversarialTiming[] {
  return inputs.map(({ name, text }) => {
    const megabytes = Buffer.byteLength(text) / 1048576;
    let parsed = parseCorpusFile('');
    let mentions = 0;
    let parseMs = Infinity;
    let recognitionMs = Infinity;
    for (let round = 0; round < repeats; round++) {
      parseMs = Math.min(
        parseMs,
        cpuMs(() => (parsed = parseCorpusFile(text))),
      );
      recognitionMs = Math.min(
        recognitionMs,
        cpuMs(() => (mentions = computeFileEntities(text, parsed).mentions.length)),
      );
    }
    return { name, megabytes, releases: parsed.releases.length, mentions, parseMsPerMB: parseMs / megabytes, recognitionMsPerMB: recognitionMs / megabytes };
  });
}

function main(): void {
  const megabytes = Number(process.argv[2] ?? 2);
  computeFileEntities('Warm-up', parseCorpusFile('Warm-up')); // builds the gazetteer before the first input is timed
  const timings = measureAdversarialInputs(buildAdversarialInputs(megabytes));
  const width = Math.max(...timings.map((t) => t.name.length));
  console.log(`${'input'.padEnd(width)}     MB  releases  mentions  parse ms/MB  recognition ms/MB`);
  for (const t of timings) {
    console.log(
      `${t.name.padEnd(width)}  ${t.megabytes.toFixed(2).padStart(5)}  ${String(t.releases).padStart(8)}  ${String(t.mentions).padStart(8)}  ${t.parseMsPerMB.toFixed(0).padStart(11)}  ${t.recognitionMsPerMB.toFixed(0).padStart(17)}`,
    );
  }
  const worstParse = timings.reduce((a, b) => (b.parseMsPerMB > a.parseMsPerMB ? b : a));
  const worstRecognition = timings.reduce((a, b) => (b.recognitionMsPerMB > a.recognitionMsPerMB ? b : a));
  console.log(
    `\nworst parse: ${worstParse.parseMsPerMB.toFixed(0)} ms/MB (${worstParse.name}); worst recognition: ${worstRecognition.recognitionMsPerMB.toFixed(0)} ms/MB (${worstRecognition.name})`,
  );
}

if (require.main === module) main();
