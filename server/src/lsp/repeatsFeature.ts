// Code lenses over passages that other releases repeat: "Repeated in “Press conference …” (000_….txt)".
// The lens runs the client command pressCorpus.showRepeats with the other occurrences as LSP locations.

import { CodeLens, Location } from 'vscode-languageserver/node';
import { MAX_TARGETS, PassageOccurrence } from '../features/passageIndex';
import { getUriBaseName } from '../features/uris';
import { CLIENT_COMMANDS } from '../protocol';
import { getFileWithLines, ServerContext } from './context';
import { LspFeature } from './feature';

export const repeatsFeature: LspFeature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(ctx) {
    ctx.hub.addCodeLensProvider(({ textDocument }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return undefined;
      return ctx.workspace.view.passages.findRepeatedRuns(found.file.uri).map((run): CodeLens => {
        const start = found.lines.toPosition(run.span.start);
        const locations = run.elsewhere.flatMap((occurrence) => toLocation(ctx, occurrence));
        return {
          range: { start, end: start },
          command: {
            title: describeRepeat(ctx, run.elsewhere[0], run.releaseCount),
            command: CLIENT_COMMANDS.showRepeats,
            arguments: [textDocument.uri, start, locations],
          },
        };
      });
    });
  },
};

function describeRepeat(ctx: ServerContext, first: PassageOccurrence, releaseCount: number): string {
  if (releaseCount >= MAX_TARGETS) return `Repeated in ${MAX_TARGETS} or more other releases`;
  if (releaseCount > 1) return `Repeated in ${releaseCount} other releases`;
  const title = ctx.workspace.getFile(first.uri)?.parsed.releases[first.releaseIndex]?.title ?? '';
  return `Repeated in “${title.length > 60 ? `${title.slice(0, 57)}…` : title}” (${getUriBaseName(first.uri)})`;
}

function toLocation(ctx: ServerContext, occurrence: PassageOccurrence): Location[] {
  const found = getFileWithLines(ctx, occurrence.uri);
  return found ? [{ uri: occurrence.uri, range: found.lines.toRange(occurrence.span) }] : [];
}
