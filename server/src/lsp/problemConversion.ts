// Problems (corpus words) become LSP diagnostics here, with a link to their page in docs/diagnostics.md and their
// fixes carried in `data`, so a code action needs no second look-up of the problem.

import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver/node';
import { Problem, ProblemSeverity } from '../corpus/model';
import { LineTable } from '../engine/lineTable';
import { getDiagnosticHelpUri } from '../features/exchange/reportedProblem';
import { DIAGNOSTICS_PAGE_URI } from '../host/docsPages';

const SEVERITIES: Record<ProblemSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface FixData {
  readonly fixes: readonly { title: string; preferred: boolean; edits: TextEdit[] }[];
}

export function toDiagnostic(problem: Problem, lines: LineTable): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lines.toRange(problem.span),
    severity: SEVERITIES[problem.severity],
    code: problem.code,
    codeDescription: { href: getDiagnosticHelpUri(DIAGNOSTICS_PAGE_URI, problem.code) },
    source: 'press-corpus',
    message: problem.message,
  };
  if (problem.fixes?.length) {
    const fixes = problem.fixes.map((fix) => ({
      title: fix.title,
      preferred: fix.preferred,
      edits: fix.edits.map((edit) => ({ range: lines.toRange(edit.span), newText: edit.newText })),
    }));
    diagnostic.data = { fixes } satisfies FixData;
  }
  return diagnostic;
}

/** The quick fixes a diagnostic carries (none when the client did not keep `data`). */
export function toQuickFixes(uri: string, diagnostic: Diagnostic): CodeAction[] {
  const fixes = (diagnostic.data as FixData | undefined)?.fixes;
  if (!Array.isArray(fixes)) return [];
  return fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    edit: { changes: { [uri]: fix.edits } },
  }));
}
