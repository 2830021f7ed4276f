// Tagged passages in visible corpus editors get a light underline (inlay hints `#tag` come from the server).
// Redrawn when the server says the file's tags changed, when an editor becomes visible, and shortly after typing.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { listTags, toVscodeRange } from './tagRequests';

const TYPING_DELAY_MS = 300;

export class TagDecorations implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    borderWidth: '0 0 1px 0',
    borderStyle: 'dotted',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {}

  /** Redraws the visible corpus editors showing one of these uris (all when none given). */
  async redraw(uris?: readonly string[]): Promise<void> {
    const editors = vscode.window.visibleTextEditors.filter((editor) => editor.document.languageId === 'press-corpus' && (!uris || uris.includes(editor.document.uri.toString())));
    for (const editor of editors) {
      const tags = await listTags(this.client, { uri: editor.document.uri.toString() }).catch(() => []);
      const options = tags
        .filter((tag) => tag.status !== 'orphaned')
        .map((tag): vscode.DecorationOptions => ({ range: toVscodeRange(tag.range) }));
      editor.setDecorations(this.decoration, options);
    }
  }

  redrawSoon(uri: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw([uri]), TYPING_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.decoration.dispose();
  }
}
