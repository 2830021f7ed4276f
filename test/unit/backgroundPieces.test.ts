// Background work in pieces (features/incremental.ts, engine/scheduler.ts): a big file's summary after an edit is
// computed in many pieces, requests between pieces answer from the summary the tables hold (the last complete
// one, never part of the new one), an edit abandons the summary under way, and the scheduler runs the indexes in
// order, holding off while the initial scan parses.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BackgroundScheduler } from '../../server/src/engine/scheduler';
import { Corpus } from '../../server/src/features/corpus';
import { SUMMARY_TIME_BUDGET } from '../../server/src/features/derivedIndex';

// The time budget guards against hostile files; on a loaded machine it could skip the very file these tests edit.
Object.assign(SUMMARY_TIME_BUDGET, { baseMs: 1e9 });

const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');
const SEEDS = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(SEEDS_DIR, name), 'utf8'))
  .join('\n\n');
/** The seeds again and again, to 2 MB: one file as big as those analysts keep whole archives in. */
const BIG_TEXT = Array.from({ length: Math.ceil((2 * 1024 * 1024) / SEEDS.length) }, () => SEEDS).join('\n\n');
const URI = 'file:///corpus/archive.txt';
const SAID = ' Jens Stoltenberg said.';

/** The big file summarised, and what a hover and Find References answer for Jens Stoltenberg. */
function openArchive(): { corpus: Corpus; answer: () => { mentions: number; references: number } } {
  const corpus = new Corpus();
  corpus.entities.incremental.setSummariseInBackground(true);
  corpus.files.setFile(URI, BIG_TEXT);
  corpus.entities.incremental.refreshAll();
  const [{ entity }] = corpus.entities.findEntities('Jens Stoltenberg', 1);
  const answer = () => ({
    mentions: corpus.entities.getEntityFacts(entity.id, 3).mentionCount,
    references: corpus.entities.findReferences(entity.id).length,
  });
  return { corpus, answer };
}

/** The text with one more sentence naming him, after the paragraph that ends after `fraction` of the text. */
function sayAgain(text: string, fraction: number): string {
  const at = text.indexOf('\n\n', Math.floor(text.length * fraction));
  return text.slice(0, at) + SAID + text.slice(at);
}

test('a big file recognised again after an edit is summarised in many pieces; answers between pieces read the last complete summary', () => {
  const { corpus, answer } = openArchive();
  const before = answer();
  assert.ok(before.mentions > 0);
  const edited = sayAgain(BIG_TEXT, 0.5);
  corpus.files.setFile(URI, edited);
  // A request before the background starts leaves the big file to it, and answers from the tables as they are.
  assert.deepEqual(answer(), before);
  // A hover in the file reads the recognition the tables hold, at the place each mention is now.
  const typed = edited.indexOf(SAID) + SAID.indexOf('Stoltenberg');
  const after = edited.indexOf('Stoltenberg', typed + SAID.length);
  const hovered = corpus.entities.findMentionAt(URI, after);
  assert.equal(hovered && edited.slice(hovered.mention.span.start, hovered.mention.span.end).endsWith('Stoltenberg'), true);
  assert.equal(corpus.entities.findMentionAt(URI, typed), undefined, 'the name just typed is not recognised yet');
  const between: (typeof before)[] = [];
  while (corpus.entities.incremental.runPiece()) between.push(answer());
  assert.ok(between.length >= 20, `a 2 MB file's recognition must be cut into many pieces, not ${between.length}`);
  const expected = { mentions: before.mentions + 1, references: before.references + 1 };
  const published = between.findIndex((seen) => seen.mentions !== before.mentions);
  assert.ok(published > 0, 'the new summary is published after its pieces, not before');
  assert.deepEqual(
    between,
    between.map((_, i) => (i < published ? before : expected)),
    'every answer is the old summary until the new one is published, then the new one: none sees part of it',
  );
  assert.equal(corpus.entities.findMentionAt(URI, typed)?.entity?.name, 'Jens Stoltenberg');
});

test('an edit while a summary is under way abandons it: the summary made is the one of the latest text', () => {
  const { corpus, answer } = openArchive();
  const before = answer();
  const once = sayAgain(BIG_TEXT, 0.5);
  corpus.files.setFile(URI, once);
  for (let i = 0; i < 10; i++) assert.ok(corpus.entities.incremental.runPiece());
  corpus.files.setFile(URI, sayAgain(once, 0.25));
  while (corpus.entities.incremental.runPiece());
  assert.deepEqual(answer(), { mentions: before.mentions + 2, references: before.references + 2 });
});

test('the scheduler runs its tasks in order, a later one once the earlier ones caught up, and starts nothing while held', async () => {
  const scheduler = new BackgroundScheduler(0);
  const ran: string[] = [];
  let firstWaiting = 3;
  scheduler.add({ runSlice: () => (ran.push('first'), --firstWaiting > 0) });
  scheduler.add({ runSlice: () => (ran.push('second'), false) });
  scheduler.hold(); // the initial scan parses
  scheduler.poke();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(ran, []);
  const idle = new Promise<void>((resolve) => scheduler.onIdle(resolve));
  scheduler.release();
  await idle;
  assert.deepEqual(ran, ['first', 'first', 'first', 'second']);
  scheduler.dispose();
});
