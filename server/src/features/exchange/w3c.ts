// `press-corpus tags export --format w3c`: tags as a W3C Web Annotation Data Model AnnotationCollection
// (JSON-LD), the format annotation servers and tools such as Hypothesis speak. One Annotation per tag record:
// a TextualBody with purpose `tagging` per tag and one with purpose `commenting` for the note; the target is
// the corpus file with a TextQuoteSelector and a TextPositionSelector as alternatives, as Hypothesis writes them.
//
// Decisions:
// - `target.source` is the corpus file's path relative to the workspace folder, percent-encoded
//   (`seeds/000_x.txt`), so an export stays valid when the corpus moves or is shared; JSON-LD resolves it against
//   where the export is stored. With `workspaceFolderUri` it is an absolute `file:` URI instead.
// - Annotation ids are `urn:press-corpus:tag:<tag id>`: stable, and import can tell its own tags.
// - TextPositionSelector offsets count Unicode code points, as the model requires; the product's are UTF-16.
//   An orphaned tag has no position selector (its offsets no longer hold the passage), only the quote.
// - Every annotation repeats the `@context`, so one copied out of the collection is a complete Annotation.
// - The release title is not exported here: the model has no place for it (CSV and JSON lines carry it).

import { CodePointIndex, createCodePointIndex } from './codePoints';
import { ExportedTag } from './exportedTag';
import { encodePathAsUriReference } from './pathUris';

const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const TAG_ANNOTATION_ID_PREFIX = 'urn:press-corpus:tag:';

export interface W3cTextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'commenting';
  readonly value: string;
  readonly format?: 'text/plain';
}

export type W3cSelector =
  | { readonly type: 'TextQuoteSelector'; readonly exact: string; readonly prefix: string; readonly suffix: string }
  | { readonly type: 'TextPositionSelector'; readonly start: number; readonly end: number };

export interface W3cAnnotation {
  readonly '@context': string;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'tagging' | 'commenting';
  readonly created?: string;
  readonly modified?: string;
  readonly creator?: { readonly type: 'Person'; readonly name: string };
  readonly body: readonly W3cTextualBody[];
  readonly target: { readonly source: string; readonly selector: readonly W3cSelector[] };
}

export interface W3cAnnotationCollection {
  readonly '@context': string;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: { readonly id: string; readonly type: 'AnnotationPage'; readonly startIndex: 0; readonly items: readonly W3cAnnotation[] };
}

export interface W3cExportOptions {
  /** The collection's IRI; `urn:press-corpus:tags` by default. */
  readonly collectionId?: string;
  readonly label?: string;
  /** Absolute URI of the workspace folder (ending in `/`) to make `target.source` an absolute URI. */
  readonly workspaceFolderUri?: string;
}

export function formatTagsAsW3cCollection(tags: readonly ExportedTag[], options: W3cExportOptions = {}): W3cAnnotationCollection {
  const collectionId = options.collectionId ?? 'urn:press-corpus:tags';
  // One code point index per corpus file, however many of its tags are exported.
  const indexes = new Map<string, CodePointIndex>();
  const getIndex = (tag: ExportedTag) => {
    let index = indexes.get(tag.corpusFile);
    if (!index) indexes.set(tag.corpusFile, (index = createCodePointIndex(tag.text)));
    return index;
  };
  return {
    '@context': W3C_ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: options.label ?? 'Press Corpus tags',
    total: tags.length,
    // One embedded page: the export is one file, and readers need not follow `next` links.
    first: { id: `${collectionId}#page-1`, type: 'AnnotationPage', startIndex: 0, items: tags.map((tag) => toAnnotation(tag, getIndex(tag), options)) },
  };
}

function toAnnotation(tag: ExportedTag, index: CodePointIndex, options: W3cExportOptions): W3cAnnotation {
  const body: W3cTextualBody[] = tag.tags.map((name) => ({ type: 'TextualBody', purpose: 'tagging', value: name }));
  if (tag.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: tag.note, format: 'text/plain' });
  const selector: W3cSelector[] = [{ type: 'TextQuoteSelector', exact: tag.exact, prefix: trimHalfPairs(tag.prefix), suffix: trimHalfPairs(tag.suffix) }];
  if (tag.status !== 'orphaned') {
    selector.push({ type: 'TextPositionSelector', start: index.toCodePoints(tag.span.start), end: index.toCodePoints(tag.span.end) });
  }
  return {
    '@context': W3C_ANNOTATION_CONTEXT,
    id: TAG_ANNOTATION_ID_PREFIX + encodeURIComponent(tag.id),
    type: 'Annotation',
    motivation: tag.note ? 'commenting' : 'tagging',
    ...(tag.created ? { created: tag.created } : {}),
    ...(tag.updated ? { modified: tag.updated } : {}),
    ...(tag.author ? { creator: { type: 'Person' as const, name: tag.author } } : {}),
    body,
    target: { source: getAnnotationSource(tag.corpusFile, options.workspaceFolderUri), selector },
  };
}

/**
 * Context cut at a fixed UTF-16 length can start or end with half of an emoji's surrogate pair, which is not
 * Unicode text: JSON-LD processors and other languages' JSON readers may reject or replace it.
 */
function trimHalfPairs(context: string): string {
  return context.replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, '');
}

/** `seeds/000_x.txt` → the `target.source` the export writes for it. */
export function getAnnotationSource(corpusFile: string, workspaceFolderUri?: string): string {
  return (workspaceFolderUri ?? '') + encodePathAsUriReference(corpusFile);
}
