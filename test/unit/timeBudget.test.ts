// A derived index gives up on a file whose summary takes longer than its time budget: the file contributes an
// empty summary from then on (no freeze on every keystroke) until it shrinks below half that size. Summaries are
// timed on a clock only the slow summary advances, so the outcome does not depend on the machine's speed or load.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../../server/src/features/corpusIndex';
import { IncrementalIndex } from '../../server/src/features/incremental';
import { DerivedIndex, StoredSummary, SummaryStore } from '../../server/src/features/derivedIndex';

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

test('a summary over budget is stored with its verdict, and a restart takes both instead of summarising again', () => {
  const stored = new Map<string, StoredSummary>();
  const store: SummaryStore = {
    take: (file, indexName) => stored.get(`${indexName}:${file.text}`),
    offer: (file, indexName, data, overBudget) => void stored.set(`${indexName}:${file.text}`, { data: data(), overBudget }),
  };
  const uri = 'file:///w/seeds/hostile.txt';
  const runs = [0, 1].map(() => {
    const corpus = new CorpusIndex();
    const clock = { ms: 0 };
    const index = { ...createSlowIndex(clock), encodeSummary: (summary: string) => summary, decodeSummary: (data: unknown) => data as string };
    const incremental = new IncrementalIndex(corpus, index, { baseMs: 5, msPerMB: 0, now: () => clock.ms });
    incremental.setSummaryStore(store);
    corpus.setFile(uri, 'SLOW SLOW SLOW SLOW');
    incremental.refresh();
    return { index, incremental, corpus };
  });
  const [, restart] = runs;
  assert.deepEqual(restart.index.summarised, [], 'not summarised again');
  assert.equal(restart.index.table.get(uri), 'SLOW SLOW SLOW SLOW');
  assert.deepEqual(restart.incremental.getOverBudget(uri), { index: 'slow things', ms: 30, budgetMs: 5, length: 19 });
  assert.deepEqual(restart.incremental.takeNewlyOverBudget(), [uri]);
  restart.corpus.setFile(uri, 'SLOW SLOW SLOW SLOW!');
  restart.incremental.refresh();
  assert.equal(restart.index.table.get(uri), '', 'skipped from then on, as in the run that stored it');
});
