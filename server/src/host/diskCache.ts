// The persistent index's store on this machine (engine/persistentIndex.ts): one file per text and part,
// `<cache folder>/v<format hash>/<content key>.<part>`, in the folder the editor gives (its workspace storage) or
// `.cache/press-corpus/` under the workspace. Writes stay inside that folder: entry names are checked, the
// folder's real path must lie inside the folder it is confined to (a symlink planted in a workspace cannot send
// writes elsewhere), and each entry is replaced atomically. Reads are bounded and every entry is verified
// (cacheEntryCodec.ts). Folders of other format versions unused for a week are removed when a store opens.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rm, utimes } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { PersistentStore } from '../engine/persistentIndex';
import { writeBytesAtomicallySync } from './atomicWrite';
import { encodeCacheEntry, getContentKey, readCachePayload, verifyCacheEntry } from './cacheEntryCodec';
import { isInsideFolder, readRegularFile, resolveExisting } from './fileReading';

/** Bumped whenever what is stored changes shape in a way the code version below would not notice. */
export const CACHE_FORMAT = 2;
/** Where the command line (and a server given no folder) keeps the persistent index, under the workspace. */
export const WORKSPACE_CACHE_PATH = '.cache/press-corpus';

const VERSION_FOLDER = /^v[0-9a-f]{16}$/;
const ENTRY_NAME = /^[0-9a-f]{64}\.[a-z-]+$/;
const TEMPORARY_NAME = /^\.[0-9a-f]{64}\.[a-z-]+\..*\.tmp$/;
const STALE_VERSION_MS = 7 * 24 * 3600 * 1000;
/** Writes run in batches this long, then yield to requests. */
const WRITE_SLICE_MS = 10;

export class DiskCacheStore implements PersistentStore {
  private readonly folder: Promise<string | undefined>;
  /** Writes waiting, in order; drained by `drain`. */
  private jobs: ((folder: string) => void)[] = [];
  private draining: Promise<void> | undefined;
  private writeFailureReported = false;

  /**
   * `cacheFolder` holds one folder per format version; `confineTo` is the folder its real path must stay in (the
   * workspace folder for `.cache/press-corpus/`, the cache folder itself for the editor's storage).
   */
  constructor(
    cacheFolder: string,
    private readonly formatVersion: string,
    confineTo: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.folder = openVersionFolder(resolve(cacheFolder), formatVersion, resolve(confineTo)).catch((error: Error) => {
      log(`Press Corpus keeps no persistent index: ${error.message}`);
      return undefined;
    });
  }

  keyOf(text: string): string {
    return getContentKey(text);
  }

  async read(key: string, part: string, maxBytes: number): Promise<(() => unknown) | undefined> {
    const path = await this.getEntryPath(key, part);
    if (!path) return undefined;
    const read = await readRegularFile(path, maxBytes);
    if (read.kind !== 'bytes') return undefined;
    const payload = verifyCacheEntry(read.bytes, { formatVersion: this.formatVersion, key, part });
    return payload && (() => readCachePayload(payload));
  }

  write(key: string, part: string, value: () => unknown): void {
    this.enqueue((folder) => {
      const name = `${key}.${part}`;
      const data = ENTRY_NAME.test(name) ? value() : undefined;
      if (data !== undefined) writeBytesAtomicallySync(join(folder, name), encodeCacheEntry({ formatVersion: this.formatVersion, key, part }, data));
    });
  }

  retainOnly(keys: ReadonlySet<string>): void {
    this.enqueue((folder) => {
      // Also the temporary files of writes a killed process left behind.
      for (const name of readdirSync(folder))
        if ((ENTRY_NAME.test(name) && !keys.has(name.slice(0, name.indexOf('.')))) || TEMPORARY_NAME.test(name)) rmSync(join(folder, name), { force: true });
    });
  }

  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Queues a write; the queue is drained in batches of at most WRITE_SLICE_MS, yielding to requests in between. */
  private enqueue(job: (folder: string) => void): void {
    this.jobs.push(job);
    this.startDrain();
  }

