// People and titles as Australian, Canadian, EU, UN and US pages write them. Each marked range is a mention a
// hover must identify: the person it resolves to, and the role stated next to it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMarkedPeople } from '../support/personMentions';

const KNOWLEDGE = `entities:
  - id: white-house
    name: The White House
    kind: organisation
    offices: [President of the United States, White House Press Secretary]
  - id: pm-office
    name: Office of the Prime Minister of Examplia
    kind: organisation
    aliases: [PM Transcripts]
    offices: [Prime Minister of Examplia, Treasurer of Examplia]
  - id: un
    name: United Nations
    kind: organisation
    offices: [Secretary-General of the United Nations]
  - id: president-a
    name: Alice Able
    kind: person
    roles:
      - { role: President of the United States, from: 2021-01-20 }
  - id: press-secretary-b
    name: Bob Baker
    kind: person
    roles:
      - { role: White House Press Secretary, from: 2021-01-20 }
  - id: treasurer-c
    name: Carol Cole
    kind: person
    roles:
      - { role: Treasurer of Examplia, from: 2015-09-21, to: 2018-08-24 }
  - id: treasurer-d
    name: Dan Dale
    kind: person
    roles:
      - { role: Treasurer of Examplia, from: 2018-08-24 }
  - id: sg
    name: Erin Ewing
    kind: person
    roles:
      - { role: Secretary-General of the United Nations, from: 2017-01-01 }
  - id: commission
    name: Fay Fenn
    kind: person
    roles:
      - { role: President of the European Commission, from: 2019-12-01 }
  - id: council
    name: Gus Gray
    kind: person
    roles:
      - { role: President of the European Council, from: 2024-12-01 }
  - id: austin
    name: Hal Austin
    kind: person
    aliases: [Austin]
`;

/** Each marked range's person, as `describeMarkedPeople` writes it. */
function people(fixtureText: string): string[] {
  return describeMarkedPeople(fixtureText, KNOWLEDGE);
}

test('a middle initial that is also an article stays inside the name', () => {
  assert.deepEqual(people('Esper and Milley Hold a Briefing\n\nSource: DOD\n\nToday <[Gen. Mark A. Milley]> spoke to the press.'), [
    'Mark A. Milley → Mark A. Milley (Gen)',
  ]);
});

test('a romanised given name keeps its lower-case syllable; an English word after a hyphen does not join', () => {
  assert.deepEqual(
    people(
      'Visit to Seoul\n\nSource: DOD\n\nHe met South Korean Minister of National Defense <[Lee Jong-sup]> and a <[German]>-led delegation, then <[Lee]> left.',
    ),
    ['Lee Jong-sup → Lee Jong-sup (South Korean Minister of National Defense)', 'nothing', 'Lee → Lee Jong-sup ()'],
  );
});

test('a headline verb in the plural ends the subject: no organisation runs across it', () => {
  assert.deepEqual(people('<[Austin]> Reaffirms Alliance in Manila\n\nSource: DOD\n\nThe secretary arrived on Monday.'), ['Austin → Hal Austin ()']);
});

test('courtesy titles of Westminster pages are not part of the name, and "Senator the Hon" holds the role before it', () => {
  assert.deepEqual(
    people(
      'Ministers meet\n\nSource: Defence\n\nToday the Honourable <[Jane Roe]>, Minister of National Defence, met the Minister for Foreign Affairs, Senator the Hon <[Mary Poe]>.',
    ),
    ['Jane Roe → Jane Roe (Minister of National Defence)', 'Mary Poe → Mary Poe (Minister for Foreign Affairs)'],
  );
});

test('a rank after a post is the holder’s rank, not part of the post', () => {
  assert.deepEqual(people('Visit\n\nSource: NATO\n\nThe Deputy Chief of Defence Brigadier General <[Jan Smit]> visited the troops.'), [
    'Jan Smit → Jan Smit (Deputy Chief of Defence)',
  ]);
});

test('a royal title after a post is the holder’s, not part of the post', () => {
  assert.deepEqual(people('Talks in Riyadh\n\nSource: GOV.UK\n\nShe met Saudi Foreign Minister Prince <[Faisal bin Farhan]> today.'), [
    'Faisal bin Farhan → Faisal bin Farhan (Saudi Foreign Minister)',
  ]);
});

test('an adjective made from a plural country name is its demonym, and the role keeps it', () => {
  assert.deepEqual(people('Visit to Manila\n\nSource: DOD\n\nHe met Philippine Secretary of National Defense <[Carlo Reyes]> today.'), [
    'Carlo Reyes → Carlo Reyes (Philippine Secretary of National Defense)',
  ]);
});

test('the office a spokesperson speaks for is a title-only mention of its holder', () => {
  assert.deepEqual(
    people(
      'Daily Press Briefing by the Office of the Spokesperson for <[the Secretary-General]>\n\nSource: United Nations\n\n8 February 2023\n\nGood afternoon.',
    ),
    ['Secretary-General → Erin Ewing'],
  );
});

test('"the President of the Commission" is the one office it spells out, even after another President was named', () => {
  assert.deepEqual(
    people(
      'Special European Council\n\nSource: Council of the EU\n\n6 March 2025\n\nEuropean Council President Gus Gray welcomed the deal. <[The President of the Commission]> presented the plan.',
    ),
    ['President → Fay Fenn'],
  );
});

test("a publisher's office with a qualifier is named with it: the Press Secretary, not the Secretary", () => {
  assert.deepEqual(
    people(
      'Statement from the Press Secretary\n\nSource: The White House\n\nMarch 4, 2024\n\n<[The Press Secretary]> thanked <[the President]>. <[The Secretary]> of the club was there.',
    ),
    ['Secretary → Bob Baker', 'President → Alice Able', 'Secretary → nothing'],
  );
});

test('"the Treasurer" is the publisher’s Treasurer on the release’s date', () => {
  assert.deepEqual(
    people(
      'Radio interview\n\nSource: PM Transcripts\n\n14 June 2017\n\n<[The Treasurer]> says prices will fall.\n\nBudget statement\n\nSource: PM Transcripts\n\n2 May 2019\n\n<[the Treasurer]> spoke today.',
    ),
    ['Treasurer → Carol Cole', 'Treasurer → Dan Dale'],
  );
});

test('a lower-case title before an irregular past tense ("flew") is a title-only mention', () => {
  assert.deepEqual(people('Trip to Ohio\n\nSource: The White House\n\nMarch 4, 2024\n\n<[The president]> flew to Ohio.'), ['president → Alice Able']);
});
