// Entities in the editor: hover card, go to definition (the entities.yaml entry, else the first mention), find
// references, document highlights, workspace symbols and semantic tokens coloured by kind. Handlers convert
// positions and call the features layer; the knowledge file is loaded before the first answer.

import { Location, SemanticTokensBuilder, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver/node';
import { RoleTerm } from '../annotations/entityFile';
import { EntityKind } from '../corpus/entities/entityModel';
import { computeEntityCard, EntityCard } from '../features/entityCard';
import { Entity, MentionIn } from '../features/entityIndex';
import { getUriBaseName } from '../features/uris';
import { getFileWithLines, ServerContext } from './context';
import { registerEntityActions } from './entityActions';
import { getLineTable } from '../engine/lineTable';
import { LspFeature } from './feature';
import { escapeMarkdown } from './markdown';
import { MAX_WORKSPACE_SYMBOLS } from './hub';

/** Standard token types, so every theme colours them: people as variables, organisations as namespaces… */
const TOKEN_TYPES: Record<EntityKind, string> = { person: 'variable', organisation: 'namespace', country: 'type', place: 'enumMember', event: 'event' };
const LEGEND = { tokenTypes: [...new Set(Object.values(TOKEN_TYPES))], tokenModifiers: [] };
/** A hover waits this long for the initial scan to end before it answers with the counts so far. */
const HOVER_WAIT_FOR_INDEX_MS = 1000;
/** References are a list the editor cannot annotate: they wait longer, then come with a message. */
const REFERENCES_WAIT_FOR_INDEX_MS = 5000;
const SYMBOL_KINDS: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Object,
  organisation: SymbolKind.Namespace,
  country: SymbolKind.Package,
  place: SymbolKind.Field,
  event: SymbolKind.Event,
};

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
      const partial = !(await ctx.workspace.status.whenComplete(HOVER_WAIT_FOR_INDEX_MS));
      const card = computeEntityCard(ctx.workspace.view, hit.entity, undefined, hit.mention, textDocument.uri);
      const progress = partial ? ctx.workspace.status.progress : undefined;
      return { contents: { kind: 'markdown', value: printCard(card, progress) }, range: hit.lines.toRange(hit.mention.span) };
    });

    ctx.hub.addDefinitionProvider(async ({ textDocument, position }) => {
      const hit = await entityAt(textDocument.uri, position);
      return hit && getEntityDefinition(ctx, hit.entity);
    });

    ctx.hub.addReferencesProvider(async ({ textDocument, position, context }) => {
      const hit = await entityAt(textDocument.uri, position);
      if (!hit) return undefined;
      if (!(await ctx.workspace.status.whenComplete(REFERENCES_WAIT_FOR_INDEX_MS))) {
        void ctx.connection.window.showInformationMessage(
          `Press Corpus is still indexing: these are the references to ${hit.entity.name} ${printFilesSoFar(ctx.workspace.status.progress)}.`,
        );
      }
      const entry = context.includeDeclaration ? getEntryLocation(ctx, hit.entity) : undefined;
      return toLocations(ctx, entry, entities().iterateReferences(hit.entity.id));
    });

    ctx.hub.addDocumentHighlightProvider(async ({ textDocument, position }) => {
      const hit = await entityAt(textDocument.uri, position);
      if (!hit) return undefined;
      const mentions = entities().getFileEntities(textDocument.uri)?.mentions ?? [];
      return [...mentions].filter((m) => entities().resolve(m)?.id === hit.entity.id).map((m) => ({ range: hit.lines.toRange(m.span) }));
    });

    ctx.hub.addWorkspaceSymbolProvider(async ({ query }) => {
      if (query.startsWith('#')) return []; // tag queries
      await ctx.workspace.knowledge.ensureLoaded();
      return entities()
        .findEntities(query, MAX_WORKSPACE_SYMBOLS)
        .flatMap(({ entity, first, mentions }): WorkspaceSymbol[] => {
          const location = getEntryLocation(ctx, entity) ?? toLocation(ctx, first);
          const soFar = ctx.workspace.status.complete ? '' : ' so far';
          return location
            ? [{ name: entity.name, kind: SYMBOL_KINDS[entity.kind], containerName: `${entity.kind} · ${mentions} mentions${soFar}`, location }]
            : [];
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

    registerEntityActions(ctx);
  },
  initialize(ctx) {
    void ctx.workspace.knowledge.ensureLoaded().then(() => ctx.hub.publishDiagnostics(ctx.workspace.knowledge.fileUris));
  },
};

/** Where Go to Definition on an entity lands: its entities.yaml entry, else its first mention. */
export function getEntityDefinition(ctx: ServerContext, entity: Entity): Location | undefined {
  return getEntryLocation(ctx, entity) ?? toLocation(ctx, ctx.workspace.view.entities.findReferences(entity.id)[0]);
}

function getEntryLocation(ctx: ServerContext, entity: Entity): Location | undefined {
  const uri = entity.record && ctx.workspace.knowledge.findFileOfRecord(entity.record.id);
  if (!uri || !entity.record) return undefined;
  return { uri, range: getLineTable(ctx.workspace.knowledge.getFile(uri).parsed).toRange(entity.record.span) };
}

function toLocation(ctx: ServerContext, found: MentionIn | undefined): Location | undefined {
  const file = found && getFileWithLines(ctx, found.uri);
  return file ? { uri: found.uri, range: file.lines.toRange(found.mention.span) } : undefined;
}

function printTerm(term: RoleTerm): string {
  return term.from || term.to ? ` (${term.from ?? '…'} – ${term.to ?? 'now'})` : '';
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
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** "in 1,240 of 7,545 files indexed": how much of the corpus a partial answer covers. */
function printFilesSoFar({ filesIndexed, filesTotal }: { filesIndexed: number; filesTotal: number }): string {
  return `in ${filesIndexed.toLocaleString('en-US')} of ${filesTotal.toLocaleString('en-US')} files indexed`;
}

/**
 * The hover card; `progress` when the scan is not over, so the counts read as partial. Every text from the corpus
 * or entities.yaml is escaped (markdown.ts).
 */
function printCard(card: EntityCard, progress?: { filesIndexed: number; filesTotal: number }): string {
  const { entity } = card;
  const e = escapeMarkdown;
  const lines = [`**${e(entity.name)}** · ${entity.kind}${entity.record ? '' : ' · not in entities.yaml'}`];
  if (card.termHeld) lines.push('', `On ${e(card.termHeld.date)}: ${e(card.termHeld.term.role)}${e(printTerm(card.termHeld.term))}`);
  if (card.record?.description) lines.push('', e(card.record.description));
  const roles = card.roles.slice(0, 4).map((r) => (r.count ? `${e(r.role)} (${r.count})` : e(r.role)));
  if (card.record?.role && !card.roles.some((r) => r.role === card.record?.role)) roles.unshift(e(card.record.role));
  if (roles.length) lines.push('', `Role: ${roles.join('; ')}`);
  if (card.spellings.length > 1)
    lines.push(
      '',
      `Written: ${card.spellings
        .slice(0, 8)
        .map((s) => `“${e(s)}”`)
        .join(', ')}`,
    );
  const counts = `${plural(card.mentionCount, 'mention')} in ${plural(card.releaseCount, 'release')}`;
  lines.push('', progress ? `Still indexing — so far: ${counts}, ${printFilesSoFar(progress)}:` : `${counts}:`);
  for (const release of card.topReleases) {
    lines.push(`- ${e(release.title)}${release.date ? ` (${e(release.date)})` : ''} — ${e(getUriBaseName(release.uri))}`);
  }
  if (card.releaseCount > card.topReleases.length) lines.push(`- … and ${card.releaseCount - card.topReleases.length} more`);
  if (card.companions.length) lines.push('', `Often with: ${card.companions.map((c) => `${e(c.entity.name)} (${c.releases})`).join(', ')}`);
  return lines.join('\n');
}
