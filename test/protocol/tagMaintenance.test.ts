// Tag maintenance over stdio, as an analyst meets it on a seed: a tagged sentence edited by about 10 % reports
// `fuzzy` with its similarity and is accepted back to `exact` (the YAML diff touching only the anchor and updated
// lines), a moved tag says how far it moved (and is drawn there) and is accepted with the rest of the file, an orphan is re-attached to
// a selection or to its best candidate (previewed first), authors and dates are written, and hierarchical tags
// are found, listed as a tree and renamed with their children.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, Hover, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import type { AcceptAnchorsAnswer, TagInfo, TagRanges, TagTreeNodeInfo } from '../../server/src/protocol';
import { LspTestClient, startIndexedServer, stopIndexedServer, TestWorkspace } from '../support/lspClient';
import { eventually } from '../support/eventually';

const SEED = 'seeds/000_248d20a5422f2a6b.txt';
const TAG_FILE = 'annotations/000_248d20a5422f2a6b.yaml';
const PASSAGE = 'Seven years ago, I became the first Secretary General to address the Ukrainian parliament.';
/** 10 of 90 characters changed: a copy editor's rewording. */
const EDITED = 'Seven years ago, I became the first NATO Secretary General to speak to the Ukrainian parliament.';
const PASSAGE_LINE = 9;
const AUTHOR = 'M. Kovalenko';

let workspace: TestWorkspace;
let client: LspTestClient;
let seedUri: string;
let original: string;

before(async () => {
  ({ workspace, client } = await startIndexedServer({ initializationOptions: { author: AUTHOR } }));
  seedUri = workspace.uriOf(SEED);
  original = readFileSync(join(workspace.root, SEED), 'utf8');
});

after(() => stopIndexedServer({ workspace, client }));

function execute<R>(command: string, argument: object): Promise<R> {
  return client.request<R>('workspace/executeCommand', { command, arguments: [argument] });
}

async function changeSeedOnDisk(text: string): Promise<void> {
  writeFileSync(join(workspace.root, SEED), text);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: seedUri, type: 2 }] });
}

function waitForTag(id: string, accept: (tag: TagInfo) => boolean, what: string): Promise<TagInfo> {
  return eventually(
    async () => (await execute<TagInfo[]>('pressCorpus.listTags', { uri: seedUri })).find((t) => t.id === id),
    (tag) => tag !== undefined && accept(tag),
    what,
  ) as Promise<TagInfo>;
}

function readTagFile(): string {
  return readFileSync(join(workspace.root, TAG_FILE), 'utf8');
}

/** The YAML text without its anchor values and updated lines: what must not change when a tag is re-anchored. */
function withoutAnchorLines(yaml: string): string {
  return yaml
    .split('\n')
    .filter((line) => !/^\s+(exact|prefix|suffix|start|end|updated):/.test(line))
    .join('\n');
}

function codeActions(range: TagInfo['range']): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: seedUri }, range, context: { diagnostics: [] } });
}

async function runAction(action: CodeAction | undefined): Promise<unknown> {
  assert.ok(action?.command, 'the code action is offered');
  return client.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
}

const passageRange = { start: { line: PASSAGE_LINE, character: 0 }, end: { line: PASSAGE_LINE, character: PASSAGE.length } };
let tagged: TagInfo;

