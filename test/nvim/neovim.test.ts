// Neovim 0.7 as a third-party LSP client of `node dist/server.js --stdio` (test/nvim/probe.lua): document
// symbols of seeds/000, a cross-reference jump there (Go to Definition on a sentence of the Rada speech lands in
// the Kyiv press conference), the server's word that indexing is over, and a hover on "Stoltenberg" in seeds/003
// with the settled count. Skipped, with the reason, without `nvim` (`.ci/run` installs it; `apt-get install neovim`).

import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { createTestWorkspace, REPO_ROOT, SERVER_PATH } from '../support/lspClient';

const PROBE = join(REPO_ROOT, 'test', 'nvim', 'probe.lua');

/** 0-based line and UTF-16 character of `needle` plus `offset` in a workspace file, as LSP counts them. */
function lspPosition(path: string, needle: string, offset: number): { line: number; character: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  assert.ok(line >= 0, `${needle} not in ${path}`);
  return { line, character: lines[line].indexOf(needle) + offset };
}

test(
  'Neovim gets document symbols, a cross-reference jump, the ready status and a hover with the settled count from the server',
  { timeout: 90000 },
  async (t) => {
    if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).error) return t.skip('nvim is not installed (apt-get install neovim)');
    const workspace = createTestWorkspace();
    try {
      const hoverFile = join(workspace.root, 'seeds', '003_d0123674c22c2241.txt');
      const { line, character } = lspPosition(hoverFile, 'Jens Stoltenberg said', 'Jens Sto'.length);
      const speechFile = join(workspace.root, 'seeds', '000_248d20a5422f2a6b.txt');
      const inSpeech = lspPosition(speechFile, 'Stocks can and will be replenished.', 3);
      const speechText = readFileSync(speechFile, 'utf8');
      const conferenceLine = speechText.slice(0, speechText.lastIndexOf('Stocks can and will be replenished.')).split('\n').length - 1;
      const env = {
        ...process.env,
        PROBE_SERVER: SERVER_PATH,
        PROBE_ROOT: workspace.root,
        PROBE_HOVER_FILE: hoverFile,
        PROBE_HOVER_LINE: String(line),
        PROBE_HOVER_CHARACTER: String(character),
        PROBE_DEFINITION_LINE: String(inSpeech.line),
        PROBE_DEFINITION_CHARACTER: String(inSpeech.character),
        // Neovim's log, swap and shada files go to the throw-away workspace, not $HOME.
        XDG_CACHE_HOME: join(workspace.root, '.nvim'),
        XDG_DATA_HOME: join(workspace.root, '.nvim'),
        XDG_STATE_HOME: join(workspace.root, '.nvim'),
      };
      const { stdout } = await promisify(execFile)('nvim', ['--headless', '--clean', '-c', `luafile ${PROBE}`, 'seeds/000_248d20a5422f2a6b.txt'], {
        cwd: workspace.root,
        env,
        timeout: 60000,
      }).catch((error) => {
        throw new Error(`nvim probe failed: ${error.message}\n${error.stdout ?? ''}`);
      });
      t.diagnostic(stdout.trim());
      assert.match(stdout, /^symbol: Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine \(/m);
      assert.match(stdout, /^symbol: Chair of the NATO Military Committee visits Belgium \(/m);
      assert.match(stdout, /^hover: .*Jens Stoltenberg/m);
      assert.match(stdout, /^status: ready, 5 of 5 files, \d+ releases, \d+ problems$/m);
      // The settled count for the five seeds (the protocol tests see the same once indexed), never "so far".
      assert.match(stdout, /^hover: 59 mentions in 16 releases:$/m);
      assert.ok(conferenceLine > inSpeech.line);
      assert.match(stdout, new RegExp(`^definition: 000_248d20a5422f2a6b\\.txt line ${conferenceLine}$`, 'm'));
    } finally {
      workspace.dispose();
    }
  },
);
