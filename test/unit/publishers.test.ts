// Layouts of other publishers, as scrapers save them: the parser must find the same things there.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { printParsedCorpusFile } from '../../server/src/corpus/print';

function check(text: string, expected: string): void {
  assert.equal(printParsedCorpusFile(text, parseCorpusFile(text)), expected.trim());
}

test('White House: section labels and a date line above the body, ### end mark', () => {
  check(
    `Statements and Releases

Readout of President Biden’s Meeting with Prime Minister Kishida of Japan

July 10, 2024

Briefing Room

Statements and Releases

President Joseph R. Biden, Jr. met today with Prime Minister Kishida Fumio of Japan on the margins of the NATO Summit in Washington.

The two leaders reaffirmed the strength of the U.S.-Japan Alliance.

###`,
    `
chrome "Statements and Releases"
release "Readout of President Biden’s Meeting with Prime Minister Kishida of Japan" statement date=2024-07-10 "July 10, 2024" paragraphs=2
  published "July 10, 2024"
  chrome "Briefing Room"
  chrome "Statements and Releases"
  chrome "###"
problem release.boilerplate "Statements and Releases"
problem release.missing-source "Readout of President Biden’s Meeting with Prime Minister Kis"
problem release.boilerplate "Briefing Room"
problem release.boilerplate "Statements and Releases"
problem release.boilerplate "###"`,
  );
});

test('GOV.UK: a document type label above the title, From and Published blocks', () => {
  check(
    `Press release

PM meets President Zelenskyy of Ukraine: 10 July 2024

Prime Minister Keir Starmer met President Zelenskyy of Ukraine at the NATO Summit in Washington today.

From:
Prime Minister's Office, 10 Downing Street and The Rt Hon Sir Keir Starmer KCB KC MP

Published
10 July 2024

The Prime Minister reaffirmed the UK’s unwavering support for Ukraine.`,
    `
release "PM meets President Zelenskyy of Ukraine: 10 July 2024" meeting date=2024-07-10 "10 July 2024" paragraphs=2
  label "Press release"
  published "From: / Prime Minister's Office, 10 Downing Street and The Rt Hon Sir Keir Starmer KCB KC MP"
  published "Published / 10 July 2024"
problem release.missing-source "PM meets President Zelenskyy of Ukraine: 10 July 2024"`,
  );
});

test('EU Council: type, date and time lines in one block above a title with a colon', () => {
  check(
    `Press release
12 July 2024
11:30

Russia’s war of aggression against Ukraine: Council prolongs economic sanctions

The Council today decided to prolong the restrictive measures targeting specific sectors of the economy of the Russian Federation until 31 January 2025.`,
    `
release "Russia’s war of aggression against Ukraine: Council prolongs economic sanctions" news-release date=2024-07-12 "12 July 2024" paragraphs=1
  label "Press release"
  published "12 July 2024"
  published "11:30"
problem release.missing-source "Russia’s war of aggression against Ukraine: Council prolongs"`,
  );
});

test('UN: document symbol, date, organ and meeting lines above the title', () => {
  check(
    `SC/15760

12 July 2024

Security Council

9680th Meeting (AM)

Speakers Urge Security Council to Support Humanitarian Access in Sudan

The Security Council heard briefings today on the humanitarian situation in Sudan, as speakers urged access.`,
    `
release "Speakers Urge Security Council to Support Humanitarian Access in Sudan" news-release date=2024-07-12 "12 July 2024" paragraphs=1
  label "SC/15760"
  published "12 July 2024"
  label "Security Council"
  label "9680th Meeting (AM)"
problem release.missing-source "Speakers Urge Security Council to Support Humanitarian Acces"`,
  );
});

test('contact lines at the end are not a truncated release', () => {
  check(
    `Allies agree new air defence measures

Source: NATO

Allies agreed new measures today.

Media contact: NATO Press Office, +32 2 707 5041`,
    `release "Allies agree new air defence measures" news-release source=NATO paragraphs=2`,
  );
});

test('defense.gov: a byline under the title is metadata; decorative separators are chrome', () => {
  check(
    `Austin Hosts Ukraine Defense Contact Group Meeting in Brussels

By Jim Garamone, DOD News

June 13, 2024

Defense Secretary Lloyd J. Austin III hosted the Ukraine Defense Contact Group meeting today.

* * *`,
    `
release "Austin Hosts Ukraine Defense Contact Group Meeting in Brussels" meeting date=2024-06-13 "June 13, 2024" paragraphs=1
  byline "By Jim Garamone, DOD News"
  published "June 13, 2024"
  chrome "* * *"
problem release.missing-source "Austin Hosts Ukraine Defense Contact Group Meeting in Brusse"
problem release.boilerplate "* * *"`,
  );
});

