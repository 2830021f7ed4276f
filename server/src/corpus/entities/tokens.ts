// Words of a text span with the facts recognition needs: where they are, whether they are capitalised, and
// what separates them from the next word. One pass per span (char codes, and a pattern where those are not enough):
// linear in the text size.

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
  // Matched on the slice, not on the text from the span's start: the pattern's look-aheads must not see past the span.
  const slice = text.slice(span.start, span.end);
  const starts: number[] = [];
  const words: string[] = [];
  findWords(slice, starts, words);
  const tokens: Token[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const matched = words[i];
    const matchEnd = starts[i] + matched.length;
    const possessive = isPossessive(matched);
    const word = possessive ? matched.slice(0, -2) : matched;
    const capitalised = isCapitalised(word);
    const next = words[i + 1];
    const gap = next === undefined ? '' : starts[i + 1] === matchEnd + 1 && slice.charCodeAt(matchEnd) === 0x20 ? ' ' : slice.slice(matchEnd, starts[i + 1]);
    const start = span.start + starts[i];
    tokens[i] = {
      start,
      end: start + word.length,
      text: word,
      lower: normaliseName(word),
      capitalised,
      allCaps: capitalised && isAllCaps(word),
      possessive,
      gapAfter: gap !== ' ' && joinsAbbreviation(word, gap, next) ? ' ' : gap,
      initial: gap === '. ' && isSingleCapital(word),
    };
  }
  return tokens;
}

/**
 * The matches of WORD in the slice, in order. A word of ASCII letters and digits followed by ASCII punctuation
 * or a space is read by char codes: WORD can match nothing else there (its first two forms need a capital with a
 * full stop or a hyphen after it, the third stops at such a character). Everything else (text outside ASCII,
 * hyphens, apostrophes, a capital before a full stop) is left to the pattern, from the position where a match
 * may start: no match starts on ASCII punctuation or a space, so the pattern finds the same next match.
 */
function findWords(slice: string, starts: number[], words: string[]): void {
  const n = slice.length;
  let p = 0;
  while (p < n) {
    const code = slice.charCodeAt(p);
    if (code < 0x80 && !isAsciiLetterOrDigit(code)) {
      p++;
      continue;
    }
    let end = p + 1;
    // Up to MAX_SCANNED_WORD characters: the pattern reads a longer word faster than a loop that runs once.
    if (code < 0x80) while (end < n && end - p < MAX_SCANNED_WORD && isAsciiLetterOrDigit(slice.charCodeAt(end))) end++;
    const after = end < n ? slice.charCodeAt(end) : 0x20;
    const leftToPattern =
      code >= 0x80 ||
      after >= 0x80 ||
      after === 0x2d ||
      after === 0x27 ||
      isAsciiLetterOrDigit(after) ||
      (after === 0x2e && end === p + 1 && code <= 0x5a && code >= 0x41);
    if (!leftToPattern) {
      starts.push(p);
      words.push(slice.slice(p, end));
      p = end;
      continue;
    }
    WORD.lastIndex = p;
    const match = WORD.exec(slice);
    if (!match) return;
    starts.push(match.index);
    words.push(match[0]);
    p = match.index + match[0].length;
  }
}

const MAX_SCANNED_WORD = 64;

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** The first character is not its own lower case, or is an upper-case letter; ASCII answered by its code. */
function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const first = word[0];
  return first !== first.toLowerCase() || /^\p{Lu}/u.test(word);
}

/** Two or more capitals and no lower case ("NATO", "APT28", "U.K."); a lower-case ASCII second letter says no at once. */
function isAllCaps(word: string): boolean {
  if (word.length < 2) return false;
  const second = word.charCodeAt(1);
  if (second >= 0x61 && second <= 0x7a) return false;
  return word === word.toUpperCase() && /^\p{Lu}[\p{Lu}\p{N}.]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

/** Ends in "’s" or "'s"; by char codes, as every word is asked. */
function isPossessive(word: string): boolean {
  const last = word.length - 1;
  if (last < 1 || word.charCodeAt(last) !== 0x73) return false;
  const apostrophe = word.charCodeAt(last - 1);
  return apostrophe === 0x2019 || apostrophe === 0x27;
}

function isSingleCapital(word: string): boolean {
  if (word.length === 1 && word.charCodeAt(0) < 0x80) return word >= 'A' && word <= 'Z';
  return word.length <= 2 && /^\p{Lu}$/u.test(word);
}

// Abbreviated courtesy titles and ranks ("Mr.", "Gen.", "Lt."), initials ("Joseph R. Biden") and "Jr." go on into
// the next capitalised word (a rank into its "of" complement): the full stop is no sentence end there.
const ABBREVIATED_TITLES = new Set('Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Brig Sen Rep Gov Pres Amb St Jr Sr'.split(' '));

function joinsAbbreviation(word: string, gap: string, next: string | undefined): boolean {
  if (gap !== '. ' || !next) return false;
  // "Sgt. Maj. of the Army": an abbreviated rank takes its complement too.
  return (/^\p{Lu}/u.test(next) && (ABBREVIATED_TITLES.has(word) || isSingleCapital(word))) || (next === 'of' && ABBREVIATED_TITLES.has(word));
}

/** Whether two neighbouring tokens belong to one name: only a space or a hyphen between them. */
export function isNameJoin(gap: string): boolean {
  return gap === ' ' || gap === '-' || gap === '\u00a0';
}
