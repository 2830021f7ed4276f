// The initial scan of the corpus, reported to the editor as work-done progress, to the log, and as
// pressCorpus/status notifications (the scan's progress, then `ready` each time the background indexes catch up).

import { CORPUS_STATUS_NOTIFICATION, CorpusStatusParams } from '../protocol';
import { ServerContext } from './context';

export async function indexWorkspace(ctx: ServerContext): Promise<void> {
  const progress = await ctx.connection.window.createWorkDoneProgress();
  progress.begin('Press Corpus: indexing', 0, 'listing files', false);
  const started = Date.now();
  const sendStatus = (status: CorpusStatusParams) => void ctx.connection.sendNotification(CORPUS_STATUS_NOTIFICATION, status);
  const { files, releases } = await ctx.workspace.scan(({ done, total }) => {
    progress.report(Math.round((done / total) * 100), `${done} of ${total} files`);
    sendStatus({ state: 'indexing', filesIndexed: done, filesTotal: total, releases: 0, problems: 0 });
  });
  progress.done();
  ctx.connection.console.info(`Indexed ${files} corpus files, ${releases} releases, in ${Date.now() - started} ms.`);
  const sendReady = () => sendStatus({ state: 'ready', ...ctx.workspace.getStatusCounts() });
  ctx.workspace.scheduler.onIdle(sendReady);
  if (!ctx.workspace.indexesPending) sendReady();
}
