// The initial scan of the corpus, reported to the log and, for clients that do not show pressCorpus/status
// themselves (initializationOptions.showsIndexingStatus), as work-done progress too.

import { ServerContext } from './context';

export async function indexWorkspace(ctx: ServerContext, reportWorkDoneProgress: boolean): Promise<void> {
  const progress = reportWorkDoneProgress ? await ctx.connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Press Corpus: indexing', 0, 'listing files', false);
  const started = Date.now();
  const { files, releases, fromStore } = await ctx.workspace.scan(({ done, total }) =>
    progress?.report(Math.round((done / total) * 100), `${done} of ${total} files`),
  );
  progress?.done();
  ctx.connection.console.info(`Indexed ${files} corpus files, ${releases} releases, in ${Date.now() - started} ms (${fromStore} from the persistent index).`);
}
