// Transcripts as publishers other than NATO lay them out (White House, defense.gov, State Department, UN):
// question labels with and without a colon, labels with no blank line before them, upper-case labels with
// courtesy titles and full titles, editorial marks.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { printParsedCorpusFile } from '../../server/src/corpus/print';

function check(text: string, expected: string): void {
  assert.equal(printParsedCorpusFile(text, parseCorpusFile(text)), expected.trim());
}

test('White House briefing: "Q" with no colon opens a question turn, and a one-line question is not a title', () => {
  check(
    `Press Briefing by Press Secretary Karine Jean-Pierre

Source: The White House

MS. JEAN-PIERRE:  Good afternoon, everybody.

Q  Good afternoon.

MS. JEAN-PIERRE:  I have two things at the top.

Q  Is the President going to Pennsylvania tomorrow?

MS. JEAN-PIERRE:  He is.`,
    `
release "Press Briefing by Press Secretary Karine Jean-Pierre" press-conference source=The White House paragraphs=5
  turn "MS. JEAN-PIERRE" honorific=MS. name=JEAN-PIERRE
  turn "Q" question
  turn "MS. JEAN-PIERRE" honorific=MS. name=JEAN-PIERRE
  turn "Q" question
  turn "MS. JEAN-PIERRE" honorific=MS. name=JEAN-PIERRE`,
  );
});

test('a label on the line right after the previous turn, with no blank line, opens the next turn there', () => {
  const text = `Department Press Briefing – June 4, 2024

Source: U.S. Department of State

MR MILLER:  Good afternoon.

QUESTION:  Can I follow up on that?
MR MILLER:  Go ahead.

QUESTION:  Thank you.`;
  const parsed = parseCorpusFile(text);
  assert.equal(
    printParsedCorpusFile(text, parsed),
    `release "Department Press Briefing – June 4, 2024" press-conference source=U.S. Department of State date=2024-06-04 "June 4, 2024" paragraphs=3
  turn "MR MILLER" honorific=MR name=MILLER
  turn "QUESTION" question
  turn "MR MILLER" honorific=MR name=MILLER
  turn "QUESTION" question`,
  );
  // Each turn ends where the next label starts.
  assert.deepEqual(
    parsed.releases[0].turns.map((turn) => text.slice(turn.span.start, turn.span.end)),
    ['MR MILLER:  Good afternoon.', 'QUESTION:  Can I follow up on that?', 'MR MILLER:  Go ahead.', 'QUESTION:  Thank you.'],
  );
});

test('inside a paragraph, a later line is a turn only with a label no sentence starts with, or one already speaking', () => {
  check(
    `Remarks by the Chair at the Opening Session

Source: Council of the EU

Chair: Welcome to all of you.
Ukraine: we stand with you for as long as it takes.

Minister Ivanova: Thank you, Chair.`,
    `
release "Remarks by the Chair at the Opening Session" speech source=Council of the EU paragraphs=2
  turn "Chair" role=Chair
  turn "Minister Ivanova" role=Minister name=Ivanova`,
  );
});

test('upper-case labels split into courtesy title, role and name, generational suffixes included', () => {
  check(
    `Secretary of Defense Lloyd J. Austin III and Gen. CQ Brown, Jr. Hold a Press Conference

Source: U.S. Department of Defense

SECRETARY OF DEFENSE LLOYD J. AUSTIN III:  Good morning.

CHAIRMAN OF THE JOINT CHIEFS OF STAFF GENERAL CHARLES Q. BROWN, JR.:  Thank you, Mr. Secretary.

Q:  Thank you, Mr. Secretary.

SEC. AUSTIN:  We expect the first aircraft this summer.

MAJOR GENERAL PAT RYDER:  All right.

THE PRESIDENT:  Thank you.

Question:  Has the Secretary-General spoken with him?

Correspondent:  A follow-up on Haiti.`,
    `
release "Secretary of Defense Lloyd J. Austin III and Gen. CQ Brown, Jr. Hold a Press Conference" press-conference source=U.S. Department of Defense paragraphs=8
  turn "SECRETARY OF DEFENSE LLOYD J. AUSTIN III" role=SECRETARY OF DEFENSE name=LLOYD J. AUSTIN III
  turn "CHAIRMAN OF THE JOINT CHIEFS OF STAFF GENERAL CHARLES Q. BROWN, JR." role=CHAIRMAN OF THE JOINT CHIEFS OF STAFF GENERAL name=CHARLES Q. BROWN, JR.
  turn "Q" question
  turn "SEC. AUSTIN" role=SEC. name=AUSTIN
  turn "MAJOR GENERAL PAT RYDER" role=MAJOR GENERAL name=PAT RYDER
  turn "THE PRESIDENT" role=THE PRESIDENT
  turn "Question" question
  turn "Correspondent" question`,
  );
});

