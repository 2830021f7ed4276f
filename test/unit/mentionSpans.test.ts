// One mention per span: a title in a role's complement ("Spokesperson for UN Secretary-General") covers its title
// words, and its owner ("UN", "Korea") is a mention of its own beside it, as in "NATO Secretary General"; title
// words without a head ("Allied") are no title. Fixtures mark every expected mention with `<[ … ]>`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printMention } from '../../server/src/corpus/entities/entityModel';
import { computeFileEntities } from '../../server/src/corpus/entities/recognize';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { parseFixture, renderSpans } from '../support/fixture';

function checkMentionSpans(source: string, expectedMentions: string[] = []): void {
  const { text, ranges } = parseFixture(source).main;
  const mentions = [...computeFileEntities(text, parseCorpusFile(text)).mentions];
  assert.equal(
    renderSpans(
      text,
      mentions.map((m) => m.span),
    ),
    renderSpans(text, ranges),
  );
  for (const expected of expectedMentions)
    assert.ok(
      mentions.some((m) => printMention(text, m) === expected),
      `${expected}\nnot among\n${mentions.map((m) => printMention(text, m)).join('\n')}`,
    );
}

test('a title after a country in a complement leaves the country a mention of its own', () => {
  checkMentionSpans('<[Spokesperson]> of <[Korea]> <[SECRETARY]>\n', ['person/title “SECRETARY” → role:secretary (Korea SECRETARY)']);
});

test('an office named in a complement covers its title words, not its organisation', () => {
  checkMentionSpans('<[Spokesperson]> for <[UN]> <[Secretary-General]>\n', [
    'person/title “Secretary-General” → role:secretary general (UN Secretary-General)',
  ]);
});

test('an office named in a complement is covered alone when it has no owner', () => {
  checkMentionSpans('The Office of the <[Spokesperson]> for the <[Secretary-General]> said so.\n');
});

test('"Allied" before a complement is no title; the office after it is', () => {
  checkMentionSpans('Allied for <[NATO]> <[PRESIDENT]>\n', ['person/title “PRESIDENT” → role:president (NATO PRESIDENT)']);
});

test('"Allied" inside a title stays part of it', () => {
  checkMentionSpans('<[Supreme Allied Commander]>\n');
});

test('a country before a complement opens no role: the title after the organisation is its own', () => {
  checkMentionSpans('<[Ukraine]> of <[Jens Agency]> <[General]>\n', ['person/title “General” → role:general (Jens Agency General)']);
});

test('an office owned by an organisation name covers its title words, as "NATO Secretary General" does', () => {
  checkMentionSpans('<[Spokesperson]> of <[NATO Committee]> <[SECRETARY]>\n', ['person/title “SECRETARY” → role:secretary (NATO Committee SECRETARY)']);
});
