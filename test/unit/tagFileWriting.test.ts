// Safe writes of tag files: the lock serialises read-change-write cycles, names its owner and is taken over only
// when that owner is gone; odd locks (a dangling symlink, a future mtime) never block forever; writes are
// compare-and-swap, lose no save that lands during the replacement, and keep the bytes of untouched lines.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FileChangedError } from '../../server/src/engine/host';
import { writeFileAtomically } from '../../server/src/host/atomicWrite';
import { withFileLock } from '../../server/src/host/fileLock';

const folder = mkdtempSync(join(tmpdir(), 'press-corpus-lock-'));
after(() => rmSync(folder, { recursive: true, force: true }));
/** Tests of locks that used to block forever fail by this timeout instead. */
const BLOCKING = { timeout: 20_000 };

/** The pid of a process that has exited: a lock naming it was left by a crash. */
function getDeadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function listFolder(name: string): string[] {
  return readdirSync(folder).filter((entry) => entry.includes(name));
}

test('read-change-write cycles under the lock never interleave', async () => {
  const path = join(folder, 'annotations', 'count.yaml');
  const cycles = Array.from({ length: 50 }, () =>
    withFileLock(path, async () => {
      const count = Number((await readFile(path, 'utf8').catch(() => '')) || '0');
      await sleep(Math.random() * 2);
      await writeFileAtomically(path, String(count + 1));
    }),
  );
  await Promise.all(cycles);
  assert.equal(readFileSync(path, 'utf8'), '50');
  assert.deepEqual(readdirSync(join(folder, 'annotations')), ['count.yaml']);
});

test('a lock left by a process that died is taken over at once, whatever its age', BLOCKING, async () => {
  writeFileSync(join(folder, '.crashed.yaml.lock'), JSON.stringify({ pid: getDeadPid(), host: hostname(), token: 'gone' }));
  assert.equal(await withFileLock(join(folder, 'crashed.yaml'), async () => 'ran'), 'ran');
  assert.deepEqual(listFolder('crashed'), []);
});

test('a live writer keeps its lock past the old ten-second timeout; the next writer waits for it', BLOCKING, async () => {
  const lockPath = join(folder, '.busy.yaml.lock');
  // Held by a live process on this host, last refreshed 12 s ago (a long write on a loaded machine).
  writeFileSync(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), token: 'holder' }));
  const twelveSecondsAgo = (Date.now() - 12_000) / 1000;
  utimesSync(lockPath, twelveSecondsAgo, twelveSecondsAgo);
  let ran = false;
  const waiting = withFileLock(join(folder, 'busy.yaml'), async () => {
    ran = true;
  });
  await sleep(500);
  assert.equal(ran, false, 'the lock of a live writer was taken over');
  assert.match(readFileSync(lockPath, 'utf8'), /holder/);
  rmSync(lockPath); // the holder finishes
  await waiting;
  assert.equal(ran, true);
});

test('a lock is released only by its owner: a lock taken over meanwhile stays', BLOCKING, async () => {
  const lockPath = join(folder, '.owned.yaml.lock');
  const other = JSON.stringify({ pid: process.pid, host: hostname(), token: 'someone-else' });
  await withFileLock(join(folder, 'owned.yaml'), async () => {
    writeFileSync(lockPath, other); // another writer believed ours gone and took the lock
  });
  assert.equal(readFileSync(lockPath, 'utf8'), other);
  rmSync(lockPath);
});

test('a lock that is a dangling symlink does not block writes', BLOCKING, async () => {
  symlinkSync(join(folder, 'nowhere', 'x'), join(folder, '.dangling.yaml.lock'));
  assert.equal(await withFileLock(join(folder, 'dangling.yaml'), async () => 'ran'), 'ran');
  assert.deepEqual(listFolder('dangling'), []);
});

test('a lock with an mtime in the future does not block writes', BLOCKING, async () => {
  const lockPath = join(folder, '.future.yaml.lock');
  writeFileSync(lockPath, 'garbage, no owner');
  const nextYear = (Date.now() + 365 * 24 * 3600_000) / 1000;
  utimesSync(lockPath, nextYear, nextYear);
  assert.equal(await withFileLock(join(folder, 'future.yaml'), async () => 'ran'), 'ran');
  assert.deepEqual(listFolder('future'), []);
});

