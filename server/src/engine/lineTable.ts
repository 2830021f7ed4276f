// Offsets inside, line/column only at the front ends (the language server, the CLI): both convert with this
// table, one per stored file version, built on first use. Lines and characters count from 0, characters in UTF-16
// code units, as LSP does.

import { Span } from '../corpus/model';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export class LineTable {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  toPosition(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.findLine(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** The line holding an offset within the text (binary search). */
  private findLine(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * Many offsets at once, as flat (line, character) pairs: no object per offset, and each search starts from the
   * previous offset's line (offsets in text order, the usual case, cost a step each instead of a binary search).
   */
  toFlatPositions(offsets: ArrayLike<number>): number[] {
    const flat = new Array<number>(offsets.length * 2);
    const starts = this.lineStarts;
    let line = 0;
    for (let i = 0; i < offsets.length; i++) {
      const offset = Math.max(0, Math.min(offsets[i], this.text.length));
      if (offset < starts[line] || (line + 2 < starts.length && offset >= starts[line + 2])) line = this.findLine(offset);
      else if (line + 1 < starts.length && offset >= starts[line + 1]) line++;
      flat[2 * i] = line;
      flat[2 * i + 1] = offset - starts[line];
    }
    return flat;
  }

  toRange(span: Span): Range {
    return { start: this.toPosition(span.start), end: this.toPosition(span.end) };
  }

  /** Out-of-range positions are clamped to the nearest real offset, never an error. */
  toOffset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const nextLineStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    let lineEnd = nextLineStart;
    while (lineEnd > lineStart && (this.text[lineEnd - 1] === '\n' || this.text[lineEnd - 1] === '\r')) lineEnd--;
    return lineStart + Math.max(0, Math.min(position.character, lineEnd - lineStart));
  }
}

const tables = new WeakMap<{ readonly text: string }, LineTable>();

/** The line table of an immutable parsed file (corpus, tag or entity file), built once per parse. */
export function getLineTable(file: { readonly text: string }): LineTable {
  let table = tables.get(file);
  if (!table) {
    table = new LineTable(file.text);
    tables.set(file, table);
  }
  return table;
}
