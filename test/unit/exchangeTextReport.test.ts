// `press-corpus check` in a terminal and with `--format json`: one `file:line:col: severity code message` line
// per problem, by file and position, then the summary line.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReportedProblem } from '../../server/src/features/exchange/reportedProblem';
import { formatProblemsAsJson, formatProblemsAsText } from '../../server/src/features/exchange/textReport';
import { reportFixtureProblems } from './exchangeFixture';

const CORPUS = `//- seeds/b.txt
Doorstep statement in Vilnius

Source: NATO

We will stand with Ukraine, including:

//- seeds/a.txt
Speech at the Verkhovna Rada 🇺🇦

It is an honour to address this House once again.
Dmytro Shkurko (Ukrinform): [inaudible]
`;

test('the text report lists problems by file and position, then counts them', () => {
  assert.equal(
    formatProblemsAsText(reportFixtureProblems(CORPUS)),
    [
      'seeds/a.txt:1:1: warning release.missing-source “Speech at the Verkhovna Rada 🇺🇦” states no source. Add a “Source: …” line under the title.',
      'seeds/a.txt:4:29: information transcript.inaudible The transcript marks a passage as [inaudible]: its words are missing.',
      'seeds/b.txt:5:1: warning release.truncated “Doorstep statement in Vilnius” ends with a colon that introduces nothing: the text after it is missing.',
      '3 problems (0 errors, 2 warnings, 1 information) in 2 files',
      '',
    ].join('\n'),
  );
});

test('the summary says one in the singular, counts hints only when there are some, and reads well with none', () => {
  const problem: ReportedProblem = {
    path: 'seeds/a.txt',
    span: { start: 0, end: 4 },
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 5,
    code: 'file.binary',
    severity: 'error',
    message: 'Binary data:\nnot parsed.',
  };
  const hint: ReportedProblem = {
    ...problem,
    span: { start: 5, end: 6 },
    column: 6,
    endColumn: 7,
    code: 'release.photo-caption',
    severity: 'hint',
    message: 'A hint.',
  };
  assert.equal(
    formatProblemsAsText([problem]),
    'seeds/a.txt:1:1: error file.binary Binary data: not parsed.\n1 problem (1 error, 0 warnings, 0 information) in 1 file\n',
  );
  assert.equal(formatProblemsAsText([hint, problem]).split('\n').at(-2), '2 problems (1 error, 0 warnings, 0 information, 1 hint) in 1 file');
  assert.equal(formatProblemsAsText([]), '0 problems (0 errors, 0 warnings, 0 information) in 0 files\n');
});

test('the JSON report holds each problem with its place, code and docs link, and the counts', () => {
  const report = formatProblemsAsJson(reportFixtureProblems(CORPUS), 'https://example.org/docs/diagnostics.md');
  assert.deepEqual(report.summary, { problems: 3, errors: 0, warnings: 2, information: 1, hints: 0, files: 2 });
  assert.deepEqual(JSON.parse(JSON.stringify(report)).problems[1], {
    path: 'seeds/a.txt',
    line: 4,
    column: 29,
    endLine: 4,
    endColumn: 40,
    span: { start: 113, end: 124 },
    code: 'transcript.inaudible',
    severity: 'information',
    message: 'The transcript marks a passage as [inaudible]: its words are missing.',
    helpUri: 'https://example.org/docs/diagnostics.md#transcript-inaudible',
  });
  assert.equal(formatProblemsAsJson(reportFixtureProblems(CORPUS)).problems[0].helpUri, undefined);
});
