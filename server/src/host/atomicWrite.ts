// Replacing a file so that nothing is lost:
// - the new bytes go to a temporary sibling that is renamed over the file: readers see the old or the new file,
//   never half of one;
// - compare-and-swap: the caller says which text it read (under the lock) and changed; the file is compared with
//   it when the write starts and again right before the rename, and a change in between (an editor saving in
//   place, `git checkout`) throws FileChangedError instead of overwriting it: the caller re-reads and retries;
// - the lines the change did not touch keep their bytes exactly, invalid UTF-8 and byte order mark included
//   (decoding would have turned them into U+FFFD). A line break byte never occurs inside a UTF-8 sequence, so
//   each line decodes on its own exactly as it does within the file.

import { renameSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { FileChangedError } from '../engine/host';
import { getTemporaryPath } from './fileLock';
import { readRegularFileSync } from './fileReading';

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Writes `text` to `path` atomically. With `expected` (the text read under the lock, '' for a file that did not
 * exist), the file must still decode to it, at the start and right before the rename.
 */
export async function writeFileAtomically(path: string, text: string, expected?: string): Promise<void> {
  const before = readRegularFileSync(path);
  if (expected !== undefined && decodeFileText(before) !== expected) throw new FileChangedError(path);
  const bytes = expected === undefined || before === undefined ? Buffer.from(text, 'utf8') : spliceUnchangedLines(before, text);
  const temporary = getTemporaryPath(path);
  try {
    await writeFile(temporary, bytes, { mode: 0o644 });
    // Synchronous from the check to the rename: nothing else of this process runs in between.
    if (expected !== undefined && !sameBytes(before, readRegularFileSync(path))) throw new FileChangedError(path);
    renameSync(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
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
