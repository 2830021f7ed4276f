// The problems one release shows on its own. Cross-file problems (duplicates) live in the features layer.

import { hasDigit } from './dates';
import { Problem, ProblemCode, Release, Span } from './model';
import { getMetadataKind, isChromeLine } from './lineKinds';
import { countWords, endsWithMark, isRegExpSpaceCode } from './text';
import { isNameAndPostLine } from './titles';

const DANGLING_REFERENCE =
  /\b(?:can|may|could) be (?:accessed|found|read|viewed|downloaded|consulted|watched|heard|seen) (?:here|at this link|below)\b|\b(?:read|see|view|watch|download|consult) (?:the|our|this|a) [^.!?\n]{0,50}?here\b|\b(?:click|read more|available|find out more|learn more|watch it|listen) (?:here|at this link)\b|\(link is external\)/gi;
/**
 * Links the plain text lost, in words other than the above: "at the link below", "via this link", "linked here".
 * Searched only in a paragraph that has the word: most have not, and these words ("at", "on") are everywhere.
 */
const DANGLING_LINK =
  /\b(?:at|via|through|using|on|from) (?:this|the following) links?\b|\b(?:at|via|through|on) the links? (?:below|above)\b|\blinked (?:here|below)\b/gi;
/** An attachment the plain text does not have: "as set out in the attached annex", "see the attached fact sheet". */
const DANGLING_ATTACHMENT =
  /\b(?:the|an?) attached (?:annex(?:es)?|documents?|files?|fact sheets?|lists?|maps?|pdf|reports?|tables?|letters?|statements?|texts?)\b/gi;
/**
 * Marks of missing words, in brackets or parentheses, with or without a full stop: "[inaudible]", "(Inaudible.)",
 * "(off-mic)". Other editorial marks ("(Laughter.)", "(Applause.)", "(Crosstalk)") lose no words: not problems.
 */
