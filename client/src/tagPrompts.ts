// "Tag Selection…" and "Edit Tag…": a quick pick of existing tags (most used first; typing a new name offers it
// first, commas give several) and then an optional note. Enter on an empty note means no note; Escape cancels.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, ProtocolRange, SERVER_COMMANDS } from '../../server/src/protocol';
import { countTagNames, executeServerCommand, listTags, showTagError, TagInfo } from './tagRequests';

export const TAG_SELECTION_COMMAND = 'pressCorpus.tagSelection';
export const TAG_SENTENCE_COMMAND = 'pressCorpus.tagSentence';
export const EDIT_TAG_COMMAND = CLIENT_COMMANDS.editTagInteractive;
export const RENAME_TAG_COMMAND = 'pressCorpus.renameTagInteractive';
export const REMOVE_TAG_COMMAND = 'pressCorpus.removeTagInteractive';

export async function tagSelection(client: LanguageClient): Promise<TagInfo | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('Press Corpus: select a passage in a corpus file first, then run Tag Selection….');
    return undefined;
  }
  const { document, selection } = editor;
  try {
    const tags = await pickTagNames(client, 'Tag the selected passage: pick a tag or type a new one (commas for several)');
    if (!tags) return undefined;
    const note = await vscode.window.showInputBox({
      title: `Note for ${tags.map((t) => `#${t}`).join(' ')}`,
      prompt: 'Optional: press Enter to tag without a note.',
    });
    if (note === undefined) return undefined;
    const range = {
      start: { line: selection.start.line, character: selection.start.character },
      end: { line: selection.end.line, character: selection.end.character },
    };
    const tagged = await executeServerCommand<TagInfo>(client, SERVER_COMMANDS.tagPassage, { uri: document.uri.toString(), range, tags, note });
    vscode.window.setStatusBarMessage(`Tagged ${tagged.tags.map((t) => `#${t}`).join(' ')}`, 4000);
    return tagged;
  } catch (error) {
    showTagError(error);
    return undefined;
  }
}

/** Selects the whole sentences under the cursor or touched by the selection (the server's rule), then tags them. */
export async function tagSentence(client: LanguageClient): Promise<TagInfo | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { selection } = editor;
  const range = {
    start: { line: selection.start.line, character: selection.start.character },
    end: { line: selection.end.line, character: selection.end.character },
  };
  try {
    const sentences = await executeServerCommand<ProtocolRange>(client, SERVER_COMMANDS.expandToSentences, { uri: editor.document.uri.toString(), range });
    editor.selection = new vscode.Selection(sentences.start.line, sentences.start.character, sentences.end.line, sentences.end.character);
    editor.revealRange(editor.selection);
  } catch (error) {
    showTagError(error);
    return undefined;
  }
  return tagSelection(client);
}

export async function editTag(client: LanguageClient, argument: { id?: string } | undefined): Promise<void> {
  try {
    const tag = (await listTags(client)).find((t) => t.id === argument?.id);
    if (!tag) throw new Error(`No tag with id ${argument?.id}.`);
    const tags = await pickTagNames(client, 'Tags of this passage (commas for several)', tag.tags.join(', '));
    if (!tags) return;
    const note = await vscode.window.showInputBox({ title: 'Note', value: tag.note, prompt: 'Empty removes the note.' });
    if (note === undefined) return;
    await executeServerCommand(client, SERVER_COMMANDS.editTag, { id: tag.id, tags, note });
  } catch (error) {
    showTagError(error);
  }
}

/** Renames a tag in every tag file of the workspace (from the Tags view, or asking which tag). */
export async function renameTag(client: LanguageClient, argument: { name?: string } | undefined): Promise<void> {
  try {
    const from = argument?.name ?? (await pickTagNames(client, 'Tag to rename'))?.[0];
    if (!from) return;
    const to = await vscode.window.showInputBox({ title: `Rename #${from}`, value: from, prompt: 'The new name; an existing name merges the two tags.' });
    if (!to || to === from) return;
    const { records } = await executeServerCommand<{ records: number }>(client, SERVER_COMMANDS.renameTag, { from, to });
    vscode.window.setStatusBarMessage(`Renamed #${from} to #${to.trim()} on ${records} passage${records === 1 ? '' : 's'}`, 4000);
  } catch (error) {
    showTagError(error);
  }
}

export async function removeTag(client: LanguageClient, argument: { id?: string } | undefined): Promise<void> {
  try {
    await executeServerCommand(client, SERVER_COMMANDS.removeTag, { id: argument?.id });
  } catch (error) {
    showTagError(error);
  }
}

async function pickTagNames(client: LanguageClient, placeholder: string, initial = ''): Promise<string[] | undefined> {
  const existing = countTagNames(await listTags(client)).map(({ name, count }): vscode.QuickPickItem => ({
    label: name,
    description: count === 1 ? '1 passage' : `${count} passages`,
  }));
  const pick = vscode.window.createQuickPick();
  pick.placeholder = placeholder;
  pick.items = existing;
  pick.value = initial;
  const offerTyped = () => {
    const typed = pick.value.trim();
    const known = existing.some((item) => item.label === typed);
    // What was typed comes first, so Enter takes it; existing tags stay below to pick with the arrows.
    pick.items = typed && !known ? [{ label: typed, description: 'new tag', alwaysShow: true }, ...existing] : existing;
  };
  pick.onDidChangeValue(offerTyped);
  offerTyped();
  const chosen = await new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.label ?? pick.value));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  const names = (chosen ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length ? names : undefined;
}
