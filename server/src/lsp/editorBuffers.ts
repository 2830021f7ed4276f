// The engine's view of the editor: open documents' text, and workspace/applyEdit to change a buffer that holds
// unsaved edits (the analyst saves it) instead of the file under it.

import { Connection } from 'vscode-languageserver/node';
import { EditorBuffers } from '../engine/editorBuffers';
import { LineTable } from '../engine/lineTable';
import { OpenDocuments } from './openDocuments';

export function createEditorBuffers(connection: Connection, documents: OpenDocuments): EditorBuffers {
  return {
    getOpenText: (uri) => documents.get(uri)?.text.toString(),
    async applyEdit(uri, before, after, label) {
      const edit = computeSingleEdit(before, after);
      const range = new LineTable(before).toRange(edit);
      const result = await connection.workspace.applyEdit({ label, edit: { changes: { [uri]: [{ range, newText: edit.newText }] } } });
      if (!result.applied) throw new Error(`The editor did not accept the change${result.failureReason ? `: ${result.failureReason}` : ''}.`);
    },
  };
}

/** The smallest single replacement turning `before` into `after` (common head and tail kept). */
function computeSingleEdit(before: string, after: string): { start: number; end: number; newText: string } {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start: head, end: before.length - tail, newText: after.slice(head, after.length - tail) };
}
