// Re-anchoring fixtures: `before` marks the tagged passage with <[ … ]>; `after` is the changed text with the
// passage's expected new place marked (no marker: the tag must be orphaned). The state says how it was found.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnchorState, createAnchor, findAnchor, findBestCandidate, FUZZY_MIN_SIMILARITY, TextAnchor } from '../../server/src/annotations/anchoring';
import { parseFixture, renderSpans } from '../support/fixture';

function anchorOf(before: string): TextAnchor {
  const original = parseFixture(before).main;
  return createAnchor(original.text, original.ranges[0]);
}

function check(before: string, after: string, expectedState: AnchorState): void {
  const edited = parseFixture(after).main;
  const match = findAnchor(edited.text, anchorOf(before));
  const actual = match.state === 'orphaned' ? 'orphaned' : `${match.state} ${renderSpans(edited.text, [match.span])}`;
  const expected = expectedState === 'orphaned' ? 'orphaned' : `${expectedState} ${renderSpans(edited.text, edited.ranges)}`;
  assert.equal(actual, expected);
}

const RELEASE = `Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine

Source: NATO

It is an honour to address this House once again.
<[Seven years ago, I became the first Secretary General to address the Ukrainian parliament.]>

Today marks the third time I have had this privilege.
`;

test('an untouched passage is found at its stored offsets', () => {
  check(RELEASE, RELEASE, 'exact');
});

test('a passage survives text inserted before it', () => {
  const after = RELEASE.replace('Source: NATO\n', 'Source: NATO\n\nA new paragraph the editors added above the passage, long enough to move it.\n');
  check(RELEASE, after, 'moved');
});

test('a passage survives an edit inside it (fuzzy)', () => {
  const after = RELEASE.replace('first Secretary General to address', 'first NATO Secretary General ever to speak to');
  check(RELEASE, after, 'fuzzy');
});

test('a passage survives an edit at its very start, found through its prefix', () => {
  const after = RELEASE.replace('<[Seven years ago, I became', '<[Eight years back, I became');
  check(RELEASE, after, 'fuzzy');
});

test('a passage edited and moved far down (beyond the search window) is found next to its prefix', () => {
  const inserted = 'A long new section added above the passage by the editors. '.repeat(200);
  const after = RELEASE.replace('Source: NATO\n', `Source: NATO\n\n${inserted}\n`).replace(
    'first Secretary General to address',
    'first NATO Secretary General to speak to',
  );
  check(RELEASE, after, 'fuzzy');
});

test('an edited passage whose first words stand unedited elsewhere is found through its prefix', () => {
  const before = `Remarks

Source: NATO

We work with the transatlantic defence industrial base every day.

Allies agreed today:
<[the transatlantic defence industrial base must ramp up production, both to support Ukraine and for stocks.]>
Thank you.
`;
  const after = before
    .replace('<[the transatlantic defence industrial base must', '<[the trans-Atlantic defence-industrial base has to')
    .replace('Ukraine and for stocks.]>', 'Ukraine and for our own stocks.]>');
  check(before, after, 'fuzzy');
});

test('of a duplicated passage, prefix and suffix pick the tagged copy', () => {
  const before = `Remarks in Kyiv

Source: NATO

An opening paragraph about the visit, the trains through the night, the talks with the government and the
soldiers met on the way; the editors later cut it, which moves everything below it up by its whole length.

In Kyiv the Secretary General said:
<[We will stand with Ukraine for as long as it takes.]>
Then he visited the memorial wall.

Remarks in Vilnius

Source: NATO

In Vilnius the Secretary General said:
We will stand with Ukraine for as long as it takes.
Then he met the President of Lithuania.
`;
  // With the opening paragraph gone the Vilnius copy sits nearer the stored offsets than the Kyiv copy; only
  // the context (prefix "…Kyiv the Secretary General said:") tells them apart.
  const after = before
    .replace(/An opening paragraph[^]*?whole length\.\n\n/, '')
    .replace('<[', '')
    .replace(']>', '')
    .replace('Kyiv the Secretary General said:\n', 'Kyiv the Secretary General said:\n<[')
    .replace('takes.\nThen he visited', 'takes.]>\nThen he visited');
  check(before, after, 'moved');
});

