// Releases that the corpus holds more than once (a page scraped twice, a statement syndicated): per-file
// fingerprints of each release's title and body, and a corpus-wide table key → holders in the order they were
// indexed. A release's duplicate problem names the first other holder, so adding a copy changes the answer of
// at most one other release, and a file re-indexed with the same fingerprints keeps its place: the cost per
// file stays the same however many copies share a key.

import { createHash } from 'node:crypto';
import { Release } from '../corpus/model';
import { normaliseForComparison } from '../corpus/text';
import { CorpusFile, CorpusIndex, getFileContent } from './corpusIndex';
import { IncrementalIndex } from './incremental';
import { DerivedIndex } from './derivedIndex';
import { ReadableText } from './pieceText';
import { ReleaseResults } from './releaseResults';
import { countReleases, getRelease } from './releaseRuns';

interface Fingerprint {
  readonly key: string;
  readonly releaseIndex: number;
}

/** A release's fingerprint: what it is of, and a SHA-1 in base64 (getReleaseKeys). */
const FINGERPRINT_KEY = /^(?:title|body):[A-Za-z0-9+/]{27}=$/;

/** A file's summary: each release's fingerprint keys, in release order (the per-release results themselves). */
type KeysByRelease = readonly (readonly string[])[];

export interface DuplicateRelease {
  readonly kind: 'title' | 'body';
  readonly uri: string;
  readonly releaseIndex: number;
}

/** Holders of one key: `uri#releaseIndex` → holder, in insertion order. */
type Holders = Map<string, { uri: string; releaseIndex: number }>;

export class DuplicateIndex implements DerivedIndex<KeysByRelease> {
  readonly name = 'duplicates';
  readonly incremental: IncrementalIndex<KeysByRelease>;
  private readonly holdersByKey = new Map<string, Holders>();
  private readonly keysByFile = new Map<string, KeysByRelease>();
  /** Files whose duplicate answer changed since the last `takeChangedUris`. */
  private readonly changed = new Set<string>();
  /** Per file, its fingerprints that another release shares (by `key|releaseIndex`): a file's answer reads these only. */
  private readonly sharedByFile = new Map<string, Map<string, Fingerprint>>();

  /** Each release's fingerprint keys: after an edit, only the touched releases are hashed again. */
  private readonly releaseKeys: ReleaseResults<readonly string[]>;

  constructor(corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
    this.releaseKeys = new ReleaseResults(corpus, (file, releaseIndex) => getReleaseKeys(getFileContent(file), getRelease(file.parsed, releaseIndex)!));
  }

  summarise(file: CorpusFile): KeysByRelease {
    return this.releaseKeys.get(file).results;
  }

  /** Stored across restarts as they are: hashing every release's normalised text costs more than reading keys. */
  encodeSummary(keysByRelease: KeysByRelease): KeysByRelease {
    return keysByRelease;
  }

  decodeSummary(data: unknown, file: CorpusFile): KeysByRelease | undefined {
    if (!Array.isArray(data) || data.length !== countReleases(file.parsed)) return undefined;
    if (!data.every((keys) => Array.isArray(keys) && keys.every((key) => typeof key === 'string' && FINGERPRINT_KEY.test(key)))) return undefined;
    // Kept as this version's per-release results, so the file's first edit hashes only the releases it touches.
    this.releaseKeys.seed(file, data as KeysByRelease);
    return this.releaseKeys.get(file).results;
  }

  add(uri: string, keysByRelease: KeysByRelease): void {
    this.keysByFile.set(uri, keysByRelease);
    this.addFingerprints(uri, toFingerprints(keysByRelease, 0, keysByRelease.length));
  }

  /** A re-indexed file keeps its place among the holders of the keys it still has, so nobody else's answer moves. */
  replace(uri: string, before: KeysByRelease, after: KeysByRelease): void {
    // An edit keeps the keys of the releases it did not touch (the same lists): only the middle can differ. Past
    // a change in the number of releases, the ones after it have new indexes: their holders change too.
    let start = 0;
    while (start < before.length && start < after.length && sameKeys(before[start], after[start])) start++;
    let end = 0;
    if (before.length === after.length) while (end < before.length - start && sameKeys(before[before.length - 1 - end], after[after.length - 1 - end])) end++;
    const removed = toFingerprints(before, start, before.length - end);
    const added = toFingerprints(after, start, after.length - end);
    const id = (f: Fingerprint) => `${f.key}|${f.releaseIndex}`;
    const kept = new Set(added.map(id));
    const had = new Set(removed.map(id));
    this.removeFingerprints(
      uri,
      removed.filter((f) => !kept.has(id(f))),
    );
    this.addFingerprints(
      uri,
      added.filter((f) => !had.has(id(f))),
    );
    this.keysByFile.set(uri, after);
  }

