// Offsets inside, line/column only at the front ends (the language server, the CLI): both convert with this
// table, one per stored file version, built on first use. Lines and characters count from 0, characters in UTF-16
// code units, as LSP does.

import { Span } from '../corpus/model';
import { CorpusFile, getFileContent } from '../features/corpusIndex';
import { ChangedRange } from '../features/incrementalParse';
import { findLastStartAtOrBefore, ReadableText } from '../features/pieceText';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export class LineTable {
  /** A typed array: a new version's table copies and shifts it (afterChange) as blocks of memory. */
  private readonly lineStarts: Int32Array;

  /** `lineStarts`: the text's line starts, when already known (afterChange); else they are found in the text. */
  constructor(
    private readonly text: ReadableText,
    lineStarts?: Int32Array,
  ) {
    if (lineStarts) this.lineStarts = lineStarts;
    else {
      const starts = [0];
      pushLineStarts(text, 0, text.length + 1, starts);
      this.lineStarts = Int32Array.from(starts);
    }
  }

  /**
   * The table of `text`, made from `previous` (the table of the text before `change`) in what the change touched:
   * a keystroke in a 20 MB file scans its line, not the file. Line starts before the changed line are kept, those
   * after it moved by the change's length; whether an offset starts a line depends on the character before it and
   * the one at it ("\r" then "\n" is one break), so the scan runs from the line before the change to one past it.
   */
  static afterChange(previous: LineTable, text: ReadableText, change: ChangedRange): LineTable {
    const old = previous.lineStarts;
    const keptLines = previous.findLine(Math.max(0, change.start - 1)) + 1;
    const delta = change.afterEnd - change.beforeEnd;
    const movedFrom = change.beforeEnd + 1;
    const scanned: number[] = [];
    pushLineStarts(text, old[keptLines - 1], movedFrom + delta, scanned);
    let moved = keptLines;
    while (moved < old.length && old[moved] < movedFrom) moved++;
    const movedAt = keptLines + scanned.length;
    const starts = new Int32Array(movedAt + old.length - moved);
    starts.set(old.subarray(0, keptLines));
    starts.set(scanned, keptLines);
    starts.set(old.subarray(moved), movedAt);
    if (delta !== 0) for (let i = movedAt; i < starts.length; i++) starts[i] += delta;
    return new LineTable(text, starts);
  }

  toPosition(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.findLine(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** The line holding an offset within the text (binary search). */
  private findLine(offset: number): number {
    return findLastStartAtOrBefore(this.lineStarts, this.lineStarts.length, offset);
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
    // The line's own text only: a whole-text read of a text in pieces would join it.
    const lineEnd = lineStart + this.text.slice(lineStart, nextLineStart).replace(/[\r\n]+$/, '').length;
    return lineStart + Math.max(0, Math.min(position.character, lineEnd - lineStart));
  }
}

/** Appends the line starts after `from` (a line start) and before `until`. */
function pushLineStarts(text: ReadableText, from: number, until: number, starts: number[]): void {
  // Read up to `until` and the character at it (a "\n" after a "\r" there belongs to the break before it).
  const part = text.slice(from, until + 1);
  for (let i = 0; i < part.length; i++) {
    const ch = part.charCodeAt(i);
    if (ch !== 13 /* \r */ && ch !== 10 /* \n */) continue;
    if (ch === 13 && part.charCodeAt(i + 1) === 10) i++;
    if (from + i + 1 >= until) return;
    starts.push(from + i + 1);
  }
}

/** A parsed file: its text, and for a corpus file kept in pieces, its pieces (read instead of joining the text). */
type FileWithText = { readonly text: string; readonly content?: ReadableText };

const tables = new WeakMap<FileWithText, LineTable>();
/** A version's table to make from its previous version's when first asked (carryLineTable). */
const tablesAfterChange = new WeakMap<FileWithText, { previous: LineTable; change: ChangedRange }>();

/** Tables their text's owner made (the server's open documents): a file of that text takes it as its own. */
const tablesOfContent = new WeakMap<ReadableText, LineTable>();

/** `table` is the line table of `content`: a file made of that text need not make another. */
export function shareLineTable(content: ReadableText, table: LineTable): void {
  tablesOfContent.set(content, table);
}

/** The line table of an immutable parsed file (corpus, tag or entity file), built once per parse. */
export function getLineTable(file: FileWithText): LineTable {
  let table = tables.get(file);
  if (!table) {
    const afterChange = tablesAfterChange.get(file);
    const text = file.content ?? file.text;
    const shared = file.content && tablesOfContent.get(file.content);
    table = shared ?? (afterChange ? LineTable.afterChange(afterChange.previous, text, afterChange.change) : new LineTable(text));
    tablesAfterChange.delete(file);
    tables.set(file, table);
  }
  return table;
}

/**
 * `next` is an editor's edit of `previous`: when `previous` has its table, `next`'s is made from it (on first use)
 * instead of over the whole text. The change is the one the re-parse checked against both texts.
 */
export function carryLineTable(previous: CorpusFile | undefined, next: CorpusFile | undefined): void {
  const edit = next?.edits?.[next.edits.length - 1];
  if (!previous || !next || !edit?.change || edit.previousVersion !== previous.version || tables.has(next)) return;
  if (!tables.has(previous) && !tablesAfterChange.has(previous)) return;
  const { change } = edit;
  if (getFileContent(previous).length + change.afterEnd - change.beforeEnd !== getFileContent(next).length) return;
  tablesAfterChange.set(next, { previous: getLineTable(previous), change });
}
