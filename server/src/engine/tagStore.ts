// The tag files of the workspace: what each holds now, and the only code that changes them. Reads come from
// memory (an open editor's text wins over the disk); writes go through the host under a lock, re-reading and
// merging first, or to the editor's buffer when it holds unsaved edits. Writes that arrive while one is running
// are applied together under the next lock: a burst of tagging costs one read, one parse and one write.

import { createTagId, ParsedTagFile, parseTagFile } from '../annotations/tagFile';
import { addTagRecords, NewTagRecord, printNewTagFile } from '../annotations/tagFileEdits';
import {
  describeUnwritableTagFile,
  findTags,
  isPressCorpusTagFile,
  isTagFileUri,
  resolveCorpusFile,
  TagFileLocation,
  TagFilter,
  TagListing,
  TAG_FOLDER,
} from '../features/tagging';
import { CorpusFile } from '../features/corpusIndex';
import { getRelativePath, getUriBaseName } from '../features/uris';
import { EditorBuffers } from './editorBuffers';
import { FileChangedError, ReadResult, WorkspaceHost } from './host';

/** A tag file larger than this is refused rather than parsed on every write. */
export const MAX_TAG_FILE_BYTES = 16 * 1024 * 1024;
/** Reads of a file that looks mid-save (emptied where records were, not parsing, not a tag file, unreadable)
 *  before the write gives up and says so; an editor's in-place save (truncate, then write) takes milliseconds. */
const SETTLE_ATTEMPTS = 40;
const SETTLE_DELAY_MS = 25;
/** How long a write keeps starting again when the file changes under it (someone saving it over and over). */
const CHANGED_RETRY_MS = 10_000;
/**
 * How long after writing a tag this window puts it back when a save by another program drops it. Such a save
 * comes from a program that read the file just before our write and checked it just before (an editor, a script):
 * it saves its own change and, without knowing, drops ours. A person who sees a new tag and deletes it on purpose
 * takes longer than this.
 */
const RESTORE_DROPPED_MS = 3_000;

type Edit = (file: ParsedTagFile) => string;
type PendingWrite =
  | { kind: 'add'; record: Omit<NewTagRecord, 'id'>; resolve: (id: string) => void; reject: (error: Error) => void }
  | { kind: 'edit'; edit: Edit; resolve: (id: string) => void; reject: (error: Error) => void };
/** A write that changes nothing itself: every write puts back the records a save by another program dropped. A
 *  failure is not reported (nobody asked); the next write tries again. */
const RESTORE_DROPPED: PendingWrite = { kind: 'edit', edit: (file) => file.text, resolve: () => undefined, reject: () => undefined };

