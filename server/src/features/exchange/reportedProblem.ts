// A problem as the command line reports it: the engine's Problem plus the file it is in and its line/column,
// which the caller computes (offsets become lines only at the edge). Shared by the text, JSON and SARIF reports.

import { ProblemCode, ProblemSeverity, Span } from '../../corpus/model';
import { getProblemDocsAnchor } from '../../corpus/problemCodes';

export interface ReportedProblem {
  /** Relative to the workspace folder, with forward slashes: `seeds/000_x.txt`. */
  readonly path: string;
  /** UTF-16 offsets into the file's text. */
  readonly span: Span;
  /** 1-based; columns count UTF-16 units, as the editor's do. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Stable dotted code documented in docs/diagnostics.md: `release.missing-source`. */
  readonly code: ProblemCode;
  readonly severity: ProblemSeverity;
  readonly message: string;
}

export interface ProblemCounts {
  readonly problems: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
  readonly files: number;
}

/** By file, then by position, then by code: reports read top to bottom and do not change from run to run. */
export function sortReportedProblems(problems: readonly ReportedProblem[]): ReportedProblem[] {
  return [...problems].sort(
    (a, b) => compareStrings(a.path, b.path) || a.span.start - b.span.start || a.span.end - b.span.end || compareStrings(a.code, b.code),
  );
}

export function countReportedProblems(problems: readonly ReportedProblem[]): ProblemCounts {
  const bySeverity = (severity: ProblemSeverity) => problems.filter((problem) => problem.severity === severity).length;
  return {
    problems: problems.length,
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    information: bySeverity('information'),
    hints: bySeverity('hint'),
    files: new Set(problems.map((problem) => problem.path)).size,
  };
}

/**
 * The code's section of docs/diagnostics.md, whose headings are the codes with dots as hyphens:
 * (`https://…/docs/diagnostics.md`, `release.missing-source`) → `https://…/docs/diagnostics.md#release-missing-source`.
 */
export function getDiagnosticHelpUri(diagnosticsPageUri: string, code: ProblemCode): string {
  return `${diagnosticsPageUri}#${getProblemDocsAnchor(code)}`;
}

/** Code unit order, not locale order: the same bytes on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
