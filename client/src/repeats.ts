// The command behind the "Repeated in …" code lenses: shows the other occurrences in the references peek.
// The server sends LSP JSON; VS Code's peek wants its own Uri/Position/Location objects.

import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '../../server/src/protocol';

interface JsonPosition {
  line: number;
  character: number;
}
interface JsonLocation {
  uri: string;
  range: { start: JsonPosition; end: JsonPosition };
}

export function registerRepeats(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.showRepeats, (uri: string, position: JsonPosition, locations: JsonLocation[]) => {
      const toPosition = (p: JsonPosition) => new vscode.Position(p.line, p.character);
      return vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        toPosition(position),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end)))),
      );
    }),
  );
}
