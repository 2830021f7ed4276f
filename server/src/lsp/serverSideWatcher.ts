// File watching for clients that cannot watch for us (no dynamic registration of
// workspace/didChangeWatchedFiles, e.g. Neovim 0.7): the server watches the folders its globs start in and
// reports changes as the client would. Handlers filter uris themselves, as they do for client events.

import { existsSync, FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, FileEvent } from 'vscode-languageserver/node';

/** "**\/seeds/**\/*.txt" → "seeds": the part of a glob before its first wildcard segment. */
function getStaticBase(glob: string): string {
  const segments = glob.replace(/^(\*\*\/)+/, '').split('/');
  const firstWild = segments.findIndex((segment) => /[*?[\]{}!]/.test(segment));
  return segments.slice(0, firstWild < 0 ? segments.length - 1 : firstWild).join('/');
}

/** Watches the static bases of the globs in each folder; coalesces bursts of events per file (100 ms). */
export function watchOnServer(folders: readonly string[], globs: readonly string[], report: (changes: FileEvent[]) => void): () => void {
  const watchers: FSWatcher[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  const bases = [...new Set(folders.flatMap((folder) => globs.map((glob) => join(folder, getStaticBase(glob)))))];
  for (const base of bases) {
    if (!existsSync(base)) continue;
    try {
      watchers.push(watch(base, { recursive: true }, (_event, name) => {
        if (!name) return;
        const path = join(base, name.toString());
        clearTimeout(pending.get(path));
        pending.set(path, setTimeout(() => {
          pending.delete(path);
          const type = existsSync(path) ? FileChangeType.Changed : FileChangeType.Deleted;
          report([{ uri: pathToFileURL(path).toString(), type }]);
        }, 100));
      }));
    } catch {
      // A folder we cannot watch (permissions, too many watches) only loses live updates, not data.
    }
  }
  return () => {
    watchers.forEach((watcher) => watcher.close());
    pending.forEach((timer) => clearTimeout(timer));
  };
}
