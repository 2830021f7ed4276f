// A big file's new summary goes into the corpus tables in pieces (features/incremental.ts `replaceInSteps`,
// hiddenRows.ts, countsChange.ts): whatever edits and pieces come in whatever order, the tables end equal to the
// tables built afresh from the final texts; every piece does a bounded number of table rows (counted, not timed);
// and an answer between pieces reads the file's old summary or its new one, switching once, never a mix.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { CompactMultimap } from '../../server/src/features/compactMultimap';
import { Corpus } from '../../server/src/features/corpus';
import { COUNT_TABLES } from '../../server/src/features/entityFacts';
import { ROWS_PER_PIECE, SUMMARY_TIME_BUDGET } from '../../server/src/features/derivedIndex';
import { RelatedReleaseIndex } from '../../server/src/features/relatedReleaseIndex';
import { applyRandomEdit, randomEdit } from '../support/randomEdits';

// The time budget guards against hostile files; on a loaded machine it could skip the very file these tests edit.
Object.assign(SUMMARY_TIME_BUDGET, { baseMs: 1e9 });

const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');
const SEEDS = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(SEEDS_DIR, name), 'utf8'));
/** Every seed in one file (over 64 KB: summarised and applied in pieces), and two small files repeating some of it. */
const BIG_URI = 'file:///corpus/all.txt';
const FILES: Record<string, string> = {
  [BIG_URI]: SEEDS.join('\n\n'),
  'file:///corpus/first.txt': SEEDS[0],
  'file:///corpus/some.txt': SEEDS.slice(3, 6).join('\n\n'),
};

const edit = randomEdit(['e', ' ', '\n\n', ' Jens Stoltenberg said.', 'Source: NATO\n\n', 'NATO Secretary General: ', 'Q: '], { maxDeleted: 400, maxTyped: 6 });

/** One piece of background work, in the scheduler's order (engine/scheduler.ts); false once every index caught up. */
function runPiece(corpus: Corpus): boolean {
  return corpus.derivedIndexes.some((index) => index.runPiece());
}

function openCorpus(files: Record<string, string>, inBackground: boolean): Corpus {
  const corpus = new Corpus();
  for (const index of corpus.derivedIndexes) index.setSummariseInBackground(inBackground);
  for (const [uri, text] of Object.entries(files)) corpus.files.setFile(uri, text);
  for (const index of corpus.derivedIndexes) index.refreshAll();
  return corpus;
}

type Occurrence = { uri: string; releaseIndex: number; span: { start: number; end: number } };
const describeOccurrence = ({ uri, releaseIndex, span }: Occurrence) => `${uri}#${releaseIndex}@${span.start}-${span.end}`;

/** A key → values table as key → its values described and sorted (the order values joined in may differ). */
function describeHeld(held: unknown, describe: (value: never) => string): string[] {
  const values = held instanceof Set || Array.isArray(held) ? [...held] : [held];
  return values.map((value) => describe(value as never)).sort();
}

/** Every corpus-wide table of the passage, near-passage, related-release and entity indexes, by content. */
function describeTables(corpus: Corpus): unknown {
  type Table<K> = { forEachKey(callback: (key: K, values: Iterable<Occurrence>) => void): void };
  const { holders } = corpus.passages as unknown as { holders: Table<string> };
  const { buckets } = corpus.nearPassages as unknown as { buckets: Table<number> };
  const { postings } = corpus.related as unknown as { postings: Map<string, Set<{ uri: string; releaseIndex: number; facets: { key: string }[] }>> };
  const entities = corpus.entities as unknown as Record<string, unknown> & { facts: Record<string, unknown>; strings: { size: number } };
  const describeTable = <K>(table: Table<K>) => {
    const described = new Map<K, string[]>();
    table.forEachKey((key, values) => described.set(key, describeHeld([...values], describeOccurrence)));
    return described;
  };
  const describeRelease = ({ uri, releaseIndex, facets }: { uri: string; releaseIndex: number; facets: { key: string }[] }) =>
    `${uri}#${releaseIndex} ${facets.map((facet) => facet.key).join(',')}`;
  const tableNames = ['filesByKey', 'fullNamesBySurname', 'holdersByRole', 'longNamesByAbbreviation', 'displayNames', 'namedKeys'];
  return {
    passages: describeTable(holders),
    near: describeTable(buckets),
    related: new Map([...postings].map(([key, posting]) => [key, describeHeld(posting, describeRelease)])),
    entities: Object.fromEntries(tableNames.map((name) => [name, entities[name]])),
    facts: { ...entities.facts },
    strings: entities.strings.size,
  };
}

test('after random edits with random pieces between them, a big file edited even while its summary goes in, the tables equal a fresh build', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ change: edit, piecesAfter: fc.nat({ max: 150 }) }), { minLength: 1, maxLength: 4 }), (edits) => {
      const corpus = openCorpus(FILES, true);
      const texts = { ...FILES };
      for (const { change, piecesAfter } of edits) {
        texts[BIG_URI] = applyRandomEdit(texts[BIG_URI], change);
        corpus.files.setFile(BIG_URI, texts[BIG_URI]);
        for (let i = 0; i < piecesAfter; i++) runPiece(corpus);
      }
      while (runPiece(corpus));
      assert.deepEqual(describeTables(corpus), describeTables(openCorpus(texts, false)));
    }),
    { numRuns: 10 },
  );
});

