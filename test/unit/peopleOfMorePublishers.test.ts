// People and titles as the Irish, German, French, Japanese and New Zealand governments' pages write them. Each
// marked range is a mention a hover must identify: the person it resolves to, and the role stated next to it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeMarkedPeople } from '../support/personMentions';

const KNOWLEDGE = `entities:
  - id: gov-examplia
    name: gov.ex
    kind: organisation
    offices: [Taoiseach, Tánaiste]
  - id: taoiseach-a
    name: Aine Ahern
    kind: person
    roles:
      - { role: Taoiseach, from: 2020-01-01, to: 2024-01-01 }
  - id: taoiseach-b
    name: Brian Byrne
    kind: person
    roles:
      - { role: Tánaiste, from: 2020-01-01, to: 2024-01-01 }
      - { role: Taoiseach, from: 2024-01-01 }
`;

const SHIPPED_KNOWLEDGE = readFileSync(join(__dirname, '..', '..', '..', 'annotations', 'entities.yaml'), 'utf8');

/** Each marked range's person, as `describeMarkedPeople` writes it. */
function people(fixtureText: string, knowledge = KNOWLEDGE): string[] {
  return describeMarkedPeople(fixtureText, knowledge);
}

test('"Taoiseach" and "Tánaiste" are titles: before a name, after "the", and as the publisher’s offices on the date', () => {
  assert.deepEqual(
    people(
      'Statement by the Taoiseach\n\nSource: gov.ex\n\nPublished on 30 August 2023\n\nThe Taoiseach, <[Aine Ahern]> TD, paid tribute. <[The Taoiseach]> said so. <[The Tánaiste]> will attend.\n\nTaoiseach speaks to President\n\nSource: gov.ex\n\nPublished on 13 April 2024\n\n<[Taoiseach Brian Byrne]> spoke today. <[The Taoiseach]> thanked him.',
    ),
    [
      'Aine Ahern → Aine Ahern (Taoiseach)',
      'Taoiseach → Aine Ahern',
      'Tánaiste → Brian Byrne',
      'Brian Byrne → Brian Byrne (Taoiseach)',
      'Taoiseach → Brian Byrne',
    ],
  );
});

test('"Federal" qualifies a title: "Federal Chancellor Olaf Scholz" is the Chancellor, not a person named "Federal"', () => {
  assert.deepEqual(people('Call with Kenya\n\n<[Federal Chancellor Olaf Scholz]> spoke with <[Federal President Frank-Walter Steinmeier]>.'), [
    'Olaf Scholz → Olaf Scholz (Federal Chancellor)',
    'Frank-Walter Steinmeier → Frank-Walter Steinmeier (Federal President)',
  ]);
});

test('the shipped publishers’ bare titles are their own office holders on the release’s date', () => {
  assert.deepEqual(
    people(
      [
        'Telephone conversation\n\nSource: Élysée\n\n10 November 2016\n\n<[The President of the Republic]> spoke with Mr Donald Trump, President-elect of the United States.',
        'Conversation with Ukraine\n\nSource: Élysée\n\n4 March 2024\n\n<[The President of the Republic]> spoke with President Volodymyr Zelensky.',
        'Japan-U.S. Summit Meeting\n\nSource: Prime Minister’s Office of Japan\n\nFebruary 13, 2017\n\n<[The Prime Minister]> met President Trump.',
        'Government to ban semi-automatic weapons\n\nSource: New Zealand Government\n\n21 March 2019\n\n<[The Prime Minister]> announced today.',
        'Remarks by the Taoiseach at a press conference\n\nSource: gov.ie\n\nPublished on 20 March 2025\n\n<[The Minister for Defence]> will bring the legislation. <[The Taoiseach]> agreed.',
        'Chancellor Merz visits Kyiv with his European counterparts\n\nSource: Federal Government\n\n10 May 2025\n\n<[The Chancellor]> met President Zelensky.',
      ].join('\n\n'),
      SHIPPED_KNOWLEDGE,
    ),
    [
      'President → François Hollande',
      'President → Emmanuel Macron',
      'Prime Minister → Shinzo Abe',
      'Prime Minister → Jacinda Ardern',
      'Minister → Simon Harris',
      'Taoiseach → Micheál Martin',
      'Chancellor → Friedrich Merz',
    ],
  );
});

