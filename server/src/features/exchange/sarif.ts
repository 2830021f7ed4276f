// `press-corpus check --format sarif`: the problems as a SARIF 2.1.0 log, the format code-scanning services
// (GitHub code scanning, Azure DevOps, the SARIF Viewer extension) read. Files are named relative to
// %SRCROOT%, the workspace folder, so a log made on one machine opens against a checkout on another.

import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ProblemSeverity } from '../../corpus/model';
import { PROBLEM_CODES, ProblemCode } from '../../corpus/problemCodes';
import { encodePathAsUriReference } from './pathUris';
import { getDiagnosticHelpUri, ReportedProblem, sortReportedProblems } from './reportedProblem';

export interface SarifOptions {
  /** The product version, `0.1.0`. */
  readonly toolVersion: string;
  /** Where users learn about the tool: the project's home page. */
  readonly informationUri: string;
  /** Absolute URI of docs/diagnostics.md; each rule links to its code's section. */
  readonly diagnosticsPageUri: string;
  /** Absolute URI of the workspace folder (ending in `/`) when the log should say where %SRCROOT% was. */
  readonly workspaceFolderUri?: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

// SARIF has no "hint": `note` is its lowest level that viewers still show.
const LEVELS: Record<ProblemSeverity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatProblemsAsSarif(problems: readonly ReportedProblem[], options: SarifOptions): Log {
  const sorted = sortReportedProblems(problems);
  const codes = [...new Set(sorted.map((problem) => problem.code))].sort();
  const ruleIndexes = new Map(codes.map((code, index) => [code, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'press-corpus',
            version: options.toolVersion,
            informationUri: options.informationUri,
            rules: codes.map((code) => toRule(code, options)),
          },
        },
        // Columns and char offsets below count UTF-16 units, as the editor and the engine's spans do.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: {
          [SOURCE_ROOT]: options.workspaceFolderUri
            ? { uri: options.workspaceFolderUri }
            : { description: { text: 'The workspace folder the corpus paths are relative to.' } },
        },
        results: sorted.map((problem) => toResult(problem, ruleIndexes.get(problem.code)!)),
      },
    ],
  };
}

function toRule(code: ProblemCode, options: SarifOptions): ReportingDescriptor {
  const { severity, summary } = PROBLEM_CODES[code];
  return {
    id: code,
    shortDescription: { text: summary },
    helpUri: getDiagnosticHelpUri(options.diagnosticsPageUri, code),
    defaultConfiguration: { level: LEVELS[severity] },
  };
}

function toResult(problem: ReportedProblem, ruleIndex: number): Result {
  return {
    ruleId: problem.code,
    ruleIndex,
    level: LEVELS[problem.severity],
    message: { text: problem.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePathAsUriReference(problem.path), uriBaseId: SOURCE_ROOT },
          region: {
            startLine: problem.line,
            startColumn: problem.column,
            endLine: problem.endLine,
            endColumn: problem.endColumn,
            charOffset: problem.span.start,
            charLength: problem.span.end - problem.span.start,
          },
        },
      },
    ],
  };
}
