// The corpus snapshot: the corpus-wide tables themselves (band key → sentences, sentence → holders, the entity
// counts), stored in one entry once the corpus is fully indexed and quiet, so a restart restores them whole
// instead of adding every file's rows again (docs/performance.md, Persistent index). The snapshot names every
// file it holds with the content key of the text it was taken of; it is used only when the corpus read at start
// is exactly those files with exactly those texts, else discarded (each index then adds its files' rows as before).
// Its entry is checked like any other (format version, length, checksum: host/cacheEntryCodec.ts), and its data
// by each index's decoder, so a snapshot that is corrupt, truncated, of another version or of other texts is
// never trusted.

import { Corpus } from '../features/corpus';
import { PersistentStore } from './persistentIndex';

/** The snapshot's entry: one per store (a store serves one workspace), under a fixed key. */
const SNAPSHOT_PART = 'tables';
/** An entry larger than this many bytes per UTF-16 unit of the corpus text (plus a constant) is not read. */
const MAX_SNAPSHOT_BYTES_PER_CHAR = 32;
const MAX_SNAPSHOT_BYTES_BASE = 4 * 1024 * 1024;

/** The snapshot as stored: the files in order with the content keys of their texts, and each index's tables. */
interface StoredSnapshot {
  readonly uris: readonly string[];
  readonly keys: readonly string[];
  readonly tables: Readonly<Record<string, unknown>>;
}

/** A file of the corpus as the persistent index loaded it: the version its disk text got, and that text's key. */
export interface LoadedText {
  readonly version: number;
  readonly key: string;
}

export class TableSnapshot {
  readonly key: string;
  /** Changes to the corpus files so far (a removal included), and how many there were at the last snapshot taken or restored. */
  private changes = 0;
  private changesAtSnapshot = -1;
  /** Set once the scan is over (`restore`): the background catches up between the scan's batches, on part of the corpus. */
  private scanEnded = false;

  constructor(
    private readonly store: PersistentStore,
    private readonly corpus: Corpus,
    /** Files set from disk text, with their content keys: only a corpus made of these alone can be snapshotted. */
    private readonly getLoadedTexts: () => ReadonlyMap<string, LoadedText>,
  ) {
    this.key = store.keyOf('press-corpus table snapshot');
    corpus.files.onDidChange(() => this.changes++);
  }

  /**
   * After the scan, before any background work: restores each index's tables when the snapshot holds exactly the
   * files of the corpus, with the same texts. Resolves with the names of the indexes restored.
   */
  async restore(): Promise<string[]> {
    this.scanEnded = true;
    const files = this.getSnapshotFiles();
    if (!files) return [];
    let textLength = 0;
    for (const uri of files.keys()) textLength += this.corpus.files.getFile(uri)!.text.length;
    const read = await this.store.read(this.key, SNAPSHOT_PART, MAX_SNAPSHOT_BYTES_BASE + MAX_SNAPSHOT_BYTES_PER_CHAR * textLength);
    const snapshot = read?.();
    // The corpus may have changed while the entry was read (an editor opened a file): check against it as it is now.
    const now = this.getSnapshotFiles();
    if (!now || !isStoredSnapshot(snapshot) || !holdsExactly(snapshot, now)) return [];
    const restored: string[] = [];
    for (const index of this.corpus.derivedIndexes) {
      const name = index.index.name;
      if (index.snapshotsTables && name in snapshot.tables && index.restoreTables(snapshot.uris, snapshot.tables[name])) restored.push(name);
    }
    this.changesAtSnapshot = this.changes;
    return restored;
  }

  /**
   * The corpus has caught up: stores its tables when they changed since the last snapshot. What is stored is
   * taken when the write runs, and only if the corpus is then still quiet and made only of texts read from disk.
   */
  writeWhenChanged(): void {
    if (!this.scanEnded || this.changes === this.changesAtSnapshot) return;
    this.store.write(this.key, SNAPSHOT_PART, () => this.take());
  }

  /** The tables of every index that has a codec, or undefined when they cannot be snapshotted now. */
  private take(): StoredSnapshot | undefined {
    const files = this.getSnapshotFiles();
    if (!files) return undefined;
    const changes = this.changes;
    const versions = new Map([...files].map(([uri, loaded]) => [uri, loaded.version]));
    const indexes = this.corpus.derivedIndexes.filter((index) => index.snapshotsTables);
    if (!indexes.every((index) => index.holdsExactly(versions))) return undefined; // not quiet after all
    const tables: Record<string, unknown> = {};
    for (const index of indexes) tables[index.index.name] = index.encodeTables(versions);
    this.changesAtSnapshot = changes;
    return { uris: [...files.keys()], keys: [...files.values()].map((loaded) => loaded.key), tables };
  }

  /** Every corpus file with its content key, when each one is the text read from disk (else undefined). */
  private getSnapshotFiles(): Map<string, LoadedText> | undefined {
    const loaded = this.getLoadedTexts();
    const files = new Map<string, LoadedText>();
    for (const file of this.corpus.files.getFiles()) {
      const text = loaded.get(file.uri);
      if (text?.version !== file.version) return undefined;
      files.set(file.uri, text);
    }
    return files;
  }
}

function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const { uris, keys, tables } = value as Partial<StoredSnapshot>;
  const isStrings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return isStrings(uris) && isStrings(keys) && uris.length === keys.length && typeof tables === 'object' && tables !== null;
}

/** Whether the snapshot names exactly these files, each with the same content key. */
function holdsExactly(snapshot: StoredSnapshot, files: ReadonlyMap<string, LoadedText>): boolean {
  const distinct = new Set(snapshot.uris).size === snapshot.uris.length;
  return distinct && snapshot.uris.length === files.size && snapshot.uris.every((uri, i) => files.get(uri)?.key === snapshot.keys[i]);
}
