// Where each tag of one corpus file is now, kept as columns (state, start, end per record) rather than one object
// per tag, so a keystroke in a file with 50,000 tags costs a pass over numbers: tags the edit did not touch keep
// their passage, shifted by the edit's length; only the touched ones (and orphans) are searched for again. Objects
// (`AnchoredTag`) are made on demand: all of them for a listing, a few for a hover, only the unsettled ones
// (fuzzy, orphaned) for the problems published after every keystroke.

import { AnchorState, findAnchor } from '../annotations/anchoring';
import { TagRecord } from '../annotations/tagFile';
import { Span } from '../corpus/model';
import { findChangedRange } from './incrementalParse';
import { CorpusFile } from './corpusIndex';

export interface AnchoredTag {
  readonly record: TagRecord;
  readonly status: AnchorState;
  /** Where the passage is now; for an orphaned tag, where it last was (clamped to the text). */
  readonly span: Span;
  /** `moved`: where the record says the passage was (`span` is where it is now). */
  readonly storedSpan?: Span;
  /** `fuzzy`: how similar the passage is now to the tagged quote, 0..1, and how it reads now. */
  readonly similarity?: number;
  readonly currentText?: string;
  /** The release the passage is in now, or the title stored with the tag. */
  readonly releaseTitle: string;
}

const STATES: readonly AnchorState[] = ['exact', 'moved', 'fuzzy', 'orphaned'];
const EXACT = 0;
const MOVED = 1;
const FUZZY = 2;
const ORPHANED = 3;

/** Whether a passage [start, end) is at the span: overlaps it, or holds its offset when the span is empty (a cursor). */
export function isPassageAt(start: number, end: number, span: Span): boolean {
  return span.start === span.end ? start <= span.start && span.start <= end : start < span.end && span.start < end;
}

/** A fuzzy passage's similarity and how it reads now (few tags have one; kept apart from the columns). */
type FuzzyDetail = { readonly similarity: number; readonly text: string };

/** What the pass over the tags reads of each record, as columns: made once per tag file, shared by every version. */
interface StoredColumns {
  readonly prefixLengths: Int32Array;
  readonly suffixLengths: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

function readStoredColumns(records: readonly TagRecord[]): StoredColumns {
  const n = records.length;
  const columns = { prefixLengths: new Int32Array(n), suffixLengths: new Int32Array(n), starts: new Int32Array(n), ends: new Int32Array(n) };
  records.forEach(({ anchor }, i) => {
    columns.prefixLengths[i] = anchor.prefix.length;
    columns.suffixLengths[i] = anchor.suffix.length;
    columns.starts[i] = anchor.start;
    columns.ends[i] = anchor.end;
  });
  return columns;
}

export class TagAnchoring {
  private all?: readonly AnchoredTag[];
  private readonly made: (AnchoredTag | undefined)[] = [];

  private constructor(
    /** The corpus file anchored against; undefined when it is missing (every tag orphaned). */
    private readonly file: CorpusFile | undefined,
    readonly records: readonly TagRecord[],
    private readonly stored: StoredColumns,
    private readonly states: Uint8Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly fuzzy: Map<number, FuzzyDetail>,
  ) {}

  /** Every record anchored afresh. */
  static anchor(file: CorpusFile | undefined, records: readonly TagRecord[]): TagAnchoring {
    const anchoring = TagAnchoring.allocate(file, records, readStoredColumns(records));
    for (let i = 0; i < records.length; i++) anchoring.search(i);
    return anchoring;
  }

  /**
   * The previous anchoring mapped through the one changed range between its text and the file's. The search
   * reads the stored prefix and suffix around a passage too (which occurrence, how far a fuzzy match reaches), so
   * an edit within that context counts as touching the tag.
   */
  static throughEdit(previous: TagAnchoring, file: CorpusFile): TagAnchoring {
    if (!previous.file) return TagAnchoring.anchor(file, previous.records);
    // The range the re-parse found, when this version follows the one anchored against; else compared here.
    const edit = file.edits?.at(-1);
    const change = edit?.change && edit.previousVersion === previous.file.version ? edit.change : findChangedRange(previous.file.text, file.text);
    const delta = change.afterEnd - change.beforeEnd;
    const next = TagAnchoring.allocate(file, previous.records, previous.stored);
    const { states, starts, ends, stored } = previous;
    for (let i = 0; i < states.length; i++) {
      const state = states[i];
      const start = starts[i];
      const end = ends[i];
      if (state === ORPHANED || (end + stored.suffixLengths[i] >= change.start && start - stored.prefixLengths[i] <= change.beforeEnd)) {
        next.search(i);
        continue;
      }
      const shift = start > change.start ? delta : 0;
      next.starts[i] = start + shift;
      next.ends[i] = end + shift;
      if (state === FUZZY) {
        // A fuzzy passage stays as edited as it was.
        next.states[i] = FUZZY;
        next.fuzzy.set(i, previous.fuzzy.get(i)!);
      } else {
        // The same words moved with the text are exact only where stored.
        next.states[i] = start + shift === stored.starts[i] && end + shift === stored.ends[i] ? EXACT : MOVED;
      }
    }
    return next;
  }

