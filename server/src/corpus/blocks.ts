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
  readonly span: Span;
  /** The text of the first line: of the whole block for a one-line block (most blocks), which makes no line objects. */
  readonly firstLine: string;
  readonly lineCount: number;
  /** Every line of a block of two or more; undefined for a one-line block (see `getLines`, `everyLine`). */
  readonly lines: readonly Line[] | undefined;
  /** Blank lines between this block and the previous one (or the start of the file). */
  readonly blankLinesBefore: number;
  /**
   * Yes/no answers about this block already worked out (see `answerOnce`): each stage of the parser asks the
   * same questions again (is it chrome, metadata, title-shaped?), and a file of tiny blocks is mostly asking.
   */
  answers: number;
  /**
   * An earlier one-line block of the same short text, whose answers this block shares (see `answerOnce`); undefined
   * for the first of its text, for longer lines and for blocks of several lines.
   */
  readonly twin: Block | undefined;
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
  /**
   * Asked with the block that follows it, which is always the same: blocks are made once per parse, in one list.
   * The one question that reads more than the block's own lines: a twin does not share it.
   */
  IsTitleCandidate = 7,
  IsHeader = 8,
}

/**
 * The answer to one yes/no question about a block, computed on the first ask only. Kept on the block (a number
 * field set when the block is made, so its shape never changes): a WeakMap keyed by block cost more than it saved.
 * A question that also reads the next block gets it as `next`, so that no closure is made per ask.
 */
export function answerOnce(block: Block, question: BlockQuestion, compute: (block: Block, next?: Block) => boolean, next?: Block): boolean {
  const asked = 1 << (2 * question);
  const yes = asked << 1;
  if (block.answers & asked) return (block.answers & yes) !== 0;
  // Every other question reads only the block's lines, and a twin has the same one line.
  const answer = block.twin && question !== BlockQuestion.IsTitleCandidate ? answerOnce(block.twin, question, compute) : compute(block, next);
  block.answers |= answer ? asked | yes : asked;
  return answer;
}

/**
 * The blocks of a text, in one pass over its characters: no regular expression and no object for a blank line,
 * so a file of blank lines or of one-word paragraphs costs little more than reading it.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  // The first one-line block of each short text: a file of one-word paragraphs or repeated labels asks its few
  // distinct lines the same questions again and again (every pattern of `lineKinds.ts`), and each is asked once.
  const firstOfText = new Map<string, Block>();
  // The first line of the current block is kept in locals: only a second line makes line objects and an array.
  let firstSpan: Span | undefined;
  let firstText = '';
  let more: Line[] | undefined;
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
      if (firstSpan) {
        blocks.push(toBlock(firstSpan, firstText, more, blanksBeforeCurrent, firstOfText));
        firstSpan = more = undefined;
      }
      blanks++;
    } else {
      const span = trimSpan(text, start, end);
      const lineText = text.slice(span.start, span.end);
      if (!firstSpan) {
        firstSpan = span;
        firstText = lineText;
        blanksBeforeCurrent = blanks;
        blanks = 0;
      } else if (more) more.push({ span, text: lineText });
      else
        more = [
          { span: firstSpan, text: firstText },
          { span, text: lineText },
        ];
    }
    if (end === text.length) break;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  if (firstSpan) blocks.push(toBlock(firstSpan, firstText, more, blanksBeforeCurrent, firstOfText));
  return blocks;
}

/** \r\n, \r and \n end a line (a \r\n pair is one break). */
function isLineBreakCode(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

function toBlock(firstSpan: Span, firstLine: string, lines: Line[] | undefined, blankLinesBefore: number, firstOfText: Map<string, Block>): Block {
  if (lines) {
    const span = { start: firstSpan.start, end: lines[lines.length - 1].span.end };
    return { span, firstLine, lineCount: lines.length, lines, blankLinesBefore, answers: 0, twin: undefined };
  }
  // A one-line block shares its line's span (spans are never changed): one object less per paragraph.
  if (firstLine.length > MAX_TWIN_LENGTH) return { span: firstSpan, firstLine, lineCount: 1, lines, blankLinesBefore, answers: 0, twin: undefined };
  const twin = firstOfText.get(firstLine);
  // The twin's copy of the text is kept, and this one is dropped at once: fewer strings live until the parse ends.
  const block = { span: firstSpan, firstLine: twin ? twin.firstLine : firstLine, lineCount: 1, lines, blankLinesBefore, answers: 0, twin };
  if (!twin && firstOfText.size < MAX_TWIN_TEXTS) firstOfText.set(firstLine, block);
  return block;
}

/**
 * Lines up to this length are looked up for a twin: labels, short titles and one-word paragraphs repeat; longer
 * lines rarely do, and hashing them would cost more than it spares.
 */
const MAX_TWIN_LENGTH = 40;
/**
 * The distinct short texts kept: a file that repeats lines repeats a few, and a table of every line of a file of
 * distinct one-word paragraphs cost a quarter more time than it spared.
 */
const MAX_TWIN_TEXTS = 1024;

/** The lines of a block, made on request for a one-line block: for the few readers that need their spans. */
export function getLines(block: Block): readonly Line[] {
  return block.lines ?? [{ span: block.span, text: block.firstLine }];
}

/** Whether every line's text passes `test`, without line objects for a one-line block. */
export function everyLine(block: Block, test: (line: string) => boolean): boolean {
  return block.lines ? block.lines.every((line) => test(line.text)) : test(block.firstLine);
}

/** Whether some line's text passes `test`, without line objects for a one-line block. */
export function someLine(block: Block, test: (line: string) => boolean): boolean {
  return block.lines ? block.lines.some((line) => test(line.text)) : test(block.firstLine);
}
