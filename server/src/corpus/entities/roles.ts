// Roles as the text states them. A role is an optional owner ("NATO", "Bulgarian", "Ukraine"), title words
// ("Deputy Secretary General", "Minister-Delegate") with at least one head word, and complements after
// "of/for (the)": a portfolio ("of Foreign Affairs"), a country ("of Mauritania"), an organisation ("of the NATO
// Military Committee"). Ranks can follow a post: "Deputy Chief of Defence Brigadier General".

import { normaliseName } from './entityModel';
import { Gazetteer } from './gazetteer';
import { ORGANISATION_HEADS, PORTFOLIO_WORDS, TITLE_WORDS } from './lexicon';
import { findNamedPhraseAt, gazetteerAt, hasTitleWordIn, isEntityAbbreviation, isHonorific, isTitleHead, isTitleWord, lower } from './phrases';
import { isNameJoin, Token } from './tokens';

export interface RoleMatch {
  readonly start: number;
  /** Exclusive token index where the role ends (a name may follow). */
  readonly end: number;
  /** Where the post ends: a rank written after it is the person's, not the post's ("Press Secretary Maj. Gen."). */
  readonly postEnd: number;
  /**
   * Where an office named in a complement starts ("UN Secretary-General" in "Spokesperson for UN Secretary-General"):
   * a name right after the role holds that office, not the whole role.
   */
  readonly officeStart?: number;
  /** The office's title words, the span its title-only mention covers ("Secretary-General" of "UN Secretary-General"). */
  readonly officeTitle?: { readonly start: number; readonly end: number };
  /** The first block of title words: the span a title-only mention covers ("Secretary General"). */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** Only courtesy words ("Mr", "His Excellency"): a name must follow, and it is not a role. */
  readonly honorificOnly: boolean;
}

/** The role starting at token `start` of a name run ending at `end`, or undefined. */
export function findRoleAt(gazetteer: Gazetteer, tokens: readonly Token[], start: number, end: number): RoleMatch | undefined {
  // Only a title word or honorific counts as a head below: without one from here to the end there is no role.
  if (!hasTitleWordIn(tokens, start, end)) return undefined;
  let i = start;
  const owner = findOwnerEnd(gazetteer, tokens, i, end);
  if (owner !== undefined && isTitleWord(tokens[owner])) i = owner;
  i = findQualifierEnd(tokens, i, end);
  let titleStart = -1;
  let titleEnd = -1;
  let heads = 0;
  let honorifics = 0;
  let complementStart: number | undefined;
  let officeStart: number | undefined;
  let officeTitle: { start: number; end: number } | undefined;
  for (let round = 0; round < 3; round++) {
    const blockStart = i;
    const headsBefore = heads;
    while (
      i < end &&
      (isTitleWord(tokens[i]) ||
        isHonorific(tokens[i]) ||
        isCourtesyPronoun(tokens, i) ||
        isArticleOfCourtesy(tokens, i, blockStart) ||
        (i > blockStart && isIncomingSuffix(tokens, i))) &&
      (i === blockStart || isNameJoin(tokens[i - 1].gapAfter))
    ) {
      if (isTitleHead(tokens[i]) || isSpouseTitleEnd(tokens, i)) heads++;
      if (isHonorific(tokens[i])) honorifics++;
      i++;
    }
    if (i > blockStart && titleStart < 0) {
      titleStart = blockStart;
      titleEnd = i;
    }
    // A complement follows a post: neither "Ukraine of …" nor title words without a head ("Allied for NATO") open a role.
    if (round === 0 && heads + honorifics === 0) break;
    // "Spokesperson for UN Secretary-General": a title inside the complement is an office of its own.
    if (heads > headsBefore && complementStart !== undefined && officeStart === undefined) {
      officeStart = complementStart;
      officeTitle = { start: blockStart, end: i };
    }
    const complement = findComplementEnd(gazetteer, tokens, i, end);
    if (complement.end === i && i === blockStart) break;
    i = complement.end;
    complementStart = complement.contentStart;
  }
  if (titleStart < 0 || heads + honorifics === 0) return undefined;
  let rankStart = i;
  // A rank spelled out after a complement is the holder's too: "CHAIRMAN OF THE JOINT CHIEFS OF STAFF GENERAL";
  // so is a royal title after a post: "Saudi Foreign Minister Prince Faisal".
  while (
    rankStart - 1 > titleStart &&
    (RANK_ABBREVIATIONS.has(lower(tokens[rankStart - 1])) ||
      (rankStart - 1 >= titleEnd && isSpelledRank(tokens, rankStart - 1)) ||
      (rankStart === i && ROYAL_TITLES.has(lower(tokens[rankStart - 1])) && isTitleHead(tokens[rankStart - 2])))
  )
    rankStart--;
  let postEnd = rankStart < i && !RANK_ABBREVIATIONS.has(lower(tokens[rankStart - 1])) && !isSpelledRank(tokens, rankStart - 1) ? rankStart : i;
  // A courtesy title between the post and the name is the holder's: "Defence Secretary Sir Michael Fallon",
  // "President of France Mr. Emmanuel Macron", "Minister for Defence Dr Billy Joseph" hold the post before it.
  while (postEnd - 1 > titleStart && isCourtesyWord(tokens, postEnd - 1) && hasTitleHeadIn(tokens, titleStart, postEnd - 1)) postEnd--;
  // A rank after the post is no office inside its complement: "Deputy Chief of Defence Brigadier General".
  const hasOffice = officeTitle !== undefined && tokens.slice(officeTitle.start, postEnd).some((t) => isTitleHead(t));
  return {
    start,
    end: i,
    postEnd,
    titleStart,
    titleEnd: Math.min(titleEnd, postEnd),
    honorificOnly: heads === 0,
    ...(hasOffice && { officeStart, officeTitle: { start: officeTitle!.start, end: Math.min(officeTitle!.end, postEnd) } }),
  };
}

