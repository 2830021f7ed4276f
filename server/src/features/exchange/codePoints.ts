// UTF-16 offsets (what the editor, the model and the YAML tag files use) ↔ Unicode code point offsets (what the
// W3C Web Annotation model's TextPositionSelector counts). They differ by one for every astral character
// (emoji, CJK Extension B such as 𠀋) before the offset: each is two UTF-16 units but one code point.
//
// A corpus file can be several MB and an export converts two offsets per tag, so converting by scanning the text
// each time would be quadratic. One regex pass lists where the surrogate pairs start; each conversion is then a
// binary search over that list (and O(1) for the common text without astral characters).

export interface CodePointIndex {
  /** Code points before UTF-16 offset `offset` (clamped to the text; an offset inside a pair counts the pair). */
  toCodePoints(offset: number): number;
  /** UTF-16 offset of code point offset `codePoints` (clamped to the text). */
  toUtf16(codePoints: number): number;
  readonly codePointLength: number;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export function createCodePointIndex(text: string): CodePointIndex {
  // pairStarts[k] is the UTF-16 offset of the k-th pair; its code point offset is pairStarts[k] - k.
  const pairStarts: number[] = [];
  for (const match of text.matchAll(SURROGATE_PAIR)) pairStarts.push(match.index);
  const codePointLength = text.length - pairStarts.length;

  /** How many k have key(k) < limit, for a key that never decreases with k. */
  const countBelow = (limit: number, key: (k: number) => number): number => {
    let low = 0;
    let high = pairStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (key(middle) < limit) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  return {
    codePointLength,
    toCodePoints(offset) {
      const clamped = clamp(offset, text.length);
      // Pairs that end at or before the offset: start + 2 <= offset.
      return clamped - countBelow(clamped - 1, (k) => pairStarts[k]);
    },
    toUtf16(codePoints) {
      const clamped = clamp(codePoints, codePointLength);
      return clamped + countBelow(clamped, (k) => pairStarts[k] - k);
    },
  };
}

function clamp(value: number, max: number): number {
  if (!(value > 0)) return 0; // NaN and negatives
  return Math.min(Math.floor(value), max);
}

// The last text's index is kept, so a caller converting many offsets of one file one by one pays for one scan.
// Comparing with the cached text is a pointer check when the caller passes the same string again.
let lastText: string | undefined;
let lastIndex: CodePointIndex | undefined;

function getCodePointIndex(text: string): CodePointIndex {
  if (lastIndex === undefined || lastText !== text) {
    lastIndex = createCodePointIndex(text);
    lastText = text;
  }
  return lastIndex;
}

export function utf16OffsetToCodePoints(text: string, offset: number): number {
  return getCodePointIndex(text).toCodePoints(offset);
}

export function codePointOffsetToUtf16(text: string, codePoints: number): number {
  return getCodePointIndex(text).toUtf16(codePoints);
}
