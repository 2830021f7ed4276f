// "Tag Sentence": a selection (marked <[ … ]>) or a cursor (<|>) grows to the whole sentences it touches, and a
// tag's `#tag` hint goes after the closing quotation mark. The rule the editor and the CLI share (tagging.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandToSentences, getTagHintOffset } from '../../server/src/features/tagging';
import { parseFixture } from '../support/fixture';

function check(fixture: string, expected: string | undefined): void {
  const { main } = parseFixture(fixture);
  const selection = main.cursor !== undefined ? { start: main.cursor, end: main.cursor } : main.ranges[0];
  const span = expandToSentences(main.text, selection);
  assert.equal(span && main.text.slice(span.start, span.end), expected);
}

const NEWS = 'Military leaders met today. "At this summit, we are taking major steps," Jens Stoltenberg said. The council met in Washington.';

test('a cursor inside a sentence takes that sentence, with its closing quotation mark', () => {
  check(NEWS.replace('major', 'ma<|>jor'), '"At this summit, we are taking major steps," Jens Stoltenberg said.');
});

test('half a sentence selected (one visual line under word wrap) grows to the whole sentence', () => {
  check(
    NEWS.replace('At this summit, we', '<[At this summit, we').replace('taking', 'taking]>'),
    '"At this summit, we are taking major steps," Jens Stoltenberg said.',
  );
});

test('a selection across two sentences takes both, whole', () => {
  check(
    NEWS.replace('leaders', '<[leaders').replace('this summit', 'this]> summit'),
    'Military leaders met today. "At this summit, we are taking major steps," Jens Stoltenberg said.',
  );
});

test('a selection over several lines takes the sentences of the first and last lines it touches', () => {
  check(
    'Title of the release\n\nFirst line ends here. Second <[sentence on it.\nThird line begins]> and goes on. Fourth.\n',
    'Second sentence on it.\nThird line begins and goes on.',
  );
});

test('a title line without a full stop is one sentence; a blank line has none', () => {
  check('Chair of the NATO <|>Military Committee visits Belgium\n\nSource: NATO\n', 'Chair of the NATO Military Committee visits Belgium');
  check('Title\n<|>\nBody text here.\n', undefined);
});

test('the #tag hint goes after the closing quotation mark of a passage that stops just inside it', () => {
  const text = '"We will stand with Ukraine," he said.';
  const passage = { start: 1, end: text.indexOf(',"') + 1 };
  assert.equal(text.slice(0, getTagHintOffset(text, passage)), '"We will stand with Ukraine,"');
  assert.equal(getTagHintOffset(text, { start: 0, end: text.length }), text.length);
});
