// Offsets to line and character: many at once (tag decorations after every keystroke) must read exactly as one
// at a time, whatever the line breaks and the order of the offsets.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineTable } from '../../server/src/engine/lineTable';

test('toFlatPositions gives the positions toPosition gives, for offsets in any order and out of range', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '\n\n'), { maxLength: 60 }).map((parts) => parts.join('')),
      fc.array(fc.integer({ min: -3, max: 200 }), { maxLength: 40 }),
      fc.boolean(),
      (text, offsets, sorted) => {
        const lines = new LineTable(text);
        const asked = sorted ? [...offsets].sort((a, b) => a - b) : offsets;
        assert.deepEqual(
          lines.toFlatPositions(asked),
          asked.flatMap((offset) => {
            const { line, character } = lines.toPosition(offset);
            return [line, character];
          }),
        );
      },
    ),
    { numRuns: 500 },
  );
});

const lineText = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '\n\n'), { maxLength: 40 }).map((parts) => parts.join(''));

/** Every offset of the text (and one past its end) as (line, character) pairs. */
function allPositions(lines: LineTable, text: string): number[] {
  return lines.toFlatPositions(Array.from({ length: text.length + 2 }, (_, offset) => offset));
}

test('a table made after a chain of edits reads every offset as one built over the edited text', () => {
  const edit = fc.record({ start: fc.nat(), length: fc.nat({ max: 6 }), text: lineText });
  fc.assert(
    fc.property(lineText, fc.array(edit, { minLength: 1, maxLength: 5 }), (first, edits) => {
      let text = first;
      let lines = new LineTable(text);
      for (const { start: at, length, text: inserted } of edits) {
        // Edits that split or join a "\r\n" pair, or land on a line's first or last character, are the cases to get right.
        const start = Math.min(at, text.length);
        const end = Math.min(start + length, text.length);
        const after = text.slice(0, start) + inserted + text.slice(end);
        lines = LineTable.afterChange(lines, after, { start, beforeEnd: end, afterEnd: start + inserted.length });
        text = after;
        assert.deepEqual(allPositions(lines, text), allPositions(new LineTable(text), text));
      }
    }),
    { numRuns: 1000 },
  );
});
