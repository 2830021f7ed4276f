// The initial scan of the corpus, reported to the editor as work-done progress and to the log.

import { ServerContext } from './context';

export async function indexWorkspace(ctx: ServerContext): Promise<void> {
  const progress = await ctx.connection.window.createWorkDoneProgress();
  progress.begin('Press Corpus: indexing', 0, 'listing files', false);
  const started = Date.now();
  const { files, releases } = await ctx.workspace.scan(({ done, total }) => progress.report(Math.round((done / total) * 100), `${done} of ${total} files`));
  progress.done();
  ctx.connection.console.info(`Indexed ${files} corpus files, ${releases} releases, in ${Date.now() - started} ms.`);
}
