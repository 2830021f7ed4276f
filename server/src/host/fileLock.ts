// The lock that lets one process at a time read-change-write a tag file shared by several editor windows (several
// server processes, the CLI). A lock file beside the YAML file, created with O_EXCL, names its owner (pid, host,
// a random token) and is touched every LOCK_REFRESH_MS while held:
// - it is taken over only when its owner is gone: a dead pid on this host, or no refresh for ABANDONED_LOCK_MS
//   (a live writer on a loaded machine keeps refreshing, so a long write never loses its lock);
// - it is released only by its owner (the token is checked before unlinking);
// - a lock that is a symlink, a FIFO or another odd file, one nobody can read, or one with a future mtime is
//   judged by what can be observed (it stays unchanged while we wait), never waited on forever;
// - taking over goes through a short "breaker" lock, so two waiters cannot both remove the stale lock and then
//   remove each other's new one.
// What writers that died mid-write left (temporary files, a file set aside) is cleaned up once the lock is held
// (writes happen only under it): atomicWrite.ts.

import { randomBytes } from 'node:crypto';
import { constants, Stats } from 'node:fs';
import { lstat, mkdir, open, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { cleanUpInterruptedWrites } from './atomicWrite';

/** How often a holder touches its lock. */
export const LOCK_REFRESH_MS = 1_000;
/** A lock not refreshed for this long belongs to a process that is gone (or frozen beyond help). */
export const ABANDONED_LOCK_MS = 15_000;
/** A lock whose owner cannot be read (empty, garbage, a symlink) is removed after staying unchanged this long. */
export const UNREADABLE_LOCK_GRACE_MS = 2_000;
/** Waiting longer than this for another window means something is wrong; the command says so. */
const LOCK_WAIT_MS = 60_000;
const THIS_HOST = hostname();

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

export function getLockPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

/** Runs `work` while holding the lock of `path` (creating the folder when needed). */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const lockPath = getLockPath(path);
  const owner: LockOwner = { pid: process.pid, host: THIS_HOST, token: randomBytes(12).toString('hex') };
  await acquireLock(lockPath, path, owner);
  const refresh = setInterval(() => void touchIfOwned(lockPath, owner), LOCK_REFRESH_MS);
  refresh.unref();
  try {
    await cleanUpInterruptedWrites(path);
    return await work();
  } finally {
    clearInterval(refresh);
    await releaseIfOwned(lockPath, owner);
  }
}

async function acquireLock(lockPath: string, path: string, owner: LockOwner): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  const observed = new LockObservation();
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lockPath, owner)) return;
    const state = await inspectLock(lockPath);
    if (state.kind === 'directory')
      throw new Error(`${lockPath} is a folder, not a lock file; remove it so ${basename(path)} can be written. Nothing was written.`);
    if (state.kind !== 'gone' && isAbandoned(state, observed.unchangedFor(state))) await breakLock(lockPath, state);
    else if (Date.now() > deadline) {
      const holder = state.kind === 'owned' ? ` (process ${state.owner.pid} on ${state.owner.host})` : '';
      throw new Error(
        `${basename(path)} stays locked by another Press Corpus window${holder}: ${lockPath}; nothing was written. Try again, or delete the lock file if no other window is open.`,
      );
    } else {
      // Short random waits: the holder needs milliseconds, and jitter keeps two windows from retrying in step.
      await sleep(2 + Math.random() * Math.min(50, 5 * (attempt + 1)));
    }
  }
}

async function tryCreate(lockPath: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify({ ...owner, since: new Date().toISOString() })}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

type LockState =
  | { readonly kind: 'gone' }
  | { readonly kind: 'directory' }
  /** A symlink (dangling or not), FIFO, socket or device: never one of ours. */
  | { readonly kind: 'odd'; readonly stats: Stats }
  /** A regular file whose content does not name an owner (still being written, or garbage). */
  | { readonly kind: 'unreadable'; readonly stats: Stats; readonly content: string }
  | { readonly kind: 'owned'; readonly stats: Stats; readonly owner: LockOwner; readonly content: string };

