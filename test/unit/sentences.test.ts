import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSentences } from '../../server/src/corpus/sentences';
import { parseFixture } from '../support/fixture';

function check(fixture: string): void {
  const { main } = parseFixture(fixture);
  assert.deepEqual(findSentences(main.text, { start: 0, end: main.text.length }), main.ranges);
}

test('one sentence per line in speeches, several per line in news text, short ones left out', () => {
  check(`<[Stocks can and will be replenished again soon.]>\r\n<[Lives lost can never ever be regained, he said.]>\nThank you.`);
  check(`<[“The challenges we face are global,” he said in Seoul today.]> <[This is the first time that NATO has engaged with the Forum.]> Mr. Smith agreed.`);
  check(`<[The group of eleven experts presented its findings to the Council.]>`);
  check(`<[Mr. Stoltenberg thanked the Prime Minister for his support today.]> <[He will travel to Washington, D.C. in July for the Summit.]>`);
});