test('marks of missing words are reported in both bracket styles; laughter, applause and crosstalk are not', () => {
  check(
    `Press Briefing by Pentagon Press Secretary

Source: U.S. Department of Defense

GEN. RYDER:  The pace is set by their training.  (Crosstalk)

Q:  How much did it cost — (Inaudible.)

GEN. RYDER:  About 230 million dollars.  (Laughter.)  (Applause.)

Q:  And General, [inaudible] the pace?

GEN. RYDER:  I'll come back to you (off-mic).`,
    `
release "Press Briefing by Pentagon Press Secretary" press-conference source=U.S. Department of Defense paragraphs=5
  turn "GEN. RYDER" role=GEN. name=RYDER
  turn "Q" question
  turn "GEN. RYDER" role=GEN. name=RYDER
  turn "Q" question
  turn "GEN. RYDER" role=GEN. name=RYDER
problem transcript.inaudible "(Inaudible.)"
problem transcript.inaudible "[inaudible]"
problem transcript.inaudible "(off-mic)"`,
  );
});

test('a first name before a surname in capitals ("Emmanuel MACRON") is a name; an acronym before the name is still a role', () => {
  check(
    `Joint press conference by the President of the Republic and the Federal Chancellor

Source: Élysée

Emmanuel MACRON:  Good evening.

Olaf SCHOLZ:  Thank you, Emmanuel.

EU Spokesperson Eric MAMER:  One more question.

Journalist:  A question for both of you?`,
    `
release "Joint press conference by the President of the Republic and the Federal Chancellor" press-conference source=Élysée paragraphs=4
  turn "Emmanuel MACRON" name=Emmanuel MACRON
  turn "Olaf SCHOLZ" name=Olaf SCHOLZ
  turn "EU Spokesperson Eric MAMER" role=EU Spokesperson name=Eric MAMER
  turn "Journalist" question`,
  );
});

test('role words in parentheses belong to the role, "REPORTER (Outlet)" asks and names no one, one-word and compound offices are roles', () => {
  check(
    `Press Conference by the Chief Cabinet Secretary

Source: Prime Minister's Office of Japan

DEPUTY PRESS SECRETARY (MODERATOR):  We will take questions.

REPORTER (Asahi Shimbun):  On the budget?

Taoiseach:  We will publish it next week.

Tánaiste:  I agree with the Taoiseach.

Secretary-General:  So do I.

Vice-President Kaja Kallas:  And I.

Anna Berg (Interpreter):  The Minister said yes.

Mark Hall (Reuters):  And on trade?`,
    `
release "Press Conference by the Chief Cabinet Secretary" press-conference source=Prime Minister's Office of Japan paragraphs=8
  turn "DEPUTY PRESS SECRETARY (MODERATOR)" role=DEPUTY PRESS SECRETARY (MODERATOR)
  turn "REPORTER (Asahi Shimbun)" outlet=Asahi Shimbun question
  turn "Taoiseach" role=Taoiseach
  turn "Tánaiste" role=Tánaiste
  turn "Secretary-General" role=Secretary-General
  turn "Vice-President Kaja Kallas" role=Vice-President name=Kaja Kallas
  turn "Anna Berg (Interpreter)" role=Interpreter name=Anna Berg
  turn "Mark Hall (Reuters)" name=Mark Hall outlet=Reuters question`,
  );
});

test("a label on the last line of a turn's later paragraph opens the next turn when that speaker has spoken before", () => {
  check(
    `Joint press conference with the Prime Minister of Denmark

Source: NATO

Moderator: Welcome to the press conference.

NATO Secretary General: Thank you.  We discussed air defence.

We also discussed the summit.
Moderator: We have time for one question.

Anna Holm (DR): Will Denmark send more jets?`,
    `
release "Joint press conference with the Prime Minister of Denmark" press-conference source=NATO paragraphs=4
  turn "Moderator" role=Moderator
  turn "NATO Secretary General" role=NATO Secretary General
  turn "Moderator" role=Moderator
  turn "Anna Holm (DR)" name=Anna Holm outlet=DR question`,
  );
});

