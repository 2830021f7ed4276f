// Pass one of recognition, over one text span at a time: capitalised runs of words are read left to right as
// roles with names ("Minister of Defence Ludivine Dedonder"), organisation and event names, gazetteer places,
// abbreviations, and leftover capitalised words that only the whole file (aliases.ts) can name.

import { Span } from '../model';
import { EntityKind, keyOf, MentionForm } from './entityModel';
import { Gazetteer, getGazetteer } from './gazetteer';
import { EVENT_HEADS, EVENT_LEADS, GOVERNMENT_NOUNS, LOCATIVE_PREPOSITIONS, MOVEMENT_VERBS, NAME_CONNECTORS, NON_ENTITY_ABBREVIATIONS } from './lexicon';
import {
  findNamedPhraseAt,
  gazetteerAt,
  isCalendarWord,
  isEntityAbbreviation,
  isFunctionWord,
  isHonorific,
  isInitialsBeforeName,
  isParticleBeforeName,
  isNameSuffix,
  isNameWord,
  isNameWordAt,
  isTitleWord,
  lower,
} from './phrases';
import { joinAppositions, outerOf } from './appositions';
import { findRoleAt, getRoleHead, isIncomingSuffix, RoleMatch } from './roles';
import { isNameJoin, Token, tokenize } from './tokens';

/** A span of text to read, and the release it belongs to. */
export interface Segment {
  readonly span: Span;
  readonly releaseIndex: number;
}

/** One finding of pass one, in text order. */
export type Finding =
  | {
      type: 'mention';
      span: Span;
      kind: EntityKind;
      form: MentionForm;
      key: string;
      role?: string;
      words?: string[];
      releaseIndex: number;
      abbreviationOf?: string;
      outer?: Span;
    }
  | { type: 'role'; span: Span; outer: Span; role: string; head: string; confirmed: boolean; releaseIndex: number }
  | { type: 'name-run'; span: Span; words: string[]; wordSpans: Span[]; releaseIndex: number };

/** Reads one segment; findings come out in text order. */
export function findInSegment(text: string, segment: Segment, gazetteer: Gazetteer = getGazetteer()): Finding[] {
  const tokens = tokenize(text, segment.span);
  const reader = new SegmentReader(text, tokens, segment.releaseIndex, gazetteer);
  for (let i = 0; i < tokens.length;) {
    if (!tokens[i].capitalised) {
      reader.readLowerCaseTitle(i);
      i++;
      continue;
    }
    i = reader.readRun(i, findRunEnd(tokens, i));
  }
  // Containers before what they contain, so that the finding after a role is the next one outside it. Findings
  // mostly come out in that order already; a stable sort would keep them as they are, so it is skipped then.
  const ordered = isInContainerOrder(reader.findings) ? reader.findings : [...reader.findings].sort(compareContainerFirst);
  return joinAppositions(text, ordered);
}

function compareContainerFirst(a: Finding, b: Finding): number {
  return outerOf(a).start - outerOf(b).start || outerOf(b).end - outerOf(a).end;
}

function isInContainerOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareContainerFirst(findings[i - 1], findings[i]) > 0) return false;
  return true;
}

/** Capitalised words joined by spaces or hyphens, with lower-case connectors between them ("Party of Germany"). */
function findRunEnd(tokens: readonly Token[], start: number): number {
  const isEventLead = (t: Token) => t.capitalised && EVENT_LEADS.has(lower(t));
  let runHasEventLead = isEventLead(tokens[start]);
  let j = start + 1;
  while (j < tokens.length && isNameJoin(tokens[j - 1].gapAfter) && !tokens[j - 1].possessive) {
    const t = tokens[j];
    // A number ends an event name: "Exercise Northern Forest 24", "Saber Strike 24 exercise".
    const numbered = /^\d+$/.test(t.text) && tokens[j - 1].capitalised && (runHasEventLead || EVENT_HEADS.has(lower(tokens[j + 1])));
    if (t.capitalised || numbered || isIncomingSuffix(tokens, j)) {
      runHasEventLead ||= isEventLead(t);
      j++;
    } else if (
      isRunConnector(t) &&
      isNameJoin(t.gapAfter) &&
      (tokens[j + 1]?.capitalised || (isRunConnector(tokens[j + 1]) && isNameJoin(tokens[j + 1].gapAfter) && tokens[j + 2]?.capitalised))
    ) {
      j++;
    } else {
      break;
    }
  }
  return j;
}

