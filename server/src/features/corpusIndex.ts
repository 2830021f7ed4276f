// The whole corpus as per-file parse results, updated one file at a time.
// Cross-file facts (duplicates here; entities and tags elsewhere) are derived from the per-file results and
// kept in step incrementally: replacing one file only revisits that file's own contributions.

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

export class CorpusIndex {
  private readonly files = new Map<string, CorpusFile>();
  private readonly fingerprintsByFile = new Map<string, Fingerprint[]>();
  private readonly filesByFingerprint = new Map<string, Fingerprint[]>();
  private readonly listeners: CorpusChangeListener[] = [];
  private nextVersion = 1;

  /** Parses the text and replaces the file; returns the uris whose cross-file facts may have changed. */
  setFile(uri: string, text: string, fileProblems: readonly Problem[] = []): string[] {
    const parsed = parseCorpusFile(text);
    const withFileProblems = fileProblems.length ? { ...parsed, problems: [...fileProblems, ...parsed.problems] } : parsed;
    return this.store({ uri, version: this.nextVersion++, text, parsed: withFileProblems });
  }

  /** Stores a file that could not be parsed (binary, too large): only its problems are known. */
  setUnreadableFile(uri: string, problems: readonly Problem[]): string[] {
    return this.store({ uri, version: this.nextVersion++, text: '', parsed: { releases: [], problems, boilerplate: [] } });
  }

  removeFile(uri: string): string[] {
    if (!this.files.has(uri)) return [];
    const affected = this.forgetFingerprints(uri);
    this.files.delete(uri);
    const changed = [...new Set([uri, ...affected])];
    this.notify(changed);
    return changed;
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

  get size(): number {
    return this.files.size;
  }

  onDidChange(listener: CorpusChangeListener): void {
    this.listeners.push(listener);
  }

  /** Releases elsewhere in the corpus with the same title or body as release `releaseIndex` of `uri`. */
  findDuplicatesOf(uri: string, releaseIndex: number): { kind: 'title' | 'body'; uri: string; releaseIndex: number }[] {
    const own = (this.fingerprintsByFile.get(uri) ?? []).filter((f) => f.releaseIndex === releaseIndex);
    const found: { kind: 'title' | 'body'; uri: string; releaseIndex: number }[] = [];
    for (const fingerprint of own) {
      for (const other of this.filesByFingerprint.get(fingerprint.key) ?? []) {
        if (other.uri === uri && other.releaseIndex === releaseIndex) continue;
        found.push({ kind: fingerprint.key.startsWith('title:') ? 'title' : 'body', uri: other.uri, releaseIndex: other.releaseIndex });
      }
    }
    return found;
  }

  private store(file: CorpusFile): string[] {
    const before = this.forgetFingerprints(file.uri);
    this.files.set(file.uri, file);
    const fingerprints = fingerprintReleases(file);
    this.fingerprintsByFile.set(file.uri, fingerprints);
    const after = new Set<string>();
    for (const fingerprint of fingerprints) {
      const holders = this.filesByFingerprint.get(fingerprint.key) ?? [];
      holders.push(fingerprint);
      this.filesByFingerprint.set(fingerprint.key, holders);
      if (holders.length > 1) holders.forEach((holder) => after.add(holder.uri));
    }
    const changed = [...new Set([file.uri, ...before, ...after])];
    this.notify(changed);
    return changed;
  }

  /** Drops a file's fingerprints and returns the other files that shared one of them. */
  private forgetFingerprints(uri: string): string[] {
    const affected = new Set<string>();
    for (const fingerprint of this.fingerprintsByFile.get(uri) ?? []) {
      const remaining = (this.filesByFingerprint.get(fingerprint.key) ?? []).filter((f) => f.uri !== uri);
      remaining.forEach((f) => affected.add(f.uri));
      if (remaining.length) this.filesByFingerprint.set(fingerprint.key, remaining);
      else this.filesByFingerprint.delete(fingerprint.key);
    }
    this.fingerprintsByFile.delete(uri);
    return [...affected];
  }

  private notify(changed: readonly string[]): void {
    for (const listener of this.listeners) listener(changed);
  }
}

function fingerprintReleases(file: CorpusFile): Fingerprint[] {
  const fingerprints: Fingerprint[] = [];
  file.parsed.releases.forEach((release, releaseIndex) => {
    const title = normaliseForComparison(release.title);
    if (title) fingerprints.push({ key: `title:${title}`, uri: file.uri, releaseIndex });
    const body = normaliseForComparison(release.paragraphs.map((p) => file.text.slice(p.span.start, p.span.end)).join('\n'));
    // Short bodies ("Thank you.") say nothing about a copied release.
    if (body.length >= 80) fingerprints.push({ key: `body:${body}`, uri: file.uri, releaseIndex });
  });
  return fingerprints;
}
