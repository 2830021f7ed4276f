// @vscode/test-cli: runs test/vscode/suite/ (compiled to out/) in a VS Code extension host.
// VS Code desktop: downloaded by @vscode/test-electron, or the one in VSCODE_EXECUTABLE. Where neither is
// possible, VSCODE_EXECUTABLE=test/vscode/codeServerShim.mjs runs the same suite in code-server.
// `npm test` runs it from test/vscode/vscodeTest.test.ts; by hand after `tsc -p .`: `npx vscode-test`.
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@vscode/test-cli';

/** The tests run on a copy: seeds/ is read-only input, and tagging writes annotations/. */
function copyCorpus() {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-vscode-test-'));
  for (const dir of ['seeds', 'annotations'].filter((name) => existsSync(name))) cpSync(dir, join(root, dir), { recursive: true });
  return root;
}

export default defineConfig({
  files: 'out/test/vscode/suite/**/*.vscode.js',
  workspaceFolder: process.env.PRESS_CORPUS_TEST_WORKSPACE ?? copyCorpus(),
  useInstallation: process.env.VSCODE_EXECUTABLE ? { fromPath: process.env.VSCODE_EXECUTABLE } : undefined,
  launchArgs: ['--disable-extensions'],
  mocha: { ui: 'tdd', timeout: 60000, color: false },
});
