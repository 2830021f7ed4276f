// Small text helpers shared by the parser and the features. Pure.

/** White space as press text has it: ASCII blanks, no-break spaces, the BOM and the other Unicode spaces. */
export const WHITE_SPACE = /[\s\u00a0\ufeff\u200b]/;

export function isBlank(line: string): boolean {
  return /^[\s\u00a0\ufeff\u200b]*$/.test(line);
}

/** Offsets of the first and last non-white character of text[start, end), as a half-open pair. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && WHITE_SPACE.test(text[start])) start++;
  while (end > start && WHITE_SPACE.test(text[end - 1])) end--;
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

export function countWords(text: string): number {
  const words = text.trim().split(/[\s\u00a0]+/);
  return words[0] === '' ? 0 : words.length;
}