test('temporary files left by a writer that died are removed by the next write', async () => {
  const path = join(folder, 'leftover.yaml');
  writeFileSync(join(folder, '.leftover.yaml.12345.deadbeef.tmp'), 'half a file');
  await withFileLock(path, () => writeFileAtomically(path, 'tags: []\n', ''));
  assert.deepEqual(listFolder('leftover'), ['leftover.yaml']);
});

test('a compare-and-swap write refuses a file that changed since it was read, and writes nothing', async () => {
  const path = join(folder, 'swap.yaml');
  writeFileSync(path, 'corpusFile: a.txt\ntags:\n  - hand edit\n');
  await assert.rejects(writeFileAtomically(path, 'corpusFile: a.txt\ntags: []\n', 'corpusFile: a.txt\ntags: []\n'), FileChangedError);
  await assert.rejects(writeFileAtomically(join(folder, 'created.yaml'), 'x\n', 'what we read\n'), FileChangedError);
  assert.equal(readFileSync(path, 'utf8'), 'corpusFile: a.txt\ntags:\n  - hand edit\n');
  assert.deepEqual(listFolder('swap'), ['swap.yaml']);
});

test('untouched lines keep their exact bytes: invalid UTF-8 and the byte order mark included', async () => {
  const path = join(folder, 'bytes.yaml');
  const original = Buffer.concat([Buffer.from('\ufeffcorpusFile: a.txt\n# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\ntags:\n  - id: a\n')]);
  writeFileSync(path, original);
  const read = original.subarray(3).toString('utf8');
  await writeFileAtomically(path, `${read}  - id: b\n`, read);
  assert.deepEqual(readFileSync(path), Buffer.concat([original, Buffer.from('  - id: b\n')]));
});

/** Polls between turns of the event loop: a write's set-aside window lasts a timer, so a poll always sees it. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    assert.ok(turn < 100_000, 'the condition never held');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const READ_TEXT = 'corpusFile: a.txt\ntags: []\n';
const OUR_TEXT = 'corpusFile: a.txt\ntags:\n  - id: ours\n';
const HAND_SAVE = 'corpusFile: a.txt\n# hand edit\ntags: []\n';

test('an in-place save by a program that opened the file just before it was replaced is kept, not lost', async () => {
  const path = join(folder, 'in-place.yaml');
  writeFileSync(path, READ_TEXT);
  const editor = openSync(path, 'r+'); // the other program has the file open, about to save
  const writing = writeFileAtomically(path, OUR_TEXT, READ_TEXT);
  await waitUntil(() => !existsSync(path)); // after the last comparison: the file is set aside
  ftruncateSync(editor, 0);
  writeSync(editor, HAND_SAVE);
  closeSync(editor);
  await assert.rejects(writing, FileChangedError); // the caller re-reads and applies its change to the save
  assert.equal(readFileSync(path, 'utf8'), HAND_SAVE);
  assert.deepEqual(listFolder('in-place'), ['in-place.yaml']);
});

test('a save by rename landing after the last comparison is kept, not replaced', async () => {
  const path = join(folder, 'by-rename.yaml');
  writeFileSync(path, READ_TEXT);
  const writing = writeFileAtomically(path, OUR_TEXT, READ_TEXT);
  await waitUntil(() => !existsSync(path));
  writeFileSync(join(folder, 'editor-save'), HAND_SAVE);
  renameSync(join(folder, 'editor-save'), path);
  await assert.rejects(writing, FileChangedError);
  assert.equal(readFileSync(path, 'utf8'), HAND_SAVE);
  assert.deepEqual(listFolder('by-rename'), ['by-rename.yaml']);
});

test('a file set aside by a writer that died is put back by the next write, never removed', async () => {
  const path = join(folder, 'interrupted.yaml');
  writeFileSync(join(folder, '.interrupted.yaml.12345.deadbeef.aside'), READ_TEXT);
  const seen = await withFileLock(path, async () => readFileSync(path, 'utf8'));
  assert.equal(seen, READ_TEXT);
  assert.deepEqual(listFolder('interrupted'), ['interrupted.yaml']);
  // With the file back in place, a later leftover is an older copy: removed, the file untouched.
  writeFileSync(join(folder, '.interrupted.yaml.12345.deadbeef.aside'), 'older\n');
  await withFileLock(path, async () => undefined);
  assert.equal(readFileSync(path, 'utf8'), READ_TEXT);
  assert.deepEqual(listFolder('interrupted'), ['interrupted.yaml']);
});
