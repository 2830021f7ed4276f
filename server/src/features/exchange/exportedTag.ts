// A tagged passage as `press-corpus tags export` hands it to the formats (W3C, CSV, JSON lines): the tag record
// of annotations/<file>.yaml plus where it anchors now. Plain data; the caller reads the files.

import { Span } from '../../corpus/model';

export interface ExportedTag {
  /** The record's id in the tag file: `k3xq9m2a`. */
  readonly id: string;
  /** The corpus file relative to the workspace folder, with forward slashes: `seeds/000_x.txt`. */
  readonly corpusFile: string;
  /** The corpus file's whole text: code point offsets are counted in it. */
  readonly text: string;
  /** Where the passage is now (UTF-16 offsets); for an orphaned tag, the offsets it last had. */
  readonly span: Span;
  /**
   * The quote with its context. For an anchored tag, the text as it reads now (`createAnchor(text, span)`), so
   * the quote and the position agree even when the passage was re-found by fuzzy matching; for an orphaned tag,
   * the stored quote.
   */
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly tags: readonly string[];
  /** Empty when the analyst gave none. */
  readonly note: string;
  /** The title of the release the passage is in. */
  readonly release: string;
  /** How the tag was found again: `exact`, `moved`, `fuzzy`, or `orphaned` (the passage is no longer in the text). */
  readonly status: string;
  readonly author?: string;
  /** ISO 8601 date-times. */
  readonly created?: string;
  readonly updated?: string;
}
