// The client's view of the server's tag commands: their argument and answer shapes, and one way to call them.
// The client never computes tags itself; it asks the server (workspace/executeCommand) and draws the answer.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ListTagsArguments, ProtocolRange, SERVER_COMMANDS, TagInfo, TagRanges, TagTreeNodeInfo } from '../../server/src/protocol';

export type { TagInfo };

export async function executeServerCommand<R>(client: LanguageClient, command: string, argument: object): Promise<R> {
  return (await client.sendRequest('workspace/executeCommand', { command, arguments: [argument] })) as R;
}

export function listTags(client: LanguageClient, filter: ListTagsArguments = {}): Promise<TagInfo[]> {
  return executeServerCommand<TagInfo[]>(client, SERVER_COMMANDS.listTags, filter);
}

/** Where one corpus file's tags are drawn, by state (four numbers per passage: `toVscodeRanges`). */
export function getTagRanges(client: LanguageClient, uri: string): Promise<TagRanges> {
  return executeServerCommand<TagRanges>(client, SERVER_COMMANDS.tagRanges, { uri });
}

/** The tag names as a tree (`energy/oil` under `energy`), as the server builds it. */
export function getTagTree(client: LanguageClient, filter: ListTagsArguments = {}): Promise<TagTreeNodeInfo[]> {
  return executeServerCommand<TagTreeNodeInfo[]>(client, SERVER_COMMANDS.tagTree, filter);
}

/** Every tag name with its number of passages, most used first. */
export function countTagNames(tags: readonly TagInfo[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const tag of tags) for (const name of tag.tags) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function toVscodeRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** `TagRanges`' flat lists (start line, start character, end line, end character per passage) as ranges. */
export function toVscodeRanges(positions: readonly number[]): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  for (let i = 0; i + 3 < positions.length; i += 4) ranges.push(new vscode.Range(positions[i], positions[i + 1], positions[i + 2], positions[i + 3]));
  return ranges;
}

/** Server errors (a corrupt YAML file, an untrusted workspace) are the user's answer: show them as they are. */
export function showTagError(error: unknown): void {
  void vscode.window.showErrorMessage(`Press Corpus: ${error instanceof Error ? error.message : String(error)}`);
}