  private static allocate(file: CorpusFile | undefined, records: readonly TagRecord[], stored: StoredColumns) {
    const n = records.length;
    return new TagAnchoring(file, records, stored, new Uint8Array(n), new Int32Array(n), new Int32Array(n), new Map());
  }

  get length(): number {
    return this.records.length;
  }

  /** Every tag, in record order (made once per anchoring). */
  getAll(): readonly AnchoredTag[] {
    this.all ??= this.records.map((_, i) => this.get(i));
    return this.all;
  }

  /** The tags that are fuzzy or orphaned, the only ones with problems to show. */
  getUnsettled(): AnchoredTag[] {
    const found: AnchoredTag[] = [];
    for (let i = 0; i < this.states.length; i++) if (this.states[i] >= FUZZY) found.push(this.get(i));
    return found;
  }

  /** Anchored tags whose passage overlaps the span (or holds the offset, for an empty span). */
  findAt(span: Span): AnchoredTag[] {
    const found: AnchoredTag[] = [];
    for (let i = 0; i < this.states.length; i++) if (this.states[i] !== ORPHANED && isPassageAt(this.starts[i], this.ends[i], span)) found.push(this.get(i));
    return found;
  }

  /** Where the anchored tags are, by state: offset pairs (start, end) in record order, without making objects. */
  getSpansByState(): Record<Exclude<AnchorState, 'orphaned'>, Int32Array> {
    const counts = [0, 0, 0, 0];
    for (const state of this.states) counts[state]++;
    const byState = counts.map((count) => new Int32Array(2 * count));
    const filled = [0, 0, 0, 0];
    for (let i = 0; i < this.states.length; i++) {
      const state = this.states[i];
      byState[state][filled[state]++] = this.starts[i];
      byState[state][filled[state]++] = this.ends[i];
    }
    return { exact: byState[EXACT], moved: byState[MOVED], fuzzy: byState[FUZZY] };
  }

  /** The tag of record `i`, as an object. */
  get(i: number): AnchoredTag {
    return (this.made[i] ??= this.make(i));
  }

  private make(i: number): AnchoredTag {
    const record = this.records[i];
    const status = STATES[this.states[i]];
    const span = { start: this.starts[i], end: this.ends[i] };
    const title = this.file && status !== 'orphaned' ? getReleaseTitleAt(this.file, span.start) : undefined;
    const fuzzy = this.fuzzy.get(i);
    return {
      record,
      status,
      span,
      storedSpan: status === 'moved' ? { start: record.anchor.start, end: record.anchor.end } : undefined,
      similarity: fuzzy?.similarity,
      currentText: fuzzy?.text,
      releaseTitle: title ?? record.release,
    };
  }

  /** Looks for record `i`'s passage in the text and fills its columns. */
  private search(i: number): void {
    const { anchor } = this.records[i];
    const match = this.file ? findAnchor(this.file.text, anchor) : { state: 'orphaned' as const };
    if (match.state === 'orphaned') {
      const length = this.file?.text.length ?? 0;
      this.states[i] = ORPHANED;
      this.starts[i] = Math.min(anchor.start, length);
      this.ends[i] = Math.min(anchor.end, length);
      return;
    }
    this.states[i] = STATES.indexOf(match.state);
    this.starts[i] = match.span.start;
    this.ends[i] = match.span.end;
    if (match.state === 'fuzzy') this.fuzzy.set(i, { similarity: match.similarity, text: match.text });
  }
}

/** The title of the release holding the offset (binary search: releases are in text order). */
function getReleaseTitleAt(file: CorpusFile, offset: number): string | undefined {
  const releases = file.parsed.releases;
  let low = 0;
  let high = releases.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = releases[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else return releases[mid].title;
  }
  return undefined;
}
