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
export const isFunctionWord = (t: Token | undefined): boolean => !!t && FUNCTION_WORDS.has(lower(t));
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
  return !!t && t.capitalised && !t.allCaps && !isNameSuffix(t) && !isTitleWord(t) && !isHonorific(t) && !isFunctionWord(t) && !isCalendarWord(t) && !ORGANISATION_HEADS.has(lower(t)) && !EVENT_HEADS.has(lower(t)) && !HEADLINE_VERBS.has(lower(t));
}

/** A name particle (or two: "von der") before a name word: "Ursula von der Leyen", "Mohamed Ould Ghazouani". */
export function isParticleBeforeName(tokens: readonly Token[], i: number): boolean {
  return isNameParticle(tokens[i]) && (isNameWord(tokens[i + 1]) || (isNameParticle(tokens[i + 1]) && isNameWord(tokens[i + 2])));
}

type GazetteerHit = GazetteerEntry & { tokenCount: number };
// Recognition asks about the same token several times (role owner, complement, place): one lookup each.
const hitsByToken = new WeakMap<Token, GazetteerHit | null>();

/** The gazetteer phrase covering whole tokens from token i ("North Korea", "U.K.") and ending before `end`. */
export function gazetteerAt(gazetteer: Gazetteer, tokens: readonly Token[], i: number, end: number): GazetteerHit | undefined {
  const token = tokens[i];
  if (!token?.capitalised) return undefined;
  let hit = hitsByToken.get(token);
  if (hit === undefined) {
    hit = findGazetteerHit(gazetteer, tokens, i) ?? null;
    hitsByToken.set(token, hit);
  }
  if (!hit) return undefined;
  return i + hit.tokenCount <= end ? hit : findGazetteerHit(gazetteer, tokens.slice(0, end), i);
}

function findGazetteerHit(gazetteer: Gazetteer, tokens: readonly Token[], i: number): GazetteerHit | undefined {
  const end = tokens.length;
  if (!gazetteer.byFirstWord.has(lower(tokens[i]).split(/[\s-]/, 1)[0])) return undefined;
  const words: string[] = [];
  const tokenEnds: number[] = []; // word count after each token
  for (let j = i; j < end && j < i + 8; j++) {
    words.push(...lower(tokens[j]).split(/[\s-]+/));
    tokenEnds.push(words.length);
  }
  const entry = findGazetteerPhrase(gazetteer, words, 0);
  const tokenCount = entry ? tokenEnds.indexOf(entry.words.length) + 1 : 0;
  return entry && tokenCount > 0 ? { ...entry, tokenCount } : undefined;
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
  if (EVENT_LEADS.has(lower(tokens[start])) && tokens[start].capitalised && tokens[start + 1]?.capitalised && start + 1 < end) {
    let j = start + 1;
    while (j < end && (tokens[j].capitalised || /^\d+$/.test(tokens[j].text))) j++;
    return { kind: 'event', start, end: j };
  }
  for (let h = start; h < end; h++) {
    const t = tokens[h];
    if (t.text === 'and' && h > start && tokens[h + 1]?.capitalised && joined(tokens, h - 1) && joined(tokens, h)) continue;
    if (!t.capitalised || isHonorific(t) || (h > start && !joined(tokens, h - 1))) break;
    // "National Security Advisor Jake Sullivan and …": a title followed by its holder's name ends the search.
    if (isTitleHead(t) && isWholePersonalName(tokens, h + 1, end)) break;
    const word = lower(t);
    const kind = ORGANISATION_HEADS.has(word) ? 'organisation' : EVENT_HEADS.has(word) ? 'event' : PLACE_HEADS.has(word) ? 'place' : undefined;
    if (!kind) {
      if (t.possessive) break;
      continue;
    }
    // "National News Agency": the name runs to its last head word.
    let last = h;
    for (let k = h + 1; k < end && tokens[k].capitalised && joined(tokens, k - 1); k++) {
      if (ORGANISATION_HEADS.has(lower(tokens[k])) || EVENT_HEADS.has(lower(tokens[k])) || PLACE_HEADS.has(lower(tokens[k]))) last = k;
      if (tokens[k].possessive) break;
    }
    // "Defence Command Finland", "Allied Command Operations": capitalised words right after the head belong to it,
    // but not a personal name: "President of the European Council Charles Michel".
    while (last + 1 < end && tokens[last + 1].capitalised && joined(tokens, last) && !isTitleWord(tokens[last + 1]) && !isHonorific(tokens[last + 1]) && !isFunctionWord(tokens[last + 1]) && !startsPersonalName(tokens, last + 1, end)) last++;
    // "Spring Session of the NATO Parliamentary Assembly": an event's "of" complement is a name of its own.
    const phraseEnd = kind === 'event' ? last + 1 : extendWithComplements(tokens, last + 1, end);
    if (phraseEnd - start < 2) continue;
    return { kind, start, end: phraseEnd };
  }
  return undefined;
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
    while (last < end && (tokens[last].capitalised && !isTitleHead(tokens[last]) || (tokens[last].text === 'and' && tokens[last + 1]?.capitalised)) && joined(tokens, last - 1)) {
      last++;
      if (tokens[last - 1].possessive) break;
    }
    if (last === k || !tokens[last - 1].capitalised) break;
    j = last;
  }
  return j;
}
