// The "Related Releases" view: the releases related to the one under the cursor, best first, with the reasons
// the server gives. It follows the cursor (asking pressCorpus.relatedReleases after a short pause); a click
// opens the related release at its title. The server ranks; the view only draws.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RelatedReleaseInfo, RelatedReleasesArguments, SERVER_COMMANDS } from '../../server/src/protocol';
import { executeServerCommand, toVscodeRange } from './tagRequests';

const FOLLOW_DELAY_MS = 300;
const VIEW_ID = 'pressCorpus.relatedReleases';

class RelatedReleasesProvider implements vscode.TreeDataProvider<RelatedReleaseInfo> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  releases: RelatedReleaseInfo[] = [];

  show(releases: RelatedReleaseInfo[]): void {
    this.releases = releases;
    this.changed.fire();
  }

  getChildren(node?: RelatedReleaseInfo): RelatedReleaseInfo[] {
    return node ? [] : this.releases;
  }

  getTreeItem(release: RelatedReleaseInfo): vscode.TreeItem {
    const item = new vscode.TreeItem(release.title, vscode.TreeItemCollapsibleState.None);
    item.description = [release.date, ...release.reasons].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(`**${release.title}**\n\n${release.reasons.map((r) => `- ${r}`).join('\n')}\n\nScore ${release.score}`);
    item.iconPath = new vscode.ThemeIcon('references');
    item.command = { title: 'Open release', command: 'vscode.open', arguments: [vscode.Uri.parse(release.uri), { selection: toVscodeRange(release.range) }] };
    return item;
  }
}

export function registerRelatedReleasesView(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new RelatedReleasesProvider();
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider });
  let timer: NodeJS.Timeout | undefined;
  let asked = 0;
  const follow = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    if (!editor || editor.document.languageId !== 'press-corpus') return;
    timer = setTimeout(async () => {
      const request = ++asked;
      const argument: RelatedReleasesArguments = { uri: editor.document.uri.toString(), position: editor.selection.active };
      const releases = await executeServerCommand<RelatedReleaseInfo[]>(client, SERVER_COMMANDS.relatedReleases, argument).catch(() => []);
      if (request !== asked) return; // the cursor moved on meanwhile
      provider.show(releases);
      view.message = releases.length ? undefined : 'No related releases for the release at the cursor.';
    }, FOLLOW_DELAY_MS);
  };
  context.subscriptions.push(
    view,
    vscode.window.onDidChangeTextEditorSelection((event) => follow(event.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(follow),
  );
  follow(vscode.window.activeTextEditor);
}
