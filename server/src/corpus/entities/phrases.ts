// Word classes and the phrase shapes built from them: an organisation or event name ending in its head noun
// ("NATO Military Committee", "Jeju Forum for Peace and Prosperity"), a gazetteer phrase, an abbreviation.
// Every function looks at a few tokens around one position: recognition stays linear in the text size.

import { findGazetteerPhrase, Gazetteer, GazetteerEntry } from './gazetteer';
import {
  CALENDAR_WORDS,
  EVENT_HEADS,
  EVENT_LEADS,
  FUNCTION_WORDS,
  HEADLINE_VERBS,
  HONORIFICS,
  NAME_CONNECTORS,
  NAME_SUFFIXES,
  NON_ENTITY_ABBREVIATIONS,
  ORGANISATION_HEADS,
  PLACE_HEADS,
  TITLE_HEADS,
  TITLE_WORDS,
} from './lexicon';
import { isNameJoin, Token } from './tokens';

export const lower = (token: Token | undefined): string => token?.lower ?? '';

export const isTitleWord = (t: Token | undefined): boolean => !!t && t.capitalised && TITLE_WORDS.has(lower(t));
export const isTitleHead = (t: Token | undefined): boolean => !!t && t.capitalised && TITLE_HEADS.has(lower(t));
export const isHonorific = (t: Token | undefined): boolean => !!t && t.capitalised && HONORIFICS.has(lower(t));
export const isPhraseConnector = (t: Token | undefined): boolean => !!t && ['of', 'for', 'the', 'and', '&'].includes(t.text);
export const isNameParticle = (t: Token | undefined): boolean => !!t && NAME_CONNECTORS.has(lower(t)) && !isPhraseConnector(t);
export const isNameSuffix = (t: Token | undefined): boolean => !!t && t.capitalised && NAME_SUFFIXES.has(lower(t));
export const isFunctionWord = (t: Token | undefined): boolean => !!t && !t.initial && FUNCTION_WORDS.has(lower(t));
export const isCalendarWord = (t: Token | undefined): boolean => !!t && CALENDAR_WORDS.has(lower(t));

/** An upper-case abbreviation that may name an organisation (not "GDP", not a heading in capitals). */
export function isEntityAbbreviation(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t.allCaps || NON_ENTITY_ABBREVIATIONS.has(lower(t)) || NAME_SUFFIXES.has(lower(t)) || !/\p{Lu}.*\p{Lu}/u.test(t.text)) return false;
  // Three capitalised words in a row written in capitals are a shouted heading, not three abbreviations.
  const shouted = (j: number) => !!tokens[j]?.allCaps;
  return !(shouted(i - 1) && shouted(i + 1)) && !(shouted(i + 1) && shouted(i + 2)) && !(shouted(i - 1) && shouted(i - 2));
}

/** A word that can be part of a personal name: capitalised, not a title, honorific, month or function word. */
export function isNameWord(t: Token | undefined): boolean {
  return (
    !!t &&
    t.capitalised &&
    !t.allCaps &&
    !isNameSuffix(t) &&
    !isTitleWord(t) &&
    !isHonorific(t) &&
    !isFunctionWord(t) &&
    !isCalendarWord(t) &&
    !ORGANISATION_HEADS.has(lower(t)) &&
    !EVENT_HEADS.has(lower(t)) &&
    !HEADLINE_VERBS.has(lower(t))
  );
}

/**
 * A name word at token i, or a month closing a name: "Theresa May", "Brian May". A month after a given name is a
 * surname unless a day or year follows it ("Biden May 5").
 */
/** "Vice President JD Vance", "General CQ Brown": two capitals right after a title and before a name are initials. */
export function isInitialsBeforeName(gazetteer: Gazetteer, tokens: readonly Token[], m: number, end: number): boolean {
  const t = tokens[m];
  return /^\p{Lu}{2}$/u.test(t.text) && t.gapAfter === ' ' && m + 1 < end && isNameWord(tokens[m + 1]) && !gazetteerAt(gazetteer, tokens, m, end);
}

export function isNameWordAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (isNameWord(t) || isUpperCaseSurnameAt(tokens, i)) return true;
  return (
    isCalendarWord(t) &&
    !lower(t).endsWith('day') &&
    !t.allCaps &&
    isNameWord(tokens[i - 1]) &&
    tokens[i - 1].gapAfter === ' ' &&
    !/^\d/.test(tokens[i + 1]?.text ?? '')
  );
}

const isUpperCaseWord = (t: Token | undefined): boolean => !!t && /^\p{Lu}{2,}$/u.test(t.text);

