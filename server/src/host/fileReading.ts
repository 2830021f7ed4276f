// Reading files that may be anything a `git pull` or a careless teammate can put in a folder: only regular files
// are read, and never more bytes than asked. The file is opened with O_NONBLOCK and judged by fstat on the
// opened descriptor, so a FIFO named `x.txt` cannot block the open (and a file-reading thread with it), a symlink
// to /dev/zero is refused as a device, and a file swapped between a check and the open is still judged rightly.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { ReadResult } from '../engine/host';

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** The bytes of a regular file of at most `maxBytes`, or why not. Never throws. */
export async function readRegularFile(path: string, maxBytes: number): Promise<{ kind: 'bytes'; bytes: Buffer } | Exclude<ReadResult, { kind: 'text' }>> {
  try {
    const handle = await open(path, READ_FLAGS);
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { kind: 'unreadable', message: 'it is not a regular file' };
      if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
      // Read no more than the limit allows, whatever the size said a moment ago.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let length = 0;
      for (let n = -1; n !== 0 && length < buffer.length; length += n) n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead;
      if (length > maxBytes) return { kind: 'too-large', size: length };
      return { kind: 'bytes', bytes: buffer.subarray(0, length) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', message: (error as Error).message };
  }
}

/** The whole of a regular file now, synchronously (for the last check before a rename; a file growing meanwhile
 *  shows one byte more, enough to differ); undefined when missing. */
export function readRegularFileSync(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error(`${path} is not a regular file`);
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, length);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Whether the real path `real` is the real folder `folder` or lies inside it. */
export function isInsideFolder(real: string, folder: string): boolean {
  return real === folder || real.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest (a file not yet written). */
export async function resolveExisting(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await resolveExisting(parent), basename(path));
  }
}
