// Re-parsing only the releases an edit touches must give exactly the full parse: random edits (typing, deleting,
// new blank lines, titles and Source lines, page chrome) on every seed, chained as typing chains them.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { ChangedRange, findChangedRange, reparseCorpusFile } from '../../server/src/features/incrementalParse';
import { composeTextChanges } from '../../server/src/features/textChanges';
import { applyRandomEdit, randomEdit, RandomEdit } from '../support/randomEdits';

const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');
const SEEDS = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(SEEDS_DIR, name), 'utf8'));

const FRAGMENTS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '\n\n\n',
  'Source: NATO\n\n',
  '\n\nChair of NATO Military Committee visits Spain\n\nSource: NATO\n\n',
  'Share this page',
  ' Jens Stoltenberg said.',
  '“',
  '6 May 2024',
  'Q: ',
  'NATO Secretary General: ',
];

const edit = randomEdit(FRAGMENTS, { maxDeleted: 400, maxTyped: 20 });

test('a re-parse of the touched releases equals the full parse, over random chains of edits on every seed', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (seedIndex, edits) => {
      let text = SEEDS[seedIndex];
      let parsed = parseCorpusFile(text);
      for (const change of edits) {
        const next = applyRandomEdit(text, change);
        parsed = reparseCorpusFile(text, parsed, next);
        text = next;
        assert.deepEqual(parsed, parseCorpusFile(text));
      }
    }),
    { numRuns: 300 },
  );
});

test('the changed range is the smallest one: common prefix and suffix left out, however long the text', () => {
  const long = 'a'.repeat(10000);
  assert.deepEqual(findChangedRange(long + 'xyz' + long, long + 'xQz' + long), { start: 10001, beforeEnd: 10002, afterEnd: 10002 });
  assert.deepEqual(findChangedRange(long, long + 'b'), { start: 10000, beforeEnd: 10000, afterEnd: 10001 });
  assert.deepEqual(findChangedRange('abc', 'abc'), { start: 3, beforeEnd: 3, afterEnd: 3 });
  assert.deepEqual(findChangedRange('aaaa', 'aa'), { start: 2, beforeEnd: 4, afterEnd: 2 });
});

/** The range the editor reports for a random edit: where it replaced text, in the text before it. */
function getEditorRange(text: string, { at, deleted, inserted }: RandomEdit): ChangedRange {
  const start = Math.floor(at * text.length);
  const beforeEnd = Math.min(text.length, start + deleted);
  return { start, beforeEnd, afterEnd: start + inserted.length };
}

// A wrong range that changes the length moves the window's edge releases, so the re-parse notices; a wrong
// same-length replacement outside the window would go unnoticed (the editor's own ranges are trusted there), so
// the wrong ranges here are of edits that change the length.
test("the editor's own range of an edit gives the full parse, and so does a wrong one (checked, then the texts compared)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: SEEDS.length - 1 }),
      fc.array(fc.tuple(edit, fc.constantFrom(0, 0, -1, 1, 7, -2500, 4000)), { minLength: 1, maxLength: 6 }),
      (seedIndex, edits) => {
        let text = SEEDS[seedIndex];
        let parsed = parseCorpusFile(text);
        for (const [change, by] of edits) {
          const next = applyRandomEdit(text, change);
          const range = getEditorRange(text, change);
          // A wrong range: moved, its length kept.
          const wrongBy = next.length === text.length ? 0 : by;
          const hint = { start: Math.max(0, range.start + wrongBy), beforeEnd: range.beforeEnd + wrongBy, afterEnd: range.afterEnd + wrongBy };
          parsed = reparseCorpusFile(text, parsed, next, hint);
          text = next;
          assert.deepEqual(parsed, parseCorpusFile(text));
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('changes applied in turn come to one range whose outside both texts share', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
      const before = SEEDS[0].slice(0, 3000);
      let text = before;
      const changes = edits.map((change) => {
        const range = getEditorRange(text, change);
        text = applyRandomEdit(text, change);
        return { start: range.start, end: range.beforeEnd, text: change.inserted };
      });
      const range = composeTextChanges(changes)!;
      assert.equal(before.slice(0, range.start), text.slice(0, range.start));
      assert.equal(before.slice(range.beforeEnd), text.slice(range.afterEnd));
      assert.equal(before.length - range.beforeEnd, text.length - range.afterEnd);
    }),
  );
});
