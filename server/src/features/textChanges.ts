// Where an editor changed a document, as the editor said it: changes applied in turn, each in the offsets of the
// text the ones before it left (as LSP sends them). One range covering them all spares the re-parse and the size
// count a comparison of the whole old and new texts (incrementalParse.ts checks it against the texts).

import { ChangedRange } from './incrementalParse';

export interface TextChange {
  readonly start: number;
  /** End of the replaced text, in the text before this change. */
  readonly end: number;
  readonly text: string;
}

/** The one range of the text before the first change that the changes replaced; undefined for no change. */
export function composeTextChanges(changes: readonly TextChange[]): ChangedRange | undefined {
  let range: ChangedRange | undefined;
  for (const change of changes) {
    const delta = change.text.length - (change.end - change.start);
    range = !range
      ? { start: change.start, beforeEnd: change.end, afterEnd: change.end + delta }
      : {
          // Text before the range and the change is the first text's; text after both is its, moved.
          start: Math.min(range.start, change.start),
          beforeEnd: range.beforeEnd + Math.max(0, change.end - range.afterEnd),
          afterEnd: Math.max(range.afterEnd, change.end) + delta,
        };
  }
  return range;
}