function isCourtesyWord(tokens: readonly Token[], i: number): boolean {
  return isHonorific(tokens[i]) || isCourtesyPronoun(tokens, i) || (tokens[i].text === 'the' && isHonorific(tokens[i + 1]));
}

function hasTitleHeadIn(tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isTitleHead(tokens[k])) return true;
  return false;
}

/** Abbreviated ranks, spelled out: military news writes "Sgt. Maj. of the Army", "Gen.". */
const RANK_WORDS: Record<string, string> = {
  gen: 'general',
  maj: 'major',
  lt: 'lieutenant',
  col: 'colonel',
  capt: 'captain',
  cmdr: 'commander',
  adm: 'admiral',
  brig: 'brigadier',
  sgt: 'sergeant',
};

const ROYAL_TITLES = new Set(['prince', 'princess', 'sheikh', 'sheikha']);
const SPELLED_RANKS = new Set([...Object.values(RANK_WORDS), 'general', 'admiral']);

/** Words of military ranks: "Lieutenant General", "Rear Admiral", "Gen.", "ADM.". */
const RANK_TITLE_WORDS = new Set([...SPELLED_RANKS, 'rear', 'vice', 'marshal', 'corporal']);

/** A rank alone is no office: "Gen.", "GENERAL", "Lieutenant General" (but "Commander of Resolute Support" is). */
export function isRankOnly(role: string): boolean {
  const words = normaliseRoleInOrder(role).split(' ');
  return words.every((word) => RANK_TITLE_WORDS.has(word)) && words.some((word) => SPELLED_RANKS.has(word));
}

/** "GENERAL" after a post; not the "-General" of "Secretary-General". */
function isSpelledRank(tokens: readonly Token[], i: number): boolean {
  return SPELLED_RANKS.has(lower(tokens[i])) && tokens[i - 1]?.gapAfter !== '-';
}

