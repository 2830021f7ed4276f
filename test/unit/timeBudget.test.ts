// A derived index gives up on a file whose summary takes longer than its time budget: the file contributes an
// empty summary from then on (no freeze on every keystroke) until it shrinks below half that size. Summaries are
// timed on a clock only the slow summary advances, so the outcome does not depend on the machine's speed or load.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../../server/src/features/corpusIndex';
import { DerivedIndex, IncrementalIndex } from '../../server/src/features/incremental';

/** Summarises a file as its text; a text with SLOW takes 30 ms of `clock` (a hostile file for a quadratic algorithm). */
function createSlowIndex(clock: { ms: number }): DerivedIndex<string> & { summarised: string[]; table: Map<string, string> } {
  const table = new Map<string, string>();
  const summarised: string[] = [];
  return {
    name: 'slow things',
    summarised,
    table,
    summarise(file) {
      summarised.push(file.text);
      if (file.text.includes('SLOW')) clock.ms += 30;
      return file.text;
    },
    add: (uri, summary) => table.set(uri, summary),
    remove: (uri) => table.delete(uri),
  };
}

test('a file over its time budget is skipped by the index from then on, and reported, until it shrinks', () => {
  const corpus = new CorpusIndex();
  const clock = { ms: 0 };
  const index = createSlowIndex(clock);
  const incremental = new IncrementalIndex(corpus, index, { baseMs: 5, msPerMB: 0, now: () => clock.ms });
  const uri = 'file:///w/seeds/hostile.txt';

  corpus.setFile(uri, 'SLOW SLOW SLOW SLOW');
  corpus.setFile('file:///w/seeds/fine.txt', 'fine');
  incremental.refresh();
  assert.equal(index.table.get(uri), 'SLOW SLOW SLOW SLOW', 'the summary already paid for is kept');
  assert.equal(incremental.getOverBudget(uri)?.index, 'slow things');
  assert.equal(incremental.getOverBudget('file:///w/seeds/fine.txt'), undefined);
  assert.deepEqual(incremental.takeNewlyOverBudget(), [uri]);

  corpus.setFile(uri, 'SLOW SLOW SLOW SLOW!'); // a keystroke
  incremental.refresh();
  assert.equal(index.table.get(uri), '', 'the file was summarised again');
  assert.deepEqual(index.summarised.slice(-1), ['']);

  corpus.setFile(uri, 'short'); // below half the size: tried again, and within budget now
  incremental.refresh();
  assert.equal(index.table.get(uri), 'short');
  assert.equal(incremental.getOverBudget(uri), undefined);
  assert.deepEqual(incremental.takeNewlyOverBudget(), [uri]);
});
