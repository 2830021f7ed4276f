// The first thing an analyst sees: with `pressCorpus.openOnStartup` set (the workspace `npm start` writes sets
// it to seeds/000_…), that file opens in front with its Outline, unless the editor already shows files.

import * as vscode from 'vscode';

export async function openStartupFile(): Promise<void> {
  const relative = vscode.workspace.getConfiguration('pressCorpus').get<string>('openOnStartup');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!relative || !folder || vscode.window.visibleTextEditors.length > 0) return;
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relative));
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('outline.focus');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  } catch (error) {
    void vscode.window.showWarningMessage(`Press Corpus could not open ${relative} (pressCorpus.openOnStartup): ${(error as Error).message}`);
  }
}
