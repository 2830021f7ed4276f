// `press-corpus check --format sarif`: the log is valid SARIF 2.1.0 (checked against the OASIS schema that
// @microsoft/jest-sarif ships), names each file relative to %SRCROOT%, counts columns in UTF-16 units, and
// describes every code it uses with a link to its section of docs/diagnostics.md.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { PROBLEM_CODES } from '../../server/src/corpus/problemCodes';
import { formatProblemsAsSarif, SarifOptions } from '../../server/src/features/exchange/sarif';
import { createSarifValidator } from '../support/exchangeValidators';
import { reportFixtureProblems, REPOSITORY_ROOT } from './exchangeFixture';

const CORPUS = `//- seeds/001_second.txt
Doorstep statement in Vilnius

Source: NATO

We will stand with Ukraine, including:

//- seeds/000 first.txt
Speech at the Verkhovna Rada 🇺🇦

It is an honour to address this House once again, 𠀋 said the speaker.
Dmytro Shkurko (Ukrinform): [inaudible]
`;

const OPTIONS: SarifOptions = {
  toolVersion: '0.1.0',
  informationUri: 'https://example.org/press-corpus',
  diagnosticsPageUri: 'https://example.org/press-corpus/docs/diagnostics.md',
};

const validateSarif = createSarifValidator();

function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
}

/** One line per result: rule, level, file and region as a SARIF viewer would place it. */
function renderResults(log: Log): string {
  return log.runs[0]
    .results!.map((result) => {
      const location = result.locations![0].physicalLocation!;
      const region = location.region!;
      const rule = log.runs[0].tool.driver.rules![result.ruleIndex!];
      assert.equal(rule.id, result.ruleId, 'ruleIndex points at the rule of ruleId');
      return `${result.ruleId} ${result.level} ${location.artifactLocation!.uriBaseId}/${location.artifactLocation!.uri}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} @${region.charOffset}+${region.charLength}`;
    })
    .join('\n');
}

test('the SARIF log of real problems is valid SARIF 2.1.0 and places each result by file and UTF-16 region', () => {
  const log = formatProblemsAsSarif(reportFixtureProblems(CORPUS), OPTIONS);
  assertValidSarif(log);
  assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  assert.equal(log.runs[0].tool.driver.name, 'press-corpus');
  // Sorted by file; the space in the file name is percent-encoded; the flag emoji counts 4 UTF-16 units.
  assert.equal(
    renderResults(log),
    [
      'release.missing-source warning %SRCROOT%/seeds/000%20first.txt:1:1-1:34 @0+33',
      'transcript.inaudible note %SRCROOT%/seeds/000%20first.txt:4:29-4:40 @134+11',
      'release.truncated warning %SRCROOT%/seeds/001_second.txt:5:1-5:39 @45+38',
    ].join('\n'),
  );
});

test('each code used has one rule with its description, level and docs link; unused codes have none', () => {
  const log = formatProblemsAsSarif(reportFixtureProblems(CORPUS), OPTIONS);
  assert.deepEqual(
    log.runs[0].tool.driver.rules!.map((rule) => `${rule.id} ${rule.defaultConfiguration!.level} ${rule.helpUri} “${rule.shortDescription!.text}”`),
    [
      `release.missing-source warning ${OPTIONS.diagnosticsPageUri}#release-missing-source “${PROBLEM_CODES['release.missing-source'].summary}”`,
      `release.truncated warning ${OPTIONS.diagnosticsPageUri}#release-truncated “${PROBLEM_CODES['release.truncated'].summary}”`,
      `transcript.inaudible note ${OPTIONS.diagnosticsPageUri}#transcript-inaudible “${PROBLEM_CODES['transcript.inaudible'].summary}”`,
    ],
  );
});

test('%SRCROOT% names the workspace folder when it is known, and the log stays valid either way', () => {
  const problems = reportFixtureProblems(CORPUS);
  const withFolder = formatProblemsAsSarif(problems, { ...OPTIONS, workspaceFolderUri: 'file:///home/ana/corpus/' });
  assertValidSarif(withFolder);
  assert.deepEqual(withFolder.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/ana/corpus/' } });
  const withoutFolder = formatProblemsAsSarif(problems, OPTIONS);
  assert.equal(withoutFolder.runs[0].originalUriBaseIds!['%SRCROOT%'].uri, undefined);
});

test('no problems make a valid log with no results', () => {
  const log = formatProblemsAsSarif([], OPTIONS);
  assertValidSarif(log);
  assert.deepEqual([log.runs[0].results, log.runs[0].tool.driver.rules], [[], []]);
});

test('the problems of every seed file make a valid log, one result per problem', () => {
  const seeds = readdirSync(join(REPOSITORY_ROOT, 'seeds')).filter((name) => name.endsWith('.txt'));
  const fixture = seeds.map((name) => `//- seeds/${name}\n${readFileSync(join(REPOSITORY_ROOT, 'seeds', name), 'utf8')}`).join('\n');
  const problems = reportFixtureProblems(fixture);
  assert.ok(problems.length > 0, 'the seeds have problems to report');
  const log = formatProblemsAsSarif(problems, OPTIONS);
  assertValidSarif(log);
  assert.equal(log.runs[0].results!.length, problems.length);
});

test('the schema check rejects broken logs (so the checks above can fail)', () => {
  const broken: Array<[string, (log: any) => void]> = [
    ['no version', (log) => delete log.version],
    ['an unknown level', (log) => (log.runs[0].results[0].level = 'fatal')],
    ['line 0', (log) => (log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)],
    ['a message without text', (log) => (log.runs[0].results[0].message = {})],
    ['no tool', (log) => delete log.runs[0].tool],
  ];
  for (const [what, breakLog] of broken) {
    const log = JSON.parse(JSON.stringify(formatProblemsAsSarif(reportFixtureProblems(CORPUS), OPTIONS)));
    breakLog(log);
    assert.equal(validateSarif(log), false, `a log with ${what} must be invalid`);
  }
});
