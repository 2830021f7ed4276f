// Entities in the editor: hover card, go to definition (the entities.yaml entry, else the first mention), find
// references, document highlights, workspace symbols and semantic tokens coloured by kind. Handlers convert
// positions and call the features layer; the knowledge file is loaded before the first answer.

import { Location, SemanticTokensBuilder, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver/node';
import { EntityKind } from '../corpus/entities/entityModel';
import { computeEntityCard, EntityCard } from '../features/entityCard';
import { Entity, MentionIn } from '../features/entityIndex';
import { getUriBaseName } from '../features/uris';
import { getFileWithLines, ServerContext } from './context';
import { registerEntityActions } from './entityActions';
import { getLineTable } from './positions';
import { toDiagnostic } from './problemConversion';
import { LspFeature } from './feature';
import { MAX_WORKSPACE_SYMBOLS } from './hub';

/** Standard token types, so every theme colours them: people as variables, organisations as namespaces… */
const TOKEN_TYPES: Record<EntityKind, string> = { person: 'variable', organisation: 'namespace', country: 'type', place: 'enumMember', event: 'event' };
const LEGEND = { tokenTypes: [...new Set(Object.values(TOKEN_TYPES))], tokenModifiers: [] };
const SYMBOL_KINDS: Record<EntityKind, SymbolKind> = { person: SymbolKind.Object, organisation: SymbolKind.Namespace, country: SymbolKind.Package, place: SymbolKind.Field, event: SymbolKind.Event };

export const entityFeature: LspFeature = {
  capabilities: {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    workspaceSymbolProvider: true,
    codeActionProvider: true,
    semanticTokensProvider: { legend: LEGEND, full: true },
  },
  register(ctx) {
    const entities = () => ctx.workspace.view.entities;
    const entityAt = async (uri: string, position: { line: number; character: number }) => {
      await ctx.workspace.knowledge.ensureLoaded();
      const found = getFileWithLines(ctx, uri);
      const hit = found && entities().findMentionAt(found.file.uri, found.lines.toOffset(position));
      return hit?.entity && found ? { ...hit, entity: hit.entity, lines: found.lines } : undefined;
    };

    ctx.hub.addHoverProvider(async ({ textDocument, position }) => {
      const hit = await entityAt(textDocument.uri, position);
      if (!hit) return undefined;
      const card = computeEntityCard(ctx.workspace.view, hit.entity);
      return { contents: { kind: 'markdown', value: printCard(card) }, range: hit.lines.toRange(hit.mention.span) };
    });

    ctx.hub.addDefinitionProvider(async ({ textDocument, position }) => {
      const hit = await entityAt(textDocument.uri, position);
      if (!hit) return undefined;
      return getEntryLocation(ctx, hit.entity) ?? toLocation(ctx, entities().findReferences(hit.entity.id)[0]);
    });

    ctx.hub.addReferencesProvider(async ({ textDocument, position, context }) => {
      const hit = await entityAt(textDocument.uri, position);
      if (!hit) return undefined;
      const entry = context.includeDeclaration ? getEntryLocation(ctx, hit.entity) : undefined;
      return toLocations(ctx, entry, entities().iterateReferences(hit.entity.id));
    });

    ctx.hub.addDocumentHighlightProvider(async ({ textDocument, position }) => {
      const hit = await entityAt(textDocument.uri, position);
      if (!hit) return undefined;
      const mentions = entities().getFileEntities(textDocument.uri)?.mentions ?? [];
      return mentions.filter((m) => entities().resolve(m)?.id === hit.entity.id).map((m) => ({ range: hit.lines.toRange(m.span) }));
    });

    ctx.hub.addWorkspaceSymbolProvider(async ({ query }) => {
      if (query.startsWith('#')) return []; // tag queries
      await ctx.workspace.knowledge.ensureLoaded();
      return entities().findEntities(query, MAX_WORKSPACE_SYMBOLS).flatMap(({ entity, first, mentions }): WorkspaceSymbol[] => {
        const location = getEntryLocation(ctx, entity) ?? toLocation(ctx, first);
        return location ? [{ name: entity.name, kind: SYMBOL_KINDS[entity.kind], containerName: `${entity.kind} · ${mentions} mentions`, location }] : [];
      });
    });

    ctx.connection.languages.semanticTokens.on(async ({ textDocument }) => {
      await ctx.workspace.knowledge.ensureLoaded();
      const found = getFileWithLines(ctx, textDocument.uri);
      const builder = new SemanticTokensBuilder();
      for (const mention of (found && entities().getFileEntities(found.file.uri)?.mentions) ?? []) {
        const entity = entities().resolve(mention);
        const start = found?.lines.toPosition(mention.span.start);
        const end = found?.lines.toPosition(mention.span.end);
        // Semantic tokens are single-line; a name broken over two lines is left uncoloured.
        if (!entity || !start || !end || start.line !== end.line) continue;
        builder.push(start.line, start.character, end.character - start.character, LEGEND.tokenTypes.indexOf(TOKEN_TYPES[entity.kind]), 0);
      }
      return builder.build();
    });

    // The entity files' own problems (YAML errors, bad entries), on the files themselves.
    ctx.hub.addDiagnosticSource((uri) => {
      const knowledge = ctx.workspace.knowledge;
      if (!knowledge.isEntityFileUri(uri)) return [];
      const { parsed } = knowledge.getFile(uri);
      const lines = getLineTable(parsed);
      return parsed.problems.map((problem) => toDiagnostic(problem, lines));
    });

    registerEntityActions(ctx);
  },
  initialize(ctx) {
    void ctx.workspace.knowledge.ensureLoaded().then(() => ctx.hub.publishDiagnostics(ctx.workspace.knowledge.fileUris));
  },
};

function getEntryLocation(ctx: ServerContext, entity: Entity): Location | undefined {
  const uri = entity.record && ctx.workspace.knowledge.findFileOfRecord(entity.record.id);
  if (!uri || !entity.record) return undefined;
  return { uri, range: getLineTable(ctx.workspace.knowledge.getFile(uri).parsed).toRange(entity.record.span) };
}

function toLocation(ctx: ServerContext, found: MentionIn | undefined): Location | undefined {
  const file = found && getFileWithLines(ctx, found.uri);
  return file ? { uri: found.uri, range: file.lines.toRange(found.mention.span) } : undefined;
}

/** The entry (when asked for) then every mention, converted one at a time as the hub consumes them. */
function* toLocations(ctx: ServerContext, entry: Location | undefined, mentions: Iterable<MentionIn>): Generator<Location> {
  if (entry) yield entry;
  for (const mention of mentions) {
    const location = toLocation(ctx, mention);
    if (location) yield location;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function printCard(card: EntityCard): string {
  const { entity } = card;
  const lines = [`**${entity.name}** · ${entity.kind}${entity.record ? '' : ' · not in entities.yaml'}`];
  if (card.record?.description) lines.push('', card.record.description);
  const roles = card.roles.slice(0, 4).map((r) => `${r.role} (${r.count})`);
  if (card.record?.role && !card.roles.some((r) => r.role === card.record?.role)) roles.unshift(card.record.role);
  if (roles.length) lines.push('', `Role: ${roles.join('; ')}`);
  if (card.spellings.length > 1) lines.push('', `Written: ${card.spellings.slice(0, 8).map((s) => `“${s}”`).join(', ')}`);
  lines.push('', `${plural(card.mentionCount, 'mention')} in ${plural(card.releaseCount, 'release')}${card.releaseCount > card.topReleases.length ? ', most in' : ''}:`);
  for (const release of card.topReleases) {
    lines.push(`- ${release.title}${release.date ? ` (${release.date})` : ''} — ${getUriBaseName(release.uri)}`);
  }
  if (card.releaseCount > card.topReleases.length) lines.push(`- … and ${card.releaseCount - card.topReleases.length} more`);
  if (card.companions.length) lines.push('', `Often with: ${card.companions.map((c) => `${c.entity.name} (${c.releases})`).join(', ')}`);
  return lines.join('\n');
}
