// The end-to-end checks through the VS Code API, run by mocha inside a real extension host (VS Code desktop
// through @vscode/test-cli, or code-server through codeServerShim.mjs). The workspace holds a copy of seeds/.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const FILE_000 = 'seeds/000_248d20a5422f2a6b.txt';
const FILE_003 = 'seeds/003_d0123674c22c2241.txt';

function seedUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder holding seeds/');
  return vscode.Uri.joinPath(folder.uri, path);
}

/** Asks again until the answer is accepted: the server indexes the corpus after activation. */
async function eventually<T>(ask: () => Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  let last: T | undefined;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((wake) => setTimeout(wake, 250))) {
    last = await ask();
    if (accept(last)) return last;
  }
  throw new Error(`${what}: never as expected; last answer ${JSON.stringify(last)}`);
}

async function positionOf(uri: vscode.Uri, needle: string, offset = 0): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(uri);
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} not in ${uri.path}`);
  return document.positionAt(index + offset);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

suite('Press Corpus in a real extension host', () => {
  suiteSetup(async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seedUri(FILE_000)));
  });

  test('document symbols of seeds/000 are its releases', async () => {
    const symbols = await eventually(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', seedUri(FILE_000)),
      (answer) => (answer?.length ?? 0) >= 2,
      'document symbols',
    );
    assert.equal(symbols[0].name, 'Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine');
    assert.equal(symbols[1].name, 'Chair of the NATO Military Committee visits Belgium');
  });

  test('a hover on "Stoltenberg" in seeds/003 shows the entity card', async () => {
    const uri = seedUri(FILE_003);
    const position = await positionOf(uri, 'Jens Stoltenberg said', 'Jens Sto'.length);
    const hovers = await eventually(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position),
      (answer) => hoverText(answer).includes('Jens Stoltenberg'),
      'hover on Stoltenberg',
    );
    assert.match(hoverText(hovers), /Jens Stoltenberg/);
  });

  test('diagnostics of seeds/003 name its malformed sections', async () => {
    const uri = seedUri(FILE_003);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const expected = ['release.missing-source', 'release.photo-caption', 'release.boilerplate'];
    const codes = await eventually(
      async () => vscode.languages.getDiagnostics(uri).map(diagnosticCode),
      (answer) => expected.every((code) => answer.includes(code)),
      'diagnostics of seeds/003',
    );
    assert.ok(expected.every((code) => codes.includes(code)));
  });

  test('tagging: Tag Selection… is a command, and the server command it calls writes the tag file', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('pressCorpus.tagSelection'), 'pressCorpus.tagSelection is not a command');
    const uri = seedUri(FILE_003);
    const start = await positionOf(uri, 'Part of that effort, Stoltenberg said');
    const range = { start, end: start.translate(0, 'Part of that effort'.length) };
    await vscode.commands.executeCommand('pressCorpus.tagPassage', { uri: uri.toString(), range, tags: ['api-tag'], note: '' });
    const yaml = vscode.Uri.joinPath(seedUri('annotations'), '003_d0123674c22c2241.yaml');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(yaml)), /api-tag/);
  });
});
