// `press-corpus tags import FILE.jsonld`: annotations read from a W3C Web Annotation document (an
// AnnotationCollection with its items inline or in `first.items`, an AnnotationPage, an array, one Annotation) or
// from a Hypothesis API export (`rows` of `{ uri, tags, text, target: [{ source, selector }] }`).
//
// The file comes from elsewhere, so nothing in it is trusted: every field is type-checked, sizes are bounded,
// and a malformed annotation becomes an error with its index while the others are read. Nothing here throws.
// Positions stay code point offsets (as the model counts them); the caller converts them with
// `codePointOffsetToUtf16` against the corpus file it maps `source` to. They are a hint only, as in tag files:
// the quote anchors the passage (Hypothesis's positions, for one, count UTF-16 units of a web page's text).

import { normaliseTagName } from '../../annotations/tagFile';

export interface ImportedAnnotation {
  /** The annotation's IRI; `urn:press-corpus:tag:<tag id>` for one this product exported. */
  readonly id?: string;
  /** `target.source` (Hypothesis: the page's `uri`), as written. */
  readonly source: string;
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
  /** TextPositionSelector, in Unicode code points; only when both are whole numbers with start ≤ end. */
  readonly start?: number;
  readonly end?: number;
  /** Normalised as tag names are in tag files (`#Energy policy` → `Energy-policy`), without repeats. */
  readonly tags: readonly string[];
  /** The commenting bodies, joined by blank lines; empty when there are none. */
  readonly note: string;
  readonly author?: string;
  readonly created?: string;
}

export interface AnnotationImportError {
  /** The annotation's position in the document's list; -1 for the document as a whole. */
  readonly index: number;
  readonly message: string;
}

export interface ImportedAnnotations {
  readonly annotations: readonly ImportedAnnotation[];
  readonly errors: readonly AnnotationImportError[];
}

/** Bounds on what one import accepts; far above what a corpus's tags need. */
export const IMPORT_LIMITS = {
  annotations: 100_000,
  quoteLength: 100_000,
  contextLength: 1_000,
  noteLength: 100_000,
  tagsPerAnnotation: 100,
  tagLength: 200,
  sourceLength: 4_096,
  /** Bodies, targets and selectors looked at per annotation. */
  listItems: 1_000,
  /** Errors listed; the rest are counted in one last error. */
  errors: 1_000,
} as const;

type Json = Record<string, unknown>;

export function parseW3cAnnotations(json: unknown): ImportedAnnotations {
  const annotations: ImportedAnnotation[] = [];
  const errors: AnnotationImportError[] = [];
  let items: readonly unknown[];
  try {
    items = findAnnotationList(json, errors);
  } catch {
    return { annotations, errors: [{ index: -1, message: 'The document could not be read.' }] };
  }
  if (items.length > IMPORT_LIMITS.annotations) {
    errors.push({ index: IMPORT_LIMITS.annotations, message: `Only the first ${IMPORT_LIMITS.annotations} of ${items.length} annotations are read.` });
  }
  const count = Math.min(items.length, IMPORT_LIMITS.annotations);
  for (let index = 0; index < count; index++) {
    try {
      const result = readAnnotation(items[index]);
      if (typeof result === 'string') errors.push({ index, message: result });
      else {
        annotations.push(result.annotation);
        for (const message of result.warnings) errors.push({ index, message });
      }
    } catch {
      errors.push({ index, message: 'This annotation could not be read.' });
    }
  }
  return { annotations, errors: boundErrors(errors) };
}

function boundErrors(errors: AnnotationImportError[]): AnnotationImportError[] {
  if (errors.length <= IMPORT_LIMITS.errors) return errors;
  const listed = errors.slice(0, IMPORT_LIMITS.errors);
  listed.push({ index: -1, message: `${errors.length - IMPORT_LIMITS.errors} more errors are not listed.` });
  return listed;
}

