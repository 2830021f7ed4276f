// Analyst tags over stdio, as an editor uses them: tag a passage in a copy of a seed, find the YAML record on
// disk, move the passage by editing the file on disk, and see the tag follow it; hovers, inlay hints, symbols,
// code actions, edits, orphans, corrupt YAML, unsaved YAML in the editor, and an untrusted workspace.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, InlayHint, Range, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { createTestWorkspace, LspTestClient, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';
import { eventually } from '../support/eventually';

interface TagInfo {
  id: string;
  uri: string;
  range: Range;
  status: 'exact' | 'moved' | 'fuzzy' | 'orphaned';
  tags: string[];
  note: string;
  release: string;
  quote: string;
  author?: string;
  created?: string;
}

const SEED = 'seeds/000_248d20a5422f2a6b.txt';
const TAG_FILE = 'annotations/000_248d20a5422f2a6b.yaml';
const PASSAGE = 'Seven years ago, I became the first Secretary General to address the Ukrainian parliament.';
const PASSAGE_LINE = 9;
const RELEASE = 'Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine';

let workspace: TestWorkspace;
let client: LspTestClient;
let seedUri: string;

before(async () => {
  ({ workspace, client } = await startIndexedServer());
  seedUri = workspace.uriOf(SEED);
});

after(() => stopIndexedServer({ workspace, client }));

function execute<R>(command: string, argument: object): Promise<R> {
  return client.request<R>('workspace/executeCommand', { command, arguments: [argument] });
}

/** Writes a corpus file on disk and tells the server, as an editor's file watcher would. */
async function changeOnDisk(relativePath: string, text: string): Promise<void> {
  writeFileSync(join(workspace.root, relativePath), text);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uriOf(relativePath), type: 2 }] });
}

const passageRange: Range = { start: { line: PASSAGE_LINE, character: 0 }, end: { line: PASSAGE_LINE, character: PASSAGE.length } };

test('tagging a passage writes its record to annotations/<file>.yaml and answers with its id', async () => {
  const tag = await execute<TagInfo>('pressCorpus.tagPassage', {
    uri: seedUri,
    range: passageRange,
    tags: ['ukraine', '#Parliament visit'],
    note: 'First address, 2017',
  });
  assert.match(tag.id, /^[a-z2-9]{8}$/);
  // Without pressCorpus.author the author is git's user.name (when git has one), and the date is now.
  const gitUserName = spawnSync('git', ['config', 'user.name'], { cwd: workspace.root, encoding: 'utf8' }).stdout.trim() || undefined;
  const { author, created, ...rest } = tag;
  assert.equal(author, gitUserName);
  assert.ok(Math.abs(Date.parse(created!) - Date.now()) < 60000, `created ${created}`);
  assert.deepEqual(
    { ...rest, id: '' },
    {
      id: '',
      uri: seedUri,
      range: passageRange,
      status: 'exact',
      tags: ['ukraine', 'Parliament-visit'],
      note: 'First address, 2017',
      release: RELEASE,
      quote: PASSAGE,
    },
  );
  const onDisk = parseTagFile(readFileSync(join(workspace.root, TAG_FILE), 'utf8'));
  assert.equal(onDisk.corpusFile, SEED);
  assert.deepEqual(onDisk.problems, []);
  const record = onDisk.records[0];
  assert.deepEqual(
    [record.id, record.tags, record.note, record.release, record.anchor.exact],
    [tag.id, ['ukraine', 'Parliament-visit'], 'First address, 2017', RELEASE, PASSAGE],
  );
  assert.equal(record.anchor.prefix, 'It is an honour to address this House once again.\n'.slice(-32));
  assert.ok(record.anchor.suffix.startsWith('\n\nToday marks the third time'));
});

test('after a paragraph is inserted above it on disk, listTags returns the shifted range, moved', async () => {
  const text = readFileSync(join(workspace.root, SEED), 'utf8');
  await changeOnDisk(SEED, text.replace('\nIt is an honour to address', '\nA paragraph the editors added later.\n\nIt is an honour to address'));
  const tags = await eventually(
    () => execute<TagInfo[]>('pressCorpus.listTags', { uri: seedUri }),
    (t) => t[0]?.range.start.line !== PASSAGE_LINE,
    'the shifted tag',
  );
  assert.deepEqual(
    tags.map((t) => [t.status, t.range]),
    [['moved', { start: { line: PASSAGE_LINE + 2, character: 0 }, end: { line: PASSAGE_LINE + 2, character: PASSAGE.length } }]],
  );
});

