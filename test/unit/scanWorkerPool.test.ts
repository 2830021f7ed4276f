// The initial scan on worker threads (host/scanWorkerPool.ts) against the scan on the main thread: the same
// texts, parses, entity findings, file versions, mentions and problems, on the seeds, the breadth pages and files
// no one should read; a worker that dies or cannot start hands its files back to the main thread; derived
// indexes start on what the workers parsed without waiting for the scan to pause.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { findReleaseFindings } from '../../server/src/corpus/entities/recognize';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { CorpusWorkspace } from '../../server/src/engine/corpusWorkspace';
import { CorpusFileRead, CorpusFileReader } from '../../server/src/engine/host';
import { BackgroundScheduler } from '../../server/src/engine/scheduler';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { Corpus } from '../../server/src/features/corpus';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { canonicaliseUri } from '../../server/src/features/uris';
import { NodeHost } from '../../server/src/host/nodeHost';
import { ScanWorkerPool } from '../../server/src/host/scanWorkerPool';
import { REPO_ROOT } from '../support/lspClient';

const BLOCKING = { timeout: 60_000 };
const MAX_BYTES = 50 * 1024 * 1024;

function uriOf(path: string): string {
  return canonicaliseUri(pathToFileURL(path).href);
}

async function readAll(reader: CorpusFileReader, uris: readonly string[], maxBytes = MAX_BYTES): Promise<CorpusFileRead[]> {
  const reads: CorpusFileRead[] = [];
  for await (const read of reader.readCorpusFiles(uris, maxBytes)) reads.push(read);
  return reads;
}

/** A folder with the files given, scanned by a workspace reading through `reader` (workers) or on the main thread. */
async function scanFolder(root: string, createReader?: (host: NodeHost, folders: string[]) => CorpusFileReader): Promise<CorpusWorkspace> {
  const folderUri = uriOf(root);
  const host = new NodeHost([folderUri]);
  const workspace = new CorpusWorkspace(host, [folderUri], { ...DEFAULT_SETTINGS, maxFileSizeMB: 0.02 }, undefined, createReader?.(host, [folderUri]));
  await workspace.scan();
  workspace.refreshAll();
  workspace.dispose();
  return workspace;
}

/** Every corpus file as a user would notice it: version, releases, problems (codes and messages) and mentions. */
function describeCorpus(workspace: CorpusWorkspace): string[] {
  return [...workspace.corpus.files.getFiles()]
    .sort((a, b) => a.version - b.version)
    .map((file) => {
      const problems = computeFileProblems(workspace.view, file.uri).map((problem) => `${problem.code} ${problem.message}`);
      const titles = file.parsed.releases.map((release) => release.title);
      const mentions = [...(workspace.corpus.entities.getFileEntities(file.uri)?.mentions ?? [])].map((m) => `${m.span.start} ${m.key}`);
      const name = file.uri.slice(file.uri.lastIndexOf('/') + 1);
      return `v${file.version} ${name}: ${titles.length} releases ${JSON.stringify(titles)} ${problems.join('; ')}; ${mentions.length} mentions: ${mentions.join(', ')}`;
    });
}

function createFolder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-scan-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function seedTexts(): Record<string, string | Buffer> {
  return Object.fromEntries(readdirSync(join(REPO_ROOT, 'seeds')).map((name) => [`seeds/${name}`, readFileSync(join(REPO_ROOT, 'seeds', name))]));
}

test('the workers read, parse and find entities in every seed and breadth page exactly as the main thread does', BLOCKING, async () => {
  const paths = [join(REPO_ROOT, 'seeds'), join(REPO_ROOT, 'test/data/breadth/dev')].flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => join(folder, name)),
  );
  assert.ok(paths.length > 20, `found only ${paths.length} files`);
  const uris = paths.map(uriOf);
  const host = new NodeHost([uriOf(REPO_ROOT)]);
  const reads = await readAll(new ScanWorkerPool(host, [uriOf(REPO_ROOT)], { workers: 2 }), uris);
  assert.equal(reads.length, uris.length);
  for (const [i, read] of reads.entries()) {
    const expected = await host.readText(uris[i], MAX_BYTES);
    assert.equal(read.kind, 'text', paths[i]);
    assert.equal(expected.kind, 'text');
    if (read.kind !== 'text' || expected.kind !== 'text') continue;
    assert.equal(read.text, expected.text, paths[i]);
    assert.ok(read.parsed, `${paths[i]} came back unparsed`);
    const parsed = parseCorpusFile(expected.text);
    assert.deepStrictEqual(read.parsed, parsed, paths[i]);
    const findings = parsed.releases.map((release, releaseIndex) => findReleaseFindings(expected.text, release, releaseIndex));
    assert.deepStrictEqual(read.releaseFindings, findings, paths[i]);
  }
});

