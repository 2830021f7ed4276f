// The engine's centre: one workspace (its folders, settings and host) owning the corpus, every derived index, the
// entity knowledge and the tag store, kept in step by one incremental mechanism and one background scheduler.
// Both front ends drive it: the language server feeds it open documents and file events, the CLI scans and asks.
// Requests read `view`; only the methods here change what it holds.

import { Problem } from '../corpus/model';
import { Corpus, CorpusView } from '../features/corpus';
import { CorpusFile } from '../features/corpusIndex';
import { CorpusCounts } from '../features/diagnostics';
import { countReleases } from '../features/releaseRuns';
import { getContainingFolder, getTagFileLocation, isTagFileUri, TagFileLocation } from '../features/tagging';
import { ReadableText } from '../features/pieceText';
import { composeTextChanges, TextChange } from '../features/textChanges';
import { canonicaliseUri, matchesGlobs } from '../features/uris';
import { DocumentSizes } from './documentSizes';
import { EditorBuffers, NO_EDITOR } from './editorBuffers';
import { EntityKnowledge, ENTITY_FILE_PATH } from './entityKnowledge';
import { CorpusFileRead, CorpusFileReader, FileChange, WorkspaceHost } from './host';
import { InThreadCorpusFileReader } from './inThreadReader';
import { IndexingStatus } from './indexingStatus';
import { PersistentIndex, PersistentStore, StoredEntries } from './persistentIndex';
import { BackgroundScheduler } from './scheduler';
import { CorpusSettings } from './settings';
import { TagStore } from './tagStore';

/** The initial scan yields to requests after this many files. */
const SCAN_BATCH_FILES = 20;

export interface ScanProgress {
  readonly done: number;
  readonly total: number;
}

export class CorpusWorkspace {
  readonly corpus = new Corpus();
  readonly scheduler: BackgroundScheduler;
  readonly tags: TagStore;
  readonly knowledge: EntityKnowledge;
  /** Indexing or ready, with the counts: front ends say when an answer is partial. */
  readonly status: IndexingStatus;
  /** Files found by the corpus globs on disk; closing an editor on one of these re-reads it from disk. */
  private readonly diskCorpusUris = new Set<string>();
  private readonly openCorpusUris = new Set<string>();
  private readonly documentSizes = new DocumentSizes();
  private readonly problemListeners: ((uris: readonly string[]) => void)[] = [];
  private readonly counts = new CorpusCounts(this.corpus);
  /** The scan is storing a file its reader parsed elsewhere: background work need not wait for a quiet moment. */
  private storingParsedScanResult = false;
  /** Parses and summaries kept across restarts, when the front end gives a store. */
  private readonly persistent: PersistentIndex | undefined;

  constructor(
    readonly host: WorkspaceHost,
    readonly folderUris: readonly string[],
    readonly settings: CorpusSettings,
    buffers: EditorBuffers = NO_EDITOR,
    /** How the initial scan reads (and perhaps parses) files: host/scanWorkerPool.ts on other cores, or in-thread. */
    private readonly scanReader: CorpusFileReader = new InThreadCorpusFileReader(host),
    /** Parses and summaries kept across restarts, when the front end gives a store (engine/persistentIndex.ts). */
    store?: PersistentStore,
  ) {
    this.persistent = store && new PersistentIndex(store, this.corpus);
    this.scheduler = new BackgroundScheduler();
    // Pending duplicate changes are reported first: they are what makes another file's count stale.
    this.status = new IndexingStatus(this.scheduler, () => (this.reportProblemChanges(this.takeProblemChanges()), this.counts.count()));
    this.tags = new TagStore(host, folderUris, buffers);
    this.knowledge = new EntityKnowledge(host, folderUris, this.corpus.entities, buffers);
    // A piece is one file's summary, or a piece of a big file's: requests meanwhile read its last complete summary.
    for (const index of this.corpus.derivedIndexes) {
      index.setSummariseInBackground(true);
      this.scheduler.add({ runSlice: () => index.runPiece() });
    }
    // Duplicates are the one derived fact that changes other files' problems: report them once caught up.
    // So are files an index gave up on for taking too long (file.over-budget).
    this.scheduler.add({ runSlice: () => (this.reportProblemChanges(this.takeProblemChanges()), false) });
    // Fully indexed and quiet: the tables as they are now are what the next start restores.
    this.scheduler.onIdle(() => this.persistent?.snapshot.writeWhenChanged());
    this.corpus.files.onDidChange((uris) => {
      if (this.storingParsedScanResult) this.scheduler.resume();
      else this.scheduler.poke();
      this.reportProblemChanges(uris);
    });
  }

  /** The read side, for one request. */
  get view(): CorpusView {
    return this.corpus;
  }

  /** Files whose problems may read differently (the file changed, or a copy of one of its releases did). */
  onDidChangeProblems(listener: (uris: readonly string[]) => void): void {
    this.problemListeners.push(listener);
  }

  /** Globs (relative to each folder) of every file the engine reads: corpus, tags, entities. */
  get watchedGlobs(): string[] {
    return [...this.settings.corpusGlobs, 'annotations/*.yaml', ENTITY_FILE_PATH];
  }

