// Speaker labels of transcripts: "Andrew Gray (Reuters): …", "NATO Spokesperson Farah Dakhlallah: …",
// "NATO Secretary General: …", "THE PRESIDENT: …", "MS. JEAN-PIERRE: …", "Q: …", and the White House's
// "Q    Text" with no colon. A label is a short run of capitalised words (or an outlet in parentheses) before
// a colon that starts a paragraph or a line of one.

import { Speaker } from './model';
import { splitAtWhiteSpace } from './text';

/** Words that make up titles and roles rather than personal names; ranks also in their abbreviated forms. */
const ROLE_WORDS = new Set(
  (
    'secretary general deputy assistant spokesperson spokesman spokeswoman press president vice prime minister ' +
    'chair chairman chairwoman chancellor admiral general colonel lieutenant major captain commander ambassador ' +
    'director head chief senator governor mayor king queen prince princess sheikh emir his her excellency majesty ' +
    'highness commissioner representative high foreign defence defense affairs state moderator host interviewer ' +
    'answer participant official spokesperson’s council committee military allied supreme the of for and ' +
    'prof professor lord lady rt hon honourable honorable staff audience member interpreter senior ' +
    'sec gen maj adm lt col sgt capt cmdr brig cpl rear taoiseach tánaiste tanaiste premier ' +
    'presenter anchor speaker facilitator narrator announcer panellist panelist under elect'
  ).split(/\s+/),
);

/** Courtesy titles written before a name: split off as the honorific ("MR MILLER" is Mr Miller, no role). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'mister', 'madam', 'shri', 'smt']);

/** Labels that stand for whoever asks: the journalist's question, not a named speaker. */
const QUESTION_LABELS = new Set(['q', 'question', 'questioner', 'correspondent', 'reporter', 'journalist']);

