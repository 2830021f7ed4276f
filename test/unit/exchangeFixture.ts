// Problems of fixture corpora as the command line reports them (path, 1-based line/column in UTF-16 units), for
// the exchange format tests: the engine finds them, the formats print them.

import { resolve } from 'node:path';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { LineTable } from '../../server/src/engine/lineTable';
import { ReportedProblem } from '../../server/src/features/exchange/reportedProblem';
import { toReportedProblem } from '../../server/src/cli/checkCommand';
import { parseFixture } from '../support/fixture';

/** The repository, from out/test/unit where the compiled tests run. */
export const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');

export function reportFixtureProblems(source: string): ReportedProblem[] {
  const { files, corpus } = parseFixture(source);
  return files.flatMap((file) => computeFileProblems(corpus, file.uri).map((problem) => toReportedProblem(file.path, problem, new LineTable(file.text))));
}
