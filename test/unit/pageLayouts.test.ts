// Page layouts of Australian, Canadian, EU, UN and US pages saved several to a file: where titles, turns and
// problems are. Marked ranges are what the reader must be shown: titles, turn labels or one problem's spans.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertProblems, assertTitles, assertTurns, parsePage as parse } from '../support/pageAssertions';

test('a section name in the plural ("Readouts") announces the next page; its title need not have a headline verb', () => {
  assertTitles(`<[Minister tables the new defence policy]>

Source: Government of Canada

April 8, 2024

The Minister tabled the policy in the House today.

Readouts

<[Prime Minister speaks with the Premier of Ontario]>

March 28, 2025

Ottawa, Ontario

The Prime Minister spoke today with the Premier about trade.`);
});

test('a pair of page kinds ("Statements and remarks") is a label above the title, never a title without a source', () => {
  const fixture = `<[Council adopts conclusions on the Arctic]>

Source: Council of the EU

The Council adopted conclusions today.

Council of the EU

Statements and remarks

1 August 2024

<[Venezuela: Statement by the High Representative on behalf of the EU on the outcome of the vote count]>

Source: Council of the EU

The European Union has taken note of the announcement.`;
  assertTitles(fixture);
  assertProblems(fixture.replace(/<\[|\]>/g, ''), ['release.missing-source', 'release.empty-body']);
});

test("a site's name above the page, repeated in its Source line, is the masthead and not the release's title", () => {
  assertTitles(`Skip to main content

Prime Minister of Australia

Media

<[Doorstop interview - Jakarta]>

Transcript

Prime Minister Jane Citizen
The Hon Jane Citizen MP
Prime Minister of Australia

Source: Prime Minister of Australia

3 June 2024

PRIME MINISTER: Good morning, everyone.

JOURNALIST: Prime Minister, what did you agree today?`);
});

test("a byline and a place line under a page's title are not a second title", () => {
  assertTitles(`<[Secretary Example Meets Counterpart]>

Source: U.S. Department of State

The Secretary met her counterpart today.

Remarks

<[Secretary's Remarks to the Press]>

Jane Example, Secretary of State

Vientiane, Laos

July 26, 2024

SECRETARY EXAMPLE:  Well, thank you all for coming.

QUESTION:  Madam Secretary, what did you discuss?`);
});

test('upper-case labels alone on their line speak the next paragraph, and the host an interview title names asks', () => {
  assertTurns(
    `Radio interview with Anna Bright, City Radio

Source: PM Transcripts

<[ANNA BRIGHT]>:

Prime Minister, welcome.

<[PRIME MINISTER]>:

Good morning, Anna.

<[BRIGHT]>:

Will power prices fall?

<[PRIME MINISTER]>:

They will.`,
    [true, false, true, false],
  );
});

test('page fields written like labels are not turns, and a label never runs over a line break', () => {
  assertTurns(
    `Doorstop interview - Hobart

Source: Prime Minister of Australia

Subjects: Energy prices; the Budget; Tasmania.

<[PRIME MINISTER]>:  Good morning.

<[JOURNALIST]>:  Prime Minister, on the Budget?

Minister's Office
Defence Media: media@example.gov.au

Period of Service: 15/09/2015 - 24/08/2018`,
    [false, true],
  );
});

test('a caption sentence credited with © on the line under it is a photo caption', () => {
  assertProblems(
    `Special European Council, 6 March 2025

Source: Council of the EU

EU leaders met in Brussels to discuss support for Ukraine.

<[Two leaders at the press conference after the special meeting of the European Council]>
© European Union

The leaders agreed to meet again in June.`,
    ['release.photo-caption'],
  );
});

test("an archived page's banner and the not-an-official-record line are chrome: no untitled text, no cut sentence", () => {
  assertProblems(
    `You have accessed part of a historical collection on example.gov. Some links may not work.

Transcript

Council Hears Briefing on the Energy Grid

Source: United Nations

The representative of Ukraine said the attacks were meant to

For information media. Not an official record.`,
    ['release.missing-title'],
  );
  // The cut sentence is flagged on the release's own last paragraph.
  const { parsed, main } = parse(`Council Hears Briefing on the Energy Grid

Source: United Nations

<[The representative of Ukraine said the attacks were meant to]>

For information media. Not an official record.`);
  const truncation = parsed.problems.find((p) => p.code === 'release.truncated');
  assert.deepEqual(truncation?.span, main.ranges[0]);
});

