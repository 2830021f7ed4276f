// Open documents as the editor keeps them, plus where each update changed the text: LSP sends ranges
// (line/character), which are offsets only in the text before that change, so they are read while the changes are
// applied one by one. The engine's re-parse of a big file then needs no comparison of the old and new texts.

import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextChange } from '../features/textChanges';

export interface TrackedDocuments {
  readonly documents: TextDocuments<TextDocument>;
  /** The changes of the document's last update, once; undefined after an open or a whole-text change. */
  takeChanges(document: TextDocument): readonly TextChange[] | undefined;
}

export function createTrackedDocuments(): TrackedDocuments {
  const lastChanges = new WeakMap<TextDocument, readonly TextChange[]>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      const offsets: TextChange[] = [];
      let wholeText = false;
      for (const change of changes) {
        if ('range' in change) offsets.push({ start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), text: change.text });
        else wholeText = true;
        TextDocument.update(document, [change], version);
      }
      if (wholeText) lastChanges.delete(document);
      else lastChanges.set(document, offsets);
      return document;
    },
  });
  return {
    documents,
    takeChanges(document) {
      const changes = lastChanges.get(document);
      lastChanges.delete(document);
      return changes;
    },
  };
}
