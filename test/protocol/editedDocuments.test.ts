// After typing, a document reads as if it had just been opened with its new text: diagnostics, outline and folding
// ranges after incremental edits (each version's line table made from the one before) equal those after the
// editor sends the whole text again. The edits split and join lines, "\r\n" pairs included, and cross releases.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { createRandom } from '../../scripts/benchCorpus';
import { LspTestClient, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';

const SEED = 'seeds/000_248d20a5422f2a6b.txt';
const INSERTIONS = ['x', '\n', '\r\n', '\n\n', 'Source: NATO\n', '\r', 'Brussels, 6 May 2024\n\n'];

let workspace: TestWorkspace;
let client: LspTestClient;

before(async () => ({ workspace, client } = await startIndexedServer({ files: 5 })));

after(() => stopIndexedServer({ workspace, client }));

/** The LSP position of an offset, counted in the text itself (not with the server's tables). */
function toPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const breaks = [...before.matchAll(/\r\n|\r|\n/g)];
  const last = breaks[breaks.length - 1];
  return { line: breaks.length, character: last ? offset - last.index - last[0].length : offset };
}

interface View {
  readonly diagnostics: Diagnostic[];
  readonly symbols: DocumentSymbol[];
  readonly folds: FoldingRange[];
}

async function readView(uri: string, change: object, version: number): Promise<View> {
  const published = client.getPublishCount(uri);
  await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  const diagnostics = await client.waitForPublishAfter(uri, published);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  return { diagnostics, symbols, folds };
}

test('diagnostics, outline and folding after 60 incremental edits equal those after a reload of the same text', async () => {
  const uri = workspace.uriOf(SEED);
  let text = readFileSync(join(workspace.root, SEED), 'utf8');
  const opened = client.getPublishCount(uri);
  await client.open(uri, text);
  await client.waitForPublishAfter(uri, opened);
  const random = createRandom(60);
  let version = 1;
  let afterEdits: View | undefined;
  for (let i = 0; i < 60; i++) {
    // LSP has no position between "\r" and "\n": an offset there moves past the pair.
    const outsidePair = (offset: number) => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset);
    const start = outsidePair(Math.floor(random() * text.length));
    const end = outsidePair(Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 3))));
    const inserted = random() < 0.3 ? '' : INSERTIONS[Math.floor(random() * INSERTIONS.length)];
    const change = { range: { start: toPosition(text, start), end: toPosition(text, end) }, text: inserted };
    text = text.slice(0, start) + inserted + text.slice(end);
    afterEdits = await readView(uri, change, ++version);
  }
  const afterReload = await readView(uri, { text }, version + 1);
  assert.ok(afterReload.diagnostics.length > 0 && afterReload.symbols.length > 5, 'the edited seed still has problems and releases to compare');
  assert.deepEqual(afterEdits, afterReload);
});
