// The "Tags" view of the Press Corpus side bar: each tag with its number of passages, each passage a click away.
// Orphaned passages are listed too (with a warning icon): a tag is never silently dropped.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { countTagNames, listTags, TagInfo, toVscodeRange } from './tagRequests';

/** Tree nodes are also the arguments of the view's context menu commands: `{ name }` or `{ id }`. */
const REFRESH_DELAY_MS = 1000;

type Node = { kind: 'tag'; name: string; count: number } | { kind: 'passage'; id: string; tag: TagInfo };

export class TagsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private tags: Promise<TagInfo[]> | undefined;

  constructor(private readonly client: LanguageClient) {}

  private timer: NodeJS.Timeout | undefined;

  refresh(): void {
    clearTimeout(this.timer);
    this.tags = undefined;
    this.changed.fire();
  }

  /** While the analyst types in a tagged file the view follows at a walk: listing all tags is corpus-wide. */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    this.tags ??= listTags(this.client).catch(() => []);
    const tags = await this.tags;
    if (!node) return countTagNames(tags).map(({ name, count }) => ({ kind: 'tag', name, count }));
    if (node.kind === 'passage') return [];
    return tags.filter((tag) => tag.tags.includes(node.name)).map((tag) => ({ kind: 'passage', id: tag.id, tag }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(`#${node.name}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'pressCorpus.tag';
      return item;
    }
    const { tag } = node;
    const item = new vscode.TreeItem(tag.quote.replace(/\s+/g, ' ').slice(0, 80), vscode.TreeItemCollapsibleState.None);
    const file = tag.uri.slice(tag.uri.lastIndexOf('/') + 1);
    item.description = `${file}:${tag.range.start.line + 1}${tag.status === 'orphaned' ? ' · orphaned' : ''}`;
    item.tooltip = new vscode.MarkdownString([`**${tag.tags.map((t) => `#${t}`).join(' ')}**`, tag.note, `_${tag.release}_`].filter(Boolean).join('\n\n'));
    item.iconPath = new vscode.ThemeIcon(tag.status === 'orphaned' ? 'warning' : 'quote');
    item.contextValue = 'pressCorpus.taggedPassage';
    item.command = { title: 'Open passage', command: 'vscode.open', arguments: [vscode.Uri.parse(tag.uri), { selection: toVscodeRange(tag.range) }] };
    return item;
  }
}

export function registerTagsView(context: vscode.ExtensionContext, client: LanguageClient): TagsTreeProvider {
  const provider = new TagsTreeProvider(client);
  context.subscriptions.push(vscode.window.createTreeView('pressCorpus.tags', { treeDataProvider: provider, showCollapseAll: true }));
  return provider;
}
