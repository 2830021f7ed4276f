// One file's mentions kept as columns: offsets, release, kind and form packed into typed arrays, keys and roles
// as indices into the file's own list of distinct strings. A file's mentions live as long as the file, and an
// object per mention plus one per span took five times the memory (docs/performance.md). Readers ask for a
// `Mention` when they need one; it is built on demand and not kept.

import { ENTITY_KINDS, Mention, MentionForm, ReleaseContext } from './entityModel';
import { runToEnd } from './steps';

const FORMS: readonly MentionForm[] = ['name', 'surname', 'first-name', 'title', 'abbreviation', 'capital', 'demonym', 'candidate'];
const HOLDERS_FOUND: readonly (Mention['holderFound'] | undefined)[] = [undefined, 'named-before', 'named-later', 'file', 'none'];

// Bits of a mention's packed flags: kind (3 bits), form (3), how a title's holder was found (3), and whether the
// mention carries its release's context (a title-only mention does, when the file's releases are known).
const FORM_SHIFT = 3;
const HOLDER_SHIFT = 6;
const HAS_RELEASE = 1 << 9;
const THREE_BITS = 7;
const NO_ROLE = -1;

/** The columns of a table; the span columns alone change when an edit moves the mentions. */
export interface MentionColumns {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly releaseIndices: Int32Array;
  readonly flags: Uint16Array;
  readonly keyIds: Int32Array;
  /** Index of the stated role in `strings`, or -1. */
  readonly roleIds: Int32Array;
  /** The distinct keys and roles of the file. */
  readonly strings: readonly string[];
  /** Release index → its date and publisher, for the mentions that carry them. */
  readonly contexts: readonly (ReleaseContext | undefined)[];
}

/** A file's mentions in offset order, read by index. */
export class MentionTable implements Iterable<Mention> {
  static readonly EMPTY = MentionTable.from([]);

  private constructor(private readonly columns: MentionColumns) {}

  /** The table of mentions given in offset order. */
  static from(mentions: readonly Mention[]): MentionTable {
    return runToEnd(MentionTable.fromInSteps(mentions, Number.POSITIVE_INFINITY));
  }

  /** The same, yielding after every `mentionsPerPiece` mentions (a big file's recognition in the background). */
  static *fromInSteps(mentions: readonly Mention[], mentionsPerPiece: number): Generator<void, MentionTable, void> {
    const n = mentions.length;
    const columns = {
      starts: new Int32Array(n),
      ends: new Int32Array(n),
      releaseIndices: new Int32Array(n),
      flags: new Uint16Array(n),
      keyIds: new Int32Array(n),
      roleIds: new Int32Array(n),
      strings: [] as string[],
      contexts: [] as (ReleaseContext | undefined)[],
    };
    const ids = new Map<string, number>();
    const idOf = (value: string) => {
      let id = ids.get(value);
      if (id === undefined) ids.set(value, (id = columns.strings.push(value) - 1));
      return id;
    };
    for (let i = 0; i < n; i++) {
      const m = mentions[i];
      columns.starts[i] = m.span.start;
      columns.ends[i] = m.span.end;
      columns.releaseIndices[i] = m.releaseIndex;
      columns.keyIds[i] = idOf(m.key);
      columns.roleIds[i] = m.role === undefined ? NO_ROLE : idOf(m.role);
      columns.flags[i] =
        ENTITY_KINDS.indexOf(m.kind) |
        (FORMS.indexOf(m.form) << FORM_SHIFT) |
        (HOLDERS_FOUND.indexOf(m.holderFound) << HOLDER_SHIFT) |
        (m.release ? HAS_RELEASE : 0);
      if (m.release) columns.contexts[m.releaseIndex] = m.release;
      if ((i + 1) % mentionsPerPiece === 0) yield;
    }
    return new MentionTable(columns);
  }

