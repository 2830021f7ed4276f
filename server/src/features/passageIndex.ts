// Passages the corpus repeats: sentences of six words or more that stand in more than one release (a speech
// and the press conference that quotes it, a statement re-published), but in fewer than STOCK_MIN_RELEASES:
// a line that many releases carry is a stock phrase (a contact line, a media-advisory formula), not a talking
// point, and is kept out of cross-references (docs/cross-references.md). Each file's sentences are hashed once
// per file version; the corpus-wide table of who holds a sentence is updated from that file's old and new
// sentences only, and a lookup looks at a bounded number of holders however often a sentence recurs.

import { runToEnd } from '../corpus/entities/steps';
import { Release, Span } from '../corpus/model';
import { findSentences } from '../corpus/sentences';
import { CompactMultimap } from './compactMultimap';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { HiddenRows } from './hiddenRows';
import { mapSpanToCurrent } from './offsetsThroughEdits';
import { IncrementalIndex } from './incremental';
import { DerivedIndex, RELEASE_CHARS_PER_PIECE, ROWS_PER_PIECE, TableFiles } from './derivedIndex';
import { decodeMultimap, encodeMultimap, StoredMultimap } from './multimapSnapshot';
import { getChangedItems, placeReleaseItemsInSteps, ReleaseResults } from './releaseResults';
import { countReleases } from './releaseRuns';

export interface PassageOccurrence {
  readonly uri: string;
  readonly releaseIndex: number;
  readonly span: Span;
}

export interface Sentence extends PassageOccurrence {
  readonly key: string;
}

/** What is stored of a file's sentences, one column per field. */
interface StoredSentences {
  readonly releaseIndexes: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly keys: readonly string[];
}

/** A run of consecutive sentences of one release that other releases repeat. */
export interface RepeatedRun {
  readonly span: Span;
  readonly releaseIndex: number;
  /** The first repeated sentence of the run in each other release, at most `MAX_TARGETS`. */
  readonly elsewhere: readonly PassageOccurrence[];
  /** How many other releases repeat part of the run; `MAX_TARGETS` means "that many or more". */
  readonly releaseCount: number;
}

export const MAX_TARGETS = 50;

/** A sentence held by this many releases or more is a stock phrase (measured on the seeds and fixtures). */
export const STOCK_MIN_RELEASES = 4;

export class PassageIndex implements DerivedIndex<readonly Sentence[]> {
  readonly name = 'passages';
  readonly incremental: IncrementalIndex<readonly Sentence[]>;
  private readonly holders = new CompactMultimap<string, Sentence>();
  /** A big file's sentences on their way into `holders` in pieces, or out of it, that answers do not read yet or any more. */
  private readonly hidden = new HiddenRows<Sentence>();

  /** Each release's sentences and their keys: after an edit, only the touched releases are read again. */
  private readonly releaseSentences: ReleaseResults<readonly { span: Span; key: string }[]>;

  constructor(private readonly corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
    this.releaseSentences = new ReleaseResults(corpus, ({ text, parsed }, releaseIndex) =>
      findReleaseSentences(text, parsed.releases[releaseIndex]).map((span) => ({ span, key: getPassageKey(text, span) })),
    );
  }

  /** Runs of the file's sentences that stand in other releases too, in text order. */
  findRepeatedRuns(uri: string): RepeatedRun[] {
    this.incremental.refresh();
    const runs: RepeatedRun[] = [];
    let open: { span: Span; releaseIndex: number; targets: Map<string, PassageOccurrence> } | undefined;
    const close = () => {
      if (open) runs.push({ span: open.span, releaseIndex: open.releaseIndex, elsewhere: [...open.targets.values()], releaseCount: open.targets.size });
      open = undefined;
    };
    const text = this.corpus.getFile(uri)?.text ?? '';
    for (const sentence of this.incremental.getSummary(uri) ?? []) {
      // Once a run names MAX_TARGETS releases, a sentence only has to show that it repeats.
      const others = this.findOthers(sentence, open && open.targets.size >= MAX_TARGETS ? 1 : MAX_TARGETS);
      // Text between two repeated sentences (a short sentence said once) ends the run: runs are repeated text only.
      const interrupted = open !== undefined && /\S/.test(text.slice(open.span.end, sentence.span.start));
      if (others.length === 0 || interrupted || (open && open.releaseIndex !== sentence.releaseIndex)) close();
      if (others.length === 0) continue;
      open ??= { span: sentence.span, releaseIndex: sentence.releaseIndex, targets: new Map() };
      open.span = { start: open.span.start, end: sentence.span.end };
      for (const other of others) {
        const target = `${other.uri}#${other.releaseIndex}`;
        if (open.targets.size < MAX_TARGETS && !open.targets.has(target)) open.targets.set(target, other);
      }
    }
    close();
    return runs;
  }

