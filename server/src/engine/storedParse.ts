// Whether a value read from the persistent index is a parse of a text of a given length, checked all through: an
// entry in a workspace's .cache/ folder can be planted (its checksum proves nothing about who wrote it), and every
// reader of a parse takes its fields as the parser makes them. Each object must have the fields its type requires,
// of the right kind, and every span must lie inside the text.

import { ParsedCorpusFile } from '../corpus/model';

/** A field holding objects of a shape (pairs, not a record: the check runs for every object of a parse). */
type Field = readonly [key: string, shape: Shape];

/** What one kind of object of the model must hold. */
interface Shape {
  readonly spans?: readonly string[];
  /** Fields that are lists of spans (a paragraph is its span). */
  readonly spanLists?: readonly string[];
  readonly strings?: readonly string[];
  readonly optionalStrings?: readonly string[];
  readonly optionalBooleans?: readonly string[];
  /** Fields that are lists of objects of a shape. */
  readonly lists?: readonly Field[];
  /** Optional fields that are one object of a shape. */
  readonly optionalObjects?: readonly Field[];
  /** Fields that are one object of a shape. */
  readonly objects?: readonly Field[];
}

const SPANNED_TEXT: Shape = { spans: ['span'], strings: ['text'] };
const SPEAKER: Shape = { strings: ['label'], optionalStrings: ['name', 'role', 'outlet', 'honorific'], optionalBooleans: ['isQuestion'] };
const RELEASE: Shape = {
  spans: ['span'],
  spanLists: ['paragraphs'],
  strings: ['title', 'kind'],
  lists: [
    ['metadata', { spans: ['span'], strings: ['kind', 'text'] }],
    ['turns', { spans: ['span', 'labelSpan'], objects: [['speaker', SPEAKER]] }],
    ['captions', { spans: ['span'], optionalStrings: ['title', 'credit'] }],
    ['boilerplate', SPANNED_TEXT],
  ],
  optionalObjects: [
    ['source', { spans: ['span'], strings: ['name'] }],
    ['date', { spans: ['span'], strings: ['iso', 'text'], optionalStrings: ['endIso'] }],
  ],
};
const FIX: Shape = { strings: ['title'], lists: [['edits', { spans: ['span'], strings: ['newText'] }]] };
const PROBLEM: Shape = { spans: ['span'], strings: ['code', 'severity', 'message'] };

export function isStoredParse(value: unknown, textLength: number): value is ParsedCorpusFile {
  const parsed = value as Record<string, unknown> | null | undefined;
  if (!isObject(parsed) || !Array.isArray(parsed.releases) || !Array.isArray(parsed.problems) || !Array.isArray(parsed.boilerplate)) return false;
  const releaseCount = parsed.releases.length;
  return (
    parsed.releases.every(
      (release) =>
        hasShape(release, RELEASE, textLength) &&
        Array.isArray(release.titleSpans) &&
        release.titleSpans.length > 0 &&
        release.titleSpans.every((span) => isSpanIn(span, textLength)),
    ) &&
    parsed.boilerplate.every((chrome) => hasShape(chrome, SPANNED_TEXT, textLength)) &&
    parsed.problems.every(
      (problem) =>
        hasShape(problem, PROBLEM, textLength) &&
        (problem.releaseIndex === undefined || isIndexBelow(problem.releaseIndex, releaseCount)) &&
        (problem.fixes === undefined ||
          (Array.isArray(problem.fixes) && problem.fixes.every((fix) => hasShape(fix, FIX, textLength) && typeof fix.preferred === 'boolean'))),
    )
  );
}

function hasShape(value: unknown, shape: Shape, textLength: number): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    (shape.spans ?? []).every((key) => isSpanIn(v[key], textLength)) &&
    (shape.spanLists ?? []).every((key) => Array.isArray(v[key]) && (v[key] as unknown[]).every((span) => isSpanIn(span, textLength))) &&
    (shape.strings ?? []).every((key) => typeof v[key] === 'string') &&
    (shape.optionalStrings ?? []).every((key) => v[key] === undefined || typeof v[key] === 'string') &&
    (shape.optionalBooleans ?? []).every((key) => v[key] === undefined || typeof v[key] === 'boolean') &&
    (shape.lists ?? []).every(([key, item]) => Array.isArray(v[key]) && (v[key] as unknown[]).every((element) => hasShape(element, item, textLength))) &&
    (shape.objects ?? []).every(([key, item]) => hasShape(v[key], item, textLength)) &&
    (shape.optionalObjects ?? []).every(([key, item]) => v[key] === undefined || hasShape(v[key], item, textLength))
  );
}

function isSpanIn(value: unknown, textLength: number): boolean {
  if (!isObject(value)) return false;
  const { start, end } = value as { start?: unknown; end?: unknown };
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= textLength;
}

function isIndexBelow(value: unknown, count: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < count;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
