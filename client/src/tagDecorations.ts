// Tagged passages in visible corpus editors are underlined, one style per anchor state so the analyst sees how
// sure each place is: exact solid, moved dotted, fuzzy dashed (in the warning colour); orphans have no place to
// draw (the Tags view and the tag.orphaned warning show them). Inlay hints `#tag` come from the server.
// Redrawn when the server says the file's tags changed, when an editor becomes visible, and shortly after typing.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TagStatus } from '../../server/src/protocol';
import { getTagRanges, toVscodeRanges } from './tagRequests';

const TYPING_DELAY_MS = 300;

type DrawnState = Exclude<TagStatus, 'orphaned'>;

function createStyle(borderStyle: string, color: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    borderWidth: '0 0 1px 0',
    borderStyle,
    borderColor: new vscode.ThemeColor(color),
    overviewRulerColor: new vscode.ThemeColor(color),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
}

export class TagDecorations implements vscode.Disposable {
  private readonly styles: Record<DrawnState, vscode.TextEditorDecorationType> = {
    exact: createStyle('solid', 'editorInfo.foreground'),
    moved: createStyle('dotted', 'editorInfo.foreground'),
    fuzzy: createStyle('dashed', 'editorWarning.foreground'),
  };
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {}

  /** Redraws the visible corpus editors showing one of these uris (all when none given). */
  async redraw(uris?: readonly string[]): Promise<void> {
    const editors = vscode.window.visibleTextEditors.filter(
      (editor) => editor.document.languageId === 'press-corpus' && (!uris || uris.includes(editor.document.uri.toString())),
    );
    for (const editor of editors) {
      // Only the places: with thousands of tags in a file, whole tag objects after every keystroke cost seconds.
      const ranges = await getTagRanges(this.client, editor.document.uri.toString()).catch(() => undefined);
      for (const [state, style] of Object.entries(this.styles) as [DrawnState, vscode.TextEditorDecorationType][]) {
        editor.setDecorations(style, toVscodeRanges(ranges?.[state] ?? []));
      }
    }
  }

  redrawSoon(uri: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw([uri]), TYPING_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const style of Object.values(this.styles)) style.dispose();
  }
}