/**
 * A surname in capitals after a given name, as French and EU pages write it: "Emmanuel MACRON", "Ursula VON DER
 * LEYEN". The given name must open the name ("Jens Stoltenberg NATO" is no surname), and the capitals must end
 * before a word not in capitals (a shouted heading is no name).
 */
function isUpperCaseSurnameAt(tokens: readonly Token[], i: number): boolean {
  if (!isUpperCaseWord(tokens[i])) return false;
  let first = i;
  while (isUpperCaseWord(tokens[first - 1]) && tokens[first - 1].gapAfter === ' ') first--;
  const given = tokens[first - 1];
  // "Regarding NATO membership": a participle or adverb opening a sentence is no given name.
  if (!isNameWord(given) || given.gapAfter !== ' ' || isNameWord(tokens[first - 2]) || /\p{Ll}{4}(?:ing|ly)$/u.test(given.text)) return false;
  let last = i;
  while (isUpperCaseWord(tokens[last + 1]) && tokens[last].gapAfter === ' ') last++;
  const surname = tokens[last];
  return (
    last - first < 3 &&
    surname.text.length >= 3 &&
    !NAME_CONNECTORS.has(lower(surname)) &&
    !NON_ENTITY_ABBREVIATIONS.has(lower(surname)) &&
    !tokens[last + 1]?.allCaps
  );
}

/** A name particle (or two: "von der") before a name word: "Ursula von der Leyen", "Mohamed Ould Ghazouani". */
export function isParticleBeforeName(tokens: readonly Token[], i: number): boolean {
  return isNameParticle(tokens[i]) && (isNameWord(tokens[i + 1]) || (isNameParticle(tokens[i + 1]) && isNameWord(tokens[i + 2])));
}

type GazetteerHit = GazetteerEntry & { tokenCount: number };

/**
 * What recognition asks about one token list again and again, answered once per list: the gazetteer hit at each
 * token (role owner, complement and place ask about the same token) and where head-noun scans stop. Recognition
 * reads one segment at a time, so the facts of the last list asked about are kept (a map keyed by every token
 * of a large file cost more than the lookups it saved).
 */
interface TokenListFacts {
  readonly tokens: readonly Token[];
  readonly gazetteerHits: (GazetteerHit | null | undefined)[];
  headScan?: HeadScanIndex;
  /** The first index ≥ i of a title word or honorific (the length of the list if none). */
  nextTitleWord?: number[];
}

let lastTokenListFacts: TokenListFacts | undefined;

function getTokenListFacts(tokens: readonly Token[]): TokenListFacts {
  if (lastTokenListFacts?.tokens !== tokens) lastTokenListFacts = { tokens, gazetteerHits: new Array(tokens.length) };
  return lastTokenListFacts;
}

/**
 * Whether a title word or honorific lies in tokens [start, end): a role needs one ("Deputy", "Mr"), so the role
 * reader need not look for owners and complements before the capitalised words of a plain name.
 */
export function hasTitleWordIn(tokens: readonly Token[], start: number, end: number): boolean {
  const facts = getTokenListFacts(tokens);
  facts.nextTitleWord ??= buildNextTitleWord(tokens);
  return facts.nextTitleWord[start] < end;
}

function buildNextTitleWord(tokens: readonly Token[]): number[] {
  const next: number[] = new Array(tokens.length + 1);
  next[tokens.length] = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) next[i] = isTitleWord(tokens[i]) || isHonorific(tokens[i]) ? i : next[i + 1];
  return next;
}

/** The gazetteer phrase covering whole tokens from token i ("North Korea", "U.K.") and ending before `end`. */
export function gazetteerAt(gazetteer: Gazetteer, tokens: readonly Token[], i: number, end: number): GazetteerHit | undefined {
  const token = tokens[i];
  if (!token?.capitalised) return undefined;
  const hits = getTokenListFacts(tokens).gazetteerHits;
  let hit = hits[i];
  if (hit === undefined) {
    hit = findGazetteerHit(gazetteer, tokens, i) ?? null;
    hits[i] = hit;
  }
  if (!hit) return undefined;
  return i + hit.tokenCount <= end ? hit : findGazetteerHit(gazetteer, tokens, i, end);
}

