// Entity recognition on plain strings: names with titles, aliases within a file, capitals and demonyms standing
// for states, abbreviations, roles as stated. Expectations are one line per mention; candidates (words only the
// corpus index can name) are left out.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printMention } from '../../server/src/corpus/entities/entityModel';
import { SpeakerFact } from '../../server/src/corpus/entities/aliases';
import { computeFileEntities, recognizeMentions } from '../../server/src/corpus/entities/recognize';
import { parseCorpusFile } from '../../server/src/corpus/parse';

/** Blocks separated by blank lines are the spans read; "===" on its own line starts the next release. */
function mentionsOf(text: string, speakers: SpeakerFact[] = []): string {
  const segments: { span: { start: number; end: number }; releaseIndex: number }[] = [];
  let releaseIndex = 0;
  for (const match of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
    if (match[0] === '===') releaseIndex++;
    else segments.push({ span: { start: match.index!, end: match.index! + match[0].length }, releaseIndex });
  }
  const found = [...recognizeMentions(text, segments, speakers).mentions].filter((m) => m.form !== 'candidate');
  return found.map((m) => printMention(text, m)).join('\n');
}

function check(text: string, expected: string[], speakers: SpeakerFact[] = []): void {
  assert.equal(mentionsOf(text, speakers), expected.join('\n'));
}

test('full name with title, "Mr" + surname and surname alone are one person', () => {
  check('NATO Secretary General Jens Stoltenberg spoke.\n\nMr Stoltenberg said so. Later, Stoltenberg left.', [
    'organisation/abbreviation “NATO” → organisation:nato',
    'person/name “Jens Stoltenberg” → person:jens stoltenberg (NATO Secretary General)',
    'person/surname “Stoltenberg” → person:jens stoltenberg',
    'person/surname “Stoltenberg” → person:jens stoltenberg',
  ]);
});

test('a title alone is not a vice holder: "the President" after "Vice President Kamala Harris"', () => {
  check('President Joe Biden spoke.\n\n===\n\nVice President Kamala Harris said the President will sign it.', [
    'person/name “Joe Biden” → person:joe biden (President)',
    'person/name “Kamala Harris” → person:kamala harris (Vice President)',
    'person/title “President” → person:joe biden (President)',
  ]);
});

test('a title alone names the nearest holder of that title in the release, not a deputy', () => {
  check('Deputy Secretary General Mircea Geoană met Secretary General Jens Stoltenberg.\n\nThe Secretary General underlined it.', [
    'person/name “Mircea Geoană” → person:mircea geoana (Deputy Secretary General)',
    'person/name “Jens Stoltenberg” → person:jens stoltenberg (Secretary General)',
    'person/title “Secretary General” → person:jens stoltenberg (Secretary General)',
  ]);
});

test('first name alone: "My dear friend Volodymyr"', () => {
  check('Press conference with President Volodymyr Zelenskyy of Ukraine\n\nMy dear friend Volodymyr,\nThank you, Mister President.', [
    'person/name “Volodymyr Zelenskyy” → person:volodymyr zelenskyy (President)',
    'country/name “Ukraine” → country:UKR',
    'person/first-name “Volodymyr” → person:volodymyr zelenskyy',
    'person/title “Mister President” → person:volodymyr zelenskyy (Mister President)',
  ]);
});

test('capitals stand for their states unless the text places something in the city', () => {
  check('The regime in Moscow does not share these values. Moscow, Beijing, Tehran and Pyongyang must not believe it.\n\nThe summit in Brussels.', [
    'country/capital “Moscow” → country:RUS',
    'country/capital “Moscow” → country:RUS',
    'country/capital “Beijing” → country:CHN',
    'country/capital “Tehran” → country:IRN',
    'country/capital “Pyongyang” → country:PRK',
    'place/name “Brussels” → place:brussels',
  ]);
});

test('"Georgia" the country is not a person; demonyms link to their country', () => {
  check('I visited Georgia, Tbilisi. The Georgian people and Ukrainians and the Belgian king welcome Belgians.', [
    'country/name “Georgia” → country:GEO',
    'country/capital “Tbilisi” → country:GEO',
    'country/demonym “Georgian” → country:GEO',
    'country/demonym “Ukrainians” → country:UKR',
    'country/demonym “Belgian” → country:BEL',
    'country/demonym “Belgians” → country:BEL',
  ]);
});