test("an official's label is never a question, and an interpretation note or a country in parentheses is not an outlet", () => {
  check(
    `Joint Press Conference by the President and the Prime Minister of India

Source: The White House

PRIME MINISTER MODI (via interpreter):  Thank you, Mr. President.

President Zelenskyy (as interpreted):  We are grateful.

Foreign Minister Kuleba (Ukraine):  We need air defence.

Question (interpretation):  Will more be sent?

Kari Holm (NTB):  When?`,
    `
release "Joint Press Conference by the President and the Prime Minister of India" press-conference source=The White House paragraphs=5
  turn "PRIME MINISTER MODI (via interpreter)" role=PRIME MINISTER name=MODI
  turn "President Zelenskyy (as interpreted)" role=President name=Zelenskyy
  turn "Foreign Minister Kuleba (Ukraine)" role=Foreign Minister name=Kuleba
  turn "Question (interpretation)" question
  turn "Kari Holm (NTB)" name=Kari Holm outlet=NTB question`,
  );
});

test('a role and a name on either side of one comma split into role and name, whichever comes first', () => {
  check(
    `Weekly Media Briefing by the Official Spokesperson

Source: Ministry of External Affairs

Official Spokesperson, Shri Randhir Jaiswal:  Good afternoon.

Taoiseach, Micheál Martin:  Thank you.

Kaja KALLAS, High Representative:  We agree.

Question:  And on trade?`,
    `
release "Weekly Media Briefing by the Official Spokesperson" press-conference source=Ministry of External Affairs paragraphs=4
  turn "Official Spokesperson, Shri Randhir Jaiswal" honorific=Shri role=Official Spokesperson name=Randhir Jaiswal
  turn "Taoiseach, Micheál Martin" role=Taoiseach name=Micheál Martin
  turn "Kaja KALLAS, High Representative" role=High Representative name=Kaja KALLAS
  turn "Question" question`,
  );
});

test('a courtesy title after the post, a place completing "of", an acronym before a role in parentheses, a question naming its asker', () => {
  check(
    `Special Briefing by the Home Secretary

Source: Ministry of Home Affairs

Home Secretary Smt Asha Rao:  Good evening.
Question [Lena Berg, Dagens Nyheter]:  Was the border discussed?

President of Finland Matti Virtanen:  It was.

Prime Minister of the United Kingdom Jane Smith:  We agree.

Maria Lopez (UN Spokesperson):  Thank you all.`,
    `
release "Special Briefing by the Home Secretary" press-conference source=Ministry of Home Affairs paragraphs=4
  turn "Home Secretary Smt Asha Rao" honorific=Smt role=Home Secretary name=Asha Rao
  turn "Question [Lena Berg, Dagens Nyheter]" name=Lena Berg outlet=Dagens Nyheter question
  turn "President of Finland Matti Virtanen" role=President of Finland name=Matti Virtanen
  turn "Prime Minister of the United Kingdom Jane Smith" role=Prime Minister of the United Kingdom name=Jane Smith
  turn "Maria Lopez (UN Spokesperson)" role=UN Spokesperson name=Maria Lopez`,
  );
});

test('inside a turn, a later line opens the next turn with an office alone or a name written as one speaking; "Presenters:" lists', () => {
  check(
    `Daily Press Briefing by the Spokesperson

Source: United Nations

Presenters: Spokesperson Jane Roe and Deputy Spokesperson John Doe

Question:  Is the convoy moving?
Spokesman:  It left this morning.

Ivan Petrov:  Good afternoon, colleagues.  Mr Orlov, please.
Pavel Orlov:  The budget is ready.`,
    `
release "Daily Press Briefing by the Spokesperson" press-conference source=United Nations paragraphs=3
  turn "Question" question
  turn "Spokesman" role=Spokesman
  turn "Ivan Petrov" name=Ivan Petrov
  turn "Pavel Orlov" name=Pavel Orlov`,
  );
});