/** After a post an abbreviated rank starts the holder's rank ("Pentagon Press Secretary Maj. Gen. Pat Ryder"). */
const RANK_ABBREVIATIONS = new Set(Object.keys(RANK_WORDS));
const RANK_ABBREVIATION = new RegExp(`\\b(?:${[...RANK_ABBREVIATIONS].join('|')})\\b`, 'g');

/** "National Security Advisor", "Department Spokesperson": portfolio or office words qualifying a title. */
function findQualifierEnd(tokens: readonly Token[], i: number, end: number): number {
  const isQualifierWord = (t: Token | undefined) =>
    !!t && t.capitalised && !isTitleWord(t) && (PORTFOLIO_WORDS.has(lower(t)) || ORGANISATION_HEADS.has(lower(t))) && isNameJoin(t.gapAfter);
  let j = i;
  // "Business and Energy Secretary": two portfolios joined by "and" qualify one title.
  while (j < end && j - i < 5 && (isQualifierWord(tokens[j]) || (j > i && tokens[j].text === 'and' && isQualifierWord(tokens[j + 1])))) j++;
  return j > i && isTitleWord(tokens[j]) && !RANK_ABBREVIATIONS.has(lower(tokens[j])) ? j : i;
}

/** "President-elect", "Prime Minister-designate": a title not yet held is a title of its own. */
export function isIncomingSuffix(tokens: readonly Token[], i: number): boolean {
  return tokens[i - 1].gapAfter === '-' && INCOMING_SUFFIXES.has(tokens[i].text) && isTitleHead(tokens[i - 1]);
}

const INCOMING_SUFFIXES = new Set(['elect', 'designate']);

/** "First Lady", "Second Gentleman": a leader's spouse holds a title of its own ("Lady Ashton" is a courtesy title). */
function isSpouseTitleEnd(tokens: readonly Token[], i: number): boolean {
  return /^(lady|gentleman)$/.test(lower(tokens[i])) && /^(first|second)$/.test(lower(tokens[i - 1])) && tokens[i].capitalised;
}

/** "Senator the Hon Marise Payne", "Minister the Rt Hon …": "the" between a title and a courtesy title joins them. */
function isArticleOfCourtesy(tokens: readonly Token[], i: number, blockStart: number): boolean {
  return i > blockStart && tokens[i]?.text === 'the' && isHonorific(tokens[i + 1]);
}

/** "His Excellency", "Her Majesty": the pronoun belongs to the courtesy title. */
function isCourtesyPronoun(tokens: readonly Token[], i: number): boolean {
  return (tokens[i]?.text === 'His' || tokens[i]?.text === 'Her') && isHonorific(tokens[i + 1]);
}

/** The owner before a title: an abbreviation, a country or demonym, or an organisation name. */
function findOwnerEnd(gazetteer: Gazetteer, tokens: readonly Token[], i: number, end: number): number | undefined {
  if (tokens[i]?.allCaps && isEntityAbbreviation(tokens, i)) return i + 1;
  const place = gazetteerAt(gazetteer, tokens, i, end);
  if (place && place.kind !== 'code') return i + place.tokenCount;
  return findNamedPhraseAt(tokens, i, end)?.end;
}

/**
 * Past "of/for (the) <portfolio | country | organisation>" complements and a bare country ("Command Finland"); also
 * past "of/for the" before a title ("Special Representative of the Secretary-General"), which the caller reads.
 * `contentStart`: where the last complement's words start, after "of/for (the)".
 */
function findComplementEnd(gazetteer: Gazetteer, tokens: readonly Token[], i: number, end: number): { end: number; contentStart?: number } {
  let contentStart: number | undefined;
  for (;;) {
    const t = tokens[i];
    if (i >= end || !t) return { end: i, contentStart };
    if (i > 0 && !isNameJoin(tokens[i - 1].gapAfter)) return { end: i, contentStart };
    if (t.text === 'of' || t.text === 'for') {
      let j = i + 1;
      if (tokens[j]?.text === 'the') j++;
      const next = findComplementWordsEnd(gazetteer, tokens, j, end);
      if (next === j) return isTitleHead(tokens[j]) && isNameJoin(tokens[j - 1].gapAfter) ? { end: j, contentStart: j } : { end: i, contentStart };
      contentStart = j;
      i = next;
    } else if (t.capitalised && !isTitleWord(t)) {
      const place = gazetteerAt(gazetteer, tokens, i, end);
      if (!place || place.kind !== 'country') return { end: i, contentStart };
      i += place.tokenCount;
    } else {
      return { end: i, contentStart };
    }
  }
}

