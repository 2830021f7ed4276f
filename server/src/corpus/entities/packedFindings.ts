// One release's pass-one findings in two flat arrays, for keeping them while a big file is edited (the entity
// index keeps every release's findings so that an edit reads again only the releases it touched). As objects a
// finding cost an object, a span or two and often a word list, ~280 bytes, and a big file's findings cost six times
// its text; packed, a finding is a few Int32s and its strings are listed once per release (docs/performance.md).
// Unpacking gives findings equal to the packed ones, with the same properties present, placed at a release's
// current offsets.

import { Span } from '../model';
import { EntityKind, MentionForm } from './entityModel';
import { Finding } from './mentions';

export interface PackedFindings {
  /** Per finding: its type, then its fields as numbers, strings as indices into `strings` (layout in `packFindings`). */
  readonly numbers: Int32Array;
  readonly strings: readonly string[];
  readonly count: number;
}

const MENTION = 0;
const ROLE = 1;
const NAME_RUN = 2;
/** An optional field the finding does not have, and one it has with the value undefined. */
const ABSENT = -1;
const UNDEFINED = -2;

export function packFindings(findings: readonly Finding[]): PackedFindings {
  const numbers: number[] = [];
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const string = (value: string): number => {
    let id = stringIds.get(value);
    if (id === undefined) stringIds.set(value, (id = strings.push(value) - 1));
    return id;
  };
  /** An optional string or word list: its string id or length first, else whether the finding has the field. */
  const optional = (f: object, field: string, value: string | readonly string[] | undefined) => {
    if (value === undefined) numbers.push(field in f ? UNDEFINED : ABSENT);
    else if (typeof value === 'string') numbers.push(string(value));
    else {
      numbers.push(value.length);
      for (const word of value) numbers.push(string(word));
    }
  };
  for (const f of findings) {
    if (f.type === 'mention') {
      numbers.push(MENTION, f.span.start, f.span.end, string(f.kind), string(f.form), string(f.key));
      optional(f, 'role', f.role);
      optional(f, 'words', f.words);
      optional(f, 'abbreviationOf', f.abbreviationOf);
      if (f.outer) numbers.push(1, f.outer.start, f.outer.end);
      else numbers.push('outer' in f ? UNDEFINED : ABSENT);
    } else if (f.type === 'role') {
      numbers.push(ROLE, f.span.start, f.span.end, f.outer.start, f.outer.end, string(f.role), string(f.head), f.confirmed ? 1 : 0);
    } else {
      numbers.push(NAME_RUN, f.span.start, f.span.end);
      optional(f, 'words', f.words);
      numbers.push(f.wordSpans.length);
      for (const span of f.wordSpans) numbers.push(span.start, span.end);
    }
  }
  return { numbers: Int32Array.from(numbers), strings, count: findings.length };
}

/** The findings, each span moved by `shift` and each finding of release `releaseIndex`. */
export function unpackFindings({ numbers, strings, count }: PackedFindings, shift: number, releaseIndex: number): Finding[] {
  let at = 0;
  const span = (): Span => {
    const start = numbers[at++] + shift;
    return { start, end: numbers[at++] + shift };
  };
  const words = (length: number): string[] => {
    const list = new Array<string>(length);
    for (let w = 0; w < length; w++) list[w] = strings[numbers[at++]];
    return list;
  };
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const type = numbers[at++];
    if (type === ROLE) {
      const found = { span: span(), outer: span() };
      findings.push({ type: 'role', ...found, role: strings[numbers[at++]], head: strings[numbers[at++]], confirmed: numbers[at++] === 1, releaseIndex });
    } else if (type === NAME_RUN) {
      const found = { span: span(), words: words(numbers[at++]) };
      const wordSpans = new Array<Span>(numbers[at++]);
      for (let w = 0; w < wordSpans.length; w++) wordSpans[w] = span();
      findings.push({ type: 'name-run', ...found, wordSpans, releaseIndex });
    } else {
      // Fields are added as recognition adds them, in its order, so unpacked findings share a few shapes.
      const found: Extract<Finding, { type: 'mention' }> = {
        type: 'mention',
        span: span(),
        kind: strings[numbers[at++]] as EntityKind,
        form: strings[numbers[at++]] as MentionForm,
        key: strings[numbers[at++]],
      } as Extract<Finding, { type: 'mention' }>;
      const role = numbers[at++];
      if (role !== ABSENT) found.role = role === UNDEFINED ? undefined : strings[role];
      const wordCount = numbers[at++];
      if (wordCount !== ABSENT) found.words = wordCount === UNDEFINED ? undefined : words(wordCount);
      found.releaseIndex = releaseIndex;
      const abbreviationOf = numbers[at++];
      if (abbreviationOf !== ABSENT) found.abbreviationOf = abbreviationOf === UNDEFINED ? undefined : strings[abbreviationOf];
      const outer = numbers[at++];
      if (outer !== ABSENT) found.outer = outer === UNDEFINED ? undefined : span();
      findings.push(found);
    }
  }
  return findings;
}