test('a deleted passage is orphaned', () => {
  const after = RELEASE.replace(/<\[.*\]>\n/, '');
  check(RELEASE, after, 'orphaned');
});

test('a passage replaced by different words of the same length is orphaned', () => {
  const after = RELEASE.replace(/<\[.*\]>/, 'The Alliance has grown stronger, larger and more united than at any time in decades.');
  check(RELEASE, after, 'orphaned');
});

test('a moved passage reports where the record says it was, so the editor can say how far it moved', () => {
  const inserted = 'A new paragraph the editors added above the passage, long enough to move it.\n';
  const after = parseFixture(RELEASE.replace('Source: NATO\n', `Source: NATO\n\n${inserted}`)).main;
  const anchor = anchorOf(RELEASE);
  const match = findAnchor(after.text, anchor);
  assert.deepEqual(match.state === 'moved' && [match.storedSpan, match.span.start - match.storedSpan.start], [
    { start: anchor.start, end: anchor.end },
    inserted.length + 1,
  ]);
});

test('a fuzzy match gives its similarity and the text as it reads now', () => {
  const after = parseFixture(RELEASE.replace('first Secretary General to address', 'first NATO Secretary General ever to speak to')).main;
  const match = findAnchor(after.text, anchorOf(RELEASE));
  assert.equal(match.state, 'fuzzy');
  if (match.state !== 'fuzzy') return;
  assert.equal(match.text, after.text.slice(after.ranges[0].start, after.ranges[0].end));
  assert.equal(match.text, 'Seven years ago, I became the first NATO Secretary General ever to speak to the Ukrainian parliament.');
  // 1 − Levenshtein distance / length of the longer text, here 81 %: above the 75 % it takes to follow the words.
  assert.equal(Math.round(match.similarity * 100), 81);
  assert.ok(match.similarity >= FUZZY_MIN_SIMILARITY);
});

test('an orphan rewritten beyond the threshold still offers its best candidate, with its similarity', () => {
  const after = parseFixture(RELEASE.replace(/<\[.*\]>/, '<[Seven years back, I was the first NATO chief to speak in the Ukrainian parliament.]>')).main;
  const anchor = anchorOf(RELEASE);
  assert.equal(findAnchor(after.text, anchor).state, 'orphaned');
  const candidate = findBestCandidate(after.text, anchor);
  assert.equal(candidate && renderSpans(after.text, [candidate.span]), renderSpans(after.text, after.ranges));
  assert.ok(candidate!.similarity < FUZZY_MIN_SIMILARITY && candidate!.similarity >= 0.5, String(candidate!.similarity));
  assert.equal(candidate!.text, after.text.slice(candidate!.span.start, candidate!.span.end));
});

test('a deleted passage has no candidate worth offering', () => {
  const after = RELEASE.replace(/<\[.*\]>\n/, '');
  assert.equal(findBestCandidate(after, anchorOf(RELEASE)), undefined);
});

test('a passage whose tail was cut off at the end of the file is found inside the text, never past its end', () => {
  // Bitap may place the quote's tail partly past the end of the text: the span found is clamped to the text.
  const text =
    'From 6 to 7 May 2024O’Brien  the  \t  can be found here  Ukraine  with.\n\n\n\n\n\t  24  Excellency  GRU  alliance  Command  alliance  Allied  Jr.  Jens\n\n\n';
  const anchor = createAnchor(text, { start: 0, end: 132 });
  const edited = text.slice(0, 119) + text.slice(136);
  const found = findAnchor(edited, anchor);
  assert.ok(found.state === 'orphaned' || found.span.end <= edited.length, JSON.stringify(found));
});
