// The tag file beside the corpus: `annotations/<corpus file name>.yaml`, one record per tagged passage.
//
//   corpusFile: seeds/000_248d20a5422f2a6b.txt
//   tags:
//     - id: k3xq9m2a
//       tags: [energy, russia]
//       note: Gas transit through Ukraine
//       author: M. Kovalenko
//       created: 2026-11-30T21:15:00.000Z
//       release: Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine
//       anchor:
//         exact: "Seven years ago, I became the first Secretary General"
//         prefix: "…"
//         suffix: "…"
//         start: 412
//         end: 466
//
// Parsing never throws: YAML syntax errors and malformed records become problems with offsets into the YAML
// text. A malformed record is kept (and reported), never dropped; a file with syntax errors is not writable.

import { Document, isMap, isScalar, isSeq, Node, parseDocument, YAMLMap } from 'yaml';
import { Problem, Span } from '../corpus/model';
import { TextAnchor } from './anchoring';

export interface TagRecord {
  readonly id: string;
  readonly tags: readonly string[];
  /** Empty when the analyst gave none. */
  readonly note: string;
  /** The release title when the tag was made, for readers of the YAML file. */
  readonly release: string;
  /** Who tagged the passage, when the record says (records written before authors were kept do not). */
  readonly author?: string;
  /** ISO 8601 date or date and time: when the tag was made, and when it was last edited or re-attached. */
  readonly created?: string;
  readonly updated?: string;
  readonly anchor: TextAnchor;
  /** The record's block in the YAML text. */
  readonly span: Span;
}

export interface ParsedTagFile {
  readonly text: string;
  /** The corpus file's path relative to the workspace folder, as the file states it. */
  readonly corpusFile?: string;
  readonly records: readonly TagRecord[];
  readonly problems: readonly Problem[];
  /** False when the YAML has syntax errors or the wrong shape: such a file is never rewritten. */
  readonly writable: boolean;
  readonly document: Document.Parsed;
}

export function parseTagFile(text: string): ParsedTagFile {
  const document = parseDocument(text, { keepSourceTokens: false, prettyErrors: false });
  const problems: Problem[] = document.errors.map((error) => ({
    code: 'tags.invalid-yaml',
    severity: 'error',
    message: `This YAML does not parse: ${firstLine(error.message)}. Press Corpus will not change the file until it is fixed.`,
    span: { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) },
  }));
  if (problems.length) return { text, records: [], problems, writable: false, document };

  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    return { text, records: [], problems: [shapeProblem(contents, 'The tag file must be a mapping with a `tags:` list.')], writable: false, document };
  }
  const corpusFileNode = contents?.get('corpusFile', true);
  const corpusFile = isScalar(corpusFileNode) && typeof corpusFileNode.value === 'string' ? corpusFileNode.value : undefined;
  const tagsNode = contents?.get('tags', true);
  if (tagsNode != null && !(isScalar(tagsNode) && tagsNode.value === null) && !isSeq(tagsNode)) {
    return { text, corpusFile, records: [], problems: [shapeProblem(tagsNode, '`tags:` must be a list of tag records.')], writable: false, document };
  }

  const records: TagRecord[] = [];
  const seenIds = new Set<string>();
  for (const item of isSeq(tagsNode) ? tagsNode.items : []) {
    const parsed = parseRecord(item as Node, problems);
    if (typeof parsed === 'string') {
      problems.push(shapeProblem(item as Node, `This tag record is ignored: ${parsed}.`));
    } else if (seenIds.has(parsed.id)) {
      problems.push(shapeProblem(item as Node, `This tag record is ignored: the id ${parsed.id} is used by an earlier record.`));
    } else {
      seenIds.add(parsed.id);
      records.push(parsed);
    }
  }
  return { text, corpusFile, records, problems, writable: true, document };
}