test('abbreviations: organisations, dotted and bare country abbreviations, a defined abbreviation', () => {
  check('Unlike the EU, NATO acts. The U.K. and the US agree. GDP grows. The Russian General Staff Main Intelligence Directorate (GRU) acts.', [
    'organisation/abbreviation “EU” → organisation:eu',
    'organisation/abbreviation “NATO” → organisation:nato',
    'country/abbreviation “U.K.” → country:GBR',
    'country/abbreviation “US” → country:USA',
    'organisation/name “Russian General Staff Main Intelligence Directorate” → organisation:russian general staff main intelligence directorate',
    'organisation/abbreviation “GRU” → organisation:russian general staff main intelligence directorate',
  ]);
});

test('roles as stated: title before the name, apposition after it, apposition before it', () => {
  check(
    'He was received by Minister of Defence Ludivine Dedonder.\n\n' +
      'Admiral Rob Bauer, the Chair of the NATO Military Committee, visited.\n\n' +
      'Here he was received by the President of Mauritania, His Excellency Mohamed Ould Ghazouani.\n\n' +
      'Olha Stefanishyna, Deputy Prime Minister for European and Euro-Atlantic Integration of Ukraine, spoke.',
    [
      'person/name “Ludivine Dedonder” → person:ludivine dedonder (Minister of Defence)',
      'person/name “Rob Bauer” → person:rob bauer (Chair of the NATO Military Committee)',
      'organisation/name “NATO Military Committee” → organisation:nato military committee',
      'country/name “Mauritania” → country:MRT',
      'person/name “Mohamed Ould Ghazouani” → person:mohamed ould ghazouani (President of Mauritania)',
      'person/name “Olha Stefanishyna” → person:olha stefanishyna (Deputy Prime Minister for European and Euro-Atlantic Integration of Ukraine)',
      'country/name “Ukraine” → country:UKR',
    ],
  );
});

test('journalists in transcripts: the speaker label names the person and the outlet for the whole file', () => {
  const text = 'We go to Andrew Gray from Reuters.\n\nAndrew Gray (Reuters): Thank you.\n\nNATO Spokesperson Farah Dakhlallah: Thanks, Andrew.';
  check(
    text,
    [
      'person/name “Andrew Gray” → person:andrew gray',
      'organisation/name “Reuters” → organisation:reuters',
      'person/name “Andrew Gray” → person:andrew gray',
      'organisation/name “Reuters” → organisation:reuters',
      'organisation/abbreviation “NATO” → organisation:nato',
      'person/name “Farah Dakhlallah” → person:farah dakhlallah (NATO Spokesperson)',
      'person/first-name “Andrew” → person:andrew gray',
    ],
    [{ name: 'Andrew Gray', outlet: 'Reuters' }],
  );
});

test('organisation and event names end in their head word; a head word alone is no name', () => {
  check('The Foreign Affairs Council of the European Union met before the Washington Summit and Exercise Northern Forest 24. The Alliance agreed.', [
    'organisation/name “Foreign Affairs Council of the European Union” → organisation:foreign affairs council of the european union',
    'event/name “Washington Summit” → event:washington summit',
    'event/name “Exercise Northern Forest 24” → event:exercise northern forest 24',
  ]);
});

test('a surname introduced in a title later completes its full name: "Ms Tsikhanouskaya" and "Sviatlana Tsikhanouskaya"', () => {
  check('Sviatlana Tsikhanouskaya meets allies.\n\nMs Tsikhanouskaya addressed the North Atlantic Council.', [
    'person/name “Sviatlana Tsikhanouskaya” → person:sviatlana tsikhanouskaya',
    'person/surname “Tsikhanouskaya” → person:sviatlana tsikhanouskaya',
    'organisation/name “North Atlantic Council” → organisation:north atlantic council',
  ]);
});

