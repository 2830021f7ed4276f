// The .vsix holds only what the installed extension reads (see .vscodeignore): the bundles, the manifest,
// grammar, schemas and docs. Installing and activating it is checked in workbench.test.ts.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

test('the .vsix file list (vsce ls) holds the bundles and no sources, seeds, tests or node_modules', () => {
  const files = execFileSync(join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const needed of [
    'package.json',
    'dist/extension.js',
    'dist/languageClient.js',
    'dist/server.js',
    'dist/scanWorker.js',
    'syntaxes/press-corpus.tmLanguage.json',
    'docs/diagnostics.md',
    'media/timeline.js',
    'media/timeline.css',
    'LICENSE',
  ]) {
    assert.ok(files.includes(needed), `${needed} is missing from the .vsix: ${files.join(', ')}`);
  }
  const unwanted = files.filter((file) => /^(seeds|annotations|server|client|test|scripts|out|node_modules|\.cache|test-results)\/|\.(ts|map)$/.test(file));
  assert.deepEqual(unwanted, [], 'files the extension does not need');
});
