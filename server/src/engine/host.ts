// The outside world as the engine sees it: list the corpus files of a folder, read one, write one atomically
// under a lock, watch for changes. The language server and the CLI pass the Node implementation
// (server/src/host/nodeHost.ts); tests pass the in-memory one (memoryHost.ts). Everything is named by `file:`
// URI (features/uris.ts); the host alone turns URIs into paths.

import { Finding } from '../corpus/entities/mentions';
import { ParsedCorpusFile } from '../corpus/model';

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  /** Larger than the limit given: not read. */
  | { readonly kind: 'too-large'; readonly size: number }
  /** Holds a NUL byte in its first 8 KB: not press text. */
  | { readonly kind: 'binary' }
  /** Could not be read (permissions, a special file): the message says why. */
  | { readonly kind: 'unreadable'; readonly message: string }
  /** Its real path (symlinks resolved) lies outside the workspace folders: not read. */
  | { readonly kind: 'outside-workspace'; readonly realPath: string };

/** A compare-and-swap write found the file changed since it was read: nothing was written; read again and retry. */
export class FileChangedError extends Error {
  constructor(readonly target: string) {
    super(`${target} changed while Press Corpus was writing it; nothing was written.`);
  }
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  readonly uri: string;
  readonly kind: FileChangeKind;
}

export interface Disposable {
  dispose(): void;
}

export interface WorkspaceHost {
  /** URIs of the files under the folder matching the globs (relative to the folder), sorted. */
  listFiles(folderUri: string, globs: readonly string[]): Promise<string[]>;
  /** Reads a text file of at most `maxBytes` bytes. Never throws: a failure is a ReadResult. */
  readText(uri: string, maxBytes: number): Promise<ReadResult>;
  /** Runs `work` while no other process changes the file (a lock beside it), creating its folder if needed. */
  withLock<T>(uri: string, work: () => Promise<T>): Promise<T>;
  /**
   * Replaces the file so readers see the old or the new text, never half of one. With `expected` (the text read
   * under the lock; '' for no file) it is a compare-and-swap: a file that no longer holds that text right before
   * the replace throws FileChangedError, and lines left unchanged keep their exact bytes.
   */
  writeAtomically(uri: string, text: string, expected?: string): Promise<void>;
  /** Reports changes of files under the folders matching the globs, until disposed. */
  watch(folderUris: readonly string[], globs: readonly string[], onChange: (changes: readonly FileChange[]) => void): Disposable;
}

/**
 * A corpus file read for the initial scan: its text, and when the reader could do it elsewhere, its parse and pass
 * one of entity recognition (`findReleaseFindings` of each release).
 */
export type CorpusFileRead =
  | Exclude<ReadResult, { kind: 'text' }>
  | { readonly kind: 'text'; readonly text: string; readonly parsed?: ParsedCorpusFile; readonly releaseFindings?: readonly (readonly Finding[])[] };

/**
 * Reads the corpus files of the initial scan, a few ahead of the one the engine is storing, and may parse them on
 * other cores (host/scanWorkerPool.ts). Results come in the order of `uris`, so file versions follow the scan
 * order whoever parsed them; a reader that cannot parse a file hands its text alone and the engine parses it.
 */
export interface CorpusFileReader {
  readCorpusFiles(uris: readonly string[], maxBytes: number): AsyncIterable<CorpusFileRead>;
}
