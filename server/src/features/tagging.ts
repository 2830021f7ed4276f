// The rules of tagging, in corpus words, shared by the editor and the CLI: where a corpus file's tags live (one
// YAML file per corpus file under its workspace folder's annotations/), what a selection becomes (the words,
// without the white space around them), which release a passage belongs to, what arguments are valid, and the
// listing of tags in offsets.

import { createAnchor } from '../annotations/anchoring';
import { normaliseTagName, ParsedTagFile } from '../annotations/tagFile';
import { NewTagRecord } from '../annotations/tagFileEdits';
import { getReleaseAt, Span } from '../corpus/model';
import { findSentences } from '../corpus/sentences';
import { CorpusFile } from './corpusIndex';
import { AnchoredTag, computeAnchoredTags } from './tags';
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
  return side === 'start' ? (sentences.find((s) => s.start > offset) ?? sentences[sentences.length - 1]) : ([...sentences].reverse().find((s) => s.end < offset) ?? sentences[0]);
}

/** Closing quotation marks and brackets a passage may stop just short of. */
const CLOSING_MARKS = /^["”’')\]»]+/;

/** Where the `#tag` hint of a passage goes: after the closing quotation marks that end its sentence. */
export function getTagHintOffset(text: string, span: Span): number {
  const closing = CLOSING_MARKS.exec(text.slice(span.end, span.end + 4));
  return span.end + (closing?.[0].length ?? 0);
}

/** The record a new tag of this passage gets (without its id, which the store assigns). */
export function createTagRecord(file: CorpusFile, span: Span, tags: readonly string[], note: string): Omit<NewTagRecord, 'id'> {
  return { tags, note, release: getReleaseAt(file.parsed, span.start)?.title ?? '', anchor: createAnchor(file.text, span) };
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
  /** Only records carrying this tag name. */
  readonly tag?: string;
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
    for (const tag of computeAnchoredTags(getCorpusFile(corpusUri), file)) {
      if (filter.tag && !tag.record.tags.includes(filter.tag)) continue;
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