/** The record, or why it cannot be read; a bad optional value (author, dates) is reported and left out. */
function parseRecord(node: Node, problems: Problem[]): TagRecord | string {
  if (!isMap(node)) return 'a record must be a mapping with id, tags and anchor';
  const id = getString(node, 'id');
  if (!id) return '`id` is missing';
  const tagsNode = node.get('tags', true);
  const tags = isSeq(tagsNode) ? tagsNode.items.map((tag) => (isScalar(tag) && typeof tag.value === 'string' ? normaliseTagName(tag.value) : undefined)) : [];
  if (tags.length === 0 || tags.some((tag) => tag === undefined)) return '`tags` must be a non-empty list of tag names';
  const anchorNode = node.get('anchor', true);
  if (!isMap(anchorNode)) return '`anchor` is missing';
  const exact = getString(anchorNode, 'exact');
  const start = anchorNode.get('start');
  const end = anchorNode.get('end');
  if (!exact) return '`anchor.exact` (the quoted passage) is missing';
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
    return '`anchor.start` and `anchor.end` must be offsets with start ≤ end';
  }
  const anchor: TextAnchor = {
    exact,
    prefix: getString(anchorNode, 'prefix') ?? '',
    suffix: getString(anchorNode, 'suffix') ?? '',
    start: start as number,
    end: end as number,
  };
  return {
    id,
    tags: tags as string[],
    note: getString(node, 'note') ?? '',
    release: getString(node, 'release') ?? '',
    author: getOptionalValue(node, 'author', (value) => value.trim() !== '', 'a non-empty name', problems),
    created: getOptionalValue(node, 'created', isIsoDateTime, 'an ISO 8601 date or date and time (2026-11-30 or 2026-11-30T21:15:00Z)', problems),
    updated: getOptionalValue(node, 'updated', isIsoDateTime, 'an ISO 8601 date or date and time (2026-11-30 or 2026-11-30T21:15:00Z)', problems),
    anchor,
    span: toSpan(node),
  };
}

function getOptionalValue(map: YAMLMap, key: string, isValid: (value: string) => boolean, expected: string, problems: Problem[]): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string' && isValid(value)) return value;
  problems.push({ code: 'tags.invalid-value', severity: 'warning', message: `\`${key}\` must be ${expected}; the value is ignored, the record is read.`, span: toSpan(node) });
  return undefined;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * `#Energy policy ` → `Energy-policy`, `energy / oil` → `energy/oil`; undefined when nothing is left or a `/`
 * leaves an empty segment. Segments are single words so `#tag` reads; `/` makes `energy/oil` a child of
 * `energy` (the Tags view nests it, `#energy` finds it, renaming `energy` renames it).
 */
export function normaliseTagName(raw: string): string | undefined {
  const segments = raw.trim().replace(/^#+/, '').split('/').map((segment) => segment.trim().replace(/\s+/g, '-'));
  return segments.every((segment) => segment !== '' && !segment.includes(',')) ? segments.join('/') : undefined;
}

/** True for the tag itself and its children at any depth: `energy`, `energy/oil`, `energy/oil/brent`. */
export function isTagOrChildOf(tag: string, parent: string): boolean {
  return tag === parent || tag.startsWith(`${parent}/`);
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: ids are read aloud and typed

/**
 * A short id (8 characters, 40 bits) that no existing record uses. Ids are random rather than derived from the
 * passage so that two windows tagging the same words at once still get two records; they never change.
 */
export function createTagId(isTaken: (id: string) => boolean, random: () => number = Math.random): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 8; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
    if (!isTaken(id)) return id;
  }
}

function getString(map: YAMLMap, key: string): string | undefined {
  const value = map.get(key);
  return typeof value === 'string' ? value : undefined;
}

function toSpan(node: Node): Span {
  const range = node.range ?? [0, 0, 0];
  return { start: range[0], end: range[1] };
}

function shapeProblem(node: Node | null, message: string): Problem {
  return { code: 'tags.invalid-record', severity: 'error', message, span: node ? toSpan(node) : { start: 0, end: 0 } };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\.$/, '');
}
