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
  ResultProgressReporter,
  WorkDoneProgressReporter,
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
/** A provider of long answers, consumed lazily so the first results can be sent before the rest is found. */
type StreamingProvider<P, R> = (params: P) => MaybePromise<Iterable<R> | null | undefined>;
export type CommandHandler = (args: unknown[]) => MaybePromise<unknown>;
export type DiagnosticSource = (uri: string) => Diagnostic[];

/** Workspace symbol answers are capped: a corpus of tens of thousands of releases would flood the picker. */
export const MAX_WORKSPACE_SYMBOLS = 1000;
/** A client that passes a partialResultToken gets long answers in chunks of this many items. */
const PARTIAL_RESULT_CHUNK = 1000;

export class FeatureHub {
  private readonly hovers: Provider<HoverParams, Hover>[] = [];
  private readonly codeActions: Provider<CodeActionParams, CodeAction>[] = [];
  private readonly workspaceSymbols: StreamingProvider<WorkspaceSymbolParams, WorkspaceSymbol>[] = [];
  private readonly definitions: Provider<DefinitionParams, Location>[] = [];
  private readonly references: StreamingProvider<ReferenceParams, Location>[] = [];
  private readonly highlights: Provider<DocumentHighlightParams, DocumentHighlight>[] = [];
  private readonly inlayHints: Provider<InlayHintParams, InlayHint>[] = [];
  private readonly codeLenses: Provider<CodeLensParams, CodeLens>[] = [];
  private readonly commands = new Map<string, CommandHandler>();
  private readonly diagnosticSources: DiagnosticSource[] = [];
  private workspace: CorpusWorkspace | undefined;
  private readonly pendingDiagnostics = new Set<string>();

  constructor(private readonly connection: Connection) {}

  addHoverProvider(provider: Provider<HoverParams, Hover>): void {
    this.hovers.push(provider);
  }
  addCodeActionProvider(provider: Provider<CodeActionParams, CodeAction>): void {
    this.codeActions.push(provider);
  }
  addWorkspaceSymbolProvider(provider: StreamingProvider<WorkspaceSymbolParams, WorkspaceSymbol>): void {
    this.workspaceSymbols.push(provider);
  }
  addDefinitionProvider(provider: Provider<DefinitionParams, Location>): void {
    this.definitions.push(provider);
  }
  addReferencesProvider(provider: StreamingProvider<ReferenceParams, Location>): void {
    this.references.push(provider);
  }
  addDocumentHighlightProvider(provider: Provider<DocumentHighlightParams, DocumentHighlight>): void {
    this.highlights.push(provider);
  }
  addInlayHintProvider(provider: Provider<InlayHintParams, InlayHint>): void {
    this.inlayHints.push(provider);
  }
  addCodeLensProvider(provider: Provider<CodeLensParams, CodeLens>): void {
    this.codeLenses.push(provider);
  }
  addDiagnosticSource(source: DiagnosticSource): void {
    this.diagnosticSources.push(source);
  }

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
    c.onWorkspaceSymbol(async (params, _token, workDone, partial) =>
      stream(this.workspaceSymbols, params, MAX_WORKSPACE_SYMBOLS, 'Searching symbols', workDone, partial),
    );
    c.onDefinition(async (params) => collect(this.definitions, params));
    c.onReferences(async (params, _token, workDone, partial) =>
      stream(this.references, params, Number.POSITIVE_INFINITY, 'Finding references', workDone, partial),
    );
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

/**
 * Answers from every provider, up to `limit` items. With a partialResultToken they go out in chunks as they are
 * found and the response itself is empty (as LSP asks); progress says how many were found so far.
 */
async function stream<P, R>(
  providers: StreamingProvider<P, R>[],
  params: P,
  limit: number,
  title: string,
  workDone: WorkDoneProgressReporter,
  partial: ResultProgressReporter<R[]> | undefined,
): Promise<R[]> {
  workDone.begin(title, undefined, undefined, false);
  const answer: R[] = [];
  let sent = 0;
  const flush = () => {
    if (!partial || answer.length === 0) return;
    partial.report(answer.splice(0));
    workDone.report(`${sent} found`);
  };
  for (const provider of providers) {
    for (const item of (await provider(params)) ?? []) {
      if (sent >= limit) break;
      answer.push(item);
      sent++;
      if (answer.length >= PARTIAL_RESULT_CHUNK) flush();
    }
  }
  flush();
  workDone.done();
  return answer;
}

function mergeHovers(hovers: Hover[]): Hover | null {
  if (hovers.length === 0) return null;
  if (hovers.length === 1) return hovers[0];
  const value = hovers.map((hover) => (hover.contents as MarkupContent).value).join('\n\n---\n\n');
  return { contents: { kind: 'markdown', value }, range: hovers[0].range };
}
