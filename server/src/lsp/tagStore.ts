// The tag files of the workspace: where each corpus file's tags live, what they hold now, and the only code that
// changes them. Reads come from memory (the open editor's text wins over the disk); writes go to disk under a
// lock, re-reading and merging first, or through workspace/applyEdit when the file has unsaved edits.
// Writes that arrive while one is running are applied together under the next lock: a burst of tagging costs
// one read, one parse and one write.

import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver/node';
import { createTagId, ParsedTagFile, parseTagFile, TagRecord } from '../annotations/tagFile';
import { addTagRecords, NewTagRecord, printNewTagFile } from '../annotations/tagFileEdits';
import { ServerContext } from './context';
import { LineTable } from './positions';
import { readTextIfExists, withFileLock, writeFileAtomically } from './tagFileWriting';

export interface TagFileLocation {
  readonly yamlUri: string;
  readonly yamlPath: string;
  /** The corpus file relative to its workspace folder, with forward slashes: `seeds/000_x.txt`. */
  readonly corpusFile: string;
  /** `annotations/000_x.yaml`, for messages. */
  readonly displayName: string;
}

/** The entity list shares the folder and is owned by the entity feature. */
const ENTITY_FILE_NAME = 'entities.yaml';
export const TAG_FILE_GLOB = '**/annotations/*.yaml';

type Edit = (file: ParsedTagFile) => string;
type PendingWrite =
  | { kind: 'add'; record: Omit<NewTagRecord, 'id'>; resolve: (id: string) => void; reject: (error: Error) => void }
  | { kind: 'edit'; edit: Edit; resolve: (id: string) => void; reject: (error: Error) => void };

export class TagStore {
  private readonly diskFiles = new Map<string, ParsedTagFile>();
  /** The last few texts each file had on disk: an open editor showing one of them has no unsaved edits, it has
   *  just not reloaded our latest write yet. */
  private readonly recentDiskTexts = new Map<string, string[]>();
  private readonly openFiles = new Map<string, { version: number; parsed: ParsedTagFile }>();
  private readonly corpusUriByTagFile = new Map<string, string>();
  private readonly pending = new Map<string, { location: TagFileLocation; writes: PendingWrite[] }>();
  private readonly listeners: ((yamlUris: string[]) => void)[] = [];
  private loading?: Promise<void>;

  constructor(private readonly ctx: ServerContext) {}