  /** The passage-worthy sentence holding the offset, if any. */
  getSentenceAt(uri: string, offset: number): Sentence | undefined {
    return this.incremental.getSummary(uri)?.find((s) => s.span.start <= offset && offset <= s.span.end);
  }

  /** The passage-worthy sentences of one release, in text order. */
  getSentences(uri: string, releaseIndex: number): Sentence[] {
    return (this.incremental.getSummary(uri) ?? []).filter((s) => s.releaseIndex === releaseIndex);
  }

  /** Verbatim copies of the sentence in other releases, none when it is a stock phrase. */
  findVerbatimCopies(sentence: Sentence): PassageOccurrence[] {
    this.incremental.refresh();
    return this.findOthers(sentence, STOCK_MIN_RELEASES);
  }

  /** True when so many releases hold the sentence that it is a stock phrase. */
  isStockPhrase(sentence: Sentence): boolean {
    this.incremental.refresh();
    return this.countHolders(sentence.key) >= STOCK_MIN_RELEASES;
  }

  /** How many holders answers read (counted up to STOCK_MIN_RELEASES while a big file's sentences are hidden). */
  private countHolders(key: string): number {
    return this.hidden.countVisible(this.holders.get(key), this.holders.count(key), STOCK_MIN_RELEASES);
  }

  summarise(file: CorpusFile, previous?: readonly Sentence[]): readonly Sentence[] {
    return runToEnd(this.placeSentences(file, previous, Number.POSITIVE_INFINITY));
  }

  /** In pieces: the sentences of the releases to read again, a few at a time, then the file's list. */
  *summariseInSteps(file: CorpusFile, previous?: readonly Sentence[]): Generator<void, readonly Sentence[], void> {
    yield* this.releaseSentences.computeInPieces(file, RELEASE_CHARS_PER_PIECE);
    return yield* this.placeSentences(file, previous, ROWS_PER_PIECE);
  }

  private placeSentences(file: CorpusFile, previous: readonly Sentence[] | undefined, perPiece: number): Generator<void, Sentence[], void> {
    const place = ({ span, key }: { span: Span; key: string }, by: number, releaseIndex: number): Sentence => ({
      uri: file.uri,
      releaseIndex,
      span: by === 0 ? span : { start: span.start + by, end: span.end + by },
      key,
    });
    return placeReleaseItemsInSteps(this.releaseSentences.get(file), previous, place, perPiece);
  }

  /** Stored across restarts in columns (an object per sentence would cost more to read than to compute). */
  encodeSummary(sentences: readonly Sentence[]): StoredSentences {
    return {
      releaseIndexes: Int32Array.from(sentences, (s) => s.releaseIndex),
      starts: Int32Array.from(sentences, (s) => s.span.start),
      ends: Int32Array.from(sentences, (s) => s.span.end),
      keys: sentences.map((s) => s.key),
    };
  }

  decodeSummary(data: unknown, file: CorpusFile): readonly Sentence[] | undefined {
    const { releaseIndexes, starts, ends, keys } = (data ?? {}) as Partial<StoredSentences>;
    if (!(releaseIndexes instanceof Int32Array) || !(starts instanceof Int32Array) || !(ends instanceof Int32Array) || !Array.isArray(keys)) return undefined;
    const n = keys.length;
    if (releaseIndexes.length !== n || starts.length !== n || ends.length !== n) return undefined;
    const releaseCount = countReleases(file.parsed);
    for (let i = 0; i < n; i++) {
      const fits = releaseIndexes[i] >= 0 && releaseIndexes[i] < releaseCount && starts[i] >= 0 && starts[i] <= ends[i] && ends[i] <= file.text.length;
      if (!fits || typeof keys[i] !== 'string') return undefined;
    }
    return keys.map((key, i) => ({ uri: file.uri, releaseIndex: releaseIndexes[i], span: { start: starts[i], end: ends[i] }, key: String(key) }));
  }

  /** Who holds each sentence, in a snapshot: the holders as their places among the files' sentences (the key is theirs). */
  encodeTables({ summaries }: TableFiles<readonly Sentence[]>): StoredMultimap<string> {
    return encodeMultimap(this.holders, summaries.flat(), false);
  }