const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'da', 'al', 'bin', 'el', 'ul']);
const CAPITALISED = /^(\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;
/** "BROWN, JR.": a comma may only stand before a generational suffix. */
const BEFORE_SUFFIX = /^\p{Lu}[\p{L}'’.-]*,$/u;
const SUFFIX = /^(jr|sr)\.?$|^(ii|iii|iv)$/i;
/** "Andrew Gray (Reuters)", and PIB's brackets: "Question [Rahul Mehta, Press Trust of India]". */
const WITH_OUTLET = /^(.+?)\s*(?:\(([^()]{2,80})\)|\[([^[\]]{2,80})\])$/;
const LINE_BREAK = /[\r\n]/;
/** The text after a label's colon: white space, then a letter on that line. */
const WORDS_AFTER_LABEL = /^\s+[^\r\n]*\p{L}/u;
const TWO_CAPITALS = /\p{Lu}{2}/u;
const LOWER_CASE_LETTER = /\p{Ll}/u;
const ACRONYM = /^(\p{Lu}\.?){2,}$/u;
/** "Q    Text" (White House, older State Department): the question mark stands alone before white space. */
const BARE_QUESTION = /^Q(?=(?:\s{2,}|\t|\s(?=[\p{Lu}“"‘'(]))\S)/u;

/**
 * Page fields written like labels ("Subjects: …", "From: Department of …", "Media contact: …", "Publication date: …"):
 * no one speaks them. Roles in the plural ("Presenters: Secretary … and Chairman …") list who takes part.
 */
const FIELD_LABEL =
  /^(from|subjects?|topics?|keywords|tags|categor(y|ies)|location|venue|date|time|(release|publication|issue) (date|type)|transcript id|period of service|portfolio|electorate|(media )?(contacts?|enquiries|inquiries)|reference|attachments?|presenters|participants|speakers|panell?ists|briefers|attendees)$/i;

export interface LabelMatch {
  readonly speaker: Speaker;
  /** Length of the label (before the colon) from the paragraph start. */
  readonly labelLength: number;
  /** True for "Name (Outlet)" labels: these are transcript turns even when alone. */
  readonly hasOutlet: boolean;
}

/** The furthest a label's colon stands from the start of its paragraph. */
export const MAX_LABEL_LENGTH = 110;

/** The speaker label starting a paragraph (or one line of it), or undefined when it does not start with one. */
export function parseSpeakerLabel(paragraph: string): LabelMatch | undefined {
  if (paragraph.startsWith('Q') && BARE_QUESTION.test(paragraph)) return { speaker: { label: 'Q', isQuestion: true }, labelLength: 1, hasOutlet: false };
  const colon = paragraph.indexOf(':');
  if (colon <= 0 || colon > MAX_LABEL_LENGTH) return undefined;
  const label = paragraph.slice(0, colon).trim();
  const rest = paragraph.slice(colon + 1);
  // A label never runs over a line break, and its text has words: "Release Date:" + "14/06/2017" is a page field.
  if (LINE_BREAK.test(label) || FIELD_LABEL.test(label)) return undefined;
  // PM Transcripts put an upper-case label alone on its line, its words in the next paragraph ("SARAH MILLS:").
  const aloneOnLine = !rest.trim() && isUpperCase(label);
  if (!aloneOnLine && !WORDS_AFTER_LABEL.test(rest)) return undefined;
  const outlet = WITH_OUTLET.exec(label);
  const namePart = outlet ? outlet[1] : label;
  const inParentheses = outlet ? (outlet[2] ?? outlet[3]).trim() : '';
  const words = splitAtWhiteSpace(namePart);
  const upperCase = isUpperCase(namePart);
  // Upper-case labels spell out full titles ("CHAIRMAN OF THE JOINT CHIEFS OF STAFF GENERAL CHARLES Q. BROWN, JR.").
  // The first word may end with the comma before a role ("Taoiseach, Jane Doe").
  if (words.length > (upperCase ? 14 : 9) || !(CAPITALISED.test(words[0]) || BEFORE_SUFFIX.test(words[0]))) return undefined;
  if (!areLabelWords(words)) return outlet ? undefined : parseLabelAroundComma(label);
  const asks = words.length === 1 && QUESTION_LABELS.has(words[0].toLowerCase());
  if (outlet) return parseLabelWithParentheses(label, namePart, words, upperCase, inParentheses, asks);
  if (asks) return { speaker: { label, isQuestion: true }, labelLength: label.length, hasOutlet: false };
  return { speaker: splitLabelWords(label, words, upperCase), labelLength: label.length, hasOutlet: false };
}

/**
 * "Andrew Gray (Reuters)" and "REPORTER (NHK)" ask, from an outlet ("REPORTER" names no one). An official's label
 * only qualifies the speaker: role words in the parentheses say what they do here ("CABINET PUBLIC RELATIONS
 * SECRETARY (MODERATOR)" is one role, "Jane Doe (Moderator)" a name and a role), an interpretation note or a
 * country after a role ("PRIME MINISTER MODI (via interpreter)", "Foreign Minister Kuleba (Ukraine)") is no
 * outlet, and an official never asks.
 */
function parseLabelWithParentheses(label: string, namePart: string, words: string[], upperCase: boolean, inParentheses: string, asks: boolean): LabelMatch {
  if (!asks && !words.some(isQuestionWord)) {
    const speaker = splitLabelWords(label, words, upperCase);
    if (isRoleInParentheses(inParentheses)) {
      const role = speaker.role ? `${speaker.role} (${inParentheses})` : inParentheses;
      return { speaker: { ...speaker, role }, labelLength: label.length, hasOutlet: false };
    }
    if (speaker.role || INTERPRETATION_NOTE.test(inParentheses)) return { speaker, labelLength: label.length, hasOutlet: false };
  }
  // "Question (interpretation)": a journalist's question, but the note names no outlet.
  if (INTERPRETATION_NOTE.test(inParentheses))
    return { speaker: asks ? { label, isQuestion: true } : { label, name: namePart, isQuestion: true }, labelLength: label.length, hasOutlet: true };
  const asker = asks ? splitAskerAndOutlet(inParentheses) : undefined;
  const speaker: Speaker = asker
    ? { label, name: asker.name, outlet: asker.outlet, isQuestion: true }
    : asks
      ? { label, outlet: inParentheses, isQuestion: true }
      : { label, name: namePart, outlet: inParentheses, isQuestion: true };
  return { speaker, labelLength: label.length, hasOutlet: true };
}

/**
 * Role words, with an organisation's acronym before them: "(Moderator)", "(NATO Spokesperson)". An acronym alone is
 * an outlet ("(NOS)", "(AFP)").
 */
function isRoleInParentheses(inParentheses: string): boolean {
  const words = splitAtWhiteSpace(inParentheses);
  return words.some(isRoleWord) && words.every((word) => isRoleWord(word) || isAcronym(word));
}

/** "Rahul Mehta, Press Trust of India" after a question label: the journalist's name, then the outlet. */
function splitAskerAndOutlet(inParentheses: string): { name: string; outlet: string } | undefined {
  const comma = inParentheses.indexOf(', ');
  if (comma < 0) return undefined;
  const nameWords = splitAtWhiteSpace(inParentheses.slice(0, comma));
  if (nameWords.length < 2 || nameWords.length > 4 || !nameWords.every(isCapitalisedName)) return undefined;
  return { name: joinWords(nameWords, 0, nameWords.length), outlet: inParentheses.slice(comma + 2).trim() };
}

/** "(via interpreter)", "(through an interpreter)", "(as interpreted)", "(interpretation)", "(translated from French)", "(in French)". */
const INTERPRETATION_NOTE =
  /^(((through|via|by) (an? )?)?(simultaneous )?(interpreter|interpretation|translator|translation)|(as )?(re)?interpreted|(re)?translated( from \p{Lu}\p{Ll}+)?|in \p{Lu}\p{Ll}+)$/iu;

function isQuestionWord(word: string): boolean {
  return QUESTION_LABELS.has(bare(word));
}

/** A role word, or a compound of them: "Secretary-General", "Minister-President", "President-elect". */
function isRoleWord(word: string): boolean {
  const lower = bare(word);
  return ROLE_WORDS.has(lower) || (lower.includes('-') && lower.split('-').every(isRoleWordPart));
}

function isRoleWordPart(part: string): boolean {
  return ROLE_WORDS.has(part);
}

/**
 * "Official Spokesperson, Shri Randhir Jaiswal", "Kaja KALLAS, High Representative": a role and a name on either
 * side of one comma, the role all role words and the name none of them.
 */
function parseLabelAroundComma(label: string): LabelMatch | undefined {
  const comma = label.indexOf(', ');
  if (comma < 0 || label.includes(',', comma + 1)) return undefined;
  const before = splitAtWhiteSpace(label.slice(0, comma));
  const after = splitAtWhiteSpace(label.slice(comma + 2));
  if (!areLabelWords(before) || !areLabelWords(after)) return undefined;
  const roleFirst = before.every(isRoleWord);
  if (roleFirst === after.every(isRoleWord)) return undefined;
  const [roleWords, nameWords] = roleFirst ? [before, after] : [after, before];
  const named = splitLabelWords(label, nameWords, isUpperCase(nameWords.join(' ')));
  if (named.role || !named.name) return undefined;
  const role = joinWords(roleWords, 0, roleWords.length);
  const speaker: Speaker = named.honorific ? { label, honorific: named.honorific, role, name: named.name } : { label, role, name: named.name };
  return { speaker, labelLength: label.length, hasOutlet: false };
}

/** Capitalised words, connectors and generational suffixes ("BROWN, JR."), and nothing else. */
function areLabelWords(words: readonly string[]): boolean {
  // An indexed loop: `every` with an arrow made a closure per label asked, and every paragraph with a colon is asked.
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!(CAPITALISED.test(word) || CONNECTORS.has(word) || SUFFIX.test(word) || (BEFORE_SUFFIX.test(word) && SUFFIX.test(words[i + 1] ?? '')))) return false;
  }
  return true;
}

/**
 * Whether a line starting with this label can only be a transcript turn, never a headline: a question ("Q  …",
 * "QUESTION: …") or an upper-case label with a courtesy title or a role ("MR MILLER: …", "GEN. RYDER: …").
 * "FACT SHEET: …" has neither and stays a possible headline.
 */
export function isUnmistakableLabel(match: LabelMatch): boolean {
  const { speaker } = match;
  return Boolean(speaker.isQuestion) || (isUpperCase(speaker.label) && Boolean(speaker.honorific || speaker.role));
}

/**
 * Whether a later line of a paragraph, in a release where `speaking` have spoken (labels and forms, see
 * `getLabelForm`), opens the next turn with this label: one no sentence starts with, one already speaking, an office
 * alone ("Spokesman:" under "Question: …", the office answers), or a name written as one already speaking is
 * ("Anton Siluanov:" after "Vladimir Putin:").
 */
export function opensLaterTurn(match: LabelMatch, speaking: ReadonlySet<string>): boolean {
  const { speaker } = match;
  if (isUnmistakableLabel(match) || speaking.has(speaker.label)) return true;
  if (speaker.role && !speaker.name && !speaker.honorific) return true;
  const form = getLabelForm(match);
  return form !== undefined && speaking.has(form);
}

/**
 * The form of a label that names someone in two words or more: its case and its parts ("Vladimir Putin" and
 * "Anton Siluanov" share one), kept with the labels speaking. Undefined for other labels ("Ukraine", "Q").
 */
export function getLabelForm(match: LabelMatch): string | undefined {
  const { speaker } = match;
  if (speaker.isQuestion || !speaker.name || !speaker.name.includes(' ')) return undefined;
  // One of eight fixed strings, not one made per turn: a transcript has a label per paragraph.
  return LABEL_FORMS[(isUpperCase(speaker.label) ? 4 : 0) + (speaker.honorific ? 2 : 0) + (speaker.role ? 1 : 0)];
}

/** The forms by case, honorific and role, each opening with a character no label starts with (they share a set with labels). */
const LABEL_FORMS = Array.from(
  { length: 8 },
  (_, bits) => `\u0000${bits & 4 ? 'upper' : 'mixed'}${bits & 2 ? '+honorific' : ''}${bits & 1 ? '+role' : ''}+name`,
);

/**
 * "MS. JEAN-PIERRE" → honorific "MS.", name "JEAN-PIERRE"; "NATO Spokesperson Farah Dakhlallah" → role
 * "NATO Spokesperson", name "Farah Dakhlallah"; "SEC. AUSTIN" → role "SEC.", name "AUSTIN".
 */
function splitLabelWords(label: string, words: string[], upperCase: boolean): Speaker {
  const honorificEnd = HONORIFICS.has(bare(words[0])) && words.length > 1 ? 1 : 0;
  // Word indices rather than copies of the word list: a transcript has a label per turn.
  let roleEnd = honorificEnd;
  let nameStarted = false;
  for (let i = honorificEnd; i < words.length; i++) {
    const word = words[i];
    if (isRoleWord(word)) roleEnd = i + 1;
    // In an upper-case label every word looks like an acronym; there only role words count. Elsewhere an acronym
    // before the name is an organisation ("NATO Spokesperson"); after a first name it is a surname in capitals,
    // as French and European pages write them ("Emmanuel MACRON").
    else if (!upperCase && !nameStarted && isAcronym(word)) roleEnd = i + 1;
    else if (!nameStarted && isCapitalisedName(word)) nameStarted = true;
  }
  roleEnd = extendRoleByItsComplement(words, honorificEnd, roleEnd);
  // India's and others' order: the courtesy title after the post ("Foreign Secretary Shri Vikram Misri").
  const honorificAfterRole = honorificEnd === 0 && roleEnd > 0 && roleEnd < words.length - 1 && HONORIFICS.has(bare(words[roleEnd]));
  const honorific = honorificAfterRole ? words[roleEnd] : joinWords(words, 0, honorificEnd);
  const role = joinWords(words, honorificEnd, roleEnd);
  const name = joinWords(words, honorificAfterRole ? roleEnd + 1 : roleEnd, words.length);
  // Filled key by key, with no key for an absent part: spreading each part in made four objects per turn.
  const speaker: { -readonly [K in keyof Speaker]: Speaker[K] } = { label };
  if (honorific) speaker.honorific = honorific;
  if (role) speaker.role = role;
  if (name) speaker.name = name;
  return speaker;
}

/** Words that open a two-word place after "of" ("United Kingdom", "New Zealand", "South Africa", "Saudi Arabia"). */
const PLACE_FIRST_WORDS = new Set(['united', 'new', 'south', 'north', 'east', 'west', 'saudi', 'sri', 'costa', 'el', 'czech', 'european']);

/**
 * A role that ends with "of" or "for" is completed by the place or body after it: "President of Russia Vladimir
 * Putin", "President of the European Commission Ursula von der Leyen". One word, or two when the first opens a
 * two-word place ("of the United States"); a name of one word at least is left after it.
 */
function extendRoleByItsComplement(words: readonly string[], roleStart: number, roleEnd: number): number {
  if (roleEnd <= roleStart) return roleEnd;
  const last = bare(words[roleEnd - 1]);
  const afterThe = last === 'the' && roleEnd - 1 > roleStart && OF_OR_FOR.has(bare(words[roleEnd - 2]));
  if (!OF_OR_FOR.has(last) && !afterThe) return roleEnd;
  let end = roleEnd;
  if (end < words.length - 1 && CAPITALISED.test(words[end])) end++;
  if (end < words.length - 1 && end > roleEnd && PLACE_FIRST_WORDS.has(bare(words[end - 1])) && CAPITALISED.test(words[end])) end++;
  return end;
}

const OF_OR_FOR = new Set(['of', 'for']);

/** words[from, to) joined by single spaces, as `slice` and `join` give them, without the copy. */
function joinWords(words: readonly string[], from: number, to: number): string {
  let joined = from < to ? words[from] : '';
  for (let i = from + 1; i < to; i++) joined += ' ' + words[i];
  return joined;
}

function bare(word: string): string {
  const lower = word.toLowerCase();
  // Only a final full stop goes ("SEC." is "sec"): what replace(/\.$/, '') did, without a search per word.
  return lower.charCodeAt(lower.length - 1) === 0x2e ? lower.slice(0, -1) : lower;
}

function isUpperCase(text: string): boolean {
  return TWO_CAPITALS.test(text) && !LOWER_CASE_LETTER.test(text);
}

/** A name word: capitalised, with a lower-case letter (a lone initial or an acronym is not one). */
function isCapitalisedName(word: string): boolean {
  return LOWER_CASE_LETTER.test(word) && CAPITALISED.test(word);
}

function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/** "Radio interview with Sarah Mills, ABC Radio Hobart": the host a title names asks the questions. */
const INTERVIEWER_IN_TITLE = /\binterview(?:ed)? (?:with|by) ([^,;:()]+)/i;

/**
 * The speaker as the release's title casts them: in an interview "with" a named host, that host's turns
 * ("SARAH MILLS:", later "MILLS:") are the questions, though the label names no outlet.
 */
export function castByTitle(speaker: Speaker, title: string): Speaker {
  if (speaker.isQuestion || !speaker.name) return speaker;
  const host = INTERVIEWER_IN_TITLE.exec(title)?.[1].toLowerCase().split(/\s+/);
  const surname = speaker.name.toLowerCase().split(/\s+/).pop()!;
  return host?.includes(surname) ? { ...speaker, isQuestion: true } : speaker;
}
