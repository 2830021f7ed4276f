// Is this block a release title? Titles are one short line without closing punctuation. Inside a release,
// a title-shaped line only starts a new release when the layout says so: a "Source:" line follows it, or it
// stands after a wider gap or reads like a headline ("… visits …", "Statement by …") and prose follows.
// Subheadings of one release (White House fact sheets, GOV.UK pages) have neither and stay in their release.

import { answerOnce, Block, BlockQuestion } from './blocks';
import { isUnmistakableLabel, parseSpeakerLabel } from './speakers';
import { countWords, endsWithMark } from './text';

const HEADLINE_WORDS =
  /\b(speech|remarks|statement|press (conference|release|briefing)|doorstep|interview|transcript|readout|fact sheet|declaration|communiqu[eé]|podcast|visits?|meets?|welcomes?|announces?|hosts?|holds?|opens?|launches?|publishes|outlines?|reaffirms?|participates|addresses|discusses|condemns|calls on|urges|signs?|travels)\b/i;

// Module constants, not literals in the functions: a literal makes a new RegExp object at every call.
const OPENS_LIKE_TITLE = /^[\p{Lu}\p{N}“"‘']/u;
const IN_BRACKETS = /^\[.*\]$/;
const CONTINUATION_WORD = /^(by|with|of|on|at|following|for|from|during|after|before|in|and|to)\s/;
/** Quotes and brackets that may close a sentence after its last mark. */
const CLOSING_MARKS = `"”’')]`;

/** One short line that ends like a headline, not like a sentence or a list lead-in. */
export function hasTitleShape(block: Block): boolean {
  return answerOnce(block, BlockQuestion.HasTitleShape, isShortHeadlineLine);
}

function isShortHeadlineLine(block: Block): boolean {
  if (block.lineCount !== 1) return false;
  const line = block.firstLine;
  const words = countWords(line);
  if (line.length < 3 || line.length > 250 || words > 35) return false;
  // Two-word lines are labels ("Security Council", "Related Stories") unless they read like a headline.
  if (words < 3 && !HEADLINE_WORDS.test(line)) return false;
  if (!OPENS_LIKE_TITLE.test(line)) return false;
  if (endsWithMark(line, 0, line.length, '.,;:!…', CLOSING_MARKS)) return false;
  if (IN_BRACKETS.test(line)) return false;
  // "Dmytro Shkurko (Ukrinform): [inaudible]", "Q  Is the President going?" and "QUESTION:  On Gaza?" are
  // transcript turns, not headlines; "Stoltenberg: Ukraine Can Count on NATO" is a headline.
  const label = parseSpeakerLabel(line);
  return !label || (!label.hasOutlet && !isUnmistakableLabel(label));
}

export function hasHeadlineWording(block: Block): boolean {
  return HEADLINE_WORDS.test(block.firstLine);
}

/** Prose that a title introduces: a sentence, a speaker turn, or several lines. */
export function looksLikeProse(block: Block | undefined): boolean {
  // Asked of each block up to six times, once per page marker before it ("Press release" lines, one after another).
  return block !== undefined && answerOnce(block, BlockQuestion.LooksLikeProse, endsLikeProse);
}

function endsLikeProse(block: Block): boolean {
  // Several lines are prose whatever they end with; one line is prose by its end or its length.
  const line = block.firstLine;
  return block.lineCount > 1 || endsWithMark(line, 0, line.length, '.!?…:', CLOSING_MARKS) || countWords(line) >= 15;
}

/** A second title block continuing the first: "Press conference" + "by NATO Secretary General …". */
export function isTitleContinuation(first: Block, next: Block | undefined): boolean {
  if (!next || next.lineCount !== 1) return false;
  const line = next.firstLine;
  // Words counted last: every block is asked whether the next one continues it, and most next blocks do not.
  return CONTINUATION_WORD.test(line) && !endsWithMark(line, 0, line.length, '.;:', '') && line.length <= 250 && countWords(first.firstLine) <= 8;
}

/** Name words of a byline or place line: capitalised, or the connectors of a post ("Secretary of State"). */
const NAME_LIST_PART = /^\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|of|the|for|and|de|al))*$/u;

/**
 * A line of two or three capitalised phrases between commas and nothing else: "Marco Rubio, Secretary of State",
 * "Kuala Lumpur, Malaysia". Under a title such a line is a byline or a place, never a second headline.
 */
export function isNameListLine(block: Block): boolean {
  return block.lineCount === 1 && isNameAndPostLine(block.firstLine);
}

/** The line of `isNameListLine`; under a release's text, a signature ("Stéphane Dujarric, Spokesman for the Secretary-General"). */
export function isNameAndPostLine(line: string): boolean {
  const parts = line.split(/,\s+/);
  return parts.length >= 2 && parts.length <= 3 && parts.every((part) => countWords(part) <= 5 && NAME_LIST_PART.test(part));
}
