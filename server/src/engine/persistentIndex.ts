// The persistent index: parse results, and the summaries that cost most to compute (entity recognition), kept on
// disk between runs under the content key of the text they were computed from, so a restart parses and
// recognises again only the files whose text changed. The engine decides what is stored and when; the host's
// store (host/diskCache.ts) decides where, writes atomically, and hands back only entries that pass every check
// (format version, key, length, checksum). A stored value is still checked for shape before it is used.

import { ParsedCorpusFile } from '../corpus/model';
import { Corpus } from '../features/corpus';
import { CorpusFile } from '../features/corpusIndex';
import { StoredSummary, SummaryStore } from '../features/derivedIndex';
import { isStoredParse } from './storedParse';
import { LoadedText, TableSnapshot } from './tableSnapshot';

/** Where entries live: on disk through the host, in memory in tests. */
export interface PersistentStore {
  /** The content key of a text (a hash of it). */
  keyOf(text: string): string;
  /**
   * The entry stored under the key and part, as a function that deserialises it, or undefined when there is
   * none that passes the checks (missing, truncated, corrupt, another format version, larger than `maxBytes`).
   * Never throws.
   */
  read(key: string, part: string, maxBytes: number): Promise<(() => unknown) | undefined>;
  /** Stores the value (computed when the write runs; undefined writes nothing) in the background; a failed write is dropped. */
  write(key: string, part: string, value: () => unknown): void;
  /** Removes the entries of every text but these (after writes asked for so far), so the store does not grow. */
  retainOnly(keys: ReadonlySet<string>): void;
  /** Resolves once every write asked for so far has ended. */
  flush(): Promise<void>;
}

const PARSE_PART = 'parse';
/** An entry larger than this many bytes per UTF-16 unit of its text (plus a constant) is not read. */
const MAX_ENTRY_BYTES_PER_CHAR = 32;
const MAX_ENTRY_BYTES_BASE = 1024 * 1024;

/** What the store held for one text, looked up before the file is set (the lookup reads the disk). */
export interface StoredEntries {
  readonly key: string;
  readonly parse: ParsedCorpusFile | undefined;
  /** Stored summaries by part name, each read when first taken. */
  readonly summaries: Map<string, () => unknown>;
}

interface LoadedFile extends LoadedText {
  /** Stored summaries not yet taken by their index, by index name. */
  readonly summaries: Map<string, () => unknown>;
}

export class PersistentIndex implements SummaryStore {
  /** Files set from disk text, at the version that text got: only these have a content key to store under. */
  private readonly loaded = new Map<string, LoadedFile>();
  private readonly summaryParts: readonly string[];
  private parsesFromStore = 0;
  /** The corpus tables themselves, restored whole when the corpus is the one they were taken of. */
  readonly snapshot: TableSnapshot;

  constructor(
    private readonly store: PersistentStore,
    private readonly corpus: Corpus,
  ) {
    for (const index of corpus.derivedIndexes) index.setSummaryStore(this);
    this.snapshot = new TableSnapshot(store, corpus, () => this.loaded);
    this.summaryParts = corpus.derivedIndexes.filter((index) => index.storesSummaries).map((index) => toPartName(index.index.name));
    // A file replaced by an editor's text (or removed) has no stored entries any more.
    corpus.files.onDidChange((uris) => {
      for (const uri of uris) if (this.loaded.get(uri)?.version !== corpus.files.getFile(uri)?.version) this.loaded.delete(uri);
    });
  }

  /** How many files took their parse from the store so far. */
  get filesFromStore(): number {
    return this.parsesFromStore;
  }

  /** What the store holds for a text read from disk: its content key, and its parse and summaries if stored. */
  async lookUp(text: string): Promise<StoredEntries> {
    const key = this.store.keyOf(text);
    const maxBytes = MAX_ENTRY_BYTES_BASE + MAX_ENTRY_BYTES_PER_CHAR * text.length;
    const [storedParse, ...storedSummaries] = await Promise.all([PARSE_PART, ...this.summaryParts].map((part) => this.store.read(key, part, maxBytes)));
    const stored = storedParse?.();
    const summaries = new Map<string, () => unknown>();
    storedSummaries.forEach((read, i) => read && summaries.set(this.summaryParts[i], read));
    return { key, parse: isStoredParse(stored, text.length) ? stored : undefined, summaries };
  }

  /**
   * Sets a corpus file from its text on disk with what the store held for it: the stored parse, else `parsed`
   * (made elsewhere: a scan worker), else parsed now; a parse not from the store is stored.
   */
  setFileFromDisk(uri: string, text: string, stored: StoredEntries, parsed?: ParsedCorpusFile): CorpusFile {
    const file = this.corpus.files.setFile(uri, text, stored.parse ?? parsed);
    if (stored.parse) this.parsesFromStore++;
    else this.store.write(stored.key, PARSE_PART, () => file.parsed);
    this.loaded.set(uri, { version: file.version, key: stored.key, summaries: stored.summaries });
    return file;
  }

  /** Whether the store held the summary of this index for the text. */
  holdsSummary(stored: StoredEntries, indexName: string): boolean {
    return stored.summaries.has(toPartName(indexName));
  }

  take(file: CorpusFile, indexName: string): StoredSummary | undefined {
    const summaries = this.getLoaded(file)?.summaries;
    const read = summaries?.get(toPartName(indexName));
    summaries?.delete(toPartName(indexName));
    const stored = read?.();
    return isStoredSummary(stored) ? stored : undefined;
  }

  offer(file: CorpusFile, indexName: string, data: () => unknown, overBudget?: StoredSummary['overBudget']): void {
    const loaded = this.getLoaded(file);
    if (loaded) this.store.write(loaded.key, toPartName(indexName), (): StoredSummary => ({ data: data(), overBudget }));
  }

  /** After a scan: entries of texts no corpus file holds any more (edited, deleted) are removed. */
  forgetOtherTexts(): void {
    this.store.retainOnly(new Set([this.snapshot.key, ...[...this.loaded.values()].map((loaded) => loaded.key)]));
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  private getLoaded(file: CorpusFile): LoadedFile | undefined {
    const loaded = this.loaded.get(file.uri);
    return loaded?.version === file.version ? loaded : undefined;
  }
}

/** The envelope of a stored summary (its data is checked by the index's decoder); a time must be a real one. */
function isStoredSummary(value: unknown): value is StoredSummary {
  if (typeof value !== 'object' || value === null || !('data' in value)) return false;
  const { overBudget } = value as { overBudget?: { ms?: unknown; budgetMs?: unknown } | null };
  return overBudget === undefined || (typeof overBudget === 'object' && overBudget !== null && isDuration(overBudget.ms) && isDuration(overBudget.budgetMs));
}

function isDuration(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** An index's name as an entry's part: 'near passages' → 'near-passages'. */
function toPartName(indexName: string): string {
  return indexName.replace(/ /g, '-');
}
