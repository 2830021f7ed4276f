// The closed set of problem codes (server/src/corpus/problemCodes.ts) and its documentation stay one: every code
// has a section in docs/diagnostics.md with the same severity, and the docs name no code the product lacks.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROBLEM_CODES } from '../../server/src/corpus/problemCodes';
import { REPO_ROOT } from '../support/lspClient';

test('the closed set of problem codes is exactly what docs/diagnostics.md documents, with the same severities', () => {
  const page = readFileSync(join(REPO_ROOT, 'docs/diagnostics.md'), 'utf8');
  const documented = [...page.matchAll(/^\*\*`([a-z.-]+)`\*\* \(([a-z]+)\)/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
  assert.ok(documented.length >= 20, 'the docs page lists the codes this way');
  assert.deepEqual(
    Object.entries(PROBLEM_CODES)
      .map(([code, rule]) => `${code} ${rule.severity}`)
      .sort(),
    documented,
  );
  for (const code of Object.keys(PROBLEM_CODES)) assert.match(page, new RegExp(`^## ${code.replace(/\./g, '-')}$`, 'm'), `a heading for ${code}`);
});
