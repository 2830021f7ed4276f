// UTF-16 offsets ↔ code point offsets (W3C TextPositionSelector). Checked against the definition (what
// `[...text]` counts) on random texts mixing emoji, CJK Extension B, combining marks and lone surrogates, and
// checked on a text of several MB to scan it once, where a conversion that rescans the text would take hours.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { codePointOffsetToUtf16, createCodePointIndex, utf16OffsetToCodePoints } from '../../server/src/features/exchange/codePoints';

const PIECES = ['a', ' ', '\n', 'é', 'e\u0301', '😀', '🇺🇦', '𠀋', '中', '\uD800', '\uDC00'];
const corpusText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

test('UTF-16 → code points counts what [...text] counts, for every offset', () => {
  fc.assert(
    fc.property(corpusText, (text) => {
      for (let offset = 0; offset <= text.length; offset++) {
        assert.equal(utf16OffsetToCodePoints(text, offset), [...text.slice(0, offset)].length, `offset ${offset} of ${JSON.stringify(text)}`);
      }
    }),
  );
});

test('code points → UTF-16 is the length of the first n code points, and inverts the other way', () => {
  fc.assert(
    fc.property(corpusText, (text) => {
      const codePoints = [...text];
      for (let n = 0; n <= codePoints.length; n++) {
        const offset = codePointOffsetToUtf16(text, n);
        assert.equal(offset, codePoints.slice(0, n).join('').length);
        assert.equal(utf16OffsetToCodePoints(text, offset), n);
      }
    }),
  );
});

test('offsets outside the text or not whole numbers are clamped, never NaN', () => {
  const index = createCodePointIndex('a😀b');
  assert.deepEqual([-5, NaN, 1.7, 99, Infinity].map(index.toCodePoints), [0, 0, 1, 3, 3]);
  assert.deepEqual([-5, NaN, 2.2, 99, Infinity].map(index.toUtf16), [0, 0, 3, 4, 4]);
  assert.equal(index.codePointLength, 3);
});

test('converting 100 000 offsets of a 5 MB text with astral characters scans the text once, not once per offset', () => {
  const paragraph = 'NATO Allies met in Vilnius 🇱🇹 to discuss support for Ukraine; 𠀋 marks a rare character.\n';
  const text = paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
  // Count the scans instead of timing them: a rescan per call would be 10^11 steps, and timings on a shared
  // machine prove nothing (the export's speed is measured where timings belong).
  const matchAll = String.prototype.matchAll;
  let scans = 0;
  String.prototype.matchAll = function (this: string, pattern: RegExp) {
    if (this.length === text.length) scans++;
    return matchAll.call(this, pattern);
  } as typeof matchAll;
  let checksum = 0;
  try {
    for (let i = 0; i < 100_000; i++) {
      const offset = (i * 7919) % text.length;
      checksum += codePointOffsetToUtf16(text, utf16OffsetToCodePoints(text, offset));
    }
  } finally {
    String.prototype.matchAll = matchAll;
  }
  assert.ok(checksum > 0);
  assert.equal(scans, 1);
  assert.equal(utf16OffsetToCodePoints(text, text.length), [...text].length);
});
