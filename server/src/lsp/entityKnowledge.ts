// annotations/entities.yaml in the editor: read from disk (or from the editor when it is open there), parsed,
// handed to the entity index, validated with diagnostics on the YAML file itself, reloaded when it changes.
// The only entity code that touches the file system.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParsedEntityFile, parseEntityFile } from '../annotations/entityFile';
import { EntityIndex } from '../features/entityIndex';
import { ServerContext } from './context';
import { LineTable } from './positions';
import { toDiagnostic } from './problemConversion';

export const ENTITY_FILE_PATH = 'annotations/entities.yaml';

export class EntityKnowledge {
  readonly entities: EntityIndex;
  private parsed: ParsedEntityFile = parseEntityFile('');
  private lineTable = new LineTable('');
  private exists = false;
  private loading: Promise<void> | undefined;
  private recognising = false;

  constructor(private readonly ctx: ServerContext) {
    this.entities = new EntityIndex(ctx.index);
  }

  /** The file's uri in the first workspace folder (undefined before initialize). */
  get uri(): string | undefined {
    const folder = this.ctx.workspaceFolders[0];
    return folder ? pathToFileURL(join(folder, ENTITY_FILE_PATH)).toString() : undefined;
  }

  get file(): ParsedEntityFile {
    return this.parsed;
  }

  /** False while no entities.yaml exists: a new entry then creates the file. */
  get fileExists(): boolean {
    return this.exists;
  }

  get lines(): LineTable {
    return this.lineTable;
  }

  /** Loads the file once; later changes come through reload(). */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.reload();
    return this.loading;
  }

  async reload(): Promise<void> {
    const uri = this.uri;
    if (!uri) return;
    const open = this.ctx.documents.get(uri);
    let text = open?.getText();
    if (text === undefined) {
      try {
        text = await readFile(join(this.ctx.workspaceFolders[0], ENTITY_FILE_PATH), 'utf8');
      } catch {
        text = undefined; // no knowledge base yet: recognition alone names the entities
      }
    }
    this.exists = text !== undefined;
    this.parsed = parseEntityFile(text ?? '');
    this.lineTable = new LineTable(this.parsed.text);
    this.entities.setKnowledgeBase(this.parsed);
    this.ctx.hub.publishDiagnostics([uri]);
  }

  /** Watches the file on disk and in the editor; publishes its diagnostics. */
  register(): void {
    const isOurs = (uri: string) => uri === this.uri;
    this.ctx.hub.addFileWatcher(
      () => [`**/${ENTITY_FILE_PATH}`],
      async (changes) => {
        if (changes.some((change) => isOurs(change.uri))) await this.reload();
      },
    );
    this.ctx.documents.onDidChangeContent(({ document }) => {
      if (isOurs(document.uri)) void this.reload();
    });
    this.ctx.index.onDidChange(() => {
      void this.ensureLoaded();
      this.scheduleRecognition();
    });
    this.ctx.hub.addDiagnosticSource((uri) => (isOurs(uri) ? this.parsed.problems.map((problem) => toDiagnostic(problem, this.lines)) : []));
  }

  /** Recognises changed files in slices between other work (requests, indexing). */
  private scheduleRecognition(): void {
    if (this.recognising) return;
    this.recognising = true;
    const slice = () => {
      if (this.entities.refreshSome(RECOGNITION_SLICE_FILES)) setImmediate(slice);
      else this.recognising = false;
    };
    setImmediate(slice);
  }
}

const RECOGNITION_SLICE_FILES = 10;

const instances = new WeakMap<ServerContext, EntityKnowledge>();

/** One knowledge base and entity index per server, shared by the entity modules. */
export function getEntityKnowledge(ctx: ServerContext): EntityKnowledge {
  let knowledge = instances.get(ctx);
  if (!knowledge) {
    knowledge = new EntityKnowledge(ctx);
    knowledge.register();
    instances.set(ctx, knowledge);
  }
  return knowledge;
}
