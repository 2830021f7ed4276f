// Page layouts of the sixth round's publishers (Swedish, Indian, Russian, Australian, EU, UN, US and NATO pages):
// page kinds with the issuing office, mastheads, page fields, meeting lines, trailers under the text and captions.
// Marked ranges are what the reader must be shown: titles or where one code's problems start.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, assertProblems, assertTitles, parsePage } from '../support/pageAssertions';

test('a page kind "from" an office and a "Published <date>" line stand between title and Source; "Article" announces a page', () => {
  const fixture = `Press release

<[Prime Minister receives the President of Estonia]>

Published 3 May 2024

Press release from Prime Minister's Office

Source: Government Offices of Sweden

The Prime Minister received the President at Sager House today.

Article

<[Minister for Trade at the WTO ministerial conference]>

Published 2 March 2024

Article from Ministry for Foreign Affairs

Source: Government Offices of Sweden

The Minister attended the conference in Abu Dhabi.

Statement

<[Statement from the Press Secretary on the Summit]>

Source: The White House

The President will attend the summit.`;
  assertTitles(fixture);
  assertNoProblems(fixture, ['release.missing-source', 'release.truncated']);
  assert.deepEqual(
    parsePage(fixture).parsed.releases.map((release) => release.date?.iso),
    ['2024-05-03', '2024-03-02', undefined],
  );
});

test("a site's name above its skip link is a masthead, and a skip link with a keyboard hint is chrome", () => {
  const fixture = `Organisation for Security and Co-operation in Europe

Skip to main content

OSCE
Newsroom
Press releases and statements

<[Chairperson-in-Office visits the Special Monitoring Mission]>

Source: OSCE

The Chairperson-in-Office met the monitors in Kyiv today.

An official website of the United States Government
Skip to main content (Press Enter).

Transcript

<[Department of Defense Press Briefing in the Pentagon Briefing Room]>

Source: U.S. Department of Defense

MR. SMITH:  Good afternoon.`;
  assertTitles(fixture);
  assertNoProblems(fixture, ['release.missing-title', 'release.missing-source']);
});

test("a masthead under a page's text opens the next page; its fields, on one line or in pairs, date it, a term does not", () => {
  const fixture = `<[Press conference - Parliament House]>

Source: Prime Minister of Australia

PRIME MINISTER:  Thank you all for coming.

JOURNALIST:  Will you travel next week?

PRIME MINISTER:  I will.  Thanks very much.

PM Transcripts

Keating, Paul

Period of Service: 20/12/1991 - 11/03/1996

Release Date:
14/06/1994
Release Type:
Transcript

<[Doorstop interview, Sydney]>

Source: PM Transcripts

PRIME MINISTER:  Good morning.

JOURNALIST:  Good morning, Prime Minister.`;
  assertTitles(fixture);
  assertNoProblems(fixture, ['release.truncated']);
  const { releases } = parsePage(fixture).parsed;
  assert.equal(releases[1].date?.iso, '1994-06-14');
});

test('a section of meetings coverage announces a page whose title has a meeting line and a document symbol under it', () => {
  assertTitles(`<[Statement attributable to the Spokesperson on Haiti]>

Source: United Nations

The Secretary-General welcomes the agreement.

Meetings Coverage and Press Releases

<[Security Council Extends Mission Mandate in Haiti by One Year]>

9700th Meeting (PM)

SC/15800

12 July 2024

Source: United Nations

The Council extended the mandate of the mission today.`);
});

test('under the text, contact blocks, signatures, page fields and blocks ending in chrome are not a cut sentence', () => {
  assertProblems(
    `Council adopts restrictive measures

Source: Council of the EU

The Council today adopted measures against persons responsible for the attacks.

<[The measures will apply from the day after publication, and the]>

Contacts
Press office - General Secretariat of the Council

Statement on the Ebola outbreak

Source: United Nations

The Secretary-General welcomes the decision.

Jane Roe, Spokesperson for the Secretary-General

Telephone conversation with the Prime Minister of Finland

Source: President of Russia

The leaders discussed trade.

Publication date: March 3, 2022, 15:10

Council Hears Briefing on the Sahel

Source: United Nations

Briefers described the situation in the region.

Meetings Coverage
For information media. Not an official record.

Destruction of Chemical Weapons

Source: U.S. Department of State

The regime must account for the sites listed in the report.

Stay connected with the State Department:

External Link Policy`,
    ['release.truncated'],
  );
});

test('an attachment the plain text lost is a dangling reference', () => {
  assertProblems(
    `Joint statement on the talks

Source: U.S. Department of State

The sides agreed on the steps set out in <[the attached annex]>.`,
    ['release.dangling-reference'],
  );
});

test('a caption credited as "Crown copyright." and a caption with its alt text under it are photo captions', () => {
  assertProblems(
    `Defence Secretary visits troops in Estonia

Source: GOV.UK

The Defence Secretary visited the battlegroup today.

<[The Defence Secretary with soldiers at the training area.]>
Crown copyright.

NATO Deputy Secretary General meets the Foreign Minister of Finland

Source: NATO

The Deputy Secretary General welcomed the Minister to NATO Headquarters.

<[NATO Deputy Secretary General and the Foreign Minister of Finland, Jane Doe]>
NATO Deputy Secretary General with the Foreign Minister of Finland, Jane Doe

They discussed the Alliance's northern flank.`,
    ['release.photo-caption'],
  );
});
