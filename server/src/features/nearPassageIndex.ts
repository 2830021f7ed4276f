// Sentences the corpus repeats near-verbatim: each file's sentences get a MinHash signature once per file
// version, cut into band keys; the corpus-wide table band key → sentences is updated from that file's old and
// new keys only. A lookup checks the sentences sharing a band with it (candidates) on their shingles
// (passageShingles.ts), so it reads a bounded number of sentences however large the corpus is. A file's band keys
// are one Int32Array and its sentences the verbatim index's own objects, and the band table is linked lists in
// typed arrays (int32Multimap.ts): an object and an array per sentence, then a list or Set per band, were most of
// this index's memory (docs/performance.md).

import { runToEnd } from '../corpus/entities/steps';
import { Span } from '../corpus/model';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { HiddenRows } from './hiddenRows';
import { IncrementalIndex } from './incremental';
import { DerivedIndex, RELEASE_CHARS_PER_PIECE, ROWS_PER_PIECE, TableFiles } from './derivedIndex';
import { Int32Multimap } from './int32Multimap';
import { decodeMultimap, encodeMultimap, StoredMultimap } from './multimapSnapshot';
import { mapSpanToCurrent } from './offsetsThroughEdits';
import { PassageOccurrence, findReleaseSentences } from './passageIndex';
import { ReleaseResults } from './releaseResults';
import { BAND_KEYS_PER_PASSAGE, getBandKeys, getPassageWords, getShingles, isNearCopy, PassageSimilarity, measureSimilarity } from './passageShingles';

/** A file's sentences long enough to have band keys, and their keys: `BAND_KEYS_PER_PASSAGE` per sentence, in order. */
interface NearSentences {
  readonly sentences: readonly PassageOccurrence[];
  readonly bandKeys: Int32Array;
}

/** What is stored of a file's summary: the start of each keyed sentence, and the band keys. */
interface StoredNearSentences {
  readonly starts: Int32Array;
  readonly bandKeys: Int32Array;
}

/** One release's sentences: whether each has band keys (too short: none), and the keys of those that have, in order. */
interface ReleaseBands {
  readonly keyed: Uint8Array;
  readonly bandKeys: Int32Array;
}

export interface NearCopy {
  readonly sentence: PassageOccurrence;
  readonly similarity: PassageSimilarity;
}

/**
 * Candidates of one band beyond this many are not read: a band that full holds a line the corpus copies
 * everywhere (a stock phrase, a re-published page), which the verbatim index already reports.
 */
const MAX_BAND_CANDIDATES = 64;

/**
 * Candidates checked on their shingles per lookup. Many variants of one template sentence ("From 6 to 7 May
 * 2024, the Chair of … visited …") share bands with it; checking them all would make a lookup cost what the
 * template's popularity costs.
 */
const MAX_CHECKED = 32;

export class NearPassageIndex implements DerivedIndex<NearSentences> {
  readonly name = 'near passages';
  readonly incremental: IncrementalIndex<NearSentences>;
  /** Band key → sentences: a dozen keys per sentence, so the pairs are kept in typed arrays, not a list per key. */
  private readonly buckets = new Int32Multimap<PassageOccurrence>(BAND_KEYS_PER_PASSAGE);
  /** A big file's sentences on their way into the buckets in pieces, or out of them, that answers do not read yet or any more. */
  private readonly hidden = new HiddenRows<PassageOccurrence>();

  /** Each release's band keys: after an edit, only the touched releases are hashed again. */
  private readonly releaseBands: ReleaseResults<ReleaseBands>;

  /** `getSentences` gives the file's passage-worthy sentences (the verbatim index's, computed once per version). */
  constructor(
    private readonly corpus: CorpusIndex,
    private readonly getSentences: (uri: string) => readonly PassageOccurrence[],
  ) {
    this.incremental = new IncrementalIndex(corpus, this);
    this.releaseBands = new ReleaseResults(corpus, ({ text, parsed }, releaseIndex) =>
      hashRelease(text, findReleaseSentences(text, parsed.releases[releaseIndex])),
    );
  }

