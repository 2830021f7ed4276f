// Re-parsing only the releases an edit touches must give exactly the full parse: random edits (typing, deleting,
// new blank lines, titles and Source lines, page chrome) on every seed, chained as typing chains them.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { findChangedRange, reparseCorpusFile } from '../../server/src/features/incrementalParse';
import { applyRandomEdit, randomEdit } from '../support/randomEdits';

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
