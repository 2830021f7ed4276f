// Text → lines → blocks. A block is a run of non-blank lines (a paragraph, a title, a caption). Lines that
// hold only white space (spaces, no-break spaces, a BOM) are blank: scraped pages are full of them.

import { Span } from './model';
import { isWhiteSpaceCode } from './text';

export interface Line {
  /** The line without its end-of-line characters and surrounding white space. */
  readonly span: Span;
  readonly text: string;
}

/** The questions `answerOnce` remembers, each one bit pair of a block's answers (`BlockTable.answers`). */
export enum BlockQuestion {
  IsChrome = 0,
  IsMetadata = 1,
  HasTitleShape = 2,
  IsCaption = 3,
  IsPageKindLabel = 4,
  IsSourceLine = 5,
  LooksLikeProse = 6,
  /**
   * Asked with the block that follows it, which is always the same: one table per parse.
   * The one question that reads more than the block's own lines: a twin does not share it.
   */
  IsTitleCandidate = 7,
  IsHeader = 8,
  // Asked by the stages only (see `blockRows.ts`), for rules that do not keep their answer themselves.
  IsPageMarker = 9,
  IsLabelValue = 10,
  IsRelatedLinksHeading = 11,
  /** Whether the next block continues this one as a title (`isTitleContinuation`): like IsTitleCandidate, not shared. */
  IsContinuedAsTitle = 12,
  /** None of the kinds a release's body sorts out before its paragraphs (`isPlainBodyRow`). */
  IsPlainBody = 13,
}

/** The questions that read the next block as well as this one: a twin, with another next block, does not share them. */
function readsNextBlock(question: BlockQuestion): boolean {
  return question === BlockQuestion.IsTitleCandidate || question === BlockQuestion.IsContinuedAsTitle;
}

/**
 * The blocks of one file as columns of numbers, one row per block: a file of one-letter paragraphs has
 * 350,000 blocks per MB, and an object, a span and a list slot per block (144 bytes, alive until the parse
 * ends) cost more than all the questions asked of them. Stages walk rows by index; a rule reads a `Block`, a
 * view of one row made where it is asked (`at`) and dropped after.
 */
export class BlockTable {
  count = 0;
  /** Offsets of each block's first and past its last non-white character. */
  starts: Int32Array;
  ends: Int32Array;
  lineCounts: Int32Array;
  /** Blank lines between each block and the previous one (or the start of the file). */
  blankLinesBefore: Int32Array;
  /**
   * Yes/no answers about each block already worked out (see `answerOnce`): each stage of the parser asks the
   * same questions again (is it chrome, metadata, title-shaped?), and a file of tiny blocks is mostly asking.
   */
  answers: Int32Array;
  /**
   * The row of an earlier one-line block of the same short text, whose answers a block shares (see
   * `answerOnce`); -1 for the first of its text, for longer lines and for blocks of several lines.
   */
  twins: Int32Array;
  /** The lines of each block of two or more lines (few blocks: most are one line and make no line objects). */
  private readonly manyLines = new Map<number, readonly Line[]>();
  /** Each block's first line as read by a rule, kept for the next rule: a block is asked up to a dozen questions. */
  private firstLines: (string | undefined)[] = [];

  constructor(readonly text: string) {
    // A guess that fits most press text without growing; a file of tiny blocks doubles a few times.
    const capacity = Math.max(16, Math.min(text.length >> 5, 1 << 16));
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.lineCounts = new Int32Array(capacity);
    this.blankLinesBefore = new Int32Array(capacity);
    this.answers = new Int32Array(capacity);
    this.twins = new Int32Array(capacity);
  }

  /** A view of block `i` (0 ≤ i < count). */
  at(i: number): Block {
    return new Block(this, i);
  }

  /** A view of block `i`, or undefined past the last block: for "the next block" of the last one. */
  atOrNone(i: number): Block | undefined {
    return i < this.count ? new Block(this, i) : undefined;
  }

  getSpan(i: number): Span {
    return { start: this.starts[i], end: this.ends[i] };
  }