  decodeTables(data: unknown, { summaries }: TableFiles<readonly Sentence[]>): boolean {
    return decodeMultimap(
      data,
      this.holders,
      summaries.flat(),
      (key): key is string => typeof key === 'string',
      (sentence) => sentence.key,
    );
  }

  /** Sentences of the releases an edit did not reach keep their objects: only the others leave and join holders. */
  replace(uri: string, before: readonly Sentence[], after: readonly Sentence[]): void {
    const { removed, added } = getChangedItems(before, after);
    this.remove(uri, removed);
    this.add(uri, added);
  }

  /** A big file's sentences in pieces: answers meanwhile read the file's old sentences, then its new ones. */
  *replaceInSteps(_uri: string, before: readonly Sentence[] | undefined, after: readonly Sentence[], publish: () => void): Generator<void, void, void> {
    const insert = (sentence: Sentence) => (this.holders.add(sentence.key, sentence), 1);
    const erase = (sentence: Sentence) => (this.holders.delete(sentence.key, sentence), 1);
    yield* this.hidden.replaceInSteps(before ?? [], after, insert, erase, publish);
  }

  add(_uri: string, sentences: readonly Sentence[]): void {
    for (const sentence of sentences) this.holders.add(sentence.key, sentence);
  }

  remove(_uri: string, sentences: readonly Sentence[]): void {
    for (const sentence of sentences) this.holders.delete(sentence.key, sentence);
  }

  /** Holders of the same sentence in other releases, the first `limit` of them; none for a stock phrase. */
  private findOthers(sentence: Sentence, limit: number): PassageOccurrence[] {
    const holders = this.countHolders(sentence.key);
    if (holders < 2 || holders >= STOCK_MIN_RELEASES) return [];
    const others: PassageOccurrence[] = [];
    for (const other of this.holders.get(sentence.key)) {
      if ((other.uri === sentence.uri && other.releaseIndex === sentence.releaseIndex) || !this.hidden.isVisible(other)) continue;
      // A file the background is summarising again is a version behind in the table: its sentence is where it is now.
      const file = this.corpus.getFile(other.uri);
      const span = file && mapSpanToCurrent(file, this.incremental.getSummaryLeftBehind(other.uri)?.version, other.span);
      if (!span) continue;
      others.push(span === other.span ? other : { uri: other.uri, releaseIndex: other.releaseIndex, span });
      if (others.length >= limit) break;
    }
    return others;
  }
}

/** The passage-worthy sentences of one release, in text order (the verbatim and the near-verbatim index read the same). */
export function findReleaseSentences(text: string, release: Release): Span[] {
  return release.paragraphs.flatMap((paragraph) => findSentences(text, paragraph));
}

const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);
const QUOTES = new Set([0x22, 0x27, 0x28, 0x5b, 0x29, 0x5d, 0x2018, 0x2019, 0x201c, 0x201d]);

function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff;
}

/**
 * Identity of a sentence regardless of case, quote style, dash style, surrounding quotes and white space: two 32-bit
 * FNV-1a hashes and the folded length, computed in one pass without building the folded string. Different
 * sentences sharing all three are vanishingly rare (about one in 2^64).
 */
function getPassageKey(text: string, span: Span): string {
  let start = span.start;
  let end = span.end;
  while (start < end && QUOTES.has(text.charCodeAt(start))) start++;
  while (end > start && QUOTES.has(text.charCodeAt(end - 1))) end--;
  const lower = text.slice(start, end).toLowerCase();
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < lower.length; i++) {
    let code = lower.charCodeAt(i);
    if (isSpace(code)) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) {
      a = Math.imul(a ^ 0x20, 0x01000193);
      b = Math.imul(b ^ 0x20, 0x01000193);
      length++;
      pendingSpace = false;
    }
    // Single and double, straight and curly quotes are one mark: a quotation quoted again turns double into single.
    if (code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d) code = 0x22;
    else if (DASHES.has(code)) code = 0x2d;
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
    length++;
  }
  // Six UTF-16 units, one flat string: the same identity as the hashes and length written out in digits, at a
  // fifth of the memory (a key built by concatenation is a tree of strings until it is flattened).
  return String.fromCharCode(a & 0xffff, a >>> 16, b & 0xffff, b >>> 16, length & 0xffff, length >>> 16);
}
