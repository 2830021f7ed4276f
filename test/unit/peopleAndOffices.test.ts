// People and offices as press text names them across publishers: courtesy titles between a post and a name,
// the same office written two ways, ranks beside offices, and bare titles meant by the publisher's country. Each
// marked range is a mention a hover must identify: the person it resolves to, and the role stated next to it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEntityFile } from '../../server/src/annotations/entityFile';
import { computeEntityCard } from '../../server/src/features/entityCard';
import { parseFixture } from '../support/fixture';
import { describeMarkedPeople } from '../support/personMentions';

const KNOWLEDGE = `entities:
  - id: gov-examplia
    name: gov.ex
    kind: organisation
    offices: [Prime Minister of Examplia, Minister for Foreign Affairs of Examplia, Leader of the Opposition of Examplia, Raksha Mantri]
  - id: ames
    name: Ann Ames
    kind: person
    roles:
      - { role: Minister for Foreign Affairs of Examplia, from: 2022-05-23 }
  - id: berg
    name: Bo Berg
    kind: person
    roles:
      - { role: Leader of the Opposition of Examplia, from: 2022-05-30 }
  - id: carr
    name: Cy Carr
    kind: person
    roles:
      - { role: Raksha Mantri, from: 2019-05-31 }
`;

/** Each marked range's person, as `describeMarkedPeople` writes it. */
function people(fixtureText: string, knowledge = KNOWLEDGE): string[] {
  return describeMarkedPeople(fixtureText, knowledge);
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

/** The offices on the hover card of the person under each marked range. */
function cardOffices(fixtureText: string, knowledge = KNOWLEDGE): string[] {
  const { main, corpus } = parseFixture(fixtureText);
  corpus.entities.setKnowledgeBase([parseEntityFile(knowledge)]);
  return main.ranges.map((range) => {
    const hit = corpus.entities.findMentionAt(main.uri, range.end - 1);
    if (!hit?.entity) return 'nothing';
    const offices = computeEntityCard(corpus, hit.entity, 0, hit.mention, main.uri).roles.map((r) => (r.count ? `${r.role} (${r.count})` : r.role));
    return `${hit.entity.name}: ${offices.join('; ')}`;
  });
}

test('the hover card lists each office once as the text writes it, with no rank alone, and the office entities.yaml gives', () => {
  assert.deepEqual(
    cardOffices(
      `Press Briefing by Secretary of Defense Ann Ames

Source: U.S. Department of Defense

March 3, 2020

SECRETARY OF DEFENSE ANN AMES:  Good morning.  Gen. Bo Berg is with me.

GEN. BO BERG:  Thank you.

SEC. AMES:  <[Defense Secretary Ann Ames]> will travel.  Secretary of Defense Ann Ames thanked <[Gen. Berg]>.
`,
      `entities:
  - id: berg
    name: Bo Berg
    kind: person
    roles:
      - { role: Chairman of the Joint Chiefs of Staff, from: 2019-01-01 }
`,
    ),
    ['Ann Ames: Secretary of Defense (5)', 'Bo Berg: Chairman of the Joint Chiefs of Staff'],
  );
});

test('the hover card lists first the office held on the hovered release’s date, and an office of entities.yaml once, in the text’s words without its country', () => {
  const knowledge = `entities:
  - id: moss
    name: Sam Moss
    kind: person
    roles:
      - { role: Treasurer of Australia, from: 2015-09-21, to: 2018-08-24 }
      - { role: Secretary of the Treasury, from: 2013-01-01, to: 2014-01-01 }
      - { role: Prime Minister of Australia, from: 2018-08-24 }
`;
  const fixture = (title: string, date: string, text: string) => `${title}\n\nSource: gov.ex\n\n${date}\n\n${text}\n\n`;
  assert.deepEqual(
    cardOffices(
      fixture('Budget statement', '1 May 2016', 'Treasurer <[Sam Moss]> spoke.  Secretary Sam Moss left.') +
        fixture('Visit to Port Moresby', '1 May 2020', 'Prime Minister <[Sam Moss]> spoke.  Prime Minister Sam Moss left.'),
      knowledge,
    ),
    [
      'Sam Moss: Treasurer (1); Prime Minister (2); Secretary (1); Secretary of the Treasury',
      'Sam Moss: Prime Minister (2); Secretary (1); Treasurer (1); Secretary of the Treasury',
    ],
  );
});

test('a publisher’s bare titles name its offices whatever the portfolio’s order: "the Foreign Minister", "the Opposition Leader", "the Raksha Mantri"', () => {
  assert.deepEqual(
    people(
      'Press conference\n\nSource: gov.ex\n\n2 November 2023\n\nJOURNALIST:  On the Middle East, <[the Opposition Leader]> says the Government has been slow.\n\nPRIME MINISTER:  <[The Foreign Minister]> will be with me, and <[the Raksha Mantri]> too.  <[Raksha Mantri Shri Dev Das]> spoke.',
    ),
    ['Leader → Bo Berg', 'Foreign Minister → Ann Ames', 'Mantri → Cy Carr', 'Dev Das → Dev Das (Raksha Mantri)'],
  );
});

test('two capitals between a title and a name are the given name’s initials: "Vice President JD Vance"', () => {
  assert.deepEqual(people('Readout\n\n<[Vice President JD Vance]> met <[General CQ Brown]>.  Minister UK Trade left.'), [
    'JD Vance → JD Vance (Vice President)',
    'CQ Brown → CQ Brown (General)',
  ]);
});