test('other publishers: initials, abbreviated titles and suffixes ("Gen.", "Ms.", "Jr.", "III") stay inside the name', () => {
  check('Army Gen. Charles Q. Brown Jr. met Secretary of Defense Lloyd J. Austin III.\n\nMs. Amina Diallo spoke. Austin agreed.', [
    'person/name “Charles Q. Brown Jr” → person:charles q brown (Gen)',
    'person/name “Lloyd J. Austin III” → person:lloyd j austin (Secretary of Defense)',
    'person/name “Amina Diallo” → person:amina diallo',
    'person/surname “Austin” → person:lloyd j austin',
  ]);
});

test('titles kept whole before their holder: a qualified post, an office after "of", particles, a rank after the post', () => {
  check(
    'President of the European Council Charles Michel met European Commission President Ursula von der Leyen.\n\n' +
      'National Security Advisor Jake Sullivan and Pentagon Press Secretary Maj. Gen. Pat Ryder spoke. Sgt. Maj. of the Army Michael R. Weimer agreed.',
    [
      'organisation/name “European Council” → organisation:european council',
      'person/name “Charles Michel” → person:charles michel (President of the European Council)',
      'organisation/name “European Commission” → organisation:european commission',
      'person/name “Ursula von der Leyen” → person:ursula von der leyen (European Commission President)',
      'person/name “Jake Sullivan” → person:jake sullivan (National Security Advisor)',
      'organisation/name “Pentagon Press” → organisation:pentagon press',
      'person/name “Pat Ryder” → person:pat ryder (Pentagon Press Secretary)',
      'person/name “Michael R. Weimer” → person:michael r weimer (Sgt. Maj. of the Army)',
    ],
  );
});

test("an office inside a role's complement: the name after it holds that office; its spokesman is not its holder", () => {
  check(
    'Stéphane Dujarric, Spokesman for the Secretary-General, read a statement by the Spokesperson for UN Secretary-General António Guterres. The Secretary-General thanked donors.',
    [
      'person/name “Stéphane Dujarric” → person:stephane dujarric (Spokesman for the Secretary-General)',
      // The office the spokesman speaks for is named too, and means its holder.
      'person/title “Secretary-General” → person:antonio guterres (Secretary-General)',
      'organisation/abbreviation “UN” → organisation:un',
      'person/name “António Guterres” → person:antonio guterres (UN Secretary-General)',
      'person/title “Secretary-General” → person:antonio guterres (Secretary-General)',
    ],
  );
});

test('no entities from page labels in capitals, times of day or address codes', () => {
  check('FACT SHEET: New Actions\n\nThe briefing began at 1:05 P.M. EDT in Washington, DC, and NATO joined.', [
    'organisation/abbreviation “NATO” → organisation:nato',
  ]);
});

test('a title in lower case before a verb of saying is a title-only mention; elsewhere it is a common noun', () => {
  check('Secretary of Defense Lloyd J. Austin III spoke.  "We will stay," the secretary said.  The secretary of the club left.', [
    'person/name “Lloyd J. Austin III” → person:lloyd j austin (Secretary of Defense)',
    'person/title “secretary” → person:lloyd j austin (Secretary)',
  ]);
});

test('a lower-case title before a past-tense verb is a title-only mention; before a noun or "of" it is not', () => {
  check(
    'Secretary of the Navy Carlos Ruiz toured the shipyard.  The secretary met with welders and thanked them.  Later the secretary visited the dry dock.  ' +
      'The secretary general of the union and the president office staff stayed.',
    [
      'person/name “Carlos Ruiz” → person:carlos ruiz (Secretary of the Navy)',
      'person/title “secretary” → person:carlos ruiz (Secretary)',
      'person/title “secretary” → person:carlos ruiz (Secretary)',
    ],
  );
});

test('a name placed by its country is a person; seas and straits are places; "travel to Tokyo" is the city; a hyphenated title finds its holder', () => {
  check(
    'United Nations Secretary-General António Guterres named Karim Haddad of Lebanon. The Secretary-General thanked him.\n\n' +
      'Ships in the East China Sea. Mr. Sullivan will travel to Tokyo.',
    [
      'organisation/name “United Nations” → organisation:united nations',
      'person/name “António Guterres” → person:antonio guterres (United Nations Secretary-General)',
      'person/name “Karim Haddad” → person:karim haddad',
      'country/name “Lebanon” → country:LBN',
      'person/title “Secretary-General” → person:antonio guterres (Secretary-General)',
      'place/name “East China Sea” → place:east china sea',
      'person/surname “Sullivan” → person:sullivan',
      'place/name “Tokyo” → place:tokyo',
    ],
  );
});

