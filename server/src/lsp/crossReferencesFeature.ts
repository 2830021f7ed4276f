// Cross-references in every LSP editor: on a recurring passage, Go to Definition lists its other occurrences
// (earliest release first) — and on a phrase citing another release ("my speech to the Rada yesterday"), that
// release, or the event it names when the corpus holds no such release —, Find References every occurrence, the hover says where it was first said, and the
// document highlights its occurrences in this file; on a release title, the hover, a code lens, Find References
// and the command pressCorpus.relatedReleases give the related releases. Providers answer nothing elsewhere, so
// the entity answers for the same requests still come through the hub.

import { CodeLens, Location, Position } from 'vscode-languageserver/node';
import { getReleaseAt, Release } from '../corpus/model';
import { findRecurringPassageAt, getAllOccurrences, getOccurrencesInFile, PassageMatch, RecurringPassage } from '../features/crossReferences';
import { RelatedRelease, RelatedReleaseCache } from '../features/relatedReleases';
import { findReferencedEntityAt, resolveTextReferenceAt } from '../features/textReferences';
import { getUriBaseName } from '../features/uris';
import { CLIENT_COMMANDS, RelatedReleaseInfo, RelatedReleasesArguments, SERVER_COMMANDS } from '../protocol';
import { getFileWithLines, ServerContext } from './context';
import { getEntityDefinition } from './entityFeature';
import { LspFeature } from './feature';

const MAX_HOVER_LINES = 8;

export const crossReferencesFeature: LspFeature = {
  capabilities: {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    codeLensProvider: { resolveProvider: false },
  },
  register(ctx) {
    const relatedCache = new RelatedReleaseCache();
    const getRelated = (uri: string, releaseIndex: number) => toRelatedInfos(ctx, relatedCache.get(ctx.workspace.view, uri, releaseIndex));
    const passageAt = (uri: string, position: Position) => {
      const found = getFileWithLines(ctx, uri);
      const passage = found && findRecurringPassageAt(ctx.workspace.view, found.file.uri, found.lines.toOffset(position));
      return found && passage ? { passage, lines: found.lines } : undefined;
    };

    ctx.hub.addDefinitionProvider(async ({ textDocument, position }) => {
      const passage = passageAt(textDocument.uri, position)?.passage.elsewhere.flatMap((m) => toLocation(ctx, m)) ?? [];
      const cited = await findCitedLocation(ctx, textDocument.uri, position);
      return cited ? [cited, ...passage] : passage;
    });

    ctx.hub.addReferencesProvider(({ textDocument, position, context }) => {
      const hit = passageAt(textDocument.uri, position);
      if (hit) return getAllOccurrences(hit.passage).flatMap((m) => toLocation(ctx, m));
      const title = titleAt(ctx, textDocument.uri, position);
      if (!title) return undefined;
      const related = getRelated(title.uri, title.releaseIndex).map((r) => ({ uri: r.uri, range: r.range }));
      return context.includeDeclaration ? [{ uri: textDocument.uri, range: title.range }, ...related] : related;
    });

    ctx.hub.addDocumentHighlightProvider(({ textDocument, position }) => {
      const hit = passageAt(textDocument.uri, position);
      return hit && getOccurrencesInFile(hit.passage).map((span) => ({ range: hit.lines.toRange(span) }));
    });

    ctx.hub.addHoverProvider(({ textDocument, position }) => {
      const hit = passageAt(textDocument.uri, position);
      if (hit) return { contents: { kind: 'markdown', value: printPassage(ctx, hit.passage) }, range: hit.lines.toRange(hit.passage.here.span) };
      const title = titleAt(ctx, textDocument.uri, position);
      const related = title && getRelated(title.uri, title.releaseIndex);
      if (!title || !related?.length) return undefined;
      return { contents: { kind: 'markdown', value: printRelated(related) }, range: title.range };
    });

    ctx.hub.addCodeLensProvider(({ textDocument }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      return found?.file.parsed.releases.flatMap((release, releaseIndex): CodeLens[] => {
        const related = getRelated(found.file.uri, releaseIndex);
        if (related.length === 0) return [];
        const start = found.lines.toPosition(release.titleSpans[0].start);
        const locations: Location[] = related.map((r) => ({ uri: r.uri, range: r.range }));
        const title = related.length === 1 ? '1 related release' : `${related.length} related releases`;
        return [{ range: { start, end: start }, command: { title, command: CLIENT_COMMANDS.showRepeats, arguments: [textDocument.uri, start, locations] } }];
      });
    });

    ctx.hub.addCommand(SERVER_COMMANDS.relatedReleases, (args) => {
      const { uri, position } = (args[0] ?? {}) as Partial<RelatedReleasesArguments>;
      const found = typeof uri === 'string' && position ? getFileWithLines(ctx, uri) : undefined;
      if (!found || !position) return [];
      const releaseIndex = found.file.parsed.releases.indexOf(getReleaseAt(found.file.parsed, found.lines.toOffset(position))!);
      return releaseIndex < 0 ? [] : getRelated(found.file.uri, releaseIndex);
    });
  },
};

