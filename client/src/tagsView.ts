// The "Tags" view of the Press Corpus side bar: the tag tree as the server computes it (`energy/oil` under `energy`, pressCorpus.tagTree),
// each name with its passages, each passage with an icon for how its place was found (exact, moved, fuzzy,
// orphaned) and a click away. Filters by state and by author go to the server with every request, so the tree
// and its counts show only what the analyst asked for. Orphans are listed too: a tag is never silently dropped.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ListTagsArguments, TagStatus, TagTreeNodeInfo } from '../../server/src/protocol';
import { getTagTree, listTags, TagInfo, toVscodeRange } from './tagRequests';

const REFRESH_DELAY_MS = 1000;

/** Tree nodes are also the arguments of the view's context menu commands: `{ name }` or `{ id }`. */
type Node = { kind: 'tag'; name: string; node: TagTreeNodeInfo } | { kind: 'passage'; id: string; tag: TagInfo };

/** What each state looks like in the view (and why the analyst should look again). */
export const STATE_LOOKS: Record<TagStatus, { icon: string; color?: string; label: string }> = {
  exact: { icon: 'pass', label: 'exact: at its stored place' },
  moved: { icon: 'arrow-swap', color: 'editorInfo.foreground', label: 'moved: the same words, elsewhere' },
  fuzzy: { icon: 'question', color: 'editorWarning.foreground', label: 'fuzzy: the words were edited' },
  orphaned: { icon: 'warning', color: 'editorError.foreground', label: 'orphaned: not found in the text' },
};

interface Listing {
  readonly tree: TagTreeNodeInfo[];
  readonly tags: TagInfo[];
}

export class TagsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private listing: Promise<Listing> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Only tags in these states, by this author (undefined: all). */
  filter: Pick<ListTagsArguments, 'states' | 'author'> = {};

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    clearTimeout(this.timer);
    this.listing = undefined;
    this.changed.fire();
  }

  /** While the analyst types in a tagged file the view follows at a walk: listing all tags is corpus-wide. */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    this.listing ??= Promise.all([getTagTree(this.client, this.filter), listTags(this.client, this.filter)])
      .then(([tree, tags]) => ({ tree, tags }))
      .catch(() => ({ tree: [], tags: [] }));
    const { tree, tags } = await this.listing;
    if (!node) return tree.map((child) => ({ kind: 'tag', name: child.path, node: child }));
    if (node.kind === 'passage') return [];
    const children: Node[] = node.node.children.map((child) => ({ kind: 'tag', name: child.path, node: child }));
    const passages: Node[] = tags.filter((tag) => tag.tags.includes(node.name)).map((tag) => ({ kind: 'passage', id: tag.id, tag }));
    return [...children, ...passages];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(`#${node.node.name}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `tag:${node.name}`;
      item.description = node.node.total === node.node.count ? String(node.node.count) : `${node.node.count} · ${node.node.total} with children`;
      item.tooltip = `#${node.name}`;
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'pressCorpus.tag';
      return item;
    }
    const { tag } = node;
    const looks = STATE_LOOKS[tag.status];
    const item = new vscode.TreeItem(tag.quote.replace(/\s+/g, ' ').slice(0, 80), vscode.TreeItemCollapsibleState.None);
    const file = tag.uri.slice(tag.uri.lastIndexOf('/') + 1);
    const similarity = tag.similarity === undefined ? '' : ` ${Math.floor(tag.similarity * 100)} %`;
    item.description = `${file}:${tag.range.start.line + 1}${tag.status === 'exact' ? '' : ` · ${tag.status}${similarity}`}${tag.author ? ` · ${tag.author}` : ''}`;
    item.tooltip = new vscode.MarkdownString(
      [
        `**${tag.tags.map((t) => `#${t}`).join(' ')}**`,
        tag.note,
        `_${looks.label}${similarity}_`,
        tag.currentText && `Now reads: “${tag.currentText}”`,
        `_${tag.release}_`,
        tag.author && `Tagged by ${tag.author}${tag.created ? `, ${tag.created.slice(0, 10)}` : ''}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.iconPath = new vscode.ThemeIcon(looks.icon, looks.color ? new vscode.ThemeColor(looks.color) : undefined);
    item.contextValue = `pressCorpus.taggedPassage.${tag.status}`;
    item.command = { title: 'Open passage', command: 'vscode.open', arguments: [vscode.Uri.parse(tag.uri), { selection: toVscodeRange(tag.range) }] };
    return item;
  }
}

export function registerTagsView(context: vscode.ExtensionContext, client: LanguageClient): { provider: TagsTreeProvider; view: vscode.TreeView<unknown> } {
  const provider = new TagsTreeProvider(client);
  const view = vscode.window.createTreeView('pressCorpus.tags', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(view);
  return { provider, view: view as vscode.TreeView<unknown> };
}

/** "Filter Tags by State…" / "by Author…": asks, then redraws the view with the filter shown in its title. */
export async function pickTagFilter(
  provider: TagsTreeProvider,
  view: vscode.TreeView<unknown>,
  client: LanguageClient,
  what: 'state' | 'author' | 'clear',
): Promise<void> {
  if (what === 'clear') provider.filter = {};
  if (what === 'state') {
    const current = provider.filter.states;
    const picked = await vscode.window.showQuickPick(
      (Object.keys(STATE_LOOKS) as TagStatus[]).map((state) => ({
        label: `$(${STATE_LOOKS[state].icon}) ${state}`,
        description: STATE_LOOKS[state].label,
        state,
        picked: !current || current.includes(state),
      })),
      { canPickMany: true, title: 'Show tags in these states' },
    );
    if (!picked) return;
    provider.filter = { ...provider.filter, states: picked.length === Object.keys(STATE_LOOKS).length ? undefined : picked.map((p) => p.state) };
  }
  if (what === 'author') {
    const authors = [...new Set((await listTags(client)).map((tag) => tag.author).filter((a): a is string => !!a))].sort();
    const picked = await vscode.window.showQuickPick([{ label: 'Everyone', author: undefined }, ...authors.map((author) => ({ label: author, author }))], {
      title: 'Show tags by',
    });
    if (!picked) return;
    provider.filter = { ...provider.filter, author: picked.author };
  }
  const { states, author } = provider.filter;
  view.description = [states && states.join(', '), author && `by ${author}`].filter(Boolean).join(' · ') || undefined;
  provider.refresh();
}
