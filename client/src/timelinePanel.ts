// The timeline: a webview that draws the releases of the corpus on a time axis, one mark per release stacked per
// day, coloured by kind or by source, narrowed to an entity, a tag or words of the title. A click on a mark opens
// the release. The server lists the releases (pressCorpus.listReleases); media/timeline.js draws them.
// Strict CSP: no remote content, scripts and styles only from the extension's media/ folder.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ListReleasesAnswer, ListReleasesArguments, ProtocolRange, SERVER_COMMANDS } from '../../server/src/protocol';
import { openRelease } from './releasesView';
import { executeServerCommand } from './tagRequests';

export const SHOW_TIMELINE_COMMAND = 'pressCorpus.showTimeline';

/** What the timeline is narrowed to, with the words that say so in its header. */
export interface TimelineFilter {
  readonly arguments: ListReleasesArguments;
  readonly label: string;
}

type FromWebview = { type: 'ready' } | { type: 'open'; uri: string; range: ProtocolRange } | { type: 'search'; words: string } | { type: 'clear' };

export class TimelinePanel {
  private static current: TimelinePanel | undefined;
  private filter: TimelineFilter = { arguments: {}, label: 'every release' };

  static show(context: vscode.ExtensionContext, client: LanguageClient, filter?: TimelineFilter): void {
    TimelinePanel.current ??= new TimelinePanel(context, client);
    if (filter) TimelinePanel.current.filter = filter;
    TimelinePanel.current.panel.reveal(vscode.ViewColumn.Active);
    void TimelinePanel.current.update();
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('pressCorpus.timeline', 'Press Corpus Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    this.panel.webview.html = renderHtml(this.panel.webview, media);
    this.panel.onDidDispose(() => (TimelinePanel.current = undefined));
    this.panel.webview.onDidReceiveMessage((message: FromWebview) => {
      if (message.type === 'ready') void this.update();
      else if (message.type === 'open') void openRelease(message);
      else if (message.type === 'search') {
        this.filter = message.words.trim()
          ? { arguments: { search: message.words }, label: `titles with “${message.words}”` }
          : { arguments: {}, label: 'every release' };
        void this.update();
      } else if (message.type === 'clear') {
        this.filter = { arguments: {}, label: 'every release' };
        void this.update();
      }
    });
  }

  private async update(): Promise<void> {
    const answer = await executeServerCommand<ListReleasesAnswer>(this.client, SERVER_COMMANDS.listReleases, this.filter.arguments).catch(() => undefined);
    if (!answer) return;
    const dated = answer.releases.filter((release) => release.date);
    void this.panel.webview.postMessage({
      type: 'releases',
      label: this.filter.label,
      partial: answer.partial,
      undated: answer.releases.length - dated.length,
      releases: dated.map(({ uri, range, title, date, kind, source }) => ({ uri, range, title, date, kind, source: source ?? 'no source' })),
    });
  }
}

function renderHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Press Corpus Timeline</title>
</head>
<body>
<header>
  <form id="search"><input id="words" type="search" placeholder="Words of the title" aria-label="Words of the title"><button type="submit">Search</button><button type="button" id="clear">All releases</button></form>
  <label>Colour by <select id="colour"><option value="kind">kind</option><option value="source">source</option></select></label>
  <span id="summary" role="status"></span>
</header>
<div id="chart"></div>
<ul id="legend"></ul>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
