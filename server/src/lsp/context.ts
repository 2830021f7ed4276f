// What every LSP feature module receives: the connection, the corpus index, the open documents, the hub that
// merges shared requests, and the workspace settings.

import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusFile, CorpusIndex } from '../features/corpusIndex';
import { FeatureHub } from './hub';
import { getLineTable, LineTable } from './positions';

export interface CorpusSettings {
  /** Glob patterns relative to each workspace folder. */
  corpusGlobs: string[];
  maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: CorpusSettings = { corpusGlobs: ['seeds/**/*.txt'], maxFileSizeMB: 50 };

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly index: CorpusIndex;
  readonly hub: FeatureHub;
  /** Absolute file-system paths of the workspace folders. */
  workspaceFolders: string[];
  settings: CorpusSettings;
  /** True when the client can watch files for us (workspace/didChangeWatchedFiles dynamic registration). */
  clientWatchesFiles: boolean;
  /** False when the client says the workspace is untrusted (initializationOptions.workspaceTrusted): no writes. */
  workspaceTrusted: boolean;
}

/** The stored file and its line table, or undefined for a uri outside the corpus. */
export function getFileWithLines(ctx: ServerContext, uri: string): { file: CorpusFile; lines: LineTable } | undefined {
  const file = ctx.index.getFile(uri);
  return file ? { file, lines: getLineTable(file) } : undefined;
}
