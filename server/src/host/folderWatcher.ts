// File watching on this machine: for the CLI and for LSP clients that cannot watch for the server (no dynamic
// registration of workspace/didChangeWatchedFiles, e.g. Neovim 0.7). Watches the folders the globs start in and
// reports changes as a client would; consumers filter URIs themselves, as they do for client events.

import { existsSync, FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Disposable, FileChange } from '../engine/host';
import { canonicaliseUri } from '../features/uris';

/** "**\/seeds/**\/*.txt" → "seeds": the part of a glob before its first wildcard segment. */
function getStaticBase(glob: string): string {
  const segments = glob.replace(/^(\*\*\/)+/, '').split('/');
  const firstWild = segments.findIndex((segment) => /[*?[\]{}!]/.test(segment));
  return segments.slice(0, firstWild < 0 ? segments.length - 1 : firstWild).join('/');
}

/** Watches the static bases of the globs in each folder; coalesces bursts of events per file (100 ms). */
export function watchFolders(folderUris: readonly string[], globs: readonly string[], report: (changes: readonly FileChange[]) => void): Disposable {
  const watchers: FSWatcher[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  const folders = folderUris.map((uri) => fileURLToPath(uri));
  const bases = [...new Set(folders.flatMap((folder) => globs.map((glob) => join(folder, getStaticBase(glob)))))];
  for (const base of bases) {
    if (!existsSync(base)) continue;
    try {
      watchers.push(
        watch(base, { recursive: true }, (_event, name) => {
          if (!name) return;
          const path = join(base, name.toString());
          clearTimeout(pending.get(path));
          pending.set(
            path,
            setTimeout(() => {
              pending.delete(path);
              report([{ uri: canonicaliseUri(pathToFileURL(path).href), kind: existsSync(path) ? 'changed' : 'deleted' }]);
            }, 100),
          );
        }),
      );
    } catch {
      // A folder we cannot watch (permissions, too many watches) only loses live updates, not data.
    }
  }
  return {
    dispose: () => {
      watchers.forEach((watcher) => watcher.close());
      pending.forEach((timer) => clearTimeout(timer));
    },
  };
}
