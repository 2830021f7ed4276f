// Problems (corpus words) become LSP diagnostics here, with a link to their page in docs/diagnostics.md.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { Problem, ProblemSeverity } from '../corpus/model';
import { LineTable } from './positions';

const SEVERITIES: Record<ProblemSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// dist/server.js sits beside docs/ in the repository and in the packaged extension.
const DIAGNOSTICS_PAGE = pathToFileURL(join(__dirname, '..', 'docs', 'diagnostics.md')).toString();

/** The page anchor of a code: `release.missing-source` → `release-missing-source`. */
function getProblemHelpLink(code: string): string {
  return `${DIAGNOSTICS_PAGE}#${code.replace(/\./g, '-')}`;
}

export function toDiagnostic(problem: Problem, lines: LineTable): Diagnostic {
  return {
    range: lines.toRange(problem.span),
    severity: SEVERITIES[problem.severity],
    code: problem.code,
    codeDescription: { href: getProblemHelpLink(problem.code) },
    source: 'press-corpus',
    message: problem.message,
  };
}
