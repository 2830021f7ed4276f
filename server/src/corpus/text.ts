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

/** \s of a regular expression, for one UTF-16 code unit: WHITE_SPACE but the zero-width space. */
export function isRegExpSpaceCode(code: number): boolean {
  return code !== 0x200b && isWhiteSpaceCode(code);
}

/** What text.split(/\s+/) gives, without the regular expression's split (a new RegExp object and a match per call). */
export function splitAtWhiteSpace(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length;) {
    if (!isRegExpSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    parts.push(text.slice(start, i));
    while (i < text.length && isRegExpSpaceCode(text.charCodeAt(i))) i++;
    start = i;
  }
  parts.push(text.slice(start));
  return parts;
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

/**
 * Words separated by white space (as String.prototype.trim and \\s see it), counted without splitting; in
 * text[start, end) when given, so that a caller need not copy a paragraph to count its words.
 */
export function countWords(text: string, start = 0, end = text.length): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code !== 0x200b && isWhiteSpaceCode(code); // a zero-width space is no \s
    if (!isSpace && !inWord) count++;
    inWord = !isSpace;
  }
  return count;
}

/**
 * Whether text[start, end) ends with one of `marks`, followed by nothing but characters of `closing` (quotes,
 * brackets): what /[marks][closing]*$/ says of the copy, read in place.
 */
export function endsWithMark(text: string, start: number, end: number, marks: string, closing: string): boolean {
  let last = end - 1;
  while (last >= start && hasCode(closing, text.charCodeAt(last))) last--;
  return last >= start && hasCode(marks, text.charCodeAt(last));
}

/** Whether one of the (few) UTF-16 units of `units` is `code`. */
function hasCode(units: string, code: number): boolean {
  for (let i = 0; i < units.length; i++) if (units.charCodeAt(i) === code) return true;
  return false;
}
