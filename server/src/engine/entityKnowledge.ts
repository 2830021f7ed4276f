// annotations/entities.yaml of every workspace folder: read through the host (or from the editor when open there),
// parsed, and handed to the entity index. A file that does not parse keeps its last good entries in force; its
// problems are reported on the file itself.

import { ParsedEntityFile, parseEntityFile } from '../annotations/entityFile';
import { EntityIndex } from '../features/entityIndex';
import { joinUri } from '../features/uris';
import { EditorBuffers } from './editorBuffers';
import { WorkspaceHost } from './host';

export const ENTITY_FILE_PATH = 'annotations/entities.yaml';
/** An entity file larger than this is not an analyst's list: it is reported, not parsed. */
const MAX_ENTITY_FILE_BYTES = 8 * 1024 * 1024;

interface KnowledgeFile {
  /** As read now (problems included). */
  readonly parsed: ParsedEntityFile;
  /** The last parse without errors: what the index uses. */
  readonly lastGood: ParsedEntityFile;
  readonly exists: boolean;
}

export class EntityKnowledge {
  private readonly files = new Map<string, KnowledgeFile>();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly folderUris: readonly string[],
    private readonly entities: EntityIndex,
    private readonly buffers: EditorBuffers,
  ) {}

  /** The entity file of each workspace folder, in folder order. */
  get fileUris(): string[] {
    return this.folderUris.map((folder) => joinUri(folder, ENTITY_FILE_PATH));
  }

  isEntityFileUri(uri: string): boolean {
    return this.fileUris.includes(uri);
  }

  /** The entity file of the folder holding `uri` (a corpus file), or of the first folder. */
  getFileUriFor(uri: string): string | undefined {
    const folder = this.folderUris.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0] ?? this.folderUris[0];
    return folder ? joinUri(folder, ENTITY_FILE_PATH) : undefined;
  }

  getFile(uri: string): { parsed: ParsedEntityFile; exists: boolean } {
    return this.files.get(uri) ?? { parsed: parseEntityFile(''), exists: false };
  }

  /** The entity file that defines the entry with this id. */
  findFileOfRecord(id: string): string | undefined {
    return this.fileUris.find((uri) => this.files.get(uri)?.lastGood.records.some((record) => record.id === id));
  }

  /** Loads every folder's file once; later changes come through reload(). */
  ensureLoaded(): Promise<void> {
    this.loading ??= Promise.all(this.fileUris.map((uri) => this.reload(uri))).then(() => undefined);
    return this.loading;
  }

  async reload(uri: string): Promise<void> {
    let text = this.buffers.getOpenText(uri);
    if (text === undefined) {
      const read = await this.host.readText(uri, MAX_ENTITY_FILE_BYTES);
      text = read.kind === 'text' ? read.text : undefined;
    }
    this.setText(uri, text);
  }

  /** The editor's text of an open entity file (unsaved edits count: hovers follow what the analyst types). */
  setText(uri: string, text: string | undefined): void {
    const parsed = parseEntityFile(text ?? '');
    const previous = this.files.get(uri);
    const lastGood = parsed.writable ? parsed : (previous?.lastGood ?? parseEntityFile(''));
    this.files.set(uri, { parsed, lastGood, exists: text !== undefined });
    this.entities.setKnowledgeBase(this.fileUris.map((u) => this.files.get(u)?.lastGood).filter((f): f is ParsedEntityFile => f !== undefined));
  }
}
