// The parser on every layout of the corpus and on edge cases. One check(fixture, expected) per case: the
// fixture is press text (markers: <[ ]> expected title spans), the expectation the printed model.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { printParsedCorpusFile } from '../../server/src/corpus/print';
import { parseFixture } from '../support/fixture';

function check(fixture: string, expected: string): void {
  const { main } = parseFixture(fixture);
  const parsed = parseCorpusFile(main.text);
  assert.equal(printParsedCorpusFile(main.text, parsed), expected.trim());
  if (main.ranges.length) {
    assert.deepEqual(
      parsed.releases.flatMap((release) => release.titleSpans),
      main.ranges,
      'title spans',
    );
  }
}

test('a list of Title / Source / body releases', () => {
  check(
    `<[Chair of the NATO Military Committee visits Belgium]>

Source: NATO

From 6 to 7 May 2024, the Chair of the NATO Military Committee, Admiral Rob Bauer, paid an official visit to Belgium.

<[Statement by the North Atlantic Council on recent Russian hybrid activities]>

Source: NATO

NATO Allies are deeply concerned about recent malign activities on Allied territory.
`,
    `
release "Chair of the NATO Military Committee visits Belgium" visit source=NATO date=2024-05-06..2024-05-07 "From 6 to 7 May 2024" paragraphs=1
release "Statement by the North Atlantic Council on recent Russian hybrid activities" statement source=NATO paragraphs=1`,
  );
});

test('releases without Source lines, separated by blank lines', () => {
  check(
    `<[NATO Secretary General meets with European Union Defence Ministers]>

NATO Secretary General Jens Stoltenberg joined EU Defence Ministers on Tuesday (16 November 2021) to address issues.

The Secretary General underlined that NATO stands in full solidarity with Poland.


<[Doorstep statement by NATO Secretary General Jens Stoltenberg at the Council of the EU]>

I look forward to meet the EU Defence Ministers.

On Ukraine.

We are watching closely the military build-up by Russia.`,
    `
release "NATO Secretary General meets with European Union Defence Ministers" meeting date=2021-11-16 "Tuesday (16 November 2021)" paragraphs=2
release "Doorstep statement by NATO Secretary General Jens Stoltenberg at the Council of the EU" statement paragraphs=3
problem release.missing-source "NATO Secretary General meets with European Union Defence Min"
problem release.missing-source "Doorstep statement by NATO Secretary General Jens Stoltenber"`,
  );
});

test('a press conference: two-block title, bullet metadata, delivery note, speaker turns, inaudible', () => {
  check(
    `<[Press conference]>

<[by NATO Secretary General Jens Stoltenberg following the meetings of NATO Ministers of Foreign Affairs in Brussels]>

  • 04 Apr. 2024 -
  • Last updated: 05 Apr. 2024 12:01

(As delivered)

Good afternoon.

NATO Spokesperson Farah Dakhlallah: Thank you. We'll go to Andrew Gray from Reuters.

Andrew Gray (Reuters): Thank you. Secretary General, can you tell us more?

NATO Secretary General Jens Stoltenberg: Allies understand the urgency.

And they will deliver.

Dmytro Shkurko (National News Agency of Ukraine, Ukrinform): [inaudible]

NATO Secretary General: Well, we have already increased.`,
    `
release "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Ministers of Foreign Affairs in Brussels" press-conference date=2024-04-04 "04 Apr. 2024" paragraphs=7
  bullet "04 Apr. 2024 -"
  bullet "Last updated: 05 Apr. 2024 12:01"
  delivery-note "(As delivered)"
  turn "NATO Spokesperson Farah Dakhlallah" role=NATO Spokesperson name=Farah Dakhlallah
  turn "Andrew Gray (Reuters)" name=Andrew Gray outlet=Reuters question
  turn "NATO Secretary General Jens Stoltenberg" role=NATO Secretary General name=Jens Stoltenberg
  turn "Dmytro Shkurko (National News Agency of Ukraine, Ukrinform)" name=Dmytro Shkurko outlet=National News Agency of Ukraine, Ukrinform question
  turn "NATO Secretary General" role=NATO Secretary General
problem release.missing-source "Press conference"
problem transcript.inaudible "[inaudible]"`,
  );
});

