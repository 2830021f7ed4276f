// Text → lines → blocks. A block is a run of non-blank lines (a paragraph, a title, a caption). Lines that
// hold only white space (spaces, no-break spaces, a BOM) are blank: scraped pages are full of them.

import { Span } from './model';
import { isWhiteSpaceCode, trimSpan } from './text';

export interface Line {
  /** The line without its end-of-line characters and surrounding white space. */
  readonly span: Span;
  readonly text: string;
}

export interface Block {
  readonly lines: readonly Line[];
  readonly span: Span;
  /** Blank lines between this block and the previous one (or the start of the file). */
  readonly blankLinesBefore: number;
  /**
   * Yes/no answers about this block already worked out (see `answerOnce`): each stage of the parser asks the
   * same questions again (is it chrome, metadata, title-shaped?), and a file of tiny blocks is mostly asking.
   */
  answers: number;
}

/** The questions `answerOnce` remembers, each one bit pair of `Block.answers`. */
export enum BlockQuestion {
  IsChrome = 0,
  IsMetadata = 1,
  HasTitleShape = 2,
  IsCaption = 3,
  IsPageKindLabel = 4,
  IsSourceLine = 5,
  LooksLikeProse = 6,
  /** Asked with the block that follows it, which is always the same: blocks are made once per parse, in one list. */
  IsTitleCandidate = 7,
}

/**
 * The answer to one yes/no question about a block, computed on the first ask only. Kept on the block (a number
 * field set when the block is made, so its shape never changes): a WeakMap keyed by block cost more than it saved.
 */
export function answerOnce(block: Block, question: BlockQuestion, compute: (block: Block) => boolean): boolean {
  const asked = 1 << (2 * question);
  const yes = asked << 1;
  if (block.answers & asked) return (block.answers & yes) !== 0;
  const answer = compute(block);
  block.answers |= answer ? asked | yes : asked;
  return answer;
}

/**
 * The blocks of a text, in one pass over its characters: no regular expression and no object for a blank line,
 * so a file of blank lines or of one-word paragraphs costs little more than reading it.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  // Made with its first line: pushing onto an empty array reserves room for 17 lines, and most blocks have one.
  let current: Line[] | undefined;
  let blanks = 0;
  let blanksBeforeCurrent = 0;
  for (let start = 0; start <= text.length;) {
    let end = start;
    let blank = true;
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end);
      if (isLineBreakCode(code)) break;
      if (blank && !isWhiteSpaceCode(code)) blank = false;
    }
    if (blank) {
      if (current) {
        blocks.push(toBlock(current, blanksBeforeCurrent));
        current = undefined;
      }
      blanks++;
    } else {
      const span = trimSpan(text, start, end);
      const line = { span, text: text.slice(span.start, span.end) };
      if (current) current.push(line);
      else {
        current = [line];
        blanksBeforeCurrent = blanks;
        blanks = 0;
      }
    }
    if (end === text.length) break;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  if (current) blocks.push(toBlock(current, blanksBeforeCurrent));
  return blocks;
}

/** \r\n, \r and \n end a line (a \r\n pair is one break). */
function isLineBreakCode(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

function toBlock(lines: Line[], blankLinesBefore: number): Block {
  // A one-line block shares its line's span (spans are never changed): one object less per paragraph.
  const span = lines.length === 1 ? lines[0].span : { start: lines[0].span.start, end: lines[lines.length - 1].span.end };
  return { lines, span, blankLinesBefore, answers: 0 };
}