  /** Reads every corpus file the globs find, yielding between batches; open documents keep their editor text. */
  async scan(onProgress?: (progress: ScanProgress) => void): Promise<{ files: number; releases: number; fromStore: number }> {
    const fromStoreBefore = this.persistent?.filesFromStore ?? 0;
    const uris: string[] = [];
    for (const folder of this.folderUris) uris.push(...(await this.host.listFiles(folder, this.settings.corpusGlobs)));
    await Promise.all([this.tags.ensureLoaded(), this.knowledge.ensureLoaded()]);
    this.status.scanProgressed(0, uris.length);
    for (const uri of uris) this.diskCorpusUris.add(uri);
    const toRead = uris.filter((uri) => !this.openCorpusUris.has(uri));
    const skipped = uris.length - toRead.length;
    this.scheduler.hold();
    try {
      await this.readScan(toRead, skipped, uris.length, onProgress);
      await this.persistent?.snapshot.restore(); // before any background work adds a file's rows
    } finally {
      this.scheduler.release();
    }
    this.status.scanEnded();
    this.persistent?.forgetOtherTexts();
    let releases = 0;
    for (const file of this.corpus.files.getFiles()) releases += countReleases(file.parsed);
    return { files: uris.length, releases, fromStore: (this.persistent?.filesFromStore ?? 0) - fromStoreBefore };
  }

  /** Stores every file of the scan as its reader hands it over, yielding to requests between batches. */
  private async readScan(toRead: readonly string[], skipped: number, total: number, onProgress?: (progress: ScanProgress) => void): Promise<void> {
    let i = 0;
    for await (const read of this.scanReader.readCorpusFiles(toRead, this.maxFileBytes)) {
      const uri = toRead[i++];
      // An editor may have opened the file while it was being read: its text wins.
      const stored = this.openCorpusUris.has(uri) ? undefined : await this.lookUpStored(read);
      if (!this.openCorpusUris.has(uri)) {
        // A text the store knows waits for the scan's end: the table snapshot may restore its rows (tableSnapshot.ts).
        this.storingParsedScanResult = read.kind === 'text' && read.parsed !== undefined && stored?.parse === undefined;
        this.storeRead(uri, read, stored);
        this.storingParsedScanResult = false;
      }
      if (i % SCAN_BATCH_FILES === 0 || i === toRead.length) {
        onProgress?.({ done: skipped + i, total: total });
        this.status.scanProgressed(skipped + i, total);
        await new Promise((resolve) => setImmediate(resolve)); // let requests through during a long scan
      }
    }
  }

  /** Writes the table snapshot if the corpus is quiet, and resolves once what the persistent index has to write is written (the CLI, before it exits). */
  async flushPersistentIndex(): Promise<void> {
    this.persistent?.snapshot.writeWhenChanged();
    await this.persistent?.flush();
  }

  /** Brings every derived index up to date now (the CLI, tests; the server lets the scheduler do it). */
  refreshAll(): void {
    for (const index of this.corpus.derivedIndexes) index.refreshAll();
    this.reportProblemChanges(this.takeProblemChanges());
  }

  /** The corpus file, however the caller spells its URI. */
  getFile(uri: string): CorpusFile | undefined {
    return this.corpus.files.getFile(uri) ?? this.corpus.files.getFile(canonicaliseUri(uri));
  }

  /** Where the tags of a corpus file live. */
  getTagFileLocation(corpusUri: string): TagFileLocation | undefined {
    return getTagFileLocation(this.folderUris, corpusUri);
  }

  getFolderOf(uri: string): string | undefined {
    return getContainingFolder(this.folderUris, uri);
  }

  /**
   * An editor opened or changed a document: corpus text is parsed, tag and entity files re-read. `changes`, the
   * editor's own account of the edit (offsets into the text it had before), spares comparing the texts. A text in
   * pieces (a big document: features/pieceText.ts) is joined only when something needs it whole.
   */
  documentChanged(uri: string, text: ReadableText, isCorpusLanguage: boolean, changes?: readonly TextChange[]): void {
    if (isCorpusLanguage || this.diskCorpusUris.has(uri)) {
      this.openCorpusUris.add(uri);
      const change = changes && composeTextChanges(changes);
      // UTF-16 length never exceeds the UTF-8 size, so a text longer than the limit is over it without counting.
      const size = text.length > this.maxFileBytes ? text.length : this.documentSizes.getSize(uri, text, change);
      if (size > this.maxFileBytes) this.corpus.files.setUnreadableFile(uri, [this.tooLargeProblem(size)]);
      else if (change) this.corpus.files.editFile(uri, text, change);
      else this.corpus.files.setFile(uri, text);
    } else if (this.knowledge.isEntityFileUri(uri)) {
      this.knowledge.setText(uri, text.toString());
      this.reportProblemChanges([uri]);
    } else if (isTagFileUri(uri)) {
      this.tags.openFileChanged(uri, false);
    }
  }

