// The rules of tagging, in corpus words, shared by the editor and the CLI: where a corpus file's tags live (one
// YAML file per corpus file under its workspace folder's annotations/), what a selection becomes (the words,
// without the white space around them), which release a passage belongs to, what arguments are valid, and the
// listing of tags in offsets.

import { createAnchor, findBestCandidate } from '../annotations/anchoring';
import { isTagOrChildOf, normaliseTagName, ParsedTagFile } from '../annotations/tagFile';
import { NewTagRecord, reanchorTagRecords } from '../annotations/tagFileEdits';
import { getReleaseAt, Problem, Span } from '../corpus/model';
import { findSentences } from '../corpus/sentences';
import { CorpusFile } from './corpusIndex';
import { AnchoredTag, computeAcceptedAnchors, computeAnchoredTags, filterTagsByAuthor, TagStatus } from './tags';
import { getRelativePath, getUriBaseName, joinUri } from './uris';

export interface TagFileLocation {
  readonly folderUri: string;
  readonly yamlUri: string;
  /** The corpus file relative to its workspace folder, with forward slashes: `seeds/000_x.txt`. */
  readonly corpusFile: string;
  /** `annotations/000_x.yaml`, for messages. */
  readonly displayName: string;
}

export const TAG_FOLDER = 'annotations';
export const ENTITY_FILE_NAME = 'entities.yaml';

/** Where the tags of a corpus file live: `<folder>/annotations/<name>.yaml`, or undefined outside the folders. */
export function getTagFileLocation(folderUris: readonly string[], corpusUri: string): TagFileLocation | undefined {
  const folderUri = getContainingFolder(folderUris, corpusUri);
  const corpusFile = folderUri && getRelativePath(folderUri, corpusUri);
  if (!folderUri || !corpusFile) return undefined;
  const name = `${getUriBaseName(corpusUri).replace(/\.[^.]*$/, '')}.yaml`;
  return { folderUri, yamlUri: joinUri(folderUri, `${TAG_FOLDER}/${name}`), corpusFile, displayName: `${TAG_FOLDER}/${name}` };
}

/** The innermost workspace folder holding the URI. */
export function getContainingFolder(folderUris: readonly string[], uri: string): string | undefined {
  return folderUris.filter((folder) => getRelativePath(folder, uri) !== undefined).sort((a, b) => b.length - a.length)[0];
}

/** True for `…/annotations/<name>.yaml` other than the entity list. */
export function isTagFileUri(uri: string): boolean {
  return /\/annotations\/[^/]+\.yaml$/.test(uri) && getUriBaseName(uri) !== ENTITY_FILE_NAME;
}

/** A selection usually catches the line break or spaces around a passage; the tag holds the words only. */
export function trimSelection(text: string, span: Span): Span {
  let { start, end } = span;
  if (end < start) [start, end] = [end, start];
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(0, Math.min(end, text.length));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * What "Tag Sentence" tags: the whole sentences the selection touches, or the sentence under the cursor for an
 * empty one, so a tag never covers half a sentence (with word wrap, Shift+End selects one visual line only).
 * Sentences are cut as the passage index cuts them (corpus/sentences.ts); a line without a sentence end (a
 * title, a short label) is one sentence. Undefined when the cursor is on a blank line.
 */
export function expandToSentences(text: string, selection: Span): Span | undefined {
  const { start, end } = trimSelection(text, selection);
  const first = findSentenceAt(text, selection.start === selection.end ? selection.start : start, 'start');
  const last = findSentenceAt(text, selection.start === selection.end ? selection.start : end, 'end');
  return first && last ? { start: first.start, end: Math.max(first.end, last.end) } : undefined;
}

/** The sentence of the line holding `offset`: the one it is in, or (between sentences) the next or previous. */
function findSentenceAt(text: string, offset: number, side: 'start' | 'end'): Span | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const line = { start: lineStart, end: lineEndAt < 0 ? text.length : lineEndAt };
  const sentences = findSentences(text, line, 1);
  if (sentences.length === 0) return undefined;
  const inside = sentences.find((s) => s.start <= offset && offset <= s.end);
  if (inside) return inside;
  return side === 'start'
    ? (sentences.find((s) => s.start > offset) ?? sentences[sentences.length - 1])
    : ([...sentences].reverse().find((s) => s.end < offset) ?? sentences[0]);
}