  /** Sentences of other releases that repeat the sentence at `span` of the file near-verbatim (or verbatim). */
  findNearCopies(uri: string, span: Span): NearCopy[] {
    this.incremental.refresh();
    const summary = this.incremental.getSummary(uri);
    const at = summary?.sentences.findIndex((s) => s.span.start === span.start && s.span.end === span.end) ?? -1;
    const text = this.corpus.getFile(uri)?.text;
    if (!summary || at < 0 || text === undefined) return [];
    const own = summary.sentences[at];
    // A candidate sharing more bands is likelier a near copy: check those first, and at most MAX_CHECKED.
    const bandsShared = new Map<PassageOccurrence, number>();
    for (const key of summary.bandKeys.subarray(at * BAND_KEYS_PER_PASSAGE, (at + 1) * BAND_KEYS_PER_PASSAGE)) {
      if (this.hidden.countVisible(this.buckets.get(key), this.buckets.count(key), MAX_BAND_CANDIDATES + 1) > MAX_BAND_CANDIDATES) continue;
      for (const sentence of this.buckets.get(key)) if (this.hidden.isVisible(sentence)) bandsShared.set(sentence, (bandsShared.get(sentence) ?? 0) + 1);
    }
    const candidates = [...bandsShared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CHECKED)
      .map(([sentence]) => sentence);
    const shingles = getShingles(getPassageWords(text, own.span));
    const copies: NearCopy[] = [];
    for (const candidate of candidates) {
      if (candidate.uri === uri && candidate.releaseIndex === own.releaseIndex) continue;
      // A file the background is summarising again is a version behind in the buckets: its sentence is read where it is now.
      const file = this.corpus.getFile(candidate.uri);
      const span = file && mapSpanToCurrent(file, this.incremental.getSummaryLeftBehind(candidate.uri)?.version, candidate.span);
      if (!span) continue;
      const theirs = getShingles(getPassageWords(file!.text, span));
      const similarity = measureSimilarity(shingles, theirs);
      if (isNearCopy(similarity, Math.min(shingles.size, theirs.size)))
        copies.push({ sentence: span === candidate.span ? candidate : { ...candidate, span }, similarity });
    }
    return copies;
  }

  summarise(file: CorpusFile): NearSentences {
    return runToEnd(this.gatherSentences(file, Number.POSITIVE_INFINITY));
  }

  /** In pieces: the band keys of the releases to read again, a few at a time, then the file's keys. */
  *summariseInSteps(file: CorpusFile): Generator<void, NearSentences, void> {
    yield* this.releaseBands.computeInPieces(file, RELEASE_CHARS_PER_PIECE);
    return yield* this.gatherSentences(file, ROWS_PER_PIECE);
  }

  /** The file's keyed sentences and their keys, from each release's, yielding after every `keysPerPiece` keys copied. */
  private *gatherSentences(file: CorpusFile, keysPerPiece: number): Generator<void, NearSentences, void> {
    // Band keys depend on a sentence's words, not on where it stands: a release's keys are reused as they are.
    const bands = this.releaseBands.get(file).results;
    const bandKeys = new Int32Array(bands.reduce((n, release) => n + release.bandKeys.length, 0));
    const sentences: PassageOccurrence[] = [];
    // The verbatim index lists the same sentences (findReleaseSentences), release after release, in the same order.
    const all = this.getSentences(file.uri);
    let at = 0;
    let keysAt = 0;
    let copied = 0;
    for (const release of bands) {
      for (let j = 0; j < release.keyed.length; j++, at++) if (release.keyed[j]) sentences.push(all[at]);
      bandKeys.set(release.bandKeys, keysAt);
      keysAt += release.bandKeys.length;
      copied += release.keyed.length + release.bandKeys.length;
      if (copied >= keysPerPiece) {
        copied = 0;
        yield;
      }
    }
    return { sentences, bandKeys };
  }

  /** Stored across restarts: the band keys (the MinHash work) and where each keyed sentence starts. */
  encodeSummary({ sentences, bandKeys }: NearSentences): StoredNearSentences {
    return { starts: Int32Array.from(sentences, (sentence) => sentence.span.start), bandKeys };
  }

