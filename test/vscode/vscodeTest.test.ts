// Runs the extension-host suite (test/vscode/suite/) with @vscode/test-cli, which drives @vscode/test-electron:
// 1. in VS Code desktop, given by VSCODE_EXECUTABLE or downloaded; skipped, with the reason, where neither
//    is possible (no download host here), never passed without running;
// 2. in code-server, through codeServerShim.mjs standing in for the `code` executable: runs everywhere.

import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test, TestContext } from 'node:test';
import { promisify } from 'node:util';
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { createEditorWorkspace } from '../e2e/support/realEditor';
import { REPO_ROOT } from '../support/lspClient';

const SHIM = join(REPO_ROOT, 'test', 'vscode', 'codeServerShim.mjs');
const TEST_CLI = join(REPO_ROOT, 'node_modules', '@vscode', 'test-cli', 'out', 'bin.mjs');
const RUN_TIMEOUT_MS = 8 * 60000;

/** `vscode-test` with the given executable; resolves with its output, rejects with it on a non-zero exit. */
async function runTestCli(executable: string, wrapper: string[] = []): Promise<string> {
  const workspace = createEditorWorkspace();
  const env: NodeJS.ProcessEnv = { ...process.env, VSCODE_EXECUTABLE: executable, PRESS_CORPUS_TEST_WORKSPACE: workspace.root };
  delete env.NODE_TEST_CONTEXT; // else the child node reports to this test runner instead of printing
  const [command, ...args] = [...wrapper, process.execPath, TEST_CLI];
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: REPO_ROOT, env, timeout: RUN_TIMEOUT_MS, maxBuffer: 64 << 20 });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`vscode-test failed: ${message}\n${stdout}${stderr}`, { cause: error });
  } finally {
    workspace.dispose();
  }
}

/** The desktop VS Code to use, or the reason there is none. */
async function findVsCode(): Promise<{ executable?: string; reason?: string }> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) return { executable: given };
  try {
    return { executable: await downloadAndUnzipVSCode({ version: 'stable', timeout: 30000 }) };
  } catch (error) {
    return { reason: `VSCODE_EXECUTABLE is unset and VS Code cannot be downloaded (${(error as Error).message})` };
  }
}

function printReport(t: TestContext, output: string): void {
  t.diagnostic(
    output
      .split('\n')
      .filter((line) => /✔|passing|failing|skipped|\d\)/.test(line))
      .join('\n'),
  );
}

test('extension-host suite in VS Code desktop (@vscode/test-cli)', { timeout: RUN_TIMEOUT_MS + 60000 }, async (t) => {
  const { executable, reason } = await findVsCode();
  if (!executable) return t.skip(`no VS Code: ${reason}`);
  let wrapper: string[] = [];
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) return t.skip('no VS Code display: DISPLAY is unset and xvfb-run is not installed');
    wrapper = ['xvfb-run', '-a'];
  }
  const output = await runTestCli(executable, wrapper);
  printReport(t, output);
  assert.match(output, /\d+ passing/);
});

test('extension-host suite in code-server (@vscode/test-cli through codeServerShim.mjs)', { timeout: RUN_TIMEOUT_MS + 60000 }, async (t) => {
  const output = await runTestCli(SHIM);
  printReport(t, output);
  assert.match(output, /\d+ passing/);
  assert.doesNotMatch(output, /\d+ failing/);
});
