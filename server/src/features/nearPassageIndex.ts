// Sentences the corpus repeats near-verbatim: each file's sentences get a MinHash signature once per file
// version, cut into band keys; the corpus-wide table band key → sentences is updated from that file's old and
// new keys only. A lookup checks the sentences sharing a band with it (candidates) on their shingles
// (passageShingles.ts), so it reads a bounded number of sentences however large the corpus is.

import { Span } from '../corpus/model';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { DerivedIndex, IncrementalIndex } from './incremental';
import { findReleaseSentences } from './passageIndex';
import { getChangedItems, placeReleaseItems, ReleaseResults } from './releaseResults';
import { getBandKeys, getPassageWords, getShingles, isNearCopy, PassageSimilarity, measureSimilarity } from './passageShingles';

export interface NearSentence {
  readonly uri: string;
  readonly releaseIndex: number;
  readonly span: Span;
  readonly bandKeys: readonly number[];
}

export interface NearCopy {
  readonly sentence: NearSentence;
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

type Bucket = NearSentence | Set<NearSentence>;

export class NearPassageIndex implements DerivedIndex<readonly NearSentence[]> {
  readonly name = 'near passages';
  readonly incremental: IncrementalIndex<readonly NearSentence[]>;
  private readonly buckets = new Map<number, Bucket>();

  /** Each release's sentences with their band keys: after an edit, only the touched releases are hashed again. */
  private readonly releaseBands: ReleaseResults<readonly { span: Span; bandKeys: readonly number[] }[]>;

  constructor(private readonly corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
    this.releaseBands = new ReleaseResults(corpus, ({ text, parsed }, releaseIndex) =>
      findReleaseSentences(text, parsed.releases[releaseIndex]).map((span) => ({ span, bandKeys: getBandKeys(getShingles(getPassageWords(text, span))) })),
    );
  }

  /** Sentences of other releases that repeat the sentence at `span` of the file near-verbatim (or verbatim). */
  findNearCopies(uri: string, span: Span): NearCopy[] {
    this.incremental.refresh();
    const own = this.incremental.getSummary(uri)?.find((s) => s.span.start === span.start && s.span.end === span.end);
    const text = this.corpus.getFile(uri)?.text;
    if (!own || text === undefined) return [];
    // A candidate sharing more bands is likelier a near copy: check those first, and at most MAX_CHECKED.
    const bandsShared = new Map<NearSentence, number>();
    const count = (sentence: NearSentence) => bandsShared.set(sentence, (bandsShared.get(sentence) ?? 0) + 1);
    for (const key of own.bandKeys) {
      const bucket = this.buckets.get(key);
      if (bucket instanceof Set) {
        if (bucket.size <= MAX_BAND_CANDIDATES) bucket.forEach(count);
      } else if (bucket) count(bucket);
    }
    const candidates = [...bandsShared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CHECKED)
      .map(([sentence]) => sentence);
    const shingles = getShingles(getPassageWords(text, own.span));
    const copies: NearCopy[] = [];
    for (const candidate of candidates) {
      if (candidate.uri === uri && candidate.releaseIndex === own.releaseIndex) continue;
      const candidateText = this.corpus.getFile(candidate.uri)?.text ?? '';
      const theirs = getShingles(getPassageWords(candidateText, candidate.span));
      const similarity = measureSimilarity(shingles, theirs);
      if (isNearCopy(similarity, Math.min(shingles.size, theirs.size))) copies.push({ sentence: candidate, similarity });
    }
    return copies;
  }

  summarise(file: CorpusFile, previous?: readonly NearSentence[]): readonly NearSentence[] {
    const place = ({ span, bandKeys }: { span: Span; bandKeys: readonly number[] }, by: number, releaseIndex: number): NearSentence => ({
      uri: file.uri,
      releaseIndex,
      span: by === 0 ? span : { start: span.start + by, end: span.end + by },
      bandKeys,
    });
    return placeReleaseItems(this.releaseBands.get(file), previous, place);
  }

  /** Sentences of the releases an edit did not reach keep their objects: only the others leave and join buckets. */
  replace(uri: string, before: readonly NearSentence[], after: readonly NearSentence[]): void {
    const { removed, added } = getChangedItems(before, after);
    this.remove(uri, removed);
    this.add(uri, added);
  }

  add(_uri: string, sentences: readonly NearSentence[]): void {
    for (const sentence of sentences) {
      for (const key of sentence.bandKeys) {
        const bucket = this.buckets.get(key);
        if (!bucket) this.buckets.set(key, sentence);
        else if (bucket instanceof Set) bucket.add(sentence);
        else this.buckets.set(key, new Set([bucket, sentence]));
      }
    }
  }

  remove(_uri: string, sentences: readonly NearSentence[]): void {
    for (const sentence of sentences) {
      for (const key of sentence.bandKeys) {
        const bucket = this.buckets.get(key);
        if (bucket === sentence) this.buckets.delete(key);
        else if (bucket instanceof Set) {
          bucket.delete(sentence);
          if (bucket.size === 0) this.buckets.delete(key);
          else if (bucket.size === 1) this.buckets.set(key, bucket.values().next().value!);
        }
      }
    }
  }
}
