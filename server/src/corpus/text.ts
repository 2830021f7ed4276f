// Small text helpers shared by the parser and the features. Pure.

/** White space as press text has it: ASCII blanks, no-break spaces, the BOM and the other Unicode spaces. */
export const WHITE_SPACE = /[\s\u00a0\ufeff\u200b]/;

/** WHITE_SPACE for one UTF-16 code unit, without a regular expression: the parser asks it of every character. */
export function isWhiteSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Offsets of the first and last non-white character of text[start, end), as a half-open pair. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isWhiteSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Lower-cased, typographic quotes folded, white space collapsed: for "is this the same text" checks. */
export function normaliseForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\s\u00a0\ufeff\u200b]+/g, ' ')
    .trim();
}

/** Words separated by white space (as String.prototype.trim and \\s see it), counted without splitting. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code !== 0x200b && isWhiteSpaceCode(code); // a zero-width space is no \s
    if (!isSpace && !inWord) count++;
    inWord = !isSpace;
  }
  return count;
}
