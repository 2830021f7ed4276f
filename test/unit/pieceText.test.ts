// A text kept in pieces must read exactly as the string it stands for, after any chain of edits: edits inside a
// piece, across pieces, at their edges (a surrogate pair or a CRLF cut in two), deleting pieces whole; and the
// corpus fed such a text on each keystroke must hold the parse, the line table and the whole text of a fresh parse
// of the joined string, without joining it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { carryLineTable, getLineTable, LineTable } from '../../server/src/engine/lineTable';
import { Corpus } from '../../server/src/features/corpus';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { PieceText } from '../../server/src/features/pieceText';
import { applyRandomEdit, randomEdit, RandomEdit } from '../support/randomEdits';
import { readFirstSeed } from '../support/seeds';

/**
 * The first seed twice in one file, each copy ending in web chrome: twenty releases (an edit re-parses a window of
 * them: no year-less dateline, which sends every edit to a whole parse), each a duplicate of another, and chrome
 * with its fix (the keystroke's problems read them all).
 */
const FIRST_SEED = readFirstSeed();
const TWICE = `${FIRST_SEED}\n\nRelated Stories\n\n${FIRST_SEED}\n\nRelated Stories\n`;

const AWKWARD = ['😀', '\r\n', '\r', '\n', 'é', 'x', '\n\nA new title for a release\n\nSource: NATO\n\n', ''];
const edit = randomEdit(AWKWARD, { maxDeleted: 120, maxTyped: 6 });

function editRange(text: { length: number }, { at, deleted, inserted }: RandomEdit): { start: number; end: number; inserted: string } {
  const start = Math.floor(at * text.length);
  return { start, end: Math.min(text.length, start + deleted), inserted };
}

const awkwardText = fc.array(fc.constantFrom(...AWKWARD, 'abc', 'Dateline', '  '), { maxLength: 60 }).map((parts) => parts.join(''));

test('a text in pieces reads as its string after any chain of edits, in any range, joined or not', () => {
  fc.assert(
    fc.property(
      awkwardText,
      fc.integer({ min: 1, max: 9 }),
      fc.array(fc.tuple(edit, fc.boolean()), { maxLength: 12 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 5 }),
      (start, pieceChars, edits, ranges) => {
        let text = start;
        let pieces = PieceText.from(start, pieceChars);
        for (const [change, readWhole] of edits) {
          const { start: from, end, inserted } = editRange(text, change);
          text = applyRandomEdit(text, change);
          pieces = pieces.edit(from, end, inserted);
          if (readWhole) assert.equal(pieces.toString(), text);
          assert.equal(pieces.length, text.length);
          for (const [a, b] of ranges) {
            const [low, high] = [Math.floor(a * (text.length + 2)) - 1, Math.floor(b * (text.length + 2)) - 1];
            assert.equal(pieces.slice(low, high), text.slice(Math.max(0, low), Math.max(0, high)));
          }
          assert.equal(pieces.slice(), text);
        }
        assert.equal(pieces.toString(), text);
      },
    ),
    { numRuns: 400 },
  );
});

test('an edit shares the untouched pieces and leaves the text it came from as it was', () => {
  const before = PieceText.from('a'.repeat(100) + '😀' + 'b'.repeat(100), 10);
  const after = before.edit(100, 101, 'x'); // the high half of the pair: the edit cuts a pair, as an editor may
  assert.equal(before.toString(), 'a'.repeat(100) + '😀' + 'b'.repeat(100));
  assert.equal(after.toString(), 'a'.repeat(100) + 'x\udE00' + 'b'.repeat(100));
  assert.equal(PieceText.from('', 4).edit(3, 9, 'new').toString(), 'new');
  assert.equal(before.edit(0, 500, '').toString(), '');
});

test('the corpus fed a text in pieces on each keystroke holds the parse, lines and text of a fresh parse, never joining it', () => {
  const uri = 'file:///corpus/twice.txt';
  let windowed = 0;
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 64, max: 4096 }), (edits, pieceChars) => {
      const corpus = new Corpus();
      let text = TWICE;
      let pieces = PieceText.from(text, pieceChars);
      corpus.files.setFile(uri, pieces);
      getLineTable(corpus.files.getFile(uri)!); // the open's table, carried from then on
      for (const change of edits) {
        const { start, end, inserted } = editRange(text, change);
        const previous = corpus.files.getFile(uri)!;
        text = applyRandomEdit(text, change);
        pieces = pieces.edit(start, end, inserted);
        const file = corpus.files.editFile(uri, pieces, { start, beforeEnd: end, afterEnd: start + inserted.length });
        carryLineTable(previous, file);
        const lines = getLineTable(file);
        computeFileProblems(corpus, uri);
        // A keystroke whose re-parse kept releases read only the window (a whole parse joins the text, rightly).
        if (file.edits?.at(-1)?.leading || file.edits?.at(-1)?.trailing) {
          windowed++;
          assert.equal(pieces.isJoined, false, 'the keystroke joined the text');
        }
        assert.notEqual(previous, file);
        const fresh = new LineTable(text);
        for (const offset of [0, start, start + inserted.length, text.length, Math.floor(text.length / 3)])
          assert.deepEqual(lines.toPosition(offset), fresh.toPosition(offset));
        assert.deepEqual(file.parsed, parseCorpusFile(text));
        assert.equal(file.text, text);
      }
    }),
    { numRuns: 25 },
  );
  assert.ok(windowed > 10, `only ${windowed} keystrokes re-parsed a window`);
});
