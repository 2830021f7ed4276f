// Honest counts while the corpus is indexed: pressCorpus/status goes from 'indexing' (files read so far) to
// 'ready' (the settled counts), and a hover asked during the initial scan of a large corpus says its counts are
// partial instead of stating them as final.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { createTestWorkspace, LspTestClient, TestWorkspace } from '../support/lspClient';

const SEED_003 = 'seeds/003_d0123674c22c2241.txt';
/** Copies of the seeds: enough files that the initial scan lasts well beyond the first hover. */
const COPIES = 200;

let workspace: TestWorkspace;
let client: LspTestClient;
let seedFiles: string[];

before(async () => {
  workspace = createTestWorkspace({ annotations: true });
  const seeds = join(workspace.root, 'seeds');
  seedFiles = readdirSync(seeds);
  for (let copy = 0; copy < COPIES; copy++) {
    const folder = join(seeds, `copy-${String(copy).padStart(3, '0')}`);
    mkdirSync(folder);
    for (const name of seedFiles) copyFileSync(join(seeds, name), join(folder, name));
  }
  client = await LspTestClient.start(workspace.root);
});

after(async () => {
  await client?.stop();
  workspace?.dispose();
});

function hoverOnStoltenberg(server: LspTestClient, root: TestWorkspace): Promise<Hover> {
  const text = readFileSync(join(root.root, SEED_003), 'utf8');
  const before = text.slice(0, text.indexOf('Stoltenberg said') + 3).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return server.request<Hover>('textDocument/hover', { textDocument: { uri: root.uriOf(SEED_003) }, position });
}

const COUNT_LINE = /^(Still indexing — so far: )?([\d,]+) mentions? in ([\d,]+) releases?(, in ([\d,]+) of ([\d,]+) files indexed)?:$/m;

test('a hover during the initial scan of a large corpus says its counts are partial, never states them as final', async () => {
  const filesTotal = seedFiles.length * (COPIES + 1);
  const first = await client.waitForStatus((status) => status.state === 'indexing' && status.filesTotal > 0);
  assert.equal(first.filesTotal, filesTotal);
  await client.open(workspace.uriOf(SEED_003), readFileSync(join(workspace.root, SEED_003), 'utf8'));
  const during = ((await hoverOnStoltenberg(client, workspace)).contents as MarkupContent).value;
  const statusAfterHover = client.statuses[client.statuses.length - 1];

  await client.waitForLog(/Indexed \d+ corpus files/, 120000);
  assert.ok(
    client.statuses.some((s) => s.state === 'indexing' && s.filesIndexed > 0 && s.filesIndexed < filesTotal),
    'no status reported progress during the scan',
  );
  const settled = ((await hoverOnStoltenberg(client, workspace)).contents as MarkupContent).value.match(COUNT_LINE);
  assert.ok(settled, 'the settled hover has no count line');
  assert.equal(settled[1], undefined, `the hover after the scan still says "so far": ${settled[0]}`);

  const partial = during.match(COUNT_LINE);
  assert.ok(partial, `the hover during the scan has no count line:\n${during}`);
  if (partial[1]) {
    // Partial, and says how much of the corpus it covers.
    assert.equal(partial[6], filesTotal.toLocaleString('en-US'));
    assert.ok(Number(partial[5].replace(/,/g, '')) < filesTotal);
    assert.ok(
      Number(partial[2].replace(/,/g, '')) < Number(settled[2].replace(/,/g, '')),
      'a partial count equals the settled one: the corpus is too small to tell',
    );
  } else {
    // Stated as final: then it must be the final count (the scan ended while the hover waited for it).
    assert.deepEqual([partial[2], partial[3]], [settled[2], settled[3]], `a partial count was stated as final: ${partial[0]}`);
  }
  // A scan of this many files outlasts the hover's short wait: the partial branch is the one exercised.
  assert.equal(statusAfterHover.state, 'indexing', 'the scan ended before the hover: make the corpus larger');
  assert.ok(partial[1], 'the hover during the scan was not marked partial');
});

test('pressCorpus/status goes from indexing to ready with the files, releases and problems of the corpus', async () => {
  const seedsOnly = createTestWorkspace({ annotations: true });
  const server = await LspTestClient.start(seedsOnly.root);
  try {
    const ready = await server.waitForStatus((status) => status.state === 'ready', 60000);
    // The scheduler may catch up during the scan, so `ready` can come just before the scan's log line.
    const indexedLog = await server.waitForLog(/Indexed/);
    assert.match(indexedLog, new RegExp(`Indexed ${seedFiles.length} corpus files, ${ready.releases} releases`));
    assert.deepEqual([ready.filesIndexed, ready.filesTotal], [seedFiles.length, seedFiles.length]);
    assert.equal(server.statuses[0].state, 'indexing');
    assert.ok(ready.problems > 0, 'the seeds have problems (seeds/003 has malformed sections)');
    const problemsPublished = seedFiles.map((name) => server.waitForDiagnostics(seedsOnly.uriOf(`seeds/${name}`)));
    const published = (await Promise.all(problemsPublished)).reduce((sum, diagnostics) => sum + diagnostics.length, 0);
    assert.equal(ready.problems, published);
  } finally {
    await server.stop();
    seedsOnly.dispose();
  }
});
