// Replacing a file so that nothing is lost, not even to programs that take no lock (an editor saving in place,
// a save by write-temp + rename, `git checkout`):
// - the new bytes go to a temporary sibling that then takes the file's place: readers see the old or the new
//   file, never half of one;
// - compare-and-swap: the caller says which text it read (under the lock) and changed; the file is compared with
//   it when the write starts and again right before it is replaced, and a change (an editor saving in place,
//   `git checkout`) throws FileChangedError instead of overwriting it: the caller re-reads and retries;
// - the replacement itself discards nobody's save, even one landing after that last comparison. A rename over
//   the file would destroy whatever is there at that instant, unseen; so the file is renamed aside instead
//   (atomically: what was at the path at that instant is now ours to look at), compared again once a writer that
//   opened it just before has had time to truncate or write it, and only then is the new file linked in, which
//   fails if anything appeared at the path meanwhile. A save found in the set-aside file is put back; a file
//   that appeared at the path is the newer save and stays. Either way FileChangedError is thrown, the caller
//   re-reads and applies its change to that save. The path is missing for those few milliseconds: readers of
//   tag files wait for a missing file to come back (tagStore.ts), and a writer killed in between leaves the
//   set-aside file, which the next write puts back (cleanUpInterruptedWrites);
// - the lines the change did not touch keep their bytes exactly, invalid UTF-8 and byte order mark included
//   (decoding would have turned them into U+FFFD). A line break byte never occurs inside a UTF-8 sequence, so
//   each line decodes on its own exactly as it does within the file.

import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileChangedError } from '../engine/host';
import { readRegularFileSync } from './fileReading';

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
/** How long the file stays set aside before it is compared again. A program whose open() found the file just
 *  before it was set aside truncates it within that call and writes right after: by then its save shows. */
const LATE_SAVE_GRACE_MS = 5;
const TEMPORARY_SUFFIX = '.tmp';
const SET_ASIDE_SUFFIX = '.aside';

/**
 * Writes `text` to `path` atomically. With `expected` (the text read under the lock, '' for a file that did not
 * exist), the file must still decode to it, at the start and right before it is replaced, and no save by another
 * program may be lost in the replacement.
 */
export async function writeFileAtomically(path: string, text: string, expected?: string): Promise<void> {
  const before = readRegularFileSync(path);
  if (expected !== undefined && decodeFileText(before) !== expected) throw new FileChangedError(path);
  const bytes = expected === undefined || before === undefined ? Buffer.from(text, 'utf8') : spliceUnchangedLines(before, text);
  const temporary = getSiblingPath(path, TEMPORARY_SUFFIX);
  try {
    await writeFile(temporary, bytes, { mode: 0o644 });
    if (expected === undefined) renameSync(temporary, path);
    else await replaceUnlessChanged(path, temporary, before);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Writes bytes that no one else edits (an entry of the persistent index): temporary sibling, then rename over the
 * path, so a reader sees the old entry or the new one, never a partial write. Synchronous: the caller writes
 * small entries in short batches, which costs less than the event loop turns an asynchronous write waits for.
 */
export function writeBytesAtomicallySync(path: string, bytes: Uint8Array): void {
  const temporary = getSiblingPath(path, TEMPORARY_SUFFIX);
  try {
    writeFileSync(temporary, bytes, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Puts `temporary` at `path` if `path` still holds `before` (undefined: no file), losing no save meanwhile. */
async function replaceUnlessChanged(path: string, temporary: string, before: Buffer | undefined): Promise<void> {
  // Synchronous from the comparison to setting the file aside: nothing else of this process runs in between.
  if (!sameBytes(before, readRegularFileSync(path))) throw new FileChangedError(path);
  if (before === undefined) {
    if (!placeUnlessTaken(temporary, path)) throw new FileChangedError(path);
    return;
  }
  const aside = getSiblingPath(path, SET_ASIDE_SUFFIX);
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileChangedError(path); // deleted meanwhile
    throw error;
  }
  let placed = false;
  try {
    await sleep(LATE_SAVE_GRACE_MS);
    // Still what was compared (no save in place, none by rename just before it was set aside): ours goes in,
    // unless a file appeared at the path meanwhile (then that newer save stays).
    if (sameBytes(before, readRegularFileSync(aside))) placed = placeUnlessTaken(temporary, path);
  } finally {
    // Not replaced: the set-aside file goes back (with the save it caught), unless a newer file took the path.
    // Should even that fail, the set-aside file stays for the next write to put back.
    if (!placed) placeUnlessTaken(aside, path);
    await unlink(aside).catch(() => undefined);
  }
  if (!placed) throw new FileChangedError(path);
}

/**
 * Gives `source` the name `path` unless something is there: false when something is (a hard link, unlike a
 * rename, refuses to replace). On a file system without hard links (FAT, some network shares) a rename after a
 * check stands in, which can still replace a file created in the microseconds between the two.
 */
function placeUnlessTaken(source: string, path: string): boolean {
  try {
    linkSync(source, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (existsSync(path)) return false;
    renameSync(source, path);
    return true;
  }
}

/**
 * Run under the lock before a write: temporary files of writers that died are removed, and a file one of them
 * had set aside is put back when nothing has taken its place (the newest, should there be several).
 */
export async function cleanUpInterruptedWrites(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const names = (await readdir(dirname(path)).catch(() => [] as string[])).filter((name) => name.startsWith(prefix));
  const setAside = names
    .filter((name) => name.endsWith(SET_ASIDE_SUFFIX))
    .map((name) => join(dirname(path), name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const aside of setAside) {
    if (!existsSync(path)) placeUnlessTaken(aside, path);
    await unlink(aside).catch(() => undefined);
  }
  const temporary = names.filter((name) => name.endsWith(TEMPORARY_SUFFIX));
  await Promise.all(temporary.map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
}

/** A sibling only this write uses: `.<name>.<pid>.<random><suffix>`. */
function getSiblingPath(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${suffix}`);
}

/** The text a file's bytes show in an editor: UTF-8, without the byte order mark; '' when there is no file. */
export function decodeFileText(bytes: Buffer | undefined): string {
  if (bytes === undefined) return '';
  return (hasByteOrderMark(bytes) ? bytes.subarray(3) : bytes).toString('utf8');
}

/** The bytes of `newText`, reusing the original bytes of the leading and trailing lines that did not change. */
export function spliceUnchangedLines(original: Buffer, newText: string): Buffer {
  const bom = hasByteOrderMark(original);
  const oldLines = splitBytes(bom ? original.subarray(3) : original);
  const newLines = newText.split('\n');
  const oldTexts = oldLines.map((line) => line.toString('utf8'));
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldTexts[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldTexts[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail])
    tail++;
  const middle = newLines.slice(head, newLines.length - tail).map((line) => Buffer.from(line, 'utf8'));
  const lines = [...oldLines.slice(0, head), ...middle, ...oldLines.slice(oldLines.length - tail)];
  const parts: Buffer[] = bom ? [BYTE_ORDER_MARK] : [];
  lines.forEach((line, index) => parts.push(index === 0 ? line : Buffer.concat([Buffer.from('\n'), line])));
  return Buffer.concat(parts);
}

function splitBytes(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function hasByteOrderMark(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes.subarray(0, 3).equals(BYTE_ORDER_MARK);
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
