// Title-only mentions resolved by terms of office: the publisher's own office holder on the release's date (even
// after another country's leader was named), else the holder named before it in the release, else an office
// written in full; hover states the term.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEntityFile } from '../../server/src/annotations/entityFile';
import { computeEntityCard } from '../../server/src/features/entityCard';
import { findMarkedPeople } from '../support/personMentions';
import { parseFixture } from '../support/fixture';

const KNOWLEDGE = `entities:
  - id: white-house
    name: The White House
    kind: organisation
    offices: [President of the United States]
  - id: biden
    name: Joseph R. Biden Jr.
    kind: person
    aliases: [Biden]
    roles:
      - { role: President of the United States, from: 2021-01-20, to: 2025-01-20 }
  - id: trump
    name: Donald J. Trump
    kind: person
    roles:
      - { role: President of the United States, from: 2017-01-20, to: 2021-01-20 }
      - { role: President of the United States, from: 2025-01-20 }
  - id: michel
    name: Charles Michel
    kind: person
    roles:
      - { role: President of the European Council, from: 2019-12-01, to: 2024-12-01 }
  - id: costa
    name: António Costa
    kind: person
    roles:
      - { role: President of the European Council, from: 2024-12-01 }
`;

/** Who each marked range names, in text order. */
function holders(fixtureText: string): string[] {
  const { main, entities, mentions } = findMarkedPeople(fixtureText, KNOWLEDGE);
  return mentions.map(
    (mention) => `${mention ? main.text.slice(mention.span.start, mention.span.end) : '?'} → ${(mention && entities.resolve(mention)?.id) ?? 'nothing'}`,
  );
}

test("a publisher's bare title is its office holder on the release's date, whoever else the file names", () => {
  const text = `Statement on the Budget

Source: The White House

March 4, 2024

<[The President]> will sign the bill today.

Statement on Trade

Source: The White House

February 21, 2025

<[The President]> met President Macron of France.  Later <[the President]> said trade would grow.
`;
  assert.deepEqual(holders(text), ['President → biden', 'President → trump', 'President → trump']);
});

test('a foreign leader named before a bare title is meant only where the publisher holds no office of that title', () => {
  const text = `Foreign Secretary visits Kyiv

Source: GOV.UK

12 September 2024

The Foreign Secretary met President Zelenskyy in Kyiv.  <[The President]> thanked the UK for its support.

Readout of the Call with President Mulino

Source: The White House

January 30, 2025

President Trump spoke today with Panamanian President José Raúl Mulino.  <[The President]> set out his priorities for the canal.

Remarks by President Trump and President Mulino

Source: The White House

January 31, 2025

PRESIDENT MULINO:  Thank you for the welcome.

THE PRESIDENT:  Thank you, <[Mr. President]>.
`;
  assert.deepEqual(holders(text), ['President → person:zelenskyy', 'President → trump', 'Mr. President → person:jose raul mulino']);
});

test('a title written in full is the holder of that office on the date, for any publisher', () => {
  const text = `Leaders meet in Brussels

Source: Council of the EU

27 June 2024

<[The President of the European Council]> opened the meeting.

EU-Canada summit, Brussels, 23 June 2025

Source: Council of the EU

<[The President of the European Council]> welcomed the partnership.
`;
  assert.deepEqual(holders(text), ['President → michel', 'President → costa']);
});

test('a title written in full after another holder of the bare title is the holder of that office', () => {
  const text = `Leaders meet in Kyiv

Source: Council of the EU

12 September 2024

President Zelenskyy welcomed the delegation.  <[The President]> then called <[the President of the European Council]>.
`;
  assert.deepEqual(holders(text), ['President → person:zelenskyy', 'President → michel']);
});

test('the terms of office parse; malformed dates make the entry an error', () => {
  const good = parseEntityFile(KNOWLEDGE);
  assert.deepEqual(good.problems, []);
  assert.deepEqual(good.records.find((r) => r.id === 'trump')?.terms, [
    { role: 'President of the United States', from: '2017-01-20', to: '2021-01-20' },
    { role: 'President of the United States', from: '2025-01-20', to: undefined },
  ]);
  const bad = parseEntityFile('entities:\n  - id: x\n    name: X\n    kind: person\n    roles:\n      - { role: Mayor, from: last year }\n');
  assert.deepEqual(
    bad.problems.map((p) => p.message),
    ['This entry is ignored: the term of “Mayor” must give `from` and `to` as YYYY-MM-DD.'],
  );
});

test("hover on a title-only mention states the term held on the release's date", () => {
  const { main, corpus } = parseFixture(`Statement on Trade

Source: The White House

February 21, 2025

<[The President]> spoke.
`);
  corpus.entities.setKnowledgeBase([parseEntityFile(KNOWLEDGE)]);
  const hit = corpus.entities.findMentionAt(main.uri, main.ranges[0].end - 1)!;
  const card = computeEntityCard(corpus, hit.entity!, 5, hit.mention);
  assert.deepEqual(card.termHeld, { date: '2025-02-21', term: { role: 'President of the United States', from: '2025-01-20', to: undefined } });
});
