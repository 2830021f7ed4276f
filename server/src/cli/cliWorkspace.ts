// The CLI's workspace: one folder (the current directory or --root), the editor's settings from
// .vscode/settings.json (or --corpus globs), the Node host, a scan with progress on stderr, then every derived
// index brought up to date: the CLI answers once, from a settled corpus.

import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseJsonc } from 'jsonc-parser';
import { CorpusWorkspace } from '../engine/corpusWorkspace';
import { NO_EDITOR } from '../engine/editorBuffers';
import { readSettings } from '../engine/settings';
import { canonicaliseUri, getRelativePath } from '../features/uris';
import { openDiskCacheStore } from '../host/diskCache';
import { NodeHost } from '../host/nodeHost';
import { createScanReader } from '../host/scanWorkerPool';
import { Output, UsageError } from './output';

export interface WorkspaceOptions {
  readonly root: string;
  readonly corpusGlobs?: readonly string[];
  /** The command reads entities: the scan's workers recognise them too (pass one), else they only parse. */
  readonly findsEntities?: boolean;
  /** false: neither read nor write .cache/press-corpus/ (--no-cache). */
  readonly persistentIndex?: boolean;
}

export interface CliWorkspace {
  readonly workspace: CorpusWorkspace;
  readonly folderUri: string;
  /** The path of a corpus URI relative to the workspace folder, with forward slashes. */
  relativePathOf(uri: string): string;
  /** Corpus files under the given paths (files or folders, relative to the current directory); all when none. */
  selectFiles(paths: readonly string[]): string[];
}

export async function openWorkspace(options: WorkspaceOptions, output: Output): Promise<CliWorkspace> {
  const root = resolve(options.root);
  const folderUri = canonicaliseUri(pathToFileURL(root).href);
  const editorSettings = readEditorSettings(root);
  const settings = readSettings(options.corpusGlobs?.length ? { ...editorSettings, corpusGlobs: options.corpusGlobs } : editorSettings);
  // Confined to the folder like the server: nothing outside it (symlinks resolved) is read or written.
  const host = new NodeHost([folderUri]);
  const store = options.persistentIndex === false ? undefined : openDiskCacheStore(undefined, root, (message) => output.note(message));
  const scanReader = createScanReader(host, [folderUri], options.findsEntities === true);
  const workspace = new CorpusWorkspace(host, [folderUri], settings, NO_EDITOR, scanReader, store);
  // No background work, and no index brought up to date here: each index catches up when a command first asks
  // it, so `check` computes duplicates and sources but never recognises entities.
  workspace.dispose();
  const started = Date.now();
  const { files, releases, fromStore } = await workspace.scan(({ done, total }) => output.progress(`indexing ${done} / ${total} files`));
  output.progress(
    `indexed ${files} files (${fromStore} from the persistent index), ${releases} releases in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    true,
  );
  const relativePathOf = (uri: string) => getRelativePath(folderUri, uri) ?? uri;
  return {
    workspace,
    folderUri,
    relativePathOf,
    selectFiles(paths) {
      const all = [...workspace.corpus.files.getFiles()].map((file) => file.uri).sort();
      if (paths.length === 0) return all;
      const wanted = paths.map((path) => relative(root, resolve(path)).split(sep).join('/'));
      const outside = wanted.find((path) => path.startsWith('..'));
      if (outside !== undefined) throw new UsageError(`${outside} is outside the workspace folder ${root}.`);
      const selected = all.filter((uri) => wanted.some((path) => path === '' || relativePathOf(uri) === path || relativePathOf(uri).startsWith(`${path}/`)));
      if (selected.length === 0) throw new UsageError(`No corpus file under ${paths.join(', ')} (corpus globs: ${settings.corpusGlobs.join(', ')}).`);
      return selected;
    },
  };
}

/** `pressCorpus.*` from .vscode/settings.json (JSON with comments, as VS Code writes it); none when absent. */
function readEditorSettings(root: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(join(root, '.vscode', 'settings.json'), 'utf8');
  } catch {
    return {};
  }
  const parsed = parseJsonc(text) as Record<string, unknown> | undefined;
  if (!parsed || typeof parsed !== 'object') return {};
  return { corpusGlobs: parsed['pressCorpus.corpusGlobs'], maxFileSizeMB: parsed['pressCorpus.maxFileSizeMB'], author: parsed['pressCorpus.author'] };
}
