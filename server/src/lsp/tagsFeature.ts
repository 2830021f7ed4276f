// Analyst tags in the editor: `tag.orphaned` diagnostics (on the release and on the YAML record), hovers with
// tags and note, an inlay hint `#tag` at the end of each tagged passage, code actions to edit or remove a tag,
// workspace symbols for `#tag` queries, and the tag commands. Tells the client when tags change
// (`pressCorpus/tagsChanged`) so it can redraw decorations and the Tags view.

import { CodeAction, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver/node';
import { computeAnchoredTags, computeOrphanedTagProblems, computeTagFileProblems, describeQuote, describeTags, findTagsAt, matchesTagQuery } from '../features/tags';
import { getFileWithLines } from './context';
import { LspFeature } from './feature';
import { MAX_WORKSPACE_SYMBOLS } from './hub';
import { LineTable } from './positions';
import { toDiagnostic } from './problemConversion';
import { getAnchoredTagsOf, listTags, registerTagCommands, TAG_COMMANDS } from './tagCommands';
import { TagStore } from './tagStore';

export const TAGS_CHANGED_NOTIFICATION = 'pressCorpus/tagsChanged';
/** A client command (forms for tags and note); other LSP clients can call pressCorpus.editTag directly. */
export const EDIT_TAG_CLIENT_COMMAND = 'pressCorpus.editTagInteractive';

export const tagsFeature: LspFeature = {
  capabilities: { hoverProvider: true, inlayHintProvider: true, workspaceSymbolProvider: true },
  register(ctx) {
    const store = new TagStore(ctx);
    store.watchTagFiles();
    registerTagCommands(ctx, store);

    let changedSinceLastNotice = new Set<string>();
    const noticeClient = (uris: Iterable<string>) => {
      const wasIdle = changedSinceLastNotice.size === 0;
      for (const uri of uris) changedSinceLastNotice.add(uri);
      if (!wasIdle) return;
      setImmediate(() => {
        const changed = [...changedSinceLastNotice];
        changedSinceLastNotice = new Set();
        void ctx.connection.sendNotification(TAGS_CHANGED_NOTIFICATION, { uris: changed });
        // Editors ask for inlay hints only when a document changes; a tag file change must ask them again.
        // Clients without workspace/inlayHint/refresh answer with an error, which changes nothing.
        ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
      });
    };

    store.onDidChange((yamlUris) => {
      const corpusUris = yamlUris.map((uri) => store.getCorpusUri(uri)).filter((uri): uri is string => !!uri);
      ctx.hub.publishDiagnostics([...yamlUris, ...corpusUris]);
      noticeClient(corpusUris);
    });
    ctx.index.onDidChange((changed) => {
      void store.ensureLoaded();
      // The corpus file's own diagnostics are published by the diagnostics module; its tag file's are ours.
      const tagged = changed.filter((uri) => {
        const location = store.getLocation(uri);
        return location !== undefined && store.getTagFile(location.yamlUri) !== undefined;
      });
      if (!tagged.length) return;
      ctx.hub.publishDiagnostics(tagged.map((uri) => store.getLocation(uri)!.yamlUri));
      noticeClient(tagged);
    });

    ctx.hub.addDiagnosticSource((uri) => {
      if (store.isTagFileUri(uri)) {
        const tagFile = store.getTagFile(uri);
        const corpusUri = store.getCorpusUri(uri);
        if (!tagFile) return [];
        // A tag file without its corpus file (renamed, deleted) shows every record as orphaned.
        const tags = computeAnchoredTags(corpusUri ? ctx.index.getFile(corpusUri) : undefined, tagFile);
        const corpusName = corpusUri ? corpusUri.slice(corpusUri.lastIndexOf('/') + 1) : 'its corpus file';
        const lines = new LineTable(tagFile.text);
        return computeTagFileProblems(tagFile, tags, corpusName).map((problem) => toDiagnostic(problem, lines));
      }
      const found = getFileWithLines(ctx, uri);
      const location = found && store.getLocation(uri);
      if (!found || !location) return [];
      const problems = computeOrphanedTagProblems(found.file, getAnchoredTagsOf(ctx, store, uri), location.displayName);
      return problems.map((problem) => toDiagnostic(problem, found.lines));
    });

    ctx.hub.addHoverProvider(({ textDocument, position }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return undefined;
      const offset = found.lines.toOffset(position);
      const tags = findTagsAt(getAnchoredTagsOf(ctx, store, textDocument.uri), { start: offset, end: offset });
      if (!tags.length) return undefined;
      const value = tags.map((tag) => `**${describeTags(tag.record.tags)}**${tag.record.note ? ` — ${tag.record.note}` : ''}`).join('\n\n');
      return { contents: { kind: 'markdown', value }, range: found.lines.toRange(tags[0].span) };
    });

    ctx.hub.addInlayHintProvider(({ textDocument, range }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return [];
      const visible = { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) };
      return findTagsAt(getAnchoredTagsOf(ctx, store, textDocument.uri), visible).map((tag) => ({
        position: found.lines.toPosition(tag.span.end),
        label: describeTags(tag.record.tags),
        paddingLeft: true,
        tooltip: tag.record.note || undefined,
      }));
    });

    ctx.hub.addCodeActionProvider(({ textDocument, range }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return [];
      const span = { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) };
      return findTagsAt(getAnchoredTagsOf(ctx, store, textDocument.uri), span).flatMap((tag): CodeAction[] => {
        const label = `${describeTags(tag.record.tags)} on “${describeQuote(tag.record.anchor.exact, 40)}”`;
        return [
          { title: `Edit tag ${label}…`, command: { title: 'Edit tag', command: EDIT_TAG_CLIENT_COMMAND, arguments: [{ id: tag.record.id }] } },
          { title: `Remove tag ${label}`, command: { title: 'Remove tag', command: TAG_COMMANDS.removeTag, arguments: [{ id: tag.record.id }] } },
        ];
      });
    });

    ctx.hub.addWorkspaceSymbolProvider(async ({ query }) => {
      if (!query.startsWith('#')) return [];
      await store.ensureLoaded();
      const symbols: WorkspaceSymbol[] = [];
      for (const tag of listTags(ctx, store, {})) {
        if (symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
        if (tag.status !== 'anchored' || !matchesTagQuery(tag, query)) continue;
        symbols.push({
          name: `${describeTags(tag.tags)} ${describeQuote(tag.quote, 50)}`,
          kind: SymbolKind.Key,
          containerName: tag.release || tag.uri.slice(tag.uri.lastIndexOf('/') + 1),
          location: { uri: tag.uri, range: tag.range },
        });
      }
      return symbols;
    });
  },
};
