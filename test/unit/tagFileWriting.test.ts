// Safe writes of tag files: the lock serialises read-change-write cycles, a stale lock is taken over, and an
// atomic write leaves no temporary file behind.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readTextIfExists, STALE_LOCK_MS, withFileLock, writeFileAtomically } from '../../server/src/host/fileLock';

const folder = mkdtempSync(join(tmpdir(), 'press-corpus-lock-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('read-change-write cycles under the lock never interleave', async () => {
  const path = join(folder, 'annotations', 'count.yaml');
  const cycles = Array.from({ length: 50 }, () =>
    withFileLock(path, async () => {
      const count = Number((await readTextIfExists(path)) || '0');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
      await writeFileAtomically(path, String(count + 1));
    }),
  );
  await Promise.all(cycles);
  assert.equal(readFileSync(path, 'utf8'), '50');
  assert.deepEqual(readdirSync(join(folder, 'annotations')), ['count.yaml']);
});

test('a lock left by a crashed process is taken over once it is stale', async () => {
  const path = join(folder, 'stale.yaml');
  const lockPath = join(folder, '.stale.yaml.lock');
  writeFileSync(lockPath, '99999 crashed\n');
  const old = (Date.now() - STALE_LOCK_MS - 1000) / 1000;
  utimesSync(lockPath, old, old);
  const ran = await withFileLock(path, async () => 'ran');
  assert.equal(ran, 'ran');
  assert.deepEqual(readdirSync(folder).filter((name) => name.includes('stale')), []);
});

test('a fresh lock makes the writer wait until it is released', async () => {
  const path = join(folder, 'busy.yaml');
  const lockPath = join(folder, '.busy.yaml.lock');
  writeFileSync(lockPath, `${process.pid} held\n`);
  let ran = false;
  const waiting = withFileLock(path, async () => {
    ran = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(ran, false);
  rmSync(lockPath);
  await waiting;
  assert.equal(ran, true);
});