test('a numeric date is read when a part over 12 says which is the day; otherwise it is no date', () => {
  const { parsed } = parse(`Statement on the Budget

Source: PM Transcripts

Release Date: 14/06/2017

The Treasurer will speak at noon.

Statement on Trade

Source: PM Transcripts

Release Date: 06/07/2017

The Minister will speak at noon.`);
  assert.deepEqual(
    parsed.releases.map((r) => r.date?.iso),
    ['2017-06-14', undefined],
  );
});

test('a breadcrumb trail, from "Home" or not, is chrome: never a title, and never the cut last line of the page before it', () => {
  const fixture = `Home › News › Press releases › 2024

<[Minister announces new support for flood-hit farmers]>

Source: Department of Agriculture

The Minister today announced a support scheme for farmers affected by the floods.

News › Press releases › Agriculture and food › 2023

<[Minister opens the national ploughing championships]>

Source: Department of Agriculture

The Minister opened the championships this morning.`;
  assertTitles(fixture);
  assertProblems(fixture.replace(/<\[|\]>/g, ''), ['release.truncated', 'release.missing-source', 'release.empty-body']);
});

test("a site's name, its strapline and its menu above the page are chrome, not untitled text or a title", () => {
  assertProblems(
    `Defence.gov.au
The official website of the Australian Department of Defence

Home
News
Media releases
Speeches

Defence Minister welcomes new patrol boats

Source: Department of Defence

The Minister welcomed two new patrol boats in Darwin today.`,
    ['release.missing-title', 'release.missing-source'],
  );
  // A bulleted menu between two pages is chrome too: the page before it does not end with it.
  assertProblems(
    `Chancellor meets the President of Kenya

Source: Federal Government

The Chancellor received the President in Berlin.

• Home Page
• Chancellor
• Media Center and Press Releases Archive`,
    ['release.truncated'],
  );
  assertTitles(`Organization for Security and Co-operation in Europe

OSCE
Home
Newsroom
Events

Joint press conference

<[Joint press conference by the OSCE Chairperson-in-Office and the Foreign Minister of Malta on the situation in the region]>

Source: OSCE

Moderator: Good afternoon.`);
});

test('"Press conference" or "Joint media release" above a page in the middle of a file labels the page; the headline under it is the title', () => {
  const fixture = `<[Telephone conversation with the Prime Minister of India]>

Source: Élysée

The President spoke with the Prime Minister this afternoon.

Press conference

12 July 2023

<[Press conference by the President of the Republic at the end of the European Council in Brussels]>

Source: Élysée

Emmanuel MACRON: Good evening.

Joint media release

<[Ministers agree on a new defence cooperation plan]>

Source: Department of Defence

The ministers met in Canberra today.`;
  assertTitles(fixture);
  const { parsed } = parse(fixture);
  assert.deepEqual(
    parsed.releases.map((release) => release.metadata.filter((line) => line.kind === 'label').map((line) => line.text)),
    [[], ['Press conference'], ['Joint media release']],
  );
});

test('a "From:" line is a page field, not a turn, and the address of a contact block is not a cut sentence', () => {
  const fixture = `Remarks by the Minister at the launch of the housing plan

Source: gov.ie

From: Department of Housing
Published on 4 April 2025

<[Minister]>: Good morning.  The plan sets out how the homes will be built.

<[Journalist]>: When will the first homes be built?

<[Minister]>: Next year.

Department of Housing
Custom House, Custom House Quay, Dublin 1, D01 W6X0`;
  assertTurns(fixture, [false, true, false]);
  assertProblems(fixture.replace(/<\[|\]>/g, ''), ['release.truncated']);
  // A cut sentence of capitalised places is still cut: it has lower-case words and no number.
  assertProblems(
    `Minister visits the west

Source: gov.ie

<[The Minister met farmers in Cork, Kerry, Galway and]>`,
    ['release.truncated'],
  );
});

test('an agency photo credit ("UN Photo/Name") closes a caption, and links "below", "linked here" or "at this link" dangle', () => {
  assertProblems(
    `Assembly adopts resolution on ocean protection

Source: United Nations

The General Assembly today adopted a resolution on the high seas.

<[Delegates in the Assembly Hall during the vote.]>
UN Photo/Evan Schneider

The full text of the resolution can be found <[at the link below]>.

Figures for each region are in the table <[linked here]>.

Delegations may register <[at this link]>.`,
    ['release.photo-caption', 'release.dangling-reference'],
  );
});
