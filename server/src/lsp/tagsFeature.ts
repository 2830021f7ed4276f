// Analyst tags in the editor (their diagnostics come with every other problem, engine/workspaceProblems.ts): hovers
// with tags and note, an inlay hint `#tag` at the end of each tagged passage, code actions to edit or remove a tag,
// workspace symbols for `#tag` queries, and the tag commands. Tells the client when tags change
// (`pressCorpus/tagsChanged`) so it can redraw decorations and the Tags view.

import { SymbolKind, WorkspaceSymbol } from 'vscode-languageserver/node';
import { Span } from '../corpus/model';
import { LineTable } from '../engine/lineTable';
import { AnchoredTag, describeAnchorState, describeQuote, describeTags, matchesTagQuery } from '../features/tags';
import { getTagHintOffset } from '../features/tagging';
import { getUriBaseName } from '../features/uris';
import { TAGS_CHANGED_NOTIFICATION, TagSettings, TagsChangedParams } from '../protocol';
import { getFileWithLines, ServerContext } from './context';
import { LspFeature } from './feature';
import { escapeMarkdown } from './markdown';
import { MAX_WORKSPACE_SYMBOLS } from './hub';
import { TagAuthor } from './tagAuthor';
import { registerTagActions } from './tagActions';
import { getAnchoringOf, getMovedLines, listTags, registerTagCommands } from './tagCommands';

let author: TagAuthor;

export const tagsFeature: LspFeature = {
  capabilities: { hoverProvider: true, inlayHintProvider: true, workspaceSymbolProvider: true },
  register(ctx) {
    author = registerTagCommands(ctx);

    ctx.hub.addHoverProvider(({ textDocument, position }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return undefined;
      const offset = found.lines.toOffset(position);
      const tags = findTagsOf(ctx, found.file.uri, { start: offset, end: offset });
      if (!tags.length) return undefined;
      const value = tags.map((tag) => describeTagForHover(tag, found.lines)).join('\n\n');
      return { contents: { kind: 'markdown', value }, range: found.lines.toRange(tags[0].span) };
    });

    ctx.hub.addInlayHintProvider(({ textDocument, range }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return [];
      const visible = { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) };
      return findTagsOf(ctx, found.file.uri, visible).map((tag) => ({
        position: found.lines.toPosition(getTagHintOffset(found.file.text, tag.span)),
        label: describeTags(tag.record.tags),
        paddingLeft: true,
        tooltip: tag.record.note || undefined,
      }));
    });

    registerTagActions(ctx, (uri) => getAnchoredTagsOf(ctx, uri));
    ctx.connection.onDidChangeConfiguration(({ settings }) =>
      author.setConfigured((settings as { pressCorpus?: TagSettings } | undefined)?.pressCorpus?.author),
    );

    ctx.hub.addWorkspaceSymbolProvider(async ({ query }) => {
      if (!query.startsWith('#')) return [];
      await ctx.workspace.tags.ensureLoaded();
      const symbols: WorkspaceSymbol[] = [];
      for (const tag of listTags(ctx, {})) {
        if (symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
        if (tag.status === 'orphaned' || !matchesTagQuery(tag, query)) continue;
        symbols.push({
          name: `${describeTags(tag.tags)} ${describeQuote(tag.quote, 50)}`,
          kind: SymbolKind.Key,
          containerName: tag.release || getUriBaseName(tag.uri),
          location: { uri: tag.uri, range: tag.range },
        });
      }
      return symbols;
    });
  },
  initialize(ctx) {
    const { workspace } = ctx;
    author.setConfigured(workspace.settings.author);
    const noticeClient = createTagsChangedNotifier(ctx);
    workspace.tags.onDidChange((yamlUris) => {
      const corpusUris = yamlUris.map((uri) => workspace.tags.getCorpusUri(uri)).filter((uri): uri is string => !!uri);
      ctx.hub.publishDiagnostics([...yamlUris, ...corpusUris]);
      noticeClient(corpusUris);
    });
    workspace.onDidChangeProblems((changed) => {
      void workspace.tags.ensureLoaded();
      // The corpus file's own diagnostics are published by the diagnostics module; its tag file's are ours.
      const tagged = changed.flatMap((uri) => {
        const location = workspace.getTagFileLocation(uri);
        return location && workspace.tags.getTagFile(location.yamlUri) ? [{ uri, yamlUri: location.yamlUri }] : [];
      });
      if (!tagged.length) return;
      ctx.hub.publishDiagnostics(tagged.map((t) => t.yamlUri));
      noticeClient(tagged.map((t) => t.uri));
    });
  },
};

/** `**#energy** — note`, then how sure its place is (`moved 3 lines down`, `found with 86 % similarity: …`), then who and when. */
/** Tags, note, anchor state and author: the analysts' free text and the corpus text shown as typed, never as markdown (markdown.ts). */
function describeTagForHover(tag: AnchoredTag, lines: LineTable): string {
  const { record } = tag;
  const state = describeAnchorState(tag, getMovedLines(tag, lines));
  const who = [record.author, record.created?.slice(0, 10)].filter(Boolean).join(', ');
  const tagsAndNote = `**${escapeMarkdown(describeTags(record.tags))}**${record.note ? ` — ${escapeMarkdown(record.note)}` : ''}`;
  return [tagsAndNote, state && `_${escapeMarkdown(state)}_`, who && `Tagged by ${escapeMarkdown(who)}`].filter(Boolean).join('\n\n');
}

function getAnchoredTagsOf(ctx: ServerContext, corpusUri: string): readonly AnchoredTag[] {
  return getAnchoringOf(ctx, corpusUri)?.getAll() ?? [];
}

/** The file's tags at an offset or within a span: asked on every hover and scroll, so no object for every tag. */
function findTagsOf(ctx: ServerContext, corpusUri: string, span: Span): AnchoredTag[] {
  return getAnchoringOf(ctx, corpusUri)?.findAt(span) ?? [];
}

/** Tells the client, once per burst of changes, which corpus files' tags may look different. */
function createTagsChangedNotifier(ctx: ServerContext): (uris: Iterable<string>) => void {
  let changedSinceLastNotice = new Set<string>();
  return (uris) => {
    const wasIdle = changedSinceLastNotice.size === 0;
    for (const uri of uris) changedSinceLastNotice.add(uri);
    if (!wasIdle) return;
    setImmediate(() => {
      const params: TagsChangedParams = { uris: [...changedSinceLastNotice] };
      changedSinceLastNotice = new Set();
      void ctx.connection.sendNotification(TAGS_CHANGED_NOTIFICATION, params);
      // Editors ask for inlay hints only when a document changes; a tag file change must ask them again.
      // Clients without workspace/inlayHint/refresh answer with an error, which changes nothing.
      ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
    });
  };
}
