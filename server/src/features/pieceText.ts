// The text of a big open document, kept in pieces of about 64 K characters: an edit rebuilds the pieces it touches
// and shares the others with the version before, so a keystroke in a 20 MB file copies a piece, not the file.
// (A string edited by concatenation is, in V8, a tree that the first read copies into one flat string: 40 MB for
// 20 MB of two-byte text, on every keystroke.) Reads of a range join only the pieces under it; the whole text is
// joined on first request, once per version, for the rare readers that need one string.

import { detachText } from './detachedText';

/** Text read in parts: a string is one, and so is a PieceText (neither is copied whole to read a range of it). */
export interface ReadableText {
  readonly length: number;
  /** Characters [start, end), clamped to the text, as `String.prototype.slice` with offsets ≥ 0. */
  slice(start?: number, end?: number): string;
  /** The whole text as one string. */
  toString(): string;
}

/** A piece is cut to this length; an edited piece is cut again once it is twice as long. */
const DEFAULT_PIECE_CHARS = 64 * 1024;

export class PieceText implements ReadableText {
  private joined: string | undefined;

  private constructor(
    /** Flat strings of their own (never views of a longer string: a version must not keep another alive). */
    private readonly pieces: readonly string[],
    /** Where each piece starts in the text; one more entry, the text's length. */
    private readonly starts: Float64Array,
    private readonly pieceChars: number,
  ) {}

  /** `pieceChars`: the length pieces are cut to (tests cut short ones, to edit across many). */
  static from(text: string, pieceChars = DEFAULT_PIECE_CHARS): PieceText {
    return PieceText.fromPieces(cutIntoPieces(text, pieceChars), pieceChars);
  }

  private static fromPieces(pieces: readonly string[], pieceChars: number): PieceText {
    const starts = new Float64Array(pieces.length + 1);
    for (let i = 0; i < pieces.length; i++) starts[i + 1] = starts[i] + pieces[i].length;
    return new PieceText(pieces, starts, pieceChars);
  }

  get length(): number {
    return this.starts[this.pieces.length];
  }

  /** This text with [start, end) replaced by `insert` (offsets clamped to the text). */
  edit(start: number, end: number, insert: string): PieceText {
    const from = clamp(start, this.length);
    const to = Math.max(from, clamp(end, this.length));
    const first = this.findPiece(from);
    const last = to === from ? first : this.findPiece(to - 1);
    if (first < 0) return PieceText.from(insert, this.pieceChars);
    const head = this.pieces[first].slice(0, from - this.starts[first]);
    const tail = this.pieces[last].slice(to - this.starts[last]);
    const rebuilt = cutIntoPieces(head + insert + tail, this.pieceChars);
    const pieces = [...this.pieces.slice(0, first), ...rebuilt, ...this.pieces.slice(last + 1)];
    if (rebuilt.length !== 1 || last !== first) return PieceText.fromPieces(pieces, this.pieceChars);
    // The usual keystroke: one piece replaced by one, so the starts after it move by the edit's length.
    const starts = this.starts.slice();
    const delta = insert.length - (to - from);
    if (delta !== 0) for (let i = first + 1; i < starts.length; i++) starts[i] += delta;
    return new PieceText(pieces, starts, this.pieceChars);
  }

  /** Whether the whole text has been joined (it is, once, when something reads it whole). */
  get isJoined(): boolean {
    return this.joined !== undefined;
  }

  slice(start = 0, end = this.length): string {
    const from = clamp(start, this.length);
    const to = clamp(end, this.length);
    if (to <= from) return '';
    if (this.joined !== undefined) return this.joined.slice(from, to);
    const first = this.findPiece(from);
    const last = this.findPiece(to - 1);
    if (first === last) return this.pieces[first].slice(from - this.starts[first], to - this.starts[first]);
    const parts = [this.pieces[first].slice(from - this.starts[first])];
    for (let i = first + 1; i < last; i++) parts.push(this.pieces[i]);
    parts.push(this.pieces[last].slice(0, to - this.starts[last]));
    return parts.join('');
  }

  toString(): string {
    if (this.joined === undefined) this.joined = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    return this.joined;
  }

  /** The piece holding the character at `offset` (0 ≤ offset < length); -1 for an empty text. */
  private findPiece(offset: number): number {
    return findLastStartAtOrBefore(this.starts, this.pieces.length, offset);
  }
}

/** Flat pieces of `text`, none longer than twice `pieceChars`, none empty (no piece at all for empty text). */
function cutIntoPieces(text: string, pieceChars: number): string[] {
  if (text.length === 0) return [];
  if (text.length < 2 * pieceChars) return [detachText(text)];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += pieceChars) pieces.push(detachText(text.slice(at, at + pieceChars)));
  // The last piece takes a short remainder, so no piece is much shorter than the others.
  if (pieces[pieces.length - 1].length < pieceChars / 4) pieces.splice(-2, 2, detachText(pieces.at(-2)! + pieces.at(-1)!));
  return pieces;
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(offset, length));
}

/**
 * The last of the first `count` ascending `starts` that is at or before `offset` (binary search): the piece holding
 * an offset, or its line in a line table. 0 when none is; -1 when `count` is 0.
 */
export function findLastStartAtOrBefore(starts: ArrayLike<number>, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return high;
}
