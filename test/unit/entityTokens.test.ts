// The words recognition reads: plain ASCII words are split by char codes and the rest by the word pattern, so these
// cases sit on the edge between the two (a capital before a full stop, hyphens, apostrophes, letters outside ASCII).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../server/src/corpus/entities/tokens';

/** Each word, with [s] when possessive, [i] for an initial, [C] in capitals, and |gap| when the gap is not one space. */
function wordsOf(text: string): string {
  return tokenize(text, { start: 0, end: text.length })
    .map((t) => t.text + (t.possessive ? '[s]' : '') + (t.initial ? '[i]' : '') + (t.allCaps ? '[C]' : '') + (t.gapAfter === ' ' ? '' : `|${t.gapAfter}|`))
    .join(' ');
}

test('initials, dotted abbreviations and abbreviated titles before a name', () => {
  assert.equal(
    wordsOf('Mark A. Milley met U.K. and U.S.-led teams in D.C. on 4 May.'),
    'Mark A[i] Milley met U.K.[C] and U.S.[C]|-| led teams in D.C.[C] on 4 May||',
  );
  assert.equal(wordsOf('Sgt. Maj. of the Army Mr. Smith, Jr. (NATO) said: “yes”.'), 'Sgt Maj of the Army Mr Smith|, | Jr|. (| NATO[C]|) | said|: “| yes||');
});

test('hyphens: romanised given names and model designations are one word, "German-led" two', () => {
  assert.equal(wordsOf('Ban Ki-moon, Lee Jong-sup and a German-led F-35 MQ-9B unit.'), 'Ban Ki-moon|, | Lee Jong-sup and a German|-| led F-35 MQ-9B unit||');
  assert.equal(wordsOf('x-ray 12-month Ünal-based'), 'x|-| ray 12|-| month Ünal|-| based||');
});

test('apostrophes and letters outside ASCII', () => {
  assert.equal(wordsOf("O’Brien’s and NATO's APT28 Geoană"), 'O’Brien[s] and NATO[s][C] APT28[C] Geoană||');
  assert.equal(wordsOf("Rock'n'roll don't it’s '90s"), "Rock'n'roll don't it[s]| '| 90s||");
  assert.equal(wordsOf('É. Macron\u00a0Élysée 𝐍𝐀𝐓𝐎 I. a'), 'É[i] Macron|\u00a0| Élysée 𝐍𝐀𝐓𝐎[C] I[i]|. | a||');
});

test('words longer than the char-code scan reads are split as the shorter ones', () => {
  const long = 'x'.repeat(100);
  assert.equal(wordsOf(`${long}-led Ab${'c'.repeat(70)}’s A. ${'Z'.repeat(65)}.`), `${long}|-| led Ab${'c'.repeat(70)}[s] A[i] ${'Z'.repeat(65)}[C]||`);
});
