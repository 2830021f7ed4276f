// What every LSP feature module receives: the connection, the open documents, the hub that merges shared
// requests, and — once the client has said which folders to serve (initialize) — the engine's workspace.

import { Connection } from 'vscode-languageserver/node';
import { CorpusWorkspace } from '../engine/corpusWorkspace';
import { CorpusFile } from '../features/corpusIndex';
import { FeatureHub } from './hub';
import { OpenDocuments } from './openDocuments';
import { getLineTable, LineTable } from '../engine/lineTable';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: OpenDocuments;
  readonly hub: FeatureHub;
  /** The engine; set by initialize, before any request is answered. */
  workspace: CorpusWorkspace;
  /** False when the client says the workspace is untrusted (initializationOptions.workspaceTrusted): no writes. */
  workspaceTrusted: boolean;
}

/** The stored file and its line table, or undefined for a uri outside the corpus. */
export function getFileWithLines(ctx: ServerContext, uri: string): { file: CorpusFile; lines: LineTable } | undefined {
  const file = ctx.workspace.getFile(uri);
  return file ? { file, lines: getLineTable(file) } : undefined;
}

/** Refuses a write in an untrusted workspace, with what to do about it. */
export function assertTrusted(ctx: ServerContext): void {
  if (!ctx.workspaceTrusted) {
    throw new Error(
      'This workspace is not trusted, so Press Corpus does not write files in it. Trust the workspace (Workspaces: Manage Workspace Trust) to tag passages.',
    );
  }
}