function findGazetteerHit(gazetteer: Gazetteer, tokens: readonly Token[], i: number, end = tokens.length): GazetteerHit | undefined {
  if (!gazetteer.byFirstWord.has(firstWordOf(lower(tokens[i])))) return undefined;
  const words: string[] = [];
  const tokenEnds: number[] = []; // word count after each token
  for (let j = i; j < end && j < i + 8; j++) {
    const word = lower(tokens[j]);
    // Most words hold no space or hyphen: pushed whole, not split.
    if (firstWordOf(word) === word) words.push(word);
    else words.push(...word.split(/[\s-]+/));
    tokenEnds.push(words.length);
  }
  const entry = findGazetteerPhrase(gazetteer, words, 0);
  const tokenCount = entry ? tokenEnds.indexOf(entry.words.length) + 1 : 0;
  // Written out, not spread: a spread of the entry builds its object slowly, once per hit.
  return entry && tokenCount > 0 ? { kind: entry.kind, id: entry.id, countryName: entry.countryName, words: entry.words, tokenCount } : undefined;
}

/** The text before its first space or hyphen, as `split(/[\s-]/, 1)[0]` gives it, without a pattern per token. */
function firstWordOf(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 0x2d || code === 0x20 || ((code <= 0x0d || code >= 0xa0) && /\s/.test(word[i]))) return word.slice(0, i);
  }
  return word;
}

export interface PhraseMatch {
  readonly kind: 'organisation' | 'event' | 'place';
  readonly start: number;
  /** Exclusive token index. */
  readonly end: number;
}

/**
 * An organisation or event name starting at token `start`: capitalised words up to a head noun ("Council"),
 * then "of/for (the) Capitalised…" complements ("Council of the European Union"). One word alone is not
 * enough ("the Alliance", "the Summit" are common nouns in context).
 */
export function findNamedPhraseAt(tokens: readonly Token[], start: number, end: number): PhraseMatch | undefined {
  if (start >= end) return undefined;
  if (EVENT_LEADS.has(lower(tokens[start])) && tokens[start].capitalised && tokens[start + 1]?.capitalised && start + 1 < end) {
    let j = start + 1;
    while (j < end && (tokens[j].capitalised || /^\d+$/.test(tokens[j].text))) j++;
    return { kind: 'event', start, end: j };
  }
  const first = tokens[start];
  if (!first.capitalised || isHonorific(first)) return undefined;
  // "National Security Advisor Jake Sullivan and …": a title followed by its holder's name names no organisation.
  if (isTitleHead(first) && isWholePersonalName(tokens, start + 1, end)) return undefined;
  const index = getHeadScanIndex(tokens);
  if (getHeadKind(first)) {
    const phrase = readPhraseFromHead(tokens, index, start, start, end);
    if (phrase.end - start >= 2) return phrase;
  } else if (first.possessive) {
    return undefined;
  }
  // The first word that does not let the scan go on: the head, or the end of the name.
  const h = index.scanStop[start + 1];
  if (h >= end || !tokens[h].capitalised || isHonorific(tokens[h]) || !joined(tokens, h - 1) || !getHeadKind(tokens[h])) return undefined;
  return readPhraseFromHead(tokens, index, start, h, end);
}

function getHeadKind(t: Token): PhraseMatch['kind'] | undefined {
  if (!t.capitalised) return undefined;
  const word = lower(t);
  return ORGANISATION_HEADS.has(word) ? 'organisation' : EVENT_HEADS.has(word) ? 'event' : PLACE_HEADS.has(word) ? 'place' : undefined;
}

/** The phrase from `start` whose (first) head word is at `h`. */
function readPhraseFromHead(tokens: readonly Token[], index: HeadScanIndex, start: number, h: number, end: number): PhraseMatch {
  const kind = getHeadKind(tokens[h])!;
  // "National News Agency": the name runs to its last head word among the capitalised words joined to it.
  const linked = Math.min(end, index.linkEnd[h + 1]);
  let last = Math.max(h, index.lastHead[linked - 1]);
  // "Defence Command Finland", "Allied Command Operations": capitalised words right after the head belong to it,
  // but not a personal name: "President of the European Council Charles Michel".
  while (
    last + 1 < end &&
    tokens[last + 1].capitalised &&
    joined(tokens, last) &&
    !isTitleWord(tokens[last + 1]) &&
    !isHonorific(tokens[last + 1]) &&
    !isFunctionWord(tokens[last + 1]) &&
    !startsPersonalName(tokens, last + 1, end)
  )
    last++;
  // "Spring Session of the NATO Parliamentary Assembly": an event's "of" complement is a name of its own.
  const phraseEnd = kind === 'event' ? last + 1 : extendWithComplements(tokens, last + 1, end);
  return { kind, start, end: phraseEnd };
}

