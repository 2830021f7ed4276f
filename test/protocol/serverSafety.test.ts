// The server as an attacker or a careless client meets it, over stdio: requests before initialize, a second
// initialize, malformed positions, a 60 MB document opened in the editor, and markdown planted in entities.yaml
// descriptions and tag notes that must reach hovers as plain text.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient, SERVER_PATH, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';

const SEED_003 = 'seeds/003_d0123674c22c2241.txt';
const HOSTILE = '![tracker](https://evil.example/pixel.png) [Run me](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> &lt;b&gt;';

let workspace: TestWorkspace;
let client: LspTestClient;

before(async () => {
  ({ workspace, client } = await startIndexedServer({
    annotations: true,
    prepare: (root) => {
      const path = join(root, 'annotations', 'entities.yaml');
      const text = readFileSync(path, 'utf8').replace(/description: Secretary General of NATO since 2014.*/, `description: ${JSON.stringify(HOSTILE)}`);
      writeFileSync(path, text);
    },
  }));
});

after(() => stopIndexedServer({ workspace, client }));

async function errorCodeOf(request: Promise<unknown>): Promise<number | undefined> {
  try {
    await request;
    return undefined;
  } catch (error) {
    return error instanceof ResponseError ? error.code : -1;
  }
}

/** No link, image, autolink or HTML tag can be read in the markdown: each such character is escaped. */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)\]\(/, 'a markdown link or image survived');
  assert.doesNotMatch(markdown, /(?<!\\)</, 'HTML or an autolink survived');
  assert.doesNotMatch(markdown, /(?<!\\)&/, 'an HTML entity survived');
}

function positionOf(path: string, needle: string): { line: number; character: number } {
  const text = readFileSync(join(workspace.root, path), 'utf8');
  const before = text.slice(0, text.indexOf(needle) + 2).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('requests before initialize are answered ServerNotInitialized; a second initialize is refused', async () => {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.listen();
  try {
    const hover = { textDocument: { uri: workspace.uriOf(SEED_003) }, position: { line: 0, character: 0 } };
    assert.equal(await errorCodeOf(connection.sendRequest('textDocument/hover', hover)), -32002);
    assert.equal(await errorCodeOf(connection.sendRequest('workspace/executeCommand', { command: 'pressCorpus.listTags', arguments: [{}] })), -32002);
    const initialize = { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} };
    assert.equal(await errorCodeOf(connection.sendRequest('initialize', initialize)), undefined);
    assert.equal(await errorCodeOf(connection.sendRequest('initialize', initialize)), -32600);
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('malformed positions are InvalidParams, never answered as if they were valid', async () => {
  const uri = workspace.uriOf(SEED_003);
  for (const position of [
    { line: 'a', character: 0 },
    { line: -1, character: 0 },
    { line: 1e12, character: 0 },
    { line: 0.5, character: 0 },
    { line: 0 },
    null,
  ]) {
    assert.equal(await errorCodeOf(client.request('textDocument/hover', { textDocument: { uri }, position })), -32602, JSON.stringify(position));
  }
  const badRange = { start: { line: 0, character: 0 }, end: { line: 'x', character: 0 } };
  assert.equal(
    await errorCodeOf(client.request('workspace/executeCommand', { command: 'pressCorpus.tagPassage', arguments: [{ uri, range: badRange, tags: ['x'] }] })),
    -32602,
  );
  assert.equal(
    await errorCodeOf(client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SEED_003, 'Stoltenberg said') })),
    undefined,
  );
});

test('a 60 MB document opened in the editor is reported too large and not parsed; the server keeps answering', async () => {
  const uri = workspace.uriOf('seeds/huge.txt');
  const release = readFileSync(join(workspace.root, SEED_003), 'utf8');
  await client.open(uri, release.repeat(Math.ceil((60 * 1024 * 1024) / release.length)));
  const diagnostics = await client.waitForDiagnostics(uri, (found) => found.length > 0, 60_000);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['file.too-large'],
  );
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, []);
  await client.notify('textDocument/didClose', { textDocument: { uri } });
});

test('markdown planted in an entities.yaml description reaches the hover as plain text', async () => {
  const hover = await client.request<Hover>('textDocument/hover', {
    textDocument: { uri: workspace.uriOf(SEED_003) },
    position: positionOf(SEED_003, 'Stoltenberg said'),
  });
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /tracker/);
  assertInert(value);
});

test('markdown planted in a tag note reaches the hover as plain text', async () => {
  const uri = workspace.uriOf(SEED_003);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } };
  await client.request('workspace/executeCommand', { command: 'pressCorpus.tagPassage', arguments: [{ uri, range, tags: ['planted'], note: HOSTILE }] });
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /planted/);
  assertInert(value);
});
