// Two editor windows (two server processes) tagging the same corpus file at the same time lose nothing: each
// adds 200 tags, in overlapping bursts, and the tag file ends with all 400 records, each id once. Then four
// windows tag while a person saves the tag file by hand, in place and by rename (scripts/stressTags.ts, 10 s
// here; run the script for the long version): every acknowledged tag and every hand edit is in the file.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { runTagStress } from '../../scripts/stressTags';
import { createTestWorkspace, LspTestClient } from '../support/lspClient';

const SEED = 'seeds/000_248d20a5422f2a6b.txt';
const TAGS_PER_WINDOW = 200;
/** Requests in flight per window: bursts like a fast analyst or a script, so the two processes interleave. */
const BURST = 10;

test('two server processes add 200 tags each to the same file concurrently; all 400 are there', async () => {
  const workspace = createTestWorkspace();
  const windows = await Promise.all([LspTestClient.start(workspace.root), LspTestClient.start(workspace.root)]);
  try {
    await Promise.all(windows.map((w) => w.waitForLog(/Indexed \d+ corpus files/)));
    const uri = workspace.uriOf(SEED);
    const lines = readFileSync(join(workspace.root, SEED), 'utf8').split('\n');
    const textLines = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.trim().length > 10);

    const started = Date.now();
    const ids = await Promise.all(
      windows.map(async (window, w) => {
        const mine: string[] = [];
        for (let burst = 0; burst < TAGS_PER_WINDOW / BURST; burst++) {
          const answers = await Promise.all(
            Array.from({ length: BURST }, (_, k) => {
              const n = burst * BURST + k;
              const { line, index } = textLines[n % textLines.length];
              const range = { start: { line: index, character: 0 }, end: { line: index, character: Math.min(line.length, 12 + (n % 20)) } };
              return window.request<{ id: string }>('workspace/executeCommand', {
                command: 'pressCorpus.tagPassage',
                arguments: [{ uri, range, tags: [`window-${w}`, `n${n}`] }],
              });
            }),
          );
          mine.push(...answers.map((answer) => answer.id));
        }
        return mine;
      }),
    );
    const elapsed = Date.now() - started;

    const file = parseTagFile(readFileSync(join(workspace.root, 'annotations', '000_248d20a5422f2a6b.yaml'), 'utf8'));
    assert.deepEqual(file.problems, []);
    const written = file.records.map((record) => record.id);
    assert.equal(written.length, 2 * TAGS_PER_WINDOW);
    assert.equal(new Set(written).size, 2 * TAGS_PER_WINDOW);
    assert.deepEqual([...written].sort(), [...ids[0], ...ids[1]].sort());
    for (let w = 0; w < 2; w++) {
      const numbers = file.records.filter((r) => r.tags[0] === `window-${w}`).map((r) => Number(r.tags[1].slice(1)));
      assert.deepEqual(
        numbers.sort((a, b) => a - b),
        Array.from({ length: TAGS_PER_WINDOW }, (_, n) => n),
      );
    }
    // No lock or temporary file is left behind.
    assert.deepEqual(readdirSync(join(workspace.root, 'annotations')), ['000_248d20a5422f2a6b.yaml']);
    console.log(`# 2 × ${TAGS_PER_WINDOW} concurrent tags in ${elapsed} ms`);
  } finally {
    await Promise.all(windows.map((w) => w.stop()));
    workspace.dispose();
  }
});

test('four server processes tag while the tag file is saved by hand in place and by rename; nothing is lost', async () => {
  // A save every ~300 ms.
  const result = await runTagStress(10, 4, 300);
  console.log(`# ${JSON.stringify(result)}`);
  assert.ok(result.acknowledged > 0 && result.handEdits > 0, 'the stress did not run');
  assert.equal(result.acknowledgedPresent, result.acknowledged, 'acknowledged tags were lost');
  assert.equal(result.handEditsPresent, result.handEdits, 'hand edits were lost');
  assert.ok(result.fileParses);
});
