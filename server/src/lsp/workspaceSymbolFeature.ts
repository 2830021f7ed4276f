// workspace/symbol over every release of every corpus file, open or not.

import { SymbolKind } from 'vscode-languageserver/node';
import { describeRelease } from '../features/outline';
import { findReleases } from '../features/releaseSearch';
import { getUriBaseName } from '../features/uris';
import { getFileWithLines } from './context';
import { LspFeature } from './feature';
import { MAX_WORKSPACE_SYMBOLS } from './hub';

export const workspaceSymbolFeature: LspFeature = {
  capabilities: { workspaceSymbolProvider: true },
  register(ctx) {
    ctx.hub.addWorkspaceSymbolProvider(({ query }) =>
      findReleases(ctx.workspace.view, query, MAX_WORKSPACE_SYMBOLS).map((hit) => {
        const lines = getFileWithLines(ctx, hit.uri)!.lines;
        return {
          name: hit.release.title || '(untitled)',
          kind: SymbolKind.Module,
          containerName: [getUriBaseName(hit.uri), describeRelease(hit.release)].join(' · '),
          location: { uri: hit.uri, range: lines.toRange(hit.release.titleSpans[0]) },
        };
      }),
    );
  },
};