const MISSING_WORDS = String.raw`\s*(?:inaudible|unintelligible|indiscernible|off[- ]mic(?:rophone)?|audio (?:cut|lost|drops?|interruption)[^\])]*?)\s*\.?\s*`;
const INAUDIBLE = new RegExp(String.raw`\[${MISSING_WORDS}\]|\(${MISSING_WORDS}\)`, 'gi');
/** The length of the shortest match of DANGLING_REFERENCE ("click here", "see a here") and INAUDIBLE ("[off mic]"). */
const SHORTEST_MARKED_PASSAGE = 9;
const ENDS_COMPLETE = /[.!?…)\]]["”’')\]]*$/;
/** Contact lines end without a full stop: an e-mail address, a web address, a phone number. */
const CONTACT_DETAILS = /\S@\S|https?:\/\/|\bwww\.|\+?\d[\d\s().-]{6,}\d$/;
/** A word of a postal address: capitalised or a number ("Upper", "Merrion", "2", "D02", "SW1A"), or a particle of a street name. */
const ADDRESS_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d.'’-]*|of|the|de|la|du|des|rue|am|an|der|via)`;
/** "Government Buildings, Upper Merrion Street, Dublin 2, D02 R583": three or more parts of address words, one with a number. */
const POSTAL_ADDRESS = new RegExp(String.raw`^${ADDRESS_WORD}(?: ${ADDRESS_WORD})*(?:, ${ADDRESS_WORD}(?: ${ADDRESS_WORD})*){2,}$`, 'u');

/**
 * Adds the release's problems to `problems`: one list for the whole file, not one per release joined afterwards
 * (a file can hold a hundred thousand releases, most with one problem or none).
 */
export function addReleaseProblems(text: string, release: Release, releaseIndex: number, problems: Problem[]): void {
  const add = (code: ProblemCode, severity: Problem['severity'], message: string, span: Span) => problems.push({ code, severity, message, span, releaseIndex });
  const titleSpan = release.titleSpans[0];

  if (!release.title) {
    add(
      'release.missing-title',
      'warning',
      'This text has no title line before it, so it is not part of any titled release. Add the release title on its own line above it.',
      firstLine(text, release.span.start, release.span.end),
    );
  } else if (!release.source) {
    add('release.missing-source', 'warning', `“${release.title}” states no source. Add a “Source: …” line under the title.`, titleSpan);
  }
  if (release.paragraphs.length === 0 && release.captions.length === 0) {
    add('release.empty-body', 'warning', `“${release.title || 'This release'}” has a title but no body text.`, titleSpan);
  }
  for (const chrome of release.boilerplate) add('release.boilerplate', 'warning', `Web page chrome, not press text: “${chrome.text}”.`, chrome.span);
  for (const caption of release.captions) {
    add(
      'release.photo-caption',
      'information',
      `Photo caption${caption.title ? ` “${caption.title}”` : ''}${caption.credit ? ` (credit: ${caption.credit})` : ''} inside the release text.`,
      caption.span,
    );
  }
  // Walked by index: a for-of over a hundred thousand paragraphs made an iterator result for each.
  for (let i = 0; i < release.paragraphs.length; i++) {
    const paragraph = release.paragraphs[i];
    // Neither pattern matches fewer characters than "[off mic]" or "click here": a shorter paragraph is not copied.
    if (paragraph.end - paragraph.start < SHORTEST_MARKED_PASSAGE) continue;
    const body = text.slice(paragraph.start, paragraph.end);
    const references = findAllMatches(DANGLING_REFERENCE, body);
    for (const match of references) addDanglingReference(paragraph.start, match, add);
    if (body.includes('attached')) for (const match of findAllMatches(DANGLING_ATTACHMENT, body)) addDanglingReference(paragraph.start, match, add);
    if (body.includes('link'))
      for (const match of findAllMatches(DANGLING_LINK, body)) if (!isInsideMatch(match.index, references)) addDanglingReference(paragraph.start, match, add);
    for (const match of findAllMatches(INAUDIBLE, body)) {
      const span = { start: paragraph.start + match.index!, end: paragraph.start + match.index! + match[0].length };
      add('transcript.inaudible', 'information', `The transcript marks a passage as ${match[0]}: its words are missing.`, span);
    }
  }
  const truncation = findTruncation(text, release);
  if (truncation) add('release.truncated', 'warning', truncation.message, truncation.span);
}

function addDanglingReference(
  paragraphStart: number,
  match: RegExpExecArray,
  add: (code: ProblemCode, severity: Problem['severity'], message: string, span: Span) => void,
): void {
  const span = { start: paragraphStart + match.index, end: paragraphStart + match.index + match[0].length };
  add('release.dangling-reference', 'warning', `“${match[0]}” points at a link the plain text no longer has.`, span);
}

/** The matches of a global pattern, read with exec: matchAll copies the pattern for every paragraph. */
function findAllMatches(pattern: RegExp, body: string): readonly RegExpExecArray[] {
  pattern.lastIndex = 0;
  let match = pattern.exec(body);
  if (!match) return NO_MATCHES; // most paragraphs: no array made for them
  const matches: RegExpExecArray[] = [];
  for (; match; match = pattern.exec(body)) matches.push(match);
  return matches;
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

/** "… available at this link": the longer phrase was reported already. */
function isInsideMatch(offset: number, matches: readonly RegExpExecArray[]): boolean {
  return matches.some((match) => offset >= match.index && offset < match.index + match[0].length);
}

/**
 * A release that ends mid-sentence, or with a colon that introduces nothing ("…platforms, including:"). Judged
 * on the release's own last paragraph: one-line labels under it ("Council of the EU", "Main results", a closing
 * time) are too short to be a cut sentence and are passed over.
 */
function findTruncation(text: string, release: Release): { message: string; span: Span } | undefined {
  let lastIndex = release.paragraphs.length - 1;
  // A label the walk passed over: a paragraph of the same text is one too, told by comparing its characters (a
  // release of a hundred thousand one-word paragraphs is mostly the same word).
  let label: Span | undefined;
  for (; lastIndex > 0; lastIndex--) {
    const span = release.paragraphs[lastIndex];
    if (!(label && isSameText(text, span, label)) && !isTrailingLabel(text, span) && !isTrailer(text, span)) break;
    label = span;
  }
  const last = release.paragraphs[lastIndex];
  if (!last) return undefined;
  const span = firstLine(text, startOfLine(text, last.end), last.end);
  const line = text.slice(span.start, span.end);
  if (line.endsWith(':')) return { message: `“${release.title}” ends with a colon that introduces nothing: the text after it is missing.`, span };
  if (ENDS_COMPLETE.test(line) || CONTACT_DETAILS.test(line) || isPostalAddress(line)) return undefined;
  if (endsWithMark(line, 0, line.length, ',;–—-', '') || countWords(line) >= 6)
    return { message: `“${release.title}” ends mid-sentence: the rest of the text is missing.`, span };
  return undefined;
}

/** A contact block's address line under the text: it has no full stop, and it is not a cut sentence. */
function isPostalAddress(line: string): boolean {
  return hasDigit(line, 0, line.length) && POSTAL_ADDRESS.test(line);
}

/**
 * Under a release's text, what is not its last sentence: a contact block ("Contacts" / "Press office - General
 * Secretariat of the Council"), a block that ends with web chrome ("Meetings Coverage" / "For information media. Not
 * an official record."), a line of page fields ("Publication date: August 25, 2021, 17:40", "Period of Service: …"),
 * or a signature ("Stéphane Dujarric, Spokesman for the Secretary-General").
 * Asked only of the paragraph where the walk over short labels stops.
 */
function isTrailer(text: string, span: Span): boolean {
  // Trailers are short: a long paragraph is not copied to be asked.
  if (span.end - span.start > MAX_TRAILER_LENGTH) return false;
  const first = firstLine(text, span.start, span.end);
  if (first.end < span.end) return CONTACT_HEADING.test(text.slice(first.start, first.end)) || isChromeLine(text.slice(startOfLine(text, span.end), span.end));
  const line = text.slice(span.start, span.end);
  return getMetadataKind(line) === 'published' || isNameAndPostLine(line);
}

/** A contact block of five lines, or a line of page fields, is shorter. */
const MAX_TRAILER_LENGTH = 400;

/** The heading of a contact block, its details on the lines under it. */
const CONTACT_HEADING = /^(contacts?|(press|media) (contacts?|office|relations|enquiries|inquiries)|for (more|further) information)\s*:?$/i;

/**
 * Read in place, not from a copy, and in one walk that stops at the sixth word or a line break: a release of a
 * hundred thousand one-word paragraphs is passed over whole.
 */
function isTrailingLabel(text: string, span: Span): boolean {
  if (endsWithMark(text, span.start, span.end, '.!?…,;:–—-', CLOSING_MARKS)) return false;
  let words = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return false;
    const isSpace = isRegExpSpaceCode(code);
    if (!isSpace && !inWord && ++words === 6) return false;
    inWord = !isSpace;
  }
  return true;
}

function isSameText(text: string, a: Span, b: Span): boolean {
  if (a.end - a.start !== b.end - b.start) return false;
  for (let i = 0; i < a.end - a.start; i++) if (text.charCodeAt(a.start + i) !== text.charCodeAt(b.start + i)) return false;
  return true;
}

/** Quotes and brackets that may close a sentence after its full stop. */
const CLOSING_MARKS = `"”’')]`;

/**
 * Where the line ending at `end` starts: just past the line break before it (\n, \r\n or a lone \r). Looking
 * only for \n would run back to the start of a file of CR-only lines, for every release.
 */
function startOfLine(text: string, end: number): number {
  let start = end;
  while (start > 0 && text.charCodeAt(start - 1) !== 0x0a && text.charCodeAt(start - 1) !== 0x0d) start--;
  return start;
}

/** The first line of text[start, end); searched by a pattern, which reads a line of megabytes faster than a loop. */
function firstLine(text: string, start: number, end: number): Span {
  const lineBreak = text.slice(start, end).search(LINE_BREAK);
  return { start, end: lineBreak < 0 ? end : start + lineBreak };
}

/** A module constant: a literal in the function made a new RegExp object for every release. */
const LINE_BREAK = /[\r\n]/;
