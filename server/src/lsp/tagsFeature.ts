// Analyst tags in the editor: `tag.orphaned` diagnostics (on the release and on the YAML record), hovers with
// tags and note, an inlay hint `#tag` at the end of each tagged passage, code actions to edit or remove a tag,
// workspace symbols for `#tag` queries, and the tag commands. Tells the client when tags change
// (`pressCorpus/tagsChanged`) so it can redraw decorations and the Tags view.

import { CodeAction, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver/node';
import { AnchoredTag, computeAnchoredTags, computeOrphanedTagProblems, computeTagFileProblems, describeQuote, describeTags, findTagsAt, matchesTagQuery } from '../features/tags';
import { getTagHintOffset, isTagFileUri } from '../features/tagging';
import { getUriBaseName } from '../features/uris';
import { CLIENT_COMMANDS, SERVER_COMMANDS, TAGS_CHANGED_NOTIFICATION, TagsChangedParams } from '../protocol';
import { getFileWithLines, ServerContext } from './context';
import { LspFeature } from './feature';
import { MAX_WORKSPACE_SYMBOLS } from './hub';
import { getLineTable } from './positions';
import { toDiagnostic } from './problemConversion';
import { listTags, registerTagCommands } from './tagCommands';

export const tagsFeature: LspFeature = {
  capabilities: { hoverProvider: true, inlayHintProvider: true, workspaceSymbolProvider: true },
  register(ctx) {
    registerTagCommands(ctx);

    ctx.hub.addDiagnosticSource((uri) => {
      const store = ctx.workspace.tags;
      if (isTagFileUri(uri)) {
        const tagFile = store.getTagFile(uri);
        const corpusUri = store.getCorpusUri(uri);
        if (!tagFile) return [];
        // A tag file without its corpus file (renamed, deleted) shows every record as orphaned.
        const tags = computeAnchoredTags(corpusUri ? ctx.workspace.getFile(corpusUri) : undefined, tagFile);
        const lines = getLineTable(tagFile);
        return computeTagFileProblems(tagFile, tags, corpusUri ? getUriBaseName(corpusUri) : 'its corpus file').map((problem) => toDiagnostic(problem, lines));
      }
      const found = getFileWithLines(ctx, uri);
      const location = found && ctx.workspace.getTagFileLocation(found.file.uri);
      if (!found || !location) return [];
      const problems = computeOrphanedTagProblems(found.file, getAnchoredTagsOf(ctx, found.file.uri), location.displayName);
      return problems.map((problem) => toDiagnostic(problem, found.lines));
    });

    ctx.hub.addHoverProvider(({ textDocument, position }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return undefined;
      const offset = found.lines.toOffset(position);
      const tags = findTagsAt(getAnchoredTagsOf(ctx, found.file.uri), { start: offset, end: offset });
      if (!tags.length) return undefined;
      const value = tags.map((tag) => `**${describeTags(tag.record.tags)}**${tag.record.note ? ` — ${tag.record.note}` : ''}`).join('\n\n');
      return { contents: { kind: 'markdown', value }, range: found.lines.toRange(tags[0].span) };
    });

    ctx.hub.addInlayHintProvider(({ textDocument, range }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return [];
      const visible = { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) };
      return findTagsAt(getAnchoredTagsOf(ctx, found.file.uri), visible).map((tag) => ({
        position: found.lines.toPosition(getTagHintOffset(found.file.text, tag.span)),
        label: describeTags(tag.record.tags),
        paddingLeft: true,
        tooltip: tag.record.note || undefined,
      }));
    });

    ctx.hub.addCodeActionProvider(({ textDocument, range }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return [];
      const span = { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) };
      return findTagsAt(getAnchoredTagsOf(ctx, found.file.uri), span).flatMap((tag): CodeAction[] => {
        const label = `${describeTags(tag.record.tags)} on “${describeQuote(tag.record.anchor.exact, 40)}”`;
        return [
          { title: `Edit tag ${label}…`, command: { title: 'Edit tag', command: CLIENT_COMMANDS.editTagInteractive, arguments: [{ id: tag.record.id }] } },
          { title: `Remove tag ${label}`, command: { title: 'Remove tag', command: SERVER_COMMANDS.removeTag, arguments: [{ id: tag.record.id }] } },
        ];
      });
    });

    ctx.hub.addWorkspaceSymbolProvider(async ({ query }) => {
      if (!query.startsWith('#')) return [];
      await ctx.workspace.tags.ensureLoaded();
      const symbols: WorkspaceSymbol[] = [];
      for (const tag of listTags(ctx, {})) {
        if (symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
        if (tag.status !== 'anchored' || !matchesTagQuery(tag, query)) continue;
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

function getAnchoredTagsOf(ctx: ServerContext, corpusUri: string): readonly AnchoredTag[] {
  const location = ctx.workspace.getTagFileLocation(corpusUri);
  const tagFile = location && ctx.workspace.tags.getTagFile(location.yamlUri);
  return tagFile ? computeAnchoredTags(ctx.workspace.getFile(corpusUri), tagFile) : [];
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