  getFirstLine(i: number): string {
    if (this.lineCounts[i] > 1) return this.manyLines.get(i)![0].text;
    // Made at the first ask, as long as the table: a twin's questions are answered without its text, and a list
    // grown by index past its end would turn into a dictionary.
    if (this.firstLines.length !== this.count) this.firstLines = new Array<string | undefined>(this.count);
    // A twin reads the first block's copy of the same text.
    const holder = this.twins[i] >= 0 ? this.twins[i] : i;
    return (this.firstLines[holder] ??= this.text.slice(this.starts[holder], this.ends[holder]));
  }

  getManyLines(i: number): readonly Line[] | undefined {
    return this.lineCounts[i] > 1 ? this.manyLines.get(i) : undefined;
  }

  add(start: number, end: number, lines: readonly Line[] | undefined, blankLinesBefore: number, twin: number): void {
    if (this.count === this.starts.length) this.grow();
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.lineCounts[i] = lines ? lines.length : 1;
    this.blankLinesBefore[i] = blankLinesBefore;
    this.twins[i] = twin;
    if (lines) this.manyLines.set(i, lines);
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    this.starts = withCapacity(this.starts, capacity);
    this.ends = withCapacity(this.ends, capacity);
    this.lineCounts = withCapacity(this.lineCounts, capacity);
    this.blankLinesBefore = withCapacity(this.blankLinesBefore, capacity);
    this.answers = withCapacity(this.answers, capacity);
    this.twins = withCapacity(this.twins, capacity);
  }
}

function withCapacity(column: Int32Array, capacity: number): Int32Array {
  const grown = new Int32Array(capacity);
  grown.set(column);
  return grown;
}

/** One block as the rules read it: a view of a row of its file's `BlockTable`, made per ask and not kept. */
export class Block {
  /**
   * A view (and its table) alive as long as the process. V8 forgets the shape of a class's objects at a full
   * collection when none is alive, and with it throws away the optimised code of every function that read one:
   * views live for one question, so each parse after a collection (in the server, most parses) ran unoptimised,
   * two to three times slower, while the code was made again.
   */
  static readonly keptAlive = new Block(new BlockTable(''), 0);

  constructor(
    readonly table: BlockTable,
    readonly index: number,
  ) {}

  get span(): Span {
    return this.table.getSpan(this.index);
  }

  /** The text of the first line: of the whole block for a one-line block (most blocks). */
  get firstLine(): string {
    return this.table.getFirstLine(this.index);
  }

  get lineCount(): number {
    return this.table.lineCounts[this.index];
  }

  /** Every line of a block of two or more; undefined for a one-line block (see `getLines`, `everyLine`). */
  get lines(): readonly Line[] | undefined {
    return this.table.getManyLines(this.index);
  }

  /** Blank lines between this block and the previous one (or the start of the file). */
  get blankLinesBefore(): number {
    return this.table.blankLinesBefore[this.index];
  }
}

/**
 * The answer to one yes/no question about a block, computed on the first ask only and kept in its table's
 * `answers` column. A question that also reads the next block gets it as `next`, so that no closure is made per ask.
 */
export function answerOnce(block: Block, question: BlockQuestion, compute: (block: Block, next?: Block) => boolean, next?: Block): boolean {
  return answerRow(block.table, block.index, question, compute, block, next);
}

/**
 * `answerOnce` by row, for the stages: a view of the block is made only when neither the block nor its twin has
 * the answer yet, so a file of repeated lines makes a view per distinct line, not per block.
 */
export function answerRowOnce(table: BlockTable, row: number, question: BlockQuestion, compute: (block: Block) => boolean): boolean {
  return answerRow(table, row, question, compute, undefined, undefined);
}

/** `answerRowOnce` for a question that also reads the next block (see `readsNextBlock`). */
export function answerRowWithNextOnce(table: BlockTable, row: number, question: BlockQuestion, compute: (block: Block, next?: Block) => boolean): boolean {
  // Its own answer is looked at first: the view of the next block is made only to work it out.
  return getKnownAnswer(table, row, question) ?? answerRow(table, row, question, compute, undefined, table.atOrNone(row + 1));
}

