// release.duplicate across files, and what one file's change tells the rest of the corpus.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Corpus } from '../../server/src/features/corpus';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { FIXTURE_ROOT, parseFixture } from '../support/fixture';

const BODY = 'NATO Allies are deeply concerned about recent malign activities on Allied territory, including sabotage.';

function duplicateMessages(corpus: Corpus, path: string): string[] {
  return computeFileProblems(corpus, FIXTURE_ROOT + path)
    .filter((p) => p.code === 'release.duplicate')
    .map((p) => p.message);
}

test('the same title or body in two files is reported on both, naming the other copy', () => {
  const { corpus } = parseFixture(`//- seeds/a.txt
Statement on recent Russian hybrid activities

Source: NATO

${BODY}
//- seeds/b.txt
Statement on recent Russian hybrid activities

Source: NATO

Another text entirely, about something else, long enough to be fingerprinted as a body of a release.
//- seeds/c.txt
Allies condemn sabotage

Source: NATO

${BODY}
`);
  assert.deepEqual(duplicateMessages(corpus, 'seeds/a.txt'), [
    'This release has the same title as “Statement on recent Russian hybrid activities” in b.txt.',
    'This release has the same body as “Allies condemn sabotage” in c.txt.',
  ]);
  assert.deepEqual(duplicateMessages(corpus, 'seeds/b.txt'), ['This release has the same title as “Statement on recent Russian hybrid activities” in a.txt.']);
  assert.deepEqual(duplicateMessages(corpus, 'seeds/c.txt'), ['This release has the same body as “Statement on recent Russian hybrid activities” in a.txt.']);
});

test('a change re-examines only the files whose duplicate answer changed', () => {
  const copies = Array.from(
    { length: 5 },
    (_, i) =>
      `//- seeds/${i}.txt\nAllies meet in Brussels\n\nSource: NATO\n\nText number ${i}, long enough to be a body of its own and not a copy of any other one.\n`,
  ).join('');
  const { corpus } = parseFixture(copies);
  corpus.duplicates.takeChangedUris();
  // Every copy names 0.txt (or 1.txt for 0.txt itself). Editing 4.txt away changes nobody else's answer.
  corpus.files.setFile(FIXTURE_ROOT + 'seeds/4.txt', 'Allies meet in Oslo\n\nSource: NATO\n\nSomething else.');
  assert.deepEqual(corpus.duplicates.takeChangedUris(), [FIXTURE_ROOT + 'seeds/4.txt']);
  assert.deepEqual(duplicateMessages(corpus, 'seeds/4.txt'), []);
  // Removing 0.txt changes the copy that 1.txt, 2.txt and 3.txt name.
  corpus.files.removeFile(FIXTURE_ROOT + 'seeds/0.txt');
  assert.deepEqual(
    corpus.duplicates.takeChangedUris().sort(),
    ['0', '1', '2', '3'].map((n) => `${FIXTURE_ROOT}seeds/${n}.txt`),
  );
  assert.deepEqual(duplicateMessages(corpus, 'seeds/2.txt'), ['This release has the same title as “Allies meet in Brussels” in 1.txt.']);
});

test('short bodies ("Thank you.") are not compared', () => {
  const { corpus } = parseFixture(`//- seeds/a.txt\nFirst speech at the Forum\n\nThank you.\n//- seeds/b.txt\nSecond speech at the Summit\n\nThank you.\n`);
  assert.deepEqual(duplicateMessages(corpus, 'seeds/a.txt'), []);
});