test('a title addressed to its holder is a mention of the holder; a known surname heads a title-case headline', () => {
  check(
    'Press conference by NATO Secretary General Jens Stoltenberg\n\nAndrew Gray (Reuters): Secretary General, you mentioned Ukraine.\n\nStoltenberg Hosts Counterparts.',
    [
      'organisation/abbreviation “NATO” → organisation:nato',
      'person/name “Jens Stoltenberg” → person:jens stoltenberg (NATO Secretary General)',
      'person/name “Andrew Gray” → person:andrew gray',
      'organisation/name “Reuters” → organisation:reuters',
      'person/title “Secretary General” → person:jens stoltenberg (Secretary General)',
      'country/name “Ukraine” → country:UKR',
      'person/surname “Stoltenberg” → person:jens stoltenberg',
    ],
    [{ name: 'Andrew Gray', outlet: 'Reuters' }],
  );
});

test('recognition never throws and keeps mentions inside the spans it reads, whatever the text', () => {
  const seedText = 'NATO Secretary General Jens Stoltenberg, the former Prime Minister of Norway (NATO) met U.K. Mr. “Ó’Brien” ';
  let state = 11;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = [...seedText, '\n', ',', '(', ')', '-', '.', 'É', '’', ' ', 'of', 'the', 'Ould', '24', '\u00a0', '\ud83d\ude00'];
  for (let round = 0; round < 300; round++) {
    const text = Array.from({ length: Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const spans = [
      { start: 0, end: Math.floor(text.length / 2) },
      { start: Math.floor(text.length / 2), end: text.length },
    ];
    const { mentions } = recognizeMentions(
      text,
      spans.map((span) => ({ span, releaseIndex: 0 })),
    );
    for (const m of mentions)
      assert.ok(
        spans.some((s) => m.span.start >= s.start && m.span.end <= s.end && m.span.start < m.span.end),
        JSON.stringify({ text, m }),
      );
  }
});

test('an abbreviation set off by a title is a post held by a person, in the whole file', () => {
  check('SACEUR, our Supreme Allied Commander, has been tasked.\n\nWhen SACEUR is conducting this planning, NATO waits.', [
    'person/name “SACEUR” → person:saceur (Supreme Allied Commander)',
    'person/name “SACEUR” → person:saceur',
    'organisation/abbreviation “NATO” → organisation:nato',
  ]);
});

test('a headline verb ends the name before it: "President Biden Announces New Actions"', () => {
  check('President Biden Announces New Actions to Lower Shipping Costs', ['person/surname “Biden” → person:biden (President)']);
});

test('a bare title names a holder of that bare title before one whose title is qualified; else one named later in the release', () => {
  check(
    'Prime Minister Rishi Sunak met Polish Prime Minister Donald Tusk.\n\nThe Prime Minister said so.\n\n===\n\nNATO Secretary General Mark Rutte spoke.\n\n===\n\nThe Secretary General visited the troops. Secretary General Jens Stoltenberg said so.',
    [
      'person/name “Rishi Sunak” → person:rishi sunak (Prime Minister)',
      'country/demonym “Polish” → country:POL',
      'person/name “Donald Tusk” → person:donald tusk (Polish Prime Minister)',
      'person/title “Prime Minister” → person:rishi sunak (Prime Minister)',
      'organisation/abbreviation “NATO” → organisation:nato',
      'person/name “Mark Rutte” → person:mark rutte (NATO Secretary General)',
      'person/title “Secretary General” → person:jens stoltenberg (Secretary General)',
      'person/name “Jens Stoltenberg” → person:jens stoltenberg (Secretary General)',
    ],
  );
});

test('a shouted heading thousands of words long is read to its end: the abbreviations at its edges are found', () => {
  // Inside a run of capitals no word is an abbreviation (a shouted heading); the run is read in linear time.
  const run = 'NATO EU UN GRU ABC DEF '.repeat(4000).trim();
  check(`The GRU said so.\n\n${run}\n\nNATO said so.`, [
    'organisation/abbreviation “GRU” → organisation:gru',
    'organisation/abbreviation “NATO” → organisation:nato',
  ]);
});

test('a title-case run of name-like words thousands long ends in the organisation it names', () => {
  const run = 'Alpha Beta Gamma Delta '.repeat(3000);
  const text = `${run}Military Committee met.`;
  const found = [...recognizeMentions(text, [{ span: { start: 0, end: text.length }, releaseIndex: 0 }]).mentions];
  assert.deepEqual(
    found.map((m) => [m.kind, m.form, m.span.end]),
    [['organisation', 'name', text.indexOf(' met.')]],
  );
});

test('a leader\'s spouse title is a role, alone or before the name; "Lady" before a name stays a courtesy title', () => {
  check('First Lady Ana Reyes opened the school.  The First Lady thanked the teachers.  Lady Ashton wrote the preface.', [
    'person/name “Ana Reyes” → person:ana reyes (First Lady)',
    'person/title “First Lady” → person:ana reyes (First Lady)',
    'person/surname “Ashton” → person:ashton',
  ]);
});

test('an abbreviated rank and the rank spelled out are one title: "the Sergeant Major of the Army" after "Sgt. Maj. of the Army"', () => {
  check('Sgt. Maj. of the Army Ana Cruz toured the barracks.  The Sergeant Major of the Army thanked the engineers.', [
    'person/name “Ana Cruz” → person:ana cruz (Sgt. Maj. of the Army)',
    'person/title “Sergeant Major” → person:ana cruz (Sergeant Major of the Army)',
  ]);
});

test('portfolios and qualifiers of British and American posts: "Chancellor of the Exchequer", "Principal Deputy Spokesperson"', () => {
  check('The Chancellor of the Exchequer, Tom Hale, opened the debate.\n\nNora Quist, Principal Deputy Spokesperson, took questions.', [
    'person/name “Tom Hale” → person:tom hale (Chancellor of the Exchequer)',
    'person/name “Nora Quist” → person:nora quist (Principal Deputy Spokesperson)',
  ]);
});

test('a person appointed "as" a post holds it, past "of <country>"; "as well as" joins no one', () => {
  check(
    'The Secretary-General announced the appointment of Ines Varga of Hungary as the United Nations Resident Coordinator in Chad.\n\n' +
      'Ana Reyes as well as the Prime Minister attended.',
    [
      'person/title “Secretary-General” → role:secretary general (Secretary-General)',
      'person/name “Ines Varga” → person:ines varga (United Nations Resident Coordinator)',
      'country/name “Hungary” → country:HUN',
      'organisation/name “United Nations” → organisation:united nations',
      'country/name “Chad” → country:TCD',
      'person/title “Prime Minister” → role:prime minister (Prime Minister)',
    ],
  );
});

test('upper-case turn labels, two in one paragraph, name their speaker; the words between and after them are read as text', () => {
  const text = `Press briefing on the visit

Source: State Department

MR MILLER:  Good afternoon. I met NATO Secretary General Jens Stoltenberg today.
MR MILLER:  Go ahead, Mr Stoltenberg.

QUESTION:  Thank you. Ms Tsikhanouskaya spoke.`;
  const parsed = parseCorpusFile(text);
  const found = [...computeFileEntities(text, parsed).mentions].filter((m) => m.form !== 'candidate');
  assert.deepEqual(
    found.map((m) => printMention(text, m)),
    [
      'person/surname “MILLER” → person:miller',
      'organisation/abbreviation “NATO” → organisation:nato',
      'person/name “Jens Stoltenberg” → person:jens stoltenberg (NATO Secretary General)',
      'person/surname “MILLER” → person:miller',
      'person/surname “Stoltenberg” → person:jens stoltenberg',
      'person/surname “Tsikhanouskaya” → person:tsikhanouskaya',
    ],
  );
});
