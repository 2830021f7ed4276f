// The server's open documents must hold what the editor holds: the same text as the document library
// (vscode-languageserver-textdocument) after any change events an editor may send (ranges in lines and UTF-16
// characters, CRLF and lone CR, surrogate pairs, characters past a line's end, ends before starts, several changes
// in one event, whole-text changes), and a list of offset changes that turns the old text into the new. (Lines past
// the text's end are left out: the library's own line offsets go wrong on them, so it cannot be the reference.)

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextChange } from '../../server/src/features/textChanges';
import { OpenDocuments } from '../../server/src/lsp/openDocuments';

const PARTS = ['😀', '\r\n', '\r', '\n', 'é', 'word', ' ', '\n\n'];
const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 40 }).map((parts) => parts.join(''));
/** A position as a fraction of the document's lines (so one fits any document) and a character. */
const position = fc.record({ line: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), character: fc.integer({ min: 0, max: 12 }) });
type RandomPosition = { readonly line: number; readonly character: number };
type RandomChange = { readonly range?: { start: RandomPosition; end: RandomPosition }; readonly text: string };
const change: fc.Arbitrary<RandomChange> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/** The change in positions of the document as it is before the change. */
function toEvent(document: TextDocument, { range, text }: RandomChange): TextDocumentContentChangeEvent {
  if (!range) return { text };
  const at = (p: RandomPosition) => ({ line: Math.floor(p.line * document.lineCount), character: p.character });
  return { range: { start: at(range.start), end: at(range.end) }, text };
}

function applyOffsets(before: string, changes: readonly TextChange[]): string {
  return changes.reduce((result, c) => result.slice(0, c.start) + c.text + result.slice(c.end), before);
}

test('open documents read as the document library after any change events, with the offsets of each change', () => {
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (opened, events) => {
      const uri = 'file:///corpus/a.txt';
      const documents = new OpenDocuments();
      const seen: { text: string; changes: readonly TextChange[] | undefined }[] = [];
      documents.onDidChangeContent((document, changes) => seen.push({ text: document.text.toString(), changes }));
      documents.open(uri, 'press-corpus', 1, opened);
      const reference = TextDocument.create(uri, 'press-corpus', 1, opened);
      let version = 1;
      for (const randomChanges of events) {
        const before = reference.getText();
        const contentChanges: TextDocumentContentChangeEvent[] = [];
        // Each change is read in the text the ones before it left, as LSP sends them.
        for (const random of randomChanges) {
          contentChanges.push(toEvent(reference, random));
          TextDocument.update(reference, contentChanges.slice(-1), version + 1);
        }
        documents.change(uri, ++version, contentChanges);
        const last = seen[seen.length - 1];
        assert.equal(last.text, reference.getText());
        assert.equal(documents.get(uri)!.version, version);
        if (contentChanges.every((c) => 'range' in c)) assert.equal(applyOffsets(before, last.changes!), reference.getText());
        else assert.equal(last.changes, undefined);
      }
      assert.equal(seen.length, events.length + 1);
    }),
    { numRuns: 500 },
  );
});

test('a closed document is forgotten, and changes to a document never opened are ignored', () => {
  const documents = new OpenDocuments();
  const closed: string[] = [];
  documents.onDidClose((document) => closed.push(document.text.toString()));
  documents.open('file:///a.txt', 'press-corpus', 1, 'Title\n\nBody');
  documents.change('file:///b.txt', 2, [{ text: 'never opened' }]);
  documents.close('file:///a.txt');
  assert.deepEqual(closed, ['Title\n\nBody']);
  assert.equal(documents.get('file:///a.txt'), undefined);
  assert.equal(documents.get('file:///b.txt'), undefined);
});