async function inspectLock(lockPath: string): Promise<LockState> {
  let stats: Stats;
  try {
    stats = await lstat(lockPath);
  } catch {
    return { kind: 'gone' };
  }
  if (stats.isDirectory()) return { kind: 'directory' };
  if (!stats.isFile()) return { kind: 'odd', stats };
  const content = await readLockContent(lockPath);
  if (content === undefined) return { kind: 'gone' };
  const owner = parseOwner(content);
  return owner ? { kind: 'owned', stats, owner, content } : { kind: 'unreadable', stats, content };
}

/** Reads a lock file without following a symlink put there meanwhile and without blocking on a FIFO. */
async function readLockContent(lockPath: string): Promise<string | undefined> {
  try {
    const handle = await open(lockPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!(await handle.stat()).isFile()) return '';
      const buffer = Buffer.alloc(1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : '';
  }
}

/** The owner a lock names: this version's JSON, or the `pid date` line earlier versions wrote on this host. */
function parseOwner(content: string): LockOwner | undefined {
  try {
    const value = JSON.parse(content) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.token === 'string') return value as LockOwner;
  } catch {
    const legacy = /^(\d+) /.exec(content);
    if (legacy) return { pid: Number(legacy[1]), host: THIS_HOST, token: '' };
  }
  return undefined;
}

/** How long a lock has been seen unchanged (same inode, size, mtime, content) by this waiter. */
class LockObservation {
  private key = '';
  private since = 0;

  unchangedFor(state: Exclude<LockState, { kind: 'gone' | 'directory' }>): number {
    const { ino, size, mtimeMs } = state.stats;
    const key = `${ino}:${size}:${mtimeMs}:${state.kind === 'odd' ? '' : state.content}`;
    if (key !== this.key) {
      this.key = key;
      this.since = Date.now();
    }
    return Date.now() - this.since;
  }
}

function isAbandoned(state: Exclude<LockState, { kind: 'gone' | 'directory' }>, unchangedForMs: number): boolean {
  if (state.kind === 'odd') return true;
  // A future mtime (clock skew, a copied file) says nothing about refreshes: only what we observe counts then.
  const age = Math.max(0, Date.now() - state.stats.mtimeMs);
  const quietFor = Math.max(age, unchangedForMs);
  if (state.kind === 'unreadable') return quietFor > UNREADABLE_LOCK_GRACE_MS;
  if (state.owner.host === THIS_HOST && !isProcessAlive(state.owner.pid)) return true;
  return quietFor > ABANDONED_LOCK_MS;
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

/** Removes an abandoned lock, unless it changed since it was judged (then the next round judges it again). */
async function breakLock(lockPath: string, judged: Exclude<LockState, { kind: 'gone' | 'directory' }>): Promise<void> {
  const breaker = `${lockPath}.break`;
  const breakerOwner: LockOwner = { pid: process.pid, host: THIS_HOST, token: randomBytes(12).toString('hex') };
  if (!(await tryCreate(breaker, breakerOwner))) {
    // Another waiter is breaking it; a breaker left by a process that died in these few milliseconds goes.
    const state = await inspectLock(breaker);
    if (state.kind !== 'gone' && state.kind !== 'directory' && Date.now() - state.stats.mtimeMs > UNREADABLE_LOCK_GRACE_MS)
      await unlink(breaker).catch(() => undefined);
    await sleep(5);
    return;
  }
  try {
    const now = await inspectLock(lockPath);
    const same = now.kind === judged.kind && now.stats.ino === judged.stats.ino && now.stats.mtimeMs === judged.stats.mtimeMs;
    if (same) await unlink(lockPath).catch(() => undefined);
  } finally {
    await releaseIfOwned(breaker, breakerOwner);
  }
}

async function touchIfOwned(lockPath: string, owner: LockOwner): Promise<void> {
  const state = await inspectLock(lockPath);
  if (state.kind !== 'owned' || state.owner.token !== owner.token) return;
  const now = new Date();
  await utimes(lockPath, now, now).catch(() => undefined);
}

async function releaseIfOwned(lockPath: string, owner: LockOwner): Promise<void> {
  const state = await inspectLock(lockPath);
  if (state.kind === 'owned' && state.owner.token === owner.token) await unlink(lockPath).catch(() => undefined);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