function findComplementWordsEnd(gazetteer: Gazetteer, tokens: readonly Token[], j: number, end: number): number {
  const organisation = findNamedPhraseAt(tokens, j, end);
  if (organisation?.kind === 'organisation') return organisation.end;
  const place = gazetteerAt(gazetteer, tokens, j, end);
  if (place && place.kind === 'country') return j + place.tokenCount;
  if (tokens[j]?.allCaps && isEntityAbbreviation(tokens, j)) return j + 1;
  // "President of the Commission", "Chair of the Committee": an institution the reader knows, by its head noun alone.
  if (tokens[j - 1]?.text === 'the' && tokens[j]?.capitalised && ORGANISATION_HEADS.has(lower(tokens[j])) && !tokens[j + 1]?.capitalised) return j + 1;
  let k = j;
  while (k < end && tokens[k].capitalised && PORTFOLIO_WORDS.has(lower(tokens[k]))) {
    k++;
    if (tokens[k]?.text === 'and' && tokens[k + 1]?.capitalised && PORTFOLIO_WORDS.has(lower(tokens[k + 1]))) k++;
    if (!isNameJoin(tokens[k - 1].gapAfter)) break;
  }
  return k;
}

/** The title words of a role, lower case, for matching "the Secretary General" to its holder. */
export function getRoleHead(role: string): string {
  const words = role.split(/[\s-]+/);
  const first = words.findIndex((w) => /^\p{Lu}/u.test(w) && isTitleText(w) && !/^(His|Her)$/.test(w));
  if (first < 0) return '';
  let last = first;
  while (last + 1 < words.length && (isTitleText(words[last + 1]) || INCOMING_SUFFIXES.has(words[last + 1]))) last++;
  return words
    .slice(first, last + 1)
    .join(' ')
    .toLowerCase();
}

function isTitleText(word: string): boolean {
  return /^\p{Lu}/u.test(word) && TITLE_WORDS.has(normaliseName(word));
}

/**
 * A role for comparison: "Chair of the NATO Military Committee" and "Chair of NATO Military Committee" agree, and
 * so do "Sgt. Maj. of the Army" and "Sergeant Major of the Army". A post and its complement compare in the order
 * news style writes them, complement first: "Secretary of Defense" is "Defense Secretary", "Minister for Foreign
 * Affairs" is "Foreign Minister" ("Affairs" adds nothing to a portfolio), "President of the General Assembly" is
 * "General Assembly President", and "Secretary General of NATO" is "NATO Secretary General".
 */
export function normaliseRole(role: string): string {
  const [post, ...complements] = normaliseRoleText(role)
    .replace(/\baffairs\b/g, ' ')
    .split(/\b(?:of|for)\b/)
    .map(dropArticles);
  return [...complements.reverse(), post].filter(Boolean).join(' ');
}

/** The same words as `normaliseRole`, in the order written: "Secretary of Defense" is "secretary defense". */
export function normaliseRoleInOrder(role: string): string {
  return dropArticles(normaliseRoleText(role).replace(/\b(?:of|for)\b/g, ' '));
}

function normaliseRoleText(role: string): string {
  return normaliseName(role)
    .replace(RANK_ABBREVIATION, (abbreviation) => RANK_WORDS[abbreviation])
    .replace(/-/g, ' ')
    .replace(/^(?:mister|madam|mr|ms|mrs) /, '');
}

function dropArticles(words: string): string {
  return words
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
