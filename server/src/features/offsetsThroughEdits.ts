// Offsets between a file's current text and an earlier version of it, through the edits since (each edit's
// changed range, CorpusFile.edits): while the background computes a big file's new summary, a request at an
// offset of the current text answers from the summary the tables hold, of a version a few edits behind.

import { Span } from '../corpus/model';
import { CorpusFile } from './corpusIndex';
import { ChangedRange } from './incrementalParse';

/** The changed ranges that lead from `version` to the file's current text, oldest first; undefined when not all are known. */
export function getChangesSince(file: CorpusFile, version: number): ChangedRange[] | undefined {
  const edits = file.edits ?? [];
  const first = edits.findIndex((edit) => edit.previousVersion === version);
  if (first < 0) return undefined;
  const changes = edits.slice(first).map((edit) => edit.change);
  return changes.every((change) => change !== undefined) ? (changes as ChangedRange[]) : undefined;
}

/** Where an offset of the current text was before `changes` (getChangesSince); undefined when an edit since changed the text there. */
export function mapOffsetBack(changes: readonly ChangedRange[], offset: number): number | undefined {
  let at = offset;
  for (let i = changes.length - 1; i >= 0; i--) {
    const { start, beforeEnd, afterEnd } = changes[i];
    if (at < start) continue;
    if (at < afterEnd) return undefined; // in the text the edit typed
    at -= afterEnd - beforeEnd;
  }
  return at;
}

/** Where a span of the text before `changes` is in the current text; undefined when an edit since touched it. */
export function mapSpanForward(changes: readonly ChangedRange[], span: Span): Span | undefined {
  let { start, end } = span;
  for (const change of changes) {
    if (end <= change.start) continue;
    if (start < change.beforeEnd) return undefined;
    const shift = change.afterEnd - change.beforeEnd;
    [start, end] = [start + shift, end + shift];
  }
  return { start, end };
}

/**
 * Where a span of a file's summary in the tables, of `version` (undefined: the current one), is in the file's current
 * text; undefined when an edit since touched it, or the edits since are not all known.
 */
export function mapSpanToCurrent(file: CorpusFile, version: number | undefined, span: Span): Span | undefined {
  if (version === undefined || version === file.version) return span;
  const changes = getChangesSince(file, version);
  return changes && mapSpanForward(changes, span);
}