test('a new tag records its author (pressCorpus.author) and when it was created', async () => {
  tagged = await execute<TagInfo>('pressCorpus.tagPassage', { uri: seedUri, range: passageRange, tags: ['energy/oil'], note: 'First address' });
  assert.equal(tagged.author, AUTHOR);
  const [record] = parseTagFile(readTagFile()).records;
  assert.equal(record.author, AUTHOR);
  assert.match(record.created ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(record.updated, undefined);
  assert.deepEqual(
    (await execute<TagInfo[]>('pressCorpus.listTags', { author: ' m. kovalenko ' })).map((t) => t.id),
    [tagged.id],
  );
  assert.deepEqual(await execute<TagInfo[]>('pressCorpus.listTags', { author: 'Someone Else' }), []);
});

test('the sentence edited by about 10 % is fuzzy with its similarity; "Accept new position" makes it exact, changing only the anchor', async () => {
  await changeSeedOnDisk(original.replace(PASSAGE, EDITED));
  const fuzzy = await waitForTag(tagged.id, (t) => t.status === 'fuzzy', 'the fuzzy tag');
  assert.ok(fuzzy.similarity! >= 0.8 && fuzzy.similarity! < 0.95, `similarity ${fuzzy.similarity}`);
  assert.equal(fuzzy.currentText, EDITED);
  assert.deepEqual(
    (await execute<TagInfo[]>('pressCorpus.listTags', { states: ['fuzzy'] })).map((t) => t.id),
    [tagged.id],
  );
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: seedUri }, position: { line: PASSAGE_LINE, character: 10 } });
  const percent = Math.floor(fuzzy.similarity! * 100);
  assert.match(
    JSON.stringify(hover.contents),
    new RegExp(`found with ${percent} % similarity: the text now reads “Seven years ago, I became the first NATO Secretary`),
  );

  const before = readTagFile();
  const accept = (await codeActions(fuzzy.range)).find((a) => a.title.startsWith('Accept new position'));
  assert.equal(accept?.title, `Accept new position of #energy/oil (${percent} % similar)`);
  await runAction(accept);
  const exact = await waitForTag(tagged.id, (t) => t.status === 'exact', 'the accepted tag');
  assert.equal(exact.quote, EDITED);
  const after = readTagFile();
  assert.equal(withoutAnchorLines(after), withoutAnchorLines(before), 'only anchor lines and updated changed');
  assert.match(after, /\n {4}updated: \d{4}-\d\d-\d\dT[\d:.]+Z\n {4}anchor:\n/);
});

test('a moved tag says how far it moved; "Accept all exact/moved tag anchors" makes the file exact', async () => {
  const now = readFileSync(join(workspace.root, SEED), 'utf8');
  await changeSeedOnDisk(now.replace(`\n${EDITED}`, `\nA paragraph added later.\n\nAnd another one.\n\n${EDITED}`));
  const moved = await waitForTag(tagged.id, (t) => t.status === 'moved', 'the moved tag');
  assert.equal(moved.movedLines, 4);
  const hover = await client.request<Hover>('textDocument/hover', {
    textDocument: { uri: seedUri },
    position: { line: moved.range.start.line, character: 10 },
  });
  assert.match(JSON.stringify(hover.contents), /moved 4 lines down/);
  // The decorations draw it where listTags says, dotted (moved), and nowhere else.
  const { start, end } = moved.range;
  assert.deepEqual(await execute<TagRanges>('pressCorpus.tagRanges', { uri: seedUri }), {
    exact: [],
    moved: [start.line, start.character, end.line, end.character],
    fuzzy: [],
  });
  const acceptAll = (await codeActions({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).find((a) =>
    a.title.startsWith('Accept all exact/moved tag anchors'),
  );
  assert.equal(acceptAll?.kind, 'source.acceptTagAnchors');
  assert.deepEqual(await runAction(acceptAll), { uri: seedUri, records: 1 } satisfies AcceptAnchorsAnswer);
  await waitForTag(tagged.id, (t) => t.status === 'exact', 'the accepted tag');
  const again = await execute<AcceptAnchorsAnswer>('pressCorpus.acceptAnchors', { uri: seedUri });
  assert.equal(again.records, 0, 'accepting twice changes nothing');
});

test('an orphan is re-attached to a selection through the code action: exact there, id, tags and note kept', async () => {
  const now = readFileSync(join(workspace.root, SEED), 'utf8');
  await changeSeedOnDisk(now.replace(`${EDITED}\n`, ''));
  await waitForTag(tagged.id, (t) => t.status === 'orphaned', 'the orphan');
  const line = readFileSync(join(workspace.root, SEED), 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith('Today marks the third time'));
  const selection = { start: { line, character: 0 }, end: { line, character: 'Today marks the third time'.length } };
  const reattach = (await codeActions(selection)).find((a) => a.title.startsWith('Re-attach orphaned #energy/oil'));
  assert.match(reattach?.title ?? '', /to selection$/);
  await runAction(reattach);
  const tag = await waitForTag(tagged.id, (t) => t.status === 'exact', 'the re-attached tag');
  assert.deepEqual([tag.quote, tag.range, tag.tags, tag.note], ['Today marks the third time', selection, ['energy/oil'], 'First address']);
});

test('an orphan whose sentence was heavily edited offers its best candidate, previewed before it is used', async () => {
  const now = readFileSync(join(workspace.root, SEED), 'utf8');
  const passage = 'And for the third time, I will quote the great Ukrainian poet Taras Shevchenko.';
  const second = await execute<TagInfo>('pressCorpus.tagPassage', { uri: seedUri, range: rangeOf(now, passage), tags: ['culture'] });
  const rewritten = 'And for a third time, I shall cite the finest poet of Ukraine, Taras Shevchenko.';
  await changeSeedOnDisk(now.replace(passage, rewritten));
  await waitForTag(second.id, (t) => t.status === 'orphaned', 'the orphan');
  const onTitle = await codeActions({ start: { line: 0, character: 3 }, end: { line: 0, character: 3 } });
  const candidate = onTitle.find((a) => a.title.startsWith('Re-attach orphaned #culture to best candidate'));
  assert.match(candidate?.title ?? '', /best candidate \(\d\d %\): “And for a third time, I shall cite/);
  assert.deepEqual(candidate?.command?.arguments, [{ id: second.id, confirm: true }]);
  const yaml = readTagFile();
  const preview = await execute<TagInfo>('pressCorpus.reanchorTag', { id: second.id, preview: true });
  assert.deepEqual([preview.status, preview.range], ['orphaned', rangeOf(readFileSync(join(workspace.root, SEED), 'utf8'), rewritten)]);
  assert.ok(preview.similarity! >= 0.5 && preview.similarity! < 0.75, `similarity ${preview.similarity}`);
  assert.equal(readTagFile(), yaml, 'a preview writes nothing');
  // The action itself reveals the candidate (window/showDocument) and asks before writing.
  const shown: unknown[] = [];
  client.connection.onRequest('window/showDocument', (params: { selection: unknown }) => {
    shown.push(params.selection);
    return { success: true };
  });
  client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    shown.push(params.message);
    return { title: 'Re-attach here' };
  });
  const done = (await runAction(candidate)) as TagInfo;
  assert.deepEqual(shown, [preview.range, `Re-attach #culture to the selected passage (${Math.floor(preview.similarity! * 100)} % similar)?`]);
  assert.deepEqual([done.status, done.quote], ['exact', rewritten]);
});