test('the tagged passage shows tags in a hover, an inlay hint at its end, a #tag symbol and code actions', async () => {
  const [tag] = await execute<TagInfo[]>('pressCorpus.listTags', { uri: seedUri });
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: seedUri }, position: { line: tag.range.start.line, character: 10 } });
  assert.match(JSON.stringify(hover.contents), /#ukraine #Parliament-visit\*\* — First address, 2017/);
  const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri: seedUri },
    range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
  });
  assert.deepEqual(
    hints.map((h) => [h.label, h.position]),
    [['#ukraine #Parliament-visit', tag.range.end]],
  );
  const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '#parl' });
  assert.deepEqual(
    symbols.map((s) => [s.name, s.containerName, 'range' in s.location ? s.location.range : undefined]),
    [[`#ukraine #Parliament-visit ${PASSAGE.slice(0, 49)}…`, RELEASE, tag.range]],
  );
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: seedUri },
    range: tag.range,
    context: { diagnostics: [] },
  });
  const tagActions = actions.filter((a) => a.command?.arguments?.[0]?.id === tag.id);
  // The tag moved (a paragraph was inserted above): its new position can be accepted.
  assert.deepEqual(
    tagActions.map((a) => a.command?.command),
    ['pressCorpus.reanchorTag', 'pressCorpus.editTagInteractive', 'pressCorpus.removeTag'],
  );
});

test('editTag, renameTag (across the corpus) and removeTag change the records in place', async () => {
  const second = await execute<TagInfo>('pressCorpus.tagPassage', {
    uri: seedUri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } },
    tags: ['ukraine'],
  });
  const otherUri = workspace.uriOf('seeds/004_7b58161f0802afcc.txt');
  const third = await execute<TagInfo>('pressCorpus.tagPassage', {
    uri: otherUri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
    tags: ['ukraine', 'other'],
  });
  await execute('pressCorpus.editTag', { id: second.id, note: 'The title' });
  const renamed = await execute<{ records: number }>('pressCorpus.renameTag', { from: 'ukraine', to: 'Ukraine' });
  assert.equal(renamed.records, 3);
  let tags = await execute<TagInfo[]>('pressCorpus.listTags', { tag: 'Ukraine' });
  assert.deepEqual(tags.map((t) => [t.uri === seedUri ? '000' : '004', t.quote.slice(0, 6), t.tags, t.note]).sort(), [
    ['000', 'Seven ', ['Ukraine', 'Parliament-visit'], 'First address, 2017'],
    ['000', 'Speech', ['Ukraine'], 'The title'],
    ['004', third.quote.slice(0, 6), ['Ukraine', 'other'], ''],
  ]);
  assert.match(readFileSync(join(workspace.root, 'annotations', '004_7b58161f0802afcc.yaml'), 'utf8'), /tags: \[Ukraine, other\]/);
  await execute('pressCorpus.removeTag', { id: second.id });
  await execute('pressCorpus.removeTag', { id: third.id });
  tags = await execute<TagInfo[]>('pressCorpus.listTags', {});
  assert.deepEqual(
    tags.map((t) => t.quote),
    [PASSAGE],
  );
  await assert.rejects(execute('pressCorpus.removeTag', { id: second.id }), /No tag with id/);
});

test('a hand edit of the YAML file on disk (git pull, another program) is picked up through file watching', async () => {
  const path = join(workspace.root, TAG_FILE);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, before.replace('note: First address, 2017', 'note: Edited by hand'));
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uriOf(TAG_FILE), type: 2 }] });
  const [tag] = await eventually(
    () => execute<TagInfo[]>('pressCorpus.listTags', { uri: seedUri }),
    (t) => t[0]?.note !== 'First address, 2017',
    'the edited note',
  );
  assert.equal(tag.note, 'Edited by hand');
  writeFileSync(path, before);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uriOf(TAG_FILE), type: 2 }] });
  await eventually(
    () => execute<TagInfo[]>('pressCorpus.listTags', { uri: seedUri }),
    (t) => t[0]?.note === 'First address, 2017',
    'the restored note',
  );
});

