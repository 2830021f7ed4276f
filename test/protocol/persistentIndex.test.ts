// The persistent index through the real server, as an editor restarts it: the second start on the same corpus
// takes every file from the index in the workspace storage the client passes (cacheFolder) and answers as the
// first (hover, outline, references, diagnostics); a file edited while the server was down is parsed again; a
// corrupt index gives the same answers as none. With a cacheFolder, nothing is written into the workspace.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { createTestWorkspace, LspTestClient } from '../support/lspClient';

const SEED_001 = 'seeds/001_c663de886b0de6a8.txt';
const SEED_003 = 'seeds/003_d0123674c22c2241.txt';
const workspace = createTestWorkspace();
const storage = mkdtempSync(join(tmpdir(), 'press-corpus-storage-'));
const seedCount = readdirSync(join(workspace.root, 'seeds')).length;
after(() => {
  workspace.dispose();
  rmSync(storage, { recursive: true, force: true });
});

/**
 * The entry names the current seed texts need: a parse and the stored summaries (duplicates, entities, passages,
 * near passages) each; and the snapshot of the corpus tables, one whatever the texts (its name as `tables`).
 */
function expectedEntryNames(): string[] {
  const keys = readdirSync(join(workspace.root, 'seeds')).map((name) =>
    createHash('sha256')
      .update(readFileSync(join(workspace.root, 'seeds', name)))
      .digest('hex'),
  );
  return [...keys.flatMap((key) => ['duplicates', 'entities', 'near-passages', 'parse', 'passages'].map((part) => `${key}.${part}`)), 'tables'].sort();
}

function entries(): string[] {
  const versions = readdirSync(storage).filter((name) => name !== '.gitignore');
  return versions.flatMap((version) => readdirSync(join(storage, version)).map((name) => join(storage, version, name)));
}

/** Starts the server, waits until it is ready and its index is written, returns what a user sees, stops it. */
async function startAndLook(): Promise<{ indexedLog: string; hover: string; outline: string[]; references: string[]; diagnostics: string[] }> {
  const client = await LspTestClient.start(workspace.root, { cacheFolder: storage });
  try {
    const indexedLog = await client.waitForLog(/Indexed \d+ corpus files/, 60000);
    await client.waitForStatus((status) => status.state === 'ready', 60000);
    // Written in the background: exactly the entries of the current texts, the others removed.
    const expected = expectedEntryNames().join('\n');
    const written = () =>
      entries()
        .map((path) => path.slice(path.lastIndexOf('/') + 1).replace(/^[0-9a-f]{64}\.tables$/, 'tables'))
        .sort()
        .join('\n');
    for (let waited = 0; written() !== expected && waited < 60000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(written(), expected);
    const text = readFileSync(join(workspace.root, SEED_003), 'utf8');
    const before = text.slice(0, text.indexOf('Stoltenberg said') + 3).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: workspace.uriOf(SEED_003) }, position });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: workspace.uriOf(SEED_001) } });
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: workspace.uriOf(SEED_003) },
      position,
      context: { includeDeclaration: true },
    });
    const diagnostics = await Promise.all(
      [SEED_001, SEED_003].map(async (seed) => (await client.waitForDiagnostics(workspace.uriOf(seed))).map((d) => `${seed} ${d.code} ${d.range.start.line}`)),
    );
    return {
      indexedLog,
      hover: (hover.contents as MarkupContent).value,
      outline: symbols.map((symbol) => symbol.name),
      references: references.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)} ${r.range.start.line}:${r.range.start.character}`),
      diagnostics: diagnostics.flat(),
    };
  } finally {
    await client.stop();
  }
}

test('a restart reads unchanged files from the persistent index, an edited one again, and a corrupt index changes no answer', async () => {
  const cold = await startAndLook();
  assert.match(cold.indexedLog, new RegExp(`Indexed ${seedCount} corpus files, .*\\(0 from the persistent index\\)`));
  assert.match(cold.hover, /Jens Stoltenberg/);
  assert.ok(cold.references.length > 1, 'Jens Stoltenberg is named more than once');
  assert.equal(existsSync(join(workspace.root, '.cache')), false, 'nothing written into the workspace');

  const warm = await startAndLook();
  assert.match(warm.indexedLog, new RegExp(`\\(${seedCount} from the persistent index\\)`));
  assert.deepEqual(warm, { ...cold, indexedLog: warm.indexedLog });

  const path = join(workspace.root, SEED_001);
  writeFileSync(path, readFileSync(path, 'utf8').replace('Secretary General welcomes', 'Secretary General praises'));
  const edited = await startAndLook();
  assert.match(edited.indexedLog, new RegExp(`\\(${seedCount - 1} from the persistent index\\)`));
  assert.match(edited.outline[0], /^Secretary General praises NATO/);

  for (const entry of entries()) {
    const bytes = readFileSync(entry);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(entry, bytes);
  }
  const corrupt = await startAndLook();
  assert.match(corrupt.indexedLog, /\(0 from the persistent index\)/);
  assert.deepEqual(corrupt, { ...edited, indexedLog: corrupt.indexedLog });
});
