// Releases that the corpus holds more than once (a page scraped twice, a statement syndicated): per-file
// fingerprints of each release's title and body, and a corpus-wide table key → holders in the order they were
// indexed. A release's duplicate problem names the first other holder, so adding a copy changes the answer of
// at most one other release, and a file re-indexed with the same fingerprints keeps its place: the cost per
// file stays the same however many copies share a key.

import { createHash } from 'node:crypto';
import { normaliseForComparison } from '../corpus/text';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { DerivedIndex, IncrementalIndex } from './incremental';

interface Fingerprint {
  readonly key: string;
  readonly releaseIndex: number;
}

export interface DuplicateRelease {
  readonly kind: 'title' | 'body';
  readonly uri: string;
  readonly releaseIndex: number;
}

/** Holders of one key: `uri#releaseIndex` → holder, in insertion order. */
type Holders = Map<string, { uri: string; releaseIndex: number }>;

export class DuplicateIndex implements DerivedIndex<readonly Fingerprint[]> {
  readonly name = 'duplicates';
  readonly incremental: IncrementalIndex<readonly Fingerprint[]>;
  private readonly holdersByKey = new Map<string, Holders>();
  private readonly fingerprintsByFile = new Map<string, readonly Fingerprint[]>();
  /** Files whose duplicate answer changed since the last `takeChangedUris`. */
  private readonly changed = new Set<string>();

  constructor(corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
  }

  summarise(file: CorpusFile): readonly Fingerprint[] {
    const fingerprints: Fingerprint[] = [];
    file.parsed.releases.forEach((release, releaseIndex) => {
      const title = normaliseForComparison(release.title);
      if (title) fingerprints.push({ key: `title:${digest(title)}`, releaseIndex });
      const body = normaliseForComparison(release.paragraphs.map((p) => file.text.slice(p.span.start, p.span.end)).join('\n'));
      // Short bodies ("Thank you.") say nothing about a copied release.
      if (body.length >= 80) fingerprints.push({ key: `body:${digest(body)}`, releaseIndex });
    });
    return fingerprints;
  }

  add(uri: string, fingerprints: readonly Fingerprint[]): void {
    this.fingerprintsByFile.set(uri, fingerprints);
    this.changed.add(uri);
    for (const { key, releaseIndex } of fingerprints) {
      const holders = this.holdersByKey.get(key) ?? new Map();
      // A single holder had no copy so far; with two or more, the newcomer is nobody's first other.
      if (holders.size === 1) holders.forEach((holder) => this.changed.add(holder.uri));
      holders.set(`${uri}#${releaseIndex}`, { uri, releaseIndex });
      this.holdersByKey.set(key, holders);
    }
  }

  /** A re-indexed file keeps its place among the holders of the keys it still has, so nobody else's answer moves. */
  replace(uri: string, before: readonly Fingerprint[], after: readonly Fingerprint[]): void {
    const id = (f: Fingerprint) => `${f.key}|${f.releaseIndex}`;
    const kept = new Set(after.map(id));
    const had = new Set(before.map(id));
    this.remove(
      uri,
      before.filter((f) => !kept.has(id(f))),
    );
    this.add(
      uri,
      after.filter((f) => !had.has(id(f))),
    );
    this.fingerprintsByFile.set(uri, after);
  }

  remove(uri: string, fingerprints: readonly Fingerprint[]): void {
    this.fingerprintsByFile.delete(uri);
    this.changed.add(uri);
    for (const { key, releaseIndex } of fingerprints) {
      const holders = this.holdersByKey.get(key);
      if (!holders) continue;
      const id = `${uri}#${releaseIndex}`;
      // The first two holders are named by everyone else: removing one changes every holder's answer.
      const isNamed = [...firstTwo(holders)].some(([held]) => held === id);
      holders.delete(id);
      if (holders.size === 0) this.holdersByKey.delete(key);
      else if (isNamed) holders.forEach((holder) => this.changed.add(holder.uri));
    }
  }

  /** Files whose duplicate problems may read differently since the last call. */
  takeChangedUris(): string[] {
    this.incremental.refresh();
    const uris = [...this.changed];
    this.changed.clear();
    return uris;
  }

  /** For each release's title and body, the first other release with the same one (release order, one pass). */
  findDuplicatesInFile(uri: string): { releaseIndex: number; copy: DuplicateRelease }[] {
    this.incremental.refresh();
    return (this.fingerprintsByFile.get(uri) ?? []).flatMap(({ key, releaseIndex }) => {
      const other = getFirstOtherHolder(this.holdersByKey.get(key), `${uri}#${releaseIndex}`);
      return other ? [{ releaseIndex, copy: { kind: key.startsWith('title:') ? ('title' as const) : ('body' as const), ...other } }] : [];
    });
  }
}

function* firstTwo(holders: Holders): Generator<[string, { uri: string; releaseIndex: number }]> {
  let n = 0;
  for (const entry of holders) {
    if (n++ >= 2) return;
    yield entry;
  }
}

function getFirstOtherHolder(holders: Holders | undefined, self: string): { uri: string; releaseIndex: number } | undefined {
  for (const [id, holder] of firstTwo(holders ?? new Map())) if (id !== self) return holder;
  return undefined;
}

/** Keys hold a digest, not the text: the index must not keep a second copy of every body. */
function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
