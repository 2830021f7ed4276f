// The initial scan runs on worker threads (host/scanWorkerPool.ts): the server still exits promptly and cleanly
// when the editor asks it to in the middle of a scan, workers and all.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestWorkspace, LspTestClient } from '../support/lspClient';

/** Copies of the seeds: enough files that the scan is still under way when the editor shuts the server down. */
const COPIES = 200;

test('shut down in the middle of the initial scan, the server exits with code 0 (its workers keep nothing alive)', { timeout: 60_000 }, async () => {
  const workspace = createTestWorkspace();
  try {
    const seeds = join(workspace.root, 'seeds');
    const names = readdirSync(seeds);
    for (let copy = 0; copy < COPIES; copy++) {
      const folder = join(seeds, `copy-${String(copy).padStart(3, '0')}`);
      mkdirSync(folder);
      for (const name of names) copyFileSync(join(seeds, name), join(folder, name));
    }
    // A worker even on two cores, where the server scans without one by default.
    process.env.PRESS_CORPUS_SCAN_WORKERS = '1';
    const client = await LspTestClient.start(workspace.root);
    delete process.env.PRESS_CORPUS_SCAN_WORKERS;
    const scanning = await client.waitForStatus((status) => status.state === 'indexing' && status.filesIndexed > 0);
    assert.ok(scanning.filesIndexed < scanning.filesTotal, 'the scan had already ended: too few files to test shutting down during it');
    assert.equal(await client.shutdownAndWaitForExit(), 0);
    client.connection.dispose();
  } finally {
    workspace.dispose();
  }
});
