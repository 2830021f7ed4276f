// Publishes corpus problems for every indexed file (open or not) whenever a file changes, and offers the
// obvious fixes as code actions.

import { CodeAction, CodeActionKind } from 'vscode-languageserver/node';
import { computeFileProblems } from '../features/diagnostics';
import { computeQuickFixes } from '../features/quickFixes';
import { getFileWithLines } from './context';
import { LspFeature } from './feature';
import { toDiagnostic } from './problemConversion';

export const diagnosticsFeature: LspFeature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(ctx) {
    ctx.index.onDidChange((changed) => ctx.hub.publishDiagnostics(changed));
    ctx.hub.addDiagnosticSource((uri) => {
      const found = getFileWithLines(ctx, uri);
      return found ? computeFileProblems(ctx.index, uri).map((problem) => toDiagnostic(problem, found.lines)) : [];
    });
    ctx.hub.addCodeActionProvider(({ textDocument, context }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return [];
      return context.diagnostics.flatMap((diagnostic) =>
        computeQuickFixes(ctx.index, textDocument.uri, String(diagnostic.code), {
          start: found.lines.toOffset(diagnostic.range.start),
          end: found.lines.toOffset(diagnostic.range.end),
        }).map((fix): CodeAction => ({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [textDocument.uri]: fix.edits.map((edit) => ({ range: found.lines.toRange(edit.span), newText: edit.newText })) } },
        })),
      );
    });
  },
};
