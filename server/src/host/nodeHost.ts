// The WorkspaceHost of this machine: the file system through Node. Reads only regular files and at most the
// byte limit asked for (fileReading.ts); writes under a lock file with compare-and-swap temp + rename
// (fileLock.ts, atomicWrite.ts); watches with fs.watch. Given workspace folders, it is confined to them: a file
// whose real path (symlinks resolved) lies outside every folder is neither read nor written.

import { fileURLToPath, pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { Disposable, FileChange, ReadResult, WorkspaceHost } from '../engine/host';
import { canonicaliseUri } from '../features/uris';
import { writeFileAtomically } from './atomicWrite';
import { withFileLock } from './fileLock';
import { isInsideFolder, readRegularFile, resolveExisting } from './fileReading';
import { WORKSPACE_CACHE_PATH } from './diskCache';
import { watchFolders } from './folderWatcher';

export class NodeHost implements WorkspaceHost {
  private realFolders: Promise<string[]> | undefined;

  /** `confineTo`: the workspace folders (URIs) every read and write must stay in; none for no confinement. */
  constructor(private readonly confineTo: readonly string[] = []) {}

  async listFiles(folderUri: string, globs: readonly string[]): Promise<string[]> {
    const paths = await fg([...globs], {
      cwd: fileURLToPath(folderUri),
      absolute: true,
      onlyFiles: true,
      ignore: ['**/node_modules/**', '**/.git/**', `${WORKSPACE_CACHE_PATH}/**`],
    });
    return paths.map((path) => canonicaliseUri(pathToFileURL(path).href)).sort();
  }

  async readText(uri: string, maxBytes: number): Promise<ReadResult> {
    const path = fileURLToPath(uri);
    const outside = await this.findEscape(path);
    if (outside) return { kind: 'outside-workspace', realPath: outside };
    const read = await readRegularFile(path, maxBytes);
    if (read.kind !== 'bytes') return read;
    if (read.bytes.subarray(0, 8192).includes(0)) return { kind: 'binary' };
    // Editors drop a UTF-8 byte order mark from the document text; do the same so offsets agree.
    return { kind: 'text', text: read.bytes.toString('utf8').replace(/^\ufeff/, '') };
  }

  async withLock<T>(uri: string, work: () => Promise<T>): Promise<T> {
    const path = fileURLToPath(uri);
    await this.assertInside(path);
    return withFileLock(path, work);
  }

  async writeAtomically(uri: string, text: string, expected?: string): Promise<void> {
    const path = fileURLToPath(uri);
    await this.assertInside(path);
    return writeFileAtomically(path, text, expected);
  }

  watch(folderUris: readonly string[], globs: readonly string[], onChange: (changes: readonly FileChange[]) => void): Disposable {
    return watchFolders(folderUris, globs, onChange);
  }

  private async assertInside(path: string): Promise<void> {
    const outside = await this.findEscape(path);
    if (outside)
      throw new Error(`${path} resolves to ${outside}, outside the workspace folder; Press Corpus writes only inside the workspace. Nothing was written.`);
  }

  /** The real path of `path` when it lies outside every workspace folder; undefined when inside (or unconfined). */
  private async findEscape(path: string): Promise<string | undefined> {
    if (this.confineTo.length === 0) return undefined;
    this.realFolders ??= Promise.all(this.confineTo.map((uri) => resolveExisting(fileURLToPath(uri))));
    const real = await resolveExisting(path);
    const inside = (await this.realFolders).some((folder) => isInsideFolder(real, folder));
    return inside ? undefined : real;
  }
}
