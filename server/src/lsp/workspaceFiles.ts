// Reads the corpus from disk: the initial scan (with progress), file watching, and one file at a time.
// The only place besides the annotation store that touches the file system for corpus text.

import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { FileChangeType } from 'vscode-languageserver/node';
import { Problem } from '../corpus/model';
import { CorpusSettings, ServerContext } from './context';

/** Files found by the corpus globs; closing an editor on one of these reloads it from disk. */
const diskCorpusUris = new Set<string>();

export function isDiskCorpusFile(uri: string): boolean {
  return diskCorpusUris.has(uri);
}

export function readSettings(raw: unknown, fallback: CorpusSettings): CorpusSettings {
  const given = (raw && typeof raw === 'object' ? raw : {}) as Partial<CorpusSettings>;
  const globs = Array.isArray(given.corpusGlobs) && given.corpusGlobs.every((g) => typeof g === 'string') ? given.corpusGlobs : fallback.corpusGlobs;
  const maxSize = typeof given.maxFileSizeMB === 'number' && given.maxFileSizeMB > 0 ? given.maxFileSizeMB : fallback.maxFileSizeMB;
  return { corpusGlobs: globs, maxFileSizeMB: maxSize };
}

export async function findCorpusFiles(folders: readonly string[], globs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    const paths = await fg([...globs], { cwd: folder, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    found.push(...paths.sort());
  }
  return found;
}

export async function startWorkspaceIndexing(ctx: ServerContext): Promise<void> {
  const paths = await findCorpusFiles(ctx.workspaceFolders, ctx.settings.corpusGlobs);
  const progress = await ctx.connection.window.createWorkDoneProgress();
  progress.begin('Press Corpus: indexing', 0, `${paths.length} files`, false);
  const started = Date.now();
  for (let i = 0; i < paths.length; i++) {
    const uri = pathToFileURL(paths[i]).toString();
    diskCorpusUris.add(uri);
    if (!ctx.documents.get(uri)) await reloadFromDisk(ctx, uri);
    if (i % 20 === 19) {
      progress.report(Math.round(((i + 1) / paths.length) * 100), `${i + 1} of ${paths.length} files`);
      await new Promise((resolve) => setImmediate(resolve)); // let requests through during a long scan
    }
  }
  progress.done();
  const releases = [...ctx.index.getFiles()].reduce((sum, file) => sum + file.parsed.releases.length, 0);
  ctx.connection.console.info(`Indexed ${paths.length} corpus files, ${releases} releases, in ${Date.now() - started} ms.`);
}

/** Replaces the index entry of a corpus file with what is on disk now (or drops it when it is gone). */
export async function reloadFromDisk(ctx: ServerContext, uri: string): Promise<void> {
  const path = fileURLToPath(uri);
  try {
    const { size } = await stat(path);
    const limit = ctx.settings.maxFileSizeMB * 1024 * 1024;
    if (size > limit) {
      ctx.index.setUnreadableFile(uri, [fileProblem('file.too-large', `This file has ${(size / 1048576).toFixed(1)} MB, more than pressCorpus.maxFileSizeMB (${ctx.settings.maxFileSizeMB} MB); it is not parsed.`)]);
      return;
    }
    const bytes = await readFile(path);
    if (bytes.subarray(0, 8192).includes(0)) {
      ctx.index.setUnreadableFile(uri, [fileProblem('file.binary', 'This file holds binary data (a NUL byte), not press text; it is not parsed.')]);
      return;
    }
    // Editors drop a UTF-8 byte order mark from the document text; do the same so offsets agree.
    ctx.index.setFile(uri, bytes.toString('utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') ctx.index.removeFile(uri);
    else ctx.connection.console.error(`Could not read ${path}: ${(error as Error).message}`);
  }
}

/** Corpus files changed on disk (git pull, another program) are re-read; open documents stay as they are. */
export function watchCorpusFiles(ctx: ServerContext): void {
  const globs = () => ctx.settings.corpusGlobs.map((glob) => `**/${glob.replace(/^\*\*\//, '')}`);
  ctx.hub.addFileWatcher(globs, async (changes) => {
    for (const change of changes) {
      if (!change.uri.endsWith('.txt') && !isDiskCorpusFile(change.uri)) continue;
      if (ctx.documents.get(change.uri)) continue; // the open document is the truth until it is closed
      if (change.type === FileChangeType.Deleted) {
        diskCorpusUris.delete(change.uri);
        ctx.index.removeFile(change.uri);
      } else {
        diskCorpusUris.add(change.uri);
        await reloadFromDisk(ctx, change.uri);
      }
    }
  });
}

function fileProblem(code: string, message: string): Problem {
  return { code, severity: 'error', message, span: { start: 0, end: 0 } };
}