/** "of", "the", "de", "Ould"…: lower-case words that can sit between the capitalised words of one name. */
function isRunConnector(t: Token | undefined): boolean {
  return !!t && !t.capitalised && NAME_CONNECTORS.has(t.text);
}

class SegmentReader {
  readonly findings: Finding[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly releaseIndex: number,
    private readonly gazetteer: Gazetteer,
  ) {}

  /** Reads a run; returns where reading goes on (past the run, or past an abbreviation defined after it). */
  readRun(start: number, end: number): number {
    let k = start;
    while (k < end) k = this.readAt(k, end);
    return k;
  }

  /** Reads what starts at token k and returns the next token to read. */
  private readAt(k: number, end: number): number {
    const t = this.tokens[k];
    if (!t.capitalised || isCalendarWord(t) || (isFunctionWord(t) && !isHonorific(this.tokens[k + 1]))) return k + 1;
    const phrase = findNamedPhraseAt(this.tokens, k, end);
    const role = findRoleAt(this.gazetteer, this.tokens, k, end);
    if (role && (!phrase || phrase.end <= role.end)) return this.readRole(role, end);
    if (phrase) {
      const first = this.tokens[phrase.start].text === 'The' ? phrase.start + 1 : phrase.start;
      this.addMention(first, phrase.end, phrase.kind, 'name', keyOf(phrase.kind, this.textOf(first, phrase.end)));
      return this.readDefinedAbbreviation(phrase.end, phrase.kind);
    }
    const place = gazetteerAt(this.gazetteer, this.tokens, k, end);
    if (place && this.readPlace(k, place.tokenCount, place.kind, place.id, place.countryName)) return k + place.tokenCount;
    if (t.allCaps && isEntityAbbreviation(this.tokens, k) && !place && !/^\p{Lu}\.\p{Lu}\.?$/u.test(t.text) && !this.isPostalCode(k)) {
      const regionWord = /^(region|area)$/.test(this.tokens[k + 1]?.text ?? '');
      this.addMention(k, k + 1, regionWord ? 'place' : 'organisation', 'abbreviation', keyOf(regionWord ? 'place' : 'organisation', t.text));
      return k + 1;
    }
    return this.readNameRun(k, end);
  }

  /**
   * News style writes a title in lower case after the first reference: "…," the secretary said; "The secretary met
   * with soldiers". Only a head title after "the" and before a verb in the past tense counts: "the secretary of a
   * club" and "the president's office" are no one's title.
   */
  readLowerCaseTitle(k: number): void {
    if (this.tokens[k - 1]?.lower !== 'the') return;
    // "the deputy secretary welcomed", "the state minister agreed": one qualifier may come before the head.
    const qualified = LOWER_CASE_QUALIFIERS.has(this.tokens[k].text) && this.tokens[k].gapAfter === ' ';
    const head = qualified ? k + 1 : k;
    const t = this.tokens[head];
    if (!t || !LOWER_CASE_TITLES.has(t.text)) return;
    // "… the full backing of the president.": a bare head title closing a clause is the reference too.
    const closesClause = !qualified && /^[.,;]/.test(t.gapAfter) && !/^\.\s*\p{Ll}/u.test(t.gapAfter);
    if (!closesClause && (!isPastTenseVerb(this.tokens[head + 1]) || !isNameJoin(t.gapAfter))) return;
    const role = this.textOf(k, head + 1).replace(/(^|[-\s])\p{Ll}/gu, (c) => c.toUpperCase());
    this.findings.push({
      type: 'role',
      span: this.spanOf(k, head + 1),
      outer: this.spanOf(k, head + 1),
      role,
      head: getRoleHead(role),
      confirmed: true,
      releaseIndex: this.releaseIndex,
    });
  }