test("a scraped web page: banner chrome, a title with a colon, photo captions (whose date is not the release's), a Related Stories stub", () => {
  check(
    `An official website of the United States Government\u00a0
Here's how you know

Secure .gov websites use HTTPS

<[Stoltenberg: Ukraine Can Count on NATO For Long Haul]>

Military and political leaders today capped off a three-day summit in Washington.

A man in a suit stands behind a lectern.
Stoltenberg Remarks
NATO Secretary General Jens Stoltenberg speaks in Washington, July 11, 2024.
Credit: NATO
VIRIN: 240711-D-D0439-001C

"At this summit, we are turning a corner," Stoltenberg said.\u00a0

\u00a0

Related Stories`,
    `
chrome "An official website of the United States Government / Here's how you know"
chrome "Secure .gov websites use HTTPS"
release "Stoltenberg: Ukraine Can Count on NATO For Long Haul" article paragraphs=2
  caption "Stoltenberg Remarks" credit=NATO
  chrome "Related Stories"
problem release.boilerplate "An official website of the United States Government Here's h"
problem release.boilerplate "Secure .gov websites use HTTPS"
problem release.missing-source "Stoltenberg: Ukraine Can Count on NATO For Long Haul"
problem release.photo-caption "A man in a suit stands behind a lectern. Stoltenberg Remarks"
problem release.boilerplate "Related Stories"`,
  );
});

test('a release ending with a colon that introduces nothing is truncated; a dangling "here" is reported', () => {
  check(
    `NATO Through Time podcast – Who leads NATO? with Secretary General Jens Stoltenberg

Source: NATO

The report can be accessed here.

The podcast is available on YouTube, and on all major podcast platforms, including:`,
    `
release "NATO Through Time podcast – Who leads NATO? with Secretary General Jens Stoltenberg" podcast source=NATO paragraphs=2
problem release.dangling-reference "can be accessed here"
problem release.truncated "The podcast is available on YouTube, and on all major podcas"`,
  );
});

test('in a file whose lines end with a lone CR, a truncated release is marked on its own last line', () => {
  const text = [
    'Minister visits Brussels',
    '',
    'Source: NATO',
    '',
    'The minister met officials.',
    '',
    'She will return to Brussels next month to continue the',
  ].join('\r');
  const truncated = parseCorpusFile(text).problems.filter((problem) => problem.code === 'release.truncated');
  assert.deepEqual(
    truncated.map((problem) => text.slice(problem.span.start, problem.span.end)),
    ['She will return to Brussels next month to continue the'],
  );
});

test('a lone quotation with a label in a news release is not a transcript turn', () => {
  check(
    `Chair of NATO Military Committee visits Mauritania

Source: NATO

Admiral Bauer: “As we celebrate the 75th anniversary of NATO, we are looking to deepen our Partnerships.”`,
    `release "Chair of NATO Military Committee visits Mauritania" visit source=NATO paragraphs=1`,
  );
});

test('a subheading inside one release does not start a new release', () => {
  check(
    `FACT SHEET: Allies Strengthen Deterrence and Defense

Source: The White House

Today Allies agreed a set of measures.

Strengthening Air Defense Across the Alliance

Allies will deliver additional systems to Ukraine this year.`,
    `release "FACT SHEET: Allies Strengthen Deterrence and Defense" fact-sheet source=The White House paragraphs=3`,
  );
});

test('a title followed directly by the next title has an empty body', () => {
  check(
    `Secretary General meets the Prime Minister of Norway

Secretary General visits Latvia

Source: NATO

The Secretary General visited Riga on Monday (3 June 2024).`,
    `
release "Secretary General meets the Prime Minister of Norway" meeting paragraphs=0
release "Secretary General visits Latvia" visit source=NATO date=2024-06-03 "Monday (3 June 2024)" paragraphs=1
problem release.missing-source "Secretary General meets the Prime Minister of Norway"
problem release.empty-body "Secretary General meets the Prime Minister of Norway"`,
  );
});

test('text before any title is an untitled release, reported', () => {
  check(
    `We stand in solidarity with Germany following the malicious cyber campaign.

Allies recognize that Germany and Czechia have attributed the activities.`,
    `
release "" news-release paragraphs=2
problem release.missing-title "We stand in solidarity with Germany following the malicious "`,
  );
});

test('edge cases: empty file, white space only, all boilerplate', () => {
  check('', '');
  check('\n\n \u00a0\n', '');
  check(
    `Skip to main content\n\nHere's how you know\n\nRelated Stories\n`,
    `
chrome "Skip to main content"
chrome "Here's how you know"
chrome "Related Stories"
problem release.boilerplate "Skip to main content"
problem release.boilerplate "Here's how you know"
problem release.boilerplate "Related Stories"`,
  );
});

test('edge cases: a one-line file is a title with an empty body', () => {
  check(
    '<[NATO Secretary General visits Finland]>',
    `
release "NATO Secretary General visits Finland" visit paragraphs=0
problem release.missing-source "NATO Secretary General visits Finland"
problem release.empty-body "NATO Secretary General visits Finland"`,
  );
});

