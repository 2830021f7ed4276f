// The whole corpus as per-file parse results, updated one file at a time.
// Cross-file facts (duplicates here; entities and tags elsewhere) are derived from the per-file results and
// kept in step incrementally: replacing one file only revisits that file's own contributions.

import { createHash } from 'node:crypto';
import { ParsedCorpusFile, Problem } from '../corpus/model';
import { parseCorpusFile } from '../corpus/parse';
import { normaliseForComparison } from '../corpus/text';

export interface CorpusFile {
  readonly uri: string;
  /** Increases with every update of this uri; features cache per-file work on it. */
  readonly version: number;
  readonly text: string;
  readonly parsed: ParsedCorpusFile;
}

export type CorpusChangeListener = (changedUris: readonly string[]) => void;

interface Fingerprint {
  readonly key: string;
  readonly uri: string;
  readonly releaseIndex: number;
}

export interface DuplicateRelease {
  readonly kind: 'title' | 'body';
  readonly uri: string;
  readonly releaseIndex: number;
}

export class CorpusIndex {
  private readonly files = new Map<string, CorpusFile>();
  private readonly fingerprintsByFile = new Map<string, Fingerprint[]>();
  private readonly holdersByKey = new Map<string, Fingerprint[]>();
  private readonly listeners: CorpusChangeListener[] = [];
  private nextVersion = 1;

  /** Parses the text and replaces the file; returns the uris whose problems may have changed. */
  setFile(uri: string, text: string): string[] {
    return this.store(uri, { uri, version: this.nextVersion++, text, parsed: parseCorpusFile(text) });
  }

  /** Stores a file that could not be parsed (binary, too large): only its problems are known. */
  setUnreadableFile(uri: string, problems: readonly Problem[]): string[] {
    return this.store(uri, { uri, version: this.nextVersion++, text: '', parsed: { releases: [], problems, boilerplate: [] } });
  }

  removeFile(uri: string): string[] {
    if (!this.files.has(uri)) return [];
    return this.store(uri, undefined);
  }

  getFile(uri: string): CorpusFile | undefined {
    return this.files.get(uri);
  }

  getFiles(): IterableIterator<CorpusFile> {
    return this.files.values();
  }

  /** Changes whenever any file changes: a cache key for derived whole-corpus facts. */
  get generation(): number {
    return this.nextVersion;
  }

  onDidChange(listener: CorpusChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * For each of the release's title and body, the first other release (by uri, then position) with the same
   * one. Naming one copy, not all, keeps each answer and each update small when thousands share a title.
   */
  findDuplicatesOf(uri: string, releaseIndex: number): DuplicateRelease[] {
    return (this.fingerprintsByFile.get(uri) ?? [])
      .filter((fingerprint) => fingerprint.releaseIndex === releaseIndex)
      .flatMap((fingerprint) => {
        const other = firstOtherHolder(this.holdersByKey.get(fingerprint.key) ?? [], fingerprint);
        return other ? [{ kind: fingerprint.key.startsWith('title:') ? 'title' as const : 'body' as const, uri: other.uri, releaseIndex: other.releaseIndex }] : [];
      });
  }

  private store(uri: string, file: CorpusFile | undefined): string[] {
    const oldKeys = (this.fingerprintsByFile.get(uri) ?? []).map((f) => f.key);
    const newFingerprints = file ? fingerprintReleases(file) : [];
    const touchedKeys = [...new Set([...oldKeys, ...newFingerprints.map((f) => f.key)])];
    const before = this.describeHolders(touchedKeys);

    for (const key of oldKeys) {
      const remaining = (this.holdersByKey.get(key) ?? []).filter((f) => f.uri !== uri);
      if (remaining.length) this.holdersByKey.set(key, remaining);
      else this.holdersByKey.delete(key);
    }
    for (const fingerprint of newFingerprints) {
      const holders = this.holdersByKey.get(fingerprint.key) ?? [];
      holders.push(fingerprint);
      holders.sort(compareHolders);
      this.holdersByKey.set(fingerprint.key, holders);
    }
    if (file) {
      this.files.set(uri, file);
      this.fingerprintsByFile.set(uri, newFingerprints);
    } else {
      this.files.delete(uri);
      this.fingerprintsByFile.delete(uri);
    }

    const after = this.describeHolders(touchedKeys);
    const changed = new Set([uri]);
    for (const holder of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(holder) !== after.get(holder)) changed.add(holder.split(SEPARATOR)[0]);
    }
    const result = [...changed];
    for (const listener of this.listeners) listener(result);
    return result;
  }

  /** (holder uri, release, key) → the copy that holder's duplicate problem names, for every holder of these keys. */
  private describeHolders(keys: readonly string[]): Map<string, string> {
    const described = new Map<string, string>();
    for (const key of keys) {
      const holders = this.holdersByKey.get(key) ?? [];
      for (const holder of holders) {
        const other = firstOtherHolder(holders, holder);
        described.set([holder.uri, holder.releaseIndex, key].join(SEPARATOR), other ? `${other.uri}#${other.releaseIndex}` : '');
      }
    }
    return described;
  }
}

const SEPARATOR = '\u0000';

function compareHolders(a: Fingerprint, b: Fingerprint): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.releaseIndex - b.releaseIndex;
}

/** Holders are kept sorted, so the first other is the first or the second entry. */
function firstOtherHolder(holders: readonly Fingerprint[], self: Fingerprint): Fingerprint | undefined {
  const first = holders[0];
  if (!first) return undefined;
  const isSelf = (f: Fingerprint) => f.uri === self.uri && f.releaseIndex === self.releaseIndex;
  return isSelf(first) ? holders[1] : first;
}

/** Keys hold a digest, not the text: the index must not keep a second copy of every body. */
function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function fingerprintReleases(file: CorpusFile): Fingerprint[] {
  const fingerprints: Fingerprint[] = [];
  file.parsed.releases.forEach((release, releaseIndex) => {
    const title = normaliseForComparison(release.title);
    if (title) fingerprints.push({ key: `title:${digest(title)}`, uri: file.uri, releaseIndex });
    const body = normaliseForComparison(release.paragraphs.map((p) => file.text.slice(p.span.start, p.span.end)).join('\n'));
    // Short bodies ("Thank you.") say nothing about a copied release.
    if (body.length >= 80) fingerprints.push({ key: `body:${digest(body)}`, uri: file.uri, releaseIndex });
  });
  return fingerprints;
}
