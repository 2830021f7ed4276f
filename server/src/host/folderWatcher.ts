// File watching on this machine: for the CLI and for LSP clients that cannot watch for the server (no dynamic
// registration of workspace/didChangeWatchedFiles, e.g. Neovim 0.7). Watches the folders the globs start in and
// reports changes as a client would; consumers filter URIs themselves, as they do for client events.

import { existsSync, FSWatcher, readdirSync, watch } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Disposable, FileChange } from '../engine/host';
import { canonicaliseUri } from '../features/uris';

/** "**\/seeds/**\/*.txt" → "seeds": the part of a glob before its first wildcard segment. */
function getStaticBase(glob: string): string {
  const segments = glob.replace(/^(\*\*\/)+/, '').split('/');
  const firstWild = segments.findIndex((segment) => /[*?[\]{}!]/.test(segment));
  return segments.slice(0, firstWild < 0 ? segments.length - 1 : firstWild).join('/');
}

/** Watches the static bases of the globs in each folder; coalesces bursts of events per file (100 ms). A base that
 *  does not exist yet (`annotations/` before the first tag) is watched from the moment it is created. */
export function watchFolders(folderUris: readonly string[], globs: readonly string[], report: (changes: readonly FileChange[]) => void): Disposable {
  const watchers = new Set<FSWatcher>();
  const pending = new Map<string, NodeJS.Timeout>();
  const folders = folderUris.map((uri) => fileURLToPath(uri));
  const bases = [...new Set(folders.flatMap((folder) => globs.map((glob) => join(folder, getStaticBase(glob)))))];
  let disposed = false;
  const reportLater = (path: string) => {
    clearTimeout(pending.get(path));
    pending.set(
      path,
      setTimeout(() => {
        pending.delete(path);
        report([{ uri: canonicaliseUri(pathToFileURL(path).href), kind: existsSync(path) ? 'changed' : 'deleted' }]);
      }, 100),
    );
  };
  const tryWatch = (path: string, recursive: boolean, onEvent: (name: string) => void): FSWatcher | undefined => {
    try {
      const watcher = watch(path, { recursive }, (_event, name) => name && onEvent(name.toString()));
      watchers.add(watcher);
      return watcher;
    } catch {
      return undefined; // a folder we cannot watch (permissions, too many watches) only loses live updates, not data
    }
  };
  const watchBase = (base: string) => {
    if (disposed) return;
    if (existsSync(base)) {
      tryWatch(base, true, (name) => reportLater(join(base, name)));
      return;
    }
    // Not there yet: watch the nearest folder that is, and start again from there when something appears in it.
    let ancestor = dirname(base);
    while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
    let moved = false;
    const waiting = tryWatch(ancestor, false, () => {
      if (moved || (!existsSync(base) && !existsSync(join(ancestor, relative(ancestor, base).split(sep)[0])))) return;
      moved = true;
      waiting?.close();
      watchers.delete(waiting!);
      watchBase(base);
      // Files written into it before its watcher started are reported too.
      if (existsSync(base)) for (const name of readdirSync(base, { recursive: true })) reportLater(join(base, name.toString()));
    });
  };
  bases.forEach(watchBase);
  return {
    dispose: () => {
      disposed = true;
      watchers.forEach((watcher) => watcher.close());
      pending.forEach((timer) => clearTimeout(timer));
    },
  };
}