test('edge cases: CRLF line ends, a byte order mark and no trailing newline keep exact offsets', () => {
  const text =
    '\ufeffAllies meet in Brussels\r\n\r\nSource: NATO\r\n\r\nAllies met on Friday (5 April 2024).\r\n\r\nSecond release visits Oslo\r\n\r\nSource: NATO\r\n\r\nThey travelled to Oslo.';
  const parsed = parseCorpusFile(text);
  assert.deepEqual(
    parsed.releases.map((r) => text.slice(r.titleSpans[0].start, r.titleSpans[0].end)),
    ['Allies meet in Brussels', 'Second release visits Oslo'],
  );
  assert.deepEqual(
    parsed.releases.map((r) => text.slice(r.source!.span.start, r.source!.span.end)),
    ['Source: NATO', 'Source: NATO'],
  );
  assert.equal(parsed.releases[0].date?.iso, '2024-04-05');
  assert.equal(text.slice(parsed.releases[1].span.start, parsed.releases[1].span.end).endsWith('They travelled to Oslo.'), true);
  assert.deepEqual(parsed.problems, []);
});

test('parsing never throws, whatever the bytes', () => {
  for (const text of ['\u0000\u0001binary\u0000', ':', 'Source: NATO', '•', '(', 'A:\n\nB: c', '\r\r\r', 'x'.repeat(100000)]) {
    assert.doesNotThrow(() => parseCorpusFile(text));
  }
});

test('a list of 131,072 bullet lines parses into metadata lines without overflowing the call stack', () => {
  const text = 'Fact Sheet: Measures Announced Today\n\n' + '• A measure taken\n'.repeat(131072);
  const parsed = parseCorpusFile(text);
  assert.equal(parsed.releases.length, 1);
  assert.equal(parsed.releases[0].title, 'Fact Sheet: Measures Announced Today');
  assert.equal(parsed.releases[0].metadata.length, 131072);
  assert.deepEqual(parsed.releases[0].metadata[131071], { kind: 'bullet', text: 'A measure taken', span: { start: text.length - 18, end: text.length - 1 } });
});

test("a year-less dateline opening a release takes the year the release writes, else the nearest dated release's", () => {
  check(
    `Exercise concludes with live firing

Source: NATO

From 27 to 29 May, troops took part in the final phase of the exercise, which began in January 2024.

Allies meet in Brussels

Source: NATO

05 Mar. 2025

Ministers met today.

Ministers visit the troops

Source: NATO

On 7 March, ministers visited the troops.`,
    `
release "Exercise concludes with live firing" news-release source=NATO date=2024-05-27..2024-05-29 "From 27 to 29 May" paragraphs=1
release "Allies meet in Brussels" meeting source=NATO date=2025-03-05 "05 Mar. 2025" paragraphs=1
  published "05 Mar. 2025"
release "Ministers visit the troops" visit source=NATO date=2025-03-07 "On 7 March" paragraphs=1`,
  );
});

test("a year-less dateline between two dated releases takes the nearer one's year, the earlier one's when both are as near", () => {
  check(
    `Allies meet in Brussels

Source: NATO

05 Mar. 2023

Ministers met today.

Ministers visit the troops

Source: NATO

On 7 March, ministers visited the troops.

Allies meet in Vilnius

Source: NATO

05 Mar. 2025

Ministers met again.

Ministers hold talks

Source: NATO

Ministers held talks.

Ministers visit the port

Source: NATO

On 9 March, ministers visited the port.

Allies meet in Riga

Source: NATO

05 Mar. 2026

Ministers met once more.`,
    `
release "Allies meet in Brussels" meeting source=NATO date=2023-03-05 "05 Mar. 2023" paragraphs=1
  published "05 Mar. 2023"
release "Ministers visit the troops" visit source=NATO date=2023-03-07 "On 7 March" paragraphs=1
release "Allies meet in Vilnius" meeting source=NATO date=2025-03-05 "05 Mar. 2025" paragraphs=1
  published "05 Mar. 2025"
release "Ministers hold talks" news-release source=NATO paragraphs=1
release "Ministers visit the port" visit source=NATO date=2026-03-09 "On 9 March" paragraphs=1
release "Allies meet in Riga" meeting source=NATO date=2026-03-05 "05 Mar. 2026" paragraphs=1
  published "05 Mar. 2026"`,
  );
});

test('a line repeated word for word is read by its place: a page-kind label alone is text, the same label with a title line under it is a title', () => {
  check(
    `Transcript

Minutes of the meeting were kept by the secretariat.

Transcript

by the NATO Secretary General

Source: NATO

Q: Was a plan agreed?

THE SECRETARY GENERAL: It was.

Q: Was a plan agreed?

THE SECRETARY GENERAL: It was.
`,
    `release "" news-release paragraphs=2
release "Transcript by the NATO Secretary General" press-conference source=NATO paragraphs=4
  turn "Q" question
  turn "THE SECRETARY GENERAL" role=THE SECRETARY GENERAL
  turn "Q" question
  turn "THE SECRETARY GENERAL" role=THE SECRETARY GENERAL
problem release.missing-title "Transcript"`,
  );
});