  /** An editor closed a document: the disk is the truth again. */
  async documentClosed(uri: string): Promise<void> {
    if (this.openCorpusUris.delete(uri)) {
      this.documentSizes.forget(uri);
      if (this.diskCorpusUris.has(uri)) await this.reloadCorpusFile(uri);
      else this.corpus.files.removeFile(uri);
    } else if (this.knowledge.isEntityFileUri(uri)) {
      await this.knowledge.reload(uri);
      this.reportProblemChanges([uri]);
    } else if (isTagFileUri(uri)) {
      this.tags.openFileChanged(uri, true);
    }
  }

  /** Files changed on disk (git pull, another program); open documents stay as the editor has them. */
  async filesChanged(changes: readonly FileChange[]): Promise<void> {
    for (const change of changes) {
      if (this.knowledge.isEntityFileUri(change.uri)) {
        await this.knowledge.reload(change.uri);
        this.reportProblemChanges([change.uri]);
      } else if (isTagFileUri(change.uri)) {
        await this.tags.reloadFromDisk(change.uri);
      } else if (this.isCorpusCandidate(change.uri) && !this.openCorpusUris.has(change.uri)) {
        if (change.kind === 'deleted') {
          this.diskCorpusUris.delete(change.uri);
          this.corpus.files.removeFile(change.uri);
        } else {
          this.diskCorpusUris.add(change.uri);
          await this.reloadCorpusFile(change.uri);
        }
      }
    }
  }

  dispose(): void {
    this.scheduler.dispose();
    // No background any more: an answer brings every file up to date first.
    for (const index of this.corpus.derivedIndexes) index.setSummariseInBackground(false);
  }

  /** Replaces the corpus entry with what is on disk now (or drops it when it is gone). */
  private async reloadCorpusFile(uri: string): Promise<void> {
    const read = await this.host.readText(uri, this.maxFileBytes);
    this.storeRead(uri, read, await this.lookUpStored(read));
  }

  /** What the persistent index holds for a text read from disk (nothing without a store). */
  private async lookUpStored(read: CorpusFileRead): Promise<StoredEntries | undefined> {
    return this.persistent && read.kind === 'text' ? this.persistent.lookUp(read.text) : undefined;
  }

  private storeRead(uri: string, read: CorpusFileRead, stored: StoredEntries | undefined): void {
    if (read.kind === 'text') {
      const file = stored ? this.persistent!.setFileFromDisk(uri, read.text, stored, read.parsed) : this.corpus.files.setFile(uri, read.text, read.parsed);
      // Findings made by a scan worker, unless the entity summary comes from the store (they would never be taken).
      if (read.parsed && read.releaseFindings && !(stored && this.persistent!.holdsSummary(stored, this.corpus.entities.name)))
        this.corpus.entities.seedReleaseFindings(file, read.releaseFindings);
    } else if (read.kind === 'missing') this.corpus.files.removeFile(uri);
    else if (read.kind === 'too-large') this.corpus.files.setUnreadableFile(uri, [this.tooLargeProblem(read.size)]);
    else if (read.kind === 'outside-workspace') {
      this.corpus.files.setUnreadableFile(uri, [
        fileProblem(
          'file.outside-workspace',
          `This path resolves to ${read.realPath}, outside the workspace folder (a symlink); Press Corpus reads only files inside it.`,
        ),
      ]);
    } else if (read.kind === 'binary') {
      this.corpus.files.setUnreadableFile(uri, [fileProblem('file.binary', 'This file holds binary data (a NUL byte), not press text; it is not parsed.')]);
    } else {
      this.corpus.files.setUnreadableFile(uri, [fileProblem('file.unreadable', `Press Corpus could not read this file: ${read.message}.`)]);
    }
  }

  /** pressCorpus.maxFileSizeMB in bytes: files on disk and open documents alike. */
  private get maxFileBytes(): number {
    return this.settings.maxFileSizeMB * 1024 * 1024;
  }

  private tooLargeProblem(size: number): Problem {
    return fileProblem(
      'file.too-large',
      `This file has ${(size / 1048576).toFixed(1)} MB, more than pressCorpus.maxFileSizeMB (${this.settings.maxFileSizeMB} MB); it is not parsed.`,
    );
  }

  /** A watched change is a corpus file when the scan found it, or when the corpus globs match it. */
  private isCorpusCandidate(uri: string): boolean {
    const folder = this.getFolderOf(uri);
    return this.diskCorpusUris.has(uri) || (folder !== undefined && matchesGlobs(folder, uri, this.settings.corpusGlobs));
  }

  private takeProblemChanges(): string[] {
    const overBudget = this.corpus.derivedIndexes.flatMap((index) => index.takeNewlyOverBudget());
    return [...new Set([...this.corpus.duplicates.takeChangedUris(), ...overBudget])];
  }

  private reportProblemChanges(uris: readonly string[]): void {
    if (uris.length === 0) return;
    this.counts.invalidate(uris);
    for (const listener of this.problemListeners) listener(uris);
  }
}

function fileProblem(code: Problem['code'], message: string): Problem {
  return { code, severity: 'error', message, span: { start: 0, end: 0 } };
}
