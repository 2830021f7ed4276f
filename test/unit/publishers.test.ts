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
