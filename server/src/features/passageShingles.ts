// What "near-verbatim" means for two passages: the words of each (case, quotes, dashes and punctuation folded
// away), cut into overlapping three-word shingles. Two passages are near copies when most of the shorter one's
// shingles stand in the longer one (a sentence shortened or re-punctuated in a summary keeps them) and the two
// share enough of their shingles overall (a talking point with one clause changed keeps most of them). A MinHash
// signature of the shingles, cut into bands, finds the candidate pairs without comparing every pair; the
// candidates are then checked on their shingles. The thresholds come from the labelled pairs in
// test/data/nearPassagePairs.json (docs/cross-references.md).

import { Span } from '../corpus/model';

/** Words per shingle: three keeps "the", "of" and "and" from matching on their own. */
const SHINGLE_WORDS = 3;
/** Shingles a passage needs before near matching is tried (a six-word sentence has four). */
const MIN_SHINGLES = 4;
/** Share of the shorter passage's shingles the longer one must hold. */
const MIN_CONTAINMENT = 0.6;
/** Share of all shingles the two must have in common (Jaccard). */
const MIN_JACCARD = 0.3;

// Twelve bands of two rows: a pair with Jaccard 0.3 is a candidate with probability 0.68, one with 0.45 with 0.92.
const BANDS = 12;
/** How many keys `getBandKeys` gives a passage long enough to have any. */
export const BAND_KEYS_PER_PASSAGE = BANDS;
const ROWS_PER_BAND = 2;
const SEEDS = Array.from({ length: BANDS * ROWS_PER_BAND }, (_, i) => mix32(0x9e3779b9 + i * 0x85ebca6b));

/** Words: letters and digits, joined by inner apostrophes or hyphens ("Ukraine’s", "NATO-Ukraine"). */
const WORD = /[\p{L}\p{N}]+(?:['\u2018\u2019\u02bc\u2010-\u2015\u2212-][\p{L}\p{N}]+)*/gu;

/** The passage's words, lower case (apostrophe and dash styles are folded when the words are hashed). */
export function getPassageWords(text: string, span: Span): string[] {
  return text.slice(span.start, span.end).toLowerCase().match(WORD) ?? [];
}

/** Hashes of the passage's distinct three-word shingles, from one hash per word. */
export function getShingles(words: readonly string[]): Set<number> {
  const hashes = words.map(hashWord);
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= hashes.length; i++) {
    shingles.add(mix32(Math.imul(mix32(Math.imul(hashes[i], 0x9e3779b1) ^ hashes[i + 1]), 0x85ebca6b) ^ hashes[i + 2]));
  }
  return shingles;
}

/** One key per band of the MinHash signature: passages sharing a key are candidates. Empty when too short. */
export function getBandKeys(shingles: ReadonlySet<number>): number[] {
  if (shingles.size < MIN_SHINGLES) return [];
  const minima = SEEDS.map(() => 0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SEEDS.length; i++) {
      const h = mix32(shingle ^ SEEDS[i]);
      if (h < minima[i]) minima[i] = h;
    }
  }
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let key = mix32(band + 1);
    for (let row = 0; row < ROWS_PER_BAND; row++) key = mix32(key ^ minima[band * ROWS_PER_BAND + row]);
    keys.push(key);
  }
  return keys;
}

export interface PassageSimilarity {
  /** Shared shingles over the shorter passage's shingles. */
  readonly containment: number;
  /** Shared shingles over all shingles of the two. */
  readonly jaccard: number;
}

export function measureSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): PassageSimilarity {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  const union = a.size + b.size - shared;
  return { containment: small.size ? shared / small.size : 0, jaccard: union ? shared / union : 0 };
}

export function isNearCopy(similarity: PassageSimilarity, smallerShingles: number): boolean {
  return smallerShingles >= MIN_SHINGLES && similarity.containment >= MIN_CONTAINMENT && similarity.jaccard >= MIN_JACCARD;
}

/** FNV-1a of the word, with every apostrophe as ' and every dash as -. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    let code = word.charCodeAt(i);
    if (code === 0x2018 || code === 0x2019 || code === 0x02bc) code = 0x27;
    else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) code = 0x2d;
    h = Math.imul(h ^ code, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the 32 output bits. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
