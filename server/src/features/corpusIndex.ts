// The corpus as per-file parse results, replaced one file at a time. Corpus-wide facts (duplicates, passages,
// entities) are derived from these per-file results by the incremental mechanism (incremental.ts).

import { ParsedCorpusFile, Problem } from '../corpus/model';
import { parseCorpusFile } from '../corpus/parse';
import { ChangedRange, reparseCorpusFileReusing, ReusedReleases } from './incrementalParse';
import { ReadableText } from './pieceText';

export interface CorpusFile {
  readonly uri: string;
  /** Increases with every update of this uri; features cache per-file work on it. */
  readonly version: number;
  /** The whole text. For an open document kept in pieces (`content`), joined on first read, once per version. */
  readonly text: string;
  /** The text to read in parts (getFileContent): an edit's work reads what it touches without joining `text`. */
  readonly content?: ReadableText;
  readonly parsed: ParsedCorpusFile;
  /**
   * The last edits, oldest first: each names the version it re-parsed and which of its releases it kept, so a
   * per-release cache a few edits behind can still reuse the releases none of them touched.
   */
  readonly edits?: readonly FileEdit[];
}

/** The file's text to read in parts: its pieces when it has them, else its string. */
export function getFileContent(file: CorpusFile): ReadableText {
  return file.content ?? file.text;
}

/** A file of a string, or of a text in pieces whose string is joined when first read. */
function createCorpusFile(fields: Omit<CorpusFile, 'text' | 'content'>, text: ReadableText): CorpusFile {
  if (typeof text === 'string') return { ...fields, text };
  return {
    ...fields,
    content: text,
    get text() {
      return text.toString();
    },
  };
}

export interface FileEdit extends ReusedReleases {
  readonly previousVersion: number;
  /** Where the text changed, when the re-parse found it: later per-file work need not compare the texts again. */
  readonly change?: ChangedRange;
}

/** Edits remembered per file: a cache further behind computes every release again. */
const REMEMBERED_EDITS = 32;

export type CorpusChangeListener = (changedUris: readonly string[]) => void;

export class CorpusIndex {
  private readonly files = new Map<string, CorpusFile>();
  private readonly listeners: CorpusChangeListener[] = [];
  private nextVersion = 1;

  /**
   * Parses the text and replaces the file (an edit re-parses only the releases it touches). `precomputed` is the
   * text's parse made elsewhere (a scan worker, a stored index): it must equal `parseCorpusFile(text)`.
   */
  setFile(uri: string, text: ReadableText, precomputed?: ParsedCorpusFile): CorpusFile {
    return this.replaceText(uri, text, undefined, precomputed);
  }

  /** The same for an editor's edit: `change` (where the editor changed the text) spares comparing the texts. */
  editFile(uri: string, text: ReadableText, change: ChangedRange): CorpusFile {
    return this.replaceText(uri, text, change);
  }

  private replaceText(uri: string, text: ReadableText, change?: ChangedRange, precomputed?: ParsedCorpusFile): CorpusFile {
    const previous = this.files.get(uri);
    const version = this.nextVersion++;
    if (precomputed) return this.store(uri, createCorpusFile({ uri, version, parsed: precomputed }, text));
    if (!previous) return this.store(uri, createCorpusFile({ uri, version, parsed: parseCorpusFile(text.toString()) }, text));
    const reparse = reparseCorpusFileReusing(getFileContent(previous), previous.parsed, text, change);
    const edit: FileEdit = { ...reparse.reused, previousVersion: previous.version, change: reparse.change };
    const edits = [...(previous.edits ?? []).slice(1 - REMEMBERED_EDITS), edit];
    return this.store(uri, createCorpusFile({ uri, version, parsed: reparse.parsed, edits }, text));
  }

  /** Stores a file that could not be parsed (binary, too large): only its problems are known. */
  setUnreadableFile(uri: string, problems: readonly Problem[]): CorpusFile {
    return this.store(uri, { uri, version: this.nextVersion++, text: '', parsed: { releases: [], problems, boilerplate: [] } });
  }

  removeFile(uri: string): void {
    if (!this.files.delete(uri)) return;
    this.notify([uri]);
  }

  getFile(uri: string): CorpusFile | undefined {
    return this.files.get(uri);
  }

  getFiles(): IterableIterator<CorpusFile> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  /** Changes whenever any file changes: a cache key for derived whole-corpus facts. */
  get generation(): number {
    return this.nextVersion;
  }

  onDidChange(listener: CorpusChangeListener): void {
    this.listeners.push(listener);
  }

  private store(uri: string, file: CorpusFile): CorpusFile {
    this.files.set(uri, file);
    this.notify([uri]);
    return file;
  }

  private notify(uris: readonly string[]): void {
    for (const listener of this.listeners) listener(uris);
  }
}