  remove(uri: string, keysByRelease: KeysByRelease): void {
    this.keysByFile.delete(uri);
    this.removeFingerprints(uri, toFingerprints(keysByRelease, 0, keysByRelease.length));
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
    const shared = [...(this.sharedByFile.get(uri)?.values() ?? [])].sort((a, b) => a.releaseIndex - b.releaseIndex || kindOrder(a.key) - kindOrder(b.key));
    return shared.flatMap(({ key, releaseIndex }) => {
      const other = getFirstOtherHolder(this.holdersByKey.get(key), uri, releaseIndex);
      return other ? [{ releaseIndex, copy: { kind: key.startsWith('title:') ? ('title' as const) : ('body' as const), ...other } }] : [];
    });
  }

  private markShared(uri: string, key: string, releaseIndex: number, shared: boolean): void {
    const id = `${key}|${releaseIndex}`;
    let ofFile = this.sharedByFile.get(uri);
    if (shared) {
      if (!ofFile) this.sharedByFile.set(uri, (ofFile = new Map()));
      ofFile.set(id, { key, releaseIndex });
    } else if (ofFile?.delete(id) && ofFile.size === 0) this.sharedByFile.delete(uri);
  }

  private addFingerprints(uri: string, fingerprints: readonly Fingerprint[]): void {
    this.changed.add(uri);
    for (const { key, releaseIndex } of fingerprints) {
      const holders = this.holdersByKey.get(key) ?? new Map();
      // A single holder had no copy so far; with two or more, the newcomer is nobody's first other.
      if (holders.size === 1) holders.forEach((holder) => (this.changed.add(holder.uri), this.markShared(holder.uri, key, holder.releaseIndex, true)));
      holders.set(`${uri}#${releaseIndex}`, { uri, releaseIndex });
      this.holdersByKey.set(key, holders);
      if (holders.size > 1) this.markShared(uri, key, releaseIndex, true);
    }
  }

  private removeFingerprints(uri: string, fingerprints: readonly Fingerprint[]): void {
    this.changed.add(uri);
    for (const { key, releaseIndex } of fingerprints) {
      const holders = this.holdersByKey.get(key);
      if (!holders) continue;
      const id = `${uri}#${releaseIndex}`;
      // The first two holders are named by everyone else: removing one changes every holder's answer.
      const isNamed = [...firstTwo(holders)].some(([held]) => held === id);
      holders.delete(id);
      this.markShared(uri, key, releaseIndex, false);
      if (holders.size === 1) holders.forEach((holder) => this.markShared(holder.uri, key, holder.releaseIndex, false));
      if (holders.size === 0) this.holdersByKey.delete(key);
      else if (isNamed) holders.forEach((holder) => this.changed.add(holder.uri));
    }
  }
}

/** The fingerprints of releases [from, to). */
function toFingerprints(keysByRelease: KeysByRelease, from: number, to: number): Fingerprint[] {
  const fingerprints: Fingerprint[] = [];
  for (let releaseIndex = from; releaseIndex < to; releaseIndex++) for (const key of keysByRelease[releaseIndex]) fingerprints.push({ key, releaseIndex });
  return fingerprints;
}

/** Within a release, the title's duplicate comes before the body's. */
function kindOrder(key: string): number {
  return key.startsWith('title:') ? 0 : 1;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((key, i) => key === b[i]));
}

function* firstTwo(holders: Holders): Generator<[string, { uri: string; releaseIndex: number }]> {
  let n = 0;
  for (const entry of holders) {
    if (n++ >= 2) return;
    yield entry;
  }
}

function getFirstOtherHolder(holders: Holders | undefined, uri: string, releaseIndex: number): { uri: string; releaseIndex: number } | undefined {
  if (!holders || holders.size < 2) return undefined; // most releases have no copy: no id to build
  const selfId = `${uri}#${releaseIndex}`;
  for (const [id, holder] of firstTwo(holders)) if (id !== selfId) return holder;
  return undefined;
}

/** Keys hold a digest, not the text: the index must not keep a second copy of every body. */
function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The title and body fingerprints of one release. */
function getReleaseKeys(text: ReadableText, release: Release): string[] {
  const keys: string[] = [];
  const title = normaliseForComparison(release.title);
  if (title) keys.push(`title:${digest(title)}`);
  const body = normaliseForComparison(release.paragraphs.map((p) => text.slice(p.start, p.end)).join('\n'));
  // Short bodies ("Thank you.") say nothing about a copied release.
  if (body.length >= 80) keys.push(`body:${digest(body)}`);
  return keys;
}