  /**
   * A table from stored columns (the persistent index), or undefined unless every column has the right type and
   * length and every value is in range for a text of `textLength` units with `releaseCount` releases.
   */
  static fromColumns(data: unknown, textLength: number, releaseCount: number): MentionTable | undefined {
    const c = data as Partial<MentionColumns> | undefined;
    if (!c || !(c.starts instanceof Int32Array) || !(c.ends instanceof Int32Array) || !(c.releaseIndices instanceof Int32Array)) return undefined;
    if (!(c.flags instanceof Uint16Array) || !(c.keyIds instanceof Int32Array) || !(c.roleIds instanceof Int32Array)) return undefined;
    if (!Array.isArray(c.strings) || !Array.isArray(c.contexts) || !c.strings.every((value) => typeof value === 'string')) return undefined;
    const n = c.starts.length;
    if ([c.ends, c.releaseIndices, c.flags, c.keyIds, c.roleIds].some((column) => column.length !== n)) return undefined;
    for (let i = 0; i < n; i++) {
      const packed = c.flags[i];
      const fits =
        c.starts[i] >= 0 &&
        c.starts[i] <= c.ends[i] &&
        c.ends[i] <= textLength &&
        c.releaseIndices[i] >= 0 &&
        c.releaseIndices[i] < releaseCount &&
        c.keyIds[i] >= 0 &&
        c.keyIds[i] < c.strings.length &&
        c.roleIds[i] >= NO_ROLE &&
        c.roleIds[i] < c.strings.length &&
        (packed & THREE_BITS) < ENTITY_KINDS.length &&
        ((packed >> FORM_SHIFT) & THREE_BITS) < FORMS.length &&
        ((packed >> HOLDER_SHIFT) & THREE_BITS) < HOLDERS_FOUND.length &&
        (!(packed & HAS_RELEASE) || isReleaseContext(c.contexts[c.releaseIndices[i]]));
      if (!fits) return undefined;
    }
    return new MentionTable(c as MentionColumns);
  }

  /** The columns as plain data, for the persistent index (read back by `fromColumns`). */
  toColumns(): MentionColumns {
    return this.columns;
  }

  get length(): number {
    return this.columns.starts.length;
  }

  startOf(i: number): number {
    return this.columns.starts[i];
  }

  endOf(i: number): number {
    return this.columns.ends[i];
  }

  releaseIndexOf(i: number): number {
    return this.columns.releaseIndices[i];
  }

  keyOf(i: number): string {
    return this.columns.strings[this.columns.keyIds[i]];
  }

  /** The mention at index i, built for the caller (optional fields only when set, as recognition makes them). */
  at(i: number): Mention {
    const { starts, ends, releaseIndices, flags, roleIds, strings, contexts } = this.columns;
    const packed = flags[i];
    const mention: { -readonly [K in keyof Mention]: Mention[K] } = {
      span: { start: starts[i], end: ends[i] },
      kind: ENTITY_KINDS[packed & THREE_BITS],
      form: FORMS[(packed >> FORM_SHIFT) & THREE_BITS],
      key: strings[this.columns.keyIds[i]],
      releaseIndex: releaseIndices[i],
    };
    if (roleIds[i] !== NO_ROLE) mention.role = strings[roleIds[i]];
    const holderFound = HOLDERS_FOUND[(packed >> HOLDER_SHIFT) & THREE_BITS];
    if (holderFound) mention.holderFound = holderFound;
    if (packed & HAS_RELEASE) mention.release = contexts[releaseIndices[i]];
    return mention;
  }

  *[Symbol.iterator](): Iterator<Mention> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** The index of the mention whose span holds the offset (its end included), or -1. */
  findIndexAt(offset: number): number {
    const { starts, ends } = this.columns;
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < starts[mid]) high = mid - 1;
      else if (offset > ends[mid]) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The mention whose span holds the offset (its end included). */
  findAt(offset: number): Mention | undefined {
    const index = this.findIndexAt(offset);
    return index < 0 ? undefined : this.at(index);
  }

  /** The same mentions at new offsets (an edit moved them; nothing else changed). */
  withSpans(starts: Int32Array, ends: Int32Array): MentionTable {
    return new MentionTable({ ...this.columns, starts, ends });
  }
}

/** A stored release context: an object whose date and publisher, when present, are strings. */
function isReleaseContext(value: unknown): value is ReleaseContext {
  if (typeof value !== 'object' || value === null) return false;
  const { date, publisher } = value as { date?: unknown; publisher?: unknown };
  return (date === undefined || typeof date === 'string') && (publisher === undefined || typeof publisher === 'string');
}
