// Open documents as the editor keeps them, held here rather than in the document library
// (vscode-languageserver-textdocument): its text is one string edited by concatenation, which V8 copies whole on
// the first read after each change (40 MB per keystroke in a 20 MB file). Here the text is kept in pieces
// (features/pieceText.ts) and each version's line starts are made from the last version's, so a keystroke reads
// and copies what it touches. Each update also says where it changed the text: LSP sends ranges (line/character),
// which are offsets only in the text before that change, so they are read while the changes are applied in turn;
// the engine's re-parse of a big file then needs no comparison of the old and new texts.

import { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineTable, Position, shareLineTable } from '../engine/lineTable';
import { PieceText } from '../features/pieceText';
import { TextChange } from '../features/textChanges';

export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: PieceText;
}

/** A document's update: its new version, and the changes the editor made, or undefined after an open or a whole-text change. */
export type DocumentChangeListener = (document: OpenDocument, changes: readonly TextChange[] | undefined) => void;

interface TrackedDocument extends OpenDocument {
  /** The line starts of `text`, made on the first ranged change and then carried from version to version. */
  readonly lines?: LineTable;
}

export class OpenDocuments {
  private readonly documents = new Map<string, TrackedDocument>();
  private readonly changeListeners: DocumentChangeListener[] = [];
  private readonly closeListeners: ((document: OpenDocument) => void)[] = [];

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  onDidChangeContent(listener: DocumentChangeListener): void {
    this.changeListeners.push(listener);
  }

  onDidClose(listener: (document: OpenDocument) => void): void {
    this.closeListeners.push(listener);
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    const document = { uri, languageId, version, text: PieceText.from(text) };
    this.documents.set(uri, document);
    for (const listener of this.changeListeners) listener(document, undefined);
  }

  /** Applies the editor's changes in turn; a change without a range replaces the whole text. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const document = this.documents.get(uri);
    if (!document || changes.length === 0) return;
    let { text, lines } = document;
    let offsets: TextChange[] | undefined = [];
    for (const change of changes) {
      if (!('range' in change)) {
        text = PieceText.from(change.text);
        lines = undefined;
        offsets = undefined;
        continue;
      }
      lines ??= new LineTable(text);
      const { start, end } = orderPositions(change.range.start, change.range.end);
      const startOffset = lines.toOffset(start);
      const endOffset = Math.max(startOffset, lines.toOffset(end));
      text = text.edit(startOffset, endOffset, change.text);
      lines = LineTable.afterChange(lines, text, { start: startOffset, beforeEnd: endOffset, afterEnd: startOffset + change.text.length });
      offsets?.push({ start: startOffset, end: endOffset, text: change.text });
    }
    const updated = { uri, languageId: document.languageId, version, text, lines };
    // The engine's file of this text converts its diagnostics with the same table.
    if (lines) shareLineTable(text, lines);
    this.documents.set(uri, updated);
    for (const listener of this.changeListeners) listener(updated, offsets);
  }

  close(uri: string): void {
    const document = this.documents.get(uri);
    if (!document) return;
    this.documents.delete(uri);
    for (const listener of this.closeListeners) listener(document);
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => this.open(uri, languageId, version, text));
    connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => this.change(uri, version, contentChanges));
    connection.onDidCloseTextDocument(({ textDocument: { uri } }) => this.close(uri));
  }
}

/** An editor may send a range end first: the document library swaps them, and so does this. */
function orderPositions(a: Position, b: Position): { start: Position; end: Position } {
  return a.line > b.line || (a.line === b.line && a.character > b.character) ? { start: b, end: a } : { start: a, end: b };
}
