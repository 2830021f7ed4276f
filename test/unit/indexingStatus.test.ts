// Whether the corpus is fully indexed, on the in-memory host: the status is 'indexing' while the scan reads
// files, 'ready' with the settled counts once the background indexes have caught up, and answers can wait for
// the end of the scan. No disk, no LSP.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusWorkspace } from '../../server/src/engine/corpusWorkspace';
import { CorpusStatus } from '../../server/src/engine/indexingStatus';
import { MemoryHost } from '../../server/src/engine/memoryHost';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

const ROOT = 'file:///w';
const RELEASE = (title: string) => `${title}\n\nSource: NATO\n\nNATO Allies met today to discuss the summit in Washington and its outcome.\n`;

test('the status goes from indexing (files read so far) to ready (files, releases, problems of the corpus)', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 45; i++) files[`${ROOT}/seeds/${String(i).padStart(2, '0')}.txt`] = RELEASE(`Allies meet, part ${i}`);
  files[`${ROOT}/seeds/copy.txt`] = RELEASE('Allies meet, part 0'); // a duplicate: one problem in each of two files
  files[`${ROOT}/seeds/untitled.txt`] = 'NATO Allies met today.\n';
  const workspace = new CorpusWorkspace(new MemoryHost(files), [ROOT], DEFAULT_SETTINGS);
  const statuses: CorpusStatus[] = [];
  const ready = new Promise<CorpusStatus>((resolve) =>
    workspace.status.onDidChange((status) => {
      statuses.push(status);
      if (status.state === 'ready') resolve(status);
    }),
  );
  assert.equal(workspace.status.complete, false);
  const completeBeforeScan = workspace.status.whenComplete(60000);
  await workspace.scan();
  assert.equal(await completeBeforeScan, true);
  const settled = await ready;

  assert.deepEqual(statuses[0], { state: 'indexing', filesIndexed: 0, filesTotal: 47, releases: 0, problems: 0 });
  assert.ok(statuses.slice(0, -1).every((status) => status.state === 'indexing'));
  const expectedProblems = [...workspace.corpus.files.getFiles()].reduce((n, f) => n + f.parsed.problems.length, 0) + 2;
  assert.deepEqual(settled, { state: 'ready', filesIndexed: 47, filesTotal: 47, releases: workspace.corpus.files.size, problems: expectedProblems });
  workspace.dispose();
});

test('an empty corpus is ready as soon as its scan ends', async () => {
  const workspace = new CorpusWorkspace(new MemoryHost({}), [ROOT], DEFAULT_SETTINGS);
  const statuses: CorpusStatus[] = [];
  workspace.status.onDidChange((status) => statuses.push(status));
  await workspace.scan();
  assert.deepEqual(
    statuses.map((s) => s.state),
    ['indexing', 'ready'],
  );
  workspace.dispose();
});