/**
 * The title of the release a phrase at the position cites ("my speech to the Rada yesterday"), else — when the
 * corpus holds no such release — the definition of the event it names ("the Washington Summit in July"); on the
 * name itself the entity feature already answers that.
 */
async function findCitedLocation(ctx: ServerContext, uri: string, position: Position): Promise<Location | undefined> {
  const found = getFileWithLines(ctx, uri);
  if (!found) return undefined;
  const offset = found.lines.toOffset(position);
  const cited = resolveTextReferenceAt(ctx.workspace.view, found.file.uri, offset);
  const release = cited && ctx.workspace.getFile(cited.uri)?.parsed.releases[cited.releaseIndex];
  const range = release && toTitleRange(ctx, cited.uri, release);
  if (cited && range) return { uri: cited.uri, range };
  await ctx.workspace.knowledge.ensureLoaded(); // entities resolve to their entities.yaml entries once it is read
  const named = findReferencedEntityAt(ctx.workspace.view, found.file.uri, offset);
  const onName = named && offset >= named.nameSpan.start && offset <= named.nameSpan.end;
  return named && !onName ? getEntityDefinition(ctx, named.entity) : undefined;
}

/** The release whose title holds the position. */
function titleAt(ctx: ServerContext, uri: string, position: Position) {
  const found = getFileWithLines(ctx, uri);
  if (!found) return undefined;
  const offset = found.lines.toOffset(position);
  const releaseIndex = found.file.parsed.releases.findIndex((r) => r.titleSpans.some((span) => span.start <= offset && offset <= span.end));
  if (releaseIndex < 0) return undefined;
  return { uri: found.file.uri, releaseIndex, range: toTitleRange(ctx, found.file.uri, found.file.parsed.releases[releaseIndex])! };
}

function toRelatedInfos(ctx: ServerContext, related: readonly RelatedRelease[]): RelatedReleaseInfo[] {
  return related.flatMap((related: RelatedRelease): RelatedReleaseInfo[] => {
    const release = ctx.workspace.getFile(related.uri)?.parsed.releases[related.releaseIndex];
    const range = release && toTitleRange(ctx, related.uri, release);
    const { title, date, score, reasons } = related;
    return range ? [{ uri: related.uri, range, title, ...(date ? { date } : {}), score, reasons }] : [];
  });
}

function toTitleRange(ctx: ServerContext, uri: string, release: Release) {
  const found = getFileWithLines(ctx, uri);
  const spans = release.titleSpans;
  return found && found.lines.toRange({ start: spans[0].start, end: spans[spans.length - 1].end });
}

function toLocation(ctx: ServerContext, match: PassageMatch): Location[] {
  const found = getFileWithLines(ctx, match.uri);
  return found ? [{ uri: match.uri, range: found.lines.toRange(match.span) }] : [];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-04-29" → "29 April 2024", as the releases write dates. */
function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function describeRelease(match: { title: string; date?: string; uri: string }): string {
  return `${match.date ? `${formatDate(match.date)} · ` : ''}${match.title} (${getUriBaseName(match.uri)})`;
}

/** "First said on 29 April 2024 in Speech by … · also in 2 releases", then each other occurrence with its text. */
function printPassage(ctx: ServerContext, passage: RecurringPassage): string {
  const all = getAllOccurrences(passage);
  const first = all[0];
  const releases = new Set(all.map((m) => `${m.uri}#${m.releaseIndex}`));
  const others = releases.size - 1;
  const said = `First said ${first.date ? `on ${formatDate(first.date)} ` : ''}in ${first.title}${first === passage.here ? ' (here)' : ''}`;
  const lines = [`**${said}** · also in ${others} release${others === 1 ? '' : 's'}`, ''];
  for (const match of passage.elsewhere.slice(0, MAX_HOVER_LINES)) {
    const text = ctx.workspace.getFile(match.uri)?.text.slice(match.span.start, match.span.end).replace(/\s+/g, ' ') ?? '';
    lines.push(`- ${match.match} in ${describeRelease(match)}: “${text.length > 200 ? `${text.slice(0, 199)}…` : text}”`);
  }
  if (passage.elsewhere.length > MAX_HOVER_LINES) lines.push(`- … and ${passage.elsewhere.length - MAX_HOVER_LINES} more`);
  return lines.join('\n');
}

function printRelated(related: readonly RelatedReleaseInfo[]): string {
  const lines = [`**${related.length} related release${related.length === 1 ? '' : 's'}**`, ''];
  for (const r of related.slice(0, MAX_HOVER_LINES)) lines.push(`- ${describeRelease(r)} — ${r.reasons.join(' · ')}`);
  if (related.length > MAX_HOVER_LINES) lines.push(`- … and ${related.length - MAX_HOVER_LINES} more`);
  return lines.join('\n');
}
