// The Releases view of the Press Corpus side bar: every release of the corpus, grouped by file or by month,
// narrowed by kind, source or problem. The server computes the list (pressCorpus.listReleases); this draws it.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ListReleasesAnswer, ListReleasesArguments, NameCount, ReleaseInfo, SERVER_COMMANDS } from '../../server/src/protocol';
import { executeServerCommand, toVscodeRange } from './tagRequests';

type Grouping = 'file' | 'date';
type Node = { kind: 'group'; label: string; releases: ReleaseInfo[] } | { kind: 'release'; release: ReleaseInfo };

const UNDATED = 'No date';

export function openRelease(release: Pick<ReleaseInfo, 'uri' | 'range'>): Thenable<unknown> {
  return vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(release.uri), { selection: toVscodeRange(release.range) });
}

export class ReleasesTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private answer: Promise<ListReleasesAnswer | undefined> | undefined;
  grouping: Grouping = 'file';
  filter: ListReleasesArguments = {};

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.answer = undefined;
    this.changed.fire();
  }

  /** The filters' choices, as the server counted them. */
  async getChoices(): Promise<{ kinds: readonly NameCount[]; sources: readonly NameCount[]; problems: readonly NameCount[] }> {
    return (await this.load()) ?? { kinds: [], sources: [], problems: [] };
  }

  async describe(): Promise<string> {
    const answer = await this.load();
    const parts = Object.entries(this.filter).map(([key, value]) => `${key}: ${value}`);
    const count = answer ? `${answer.releases.length.toLocaleString('en-US')} releases${answer.partial ? ' so far' : ''}` : '';
    return [count, ...parts].filter(Boolean).join(' · ');
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'group') return node.releases.map((release) => ({ kind: 'release', release }));
    if (node) return [];
    const releases = (await this.load())?.releases ?? [];
    return this.grouping === 'file' ? groupByFile(releases) : groupByMonth(releases);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.releases.length);
      item.iconPath = new vscode.ThemeIcon(this.grouping === 'file' ? 'file' : 'calendar');
      return item;
    }
    const { release } = node;
    const item = new vscode.TreeItem(release.title, vscode.TreeItemCollapsibleState.None);
    item.description = [release.date, release.kind, release.source].filter(Boolean).join(' · ');
    item.tooltip = [
      release.title,
      `${release.kind}${release.source ? ` · ${release.source}` : ''}${release.date ? ` · ${release.date}` : ''}`,
      ...release.problems.map((code) => `⚠ ${code}`),
    ].join('\n');
    item.iconPath = new vscode.ThemeIcon(release.problems.length ? 'warning' : 'note');
    item.command = { title: 'Open release', command: 'vscode.open', arguments: [vscode.Uri.parse(release.uri), { selection: toVscodeRange(release.range) }] };
    return item;
  }

  private load(): Promise<ListReleasesAnswer | undefined> {
    this.answer ??= executeServerCommand<ListReleasesAnswer>(this.client, SERVER_COMMANDS.listReleases, this.filter).catch(() => undefined);
    return this.answer;
  }
}

function groupByFile(releases: readonly ReleaseInfo[]): Node[] {
  const groups = new Map<string, ReleaseInfo[]>();
  for (const release of releases) groups.set(release.uri, [...(groups.get(release.uri) ?? []), release]);
  return [...groups].map(([uri, list]) => ({ kind: 'group', label: decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)), releases: list }));
}

function groupByMonth(releases: readonly ReleaseInfo[]): Node[] {
  const groups = new Map<string, ReleaseInfo[]>();
  const sorted = [...releases].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  for (const release of sorted) {
    const month = release.date?.slice(0, 7) ?? UNDATED;
    groups.set(month, [...(groups.get(month) ?? []), release]);
  }
  return [...groups].map(([label, list]) => ({ kind: 'group', label, releases: list }));
}

/** Asks which filter to set (kind, source, problem, title words) or to clear them all. */
export async function pickReleaseFilter(provider: ReleasesTreeProvider): Promise<void> {
  const choices = await provider.getChoices();
  const facet = await vscode.window.showQuickPick(
    [
      { label: 'Kind', key: 'kind' },
      { label: 'Source', key: 'source' },
      { label: 'Problem', key: 'problem' },
      { label: 'Title words', key: 'search' },
      { label: 'Clear filters', key: 'clear' },
    ] as const,
    { title: 'Filter releases by' },
  );
  if (!facet) return;
  if (facet.key === 'clear') provider.filter = {};
  else if (facet.key === 'search') {
    const words = await vscode.window.showInputBox({ title: 'Releases whose title holds these words', value: provider.filter.search });
    if (words === undefined) return;
    provider.filter = { ...provider.filter, search: words || undefined };
  } else {
    const counts = facet.key === 'kind' ? choices.kinds : facet.key === 'source' ? choices.sources : [{ name: 'any', count: undefined }, ...choices.problems];
    const picked = await vscode.window.showQuickPick(
      counts.map((c) => ({ label: c.name, description: c.count === undefined ? 'at least one problem' : String(c.count) })),
      { title: `Releases of ${facet.label.toLowerCase()}` },
    );
    if (!picked) return;
    provider.filter = { ...provider.filter, [facet.key]: picked.label };
  }
  provider.refresh();
}