/** Closing quotation marks and brackets a passage may stop just short of. */
const CLOSING_MARKS = /^["”’')\]»]+/;

/** Where the `#tag` hint of a passage goes: after the closing quotation marks that end its sentence. */
export function getTagHintOffset(text: string, span: Span): number {
  const closing = CLOSING_MARKS.exec(text.slice(span.end, span.end + 4));
  return span.end + (closing?.[0].length ?? 0);
}

/** Who made the tag and when (ISO 8601); records get them when they are created. */
export interface TagAuthorship {
  readonly author?: string;
  readonly created?: string;
}

/** The record a new tag of this passage gets (without its id, which the store assigns). */
export function createTagRecord(file: CorpusFile, span: Span, tags: readonly string[], note: string, authorship: TagAuthorship = {}): Omit<NewTagRecord, 'id'> {
  const author = authorship.author?.trim() || undefined;
  return {
    tags,
    note,
    release: getReleaseAt(file.parsed, span.start)?.title ?? '',
    ...(author ? { author } : {}),
    ...(authorship.created ? { created: authorship.created } : {}),
    anchor: createAnchor(file.text, span),
  };
}

export const TAG_STATES: readonly TagStatus[] = ['exact', 'moved', 'fuzzy', 'orphaned'];

/** `fuzzy,moved` or a list of names → states; throws with the valid names on anything else. */
export function parseTagStates(raw: unknown): TagStatus[] {
  const names =
    typeof raw === 'string'
      ? raw
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      : Array.isArray(raw)
        ? raw
        : [];
  if (names.length === 0 || names.some((name) => !TAG_STATES.includes(name as TagStatus))) {
    throw new Error(`States must be some of ${TAG_STATES.join(', ')} (got ${JSON.stringify(raw)?.slice(0, 200)}).`);
  }
  return [...new Set(names as TagStatus[])];
}

/** Tag names as given by a user or a client: a non-empty list of names, normalised, without repeats. */
export function parseTagNames(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [];
  const names = list.map((tag) => (typeof tag === 'string' ? normaliseTagName(tag) : undefined));
  if (names.length === 0 || names.some((name) => name === undefined)) {
    throw new Error(`Tags must be a non-empty list of names without commas (got ${JSON.stringify(raw)?.slice(0, 200)}).`);
  }
  return [...new Set(names as string[])];
}

export function parseNote(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string') throw new Error('The note must be text.');
  return raw.trim();
}

/** One tag as listings show it, in offsets into its corpus file. */
export interface TagListing {
  readonly corpusUri: string;
  readonly yamlUri: string;
  readonly tag: AnchoredTag;
}

export interface TagFilter {
  readonly corpusUri?: string;
  /** Only records carrying this tag name or one of its children (`energy` finds `energy/oil`). */
  readonly tag?: string;
  /** Only tags found in one of these states. */
  readonly states?: readonly TagStatus[];
  /** Only records by this author (ignoring case and surrounding spaces). */
  readonly author?: string;
}

/** The tags of the given tag files, re-anchored against their corpus files, filtered. */
export function findTags(
  tagFiles: Iterable<{ yamlUri: string; corpusUri: string | undefined; file: ParsedTagFile }>,
  getCorpusFile: (uri: string) => CorpusFile | undefined,
  filter: TagFilter,
): TagListing[] {
  const found: TagListing[] = [];
  for (const { yamlUri, corpusUri, file } of tagFiles) {
    if (!corpusUri || (filter.corpusUri && corpusUri !== filter.corpusUri)) continue;
    const anchored = computeAnchoredTags(getCorpusFile(corpusUri), file);
    for (const tag of filter.author === undefined ? anchored : filterTagsByAuthor(anchored, filter.author)) {
      if (filter.tag && !tag.record.tags.some((name) => isTagOrChildOf(name, filter.tag!))) continue;
      if (filter.states && !filter.states.includes(tag.status)) continue;
      found.push({ corpusUri, yamlUri, tag });
    }
  }
  return found;
}

/** `annotations/x.yaml line 4, column 11: …`: line and column count from 1, as editors show them. */
export function describeUnwritableTagFile(displayName: string, file: ParsedTagFile): string {
  const problem = file.problems[0];
  const offset = Math.min(problem?.span.start ?? 0, file.text.length);
  const before = file.text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `${displayName} line ${line}, column ${column}: ${problem?.message ?? 'the file is not a tag file'} Nothing was written.`;
}

/**
 * The edit "Accept all" makes to a tag file: every tag in the given states gets the anchor it has in the text now
 * (`updated` set on those records). Computed on the file as it is when the write happens, so a record added or
 * removed meanwhile is neither lost nor an error; accepting twice changes nothing.
 */
export function createAcceptAnchorsEdit(corpusFile: CorpusFile, states: readonly TagStatus[], updated: string): (tagFile: ParsedTagFile) => string {
  return (tagFile) => reanchorTagRecords(tagFile, computeAcceptedAnchors(corpusFile.text, computeAnchoredTags(corpusFile, tagFile), states), updated);
}

/** Where a tag goes when re-anchored, and how sure that is: the analyst's selection, or where it is found now. */
export type ReanchorTarget = { readonly span: Span; readonly similarity?: number; readonly reason: 'selection' | 'found' | 'candidate' };

/**
 * With a selection, there (trimmed); else where the tag is found now (a moved or fuzzy tag becomes exact), or for
 * an orphan the best candidate below the acceptance threshold (`findBestCandidate`, computed now: it costs ~15 ms).
 * Undefined for an orphan with no candidate, or an empty selection.
 */
export function findReanchorTarget(corpusFile: CorpusFile, tag: AnchoredTag, selection?: Span): ReanchorTarget | undefined {
  if (selection) {
    const span = trimSelection(corpusFile.text, selection);
    return span.start < span.end ? { span, reason: 'selection' } : undefined;
  }
  if (tag.status !== 'orphaned') return { span: tag.span, similarity: tag.similarity, reason: 'found' };
  const candidate = findBestCandidate(corpusFile.text, tag.record.anchor);
  return candidate && { span: candidate.span, similarity: candidate.similarity, reason: 'candidate' };
}

/** The edit re-anchoring one record to a span of the corpus text (only its anchor and `updated` lines change). */
export function createReanchorEdit(corpusFile: CorpusFile, id: string, span: Span, updated: string): (tagFile: ParsedTagFile) => string {
  const anchor = createAnchor(corpusFile.text, span);
  return (tagFile) => reanchorTagRecords(tagFile, [{ id, anchor }], updated);
}

/** The first words of the header Press Corpus writes at the top of every tag file it creates. */
const TAG_FILE_HEADER_START = 'Analyst tags written by Press Corpus';

/**
 * Only a file that says it is a tag file (`corpusFile:`, or the header Press Corpus writes) is read and changed
 * as one: an unrelated `annotations/config.yaml` is neither listed nor rewritten. An empty file is a new one.
 */
export function isPressCorpusTagFile(file: ParsedTagFile): boolean {
  // A file that does not parse still counts when it says `corpusFile:`: its problems are reported, it is not written.
  return file.text.trim() === '' || file.corpusFile !== undefined || /^corpusFile\s*:/m.test(file.text) || file.text.includes(TAG_FILE_HEADER_START);
}

/**
 * The corpus file a tag file's `corpusFile:` names, inside its workspace folder; undefined when the value leaves
 * the folder (`../`, an absolute path, a drive or a URI): such a tag file is reported, never followed.
 */
export function resolveCorpusFile(folderUri: string, corpusFile: string): string | undefined {
  const segments = corpusFile.split(/[\\/]/);
  if (/^([a-z]+:|[\\/~])/i.test(corpusFile) || segments.includes('..')) return undefined;
  const uri = joinUri(folderUri, segments.filter((s) => s !== '' && s !== '.').join('/'));
  return getRelativePath(folderUri, uri) !== undefined ? uri : undefined;
}

/** `tags.corpus-file-outside` on a `corpusFile:` value that leaves its workspace folder. */
export function computeCorpusFileProblem(file: ParsedTagFile): Problem | undefined {
  if (file.corpusFile === undefined || resolveCorpusFile('file:///folder', file.corpusFile) !== undefined) return undefined;
  const start = Math.max(0, file.text.indexOf('corpusFile'));
  const lineEnd = file.text.slice(start).search(/[\r\n]|$/);
  return {
    code: 'tags.corpus-file-outside',
    severity: 'error',
    message: `corpusFile: ${JSON.stringify(file.corpusFile.slice(0, 200))} leaves the workspace folder; Press Corpus reads corpus files only inside it. Give the path relative to the folder, like seeds/x.txt.`,
    span: { start, end: start + lineEnd },
  };
}
