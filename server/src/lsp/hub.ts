// One LSP handler per method, many features behind it. Several features answer the same request (a hover on a
// tagged name shows the entity card and the tag; code actions come from diagnostics, entities and tags), so each
// feature adds a provider here and the hub merges their answers. Features never call connection.onX for these.

import {
  CodeAction,
  CodeActionParams,
  CodeLens,
  CodeLensParams,
  Connection,
  DefinitionParams,
  Diagnostic,
  DocumentHighlight,
  DocumentHighlightParams,
  DidChangeWatchedFilesNotification,
  ExecuteCommandParams,
  FileEvent,
  Hover,
  HoverParams,
  InlayHint,
  InlayHintParams,
  Location,
  MarkupContent,
  ReferenceParams,
  ResponseError,
  ErrorCodes,
  WorkspaceSymbol,
  WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { CorpusWorkspace } from '../engine/corpusWorkspace';
import { FileChangeKind } from '../engine/host';
import { canonicaliseUri } from '../features/uris';

type MaybePromise<T> = T | Promise<T>;
type Provider<P, R> = (params: P) => MaybePromise<R[] | R | null | undefined>;
export type CommandHandler = (args: unknown[]) => MaybePromise<unknown>;
export type DiagnosticSource = (uri: string) => Diagnostic[];

/** Workspace symbol answers are capped: a corpus of tens of thousands of releases would flood the picker. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export class FeatureHub {
  private readonly hovers: Provider<HoverParams, Hover>[] = [];
  private readonly codeActions: Provider<CodeActionParams, CodeAction>[] = [];
  private readonly workspaceSymbols: Provider<WorkspaceSymbolParams, WorkspaceSymbol>[] = [];
  private readonly definitions: Provider<DefinitionParams, Location>[] = [];
  private readonly references: Provider<ReferenceParams, Location>[] = [];
  private readonly highlights: Provider<DocumentHighlightParams, DocumentHighlight>[] = [];
  private readonly inlayHints: Provider<InlayHintParams, InlayHint>[] = [];
  private readonly codeLenses: Provider<CodeLensParams, CodeLens>[] = [];
  private readonly commands = new Map<string, CommandHandler>();
  private readonly diagnosticSources: DiagnosticSource[] = [];
  private workspace: CorpusWorkspace | undefined;
  private readonly pendingDiagnostics = new Set<string>();

  constructor(private readonly connection: Connection) {}

  addHoverProvider(provider: Provider<HoverParams, Hover>): void { this.hovers.push(provider); }
  addCodeActionProvider(provider: Provider<CodeActionParams, CodeAction>): void { this.codeActions.push(provider); }
  addWorkspaceSymbolProvider(provider: Provider<WorkspaceSymbolParams, WorkspaceSymbol>): void { this.workspaceSymbols.push(provider); }
  addDefinitionProvider(provider: Provider<DefinitionParams, Location>): void { this.definitions.push(provider); }
  addReferencesProvider(provider: Provider<ReferenceParams, Location>): void { this.references.push(provider); }
  addDocumentHighlightProvider(provider: Provider<DocumentHighlightParams, DocumentHighlight>): void { this.highlights.push(provider); }
  addInlayHintProvider(provider: Provider<InlayHintParams, InlayHint>): void { this.inlayHints.push(provider); }
  addCodeLensProvider(provider: Provider<CodeLensParams, CodeLens>): void { this.codeLenses.push(provider); }
  addDiagnosticSource(source: DiagnosticSource): void { this.diagnosticSources.push(source); }

  /**
   * Asks the client to watch every file the engine reads; a client that cannot register watchers dynamically
   * gets the server's own watcher, so external edits (git pull, hand edits) still reach the engine.
   */
  async startFileWatching(workspace: CorpusWorkspace, clientWatchesFiles: boolean): Promise<void> {
    this.workspace = workspace;
    const globs = workspace.watchedGlobs;
    if (clientWatchesFiles) {
      const watchers = globs.map((glob) => ({ globPattern: `**/${glob.replace(/^\*\*\//, '')}` }));
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } else {
      workspace.host.watch(workspace.folderUris, globs, (changes) => void workspace.filesChanged(changes));
    }
  }

  addCommand(name: string, handler: CommandHandler): void {
    if (this.commands.has(name)) throw new Error(`command ${name} registered twice`);
    this.commands.set(name, handler);
  }

  get commandNames(): string[] {
    return [...this.commands.keys()];
  }

  /**
   * Recomputes every diagnostic source for these uris and publishes the result, once the current burst of
   * changes is over (a save that touches a corpus file and its tags publishes each uri once).
   */
  publishDiagnostics(uris: Iterable<string>): void {
    const wasIdle = this.pendingDiagnostics.size === 0;
    for (const uri of uris) this.pendingDiagnostics.add(uri);
    if (wasIdle && this.pendingDiagnostics.size > 0) setImmediate(() => this.flushDiagnostics());
  }

  private flushDiagnostics(): void {
    const uris = [...this.pendingDiagnostics];
    this.pendingDiagnostics.clear();
    for (const uri of uris) {
      const diagnostics = this.diagnosticSources.flatMap((source) => source(uri));
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** Wires the merged handlers; called once, after every feature has added its providers. */
  listen(): void {
    const c = this.connection;
    c.onHover(async (params) => mergeHovers(await collect(this.hovers, params)));
    c.onCodeAction(async (params) => collect(this.codeActions, params));
    c.onWorkspaceSymbol(async (params) => (await collect(this.workspaceSymbols, params)).slice(0, MAX_WORKSPACE_SYMBOLS));
    c.onDefinition(async (params) => collect(this.definitions, params));
    c.onReferences(async (params) => collect(this.references, params));
    c.onDocumentHighlight(async (params) => collect(this.highlights, params));
    c.languages.inlayHint.on(async (params) => collect(this.inlayHints, params));
    c.onCodeLens(async (params) => collect(this.codeLenses, params));
    c.onDidChangeWatchedFiles(({ changes }) => this.workspace?.filesChanged(changes.map(toFileChange)));
    c.onExecuteCommand(async (params: ExecuteCommandParams) => {
      const handler = this.commands.get(params.command);
      if (!handler) return new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${params.command}`);
      try {
        return await handler(params.arguments ?? []);
      } catch (error) {
        // A command's failure is the user's answer (e.g. "annotations/x.yaml line 3: …"), not a crash.
        return new ResponseError(ErrorCodes.InvalidRequest, error instanceof Error ? error.message : String(error));
      }
    });
  }
}

const CHANGE_KINDS: Record<number, FileChangeKind> = { 1: 'created', 2: 'changed', 3: 'deleted' };

function toFileChange(event: FileEvent): { uri: string; kind: FileChangeKind } {
  return { uri: canonicaliseUri(event.uri), kind: CHANGE_KINDS[event.type] ?? 'changed' };
}

async function collect<P, R>(providers: Provider<P, R>[], params: P): Promise<R[]> {
  const answers = await Promise.all(providers.map((provider) => provider(params)));
  return answers.flatMap((answer) => (answer == null ? [] : Array.isArray(answer) ? answer : [answer]));
}

function mergeHovers(hovers: Hover[]): Hover | null {
  if (hovers.length === 0) return null;
  if (hovers.length === 1) return hovers[0];
  const value = hovers.map((hover) => (hover.contents as MarkupContent).value).join('\n\n---\n\n');
  return { contents: { kind: 'markdown', value }, range: hovers[0].range };
}
