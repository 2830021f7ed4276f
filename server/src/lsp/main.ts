// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc from the VS Code client).
// Lets every feature module add its providers, builds the engine's workspace on initialize, then keeps it in
// step with the editor (open documents) and the disk (file events), and scans the corpus.

import { fileURLToPath } from 'node:url';
import { ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { CorpusWorkspace } from '../engine/corpusWorkspace';
import { carryLineTable } from '../engine/lineTable';
import { readSettings } from '../engine/settings';
import { canonicaliseUri } from '../features/uris';
import { openDiskCacheStore } from '../host/diskCache';
import { limitHeapGrowth } from '../host/heapGrowth';
import { NodeHost } from '../host/nodeHost';
import { createScanReader } from '../host/scanWorkerPool';
import { ServerContext } from './context';
import { createEditorBuffers } from './editorBuffers';
import { LSP_FEATURES } from './features';
import { FeatureHub } from './hub';
import { indexWorkspace } from './indexing';
import { OpenDocuments } from './openDocuments';
import { answerRefusedRequests, createRequestGuard } from './requestGuard';
import { createServerConnection } from './serverConnection';

const CORPUS_LANGUAGE_ID = 'press-corpus';

limitHeapGrowth(); // before the scan: its garbage is what a default heap would let pile up

const connection = createServerConnection({ messageStrategy: createRequestGuard() });
answerRefusedRequests(connection);
const documents = new OpenDocuments();
const ctx = { connection, documents, hub: new FeatureHub(connection), workspaceTrusted: true } as ServerContext;
let clientWatchesFiles = false;
let clientShowsIndexingStatus = false;

for (const feature of LSP_FEATURES) feature.register(ctx);

connection.onInitialize((params) => {
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const options = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown; showsIndexingStatus?: unknown; cacheFolder?: unknown };
  const fileFolders = folders.filter((uri) => uri.startsWith('file:')).map(canonicaliseUri);
  const settings = readSettings(options);
  // The persistent index: in the editor's workspace storage, else under the first folder, unless the workspace
  // is untrusted (entries planted in its folder would be read as the parse of its files).
  const cacheFolder = typeof options.cacheFolder === 'string' ? options.cacheFolder : undefined;
  const workspaceFolder = options.workspaceTrusted !== false && fileFolders[0] ? fileURLToPath(fileFolders[0]) : undefined;
  const store = openDiskCacheStore(cacheFolder, workspaceFolder, (message) => connection.console.warn(message));
  const host = new NodeHost(fileFolders);
  const buffers = createEditorBuffers(connection, documents);
  ctx.workspace = new CorpusWorkspace(host, fileFolders, settings, buffers, createScanReader(host, fileFolders), store);
  if (settings.refusedGlobs) {
    void connection.window.showWarningMessage(
      `Press Corpus ignores pressCorpus.corpusGlobs ${settings.refusedGlobs.join(', ')}: corpus files must lie inside the workspace folder.`,
    );
  }
  ctx.workspaceTrusted = options.workspaceTrusted !== false;
  clientShowsIndexingStatus = options.showsIndexingStatus === true;
  clientWatchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  for (const feature of LSP_FEATURES) feature.initialize?.(ctx);
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    executeCommandProvider: { commands: ctx.hub.commandNames },
    workspace: { workspaceFolders: { supported: true } },
  };
  for (const feature of LSP_FEATURES) Object.assign(capabilities, feature.capabilities);
  return { capabilities, serverInfo: { name: 'press-corpus', version: '0.1.0' } };
});

connection.onInitialized(async () => {
  await ctx.hub.startFileWatching(ctx.workspace, clientWatchesFiles);
  await indexWorkspace(ctx, !clientShowsIndexingStatus);
});

// Open documents are the truth for their uri: each change re-parses that one file (never the whole corpus), and
// the new version's line table is made from the last one's. The text goes in pieces: what is not needed whole is
// never joined (openDocuments.ts).
documents.onDidChangeContent((document, changes) => {
  const uri = canonicaliseUri(document.uri);
  const previous = ctx.workspace.getFile(uri);
  ctx.workspace.documentChanged(uri, document.text, document.languageId === CORPUS_LANGUAGE_ID, changes);
  carryLineTable(previous, ctx.workspace.getFile(uri));
});
documents.onDidClose((document) => void ctx.workspace.documentClosed(canonicaliseUri(document.uri)));

ctx.hub.listen();
documents.listen(connection);
connection.listen();