function findAnnotationList(json: unknown, errors: AnnotationImportError[]): readonly unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) {
    errors.push({ index: -1, message: 'The document is not a JSON object or array of annotations.' });
    return [];
  }
  if (hasType(json, 'AnnotationCollection')) {
    const first = field(json, 'first');
    if (Array.isArray(field(json, 'items'))) return field(json, 'items') as unknown[];
    if (isObject(first) && Array.isArray(field(first, 'items'))) {
      if (field(first, 'next') !== undefined) {
        errors.push({ index: -1, message: 'Only the embedded first page is read; later pages are links this import does not follow.' });
      }
      return field(first, 'items') as unknown[];
    }
    errors.push({ index: -1, message: 'The collection has no embedded items (its pages are links, which this import does not follow).' });
    return [];
  }
  if (hasType(json, 'AnnotationPage')) {
    if (Array.isArray(field(json, 'items'))) return field(json, 'items') as unknown[];
    errors.push({ index: -1, message: 'The page has no `items` list.' });
    return [];
  }
  if (Array.isArray(field(json, 'rows'))) return field(json, 'rows') as unknown[]; // Hypothesis search API
  if (hasType(json, 'Annotation') || isHypothesisRow(json)) return [json];
  errors.push({ index: -1, message: 'The document is neither an AnnotationCollection, an AnnotationPage, an Annotation nor a Hypothesis export.' });
  return [];
}

interface ReadAnnotation {
  readonly annotation: ImportedAnnotation;
  /** Parts that were ignored while the rest was read. */
  readonly warnings: readonly string[];
}

function readAnnotation(item: unknown): ReadAnnotation | string {
  if (!isObject(item)) return 'This item is not an annotation object.';
  const hypothesis = !hasType(item, 'Annotation') && isHypothesisRow(item);
  if (!hypothesis && !hasType(item, 'Annotation')) return 'This item is not an Annotation (its `type` is not "Annotation").';
  const target = findQuotedTarget(field(item, 'target'));
  if (!target) return 'The annotation has no target with a TextQuoteSelector, so there is no passage to tag.';
  const source = boundedString(field(target.target, 'source') ?? (hypothesis ? field(item, 'uri') : undefined), IMPORT_LIMITS.sourceLength);
  if (!source) return 'The annotation target has no `source` (the annotated file).';
  const exact = boundedString(field(target.quote, 'exact'), IMPORT_LIMITS.quoteLength);
  if (!exact) return `The TextQuoteSelector has no \`exact\` text (or it is longer than ${IMPORT_LIMITS.quoteLength} characters).`;

  const warnings: string[] = [];
  const { tagValues, notes } = hypothesis ? readHypothesisBodies(item) : readW3cBodies(item);
  const tags = new Set<string>();
  for (const value of tagValues.slice(0, IMPORT_LIMITS.tagsPerAnnotation)) {
    const name = typeof value === 'string' && value.length <= IMPORT_LIMITS.tagLength ? normaliseTagName(value) : undefined;
    if (name) tags.add(name);
    else warnings.push(`The tag ${describe(value)} is ignored: tag names are single words without commas, at most ${IMPORT_LIMITS.tagLength} characters.`);
  }
  if (tagValues.length > IMPORT_LIMITS.tagsPerAnnotation) warnings.push(`Only the first ${IMPORT_LIMITS.tagsPerAnnotation} tags are read.`);
  if (tags.size === 0) return 'The annotation has no usable tag (a body with purpose "tagging"); Press Corpus tags need at least one.';
  if (notes.reduce((length, text) => length + text.length + 2, 0) > IMPORT_LIMITS.noteLength) {
    return `The annotation's note is longer than ${IMPORT_LIMITS.noteLength} characters.`;
  }
  const note = notes.join('\n\n');

  const position = target.position ? readPosition(target.position) : undefined;
  if (position === 'invalid') {
    warnings.push('Its TextPositionSelector is ignored (start and end must be whole numbers with 0 ≤ start ≤ end); the quote is used alone.');
  }
  // Absent optional fields are present as undefined: one object shape for all, which JSON.stringify drops.
  const annotation: ImportedAnnotation = {
    id: boundedString(field(item, 'id'), IMPORT_LIMITS.sourceLength),
    source,
    exact,
    prefix: readContext(field(target.quote, 'prefix'), 'prefix'),
    suffix: readContext(field(target.quote, 'suffix'), 'suffix'),
    start: position === undefined || position === 'invalid' ? undefined : position.start,
    end: position === undefined || position === 'invalid' ? undefined : position.end,
    tags: [...tags],
    note,
    author: readAuthor(hypothesis ? field(item, 'user') : field(item, 'creator')),
    created: readDate(field(item, 'created')),
  };
  return { annotation, warnings };
}

