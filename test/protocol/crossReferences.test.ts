// Cross-references over stdio, as any LSP editor asks for them: Go to Definition and Find References on a
// recurring passage, the hover saying where it was first said, the related releases of the Jeju Forum speech, and
// a phrase citing an event ("the Washington Summit in July") landing on the event.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeLens, DocumentHighlight, Hover, Location, Position } from 'vscode-languageserver-protocol';
import type { RelatedReleaseInfo } from '../../server/src/protocol';
import { LspTestClient, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';

let workspace: TestWorkspace;
let client: LspTestClient;
const RADA = 'seeds/000_248d20a5422f2a6b.txt';
const JEJU = 'seeds/001_c663de886b0de6a8.txt';
const STOCKS = 'Stocks can and will be replenished.';

before(async () => ({ workspace, client } = await startIndexedServer({ files: 5 })));

after(() => stopIndexedServer({ workspace, client }));

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function read(path: string): string {
  return readFileSync(join(workspace.root, path), 'utf8');
}

test('Go to Definition on a sentence of the Rada speech lands on it in the Kyiv press conference, and back', async () => {
  const uri = workspace.uriOf(RADA);
  const text = read(RADA);
  const inSpeech = positionOf(text, text.indexOf(STOCKS) + 3);
  const inConference = positionOf(text, text.lastIndexOf(STOCKS) + 3);
  const there = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: inSpeech });
  assert.deepEqual(
    there.map((l) => [l.uri, l.range.start.line]),
    [[uri, inConference.line]],
  );
  const back = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: inConference });
  assert.deepEqual(
    back.map((l) => [l.uri, l.range.start.line]),
    [[uri, inSpeech.line]],
  );
  const references = await client.request<Location[]>('textDocument/references', {
    textDocument: { uri },
    position: inSpeech,
    context: { includeDeclaration: true },
  });
  assert.deepEqual(
    references.map((l) => l.range.start.line).sort((a, b) => a - b),
    [inSpeech.line, inConference.line],
  );
  const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: inSpeech });
  assert.deepEqual(
    highlights.map((h) => h.range.start.line).sort((a, b) => a - b),
    [inSpeech.line, inConference.line],
  );
});

test('the hover on a recurring passage says where it was first said and how the other copy matches', async () => {
  const uri = workspace.uriOf(RADA);
  const text = read(RADA);
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, text.indexOf(STOCKS) + 3) });
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /^\*\*First said in Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine \(here\)\*\* · also in 1 release/);
  assert.match(value, /- verbatim in Press conference with NATO Secretary General .*: “Stocks can and will be replenished\.”/);
});

test('a sentence said once answers no definition', async () => {
  const uri = workspace.uriOf('seeds/004_7b58161f0802afcc.txt');
  const text = read('seeds/004_7b58161f0802afcc.txt');
  const word = text.indexOf('underlined that NATO stands in full solidarity');
  assert.ok(word > 0);
  assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: positionOf(text, word + 3) }), []);
});

test('the Jeju Forum speech and its summary are related: command, references and code lens on the title', async () => {
  const uri = workspace.uriOf(JEJU);
  const text = read(JEJU);
  const speechTitle = positionOf(text, text.indexOf('Speech by NATO Secretary General Stoltenberg at the Jeju Forum'));
  const summaryTitle = positionOf(text, 0);
  const related = await client.request<RelatedReleaseInfo[]>('workspace/executeCommand', {
    command: 'pressCorpus.relatedReleases',
    arguments: [{ uri, position: { line: speechTitle.line + 4, character: 0 } }],
  });
  assert.equal(related[0].title, 'Secretary General welcomes NATO’s deepening partnerships in the Indo-Pacific region');
  assert.equal(related[0].date, '2024-05-30');
  assert.deepEqual(related[0].range.start, summaryTitle);
  assert.ok(related[0].reasons.includes('same event: Jeju Forum'), related[0].reasons.join(' · '));
  const references = await client.request<Location[]>('textDocument/references', {
    textDocument: { uri },
    position: { line: speechTitle.line, character: 3 },
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    references.map((l) => [l.uri, l.range.start.line]),
    related.map((r) => [r.uri, r.range.start.line]),
  );
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const onTitle = lenses.find((lens) => lens.range.start.line === speechTitle.line && /related release/.test(lens.command!.title))!;
  assert.equal(onTitle.command!.title, related.length === 1 ? '1 related release' : `${related.length} related releases`);
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: summaryTitle.line, character: 2 } });
  assert.match(
    (hover.contents as { value: string }).value,
    /Speech by NATO Secretary General Stoltenberg at the Jeju Forum in South Korea \(001_c663de886b0de6a8\.txt\) — same event: Jeju Forum/,
  );
});

test('Go to Definition on a phrase citing an event the corpus holds no release of lands on the event', async () => {
  // This workspace has no entities.yaml, so an entity's definition is its first mention in the corpus.
  const definitionAfter = async (path: string, phrase: string, word: string) => {
    const text = read(path);
    const at = text.indexOf(phrase) + phrase.indexOf(word) + 1;
    const locations = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: workspace.uriOf(path) },
      position: positionOf(text, at),
    });
    return locations.map((l) => {
      const lines = read(l.uri.slice(l.uri.indexOf('seeds/'))).split('\n');
      return `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line + 1} “${lines[l.range.start.line].slice(l.range.start.character, l.range.end.character)}”`;
    });
  };
  assert.deepEqual(await definitionAfter(JEJU, 'the Washington Summit in July', 'July'), ['000_248d20a5422f2a6b.txt:122 “Washington Summit”']);
  assert.deepEqual(await definitionAfter(RADA, 'the NATO-Ukraine Council I chaired just a few days ago', 'chaired'), [
    '000_248d20a5422f2a6b.txt:91 “NATO-Ukraine Council”',
  ]);
});
