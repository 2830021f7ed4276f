// Code lenses over passages that other releases repeat: "Repeated in “Press conference …” (000_….txt)".
// The lens runs the client command pressCorpus.showRepeats with the other occurrences as LSP locations.

import { CodeLens, Location } from 'vscode-languageserver/node';
import { MAX_TARGETS, PassageIndex, PassageOccurrence } from '../features/passageIndex';
import { getFileWithLines, ServerContext } from './context';
import { LspFeature } from './feature';

const SHOW_REPEATS_COMMAND = 'pressCorpus.showRepeats';

export const repeatsFeature: LspFeature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(ctx) {
    const passages = new PassageIndex(ctx.index);
    warmUpWhenIdle(ctx, passages);
    ctx.connection.onCodeLens(({ textDocument }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return null;
      return passages.findRepeatedRuns(textDocument.uri).map((run): CodeLens => {
        const start = found.lines.toPosition(run.span.start);
        const locations = run.elsewhere.flatMap((occurrence) => toLocation(ctx, occurrence));
        return {
          range: { start, end: start },
          command: { title: describeRepeat(ctx, run.elsewhere[0], run.releaseCount), command: SHOW_REPEATS_COMMAND, arguments: [textDocument.uri, start, locations] },
        };
      });
    });
  },
};

/**
 * Hashes changed files' sentences in small slices once the corpus has been quiet for a moment (after the
 * initial scan, after typing), so a lens request rarely waits for the whole table and requests interleave.
 */
function warmUpWhenIdle(ctx: ServerContext, passages: PassageIndex): void {
  let timer: NodeJS.Timeout | undefined;
  const slice = () => {
    if (passages.refreshSome(25)) setImmediate(slice);
  };
  ctx.index.onDidChange(() => {
    clearTimeout(timer);
    timer = setTimeout(slice, 200);
  });
}

function describeRepeat(ctx: ServerContext, first: PassageOccurrence, releaseCount: number): string {
  if (releaseCount >= MAX_TARGETS) return `Repeated in ${MAX_TARGETS} or more other releases`;
  if (releaseCount > 1) return `Repeated in ${releaseCount} other releases`;
  const title = ctx.index.getFile(first.uri)?.parsed.releases[first.releaseIndex]?.title ?? '';
  return `Repeated in “${title.length > 60 ? `${title.slice(0, 57)}…` : title}” (${first.uri.slice(first.uri.lastIndexOf('/') + 1)})`;
}

function toLocation(ctx: ServerContext, occurrence: PassageOccurrence): Location[] {
  const found = getFileWithLines(ctx, occurrence.uri);
  return found ? [{ uri: occurrence.uri, range: found.lines.toRange(occurrence.span) }] : [];
}
