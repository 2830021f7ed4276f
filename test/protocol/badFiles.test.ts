// Bad input on disk: binary and oversized corpus files get one clear diagnostic and are not parsed; requests
// at positions past the end of a file are answered, not failed.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { LspTestClient, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';

let workspace: TestWorkspace;
let client: LspTestClient;

before(async () => {
  ({ workspace, client } = await startIndexedServer({
    files: 6,
    prepare: (root) => writeFileSync(join(root, 'seeds', 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff])),
    // 0.02 MB: 000_… (25 KB) is over the limit, the other seeds are under it.
    initializationOptions: { maxFileSizeMB: 0.02 },
  }));
});

after(() => stopIndexedServer({ workspace, client }));

test('a binary file is reported as file.binary and yields no releases', async () => {
  const uri = workspace.uriOf('seeds/scan.txt');
  const diagnostics = await client.waitForDiagnostics(uri);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity]),
    [['file.binary', 1]],
  );
  assert.deepEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), []);
});

test('a file over pressCorpus.maxFileSizeMB is reported as file.too-large, the others are parsed', async () => {
  const big = await client.waitForDiagnostics(workspace.uriOf('seeds/000_248d20a5422f2a6b.txt'));
  assert.deepEqual(
    big.map((d) => d.code),
    ['file.too-large'],
  );
  assert.match(String(big[0].message), /more than pressCorpus\.maxFileSizeMB \(0\.02 MB\)/);
  const small = await client.waitForDiagnostics(workspace.uriOf('seeds/004_7b58161f0802afcc.txt'));
  assert.deepEqual(
    small.map((d) => d.code),
    ['release.missing-source', 'release.missing-source'],
  );
});

test('requests for unknown files and out-of-range positions get empty answers, not errors', async () => {
  const unknown = 'file:///nowhere/not-in-corpus.txt';
  assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri: unknown } }), null);
  const uri = workspace.uriOf('seeds/004_7b58161f0802afcc.txt');
  const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(folds.length >= 2);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 99999 } });
  assert.ok(hover === null || typeof hover === 'object');
});
