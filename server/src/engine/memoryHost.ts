// An in-memory WorkspaceHost: files in a map, globs matched by a small translation to regular expressions,
// changes reported synchronously to watchers. Tests and fixtures run the whole engine on it, with no disk.

import { getRelativePath, globToRegExp } from '../features/uris';
import { Disposable, FileChange, FileChangedError, ReadResult, WorkspaceHost } from './host';

export class MemoryHost implements WorkspaceHost {
  private readonly files = new Map<string, string>();
  private readonly watchers = new Set<{ folders: readonly string[]; globs: readonly RegExp[]; onChange: (changes: readonly FileChange[]) => void }>();
  private readonly locks = new Map<string, Promise<void>>();
  /** Every write, in order: tests assert what was written and how often. */
  readonly writes: { uri: string; text: string }[] = [];

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
  }

  /** Changes a file as another program would, and tells the watchers. */
  setFile(uri: string, text: string | undefined): void {
    const existed = this.files.has(uri);
    if (text === undefined) this.files.delete(uri);
    else this.files.set(uri, text);
    const kind = text === undefined ? 'deleted' : existed ? 'changed' : 'created';
    for (const watcher of this.watchers) {
      if (watcher.folders.some((folder) => matchesAny(watcher.globs, getRelativePath(folder, uri)))) watcher.onChange([{ uri, kind }]);
    }
  }

  getFile(uri: string): string | undefined {
    return this.files.get(uri);
  }

  async listFiles(folderUri: string, globs: readonly string[]): Promise<string[]> {
    const patterns = globs.map(globToRegExp);
    return [...this.files.keys()].filter((uri) => matchesAny(patterns, getRelativePath(folderUri, uri))).sort();
  }

  async readText(uri: string, maxBytes: number): Promise<ReadResult> {
    const text = this.files.get(uri);
    if (text === undefined) return { kind: 'missing' };
    const size = new TextEncoder().encode(text).length;
    if (size > maxBytes) return { kind: 'too-large', size };
    if (text.slice(0, 8192).includes('\u0000')) return { kind: 'binary' };
    return { kind: 'text', text };
  }

  async withLock<T>(uri: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(uri) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    this.locks.set(
      uri,
      previous.then(() => current),
    );
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }

  async writeAtomically(uri: string, text: string, expected?: string): Promise<void> {
    if (expected !== undefined && (this.files.get(uri) ?? '') !== expected) throw new FileChangedError(uri);
    this.writes.push({ uri, text });
    this.setFile(uri, text);
  }

  watch(folderUris: readonly string[], globs: readonly string[], onChange: (changes: readonly FileChange[]) => void): Disposable {
    const watcher = { folders: folderUris, globs: globs.map(globToRegExp), onChange };
    this.watchers.add(watcher);
    return { dispose: () => this.watchers.delete(watcher) };
  }
}

function matchesAny(patterns: readonly RegExp[], relativePath: string | undefined): boolean {
  return relativePath !== undefined && patterns.some((pattern) => pattern.test(relativePath));
}
