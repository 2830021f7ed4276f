// The WorkspaceHost of this machine: the file system through Node. Reads only regular files and at most the
// byte limit asked for; writes under a lock file with temp + rename (fileLock.ts); watches with fs.watch.

import { open, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { Disposable, FileChange, ReadResult, WorkspaceHost } from '../engine/host';
import { canonicaliseUri } from '../features/uris';
import { withFileLock, writeFileAtomically } from './fileLock';
import { watchFolders } from './folderWatcher';

export class NodeHost implements WorkspaceHost {
  async listFiles(folderUri: string, globs: readonly string[]): Promise<string[]> {
    const paths = await fg([...globs], { cwd: fileURLToPath(folderUri), absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    return paths.map((path) => canonicaliseUri(pathToFileURL(path).href)).sort();
  }

  async readText(uri: string, maxBytes: number): Promise<ReadResult> {
    const path = fileURLToPath(uri);
    try {
      const info = await stat(path);
      if (!info.isFile()) return { kind: 'unreadable', message: 'it is not a regular file' };
      if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
      const handle = await open(path, 'r');
      try {
        // Read no more than the limit allows, whatever the size said a moment ago.
        const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead > maxBytes) return { kind: 'too-large', size: bytesRead };
        const bytes = buffer.subarray(0, bytesRead);
        if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary' };
        // Editors drop a UTF-8 byte order mark from the document text; do the same so offsets agree.
        return { kind: 'text', text: bytes.toString('utf8').replace(/^\ufeff/, '') };
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'unreadable', message: (error as Error).message };
    }
  }

  withLock<T>(uri: string, work: () => Promise<T>): Promise<T> {
    return withFileLock(fileURLToPath(uri), work);
  }

  writeAtomically(uri: string, text: string): Promise<void> {
    return writeFileAtomically(fileURLToPath(uri), text);
  }

  watch(folderUris: readonly string[], globs: readonly string[], onChange: (changes: readonly FileChange[]) => void): Disposable {
    return watchFolders(folderUris, globs, onChange);
  }
}
