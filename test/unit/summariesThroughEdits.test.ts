// After an edit, derived indexes reuse what they computed for the releases the edit did not touch (pass one of
// recognition, fingerprints, sentences and their band keys) and move the mentions of an edit that changed only
// offsets (features/entityEdits.ts). Whatever they reuse, a file's summaries must equal those of the same text
// summarised afresh: checked over random chains of edits on a file big enough to keep per-release results.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { Corpus } from '../../server/src/features/corpus';
import { applyRandomEdit, randomEdit } from '../support/randomEdits';

const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');
/** Every seed in one file: over the size from which per-release results are kept (64 KB). */
const TEXT = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(SEEDS_DIR, name), 'utf8'))
  .join('\n\n');
const URI = 'file:///corpus/seeds/all.txt';

const FRAGMENTS = [
  'e',
  'x',
  ' ',
  ',',
  '\n',
  '\n\n',
  ' said',
  ' the Minister',
  ' Jens Stoltenberg said.',
  'Source: NATO\n\n',
  'NATO Secretary General: ',
  'Q: ',
];

const edit = randomEdit(FRAGMENTS, { maxDeleted: 60, maxTyped: 6 });

/** Every derived summary of the file (its count rows hold the corpus tables they count in, compared by content). */
function describeSummaries(corpus: Corpus, uri: string): unknown {
  const entities = corpus.entities.incremental.getSummary(uri)!;
  return {
    mentions: entities.entities,
    facts: entities.facts,
    rows: entities.rows,
    duplicates: corpus.duplicates.incremental.getSummary(uri),
    passages: corpus.passages.incremental.getSummary(uri),
    nearPassages: corpus.nearPassages.incremental.getSummary(uri),
    related: corpus.related.incremental.getSummary(uri),
  };
}

function summariseAfresh(text: string): unknown {
  const corpus = new Corpus();
  corpus.files.setFile(URI, text);
  return describeSummaries(corpus, URI);
}

// Once before the cases: the gazetteer is built on first use, and a first, cold summary of the file could take
// longer than its time budget (incremental.ts), which would leave its entities empty.
summariseAfresh(TEXT);

test('summaries after random chains of edits equal the summaries of the edited text computed afresh', () => {
  assert.ok(TEXT.length > 64 * 1024, 'the seeds together must be big enough for per-release results to be kept');
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, summariseEachEdit) => {
      const corpus = new Corpus();
      let text = TEXT;
      corpus.files.setFile(URI, text);
      describeSummaries(corpus, URI);
      for (const change of edits) {
        text = applyRandomEdit(text, change);
        corpus.files.setFile(URI, text);
        // Typing several keys before the background catches up: the summaries then reuse across several edits.
        if (summariseEachEdit) assert.deepEqual(describeSummaries(corpus, URI), summariseAfresh(text));
      }
      assert.deepEqual(describeSummaries(corpus, URI), summariseAfresh(text));
    }),
    { numRuns: 12 },
  );
});

/** One piece of background work, in the scheduler's order (engine/scheduler.ts); false once every index caught up. */
function runPiece(corpus: Corpus): boolean {
  return corpus.derivedIndexes.some((index) => index.runPiece());
}

test('summaries brought up to date in background pieces, edits arriving between pieces, equal the summaries afresh', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ change: edit, piecesAfter: fc.nat({ max: 12 }) }), { minLength: 1, maxLength: 4 }), (edits) => {
      const corpus = new Corpus();
      for (const index of corpus.derivedIndexes) index.setSummariseInBackground(true);
      let text = TEXT;
      corpus.files.setFile(URI, text);
      while (runPiece(corpus));
      for (const { change, piecesAfter } of edits) {
        text = applyRandomEdit(text, change);
        corpus.files.setFile(URI, text); // a summary under way for the version before is abandoned
        for (let i = 0; i < piecesAfter; i++) runPiece(corpus);
      }
      while (runPiece(corpus));
      assert.deepEqual(
        corpus.derivedIndexes.map((index) => index.pending),
        corpus.derivedIndexes.map(() => 0),
      );
      assert.deepEqual(describeSummaries(corpus, URI), summariseAfresh(text));
    }),
    { numRuns: 8 },
  );
});

test('typing a word in a sentence moves the mentions after it and recognises nothing again that it did not touch', () => {
  const corpus = new Corpus();
  corpus.files.setFile(URI, TEXT);
  const before = corpus.entities.incremental.getSummary(URI)!;
  const at = TEXT.indexOf(' said', TEXT.length / 2);
  const edited = TEXT.slice(0, at) + ' also' + TEXT.slice(at);
  corpus.files.setFile(URI, edited);
  const after = corpus.entities.incremental.getSummary(URI)!;
  assert.equal(after.entities.mentions.length, before.entities.mentions.length);
  assert.deepEqual(
    [...after.entities.mentions].map((m) => edited.slice(m.span.start, m.span.end)),
    [...before.entities.mentions].map((m) => TEXT.slice(m.span.start, m.span.end)),
  );
  // Moved, not recognised again: the file's groups and count rows are the very same objects.
  assert.ok(after.facts === before.facts && after.rows === before.rows);
  assert.deepEqual(describeSummaries(corpus, URI), summariseAfresh(edited));
});
