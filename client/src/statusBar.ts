// The status bar item that says how far indexing is, from the server's pressCorpus/status notification:
// "$(sync~spin) Press Corpus: indexing 1,240 / 7,545 files", then "Press Corpus: 7,545 files · 34,707 releases ·
// 412 problems". A click shows the summary, with a way to the Problems panel.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusParams, STATUS_NOTIFICATION } from '../../server/src/protocol';

export const SHOW_STATUS_COMMAND = 'pressCorpus.showStatus';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

function printStatusText(status: StatusParams): string {
  if (status.state === 'indexing' && status.filesTotal === 0) return '$(sync~spin) Press Corpus: listing files';
  if (status.state === 'indexing') return `$(sync~spin) Press Corpus: indexing ${count(status.filesIndexed)} / ${count(status.filesTotal)} files`;
  return `Press Corpus: ${plural(status.filesTotal, 'file')} · ${plural(status.releases, 'release')} · ${plural(status.problems, 'problem')}`;
}

function printSummary(status: StatusParams | undefined): string {
  if (!status) return 'Press Corpus has not started indexing yet.';
  const counts = `${plural(status.releases, 'release')} and ${plural(status.problems, 'problem')}`;
  if (status.state === 'indexing') {
    return `Press Corpus is indexing: ${count(status.filesIndexed)} of ${count(status.filesTotal)} files read, ${counts} so far. Counts in hovers say "so far" until it is done.`;
  }
  return `Press Corpus indexed ${plural(status.filesTotal, 'file')}: ${counts}.`;
}

/**
 * Shows the status and returns the one subscription to pressCorpus/status: the language client keeps a single
 * handler per notification, so other parts of the client listen to this event instead.
 */
export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): vscode.Event<StatusParams> {
  const statusChanged = new vscode.EventEmitter<StatusParams>();
  const item = vscode.window.createStatusBarItem('pressCorpus.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Press Corpus Indexing';
  item.command = SHOW_STATUS_COMMAND;
  item.text = '$(sync~spin) Press Corpus: starting';
  item.show();
  let last: StatusParams | undefined;
  context.subscriptions.push(
    item,
    statusChanged,
    client.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
      last = status;
      item.text = printStatusText(status);
      item.tooltip = printSummary(status);
      statusChanged.fire(status);
    }),
    vscode.commands.registerCommand(SHOW_STATUS_COMMAND, async () => {
      const choice = await vscode.window.showInformationMessage(printSummary(last), 'Show Problems');
      if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
  );
  return statusChanged.event;
}
