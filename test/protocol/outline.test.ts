// The built server over stdio, as an editor sees it: outline and diagnostics of every seed, workspace symbols
// over files that were never opened, and diagnostics that follow edits.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { LspTestClient, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';

const SEEDS = {
  '000': 'seeds/000_248d20a5422f2a6b.txt',
  '001': 'seeds/001_c663de886b0de6a8.txt',
  '002': 'seeds/002_9b7a121d15003634.txt',
  '003': 'seeds/003_d0123674c22c2241.txt',
  '004': 'seeds/004_7b58161f0802afcc.txt',
};

const EXPECTED_TITLES: Record<keyof typeof SEEDS, string[]> = {
  '000': [
    'Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine',
    'Chair of the NATO Military Committee visits Belgium',
    'Sviatlana Tsikhanouskaya meets NATO Secretary General, addresses Allies',
    'Group of experts publishes report on NATO’s southern neighbourhood',
    'Chair of NATO Military Committee visits Mauritania',
    'Statement by the North Atlantic Council concerning malicious cyber activities against Germany and Czechia',
    'Statement by the North Atlantic Council on recent Russian hybrid activities',
    'NATO Through Time podcast – Who leads NATO? with Secretary General Jens Stoltenberg',
    'Chair of NATO Military Committee visits Morocco',
    'Press conference with NATO Secretary General Jens Stoltenberg and President Volodymyr Zelenskyy of Ukraine',
  ],
  '001': [
    'Secretary General welcomes NATO’s deepening partnerships in the Indo-Pacific region',
    'Speech by NATO Secretary General Stoltenberg at the Jeju Forum in South Korea',
    'NATO Military Committee visits Finland',
    'NATO Transport Group meets in Finland to discuss enhancing transport resilience',
    'NATO reaffirms importance of long-standing partnership with Mauritania',
    'NATO Secretary General: Ukraine’s most urgent need is more air defence',
    'Deputy Secretary General: Ukraine can count on NATO for the long haul',
    'Doorstep statement by NATO Secretary General Jens Stoltenberg ahead of the meeting of the Foreign Affairs Council of the European Union in Defence Ministers’ format',
    'Secretary General outlines key issues for Washington Summit at NATO Parliamentary Assembly in Bulgaria',
  ],
  '002': ['Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Ministers of Foreign Affairs in Brussels'],
  '003': ['Stoltenberg: Ukraine Can Count on NATO For Long Haul'],
  '004': [
    'NATO Secretary General meets with European Union Defence Ministers',
    'Doorstep statement by NATO Secretary General Jens Stoltenberg at the Council of the EU',
  ],
};

/** Diagnostic codes per seed, counted; the seeds' malformed sections as a reader finds them. */
const EXPECTED_PROBLEMS: Record<keyof typeof SEEDS, Record<string, number>> = {
  '000': { 'release.dangling-reference': 1, 'release.truncated': 1 },
  '001': {},
  '002': { 'release.missing-source': 1, 'transcript.inaudible': 1 },
  // Five banner blocks and the "Related Stories" stub; three captions (Stoltenberg Remarks, Saber Strike, Baltic Ops).
  '003': { 'release.boilerplate': 6, 'release.missing-source': 1, 'release.photo-caption': 3 },
  '004': { 'release.missing-source': 2 },
};

let workspace: TestWorkspace;
let client: LspTestClient;

before(async () => ({ workspace, client } = await startIndexedServer({ files: 5 })));

after(() => stopIndexedServer({ workspace, client }));

function countCodes(diagnostics: Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
  return counts;
}

for (const [seed, path] of Object.entries(SEEDS) as [keyof typeof SEEDS, string][]) {
  test(`outline of ${path}: ${EXPECTED_TITLES[seed].length} releases with their exact titles`, async () => {
    const uri = workspace.uriOf(path);
    await client.open(uri, readFileSync(join(workspace.root, path), 'utf8'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.filter((s) => s.kind === 2).map((s) => s.name),
      EXPECTED_TITLES[seed],
    );
  });

  test(`diagnostics of ${path} (published without opening it)`, async () => {
    const diagnostics = await client.waitForDiagnostics(workspace.uriOf(path));
    assert.deepEqual(countCodes(diagnostics), EXPECTED_PROBLEMS[seed]);
    for (const d of diagnostics) assert.match(d.codeDescription!.href, /docs\/diagnostics\.md#/);
  });
}

test('release symbols carry date, source and kind; children show source, dateline, turns and captions', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: workspace.uriOf(SEEDS['000']) } });
  const belgium = symbols.find((s) => s.name === 'Chair of the NATO Military Committee visits Belgium')!;
  assert.equal(belgium.detail, '2024-05-06 – 2024-05-07 · NATO · visit');
  assert.deepEqual(
    belgium.children!.map((c) => c.name),
    ['Source: NATO', 'From 6 to 7 May 2024'],
  );
  const conference = (await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: workspace.uriOf(SEEDS['002']) } }))[0];
  assert.deepEqual(
    conference.children!.slice(0, 5).map((c) => c.name),
    ['04 Apr. 2024', 'Last updated: 05 Apr. 2024 12:01', '(As delivered)', 'NATO Spokesperson Farah Dakhlallah', 'Andrew Gray (Reuters)'],
  );
  const page = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: workspace.uriOf(SEEDS['003']) } });
  assert.deepEqual(
    page
      .find((s) => s.kind === 2)!
      .children!.filter((c) => c.name.startsWith('Photo:'))
      .map((c) => c.name),
    ['Photo: Stoltenberg Remarks', 'Photo: Saber Strike', 'Photo: Baltic Ops'],
  );
});