test('a deleted passage is orphaned: tag.orphaned on the release and on the YAML record, and the record stays', async () => {
  const text = readFileSync(join(workspace.root, SEED), 'utf8');
  await changeOnDisk(SEED, text.replace(PASSAGE + '\n', ''));
  const onRelease = await client.waitForDiagnostics(seedUri, (d) => d.some((x) => x.code === 'tag.orphaned'));
  assert.deepEqual(
    onRelease.filter((d) => d.code === 'tag.orphaned').map((d) => d.range.start),
    [{ line: 0, character: 0 }],
  );
  const yamlUri = workspace.uriOf(TAG_FILE);
  const inYaml = await client.waitForDiagnostics(yamlUri, (d: Diagnostic[]) => d.some((x) => x.code === 'tag.orphaned'));
  const yamlText = readFileSync(join(workspace.root, TAG_FILE), 'utf8');
  assert.equal(
    inYaml[0].range.start.line,
    yamlText.split('\n').findIndex((line) => line.includes('id: ')),
  );
  assert.equal(parseTagFile(yamlText).records.length, 1);
  const [tag] = await execute<TagInfo[]>('pressCorpus.listTags', { uri: seedUri });
  assert.equal(tag.status, 'orphaned');
  // Restoring the text re-anchors the tag and clears both diagnostics.
  await changeOnDisk(SEED, text);
  await client.waitForDiagnostics(seedUri, (d) => !d.some((x) => x.code === 'tag.orphaned'));
  await client.waitForDiagnostics(yamlUri, (d) => d.length === 0);
});

test('corrupt YAML is reported with line and column and left byte-identical by a tagging attempt', async () => {
  const path = join(workspace.root, 'annotations', '001_c663de886b0de6a8.yaml');
  const corrupt = 'corpusFile: seeds/001_c663de886b0de6a8.txt\ntags:\n  - id: abcdefgh\n    tags: [energy\n    note: unclosed\n';
  writeFileSync(path, corrupt);
  const yamlUri = workspace.uriOf('annotations/001_c663de886b0de6a8.yaml');
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: yamlUri, type: 2 }] });
  const diagnostics = await client.waitForDiagnostics(yamlUri, (d) => d.length > 0);
  assert.equal(diagnostics[0].code, 'tags.invalid-yaml');
  assert.ok(diagnostics[0].range.start.line >= 3, `line ${diagnostics[0].range.start.line}`);
  const uri = workspace.uriOf('seeds/001_c663de886b0de6a8.txt');
  await assert.rejects(
    execute('pressCorpus.tagPassage', { uri, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } }, tags: ['x'] }),
    (error: Error) => {
      assert.match(error.message, /^annotations\/001_c663de886b0de6a8\.yaml line \d+, column \d+: This YAML does not parse: .* Nothing was written\.$/);
      return true;
    },
  );
  assert.equal(readFileSync(path, 'utf8'), corrupt);
});

test('a tag file open with unsaved edits is changed through workspace/applyEdit, not on disk', async () => {
  const path = join(workspace.root, TAG_FILE);
  const yamlUri = workspace.uriOf(TAG_FILE);
  const onDisk = readFileSync(path, 'utf8');
  const unsaved = `# An unsaved comment\n${onDisk}`;
  const edits: unknown[] = [];
  client.connection.onRequest('workspace/applyEdit', (params: { edit: { changes: Record<string, { newText: string }[]> } }) => {
    edits.push(params.edit.changes[yamlUri]);
    return { applied: true };
  });
  await client.open(yamlUri, unsaved, 'yaml');
  const tag = await execute<TagInfo>('pressCorpus.tagPassage', {
    uri: seedUri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } },
    tags: ['title'],
  });
  assert.equal(readFileSync(path, 'utf8'), onDisk);
  assert.equal(edits.length, 1);
  assert.match(JSON.stringify(edits[0]), new RegExp(`- id: ${tag.id}\\\\n`));
  await client.notify('textDocument/didClose', { textDocument: { uri: yamlUri } });
});

test('in an untrusted workspace tagging is refused with a clear message and nothing is written', async () => {
  const untrusted = createTestWorkspace();
  const other = await LspTestClient.start(untrusted.root, { workspaceTrusted: false });
  try {
    await other.waitForLog(/Indexed \d+ corpus files/);
    await assert.rejects(
      other.request('workspace/executeCommand', {
        command: 'pressCorpus.tagPassage',
        arguments: [{ uri: untrusted.uriOf(SEED), range: passageRange, tags: ['x'] }],
      }),
      /This workspace is not trusted/,
    );
    assert.equal(existsSync(join(untrusted.root, TAG_FILE)), false);
  } finally {
    await other.stop();
    untrusted.dispose();
  }
});
