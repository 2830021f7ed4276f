// `press-corpus check [paths…]`: every problem of the corpus as text, JSON or SARIF 2.1.0, and an exit code a CI
// job can act on (1 when a problem at or above --fail-on exists).

import { Problem, ProblemSeverity } from '../corpus/model';
import { getLineTable, LineTable } from '../engine/lineTable';
import { findWorkspaceProblems } from '../engine/workspaceProblems';
import { countReportedProblems, ReportedProblem } from '../features/exchange/reportedProblem';
import { formatProblemsAsSarif } from '../features/exchange/sarif';
import { formatProblemsAsJson, formatProblemsAsText, formatProblemSummary } from '../features/exchange/textReport';
import { DIAGNOSTICS_PAGE_URI, README_URI } from '../host/docsPages';
import { CliWorkspace } from './cliWorkspace';
import { Output, UsageError } from './output';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_LEVELS: Record<string, readonly ProblemSeverity[]> = { error: ['error'], warning: ['error', 'warning'], none: [] };

export async function runCheck(cli: CliWorkspace, paths: readonly string[], options: { format?: string; 'fail-on'?: string }, output: Output): Promise<number> {
  const format = options.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${format}).`);
  const failing = FAIL_LEVELS[options['fail-on'] ?? 'error'];
  if (!failing) throw new UsageError(`--fail-on must be one of ${Object.keys(FAIL_LEVELS).join(', ')} (got ${options['fail-on']}).`);
  const { workspace } = cli;
  await Promise.all([workspace.tags.ensureLoaded(), workspace.knowledge.ensureLoaded()]);
  // With no paths the whole workspace is checked, its tag and entity files included.
  const uris = [...cli.selectFiles(paths), ...(paths.length ? [] : [...workspace.tags.getTagFileUris(), ...workspace.knowledge.fileUris])];
  const reported = uris.flatMap((uri) => {
    const { file, problems } = findWorkspaceProblems(workspace, uri);
    const lines = getLineTable(file);
    return problems.map((problem) => toReportedProblem(cli.relativePathOf(uri), problem, lines));
  });
  if (format === 'sarif') {
    const log = formatProblemsAsSarif(reported, {
      toolVersion: '0.1.0',
      informationUri: README_URI,
      diagnosticsPageUri: DIAGNOSTICS_PAGE_URI,
      workspaceFolderUri: `${cli.folderUri}/`,
    });
    output.write(`${JSON.stringify(log, null, 2)}\n`);
  } else if (format === 'json') {
    output.write(`${JSON.stringify(formatProblemsAsJson(reported, DIAGNOSTICS_PAGE_URI), null, 2)}\n`);
  } else {
    output.write(formatProblemsAsText(reported));
  }
  const counts = countReportedProblems(reported);
  if (format !== 'text') output.note(formatProblemSummary(counts));
  return reported.some((problem) => failing.includes(problem.severity)) ? 1 : 0;
}

/** A problem with its file and 1-based line/column (UTF-16 columns, as editors count them). */
export function toReportedProblem(path: string, problem: Problem, lines: LineTable): ReportedProblem {
  const start = lines.toPosition(problem.span.start);
  const end = lines.toPosition(problem.span.end);
  return {
    path,
    span: problem.span,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
  };
}
