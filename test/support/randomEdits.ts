// Random edits for property tests of the incremental paths: where (a fraction of the text, so one edit fits any
// text), how much is deleted, and what is typed — a fragment that matters to the parser or recognition, random
// characters, or nothing.

import fc from 'fast-check';

export interface RandomEdit {
  readonly at: number;
  readonly deleted: number;
  readonly inserted: string;
}

export function randomEdit(fragments: readonly string[], { maxDeleted, maxTyped }: { maxDeleted: number; maxTyped: number }): fc.Arbitrary<RandomEdit> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    deleted: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: maxDeleted })),
    inserted: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: maxTyped }), fc.constant('')),
  });
}

/** The text after the edit. */
export function applyRandomEdit(text: string, { at, deleted, inserted }: RandomEdit): string {
  const start = Math.floor(at * text.length);
  return text.slice(0, start) + inserted + text.slice(Math.min(text.length, start + deleted));
}