test('several scraped pages in one file: page-kind labels and document symbols head the next page, never titles', () => {
  check(
    `Transcript

Secretary Austin Holds a Press Conference

Source: U.S. Department of Defense

SEC. AUSTIN:  Good morning.

Q:  Thank you.

Statement

Statement from the Press Secretary on the Summit

Source: The White House

The President will travel to Brussels.

SC/15901

9787th Meeting (AM)

Security Council

Security Council Extends Mandate of Mission in South Sudan for One Year, Adopting Resolution 2760 (2025)

The Council today extended the mandate of the Mission.

Press release

EU-Canada summit, Brussels, 23 June 2025

Main results

From 22 to 23 June, EU leaders met the Canadian Prime Minister.`,
    `
release "Secretary Austin Holds a Press Conference" press-conference source=U.S. Department of Defense paragraphs=2
  label "Transcript"
  turn "SEC. AUSTIN" role=SEC. name=AUSTIN
  turn "Q" question
release "Statement from the Press Secretary on the Summit" statement source=The White House paragraphs=1
  label "Statement"
release "Security Council Extends Mandate of Mission in South Sudan for One Year, Adopting Resolution 2760 (2025)" news-release paragraphs=1
  label "SC/15901"
  label "9787th Meeting (AM)"
  label "Security Council"
release "EU-Canada summit, Brussels, 23 June 2025" news-release date=2025-06-23 "23 June 2025" paragraphs=2
  label "Press release"
problem release.missing-source "Security Council Extends Mandate of Mission in South Sudan f"
problem release.missing-source "EU-Canada summit, Brussels, 23 June 2025"`,
  );
});

test('a title without Source opens a release when prose follows past a byline and a date line', () => {
  check(
    `Austin Announces New Aid Package at Ramstein

Source: U.S. Department of Defense

Secretary of Defense Lloyd J. Austin III today announced a new package.

News

Army Opens New Barracks at Fort Bragg

By C. Todd Lopez, DOD News

Aug. 14, 2024

Soldiers moved into renovated barracks this week.`,
    `
release "Austin Announces New Aid Package at Ramstein" news-release source=U.S. Department of Defense paragraphs=1
release "Army Opens New Barracks at Fort Bragg" news-release date=2024-08-14 "Aug. 14, 2024" paragraphs=1
  label "News"
  byline "By C. Todd Lopez, DOD News"
  published "Aug. 14, 2024"
problem release.missing-source "Army Opens New Barracks at Fort Bragg"`,
  );
});

test('trailers are chrome, and truncation is judged on the last paragraph of the release itself', () => {
  check(
    `Statement from National Security Advisor Jake Sullivan

Source: The White House

I want to thank our partners in Germany, Poland and Norway, who made difficult decisions in order to

Related

Readout of President Biden's Call with President Erdoğan of Türkiye

EU prolongs individual sanctions over Russia's war against Ukraine

Source: Council of the EU

The list of persons and entities concerned can be consulted

Council of the EU

Remarks by President Biden at a Juneteenth Concert

Source: WH, 6-11-24

God bless you all, and enjoy the concert.

Posted by Linda at 9:15 PM

No comments:

Post a Comment

Foreign Secretary visits Kyiv

Source: GOV.UK

The visit is the first joint trip by the two foreign ministers.

Is this page useful?
Yes
No

Report a problem with this page`,
    `
release "Statement from National Security Advisor Jake Sullivan" statement source=The White House paragraphs=1
  chrome "Related"
  chrome "Readout of President Biden's Call with President Erdoğan of Türkiye"
release "EU prolongs individual sanctions over Russia's war against Ukraine" news-release source=Council of the EU paragraphs=2
release "Remarks by President Biden at a Juneteenth Concert" speech source=WH, 6-11-24 paragraphs=1
  chrome "Posted by Linda at 9:15 PM"
  chrome "No comments:"
  chrome "Post a Comment"
release "Foreign Secretary visits Kyiv" visit source=GOV.UK paragraphs=1
  chrome "Is this page useful? / Yes / No"
  chrome "Report a problem with this page"
problem release.truncated "I want to thank our partners in Germany, Poland and Norway, "
problem release.boilerplate "Related"
problem release.boilerplate "Readout of President Biden's Call with President Erdoğan of "
problem release.truncated "The list of persons and entities concerned can be consulted"
problem release.boilerplate "Posted by Linda at 9:15 PM"
problem release.boilerplate "No comments:"
problem release.boilerplate "Post a Comment"
problem release.boilerplate "Is this page useful? Yes No"
problem release.boilerplate "Report a problem with this page"`,
  );
});

test('a headline of fifteen words or more after a page-kind label is the next page’s title; social buttons are chrome', () => {
  check(
    `Statement on the Opening of the Harbour Bridge

Source: The White House

The President thanked the workers who built the bridge.

###

Remarks

Remarks by President Carter and Prime Minister Okafor of the Federal Republic of Nigeria Before an Expanded Bilateral Meeting

March 3, 2025

Cabinet Room

THE PRESIDENT:  Thank you all for coming.

PRIME MINISTER OKAFOR:  Thank you, Mr. President.  We have a great deal of work ahead and I am sure we will

Like
Share`,
    `
release "Statement on the Opening of the Harbour Bridge" statement source=The White House paragraphs=1
  chrome "###"
release "Remarks by President Carter and Prime Minister Okafor of the Federal Republic of Nigeria Before an Expanded Bilateral Meeting" speech date=2025-03-03 "March 3, 2025" paragraphs=3
  label "Remarks"
  published "March 3, 2025"
  turn "THE PRESIDENT" role=THE PRESIDENT
  turn "PRIME MINISTER OKAFOR" role=PRIME MINISTER name=OKAFOR
  chrome "Like / Share"
problem release.boilerplate "###"
problem release.missing-source "Remarks by President Carter and Prime Minister Okafor of the"
problem release.truncated "PRIME MINISTER OKAFOR: Thank you, Mr. President. We have a g"
problem release.boilerplate "Like Share"`,
  );
});
