// The Press Corpus home in the activity bar: the Releases and Entities views (the Tags view registers itself in
// tags.ts), the timeline, and the commands of their title bars and context menus. Cross-reference views join
// the same container (package.json `views.pressCorpus`). Everything shown comes from the server.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusParams } from '../../server/src/protocol';
import { EntitiesTreeProvider } from './entitiesView';
import { pickReleaseFilter, ReleasesTreeProvider } from './releasesView';
import { SHOW_TIMELINE_COMMAND, TimelinePanel } from './timelinePanel';

export function registerHome(context: vscode.ExtensionContext, client: LanguageClient, onStatus: vscode.Event<StatusParams>): void {
  const releases = new ReleasesTreeProvider(client);
  const entities = new EntitiesTreeProvider(client);
  const releasesView = vscode.window.createTreeView('pressCorpus.releases', { treeDataProvider: releases, showCollapseAll: true });
  const describeReleases = async () => (releasesView.description = await releases.describe());
  const refreshReleases = () => {
    releases.refresh();
    void describeReleases();
  };
  context.subscriptions.push(
    releasesView,
    vscode.window.createTreeView('pressCorpus.entities', { treeDataProvider: entities, showCollapseAll: true }),
    vscode.commands.registerCommand('pressCorpus.filterReleases', async () => {
      await pickReleaseFilter(releases);
      void describeReleases();
    }),
    vscode.commands.registerCommand('pressCorpus.groupReleasesByDate', () => {
      releases.grouping = 'date';
      releases.refresh();
    }),
    vscode.commands.registerCommand('pressCorpus.groupReleasesByFile', () => {
      releases.grouping = 'file';
      releases.refresh();
    }),
    vscode.commands.registerCommand(SHOW_TIMELINE_COMMAND, (node?: { entity?: { id: string; name: string }; name?: string }) => {
      if (node?.entity) TimelinePanel.show(context, client, { arguments: { entity: node.entity.id }, label: `releases naming ${node.entity.name}` });
      else if (node?.name) TimelinePanel.show(context, client, { arguments: { tag: node.name }, label: `releases tagged #${node.name}` });
      else TimelinePanel.show(context, client);
    }),
    // The lists follow the corpus: redrawn when indexing ends and when the settled counts change.
    onStatus((status) => {
      if (status.state !== 'ready') return;
      refreshReleases();
      entities.refresh();
    }),
  );
  void describeReleases();
}
