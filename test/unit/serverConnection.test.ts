// An answer serialised once (a big file's outline) reaches the editor as the same JSON message it would be
// without it, and messages without one are encoded as vscode-jsonrpc encodes them.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serialisedResultEncoder, SerialisedResult } from '../../server/src/lsp/serverConnection';

const symbols = [
  { name: 'NATO’s “Steadfast” exercise – day 2', kind: 2, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 1 } }, children: [] },
];

async function encode(message: object): Promise<string> {
  return Buffer.from(await serialisedResultEncoder.encode(message as never, { charset: 'utf-8' })).toString('utf8');
}

test('a serialised result is sent as the response it stands for, each time with its own request id', async () => {
  const answer = new SerialisedResult(symbols);
  for (const id of [7, 'request-8']) {
    const sent = await encode({ jsonrpc: '2.0', id, result: answer });
    assert.deepEqual(JSON.parse(sent), { jsonrpc: '2.0', id, result: symbols });
    assert.equal(sent, JSON.stringify({ jsonrpc: '2.0', id, result: symbols }));
  }
});

test('other messages, and serialisation by Node itself (node IPC), give the plain JSON', async () => {
  const notification = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.txt', diagnostics: [] } };
  assert.equal(await encode(notification), JSON.stringify(notification));
  assert.equal(JSON.stringify({ id: 1, result: new SerialisedResult(symbols) }), JSON.stringify({ id: 1, result: symbols }));
});
