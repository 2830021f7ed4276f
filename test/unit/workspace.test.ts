// The engine on the in-memory host: scanning, open documents over the disk, file events, problems that change
// in other files, tags written through the host, entity files per folder. No disk, no LSP.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { CorpusWorkspace } from '../../server/src/engine/corpusWorkspace';
import { MemoryHost } from '../../server/src/engine/memoryHost';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { createTagRecord } from '../../server/src/features/tagging';

const ROOT = 'file:///w';
const RELEASE = (title: string, body: string) => `${title}\n\nSource: NATO\n\n${body}\n`;
const BODY = 'NATO Allies are deeply concerned about recent malign activities on Allied territory, including sabotage.';

function createWorkspace(files: Record<string, string>): { host: MemoryHost; workspace: CorpusWorkspace } {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text])));
  return { host, workspace: new CorpusWorkspace(host, [ROOT], DEFAULT_SETTINGS) };
}

test('a scan reads the files the globs match, and only those', async () => {
  const { workspace } = createWorkspace({
    'seeds/a.txt': RELEASE('Allies meet', 'Text.'),
    'seeds/sub/b.txt': RELEASE('Allies part', 'Text.'),
    'notes/c.txt': 'x',
    'seeds/d.md': 'x',
  });
  const progress: number[] = [];
  assert.deepEqual(await workspace.scan(({ done }) => progress.push(done)), { files: 2, releases: 2, fromStore: 0 });
  assert.deepEqual(progress, [2]);
  assert.ok(workspace.getFile(`${ROOT}/seeds/sub/b.txt`));
  assert.equal(workspace.getFile(`${ROOT}/notes/c.txt`), undefined);
});

test('an open document is the truth for its file until it is closed; the disk then wins again', async () => {
  const { host, workspace } = createWorkspace({ 'seeds/a.txt': RELEASE('Allies meet', 'Text.') });
  await workspace.scan();
  const uri = `${ROOT}/seeds/a.txt`;
  workspace.documentChanged(uri, RELEASE('Allies meet in Oslo', 'Typed.'), true);
  host.setFile(uri, RELEASE('Allies meet in Rome', 'On disk.'));
  await workspace.filesChanged([{ uri, kind: 'changed' }]);
  assert.equal(workspace.getFile(uri)?.parsed.releases[0].title, 'Allies meet in Oslo');
  await workspace.documentClosed(uri);
  assert.equal(workspace.getFile(uri)?.parsed.releases[0].title, 'Allies meet in Rome');
});

test('a file event creates, changes and deletes corpus files; unreadable files carry a problem', async () => {
  const { host, workspace } = createWorkspace({});
  await workspace.scan();
  const uri = `${ROOT}/seeds/new.txt`;
  host.setFile(uri, RELEASE('Allies meet', 'Text.'));
  await workspace.filesChanged([{ uri, kind: 'created' }]);
  assert.equal(workspace.getFile(uri)?.parsed.releases.length, 1);
  host.setFile(uri, 'binary\u0000data');
  await workspace.filesChanged([{ uri, kind: 'changed' }]);
  assert.deepEqual(
    computeFileProblems(workspace.view, uri).map((p) => p.code),
    ['file.binary'],
  );
  host.setFile(uri, undefined);
  await workspace.filesChanged([{ uri, kind: 'deleted' }]);
  assert.equal(workspace.getFile(uri), undefined);
});

test('a copy made in one file changes the problems of the other, reported once caught up', async () => {
  const { workspace } = createWorkspace({ 'seeds/a.txt': RELEASE('Allies condemn sabotage', BODY), 'seeds/b.txt': RELEASE('Something else', 'Other text.') });
  await workspace.scan();
  workspace.refreshAll();
  const reported: string[] = [];
  workspace.onDidChangeProblems((uris) => reported.push(...uris));
  workspace.documentChanged(`${ROOT}/seeds/b.txt`, RELEASE('Allies condemn sabotage', 'Other text.'), true);
  workspace.refreshAll();
  assert.deepEqual([...new Set(reported)].sort(), [`${ROOT}/seeds/a.txt`, `${ROOT}/seeds/b.txt`]);
  assert.deepEqual(
    computeFileProblems(workspace.view, `${ROOT}/seeds/a.txt`).map((p) => p.message),
    ['This release has the same title as “Allies condemn sabotage” in b.txt.'],
  );
  workspace.dispose();
});

test('tags are written through the host under annotations/ of the corpus file’s folder; tags arriving during a write share the next', async () => {
  const { host, workspace } = createWorkspace({ 'seeds/a.txt': RELEASE('Allies meet', BODY) });
  await workspace.scan();
  const uri = `${ROOT}/seeds/a.txt`;
  const file = workspace.getFile(uri)!;
  const location = workspace.getTagFileLocation(uri)!;
  assert.equal(location.yamlUri, `${ROOT}/annotations/a.yaml`);
  const start = file.text.indexOf('malign');
  const ids = await Promise.all([
    workspace.tags.addRecord(location, createTagRecord(file, { start, end: start + 6 }, ['threat'], '')),
    workspace.tags.addRecord(location, createTagRecord(file, { start: start + 7, end: start + 17 }, ['activity'], 'note')),
    workspace.tags.addRecord(location, createTagRecord(file, { start: start + 21, end: start + 27 }, ['place'], '')),
  ]);
  assert.equal(host.writes.length, 2);
  const written = parseTagFile(host.getFile(location.yamlUri)!);
  assert.equal(written.corpusFile, 'seeds/a.txt');
  assert.deepEqual(
    written.records.map((r) => [r.id, r.anchor.exact]),
    [
      [ids[0], 'malign'],
      [ids[1], 'activities'],
      [ids[2], 'Allied'],
    ],
  );
  assert.deepEqual(
    workspace.tags.findTags((u) => workspace.getFile(u), { tag: 'threat' }).map((t) => t.tag.span),
    [{ start, end: start + 6 }],
  );
});

test('a tag file that does not parse is never overwritten', async () => {
  const { host, workspace } = createWorkspace({ 'seeds/a.txt': RELEASE('Allies meet', BODY), 'annotations/a.yaml': 'corpusFile: seeds/a.txt\ntags: [\n' });
  await workspace.scan();
  const uri = `${ROOT}/seeds/a.txt`;
  const location = workspace.getTagFileLocation(uri)!;
  await assert.rejects(
    workspace.tags.addRecord(location, createTagRecord(workspace.getFile(uri)!, { start: 0, end: 6 }, ['x'], '')),
    /annotations\/a\.yaml line \d+, column \d+: .*Nothing was written/,
  );
  assert.equal(host.writes.length, 0);
});