  private readRole(role: RoleMatch, end: number): number {
    let m = role.end;
    while (
      m < end &&
      m - role.end < 5 &&
      (isNameWord(this.tokens[m]) ||
        (m === role.end ? isInitialsBeforeName(this.gazetteer, this.tokens, m, end) : isNameWordAt(this.tokens, m)) ||
        isParticleBeforeName(this.tokens, m) ||
        (m > role.end && isNameSuffix(this.tokens[m])))
    ) {
      if (m === role.end && gazetteerAt(this.gazetteer, this.tokens, m, end)?.kind === 'country') break;
      m++;
      if (this.tokens[m - 1].possessive) break;
    }
    this.readInsideRole(role);
    const roleStart = m > role.end && role.officeStart !== undefined ? role.officeStart : role.start;
    const roleText = role.honorificOnly ? undefined : this.textOf(roleStart, role.postEnd).replace(/^(The|the) /, '');
    if (m > role.end) {
      const words = this.wordsOf(role.end, m);
      this.addMention(role.end, m, 'person', words.length > 1 ? 'name' : 'surname', keyOf('person', words.join(' ')), roleText, words);
      const added = this.findings[this.findings.length - 1];
      if (added.type === 'mention') added.outer = this.spanOf(role.start, m);
      return m;
    }
    if (!role.honorificOnly && roleText) {
      const previous = this.tokens[role.start - 1];
      const owned = role.titleStart > role.start;
      // A title addressed to its holder opens a sentence and ends at a comma: "Secretary General, you mentioned…".
      const vocative = (!previous || /[.!?:\n]\s*$/.test(previous.gapAfter)) && /^,/.test(this.tokens[role.end - 1].gapAfter);
      const determined = !!previous && /^(?:the|The|our|their|its|his|her|your)$/.test(previous.text);
      const confirmed = owned || vocative || determined || role.start === 0 || isHonorific(this.tokens[role.titleStart]);
      const span = { start: this.tokens[role.titleStart].start, end: this.tokens[role.titleEnd - 1].end };
      const outer = this.spanOf(role.start, role.end);
      this.findings.push({ type: 'role', span, outer, role: roleText, head: getRoleHead(roleText), confirmed, releaseIndex: this.releaseIndex });
      if (role.officeStart !== undefined) this.readOfficeInComplement(role);
    }
    return role.end;
  }

  /**
   * "the Office of the Spokesperson for the Secretary-General": the office the complement names is a title-only
   * mention of its own holder, besides the spokesperson's. Like any title-only mention it covers the title words
   * alone: the owner of "UN Secretary-General" is a mention of its own (readInsideRole).
   */
  private readOfficeInComplement(role: RoleMatch): void {
    const officeStart = role.officeStart!;
    const officeText = this.textOf(officeStart, role.postEnd);
    const span = this.spanOf(role.officeTitle!.start, role.officeTitle!.end);
    const outer = this.spanOf(officeStart, role.postEnd);
    this.findings.push({ type: 'role', span, outer, role: officeText, head: getRoleHead(officeText), confirmed: true, releaseIndex: this.releaseIndex });
  }