test('a scan on workers gives the same files, versions and problems as one on the main thread, unreadable files included', BLOCKING, async () => {
  const outside = mkdtempSync(join(tmpdir(), 'press-corpus-outside-'));
  writeFileSync(join(outside, 'private.txt'), 'Private\n\nSource: Nobody\n\nNot to be read.\n');
  const root = createFolder({ ...seedTexts(), 'seeds/scan.txt': Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) });
  try {
    execFileSync('mkfifo', [join(root, 'seeds', 'fifo.txt')]);
    symlinkSync('/dev/zero', join(root, 'seeds', 'zero.txt'));
    symlinkSync(join(outside, 'private.txt'), join(root, 'seeds', 'private.txt'));
    const inThread = describeCorpus(await scanFolder(root));
    const onWorkers = describeCorpus(await scanFolder(root, (host, folders) => new ScanWorkerPool(host, folders, { workers: 2 })));
    assert.deepEqual(onWorkers, inThread);
    // The scan lists regular files only (and symlinks to them); 0.02 MB makes the first seed too large.
    for (const expected of [/private\.txt.*file\.outside-workspace/, /scan\.txt.*file\.binary/, /000_.*file\.too-large/])
      assert.ok(
        onWorkers.some((line) => expected.test(line)),
        `${expected} in ${onWorkers.join('\n')}`,
      );
    // A watcher may name a FIFO, a device or a file gone since: the workers' read says what the host's says.
    const uris = ['fifo.txt', 'zero.txt', 'private.txt', 'scan.txt', 'gone.txt', '000_248d20a5422f2a6b.txt'].map((name) => uriOf(join(root, 'seeds', name)));
    const host = new NodeHost([uriOf(root)]);
    const expectedReads = await Promise.all(uris.map((uri) => host.readText(uri, 1024)));
    assert.deepEqual(await readAll(new ScanWorkerPool(host, [uriOf(root)], { workers: 1 }), uris, 1024), expectedReads);
    assert.deepEqual(
      expectedReads.map((read) => read.kind),
      ['unreadable', 'outside-workspace', 'outside-workspace', 'binary', 'missing', 'too-large'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('a worker that dies on its first file, or cannot start, hands its files back to the main thread', BLOCKING, async () => {
  const root = createFolder(seedTexts());
  const scripts = createFolder({
    'exits.js': "require('node:worker_threads').parentPort.on('message', () => process.exit(3));",
    'throws.js': "throw new Error('this worker cannot start');",
  });
  try {
    const expected = describeCorpus(await scanFolder(root));
    for (const script of ['exits.js', 'throws.js', 'missing.js']) {
      const pool = (host: NodeHost, folders: string[]) => new ScanWorkerPool(host, folders, { workers: 2, script: join(scripts, script) });
      assert.deepEqual(describeCorpus(await scanFolder(root, pool)), expected, script);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(scripts, { recursive: true, force: true });
  }
});

test('pass one from a worker is what the entity index resolves for that version of the file; the next version is recognised afresh', () => {
  const corpus = new Corpus();
  const uri = 'file:///corpus/seeds/a.txt';
  const text = 'Allies meet in Brussels\n\nSource: NATO\n\nSecretary General Jens Stoltenberg met Foreign Minister Dmytro Kuleba in Brussels.\n';
  const parsed = parseCorpusFile(text);
  const keysOf = () => [...corpus.entities.getFileEntities(uri)!.mentions].map((mention) => mention.key);
  // A worker that found nothing: the seed is taken as given, so the file has no mentions.
  const first = corpus.files.setFile(uri, text, parsed);
  corpus.entities.seedReleaseFindings(
    first,
    parsed.releases.map(() => []),
  );
  assert.deepEqual(keysOf(), []);
  corpus.files.setFile(uri, text);
  assert.ok(keysOf().includes('person:jens stoltenberg'), keysOf().join(', '));
});

test('a file the scan stored already parsed sets background work going at once; after an edit it still waits for a quiet moment', async () => {
  const scheduler = new BackgroundScheduler(60_000);
  let slices = 0;
  scheduler.add({ runSlice: () => (slices++, false) });
  const nextTurns = async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  scheduler.resume();
  await nextTurns();
  assert.equal(slices, 1);
  scheduler.poke(); // an edit: the quiet moment (a minute here) is waited for, whatever the scan stores meanwhile
  scheduler.resume();
  await nextTurns();
  assert.equal(slices, 1);
  scheduler.dispose();
});