test('the web chrome of the scraped page in 003 is one "Page chrome" entry inside its release, not six entries before it', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: workspace.uriOf(SEEDS['003']) } });
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['Stoltenberg: Ukraine Can Count on NATO For Long Haul'],
  );
  const [chrome, ...rest] = symbols[0].children!;
  assert.equal(chrome.name, 'Page chrome');
  assert.match(chrome.detail!, /^6 blocks: An official website of the Un… · Official websites use \.gov · /);
  assert.deepEqual(chrome.children, []);
  assert.ok(rest.every((child) => child.name !== 'Page chrome' && !child.name.startsWith('Official websites')));
});

test('folding ranges cover each release and each speaker turn', async () => {
  const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: workspace.uriOf(SEEDS['002']) } });
  const folds = ranges.map((r) => `${r.startLine}-${r.endLine}`);
  assert.ok(folds.includes('0-101'), 'the whole release folds');
  assert.ok(folds.includes('57-59'), 'the Secretary General answer over two paragraphs folds');
  assert.ok(!folds.includes('47-47'), 'one-line turns do not fold');
});

test('workspace symbols find releases in every corpus file, open or not', async () => {
  const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
  assert.equal(all.filter((s) => s.kind === 2).length, 23);
  const initials = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'cnmcvm' });
  assert.deepEqual(
    initials.filter((s) => s.kind === 2).map((s) => s.name),
    ['Chair of NATO Military Committee visits Mauritania', 'Chair of NATO Military Committee visits Morocco'],
  );
  const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'mauritania' });
  assert.deepEqual(
    found
      .filter((s) => s.kind === 2)
      .map((s) => s.name)
      .sort(),
    ['Chair of NATO Military Committee visits Mauritania', 'NATO reaffirms importance of long-standing partnership with Mauritania'],
  );
});

test('diagnostics follow incremental edits, and the missing Source quick fix inserts a Source line', async () => {
  const uri = workspace.uriOf(SEEDS['004']);
  await client.open(uri, readFileSync(join(workspace.root, SEEDS['004']), 'utf8'));
  const before = await client.waitForDiagnostics(uri, (d) => d.length === 2);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: before[0].range,
    context: { diagnostics: [before[0]] },
  });
  const fix = actions.find((a) => a.title.startsWith('Insert “Source: NATO”'))!;
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const edit = fix.edit!.changes![uri][0];
  await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
  const after = await client.waitForDiagnostics(uri, (d) => d.length === 1);
  assert.equal(after[0].range.start.line, 9, 'only the second release still lacks its Source line');
});

test('the outline follows edits: asked again after a change to the title, it shows the new title', async () => {
  const uri = workspace.uriOf('seeds/typed.txt');
  const text = 'Allies meet in Oslo\n\nSource: NATO\n\nOn 2 June, Allies met in Oslo.\n';
  await client.open(uri, text);
  const outlineTitles = async () => (await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).map((s) => s.name);
  assert.deepEqual(await outlineTitles(), ['Allies meet in Oslo']);
  assert.deepEqual(await outlineTitles(), ['Allies meet in Oslo'], 'asked twice, the same outline');
  const oslo = { start: { line: 0, character: 15 }, end: { line: 0, character: 19 } };
  await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: oslo, text: 'Riga' }] });
  assert.deepEqual(await outlineTitles(), ['Allies meet in Riga']);
  await client.notify('textDocument/didClose', { textDocument: { uri } });
});

test('a corpus file created, then edited on disk is (re-)read: the server watches when the client cannot', async () => {
  const path = join(workspace.root, 'seeds', 'added.txt');
  const uri = workspace.uriOf('seeds/added.txt');
  writeFileSync(path, 'NATO Military Committee visits Sweden\n\nFrom 27 to 29 May, the Military Committee visited Rovaniemi.\n');
  const created = await client.waitForDiagnostics(uri);
  assert.deepEqual(
    created.map((d) => d.code),
    ['release.missing-source'],
  );
  writeFileSync(path, 'NATO Military Committee visits Sweden\n\nSource: NATO\n\nFrom 27 to 29 May, the Military Committee visited Rovaniemi.\n');
  await client.waitForDiagnostics(uri, (d) => d.length === 0);
});
