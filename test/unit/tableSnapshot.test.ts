// The corpus snapshot: a start on the corpus its tables were taken of restores them whole (no file's rows added
// one by one) and answers exactly as a cold start does; a snapshot that is truncated, corrupt, of another format
// version, of data that does not fit, or of other texts (a file changed, added or removed, or changed while it
// was being written) is discarded, never trusted, and every answer is still the cold start's.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CorpusWorkspace } from '../../server/src/engine/corpusWorkspace';
import { MemoryHost } from '../../server/src/engine/memoryHost';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { encodeCacheEntry, readCachePayload, verifyCacheEntry } from '../../server/src/host/cacheEntryCodec';
import { DiskCacheStore } from '../../server/src/host/diskCache';
import { entryPaths, FILES, FORMAT, printAnswers, ROOT, SEEDS, seedFiles, start } from '../support/persistentWorkspace';

const scratch = mkdtempSync(join(tmpdir(), 'press-corpus-snapshot-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The indexes whose tables a snapshot holds: each adds every file's rows when there is none. */
const SNAPSHOT_INDEXES = 4;

function snapshotPath(cache: string): string {
  const [path, ...others] = entryPaths(cache).filter((p) => p.endsWith('.tables'));
  assert.equal(others.length, 0, 'one snapshot per store');
  return path;
}

/** A cold start with a store in a fresh folder, and the answers of a start without any store. */
async function coldStart(name: string, files = seedFiles()) {
  const cache = join(scratch, name);
  const cold = await start(files, cache);
  assert.equal(cold.rowsAdded, FILES * SNAPSHOT_INDEXES, 'a cold start adds every file to every table');
  assert.ok(existsSync(snapshotPath(cache)), 'and then stores the tables');
  return { cache, cold };
}

test('a start on the same texts restores the tables whole and answers as a cold start', async () => {
  const { cache, cold } = await coldStart('same');
  const warm = await start(seedFiles(), cache);
  assert.deepEqual([warm.scan.fromStore, warm.recognised, warm.rowsAdded], [FILES, 0, 0], 'no file recognised, no row added');
  assert.equal(warm.answers, cold.answers);
  assert.equal(warm.answers, (await start(seedFiles(), undefined)).answers, 'the same as without a store');
  const again = await start(seedFiles(), cache);
  assert.deepEqual([again.rowsAdded, again.answers === cold.answers], [0, true], 'a restored corpus is not snapshotted again, the snapshot still holds');
});

test('a restored corpus takes edits as a cold one does: a changed or removed file leaves the restored tables', async () => {
  const { cache, cold } = await coldStart('edited');
  const warm = await start(seedFiles(), cache);
  assert.equal(warm.rowsAdded, 0);
  const uri = `${ROOT}/seeds/${SEEDS[1]}`;
  const edited = seedFiles()[uri].replace(/NATO/g, 'The Alliance');
  const removed = `${ROOT}/seeds/${SEEDS[2]}`;
  for (const { workspace } of [cold, warm]) {
    workspace.documentChanged(uri, edited, true);
    workspace.corpus.files.removeFile(removed);
    workspace.refreshAll();
  }
  assert.equal(printAnswers(warm.workspace), printAnswers(cold.workspace));
  assert.notEqual(printAnswers(warm.workspace), warm.answers, 'the edit changed answers');
});

test('a truncated snapshot, or one with a byte flipped, is discarded: the files are added row by row', async () => {
  for (const damage of ['truncated', 'flipped'] as const) {
    const { cache, cold } = await coldStart(damage);
    const path = snapshotPath(cache);
    if (damage === 'truncated') truncateSync(path, readFileSync(path).length - 1);
    else {
      const bytes = readFileSync(path);
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      writeFileSync(path, bytes);
    }
    const warm = await start(seedFiles(), cache);
    assert.deepEqual([warm.recognised, warm.rowsAdded], [0, FILES * SNAPSHOT_INDEXES], damage);
    assert.equal(warm.answers, cold.answers, damage);
  }
});

test('a snapshot of another format version is not read', async () => {
  const { cache, cold } = await coldStart('version');
  const path = snapshotPath(cache);
  const key = path.slice(path.lastIndexOf('/') + 1).split('.')[0];
  const payload = readCachePayload(verifyCacheEntry(readFileSync(path), { formatVersion: FORMAT, key, part: 'tables' })!);
  writeFileSync(path, encodeCacheEntry({ formatVersion: '1:older', key, part: 'tables' }, payload));
  const warm = await start(seedFiles(), cache);
  assert.deepEqual([warm.recognised, warm.rowsAdded], [0, FILES * SNAPSHOT_INDEXES]);
  assert.equal(warm.answers, cold.answers);
});

test('a well-formed snapshot whose tables do not fit the files is discarded index by index', async () => {
  const { cache, cold } = await coldStart('shape');
  const path = snapshotPath(cache);
  const key = path.slice(path.lastIndexOf('/') + 1).split('.')[0];
  const name = { formatVersion: FORMAT, key, part: 'tables' };
  const snapshot = readCachePayload(verifyCacheEntry(readFileSync(path), name)!) as { tables: Record<string, { items?: Int32Array; strings?: unknown[] }> };
  snapshot.tables['near passages'].items![0] = 1e6; // a sentence no file has
  snapshot.tables.entities.strings![0] = 42; // not a string
  writeFileSync(path, encodeCacheEntry(name, snapshot));
  const warm = await start(seedFiles(), cache);
  assert.deepEqual([warm.recognised, warm.rowsAdded], [0, FILES * 2], 'near passages and entities add their rows, passages and related releases restore');
  assert.equal(warm.answers, cold.answers);
});

test('a snapshot of other texts is discarded: one file changed, one added, one removed', async () => {
  const variants: Record<string, (files: Record<string, string>) => void> = {
    changed: (files) => (files[`${ROOT}/seeds/${SEEDS[1]}`] = files[`${ROOT}/seeds/${SEEDS[1]}`].replace(/NATO/, 'The Alliance')),
    added: (files) => (files[`${ROOT}/seeds/added.txt`] = `${files[`${ROOT}/seeds/${SEEDS[2]}`]}\n\n`),
    removed: (files) => delete files[`${ROOT}/seeds/${SEEDS[2]}`],
  };
  for (const [variant, change] of Object.entries(variants)) {
    const { cache } = await coldStart(variant);
    const files = seedFiles();
    change(files);
    const warm = await start(files, cache);
    const fileCount = Object.keys(files).length;
    assert.equal(warm.rowsAdded, fileCount * SNAPSHOT_INDEXES, `${variant}: every file added row by row`);
    assert.equal(warm.answers, (await start(files, undefined)).answers, variant);
    assert.equal((await start(files, cache)).rowsAdded, 0, `${variant}: the new tables are snapshotted`);
  }
});

test('a file changed while the snapshot is being written leaves no snapshot of a corpus that no longer is', async () => {
  const cache = join(scratch, 'changed-while-written');
  const files = seedFiles();
  const store = new DiskCacheStore(cache, FORMAT, cache);
  const workspace = new CorpusWorkspace(new MemoryHost(files), [ROOT], DEFAULT_SETTINGS, undefined, undefined, store);
  await workspace.scan();
  workspace.refreshAll();
  const written = workspace.flushPersistentIndex(); // the snapshot is queued behind the files' entries
  const uri = `${ROOT}/seeds/${SEEDS[0]}`;
  workspace.documentChanged(uri, `${files[uri]} An edit.`, true);
  await written;
  workspace.dispose();
  assert.deepEqual(
    entryPaths(cache).filter((p) => p.endsWith('.tables')),
    [],
    'not written: the corpus had changed',
  );
  const warm = await start(files, cache);
  assert.deepEqual([warm.recognised, warm.rowsAdded], [0, FILES * SNAPSHOT_INDEXES]);
  assert.equal(warm.answers, (await start(files, undefined)).answers);
});
