// The command line's persistent index (.cache/press-corpus/ under the workspace folder): a second run reads the
// unchanged files from it and prints the same; --no-cache neither reads nor writes it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createTestWorkspace, REPO_ROOT } from '../support/lspClient';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const workspace = createTestWorkspace();
const seedCount = readdirSync(join(workspace.root, 'seeds')).length;
after(() => workspace.dispose());

function run(args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: workspace.root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return { stdout: result.stdout, stderr: result.stderr };
}

test('--no-cache leaves no persistent index behind', () => {
  const result = run(['entities', '--no-cache']);
  assert.match(result.stderr, /\(0 from the persistent index\)/);
  assert.equal(existsSync(join(workspace.root, '.cache')), false);
});

test('a second run reads every unchanged file from .cache/press-corpus/ and prints the same', () => {
  const first = run(['entities']);
  assert.match(first.stderr, /\(0 from the persistent index\)/);
  assert.ok(existsSync(join(workspace.root, '.cache', 'press-corpus')));
  const second = run(['entities']);
  assert.match(second.stderr, new RegExp(`indexed ${seedCount} files \\(${seedCount} from the persistent index\\)`));
  assert.equal(second.stdout, first.stdout);
  assert.equal(run(['entities', '--no-cache']).stdout, first.stdout);
  rmSync(join(workspace.root, '.cache'), { recursive: true });
});
