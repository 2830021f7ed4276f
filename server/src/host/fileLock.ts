// Safe writes of tag files shared by several editor windows (several server processes):
// - a lock file beside the YAML file, created with O_EXCL, so only one process reads-changes-writes at a time;
//   a lock older than STALE_LOCK_MS belongs to a crashed process and is taken over;
// - the caller re-reads the file under the lock and applies its change to what is there now (merge, not
//   overwrite), so concurrent windows lose nothing;
// - the new text goes to a temporary file that is renamed over the old one: readers see the old or the new
//   file, never half of one.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A write holds the lock for milliseconds; a lock this old was left by a process that died. */
export const STALE_LOCK_MS = 10_000;
/** Waiting longer than this for another window means something is wrong; the command says so. */
const LOCK_WAIT_MS = 30_000;

export async function readTextIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Runs `work` while holding the lock of `path` (creating the folder when needed). */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const lockPath = join(dirname(path), `.${basename(path)}.lock`);
  await acquireLock(lockPath, path);
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

/** Replaces the file atomically: a temporary sibling (same file system) renamed over it. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function acquireLock(lockPath: string, path: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath)) {
      // Two processes may both find it stale; unlink tolerates that and O_EXCL still lets only one in.
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`${basename(path)} stays locked by another Press Corpus window (${lockPath}); nothing was written. Try again, or delete the lock file if no other window is open.`);
    }
    // Short random waits: the holder needs milliseconds, and jitter keeps two windows from retrying in step.
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * Math.min(50, 5 * (attempt + 1))));
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false; // gone already: the next attempt takes it
  }
}
