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
  const optional = <T>(f: object, field: string, value: T | undefined, write: (value: T) => void) => {
    if (value !== undefined) write(value);
    else numbers.push(field in f ? UNDEFINED : ABSENT);
  };
  const words = (list: readonly string[]) => {
    numbers.push(list.length);
    for (const word of list) numbers.push(string(word));
  };
  for (const f of findings) {
    if (f.type === 'mention') {
      numbers.push(MENTION, f.span.start, f.span.end, string(f.kind), string(f.form), string(f.key));
      optional(f, 'role', f.role, (role) => numbers.push(string(role)));
      optional(f, 'words', f.words, words);
      optional(f, 'abbreviationOf', f.abbreviationOf, (key) => numbers.push(string(key)));
      optional(f, 'outer', f.outer, (outer) => numbers.push(1, outer.start, outer.end));
    } else if (f.type === 'role') {
      numbers.push(ROLE, f.span.start, f.span.end, f.outer.start, f.outer.end, string(f.role), string(f.head), f.confirmed ? 1 : 0);
    } else {
      numbers.push(NAME_RUN, f.span.start, f.span.end);
      words(f.words);
      numbers.push(f.wordSpans.length);
      for (const span of f.wordSpans) numbers.push(span.start, span.end);
    }
  }
  return { numbers: Int32Array.from(numbers), strings, count: findings.length };
}

/** The findings, each span moved by `shift` and each finding of release `releaseIndex`. */
export function unpackFindings({ numbers, strings, count }: PackedFindings, shift: number, releaseIndex: number): Finding[] {
  let at = 0;
  const next = () => numbers[at++];
  const span = (): Span => ({ start: next() + shift, end: next() + shift });
  const readWords = (length: number) => Array.from({ length }, () => strings[next()]);
  /** An optional field: absent (undefined is returned and the caller leaves it out), undefined, or read. */
  const optional = <T>(read: (first: number) => T): { value?: T } | undefined => {
    const first = next();
    return first === ABSENT ? undefined : first === UNDEFINED ? { value: undefined } : { value: read(first) };
  };
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const type = next();
    if (type === MENTION) {
      const found = { span: span(), kind: strings[next()] as EntityKind, form: strings[next()] as MentionForm, key: strings[next()] };
      const role = optional((id) => strings[id]);
      const wordList = optional((length) => readWords(length));
      const abbreviationOf = optional((id) => strings[id]);
      const outer = optional(() => span());
      findings.push({
        type: 'mention',
        ...found,
        ...(role && { role: role.value }),
        ...(wordList && { words: wordList.value }),
        releaseIndex,
        ...(abbreviationOf && { abbreviationOf: abbreviationOf.value }),
        ...(outer && { outer: outer.value }),
      });
    } else if (type === ROLE) {
      findings.push({ type: 'role', span: span(), outer: span(), role: strings[next()], head: strings[next()], confirmed: next() === 1, releaseIndex });
    } else {
      const found = { span: span(), words: readWords(next()) };
      const wordSpans = Array.from({ length: next() }, span);
      findings.push({ type: 'name-run', ...found, wordSpans, releaseIndex });
    }
  }
  return findings;
}
