// Keeping tags in place from the Tags view and the command palette: accept a moved or fuzzy tag where it is now,
// re-attach an orphan to the selection or to its best candidate (the server reveals the candidate and asks
// first), accept every exact/moved anchor of the active file. All of it is pressCorpus.reanchorTag and
// pressCorpus.acceptAnchors on the server; the client only supplies the id, the selection or the file.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AcceptAnchorsAnswer, ReanchorTagArguments, SERVER_COMMANDS, TagInfo } from '../../server/src/protocol';
import { executeServerCommand, listTags, showTagError } from './tagRequests';

export const ACCEPT_TAG_POSITION_COMMAND = 'pressCorpus.acceptTagPosition';
export const REATTACH_TAG_TO_SELECTION_COMMAND = 'pressCorpus.reattachTagToSelection';
export const REATTACH_TAG_TO_CANDIDATE_COMMAND = 'pressCorpus.reattachTagToCandidate';
export const ACCEPT_ALL_TAG_ANCHORS_COMMAND = 'pressCorpus.acceptAllTagAnchors';

export function registerTagMaintenance(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ACCEPT_TAG_POSITION_COMMAND, (node?: { id?: string }) => reanchor(client, node, (id) => ({ id }))),
    vscode.commands.registerCommand(REATTACH_TAG_TO_CANDIDATE_COMMAND, (node?: { id?: string }) => reanchor(client, node, (id) => ({ id, confirm: true }))),
    vscode.commands.registerCommand(REATTACH_TAG_TO_SELECTION_COMMAND, (node?: { id?: string }) => reattachToSelection(client, node)),
    vscode.commands.registerCommand(ACCEPT_ALL_TAG_ANCHORS_COMMAND, () => acceptAll(client)),
  );
}

async function reanchor(client: LanguageClient, node: { id?: string } | undefined, toArgument: (id: string) => ReanchorTagArguments): Promise<void> {
  try {
    if (!node?.id) throw new Error('Pick a tagged passage in the Tags view first.');
    const tag = await executeServerCommand<TagInfo | null>(client, SERVER_COMMANDS.reanchorTag, toArgument(node.id));
    if (tag) vscode.window.setStatusBarMessage(`${tag.tags.map((t) => `#${t}`).join(' ')} is now ${tag.status} at line ${tag.range.start.line + 1}`, 4000);
  } catch (error) {
    showTagError(error);
  }
}

/** The orphan goes to what is selected in the editor showing its corpus file. */
async function reattachToSelection(client: LanguageClient, node: { id?: string } | undefined): Promise<void> {
  try {
    const tag = (await listTags(client)).find((t) => t.id === node?.id);
    if (!tag) throw new Error('Pick a tagged passage in the Tags view first.');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === tag.uri && !e.selection.isEmpty);
    if (!editor) {
      await vscode.window.showTextDocument(vscode.Uri.parse(tag.uri));
      void vscode.window.showInformationMessage('Press Corpus: select the passage to re-attach the tag to, then run Re-attach to Selection again.');
      return;
    }
    const { start, end } = editor.selection;
    await reanchor(client, node, (id) => ({
      id,
      range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
    }));
  } catch (error) {
    showTagError(error);
  }
}

async function acceptAll(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'press-corpus') {
    void vscode.window.showInformationMessage('Press Corpus: open a corpus file to accept its tag anchors.');
    return;
  }
  try {
    const { records } = await executeServerCommand<AcceptAnchorsAnswer>(client, SERVER_COMMANDS.acceptAnchors, { uri: editor.document.uri.toString() });
    vscode.window.setStatusBarMessage(
      records ? `Accepted ${records} tag anchor${records === 1 ? '' : 's'}` : 'Every tag anchor of this file already holds',
      4000,
    );
  } catch (error) {
    showTagError(error);
  }
}
