// Problems of fixture corpora as the command line reports them (path, 1-based line/column in UTF-16 units), for
// the exchange format tests: the engine finds them, the formats print them.

import { resolve } from 'node:path';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { ReportedProblem } from '../../server/src/features/exchange/reportedProblem';
import { parseFixture } from '../support/fixture';

/** The repository, from out/test/unit where the compiled tests run. */
export const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');

export function reportFixtureProblems(source: string): ReportedProblem[] {
  const { files, index } = parseFixture(source);
  return files.flatMap((file) =>
    computeFileProblems(index, file.uri).map((problem) => {
      const start = getLineColumn(file.text, problem.span.start);
      const end = getLineColumn(file.text, problem.span.end);
      return {
        path: file.path,
        span: problem.span,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        code: problem.code,
        severity: problem.severity,
        message: problem.message,
      };
    }),
  );
}

function getLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
