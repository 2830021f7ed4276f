// People and offices as press text names them across publishers: courtesy titles between a post and a name,
// the same office written two ways, ranks beside offices, and bare titles meant by the publisher's country. Each
// marked range is a mention a hover must identify: the person it resolves to, and the role stated next to it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMarkedPeople } from '../support/personMentions';

const KNOWLEDGE = `entities:
  - id: gov-examplia
    name: gov.ex
    kind: organisation
    offices: [Prime Minister of Examplia]
`;

/** For each marked range: the text of the person mention there, who it resolves to, and the role stated with it. */
function people(fixtureText: string, knowledge = KNOWLEDGE): string[] {
  const { main, entities, mentions } = findMarkedPeople(fixtureText, knowledge);
  return mentions.map((mention) => {
    if (!mention) return 'nothing';
    const role = mention.form === 'title' ? '' : ` (${mention.role ?? ''})`;
    return `${main.text.slice(mention.span.start, mention.span.end)} → ${entities.resolve(mention)?.name ?? 'nothing'}${role}`;
  });
}

test('a courtesy title between a post and a name is the holder’s, not part of the post', () => {
  assert.deepEqual(
    people(
      'Visit to Tapa\n\n<[Defence Secretary Sir Ann Ames]> met troops.  <[President of France Mr. Bo Berg]> spoke with <[Minister for Defence Dr Cy Carr]> and <[Prime Minister Shri Di Dev]>.',
    ),
    [
      'Ann Ames → Ann Ames (Defence Secretary)',
      'Bo Berg → Bo Berg (President of France)',
      'Cy Carr → Cy Carr (Minister for Defence)',
      'Di Dev → Di Dev (Prime Minister)',
    ],
  );
});

test('a post written with its complement and in news style is one office: "Secretary of Defense" is "the Defense Secretary"', () => {
  assert.deepEqual(
    people(
      'Talks\n\nMinister for Foreign Affairs <[Ann Ames]> met Prime Minister <[Bo Berg]>.  Secretary of Defense <[Cy Carr]> joined.\n\n<[The Foreign Minister]> and <[the Defense Secretary]> agreed.',
    ),
    [
      'Ann Ames → Ann Ames (Minister for Foreign Affairs)',
      'Bo Berg → Bo Berg (Prime Minister)',
      'Cy Carr → Cy Carr (Secretary of Defense)',
      'Foreign Minister → Ann Ames',
      'Defense Secretary → Cy Carr',
    ],
  );
});