  onDidChange(listener: (yamlUris: string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Reads every tag file of the workspace folders once (after initialize, when the folders are known). */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  /** Where the tags of a corpus file live, or undefined outside the workspace folders. */
  getLocation(corpusUri: string): TagFileLocation | undefined {
    if (!corpusUri.startsWith('file:')) return undefined;
    const path = fileURLToPath(corpusUri);
    const folder = this.ctx.workspaceFolders.filter((f) => path.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
    if (!folder) return undefined;
    const name = `${basename(path).replace(/\.[^.]*$/, '')}.yaml`;
    const yamlPath = join(folder, 'annotations', name);
    const yamlUri = pathToFileURL(yamlPath).toString();
    this.corpusUriByTagFile.set(yamlUri, corpusUri);
    return { yamlUri, yamlPath, corpusFile: relative(folder, path).split(sep).join('/'), displayName: `annotations/${name}` };
  }

  /** The location of an existing tag file, for changes to records found in it. */
  getLocationOfTagFile(yamlUri: string): TagFileLocation {
    const yamlPath = fileURLToPath(yamlUri);
    const corpusFile = this.getTagFile(yamlUri)?.corpusFile ?? '';
    return { yamlUri, yamlPath, corpusFile, displayName: `annotations/${basename(yamlPath)}` };
  }

  isTagFileUri(uri: string): boolean {
    return /\/annotations\/[^/]+\.yaml$/.test(uri) && !uri.endsWith(`/${ENTITY_FILE_NAME}`);
  }

  /** The corpus file a tag file belongs to: as the file states it, or as seen while indexing. */
  getCorpusUri(yamlUri: string): string | undefined {
    const stated = this.getTagFile(yamlUri)?.corpusFile;
    if (stated) return pathToFileURL(join(dirname(dirname(fileURLToPath(yamlUri))), stated)).toString();
    return this.corpusUriByTagFile.get(yamlUri);
  }

  /** The tag file as the editor shows it when open, else as on disk; undefined when there is none. */
  getTagFile(yamlUri: string): ParsedTagFile | undefined {
    const document = this.ctx.documents.get(yamlUri);
    if (!document || !this.hasUnsavedEdits(yamlUri)) return this.diskFiles.get(yamlUri);
    const cached = this.openFiles.get(yamlUri);
    if (cached?.version === document.version) return cached.parsed;
    const parsed = parseTagFile(document.getText());
    this.openFiles.set(yamlUri, { version: document.version, parsed });
    return parsed;
  }

  getTagFileUris(): string[] {
    return [...new Set([...this.diskFiles.keys(), ...this.ctx.documents.keys().filter((uri) => this.isTagFileUri(uri))])];
  }

  findRecord(id: string): { yamlUri: string; record: TagRecord } | undefined {
    for (const yamlUri of this.getTagFileUris()) {
      const record = this.getTagFile(yamlUri)?.records.find((r) => r.id === id);
      if (record) return { yamlUri, record };
    }
    return undefined;
  }

  /** Adds a record; resolves with its new id once it is written. */
  addRecord(location: TagFileLocation, record: Omit<NewTagRecord, 'id'>): Promise<string> {
    return new Promise((resolve, reject) => this.enqueue(location, { kind: 'add', record, resolve, reject }));
  }

  /** Applies an edit (from tagFileEdits) to the file as it is when the write happens. */
  changeFile(location: TagFileLocation, edit: Edit): Promise<void> {
    return new Promise((resolve, reject) => this.enqueue(location, { kind: 'edit', edit, resolve: () => resolve(), reject }));
  }

  /** Tag files changed on disk (git pull, hand edits in another program) are re-read. */
  watchTagFiles(): void {
    this.ctx.hub.addFileWatcher(() => [TAG_FILE_GLOB], async (changes) => {
      const changed: string[] = [];
      for (const change of changes.filter((c) => this.isTagFileUri(c.uri))) {
        const before = this.diskFiles.get(change.uri);
        const text = change.type === FileChangeType.Deleted ? '' : await readTextIfExists(fileURLToPath(change.uri));
        if (before?.text === text) continue; // our own write coming back
        this.setDiskFile(change.uri, text);
        changed.push(change.uri);
      }
      if (changed.length) this.notify(changed);
    });
    this.ctx.documents.onDidChangeContent(({ document }) => {
      if (this.isTagFileUri(document.uri)) this.notify([document.uri]);
    });
    this.ctx.documents.onDidClose(({ document }) => {
      if (!this.isTagFileUri(document.uri)) return;
      this.openFiles.delete(document.uri);
      this.notify([document.uri]);
    });
  }

  private async loadAll(): Promise<void> {
    const loaded: string[] = [];
    for (const folder of this.ctx.workspaceFolders) {
      const names = await readdir(join(folder, 'annotations')).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith('.yaml') && n !== ENTITY_FILE_NAME).sort()) {
        const path = join(folder, 'annotations', name);
        const uri = pathToFileURL(path).toString();
        this.setDiskFile(uri, await readTextIfExists(path));
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
    const queue = this.pending.get(location.yamlPath);
    if (queue) {
      queue.writes.push(write);
      return;
    }
    this.pending.set(location.yamlPath, { location, writes: [write] });
    void this.flush(location.yamlPath);
  }

  /** Writes everything queued for one file under its lock, then anything that arrived meanwhile. */
  private async flush(yamlPath: string): Promise<void> {
    const queue = this.pending.get(yamlPath)!;
    while (queue.writes.length) {
      const writes = queue.writes.splice(0);
      try {
        await withFileLock(yamlPath, async () => {
          const text = await readTextIfExists(yamlPath);
          const known = this.diskFiles.get(queue.location.yamlUri);
          const current = known?.text === text ? known : parseTagFile(text);
          const { parsed, settle } = this.applyWrites(queue.location, current, writes);
          if (parsed.text !== text) await writeFileAtomically(yamlPath, parsed.text);
          this.setDiskFile(queue.location.yamlUri, parsed.text, parsed);
          settle();
        });
        this.notify([queue.location.yamlUri]);
      } catch (error) {
        for (const write of writes) write.reject(error as Error);
      }
    }
    this.pending.delete(yamlPath);
  }

  /** Applies writes in order; an edit that fails (unknown id) fails alone. Returns the result and a settler. */
  private applyWrites(location: TagFileLocation, start: ParsedTagFile, writes: PendingWrite[]): { parsed: ParsedTagFile; settle: () => void } {
    if (!start.writable) throw new Error(describeUnwritable(location, start));
    let parsed = start;
    const outcomes: (() => void)[] = [];
    for (let i = 0; i < writes.length; ) {
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
      parsed = parseTagFile(parsed.text.trim() ? addTagRecords(parsed, records) : printNewTagFile(location.corpusFile, records));
    }
    // Never write what does not parse back: that would be a bug here, and the analyst's file must not pay for it.
    if (!parsed.writable) throw new Error(`Press Corpus produced an invalid ${location.displayName} and wrote nothing: ${describeUnwritable(location, parsed)}`);
    return { parsed, settle: () => outcomes.forEach((outcome) => outcome()) };
  }

  private hasUnsavedEdits(yamlUri: string): boolean {
    const document = this.ctx.documents.get(yamlUri);
    return document !== undefined && !(this.recentDiskTexts.get(yamlUri) ?? ['']).includes(document.getText());
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
      const edit = computeSingleEdit(current.text, parsed.text);
      const lines = new LineTable(current.text);
      const result = await this.ctx.connection.workspace.applyEdit({
        label: 'Press Corpus: tag',
        edit: { changes: { [location.yamlUri]: [{ range: lines.toRange(edit), newText: edit.newText }] } },
      });
      if (!result.applied) throw new Error(`The editor did not accept the change to ${location.displayName}${result.failureReason ? `: ${result.failureReason}` : ''}.`);
      settle();
    } catch (error) {
      write.reject(error as Error);
    }
  }

  private notify(yamlUris: string[]): void {
    for (const listener of this.listeners) listener(yamlUris);
  }
}

/** `annotations/x.yaml line 4, column 11: …`: line and column count from 1, as editors show them. */
export function describeUnwritable(location: TagFileLocation, file: ParsedTagFile): string {
  const problem = file.problems[0];
  const position = new LineTable(file.text).toPosition(problem?.span.start ?? 0);
  return `${location.displayName} line ${position.line + 1}, column ${position.character + 1}: ${problem?.message ?? 'the file is not a tag file'} Nothing was written.`;
}

/** The smallest single replacement turning `before` into `after` (common head and tail kept). */
function computeSingleEdit(before: string, after: string): { start: number; end: number; newText: string } {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start: head, end: before.length - tail, newText: after.slice(head, after.length - tail) };
}