  /** Owners and complements of a role are mentions too: "NATO" in "NATO Secretary General". */
  private readInsideRole(role: RoleMatch): void {
    for (let k = role.start; k < role.end;) {
      const t = this.tokens[k];
      const phrase = t.capitalised ? findNamedPhraseAt(this.tokens, k, role.end) : undefined;
      if (phrase) {
        this.addMention(phrase.start, phrase.end, phrase.kind, 'name', keyOf(phrase.kind, this.textOf(phrase.start, phrase.end)));
        k = phrase.end;
        continue;
      }
      if (!t.capitalised || isTitleWord(t) || isHonorific(t) || isFunctionWord(t)) {
        k++;
        continue;
      }
      const place = gazetteerAt(this.gazetteer, this.tokens, k, role.end);
      if (place && this.readPlace(k, place.tokenCount, place.kind, place.id, place.countryName)) {
        k += place.tokenCount;
      } else {
        if (t.allCaps && isEntityAbbreviation(this.tokens, k)) this.addMention(k, k + 1, 'organisation', 'abbreviation', keyOf('organisation', t.text));
        k++;
      }
    }
  }

  private readPlace(k: number, length: number, kind: string, id: string, countryName: string): boolean {
    const t = this.tokens[k];
    const previous = lower(this.tokens[k - 1]);
    if (kind === 'code' && !t.text.includes('.') && previous !== 'the') return false;
    // "4:30 P.M.", "Washington, DC": a time of day and a postal code are no country.
    if (kind === 'code' && (NON_ENTITY_ABBREVIATIONS.has(lower(t)) || this.isPostalCode(k))) return false;
    if (kind === 'region') {
      this.addMention(k, k + length, 'place', 'name', keyOf('place', id));
    } else if (
      kind === 'capital' &&
      ((LOCATIVE_PREPOSITIONS.has(previous) && !GOVERNMENT_NOUNS.has(lower(this.tokens[k - 2]))) ||
        (previous === 'to' && MOVEMENT_VERBS.has(lower(this.tokens[k - 2]))))
    ) {
      this.addMention(k, k + length, 'place', 'name', keyOf('place', this.textOf(k, k + length)));
    } else {
      const form: MentionForm = kind === 'capital' ? 'capital' : kind === 'demonym' ? 'demonym' : kind === 'country' ? 'name' : 'abbreviation';
      this.addMention(k, k + length, 'country', form, `country:${id}`, undefined, [countryName]);
    }
    return true;
  }

  /** "Long Name (LN)": the abbreviation names the same entity. */
  private readDefinedAbbreviation(after: number, kind: EntityKind): number {
    const next = this.tokens[after];
    const previous = this.findings[this.findings.length - 1];
    if (!next?.allCaps || !/\($/.test(this.tokens[after - 1].gapAfter) || !/^\)/.test(next.gapAfter) || previous?.type !== 'mention') return after;
    this.addMention(after, after + 1, kind, 'abbreviation', previous.key);
    const added = this.findings[this.findings.length - 1];
    if (added.type === 'mention') added.abbreviationOf = keyOf(kind, next.text);
    return after + 1;
  }

  /** Capitalised words no rule names: kept whole for the file-level pass ("Andrew Gray", "Stoltenberg"). */
  private readNameRun(k: number, end: number): number {
    let m = k;
    while (
      m < end &&
      (isNameWord(this.tokens[m]) ||
        (m > k && isNameWordAt(this.tokens, m)) ||
        (m > k && isParticleBeforeName(this.tokens, m)) ||
        (m > k && isNameSuffix(this.tokens[m])))
    ) {
      if (m > k && gazetteerAt(this.gazetteer, this.tokens, m, end)) break;
      m++;
      if (this.tokens[m - 1].possessive) break;
    }
    if (m === k) return k + 1;
    const after = this.tokens[m];
    if (m - k >= 2 && this.isDefinedAbbreviation(k, m)) {
      // "Mediterranean Dialogue (MD)": a name the text abbreviates by its initials names an organisation.
      this.addMention(k, m, 'organisation', 'name', keyOf('organisation', this.textOf(k, m)));
      return this.readDefinedAbbreviation(m, 'organisation');
    }
    if (m - k >= 2 && m - k <= 4 && this.isFollowedByOfCountry(m)) {
      // "Karim Haddad of Lebanon", "Hadja Lahbib of Belgium": a name placed by its country is a person's.
      this.addMention(k, m, 'person', 'name', keyOf('person', this.wordsOf(k, m).join(' ')), undefined, this.wordsOf(k, m));
      return m;
    }
    if (after && !after.capitalised && EVENT_HEADS.has(lower(after)) && after.text === lower(after)) {
      this.addMention(k, m, 'event', 'name', keyOf('event', this.textOf(k, m)));
    } else {
      const wordSpans = this.tokens.slice(k, m).map((t) => ({ start: t.start, end: t.end }));
      this.findings.push({ type: 'name-run', span: this.spanOf(k, m), words: this.wordsOf(k, m), wordSpans, releaseIndex: this.releaseIndex });
    }
    return m;
  }

