// Publishes the problems of every file the engine knows (corpus files open or not, tag files, entity files)
// whenever they may have changed, and offers the fixes they carry as code actions.

import { CodeActionKind } from 'vscode-languageserver/node';
import { getLineTable } from '../engine/lineTable';
import { findWorkspaceProblems } from '../engine/workspaceProblems';
import { LspFeature } from './feature';
import { toDiagnostic, toQuickFixes } from './problemConversion';

export const diagnosticsFeature: LspFeature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(ctx) {
    ctx.hub.addDiagnosticSource((uri) => {
      const { file, problems } = findWorkspaceProblems(ctx.workspace, uri);
      const lines = getLineTable(file);
      return problems.map((problem) => toDiagnostic(problem, lines));
    });
    ctx.hub.addCodeActionProvider(({ textDocument, context }) => context.diagnostics.flatMap((diagnostic) => toQuickFixes(textDocument.uri, diagnostic)));
  },
  initialize(ctx) {
    ctx.workspace.onDidChangeProblems((uris) => ctx.hub.publishDiagnostics(uris));
  },
};