export class TagStore {
  private readonly diskFiles = new Map<string, ParsedTagFile>();
  /** The last few texts each file had on disk: an open editor showing one of them has no unsaved edits, it has
   *  just not reloaded our latest write yet. */
  private readonly recentDiskTexts = new Map<string, string[]>();
  private readonly openFiles = new Map<string, { text: string; parsed: ParsedTagFile }>();
  private readonly pending = new Map<string, { location: TagFileLocation; writes: PendingWrite[] }>();
  /** Records this window wrote lately, per tag file and id, with the time until which a drop puts them back. */
  private readonly recentlyWritten = new Map<string, Map<string, { record: NewTagRecord; until: number }>>();
  private readonly listeners: ((yamlUris: string[]) => void)[] = [];
  private loading?: Promise<void>;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly folderUris: readonly string[],
    private readonly buffers: EditorBuffers,
  ) {}

  onDidChange(listener: (yamlUris: string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Reads every tag file of the workspace folders once. */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  /** The location of an existing tag file, for changes to records found in it. */
  getLocationOfTagFile(yamlUri: string): TagFileLocation {
    const folderUri = this.folderUris.find((folder) => getRelativePath(folder, yamlUri) !== undefined) ?? '';
    const corpusFile = this.getTagFile(yamlUri)?.corpusFile ?? '';
    return { folderUri, yamlUri, corpusFile, displayName: `${TAG_FOLDER}/${getUriBaseName(yamlUri)}` };
  }

  /** The corpus file a tag file belongs to, as the file states it (relative to its folder). */
  getCorpusUri(yamlUri: string): string | undefined {
    const stated = this.getTagFile(yamlUri)?.corpusFile;
    const folderUri = this.folderUris.find((folder) => getRelativePath(folder, yamlUri) !== undefined);
    return stated && folderUri ? resolveCorpusFile(folderUri, stated) : undefined;
  }

  /** The tag file as the editor shows it when open with unsaved edits, else as on disk; undefined when none. */
  getTagFile(yamlUri: string): ParsedTagFile | undefined {
    const open = this.buffers.getOpenText(yamlUri);
    if (open === undefined || !this.hasUnsavedEdits(yamlUri)) return this.diskFiles.get(yamlUri);
    const cached = this.openFiles.get(yamlUri);
    if (cached?.text === open) return cached.parsed;
    const parsed = parseTagFile(open);
    this.openFiles.set(yamlUri, { text: open, parsed });
    return parsed;
  }

  getTagFileUris(): string[] {
    return [...new Set([...this.diskFiles.keys(), ...this.openFiles.keys()])];
  }

  /** Every tag of the workspace (or of one corpus file, or with one name), re-anchored. */
  findTags(getCorpusFile: (uri: string) => CorpusFile | undefined, filter: TagFilter): TagListing[] {
    const files = this.getTagFileUris().flatMap((yamlUri) => {
      const file = this.getTagFile(yamlUri);
      return file ? [{ yamlUri, corpusUri: this.getCorpusUri(yamlUri), file }] : [];
    });
    return findTags(files, getCorpusFile, filter);
  }

  findRecord(id: string): { yamlUri: string } | undefined {
    const yamlUri = this.getTagFileUris().find((uri) => this.getTagFile(uri)?.records.some((r) => r.id === id));
    return yamlUri ? { yamlUri } : undefined;
  }

  /** Adds a record; resolves with its new id once it is written. */
  addRecord(location: TagFileLocation, record: Omit<NewTagRecord, 'id'>): Promise<string> {
    return new Promise((resolve, reject) => this.enqueue(location, { kind: 'add', record, resolve, reject }));
  }

  /** Applies an edit (from tagFileEdits) to the file as it is when the write happens. */
  changeFile(location: TagFileLocation, edit: Edit): Promise<void> {
    return new Promise((resolve, reject) => this.enqueue(location, { kind: 'edit', edit, resolve: () => resolve(), reject }));
  }

  /** A tag file changed on disk (git pull, a hand edit in another program): re-read it. */
  async reloadFromDisk(yamlUri: string): Promise<void> {
    let file = parseTagFile('');
    // A file emptied where records were is usually an editor midway through saving it in place: wait for the
    // save to end rather than forget the records (a write would then start a fresh file).
    for (let attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++) {
      file = readTagFile(await this.host.readText(yamlUri, MAX_TAG_FILE_BYTES));
      if (file.text.trim() || !this.diskFiles.get(yamlUri)?.records.length) break;
      await sleep(SETTLE_DELAY_MS);
    }
    if (this.diskFiles.get(yamlUri)?.text === file.text) return; // our own write coming back
    this.setDiskFile(yamlUri, file.text, file);
    this.notify([yamlUri]);
    // A save by another program dropped tags we wrote a moment ago: every write puts them back (writeUnderLock).
    if (this.findDroppedRecords(yamlUri, file).length && !this.hasUnsavedEdits(yamlUri)) this.enqueue(this.getLocationOfTagFile(yamlUri), RESTORE_DROPPED);
  }

  /** The editor's buffer of a tag file changed or closed. */
  openFileChanged(yamlUri: string, closed: boolean): void {
    if (closed) this.openFiles.delete(yamlUri);
    else this.openFiles.set(yamlUri, { text: '', parsed: parseTagFile('') }); // re-parsed on first read
    this.notify([yamlUri]);
  }

  private async loadAll(): Promise<void> {
    const loaded: string[] = [];
    for (const folder of this.folderUris) {
      for (const uri of await this.host.listFiles(folder, [`${TAG_FOLDER}/*.yaml`])) {
        if (!isTagFileUri(uri)) continue;
        const file = readTagFile(await this.host.readText(uri, MAX_TAG_FILE_BYTES));
        if (!file.text) continue;
        this.setDiskFile(uri, file.text, file);
        loaded.push(uri);
      }
    }
    if (loaded.length) this.notify(loaded);
  }

  private enqueue(location: TagFileLocation, write: PendingWrite): void {
    if (this.hasUnsavedEdits(location.yamlUri)) {
      void this.writeThroughEditor(location, write);
      return;
    }
    const queue = this.pending.get(location.yamlUri);
    if (queue) {
      queue.writes.push(write);
      return;
    }
    this.pending.set(location.yamlUri, { location, writes: [write] });
    void this.flush(location.yamlUri);
  }

  /** Writes everything queued for one file under its lock, then anything that arrived meanwhile. */
  private async flush(yamlUri: string): Promise<void> {
    const queue = this.pending.get(yamlUri)!;
    while (queue.writes.length) {
      const writes = queue.writes.splice(0);
      try {
        await this.host.withLock(yamlUri, () => this.writeUnderLock(queue.location, writes));
        this.notify([yamlUri]);
      } catch (error) {
        for (const write of writes) write.reject(error as Error);
      }
    }
    this.pending.delete(yamlUri);
  }

  /**
   * Read, change, compare-and-swap. Another program may save the file at any moment (an editor truncating then
   * writing it, `git checkout`): a file that looks mid-save is read again, and a file that changed before the
   * rename makes the whole cycle start again from what is there now.
   */
  private async writeUnderLock(location: TagFileLocation, writes: PendingWrite[]): Promise<void> {
    const { yamlUri, displayName } = location;
    const deadline = Date.now() + CHANGED_RETRY_MS;
    for (let settleWaits = 0; ;) {
      const lastTry = settleWaits >= SETTLE_ATTEMPTS || Date.now() > deadline;
      const read = await this.host.readText(yamlUri, MAX_TAG_FILE_BYTES);
      if (read.kind !== 'text' && read.kind !== 'missing') {
        if (read.kind === 'unreadable' && !lastTry) {
          settleWaits++;
          await sleep(SETTLE_DELAY_MS);
          continue;
        }
        throw new Error(`${displayName} could not be read (${describeRead(read)}); nothing was written.`);
      }
      const text = read.kind === 'text' ? read.text : '';
      const known = this.diskFiles.get(yamlUri);
      if (!text.trim() && known?.records.length) {
        if (!lastTry) {
          settleWaits++;
          await sleep(SETTLE_DELAY_MS);
          continue;
        }
        // Emptied for good (deleted, or saved empty on purpose): the next attempt starts a fresh file.
        this.setDiskFile(yamlUri, '');
        throw new Error(
          `${displayName} is empty or missing although it held ${known.records.length} tags; another program may be saving it. Nothing was written; try again in a moment.`,
        );
      }
      const current = known?.text === text ? known : parseTagFile(text);
      // A text not seen before that does not parse or lacks `corpusFile:` may be half saved: the rest is coming.
      const looksHalfSaved = !current.writable || !isPressCorpusTagFile(current);
      if (looksHalfSaved && current !== known && !lastTry) {
        settleWaits++;
        await sleep(SETTLE_DELAY_MS);
        continue;
      }
      if (current.writable && !isPressCorpusTagFile(current))
        throw new Error(`${displayName} is not a Press Corpus tag file (it has no corpusFile:); nothing was written. Rename it to tag this corpus file.`);
      const dropped = this.findDroppedRecords(yamlUri, current);
      const start = dropped.length ? parseTagFile(addTagRecords(current, dropped)) : current;
      const { parsed, settle, added } = this.applyWrites(location, start, writes);
      try {
        if (parsed.text !== text) await this.host.writeAtomically(yamlUri, parsed.text, text);
      } catch (error) {
        if (!(error instanceof FileChangedError) || lastTry) throw error;
        await sleep(Math.random() * SETTLE_DELAY_MS);
        continue;
      }
      this.setDiskFile(yamlUri, parsed.text, parsed);
      this.rememberWritten(yamlUri, parsed, added);
      settle();
      return;
    }
  }

  /** Applies writes in order; an edit that fails (unknown id) fails alone. Returns the result, the records added
   *  and a settler. */
  private applyWrites(
    location: TagFileLocation,
    start: ParsedTagFile,
    writes: PendingWrite[],
  ): { parsed: ParsedTagFile; settle: () => void; added: NewTagRecord[] } {
    if (!start.writable) throw new Error(describeUnwritableTagFile(location.displayName, start));
    let parsed = start;
    const outcomes: (() => void)[] = [];
    const added: NewTagRecord[] = [];
    for (let i = 0; i < writes.length;) {
      const write = writes[i];
      if (write.kind === 'edit') {
        try {
          const text = write.edit(parsed);
          if (text !== parsed.text) parsed = parseTagFile(text);
          outcomes.push(() => write.resolve(''));
        } catch (error) {
          outcomes.push(() => write.reject(error as Error));
        }
        i++;
        continue;
      }
      // Consecutive additions are appended together: one print, one parse.
      const adds: Extract<PendingWrite, { kind: 'add' }>[] = [];
      while (i < writes.length && writes[i].kind === 'add') adds.push(writes[i++] as Extract<PendingWrite, { kind: 'add' }>);
      const taken = new Set(parsed.records.map((r) => r.id));
      const records = adds.map((add) => {
        const id = createTagId((candidate) => taken.has(candidate) || this.findRecord(candidate) !== undefined);
        taken.add(id);
        outcomes.push(() => add.resolve(id));
        return { ...add.record, id };
      });
      added.push(...records);
      parsed = parseTagFile(parsed.text.trim() ? addTagRecords(parsed, records) : printNewTagFile(location.corpusFile, records));
    }
    // Never write what does not parse back: that would be a bug here, and the analyst's file must not pay for it.
    if (!parsed.writable)
      throw new Error(`Press Corpus produced an invalid ${location.displayName} and wrote nothing: ${describeUnwritableTagFile(location.displayName, parsed)}`);
    return { parsed, settle: () => outcomes.forEach((outcome) => outcome()), added };
  }

  /** Records this window wrote lately that `file` lacks; none when it is no tag file to judge (an empty file was
   *  emptied for good: writing then starts a fresh file). */
  private findDroppedRecords(yamlUri: string, file: ParsedTagFile): NewTagRecord[] {
    const recent = this.recentlyWritten.get(yamlUri);
    if (!recent || !file.text.trim() || !file.writable || !isPressCorpusTagFile(file)) return [];
    const now = Date.now();
    const present = new Set(file.records.map((record) => record.id));
    return [...recent.values()].filter(({ record, until }) => until > now && !present.has(record.id)).map(({ record }) => record);
  }

  /** After a write: the records it added are remembered; those it no longer holds were removed on purpose here. */
  private rememberWritten(yamlUri: string, written: ParsedTagFile, added: readonly NewTagRecord[]): void {
    const now = Date.now();
    const present = new Set(written.records.map((record) => record.id));
    const recent = this.recentlyWritten.get(yamlUri) ?? new Map<string, { record: NewTagRecord; until: number }>();
    for (const [id, entry] of recent) if (entry.until <= now || !present.has(id)) recent.delete(id);
    for (const record of added) recent.set(record.id, { record, until: now + RESTORE_DROPPED_MS });
    if (recent.size) this.recentlyWritten.set(yamlUri, recent);
    else this.recentlyWritten.delete(yamlUri);
  }

  private hasUnsavedEdits(yamlUri: string): boolean {
    const open = this.buffers.getOpenText(yamlUri);
    return open !== undefined && !(this.recentDiskTexts.get(yamlUri) ?? ['']).includes(open);
  }

  private setDiskFile(yamlUri: string, text: string, parsed: ParsedTagFile = parseTagFile(text)): void {
    if (text) this.diskFiles.set(yamlUri, parsed);
    else this.diskFiles.delete(yamlUri);
    this.recentDiskTexts.set(yamlUri, [text, ...(this.recentDiskTexts.get(yamlUri) ?? [])].slice(0, 3));
  }

  /** The editor holds unsaved edits: change its buffer (the analyst saves), leave the disk alone. */
  private async writeThroughEditor(location: TagFileLocation, write: PendingWrite): Promise<void> {
    try {
      const current = this.getTagFile(location.yamlUri)!;
      const { parsed, settle } = this.applyWrites(location, current, [write]);
      await this.buffers.applyEdit(location.yamlUri, current.text, parsed.text, 'Press Corpus: tag');
      settle();
    } catch (error) {
      write.reject(error as Error);
    }
  }

  private notify(yamlUris: string[]): void {
    for (const listener of this.listeners) listener(yamlUris);
  }
}

/** A tag file as read; empty when there is none to use (missing, unreadable, outside the workspace, or a YAML
 *  file that is not a Press Corpus tag file). */
function readTagFile(read: ReadResult): ParsedTagFile {
  const parsed = parseTagFile(read.kind === 'text' ? read.text : '');
  return isPressCorpusTagFile(parsed) ? parsed : parseTagFile('');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeRead(read: ReadResult): string {
  if (read.kind === 'unreadable') return read.message;
  if (read.kind === 'outside-workspace') return `it resolves to ${read.realPath}, outside the workspace folder`;
  return read.kind;
}
