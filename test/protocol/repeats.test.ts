// Repeated passages over stdio: the Rada speech and the Kyiv press conference in 000_… share runs of sentences.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeLens, Location } from 'vscode-languageserver-protocol';
import { LspTestClient, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';

let workspace: TestWorkspace;
let client: LspTestClient;
const SEED = 'seeds/000_248d20a5422f2a6b.txt';

before(async () => ({ workspace, client } = await startIndexedServer({ files: 5 })));

after(() => stopIndexedServer({ workspace, client }));

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

test('a run of sentences the press conference repeats gets a lens pointing at it, and back', async () => {
  const uri = workspace.uriOf(SEED);
  const text = readFileSync(join(workspace.root, SEED), 'utf8');
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const speechLine = lineOf(text, 'Stocks can and will be replenished.');
  const conferenceLine = text.slice(0, text.lastIndexOf('Stocks can and will be replenished.')).split('\n').length - 1;
  const inSpeech = lenses.find((lens) => lens.range.start.line === speechLine)!;
  assert.ok(inSpeech, `no lens on line ${speechLine}: ${lenses.map((l) => l.range.start.line)}`);
  assert.match(inSpeech.command!.title, /^Repeated in “Press conference with NATO Secretary General/);
  assert.equal(inSpeech.command!.command, 'pressCorpus.showRepeats');
  const targets = inSpeech.command!.arguments![2] as Location[];
  assert.deepEqual(
    targets.map((t) => [t.uri, t.range.start.line]),
    [[uri, conferenceLine]],
  );
  const back = lenses.find((lens) => lens.range.start.line === conferenceLine)!;
  assert.match(back.command!.title, /^Repeated in “Speech by NATO Secretary General/);
});

test('a file that repeats nothing has no lenses; an edit of one sentence moves the run’s lens', async () => {
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: workspace.uriOf('seeds/004_7b58161f0802afcc.txt') } }), []);
  const uri = workspace.uriOf(SEED);
  const text = readFileSync(join(workspace.root, SEED), 'utf8');
  const speechLine = lineOf(text, 'Stocks can and will be replenished.');
  // Only the speech's copy changes; the run now starts at the next sentence, "Lives lost can never be regained."
  await client.open(uri, text.replace('Stocks can and will be replenished.', 'Stocks will be refilled, one way or another, soon.'));
  const lines = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map((lens) => lens.range.start.line);
  assert.ok(!lines.includes(speechLine), `still a lens on ${speechLine}`);
  assert.ok(lines.includes(speechLine + 1), `no lens on ${speechLine + 1}: ${lines}`);
});
