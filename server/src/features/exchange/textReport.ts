// `press-corpus check` in a terminal (one line per problem, `file:line:col: severity code message`, which
// terminals and editors turn into links) and with `--format json` (the same facts for scripts).

import { countReportedProblems, getDiagnosticHelpUri, ProblemCounts, ReportedProblem, sortReportedProblems } from './reportedProblem';

/** `seeds/000_x.txt:12:1: warning release.missing-source The release has no Source: line.` */
export function formatProblemLine(problem: ReportedProblem): string {
  // A message on one line: a report line must not be split by the messages' own line breaks.
  const message = problem.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `${problem.path}:${problem.line}:${problem.column}: ${problem.severity} ${problem.code} ${message}`;
}

/** `3 problems (1 error, 2 warnings, 0 information) in 2 files`; hints are counted only when there are some. */
export function formatProblemSummary(counts: ProblemCounts): string {
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), `${counts.information} information`];
  if (counts.hints > 0) parts.push(plural(counts.hints, 'hint'));
  return `${plural(counts.problems, 'problem')} (${parts.join(', ')}) in ${plural(counts.files, 'file')}`;
}

/** Every problem by file and position, then the summary; each line ends with `\n`. */
export function formatProblemsAsText(problems: readonly ReportedProblem[]): string {
  const lines = sortReportedProblems(problems).map(formatProblemLine);
  lines.push(formatProblemSummary(countReportedProblems(problems)));
  return lines.map((line) => `${line}\n`).join('');
}

export interface ProblemsJsonReport {
  readonly problems: ReadonlyArray<ReportedProblem & { readonly helpUri?: string }>;
  readonly summary: ProblemCounts;
}

/** The JSON report as a value; `JSON.stringify(report, null, 2)` prints it. `helpUri` when the docs page is given. */
export function formatProblemsAsJson(problems: readonly ReportedProblem[], diagnosticsPageUri?: string): ProblemsJsonReport {
  return {
    problems: sortReportedProblems(problems).map((problem) => ({
      path: problem.path,
      line: problem.line,
      column: problem.column,
      endLine: problem.endLine,
      endColumn: problem.endColumn,
      span: { start: problem.span.start, end: problem.span.end },
      code: problem.code,
      severity: problem.severity,
      message: problem.message,
      ...(diagnosticsPageUri ? { helpUri: getDiagnosticHelpUri(diagnosticsPageUri, problem.code) } : {}),
    })),
    summary: countReportedProblems(problems),
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
