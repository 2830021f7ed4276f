// The engine on the real file system (NodeHost) as an attacker or a careless teammate leaves it: another program
// saving a tag file in place during a write or dropping a tag just written, an `annotations/` symlinked
// elsewhere, an unrelated YAML file in `annotations/`, a `corpusFile:` or glob that leaves the folder, FIFOs and a
// /dev/zero symlink among the corpus files, a document too large for the limit opened in the editor.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { removeTagRecord } from '../../server/src/annotations/tagFileEdits';
import { CorpusWorkspace } from '../../server/src/engine/corpusWorkspace';
import { MemoryHost } from '../../server/src/engine/memoryHost';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/engine/settings';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { computeCorpusFileProblem, createTagRecord } from '../../server/src/features/tagging';
import { canonicaliseUri } from '../../server/src/features/uris';
import { NodeHost } from '../../server/src/host/nodeHost';

const RELEASE =
  'Allies meet in Brussels\n\nSource: NATO\n\nNATO Allies are deeply concerned about recent malign activities on Allied territory, including sabotage.\n';
/** Tests that used to hang fail by this timeout instead. */
const BLOCKING = { timeout: 20_000 };

async function createDiskWorkspace(
  files: Record<string, string>,
): Promise<{ root: string; uriOf: (path: string) => string; workspace: CorpusWorkspace; dispose: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-safety-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const folderUri = canonicaliseUri(pathToFileURL(root).href);
  const workspace = new CorpusWorkspace(new NodeHost([folderUri]), [folderUri], DEFAULT_SETTINGS);
  return {
    root,
    uriOf: (path) => canonicaliseUri(pathToFileURL(join(root, path)).href),
    workspace,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Tags the word at `start` of seeds/a.txt. */
function tagWord(workspace: CorpusWorkspace, uri: string, start: number, name: string): Promise<string> {
  const file = workspace.getFile(uri)!;
  return workspace.tags.addRecord(workspace.getTagFileLocation(uri)!, createTagRecord(file, { start, end: start + 4 }, [name], ''));
}

function codesOf(workspace: CorpusWorkspace, uri: string): string[] {
  return computeFileProblems(workspace.view, uri).map((problem) => problem.code);
}

test('another program saving the tag file in place (truncate, then write) during a tag write loses nothing', BLOCKING, async () => {
  const { root, uriOf, workspace, dispose } = await createDiskWorkspace({ 'seeds/a.txt': RELEASE });
  try {
    await workspace.scan();
    const uri = uriOf('seeds/a.txt');
    for (const [i, name] of ['one', 'two', 'three'].entries()) await tagWord(workspace, uri, i * 5, name);
    const yamlPath = join(root, 'annotations', 'a.yaml');
    const handEdited = readFileSync(yamlPath, 'utf8').replace('tags:\n', '# checked by the desk\ntags:\n');

    const editor = openSync(yamlPath, 'w'); // the editor's save has truncated the file…
    const tagging = tagWord(workspace, uri, 30, 'four');
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeSync(editor, handEdited); // …and writes the analyst's text a moment later
    closeSync(editor);
    await tagging;

    const saved = readFileSync(yamlPath, 'utf8');
    assert.deepEqual(
      parseTagFile(saved).records.flatMap((record) => record.tags),
      ['one', 'two', 'three', 'four'],
    );
    assert.match(saved, /# checked by the desk/);
  } finally {
    dispose();
  }
});

test('tags are never written through an annotations/ symlinked out of the workspace folder', async () => {
  const { root, uriOf, workspace, dispose } = await createDiskWorkspace({ 'seeds/a.txt': RELEASE });
  const elsewhere = mkdtempSync(join(tmpdir(), 'press-corpus-elsewhere-'));
  try {
    writeFileSync(join(elsewhere, 'a.yaml'), 'corpusFile: seeds/a.txt\ntags:\n');
    symlinkSync(elsewhere, join(root, 'annotations'));
    await workspace.scan();
    const uri = uriOf('seeds/a.txt');
    await assert.rejects(tagWord(workspace, uri, 0, 'leak'), /outside the workspace folder.*Nothing was written/);
    assert.deepEqual(readdirSync(elsewhere), ['a.yaml']);
    assert.equal(readFileSync(join(elsewhere, 'a.yaml'), 'utf8'), 'corpusFile: seeds/a.txt\ntags:\n');
    assert.deepEqual(workspace.tags.getTagFileUris(), [], 'a tag file outside the folder was read');
  } finally {
    dispose();
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('an unrelated YAML file in annotations/ is neither adopted as a tag file nor rewritten', async () => {
  const config = 'indent: 2\nrules:\n  - no-tabs\n';
  const { root, uriOf, workspace, dispose } = await createDiskWorkspace({ 'seeds/config.txt': RELEASE, 'annotations/config.yaml': config });
  try {
    await workspace.scan();
    assert.deepEqual(workspace.tags.getTagFileUris(), []);
    await assert.rejects(tagWord(workspace, uriOf('seeds/config.txt'), 0, 'x'), /not a Press Corpus tag file/);
    assert.equal(readFileSync(join(root, 'annotations', 'config.yaml'), 'utf8'), config);
  } finally {
    dispose();
  }
});

test('a corpusFile that leaves the folder is reported and never followed', async () => {
  const tagFile = 'corpusFile: ../../../../etc/passwd\ntags:\n  - id: aaaaaaaa\n    tags: [x]\n    anchor: {exact: "root", start: 0, end: 4}\n';
  const { uriOf, workspace, dispose } = await createDiskWorkspace({ 'seeds/a.txt': RELEASE, 'annotations/passwd.yaml': tagFile });
  try {
    await workspace.scan();
    const yamlUri = uriOf('annotations/passwd.yaml');
    assert.equal(workspace.tags.getCorpusUri(yamlUri), undefined);
    assert.deepEqual(
      workspace.tags.findTags((u) => workspace.getFile(u), {}),
      [],
    );
    assert.equal(computeCorpusFileProblem(workspace.tags.getTagFile(yamlUri)!)?.code, 'tags.corpus-file-outside');
    for (const corpusFile of ['/etc/passwd', 'C:\\\\Windows\\\\x.txt', 'file:///etc/passwd', 'seeds/../../x.txt']) {
      assert.equal(computeCorpusFileProblem(parseTagFile(`corpusFile: "${corpusFile}"\ntags:\n`))?.code, 'tags.corpus-file-outside', corpusFile);
    }
    assert.equal(computeCorpusFileProblem(parseTagFile('corpusFile: seeds/a.txt\ntags:\n')), undefined);
  } finally {
    dispose();
  }
});

test('corpus globs that leave the folder are refused; the others are kept', () => {
  const settings = readSettings({ corpusGlobs: ['../x/**/*.txt', '/etc/*.txt', 'C:/corpus/*.txt', 'seeds/**/*.txt'] });
  assert.deepEqual(settings.corpusGlobs, ['seeds/**/*.txt']);
  assert.deepEqual(settings.refusedGlobs, ['../x/**/*.txt', '/etc/*.txt', 'C:/corpus/*.txt']);
  assert.deepEqual(readSettings({ corpusGlobs: ['../**/*.txt'] }).corpusGlobs, DEFAULT_SETTINGS.corpusGlobs);
});

test('FIFOs, a /dev/zero symlink and a symlink out of the folder among the corpus files are reported, never read', BLOCKING, async () => {
  const outside = mkdtempSync(join(tmpdir(), 'press-corpus-outside-'));
  const { root, uriOf, workspace, dispose } = await createDiskWorkspace({ 'seeds/a.txt': RELEASE });
  try {
    for (let i = 0; i < 5; i++) execFileSync('mkfifo', [join(root, 'seeds', `fifo${i}.txt`)]);
    symlinkSync('/dev/zero', join(root, 'seeds', 'zero.txt'));
    writeFileSync(join(outside, 'private.txt'), RELEASE);
    symlinkSync(join(outside, 'private.txt'), join(root, 'seeds', 'private.txt'));
    await workspace.scan();
    // Changes reported by a watcher reach the same reads.
    await workspace.filesChanged(['fifo0.txt', 'zero.txt', 'private.txt'].map((name) => ({ uri: uriOf(`seeds/${name}`), kind: 'changed' as const })));
    assert.deepEqual(codesOf(workspace, uriOf('seeds/zero.txt')), ['file.outside-workspace']);
    assert.deepEqual(codesOf(workspace, uriOf('seeds/fifo0.txt')), ['file.unreadable']);
    assert.deepEqual(codesOf(workspace, uriOf('seeds/private.txt')), ['file.outside-workspace']);
    // Tagging still works afterwards: no file-reading thread is stuck on a FIFO.
    assert.match(await tagWord(workspace, uriOf('seeds/a.txt'), 0, 'ok'), /^[a-z0-9]{8}$/);
    // Even a host confined nowhere reads no device: /dev/zero would never end.
    assert.deepEqual(await new NodeHost().readText('file:///dev/zero', 1024), { kind: 'unreadable', message: 'it is not a regular file' });
  } finally {
    dispose();
    rmSync(outside, { recursive: true, force: true });
  }
});

test('an open document larger than maxFileSizeMB is reported, not parsed', async () => {
  const host = new MemoryHost({});
  const workspace = new CorpusWorkspace(host, ['file:///w'], { ...DEFAULT_SETTINGS, maxFileSizeMB: 1 });
  const uri = 'file:///w/seeds/big.txt';
  workspace.documentChanged(uri, RELEASE.repeat(Math.ceil((1.5 * 1024 * 1024) / RELEASE.length)), true);
  assert.deepEqual(codesOf(workspace, uri), ['file.too-large']);
  assert.equal(workspace.getFile(uri)?.parsed.releases.length, 0);
  // Multi-byte text counts in UTF-8 bytes, as on disk: 600,000 × 'é' is 1.14 MB.
  workspace.documentChanged(uri, `${RELEASE}${'é'.repeat(600_000)}`, true);
  assert.deepEqual(codesOf(workspace, uri), ['file.too-large']);
  workspace.documentChanged(uri, RELEASE, true);
  assert.equal(workspace.getFile(uri)?.parsed.releases.length, 1);
});

test('a tag file emptied where records were is not taken as "no records"; once it stays gone, tagging starts afresh', async () => {
  const host = new MemoryHost({ 'file:///w/seeds/a.txt': RELEASE });
  const workspace = new CorpusWorkspace(host, ['file:///w'], DEFAULT_SETTINGS);
  await workspace.scan();
  const uri = 'file:///w/seeds/a.txt';
  await tagWord(workspace, uri, 0, 'one');
  host.setFile('file:///w/annotations/a.yaml', ''); // another program empties it; no watcher tells the store
  await assert.rejects(tagWord(workspace, uri, 5, 'two'), /empty or missing although it held 1 tags.*Nothing was written/);
  assert.equal(host.getFile('file:///w/annotations/a.yaml'), '');
  await tagWord(workspace, uri, 5, 'two');
  assert.deepEqual(
    parseTagFile(host.getFile('file:///w/annotations/a.yaml')!).records.flatMap((record) => record.tags),
    ['two'],
  );
});

test('a save by another program that drops a tag written a moment before gets the tag back, with its own change', async () => {
  const host = new MemoryHost({ 'file:///w/seeds/a.txt': RELEASE });
  const workspace = new CorpusWorkspace(host, ['file:///w'], DEFAULT_SETTINGS);
  await workspace.scan();
  const uri = 'file:///w/seeds/a.txt';
  const yamlUri = 'file:///w/annotations/a.yaml';
  const tagsInFile = () => parseTagFile(host.getFile(yamlUri)!).records.flatMap((record) => record.tags);
  await tagWord(workspace, uri, 0, 'one');
  const readByEditor = host.getFile(yamlUri)!; // another program reads the file…
  await tagWord(workspace, uri, 5, 'two');
  const removed = await tagWord(workspace, uri, 10, 'three');
  await workspace.tags.changeFile(workspace.tags.getLocationOfTagFile(yamlUri), (file) => removeTagRecord(file, removed)); // deleted on purpose here
  host.setFile(yamlUri, readByEditor.replace('tags:', '# checked by the desk\ntags:')); // …and saves its change, without 'two'
  await workspace.filesChanged([{ uri: yamlUri, kind: 'changed' }]);
  for (let turn = 0; !tagsInFile().includes('two'); turn++) {
    assert.ok(turn < 1000, 'the dropped tag was not put back');
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.deepEqual(tagsInFile(), ['one', 'two']);
  assert.match(host.getFile(yamlUri)!, /# checked by the desk/);
});
