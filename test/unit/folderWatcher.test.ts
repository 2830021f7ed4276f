// The server's own file watcher (for clients that cannot watch for it): changes reach the engine, also in a
// folder that did not exist when watching started (`annotations/` before the first tag is written).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { FileChange } from '../../server/src/engine/host';
import { canonicaliseUri } from '../../server/src/features/uris';
import { watchFolders } from '../../server/src/host/folderWatcher';

/** Waits for a report naming `uri`; file events take milliseconds, the bound only keeps a broken watcher from hanging. */
async function waitForReport(reported: FileChange[], uri: string): Promise<void> {
  for (let waited = 0; !reported.some((change) => change.uri === uri); waited += 50) {
    assert.ok(waited < 10_000, `no change reported for ${uri}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a folder created after watching started is watched: its files and their later changes are reported', async () => {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-watch-'));
  const reported: FileChange[] = [];
  const watcher = watchFolders([canonicaliseUri(pathToFileURL(root).href)], ['annotations/*.yaml'], (changes) => reported.push(...changes));
  try {
    const uri = canonicaliseUri(pathToFileURL(join(root, 'annotations', 'a.yaml')).href);
    mkdirSync(join(root, 'annotations'));
    writeFileSync(join(root, 'annotations', 'a.yaml'), 'corpusFile: a.txt\ntags: []\n');
    await waitForReport(reported, uri);
    reported.length = 0;
    writeFileSync(join(root, 'annotations', 'a.yaml'), 'corpusFile: a.txt\n# hand edit\ntags: []\n');
    await waitForReport(reported, uri);
  } finally {
    watcher.dispose();
    rmSync(root, { recursive: true, force: true });
  }
});