test('a month after a given name is a surname: "Theresa May", not "Theresa" before a date', () => {
  assert.deepEqual(people('Net zero\n\n<[Prime Minister Theresa May]> said it. Later, <[Brian May]> played. <[President Alan Ames]> spoke May 5.'), [
    'Theresa May → Theresa May (Prime Minister)',
    'Brian May → Brian May ()',
    'Alan Ames → Alan Ames (President)',
  ]);
});

test('a byline gives the post on the line under the name: the first post line is the name’s role', () => {
  assert.deepEqual(
    people(
      'Government to ban weapons\n\nRt Hon <[Jacinda Ardern]>\nPrime Minister\n\n21 March 2019\n\nCabinet agreed.\n\nSpeech to the Institute\n\n<[Winston Peters]>\nDeputy Prime Minister\nMinister of Foreign Affairs\n\nGood evening.\n\nAt the meeting <[Ann Arden]>\nspoke to the Prime Minister.',
    ),
    ['Jacinda Ardern → Jacinda Ardern (Prime Minister)', 'Winston Peters → Winston Peters (Deputy Prime Minister)', 'Ann Arden → nothing ()'],
  );
});

test('news style’s lower-case titles: with one qualifier before a past-tense verb, and a bare title closing a clause', () => {
  assert.deepEqual(
    people(
      'Readout of a call\n\nDeputy Secretary Ann Ames spoke with State Minister Bo Berg.  <[The deputy secretary]> welcomed it, and <[the state minister]> agreed.  It had the backing of <[the president]>.  She is <[the president]> of the club.',
    ),
    ['deputy secretary → Ann Ames', 'state minister → Bo Berg', 'president → nothing', 'nothing'],
  );
});

test('a surname in capitals after a given name is part of the name; an abbreviation after a word opening a sentence is not', () => {
  assert.deepEqual(
    people(
      'Joint statement\n\nSource: Élysée\n\n4 March 2024\n\n<[Emmanuel MACRON]>, President of the French Republic, met <[Ursula VON DER LEYEN]>.  Regarding NATO membership, <[Jens Stoltenberg]> NATO spoke.',
      SHIPPED_KNOWLEDGE,
    ),
    [
      'Emmanuel MACRON → Emmanuel Macron (President of the French Republic)',
      'Ursula VON DER LEYEN → Ursula von der Leyen ()',
      'Jens Stoltenberg → Jens Stoltenberg ()',
    ],
  );
});

test('"President-elect" is a title of its own: it is the role stated, and "the President-elect" is not the President in office', () => {
  assert.deepEqual(
    people(
      'Telephone conversation\n\nSource: gov.ex\n\n10 November 2016\n\nThe Taoiseach spoke with <[Mr Cal Carr]>, President-elect of Examplia.  <[The President-elect]> thanked him.  <[President-elect Dee Dunn]> replied.',
    ),
    ['Cal Carr → Cal Carr (President-elect)', 'President-elect → Cal Carr', 'Dee Dunn → Dee Dunn (President-elect)'],
  );
});

test('two portfolios joined by "and" qualify one title: "The Business and Energy Secretary, Greg Clark"', () => {
  assert.deepEqual(people('Net zero\n\nThe Business and Energy Secretary, <[Greg Clark]>, said so.  <[Trade and Industry Minister Ann Ames]> agreed.'), [
    'Greg Clark → Greg Clark (Business and Energy Secretary)',
    'Ann Ames → Ann Ames (Trade and Industry Minister)',
  ]);
});
