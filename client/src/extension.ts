// The thin client: starts dist/server.js, passes the settings, shows the server's log in an output channel.
// No language logic lives here.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { registerRelatedReleasesView } from './relatedReleasesView';
import { registerRepeats } from './repeats';
import { registerHome } from './home';
import { openStartupFile } from './startup';
import { registerStatusBar } from './statusBar';
import { registerTags } from './tags';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient> {
  // The language client library is nearly all of the client's code: loaded here (dist/languageClient.js, see
  // scripts/build.mjs) once activate has handed its promise back to the extension host, rather than while the
  // host loads dist/extension.js, so the host's synchronous load + call stays small (docs/performance.md,
  // Activation). Other client modules import it for types only (eslint.config.mjs keeps it so).
  const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Press Corpus', { log: true });
  const settings = vscode.workspace.getConfiguration('pressCorpus');
  const clientOptions: LanguageClientOptions = {
    // Tag files are synced too: the server must see unsaved edits there before it changes one (workspace/applyEdit).
    documentSelector: [{ language: 'press-corpus' }, { scheme: 'file', pattern: '**/annotations/*.yaml' }],
    outputChannel,
    initializationOptions: {
      corpusGlobs: settings.get<string[]>('corpusGlobs'),
      maxFileSizeMB: settings.get<number>('maxFileSizeMB'),
      workspaceTrusted: vscode.workspace.isTrusted,
      author: settings.get<string>('author'),
      // The status bar item shows pressCorpus/status: no second indicator from work-done progress.
      showsIndexingStatus: true,
      // The persistent index (parses and entities of unchanged files) lives in this workspace's storage.
      cacheFolder: context.storageUri?.fsPath,
    },
    // pressCorpus.author changes reach the server as workspace/didChangeConfiguration (no restart needed).
    synchronize: { configurationSection: 'pressCorpus' },
  };
  client = new LanguageClient('pressCorpus', 'Press Corpus', serverOptions, clientOptions);
  // Before start: the first status arrives while the initial scan begins.
  const onStatus = registerStatusBar(context, client);
  await client.start();
  registerHome(context, client, onStatus);
  registerTags(context, client);
  registerRepeats(context);
  void openStartupFile();
  registerRelatedReleasesView(context, client);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('pressCorpus.corpusGlobs') || event.affectsConfiguration('pressCorpus.maxFileSizeMB')) {
        const choice = await vscode.window.showInformationMessage('Press Corpus settings changed. Restart the language server to re-index?', 'Restart');
        if (choice === 'Restart') await client?.restart();
      }
    }),
  );
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
