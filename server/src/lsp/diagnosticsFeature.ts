// Publishes corpus problems for every indexed file (open or not) whenever they may have changed, and offers the
// fixes they carry as code actions.

import { CodeActionKind } from 'vscode-languageserver/node';
import { computeFileProblems } from '../features/diagnostics';
import { getFileWithLines } from './context';
import { LspFeature } from './feature';
import { toDiagnostic, toQuickFixes } from './problemConversion';

export const diagnosticsFeature: LspFeature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(ctx) {
    ctx.hub.addDiagnosticSource((uri) => {
      const found = getFileWithLines(ctx, uri);
      return found ? computeFileProblems(ctx.workspace.view, uri).map((problem) => toDiagnostic(problem, found.lines)) : [];
    });
    ctx.hub.addCodeActionProvider(({ textDocument, context }) => context.diagnostics.flatMap((diagnostic) => toQuickFixes(textDocument.uri, diagnostic)));
  },
  initialize(ctx) {
    ctx.workspace.onDidChangeProblems((uris) => ctx.hub.publishDiagnostics(uris));
  },
};
