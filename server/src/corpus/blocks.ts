// Text → lines → blocks. A block is a run of non-blank lines (a paragraph, a title, a caption). Lines that
// hold only white space (spaces, no-break spaces, a BOM) are blank: scraped pages are full of them.

import { Span } from './model';
import { isBlank, trimSpan } from './text';

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
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    const span = trimSpan(text, start, end);
    lines.push({ span, text: text.slice(span.start, span.end) });
    if (!match) return lines;
    start = match.index + match[0].length;
  }
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  let blanks = 0;
  let blanksBeforeCurrent = 0;
  const close = () => {
    if (current.length) blocks.push({ lines: current, span: { start: current[0].span.start, end: current[current.length - 1].span.end }, blankLinesBefore: blanksBeforeCurrent });
    current = [];
  };
  for (const line of splitLines(text)) {
    if (isBlank(line.text)) {
      close();
      blanks++;
      continue;
    }
    if (current.length === 0) {
      blanksBeforeCurrent = blanks;
      blanks = 0;
    }
    current.push(line);
  }
  close();
  return blocks;
}
