// Quick fixes, applied to the fixture text: what the analyst's file looks like after the fix.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProblemCode } from '../../server/src/corpus/model';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { parseFixture } from '../support/fixture';

function applyFirstFix(fixture: string, code: ProblemCode, nth = 0): string {
  const { main, corpus } = parseFixture(fixture);
  const problem = computeFileProblems(corpus, main.uri).filter((p) => p.code === code)[nth];
  const fix = problem.fixes![0];
  return [...fix.edits]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((text, edit) => text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end), main.text);
}

test('missing Source: inserts the corpus’s most common source under the title', () => {
  const fixed = applyFirstFix(
    `//- seeds/a.txt
Allies meet in Brussels

Allies met today.
//- seeds/b.txt
Allies meet in Oslo

Source: NATO

Allies met in Oslo.
`,
    'release.missing-source',
  );
  assert.equal(fixed, 'Allies meet in Brussels\n\nSource: NATO\n\nAllies met today.\n');
});

test('web chrome: deletes the block and the blank lines after it, or before it at the end of the file', () => {
  const page = `Here's how you know

Allies meet in Brussels

Allies met today.

Related Stories
`;
  assert.equal(applyFirstFix(page, 'release.boilerplate', 0), 'Allies meet in Brussels\n\nAllies met today.\n\nRelated Stories\n');
  assert.equal(applyFirstFix(page, 'release.boilerplate', 1), "Here's how you know\n\nAllies meet in Brussels\n\nAllies met today.");
});

test('problems without an obvious fix offer none', () => {
  const { main, corpus } = parseFixture('Allies meet in Brussels\n\nSource: NATO\n\nThe report can be accessed here.\n');
  const problem = computeFileProblems(corpus, main.uri)[0];
  assert.equal(problem.code, 'release.dangling-reference');
  assert.equal(problem.fixes, undefined);
});
