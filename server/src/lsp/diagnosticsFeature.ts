// Publishes corpus problems for every indexed file (open or not) whenever a file changes, and offers the
// obvious fixes as code actions.

import { CodeAction, CodeActionKind } from 'vscode-languageserver/node';
import { computeFileProblems, getMostCommonSource } from '../features/diagnostics';
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
      return context.diagnostics
        .filter((diagnostic) => diagnostic.code === 'release.missing-source')
        .map((diagnostic): CodeAction | undefined => {
          const offset = found.lines.toOffset(diagnostic.range.start);
          const release = found.file.parsed.releases.find((r) => r.span.start <= offset && offset <= r.span.end);
          if (!release) return undefined;
          const source = getMostCommonSource(ctx.index) ?? 'Unknown';
          const titleEnd = found.lines.toPosition(release.titleSpans[release.titleSpans.length - 1].end);
          return {
            title: `Insert “Source: ${source}” after the title`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [textDocument.uri]: [{ range: { start: titleEnd, end: titleEnd }, newText: `\n\nSource: ${source}` }] } },
          };
        })
        .filter((action): action is CodeAction => action !== undefined);
    });
  },
};
