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