  /** Two capitals after "Place, " ("Washington, DC", "Austin, TX"): an address's state code, not an organisation. */
  private isPostalCode(k: number): boolean {
    const previous = this.tokens[k - 1];
    return /^\p{Lu}\.?\p{Lu}\.?$/u.test(this.tokens[k].text) && !!previous?.capitalised && /^,\s*$/.test(previous.gapAfter);
  }

  private isFollowedByOfCountry(end: number): boolean {
    const of = this.tokens[end];
    if (of?.text !== 'of' || !isNameJoin(this.tokens[end - 1].gapAfter) || !isNameJoin(of.gapAfter)) return false;
    return gazetteerAt(this.gazetteer, this.tokens, end + 1, this.tokens.length)?.kind === 'country';
  }

  private isDefinedAbbreviation(start: number, end: number): boolean {
    const next = this.tokens[end];
    const initials = this.tokens
      .slice(start, end)
      .map((t) => t.text[0])
      .join('');
    return !!next?.allCaps && /\($/.test(this.tokens[end - 1].gapAfter) && /^\)/.test(next.gapAfter) && next.text === initials;
  }

  private addMention(start: number, end: number, kind: EntityKind, form: MentionForm, key: string, role?: string, words?: string[]): void {
    this.findings.push({ type: 'mention', span: this.spanOf(start, end), kind, form, key, role, words, releaseIndex: this.releaseIndex });
  }

  private spanOf(start: number, end: number): Span {
    return { start: this.tokens[start].start, end: this.tokens[end - 1].end };
  }

  private textOf(start: number, end: number): string {
    return this.text.slice(this.tokens[start].start, this.tokens[end - 1].end);
  }

  /** The words of a name, without a generational suffix: "Gilberto Teodoro Jr." is Gilberto Teodoro. */
  private wordsOf(start: number, end: number): string[] {
    return this.tokens
      .slice(start, end)
      .filter((t, i) => i === 0 || !isNameSuffix(t))
      .map((t) => t.text);
  }
}

const LOWER_CASE_TITLES = new Set(['president', 'secretary', 'chairman', 'minister', 'chancellor']);
/** Words news style writes in lower case before such a title: "the deputy secretary", "the foreign minister". */
const LOWER_CASE_QUALIFIERS = new Set(['deputy', 'vice', 'prime', 'foreign', 'defense', 'defence', 'state', 'finance']);
/** Verbs news style puts after a lower-case title that a regular "-ed" does not catch. */
const IRREGULAR_VERBS_AFTER_TITLE = new Set([
  'said',
  'says',
  'told',
  'met',
  'spoke',
  'went',
  'made',
  'gave',
  'took',
  'wrote',
  'sent',
  'saw',
  'led',
  'held',
  'began',
  'flew',
  'came',
  'left',
  'spent',
  'brought',
  'became',
  'stood',
]);

/** "said", "met", "visited", "thanked": what a person does, not "of", "for" or a noun after a common noun. */
function isPastTenseVerb(t: Token | undefined): boolean {
  return !!t && !t.capitalised && (IRREGULAR_VERBS_AFTER_TITLE.has(t.text) || /^\p{Ll}{2,}ed$/u.test(t.text));
}