/**
 * Where scans for a head noun stop, computed once per token list (TokenListFacts). Looking for the head from every word of a
 * long capitalised run ("ONE LONG SHOUTED HEADING…", thousands of name-like words) would read the run once per
 * word: quadratic. These arrays answer each scan in constant time, whatever the run's length.
 */
interface HeadScanIndex {
  /** The first index ≥ i at which a scan for a head word, begun before i, stops (a head, or the name's end). */
  readonly scanStop: readonly number[];
  /** The first index ≥ i whose token is not a capitalised word joined to the one before it. */
  readonly linkEnd: readonly number[];
  /** The last index ≤ i holding a capitalised head word, or -1. */
  readonly lastHead: readonly number[];
}

function getHeadScanIndex(tokens: readonly Token[]): HeadScanIndex {
  const facts = getTokenListFacts(tokens);
  facts.headScan ??= buildHeadScanIndex(tokens);
  return facts.headScan;
}

function buildHeadScanIndex(tokens: readonly Token[]): HeadScanIndex {
  const n = tokens.length;
  // Plain arrays, every entry written below: a segment is often a few words, and small typed arrays cost more to make.
  const scanStop: number[] = new Array(n + 2);
  const linkEnd: number[] = new Array(n + 2);
  const lastHead: number[] = new Array(n);
  scanStop[n] = scanStop[n + 1] = linkEnd[n] = linkEnd[n + 1] = n;
  for (let i = n - 1; i >= 0; i--) {
    const t = tokens[i];
    const isLinked = i > 0 && t.capitalised && joined(tokens, i - 1);
    // "Jeju Forum for Peace and Prosperity": "and" between two joined capitalised words does not end the name.
    const skipsAnd = i > 0 && t.text === 'and' && !!tokens[i + 1]?.capitalised && joined(tokens, i - 1) && joined(tokens, i);
    // A title followed by its holder's name ends the name: "National Security Advisor Jake Sullivan".
    const endsAtHolder = isTitleHead(t) && isWholePersonalName(tokens, i + 1, n);
    // "Austin Reaffirms Alliance": a headline's verb ends the subject before it; no organisation runs across it.
    const goesOn = skipsAnd || (isLinked && !isHonorific(t) && !getHeadKind(t) && !t.possessive && !endsAtHolder && !HEADLINE_VERBS.has(lower(t)));
    scanStop[i] = goesOn ? scanStop[i + 1] : i;
    linkEnd[i] = isLinked ? linkEnd[i + 1] : i;
  }
  for (let i = 0; i < n; i++) lastHead[i] = getHeadKind(tokens[i]) ? i : i > 0 ? lastHead[i - 1] : -1;
  return { scanStop, linkEnd, lastHead };
}

/** Two or more name words from i ("Charles Michel", "Michael R. Weimer"): a person, not part of a name before. */
function startsPersonalName(tokens: readonly Token[], i: number, end: number): boolean {
  return i + 1 < end && isNameWord(tokens[i]) && joined(tokens, i) && (isNameWord(tokens[i + 1]) || isNameParticle(tokens[i + 1]));
}

/** A personal name from i that no capitalised word continues ("Jake Sullivan and …", not "Staff Main Intelligence Directorate"). */
function isWholePersonalName(tokens: readonly Token[], i: number, end: number): boolean {
  if (!startsPersonalName(tokens, i, end)) return false;
  let j = i;
  while (j < end && (isNameWord(tokens[j]) || isParticleBeforeName(tokens, j)) && (j === i || joined(tokens, j - 1))) j++;
  return j >= end || !tokens[j].capitalised || !joined(tokens, j - 1);
}

function joined(tokens: readonly Token[], i: number): boolean {
  return isNameJoin(tokens[i].gapAfter) && !tokens[i].possessive;
}

/** "… of the European Union", "… for Peace and Prosperity": complements made of capitalised words. */
function extendWithComplements(tokens: readonly Token[], from: number, end: number): number {
  let j = from;
  while (j < end && (tokens[j].text === 'of' || tokens[j].text === 'for') && joined(tokens, j - 1)) {
    let k = j + 1;
    if (tokens[k]?.text === 'the') k++;
    let last = k;
    while (
      last < end &&
      ((tokens[last].capitalised && !isTitleHead(tokens[last])) || (tokens[last].text === 'and' && tokens[last + 1]?.capitalised)) &&
      joined(tokens, last - 1)
    ) {
      last++;
      if (tokens[last - 1].possessive) break;
    }
    if (last === k || !tokens[last - 1].capitalised) break;
    j = last;
  }
  return j;
}
