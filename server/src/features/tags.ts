// Tagged passages of one corpus file: each record of its tag file re-anchored against the current text, in
// corpus words (spans, releases, problems). Anchoring runs per corpus file and is cached on the corpus file's
// version and the parsed tag file, so a keystroke in one file re-anchors that file's tags only.

import { AnchorMethod, findAnchor } from '../annotations/anchoring';
import { ParsedTagFile, TagRecord } from '../annotations/tagFile';
import { getReleaseAt, Problem, Span } from '../corpus/model';
import { findChangedRange } from './incrementalParse';
import { CorpusFile } from './corpusIndex';

export type TagStatus = 'anchored' | 'orphaned';

export interface AnchoredTag {
  readonly record: TagRecord;
  readonly status: TagStatus;
  /** Where the passage is now; for an orphaned tag, where it last was (clamped to the text). */
  readonly span: Span;
  readonly method?: AnchorMethod;
  /** The release the passage is in now, or the title stored with the tag. */
  readonly releaseTitle: string;
}

const NO_FILE_VERSION = -1;
const cache = new WeakMap<ParsedTagFile, { version: number; text: string | undefined; tags: readonly AnchoredTag[] }>();

/**
 * The file's tags re-anchored; a missing corpus file (deleted, renamed) leaves every tag orphaned. After an edit
 * of the corpus file, tags the edit did not touch keep their passage, shifted by the edit's length; only the
 * others (and orphans) are searched for again, so a keystroke costs what it touches, not the number of tags.
 */
export function computeAnchoredTags(file: CorpusFile | undefined, tagFile: ParsedTagFile): readonly AnchoredTag[] {
  const version = file?.version ?? NO_FILE_VERSION;
  const cached = cache.get(tagFile);
  if (cached && cached.version === version) return cached.tags;
  const tags = file && cached?.text !== undefined ? reanchorThroughEdit(file, cached.text, cached.tags) : tagFile.records.map((record) => anchorRecord(file, record));
  cache.set(tagFile, { version, text: file?.text, tags });
  return tags;
}

function anchorRecord(file: CorpusFile | undefined, record: TagRecord): AnchoredTag {
  const match = file ? findAnchor(file.text, record.anchor) : undefined;
  if (!file || !match) {
    const length = file?.text.length ?? 0;
    const span = { start: Math.min(record.anchor.start, length), end: Math.min(record.anchor.end, length) };
    return { record, status: 'orphaned', span, releaseTitle: record.release };
  }
  return { record, status: 'anchored', span: match.span, method: match.method, releaseTitle: getReleaseTitleAt(file, match.span.start) ?? record.release };
}

/** Maps the previous anchoring through the one changed range between the previous text and the file's. */
function reanchorThroughEdit(file: CorpusFile, previousText: string, previous: readonly AnchoredTag[]): AnchoredTag[] {
  const change = findChangedRange(previousText, file.text);
  const delta = change.afterEnd - change.beforeEnd;
  return previous.map((tag) => {
    if (tag.status !== 'anchored') return anchorRecord(file, tag.record);
    const { start, end } = tag.span;
    if (end < change.start) return { ...tag, releaseTitle: getReleaseTitleAt(file, start) ?? tag.record.release };
    if (start > change.beforeEnd) {
      const span = { start: start + delta, end: end + delta };
      // The passage is where it was, moved with the text: found by its quote, no longer at its stored offsets.
      const atStoredOffsets = span.start === tag.record.anchor.start && span.end === tag.record.anchor.end;
      const method = atStoredOffsets ? 'position' : tag.method === 'position' ? 'quote' : tag.method;
      return { ...tag, span, method, releaseTitle: getReleaseTitleAt(file, span.start) ?? tag.record.release };
    }
    return anchorRecord(file, tag.record);
  });
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

/** Anchored tags whose passage overlaps the span (or holds the offset, for an empty span). */
export function findTagsAt(tags: readonly AnchoredTag[], span: Span): AnchoredTag[] {
  return tags.filter(
    (tag) => tag.status === 'anchored' && (span.start === span.end ? tag.span.start <= span.start && span.start <= tag.span.end : tag.span.start < span.end && span.start < tag.span.end),
  );
}

/** `#energy #russia`: how a tag list reads in hints, hovers and symbols. */
export function describeTags(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(' ');
}

/** The first words of a quote, for labels. */
export function describeQuote(exact: string, max = 60): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `tag.orphaned` on the corpus file: on the title of the release the tag belonged to, when it still exists. */
export function computeOrphanedTagProblems(file: CorpusFile, tags: readonly AnchoredTag[], tagFileName: string): Problem[] {
  return tags
    .filter((tag) => tag.status === 'orphaned')
    .map((tag): Problem => {
      const release = file.parsed.releases.find((r) => r.title === tag.record.release) ?? getReleaseAt(file.parsed, tag.span.start);
      return {
        code: 'tag.orphaned',
        severity: 'warning',
        message: `The passage tagged ${describeTags(tag.record.tags)} (id ${tag.record.id}) is no longer in the text: “${describeQuote(tag.record.anchor.exact)}”. The tag is kept in ${tagFileName}; tag the passage again and remove this one, or restore the text.`,
        span: release ? release.titleSpans[0] ?? release.span : { start: tag.span.start, end: tag.span.start },
      };
    });
}

/** Problems of the tag file itself: its own parse problems and `tag.orphaned` on each orphaned record. */
export function computeTagFileProblems(tagFile: ParsedTagFile, tags: readonly AnchoredTag[], corpusFileName: string): Problem[] {
  const orphaned = tags
    .filter((tag) => tag.status === 'orphaned')
    .map((tag): Problem => ({
      code: 'tag.orphaned',
      severity: 'warning',
      message: `This passage is no longer in ${corpusFileName}: “${describeQuote(tag.record.anchor.exact)}”. The record is kept; tag the passage again and remove this record, or restore the text.`,
      span: tag.record.span,
    }));
  return [...tagFile.problems, ...orphaned];
}

/** Every tag name with the number of records using it, most used first (then by name). */
export function countTags(tagFiles: Iterable<ParsedTagFile>): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const tagFile of tagFiles) for (const record of tagFile.records) for (const tag of record.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** True when some tag of the record matches a `#tag` query (prefix of the name, case-insensitive). */
export function matchesTagQuery(record: { readonly tags: readonly string[] }, query: string): boolean {
  const wanted = query.trim().replace(/^#/, '').toLowerCase();
  return record.tags.some((tag) => tag.toLowerCase().startsWith(wanted));
}
