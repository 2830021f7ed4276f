// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc from the VS Code client).
// Builds the server context, lets every feature module add its providers, then answers initialize.

import { createConnection, ProposedFeatures, ServerCapabilities, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusIndex } from '../features/corpusIndex';
import { DEFAULT_SETTINGS, ServerContext } from './context';
import { FeatureHub } from './hub';
import { LSP_FEATURES } from './features';
import { readSettings, startWorkspaceIndexing, watchCorpusFiles } from './workspaceFiles';
import { syncOpenDocuments } from './documentSync';
import { fileURLToPath } from 'node:url';

const connection = createConnection(ProposedFeatures.all);
const ctx: ServerContext = {
  connection,
  documents: new TextDocuments(TextDocument),
  index: new CorpusIndex(),
  hub: new FeatureHub(connection),
  workspaceFolders: [],
  settings: { ...DEFAULT_SETTINGS },
  clientWatchesFiles: false,
  workspaceTrusted: true,
};

for (const feature of LSP_FEATURES) feature.register(ctx);

connection.onInitialize((params) => {
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  ctx.workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  ctx.settings = readSettings(params.initializationOptions, ctx.settings);
  ctx.clientWatchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  ctx.workspaceTrusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    executeCommandProvider: { commands: ctx.hub.commandNames },
    workspace: { workspaceFolders: { supported: true } },
  };
  for (const feature of LSP_FEATURES) Object.assign(capabilities, feature.capabilities);
  return { capabilities, serverInfo: { name: 'press-corpus', version: '0.1.0' } };
});

connection.onInitialized(async () => {
  await ctx.hub.startFileWatching(ctx.clientWatchesFiles, ctx.workspaceFolders);
  await startWorkspaceIndexing(ctx);
});

ctx.hub.listen();
syncOpenDocuments(ctx);
watchCorpusFiles(ctx);
ctx.documents.listen(connection);
connection.listen();