  private startDrain(): void {
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
      if (this.jobs.length > 0) this.startDrain(); // queued while the last batch was ending
    });
  }

  private async drain(): Promise<void> {
    const folder = await this.folder;
    while (this.jobs.length > 0) {
      const batch = this.jobs.splice(0);
      const started = performance.now();
      let done = 0;
      while (done < batch.length && performance.now() - started < WRITE_SLICE_MS) {
        try {
          if (folder) batch[done](folder);
        } catch (error) {
          if (!this.writeFailureReported)
            this.log(`Press Corpus could not write its persistent index (${(error as Error).message}); it reads files again on the next start.`);
          this.writeFailureReported = true;
        }
        done++;
      }
      this.jobs.unshift(...batch.slice(done));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async getEntryPath(key: string, part: string): Promise<string | undefined> {
    const folder = await this.folder;
    const name = `${key}.${part}`;
    return folder && ENTRY_NAME.test(name) ? join(folder, name) : undefined;
  }
}

/** The format version of the running code: CACHE_FORMAT and a hash of the bundle that runs (parser and all). */
export function getRunningFormatVersion(): string {
  const script = require.main?.filename ?? process.argv[1];
  let code = '';
  try {
    code = createHash('sha256').update(readFileSync(script)).digest('hex');
  } catch {
    // no readable script (a REPL): the constant alone
  }
  return `${CACHE_FORMAT}:${code}`;
}

/** Creates the version's folder, checks where it really is, marks it used and removes stale siblings. */
async function openVersionFolder(cacheFolder: string, formatVersion: string, confineTo: string): Promise<string> {
  const folder = join(cacheFolder, `v${createHash('sha256').update(formatVersion).digest('hex').slice(0, 16)}`);
  const realConfine = await resolveExisting(confineTo);
  const assertInside = (real: string) => {
    if (!isInsideFolder(real, realConfine)) throw new Error(`${folder} resolves to ${real}, outside ${confineTo}`);
  };
  assertInside(await resolveExisting(folder)); // before creating anything
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const real = await realpath(folder);
  assertInside(real); // and again, should a link have appeared meanwhile
  // Never committed with the corpus: git ignores a folder whose .gitignore says `*` (as pytest's cache does).
  if (!existsSync(join(cacheFolder, '.gitignore')))
    writeBytesAtomicallySync(join(cacheFolder, '.gitignore'), Buffer.from('# Press Corpus persistent index\n*\n'));
  const now = new Date();
  await utimes(real, now, now);
  await removeStaleVersions(cacheFolder, folder, now.getTime()).catch(() => undefined); // only disk space is at stake
  return real;
}

async function removeStaleVersions(cacheFolder: string, current: string, now: number): Promise<void> {
  for (const name of await readdir(cacheFolder)) {
    const sibling = join(cacheFolder, name);
    if (!VERSION_FOLDER.test(name) || sibling === current) continue;
    const info = await lstat(sibling);
    if (info.isDirectory() && now - info.mtimeMs > STALE_VERSION_MS) await rm(sibling, { recursive: true, force: true });
  }
}

/**
 * The store of a front end: in `cacheFolder` (the editor's workspace storage, an absolute path) when given, else
 * in .cache/press-corpus/ under the workspace folder (a path); none without either.
 */
export function openDiskCacheStore(
  cacheFolder: string | undefined,
  workspaceFolder: string | undefined,
  log: (message: string) => void,
): DiskCacheStore | undefined {
  const formatVersion = getRunningFormatVersion();
  if (cacheFolder && isAbsolute(cacheFolder)) return new DiskCacheStore(cacheFolder, formatVersion, cacheFolder, log);
  if (workspaceFolder) return new DiskCacheStore(join(workspaceFolder, WORKSPACE_CACHE_PATH), formatVersion, workspaceFolder, log);
  return undefined;
}
