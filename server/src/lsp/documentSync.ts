// Open documents are the truth for their uri: each change re-parses that one file (never the whole corpus).
// Closing a document falls back to the file on disk, or drops it when it is not part of the corpus on disk.

import { ServerContext } from './context';
import { isDiskCorpusFile, reloadFromDisk } from './workspaceFiles';

const CORPUS_LANGUAGE_ID = 'press-corpus';

export function syncOpenDocuments(ctx: ServerContext): void {
  const isCorpusDocument = (uri: string, languageId: string) => languageId === CORPUS_LANGUAGE_ID || isDiskCorpusFile(uri);

  ctx.documents.onDidChangeContent(({ document }) => {
    if (isCorpusDocument(document.uri, document.languageId)) ctx.index.setFile(document.uri, document.getText());
  });

  ctx.documents.onDidClose(({ document }) => {
    if (isDiskCorpusFile(document.uri)) void reloadFromDisk(ctx, document.uri);
    else ctx.index.removeFile(document.uri);
  });
}
