// Words of a text span with the facts recognition needs: where they are, whether they are capitalised, and
// what separates them from the next word. One regular-expression pass per span: linear in the text size.

import { Span } from '../model';
import { normaliseName } from './entityModel';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The text folded for lexicon lookups (normaliseName), computed once. */
  readonly lower: string;
  /** Starts with an upper-case letter (or is a dotted abbreviation such as "U.K."). */
  readonly capitalised: boolean;
  /** Two or more capitals and no lower case: "NATO", "GRU", "APT28", "U.K.". */
  readonly allCaps: boolean;
  /** Written with a possessive "’s" (not part of the token). */
  readonly possessive: boolean;
  /** The characters between this token and the next one ("" at the end of the span). */
  readonly gapAfter: string;
  /** A capital letter with a full stop before the next name word: the "A." of "Mark A. Milley", never the article. */
  readonly initial: boolean;
}

// A dotted abbreviation ("U.K.", "D.C"), a model designation joined to its number ("F-35", "MQ-9B"), or a word
// with inner apostrophes ("O’Brien"). Hyphens otherwise separate words: "NATO-EU", "German-led".
// Korean and other romanised given names keep their lower-case second syllable: "Ban Ki-moon", "Lee Jong-sup"
// ("German-led" and "Thai-based" stay two words: the syllable is an English word there).
const WORD =
  /\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}\p{Ll}{1,3}-(?!(?:led|based|run|born|made|owned|backed|style|wide|like|free|era|type|bound|linked|funded|only)\b)\p{Ll}{2,5}\b|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-\p{N}[\p{L}\p{N}]*)?(?:['’][\p{L}\p{M}]+)*/gu;

export function tokenize(text: string, span: Span): Token[] {
  const slice = text.slice(span.start, span.end);
  const raw: { start: number; end: number; word: string }[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
    raw.push({ start: match.index, end: match.index + match[0].length, word: match[0] });
  }
  return raw.map((entry, i) => {
    const possessive = entry.word.endsWith('’s') || entry.word.endsWith("'s");
    const word = possessive ? entry.word.slice(0, -2) : entry.word;
    const first = word[0];
    const capitalised = first !== first.toLowerCase() || /^\p{Lu}/u.test(word);
    const gap = i + 1 < raw.length ? slice.slice(entry.end, raw[i + 1].start) : '';
    return {
      start: span.start + entry.start,
      end: span.start + entry.start + word.length,
      text: word,
      lower: normaliseName(word),
      capitalised,
      allCaps: capitalised && word.length > 1 && word === word.toUpperCase() && /^\p{Lu}[\p{Lu}\p{N}.]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word),
      possessive,
      gapAfter: gap !== ' ' && joinsAbbreviation(word, gap, raw[i + 1]?.word) ? ' ' : gap,
      initial: /^\p{Lu}$/u.test(word) && /^\. $/.test(gap),
    };
  });
}

// Abbreviated courtesy titles and ranks ("Mr.", "Gen.", "Lt."), initials ("Joseph R. Biden") and "Jr." go on into
// the next capitalised word (a rank into its "of" complement): the full stop is no sentence end there.
const ABBREVIATED_TITLES = new Set('Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Brig Sen Rep Gov Pres Amb St Jr Sr'.split(' '));

function joinsAbbreviation(word: string, gap: string, next: string | undefined): boolean {
  if (!/^\. $/.test(gap) || !next) return false;
  // "Sgt. Maj. of the Army": an abbreviated rank takes its complement too.
  return (/^\p{Lu}/u.test(next) && (ABBREVIATED_TITLES.has(word) || /^\p{Lu}$/u.test(word))) || (next === 'of' && ABBREVIATED_TITLES.has(word));
}

/** Whether two neighbouring tokens belong to one name: only a space or a hyphen between them. */
export function isNameJoin(gap: string): boolean {
  return gap === ' ' || gap === '-' || gap === '\u00a0';
}