interface QuotedTarget {
  readonly target: Json;
  readonly quote: Json;
  readonly position?: Json;
}

/** The first target (of one or a list) whose selectors include a TextQuoteSelector. */
function findQuotedTarget(value: unknown): QuotedTarget | undefined {
  for (const target of boundedList(value)) {
    if (!isObject(target)) continue;
    const selectors = boundedList(field(target, 'selector')).filter(isObject);
    const quote = selectors.find((selector) => hasType(selector, 'TextQuoteSelector'));
    if (quote) return { target, quote, position: selectors.find((selector) => hasType(selector, 'TextPositionSelector')) };
  }
  return undefined;
}

interface Bodies {
  readonly tagValues: readonly unknown[];
  readonly notes: readonly string[];
}

/** Bodies with purpose `tagging` are tags; `commenting` ones (or, without a purpose, per the motivation) notes. */
function readW3cBodies(annotation: Json): Bodies {
  const tagValues: unknown[] = [];
  const notes: string[] = [];
  const bodyValue = field(annotation, 'bodyValue');
  if (typeof bodyValue === 'string' && bodyValue) notes.push(bodyValue);
  const taggingByDefault = hasValue(field(annotation, 'motivation'), 'tagging');
  for (const body of boundedList(field(annotation, 'body'))) {
    if (!isObject(body) || (field(body, 'type') !== undefined && !hasType(body, 'TextualBody'))) continue;
    const value = field(body, 'value');
    const purpose = field(body, 'purpose');
    if (hasValue(purpose, 'tagging') || (purpose === undefined && taggingByDefault)) tagValues.push(value);
    else if ((hasValue(purpose, 'commenting') || purpose === undefined) && typeof value === 'string' && value) notes.push(value);
  }
  return { tagValues, notes };
}

function readHypothesisBodies(row: Json): Bodies {
  const text = field(row, 'text');
  return { tagValues: boundedList(field(row, 'tags')), notes: typeof text === 'string' && text ? [text] : [] };
}

function readPosition(selector: Json): { start: number; end: number } | 'invalid' {
  const start = field(selector, 'start');
  const end = field(selector, 'end');
  const valid = Number.isSafeInteger(start) && Number.isSafeInteger(end) && (start as number) >= 0 && (start as number) <= (end as number);
  return valid ? { start: start as number, end: end as number } : 'invalid';
}

/** A prefix longer than the bound keeps its end, a suffix its start: the text nearest the passage. */
function readContext(value: unknown, side: 'prefix' | 'suffix'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const limit = IMPORT_LIMITS.contextLength;
  if (value.length <= limit) return value;
  return side === 'prefix' ? value.slice(-limit) : value.slice(0, limit);
}

/** `creator` as an IRI, a `{ name }`/`{ nickname }` agent or a list of them; Hypothesis `user` `acct:ana@hypothes.is`. */
function readAuthor(value: unknown): string | undefined {
  const agent = boundedList(value)[0];
  const name = isObject(agent) ? (field(agent, 'name') ?? field(agent, 'nickname')) : agent;
  return boundedString(name, 200)?.replace(/^acct:/, '') || undefined;
}

function readDate(value: unknown): string | undefined {
  const text = boundedString(value, 64);
  return text && !Number.isNaN(Date.parse(text)) ? text : undefined;
}

function isHypothesisRow(value: Json): boolean {
  return typeof field(value, 'uri') === 'string' && Array.isArray(field(value, 'target'));
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a key such as `constructor` or `__proto__` must not reach inherited values. */
function field(object: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** JSON-LD allows one value or a list of values almost everywhere. */
function boundedList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.slice(0, IMPORT_LIMITS.listItems) : [value];
}

function hasValue(value: unknown, wanted: string): boolean {
  return boundedList(value).includes(wanted);
}

function hasType(object: Json, type: string): boolean {
  return hasValue(field(object, 'type'), type) || hasValue(field(object, '@type'), type);
}

function boundedString(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength ? value : undefined;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : `of type ${value === null ? 'null' : typeof value}`;
}
