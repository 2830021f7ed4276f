// The layering of ARCHITECTURE.md, checked on import lines: pure layers import no LSP, no VS Code, no file
// system; the client holds no language logic.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

function violations(layer: string, forbidden: RegExp): string[] {
  return sourceFiles(join(REPO_ROOT, layer)).flatMap((path) =>
    importsOf(path)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(REPO_ROOT, path)} imports ${spec}`),
  );
}

const IO_OR_PROTOCOL = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|(node:)?(fs|fs\/promises|child_process|net|http|https))$/;

for (const layer of ['server/src/corpus', 'server/src/annotations', 'server/src/features', 'server/src/engine']) {
  test(`${layer} imports no LSP, VS Code or file system module`, () => {
    assert.deepEqual(violations(layer, IO_OR_PROTOCOL), []);
  });
}

test('the corpus model does not import the features or the LSP layer', () => {
  assert.deepEqual(violations('server/src/corpus', /\/(features|lsp|annotations)\//), []);
});

test('the features layer does not import the engine, the hosts or the front ends', () => {
  assert.deepEqual(violations('server/src/features', /\/(engine|host|lsp|cli)\//), []);
});

test('the engine reaches the outside world only through its host interface', () => {
  assert.deepEqual(violations('server/src/engine', /\/(host|lsp|cli)\//), []);
});

test('the CLI is a front end of the engine: it never imports the language server', () => {
  assert.deepEqual(violations('server/src/cli', /\/lsp\/|^vscode-languageserver/), []);
});

test('the client imports no server code but the shared protocol (no language logic in the client)', () => {
  assert.deepEqual(violations('client/src', /server\/src\/(?!protocol$)/), []);
  assert.ok(importsOf(join(REPO_ROOT, 'client/src/tagRequests.ts')).some((spec) => spec.endsWith('server/src/protocol')));
});

test('the protocol module is plain types and names, importing nothing', () => {
  assert.deepEqual(importsOf(join(REPO_ROOT, 'server/src/protocol.ts')), []);
});

test('the scan finds imports (it can fail)', () => {
  assert.ok(violations('server/src/lsp', /^vscode-languageserver/).length > 0);
});