test('hierarchical tags: #energy finds the children, the tree nests them, renaming the parent renames them', async () => {
  const now = readFileSync(join(workspace.root, SEED), 'utf8');
  await execute<TagInfo>('pressCorpus.tagPassage', { uri: seedUri, range: rangeOf(now, 'He wrote:'), tags: ['energy'] });
  const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '#energy' });
  assert.deepEqual(symbols.map((s) => s.name.split(' ')[0]).sort(), ['#energy', '#energy/oil']);
  assert.deepEqual((await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '#oil' })).length, 0);
  const tree = await execute<TagTreeNodeInfo[]>('pressCorpus.tagTree', {});
  const energy = tree.find((node) => node.path === 'energy')!;
  assert.deepEqual([energy.count, energy.total, energy.children.map((c) => [c.name, c.path, c.count])], [1, 2, [['oil', 'energy/oil', 1]]]);
  assert.equal((await execute<TagInfo[]>('pressCorpus.listTags', { tag: 'energy' })).length, 2, 'a tag filter includes the children');
  const renamed = await execute<{ records: number }>('pressCorpus.renameTag', { from: 'energy', to: 'fuel' });
  assert.equal(renamed.records, 2);
  const names = parseTagFile(readTagFile())
    .records.flatMap((r) => r.tags)
    .sort();
  assert.deepEqual(names, ['culture', 'fuel', 'fuel/oil']);
  assert.ok(
    parseTagFile(readTagFile())
      .records.filter((r) => r.tags.some((t) => t.startsWith('fuel')))
      .every((r) => r.updated),
    'renamed records are updated',
  );
});

function rangeOf(text: string, quote: string): TagInfo['range'] {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `“${quote}” is in the text`);
  const before = text.slice(0, start).split('\n');
  const line = before.length - 1;
  return { start: { line, character: before[line].length }, end: { line, character: before[line].length + quote.length } };
}