  /** The file's keyed sentences are found again among the verbatim index's, by their starts, in order. */
  decodeSummary(data: unknown, file: CorpusFile): NearSentences | undefined {
    const { starts, bandKeys } = (data ?? {}) as Partial<StoredNearSentences>;
    if (!(starts instanceof Int32Array) || !(bandKeys instanceof Int32Array) || bandKeys.length !== starts.length * BAND_KEYS_PER_PASSAGE) return undefined;
    const all = this.getSentences(file.uri);
    const sentences: PassageOccurrence[] = [];
    let at = 0;
    for (const start of starts) {
      while (at < all.length && all[at].span.start < start) at++;
      if (all[at]?.span.start !== start) return undefined;
      sentences.push(all[at++]);
    }
    return { sentences, bandKeys };
  }

  /** The band table in a snapshot: each band's sentences as their places among the files' keyed sentences. */
  encodeTables({ summaries }: TableFiles<NearSentences>): StoredMultimap<number> {
    const stored = encodeMultimap(
      this.buckets,
      summaries.flatMap((summary) => summary.sentences),
      true,
    );
    return { ...stored, keys: Int32Array.from(stored.keys as number[]) };
  }

  decodeTables(data: unknown, { summaries }: TableFiles<NearSentences>): boolean {
    return decodeMultimap(
      data,
      this.buckets,
      summaries.flatMap((summary) => summary.sentences),
      isInt32,
    );
  }

  /** Sentences of the releases before an edit keep their objects (the verbatim index's): only the others leave and join buckets. */
  replace(uri: string, before: NearSentences, after: NearSentences): void {
    let same = 0;
    while (same < before.sentences.length && same < after.sentences.length && before.sentences[same] === after.sentences[same]) same++;
    const from = same * BAND_KEYS_PER_PASSAGE;
    this.remove(uri, { sentences: before.sentences.slice(same), bandKeys: before.bandKeys.subarray(from) });
    this.add(uri, { sentences: after.sentences.slice(same), bandKeys: after.bandKeys.subarray(from) });
  }

  /** A big file's sentences in pieces: answers meanwhile read the file's old sentences, then its new ones. */
  *replaceInSteps(_uri: string, before: NearSentences | undefined, after: NearSentences, publish: () => void): Generator<void, void, void> {
    const rowsOf = ({ bandKeys }: NearSentences, at: number, row: (key: number) => void) => {
      for (let k = at * BAND_KEYS_PER_PASSAGE; k < (at + 1) * BAND_KEYS_PER_PASSAGE; k++) row(bandKeys[k]);
      return BAND_KEYS_PER_PASSAGE;
    };
    const insert = (sentence: PassageOccurrence, at: number) => rowsOf(after, at, (key) => this.buckets.add(key, sentence));
    const erase = (sentence: PassageOccurrence, at: number) => rowsOf(before!, at, (key) => this.buckets.delete(key, sentence));
    yield* this.hidden.replaceInSteps(before?.sentences ?? [], after.sentences, insert, erase, publish);
  }

  add(_uri: string, { sentences, bandKeys }: NearSentences): void {
    bandKeys.forEach((key, i) => this.buckets.add(key, sentences[Math.floor(i / BAND_KEYS_PER_PASSAGE)]));
  }

  remove(_uri: string, { sentences, bandKeys }: NearSentences): void {
    bandKeys.forEach((key, i) => this.buckets.delete(key, sentences[Math.floor(i / BAND_KEYS_PER_PASSAGE)]));
  }
}

function hashRelease(text: string, spans: readonly Span[]): ReleaseBands {
  const keyed = new Uint8Array(spans.length);
  const keys: number[] = [];
  spans.forEach((span, j) => {
    const bandKeys = getBandKeys(getShingles(getPassageWords(text, span)));
    keyed[j] = bandKeys.length > 0 ? 1 : 0;
    for (const key of bandKeys) keys.push(key);
  });
  // Int32Array stores each unsigned key as the signed integer with the same bits: equal keys stay equal.
  return { keyed, bandKeys: Int32Array.from(keys) };
}

function isInt32(key: unknown): key is number {
  return typeof key === 'number' && (key | 0) === key;
}
