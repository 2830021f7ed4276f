// Quick fixes, applied to the fixture text: what the analyst's file looks like after the fix.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { computeQuickFixes } from '../../server/src/features/quickFixes';
import { parseFixture } from '../support/fixture';

function applyFirstFix(fixture: string, code: string, nth = 0): string {
  const { main, index } = parseFixture(fixture);
  const problem = computeFileProblems(index, main.uri).filter((p) => p.code === code)[nth];
  const fix = computeQuickFixes(index, main.uri, code, problem.span)[0];
  return [...fix.edits].sort((a, b) => b.span.start - a.span.start).reduce((text, edit) => text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end), main.text);
}

test('missing Source: inserts the corpus’s most common source under the title', () => {
  const fixed = applyFirstFix(`//- seeds/a.txt
Allies meet in Brussels

Allies met today.
//- seeds/b.txt
Allies meet in Oslo

Source: NATO

Allies met in Oslo.
`, 'release.missing-source');
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
  const { main, index } = parseFixture('Allies meet in Brussels\n\nSource: NATO\n\nThe report can be accessed here.\n');
  const problem = computeFileProblems(index, main.uri)[0];
  assert.equal(problem.code, 'release.dangling-reference');
  assert.deepEqual(computeQuickFixes(index, main.uri, problem.code, problem.span), []);
});
