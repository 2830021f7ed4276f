// Analyst tags in VS Code: the Tag Selection…, Tag Sentence…, Edit Tag…, Rename Tag… and Remove Tag commands,
// accepting and re-attaching tags (tagMaintenance.ts), the Tags view with its state and author filters and the
// passage decorations, all kept in step with the server's `pressCorpus/tagsChanged` notification.
// The server's own commands (pressCorpus.tagPassage, …) are registered by the language client under their names,
// so the client commands here have other ids.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TagDecorations } from './tagDecorations';
import {
  EDIT_TAG_COMMAND,
  editTag,
  REMOVE_TAG_COMMAND,
  removeTag,
  RENAME_TAG_COMMAND,
  renameTag,
  TAG_SELECTION_COMMAND,
  TAG_SENTENCE_COMMAND,
  tagSelection,
  tagSentence,
} from './tagPrompts';
import { TAGS_CHANGED_NOTIFICATION, TagsChangedParams } from '../../server/src/protocol';
import { registerTagMaintenance } from './tagMaintenance';
import { pickTagFilter, registerTagsView } from './tagsView';

export function registerTags(context: vscode.ExtensionContext, client: LanguageClient): void {
  const { provider: view, view: treeView } = registerTagsView(context, client);
  const decorations = new TagDecorations(client);
  registerTagMaintenance(context, client);
  context.subscriptions.push(
    decorations,
    vscode.commands.registerCommand(TAG_SELECTION_COMMAND, () => tagSelection(client)),
    vscode.commands.registerCommand(TAG_SENTENCE_COMMAND, () => tagSentence(client)),
    vscode.commands.registerCommand(EDIT_TAG_COMMAND, (argument?: { id?: string }) => editTag(client, argument)),
    vscode.commands.registerCommand(RENAME_TAG_COMMAND, (argument?: { name?: string }) => renameTag(client, argument)),
    vscode.commands.registerCommand(REMOVE_TAG_COMMAND, (argument?: { id?: string }) => removeTag(client, argument)),
    vscode.commands.registerCommand('pressCorpus.filterTagsByState', () => pickTagFilter(view, treeView, client, 'state')),
    vscode.commands.registerCommand('pressCorpus.filterTagsByAuthor', () => pickTagFilter(view, treeView, client, 'author')),
    vscode.commands.registerCommand('pressCorpus.clearTagFilters', () => pickTagFilter(view, treeView, client, 'clear')),
    vscode.commands.registerCommand('pressCorpus.refreshTags', () => {
      view.refresh();
      void decorations.redraw();
    }),
    client.onNotification(TAGS_CHANGED_NOTIFICATION, ({ uris }: TagsChangedParams) => {
      view.refreshSoon();
      void decorations.redraw(uris);
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => void decorations.redraw()),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.languageId === 'press-corpus') decorations.redrawSoon(document.uri.toString());
    }),
  );
  void decorations.redraw();
}
