// The Entities view of the Press Corpus side bar: people, organisations, countries, places and events, each kind
// with its number of entities, each entity with its number of mentions; expanding an entity lists its mentions,
// each a click away. The server counts and finds (pressCorpus.listEntities, listMentions); this draws.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntityInfo, ListEntitiesAnswer, MentionInfo, SERVER_COMMANDS } from '../../server/src/protocol';
import { executeServerCommand, toVscodeRange } from './tagRequests';

type Node = { kind: 'kind'; name: string; entities: EntityInfo[] } | { kind: 'entity'; entity: EntityInfo } | { kind: 'mention'; mention: MentionInfo };

const KIND_ICONS: Record<string, string> = { person: 'person', organisation: 'organization', country: 'globe', place: 'location', event: 'calendar' };

export class EntitiesTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private answer: Promise<ListEntitiesAnswer | undefined> | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.answer = undefined;
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      this.answer ??= executeServerCommand<ListEntitiesAnswer>(this.client, SERVER_COMMANDS.listEntities, {}).catch(() => undefined);
      const byKind = new Map<string, EntityInfo[]>();
      for (const entity of (await this.answer)?.entities ?? []) byKind.set(entity.kind, [...(byKind.get(entity.kind) ?? []), entity]);
      return [...byKind].map(([name, entities]) => ({ kind: 'kind', name, entities }));
    }
    if (node.kind === 'kind') return node.entities.map((entity) => ({ kind: 'entity', entity }));
    if (node.kind === 'entity') {
      const mentions = await executeServerCommand<MentionInfo[]>(this.client, SERVER_COMMANDS.listMentions, { entity: node.entity.id }).catch(() => []);
      return mentions.map((mention) => ({ kind: 'mention', mention }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'kind') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.entities.length);
      item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.name] ?? 'symbol-misc');
      return item;
    }
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.entity.mentions} mentions`;
      item.tooltip = `${node.entity.name} · ${node.entity.kind} · ${node.entity.mentions} mentions (expand to list them)`;
      item.contextValue = 'pressCorpus.entity';
      return item;
    }
    const { mention } = node;
    const item = new vscode.TreeItem(mention.context.slice(0, 100), vscode.TreeItemCollapsibleState.None);
    item.description = `${decodeURIComponent(mention.uri.slice(mention.uri.lastIndexOf('/') + 1))}:${mention.range.start.line + 1}`;
    item.tooltip = mention.release;
    item.command = { title: 'Open mention', command: 'vscode.open', arguments: [vscode.Uri.parse(mention.uri), { selection: toVscodeRange(mention.range) }] };
    return item;
  }
}