/**
 * Counts the table rows added or removed from now on (sentences in holders and buckets, releases in postings, counts)
 * by wrapping the methods that write them; `take` says how many since it was last called.
 */
function countTableRows(): { take: () => number; restore: () => void } {
  let rows = 0;
  const restores: (() => void)[] = [];
  const wrap = (target: object, name: string, rowsOf: (result: unknown) => number) => {
    const methods = target as Record<string, (...args: unknown[]) => unknown>;
    const original = methods[name];
    methods[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      rows += rowsOf(result);
      return result;
    };
    restores.push(() => (methods[name] = original));
  };
  for (const name of ['add', 'delete']) wrap(CompactMultimap.prototype, name, () => 1);
  for (const name of ['post', 'unpost']) wrap(RelatedReleaseIndex.prototype, name, (keys) => keys as number);
  for (const name of ['count', 'total']) wrap(COUNT_TABLES, name, () => 1);
  return {
    take: () => {
      const taken = rows;
      rows = 0;
      return taken;
    },
    restore: () => restores.forEach((restore) => restore()),
  };
}

/**
 * 2 MB: the seeds again and again, each sentence changed so as not to repeat the seeds' own (it is a stock phrase
 * there), then the seeds once, so that the small files' sentences have a copy here, after any edit near the start.
 */
const FILLER = FILES[BIG_URI].replace(/\. /g, ' again. ');
const BIG_TEXT = [...Array.from({ length: Math.ceil((2 * 1024 * 1024) / FILLER.length) }, () => FILLER), FILES[BIG_URI]].join('\n\n');

test('after an edit near the start of a 2 MB file, every piece writes a bounded number of table rows, and answers switch once from old to new', () => {
  const small = 'file:///corpus/first.txt';
  const corpus = openCorpus({ [BIG_URI]: BIG_TEXT, [small]: FILES[small] }, true);
  // What a request asks of each table about the small file: its sentences' verbatim and near copies in the big
  // file (at their offsets), and the releases related to its second release.
  const sentences = corpus.passages.incremental.getSummary(small)!.filter((sentence) => !corpus.passages.isStockPhrase(sentence));
  const facets = corpus.related.getFacets(small, 1)!;
  const answer = () =>
    JSON.stringify({
      verbatim: sentences.map((sentence) => corpus.passages.findVerbatimCopies(sentence).map(describeOccurrence)),
      near: sentences.map((sentence) => corpus.nearPassages.findNearCopies(small, sentence.span).map((copy) => describeOccurrence(copy.sentence))),
      related: [...corpus.related.findCandidates(facets)].map((release) => `${release.uri}#${release.releaseIndex}`).sort(),
      mentions: corpus.entities.findEntities('Jens Stoltenberg', 1)[0]?.mentions,
    });
  const before = answer();
  assert.match(before, /all\.txt#\d+@/, "the big file repeats the small file's sentences");
  // A name typed near the start: every sentence after it moves, and the entity counts change.
  const at = BIG_TEXT.indexOf('\n\n', 2000);
  corpus.files.setFile(BIG_URI, BIG_TEXT.slice(0, at) + ' Jens Stoltenberg said.' + BIG_TEXT.slice(at));
  const rows = countTableRows();
  const answers: string[] = [];
  const rowsPerPiece: number[] = [];
  try {
    while (runPiece(corpus)) {
      rowsPerPiece.push(rows.take());
      answers.push(answer());
    }
  } finally {
    rows.restore();
  }
  const after = answers[answers.length - 1];
  assert.notEqual(after, before);
  // A piece writes at most ROWS_PER_PIECE rows, and finishes the object it is on: a release's postings, or a
  // sentence's band keys.
  assert.ok(Math.max(...rowsPerPiece) <= ROWS_PER_PIECE + 64, `at most ${ROWS_PER_PIECE} rows a piece, not ${Math.max(...rowsPerPiece)}`);
  assert.ok(rowsPerPiece.reduce((sum, n) => sum + n) > 20 * ROWS_PER_PIECE, 'the edit moves many rows, in many pieces');
  // Each index publishes its new summary once: the answers read the old one, then a mix of indexes caught up and
  // not yet, each index switching once; the answer of each table never goes back.
  const seen = answers.map((answer) => JSON.parse(answer) as Record<string, unknown>);
  for (const table of ['verbatim', 'near', 'related', 'mentions']) {
    const values = [JSON.parse(before)[table], ...seen.map((answer) => answer[table])].map((value) => JSON.stringify(value));
    const switches = values.filter((value, i) => i > 0 && value !== values[i - 1]).length;
    assert.ok(switches <= 1, `${table}: the answer switches once from the old summary to the new one, not ${switches} times`);
    assert.equal(values[values.length - 1], JSON.stringify(JSON.parse(after)[table]));
  }
});