/** The block's own answer to `question`, or undefined when not yet asked. */
function getKnownAnswer(table: BlockTable, row: number, question: BlockQuestion): boolean | undefined {
  const asked = 1 << (2 * question);
  const known = table.answers[row];
  return known & asked ? (known & (asked << 1)) !== 0 : undefined;
}

function answerRow(
  table: BlockTable,
  row: number,
  question: BlockQuestion,
  compute: (block: Block, next?: Block) => boolean,
  block: Block | undefined,
  next: Block | undefined,
): boolean {
  // Every other question reads only the block's lines, and a twin has the same one line: its answers are kept
  // with the first block of its text, and asked of that block.
  const twin = readsNextBlock(question) ? -1 : table.twins[row];
  const holder = twin >= 0 ? twin : row;
  const asked = 1 << (2 * question);
  const known = table.answers[holder];
  if (known & asked) return (known & (asked << 1)) !== 0;
  const answer = twin >= 0 ? compute(table.at(twin)) : compute(block ?? table.at(row), next);
  // Or-ed into the column as it is now: the computation may have kept answers to other questions.
  table.answers[holder] |= answer ? asked | (asked << 1) : asked;
  return answer;
}

/**
 * The blocks of a text, in one pass over its characters: no regular expression and no object for a blank line or
 * a one-line block, so a file of blank lines or of one-word paragraphs costs little more than reading it.
 */
export function splitBlocks(text: string): BlockTable {
  const table = new BlockTable(text);
  // The first one-line block of each short text: a file of one-word paragraphs or repeated labels asks its few
  // distinct lines the same questions again and again (every pattern of `lineKinds.ts`), and each is asked once.
  const firstOfText = new Map<string, number>();
  // The current block's lines as pairs of offsets, one list reused: only a block of two or more lines makes line objects.
  const lineOffsets: number[] = [];
  let lineCount = 0;
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
      if (lineCount) addBlock(table, lineOffsets, lineCount, blanksBeforeCurrent, firstOfText);
      lineCount = 0;
      blanks++;
    } else {
      let lineStart = start;
      let lineEnd = end;
      while (isWhiteSpaceCode(text.charCodeAt(lineStart))) lineStart++;
      while (isWhiteSpaceCode(text.charCodeAt(lineEnd - 1))) lineEnd--;
      if (!lineCount) {
        blanksBeforeCurrent = blanks;
        blanks = 0;
      }
      lineOffsets[2 * lineCount] = lineStart;
      lineOffsets[2 * lineCount + 1] = lineEnd;
      lineCount++;
    }
    if (end === text.length) break;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  if (lineCount) addBlock(table, lineOffsets, lineCount, blanksBeforeCurrent, firstOfText);
  return table;
}

/** \r\n, \r and \n end a line (a \r\n pair is one break). */
function isLineBreakCode(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

function addBlock(table: BlockTable, lineOffsets: readonly number[], lineCount: number, blankLinesBefore: number, firstOfText: Map<string, number>): void {
  const { text } = table;
  const start = lineOffsets[0];
  const end = lineOffsets[2 * lineCount - 1];
  if (lineCount > 1) {
    const lines: Line[] = [];
    for (let i = 0; i < 2 * lineCount; i += 2) {
      const span = { start: lineOffsets[i], end: lineOffsets[i + 1] };
      lines.push({ span, text: text.slice(span.start, span.end) });
    }
    table.add(start, end, lines, blankLinesBefore, -1);
    return;
  }
  if (end - start > MAX_TWIN_LENGTH) {
    table.add(start, end, undefined, blankLinesBefore, -1);
    return;
  }
  const firstLine = text.slice(start, end);
  const twin = firstOfText.get(firstLine);
  if (twin === undefined && firstOfText.size < MAX_TWIN_TEXTS) firstOfText.set(firstLine, table.count);
  table.add(start, end, undefined, blankLinesBefore, twin ?? -1);
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
  const lines = block.lines;
  return lines ? lines.every((line) => test(line.text)) : test(block.firstLine);
}

/** Whether some line's text passes `test`, without line objects for a one-line block. */
export function someLine(block: Block, test: (line: string) => boolean): boolean {
  const lines = block.lines;
  return lines ? lines.some((line) => test(line.text)) : test(block.firstLine);
}
