// Cross-references between passages: what counts as the same passage (normalisation, near copies, minimum
// length), stock phrases kept out, earliest release first, and an edit in one file seen from another.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findRecurringPassageAt, getAllOccurrences } from '../../server/src/features/crossReferences';
import { getPassageWords, getShingles, isNearCopy, measureSimilarity } from '../../server/src/features/passageShingles';
import { FIXTURE_ROOT, parseFixture } from '../support/fixture';

/** The other occurrences of the passage at the cursor, one line each: `path#release kind “text”`. */
function check(fixture: string, expected: string): void {
  const { corpus, main } = parseFixture(fixture);
  const passage = findRecurringPassageAt(corpus, main.uri, main.cursor!);
  const lines = (passage?.elsewhere ?? []).map((m) => {
    const text = corpus.files.getFile(m.uri)!.text.slice(m.span.start, m.span.end);
    return `${m.uri.slice(FIXTURE_ROOT.length)}#${m.releaseIndex} ${m.match} “${text}”`;
  });
  assert.equal(lines.join('\n'), expected.trim());
}

function release(title: string, body: string, date = ''): string {
  return `${title}\n\nSource: NATO\n\n${date ? `${date}\n\n` : ''}${body}\n`;
}

test('case, quotes, dashes and white space do not hide a verbatim repeat', () => {
  check(
    `//- seeds/a.txt
${release('Speech by the Secretary General in Vilnius', '<|>Allies agreed — at last — to  "stand together" for the long haul.')}
//- seeds/b.txt
${release('Press conference in Vilnius', '“allies AGREED – at last – to ‘stand \u00a0together’\tfor the long haul.”')}`,
    `seeds/b.txt#0 verbatim ““allies AGREED – at last – to ‘stand \u00a0together’\tfor the long haul.””`,
  );
});

test('a sentence shortened or re-punctuated elsewhere is a near copy; a template about another event is not', () => {
  check(
    `//- seeds/a.txt
${release('Speech by the Secretary General at the Forum', '<|>The challenges we face are global, and they require a global response from all of us.')}
//- seeds/b.txt
${release('Secretary General speaks at the Forum', 'The challenges we face are global; they require a global response from us all.')}
//- seeds/c.txt
${release('Another speech', 'The challenges we face are local, and they require answers from the town council of Mons.')}`,
    `seeds/b.txt#0 near “The challenges we face are global; they require a global response from us all.”`,
  );
});

test('sentences under six words are never cross-referenced', () => {
  check(
    `//- seeds/a.txt
${release('Speech one', '<|>Thank you very much indeed. We met the ministers of the Baltic states today.')}
//- seeds/b.txt
${release('Speech two', 'Thank you very much indeed. Others spoke about something else entirely here.')}`,
    '',
  );
});

const STOCK = 'For general queries, contact the Press Office of the Alliance by phone.';

function stockFixture(releases: number): string {
  const files = Array.from(
    { length: releases },
    (_, i) => `//- seeds/r${i}.txt\n${release(`Media advisory number ${i}`, `Ministers meet on day ${i} in room ${i}.\n\n${i === 0 ? '<|>' : ''}${STOCK}`)}`,
  );
  return files.join('\n');
}

test('a line carried by four releases is a stock phrase and no cross-reference; three releases still link', () => {
  check(stockFixture(3), `seeds/r1.txt#0 verbatim “${STOCK}”\nseeds/r2.txt#0 verbatim “${STOCK}”`);
  check(stockFixture(4), '');
  const { corpus, files } = parseFixture(stockFixture(4));
  assert.deepEqual(corpus.passages.findRepeatedRuns(files[0].uri), [], 'the "Repeated in" lens skips stock phrases too');
});

test('occurrences come earliest release first: by date, then corpus order, undated last', () => {
  const line = 'Stocks can and will be replenished by the industry of the Allies.';
  const { corpus, main } = parseFixture(`//- seeds/c.txt
${release('Undated remarks', line)}
//- seeds/b.txt
${release('Later statement', `<|>${line}`, '2 May 2024')}
//- seeds/a.txt
${release('First speech', line, '29 April 2024')}`);
  const passage = findRecurringPassageAt(corpus, main.uri, main.cursor!)!;
  assert.deepEqual(
    getAllOccurrences(passage).map((m) => `${m.title} ${m.date ?? '-'}`),
    ['First speech 2024-04-29', 'Later statement 2024-05-02', 'Undated remarks -'],
  );
});

test('editing one file updates the cross-references of another', () => {
  const { corpus, files, main } = parseFixture(`//- seeds/a.txt
${release('Speech', '<|>Ukraine’s rightful place is in NATO and it will join us.')}
//- seeds/b.txt
${release('Conference', 'Ukraine’s rightful place is in NATO and it will join us.')}`);
  assert.equal(findRecurringPassageAt(corpus, main.uri, main.cursor!)?.elsewhere.length, 1);
  corpus.files.setFile(files[1].uri, release('Conference', 'Nothing from the speech is repeated in this conference.'));
  assert.equal(findRecurringPassageAt(corpus, main.uri, main.cursor!), undefined);
  corpus.files.setFile(files[1].uri, release('Conference', 'Ukraine’s rightful place is in NATO, and it will join us soon.'));
  assert.equal(findRecurringPassageAt(corpus, main.uri, main.cursor!)?.elsewhere[0].match, 'near');
});

interface LabelledPair {
  readonly a: string;
  readonly b: string;
  readonly near: boolean;
}

test('the near-copy threshold keeps precision on the hand-labelled pairs at 95% or more, recall at 60% or more', () => {
  const { pairs } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'test', 'data', 'nearPassagePairs.json'), 'utf8')) as { pairs: LabelledPair[] };
  const shingles = (text: string) => getShingles(getPassageWords(text, { start: 0, end: text.length }));
  const judged = pairs.map((pair) => {
    const [a, b] = [shingles(pair.a), shingles(pair.b)];
    return { near: pair.near, matched: isNearCopy(measureSimilarity(a, b), Math.min(a.size, b.size)) };
  });
  const matched = judged.filter((p) => p.matched);
  const precision = matched.filter((p) => p.near).length / matched.length;
  const recall = matched.filter((p) => p.near).length / judged.filter((p) => p.near).length;
  assert.ok(precision >= 0.95, `precision ${precision.toFixed(2)}`);
  assert.ok(recall >= 0.6, `recall ${recall.toFixed(2)}`);
});
