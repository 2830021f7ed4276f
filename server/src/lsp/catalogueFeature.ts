// The corpus as lists, for the Press Corpus views and the timeline (any LSP client may ask): releases with
// their kind, source, date and problems, filtered; entities with their counts; the mentions of one entity.
// The answers say when the corpus is still being indexed (`partial`).

import { computeCatalogue, findReleaseIndexAt, getReleaseKey } from '../features/releaseCatalogue';
import { EntityInfo, ListEntitiesAnswer, ListReleasesAnswer, MentionInfo, ReleaseInfo, SERVER_COMMANDS } from '../protocol';
import { getFileWithLines, ServerContext } from './context';
import { LspFeature } from './feature';

/** Entities listed at most: the view is a reading list, not an export. */
const MAX_ENTITIES = 2000;

export const catalogueFeature: LspFeature = {
  capabilities: {},
  register(ctx) {
    ctx.hub.addCommand(SERVER_COMMANDS.listReleases, async (args): Promise<ListReleasesAnswer> => {
      const filter = getOptionalArgument(args);
      await ctx.workspace.knowledge.ensureLoaded();
      const catalogue = computeCatalogue(ctx.workspace.view, {
        kind: asString(filter.kind),
        source: asString(filter.source),
        problem: asString(filter.problem),
        entityId: asString(filter.entity),
        search: asString(filter.search),
        releaseKeys: typeof filter.tag === 'string' ? await findTaggedReleases(ctx, filter.tag) : undefined,
      });
      const releases = catalogue.releases.flatMap((release): ReleaseInfo[] => {
        const found = getFileWithLines(ctx, release.uri);
        if (!found) return [];
        const { titleSpan, ...rest } = release;
        return [{ ...rest, range: found.lines.toRange(titleSpan) }];
      });
      return { releases, kinds: catalogue.kinds, sources: catalogue.sources, problems: catalogue.problems, partial: !ctx.workspace.status.complete };
    });

    ctx.hub.addCommand(SERVER_COMMANDS.listEntities, async (args): Promise<ListEntitiesAnswer> => {
      const { kind, limit } = getOptionalArgument(args);
      await ctx.workspace.knowledge.ensureLoaded();
      const entities = ctx.workspace.view.entities
        .findEntities('', Number.POSITIVE_INFINITY)
        .filter(({ entity }) => !kind || entity.kind === kind)
        .slice(0, typeof limit === 'number' ? limit : MAX_ENTITIES)
        .map(({ entity, mentions }): EntityInfo => ({ id: entity.id, name: entity.name, kind: entity.kind, mentions }));
      return { entities, partial: !ctx.workspace.status.complete };
    });

    ctx.hub.addCommand(SERVER_COMMANDS.listMentions, async (args): Promise<MentionInfo[]> => {
      const { entity } = getOptionalArgument(args);
      if (typeof entity !== 'string') throw new Error(`${SERVER_COMMANDS.listMentions} needs { entity }.`);
      await ctx.workspace.knowledge.ensureLoaded();
      return ctx.workspace.view.entities.findReferences(entity).flatMap(({ uri, mention }): MentionInfo[] => {
        const found = getFileWithLines(ctx, uri);
        if (!found) return [];
        const range = found.lines.toRange(mention.span);
        const lineStart = found.file.text.lastIndexOf('\n', mention.span.start - 1) + 1;
        const lineEnd = found.file.text.indexOf('\n', mention.span.end);
        const context = found.file.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
        return [{ uri, range, context, release: found.file.parsed.releases[mention.releaseIndex]?.title ?? '' }];
      });
    });
  },
};

/** Releases (`uri#releaseIndex`) holding a passage tagged `tag`. */
async function findTaggedReleases(ctx: ServerContext, tag: string): Promise<Set<string>> {
  await ctx.workspace.tags.ensureLoaded();
  const keys = new Set<string>();
  for (const { corpusUri, tag: anchored } of ctx.workspace.tags.findTags((uri) => ctx.workspace.getFile(uri), { tag })) {
    const file = ctx.workspace.getFile(corpusUri);
    const releaseIndex = file ? findReleaseIndexAt(file.parsed.releases, anchored.span.start) : -1;
    if (releaseIndex >= 0) keys.add(getReleaseKey(corpusUri, releaseIndex));
  }
  return keys;
}

function getOptionalArgument(args: unknown[]): Record<string, unknown> {
  return args[0] && typeof args[0] === 'object' ? (args[0] as Record<string, unknown>) : {};
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
