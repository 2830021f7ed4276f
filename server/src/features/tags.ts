// Tagged passages of one corpus file: each record of its tag file re-anchored against the current text, in
// corpus words (spans, releases, problems). Anchoring runs per corpus file and is cached on the corpus file's
// version and the parsed tag file, so a keystroke in one file re-anchors that file's tags only.

import { AnchorState, createAnchor, findAnchor, isSameAnchor } from '../annotations/anchoring';
import { ParsedTagFile, TagRecord } from '../annotations/tagFile';
import { AnchorChange } from '../annotations/tagFileEdits';
import { getReleaseAt, Problem, Span } from '../corpus/model';
import { CorpusFile } from './corpusIndex';

/** How far to trust a tag's place: `exact` where it was, `moved` (same words elsewhere), `fuzzy` (words edited), `orphaned`. */
export type TagStatus = AnchorState;

export interface AnchoredTag {
  readonly record: TagRecord;
  readonly status: TagStatus;
  /** Where the passage is now; for an orphaned tag, where it last was (clamped to the text). */
  readonly span: Span;
  /** `moved`: where the record says the passage was (`span` is where it is now). */
  readonly storedSpan?: Span;
  /** `fuzzy`: how similar the passage is now to the tagged quote, 0..1, and how it reads now. */
  readonly similarity?: number;
  readonly currentText?: string;
  /** The release the passage is in now, or the title stored with the tag. */
  readonly releaseTitle: string;
}

const NO_FILE_VERSION = -1;
const cache = new WeakMap<ParsedTagFile, { version: number; tags: readonly AnchoredTag[] }>();

/** The file's tags re-anchored; a missing corpus file (deleted, renamed) leaves every tag orphaned. */
export function computeAnchoredTags(file: CorpusFile | undefined, tagFile: ParsedTagFile): readonly AnchoredTag[] {
  const version = file?.version ?? NO_FILE_VERSION;
  const cached = cache.get(tagFile);
  if (cached && cached.version === version) return cached.tags;
  const tags = tagFile.records.map((record): AnchoredTag => {
    const match = file ? findAnchor(file.text, record.anchor) : { state: 'orphaned' as const };
    if (!file || match.state === 'orphaned') {
      const length = file?.text.length ?? 0;
      const span = { start: Math.min(record.anchor.start, length), end: Math.min(record.anchor.end, length) };
      return { record, status: 'orphaned', span, releaseTitle: record.release };
    }
    const releaseTitle = getReleaseAt(file.parsed, match.span.start)?.title ?? record.release;
    return {
      record,
      status: match.state,
      span: match.span,
      storedSpan: match.state === 'moved' ? match.storedSpan : undefined,
      similarity: match.state === 'fuzzy' ? match.similarity : undefined,
      currentText: match.state === 'fuzzy' ? match.text : undefined,
      releaseTitle,
    };
  });
  cache.set(tagFile, { version, tags });
  return tags;
}

/** True when the tag's passage was found (exactly, moved or fuzzy): it has a place in the text to show. */
export function isAnchored(tag: AnchoredTag): boolean {
  return tag.status !== 'orphaned';
}

/**
 * New anchors for the tags in the given states, taken from where they are found now ("Accept all moved
 * anchors": pass `['exact', 'moved']`), for `reanchorTagRecords`. Tags whose stored anchor already holds (same
 * offsets and context) are left out, so accepting twice changes nothing.
 */
export function computeAcceptedAnchors(text: string, tags: readonly AnchoredTag[], states: readonly TagStatus[]): AnchorChange[] {
  return tags.flatMap((tag) => {
    if (!isAnchored(tag) || !states.includes(tag.status)) return [];
    const anchor = createAnchor(text, tag.span);
    return isSameAnchor(anchor, tag.record.anchor) ? [] : [{ id: tag.record.id, anchor }];
  });
}

/** Anchored tags whose passage overlaps the span (or holds the offset, for an empty span). */
export function findTagsAt(tags: readonly AnchoredTag[], span: Span): AnchoredTag[] {
  return tags.filter(
    (tag) => isAnchored(tag) && (span.start === span.end ? tag.span.start <= span.start && span.start <= tag.span.end : tag.span.start < span.end && span.start < tag.span.end),
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

/**
 * Problems on the corpus file: `tag.orphaned` on the title of the release the tag belonged to (when it still
 * exists), `tag.fuzzy` on the passage found in its place with edited words.
 */
export function computeCorpusFileTagProblems(file: CorpusFile, tags: readonly AnchoredTag[], tagFileName: string): Problem[] {
  return tags.flatMap((tag): Problem[] => {
    if (tag.status === 'fuzzy') {
      return [{ code: 'tag.fuzzy', severity: 'information', message: `The passage tagged ${describeTags(tag.record.tags)} (id ${tag.record.id}) ${describeFuzzyMatch(tag)}. Accept the new position, or re-attach the tag.`, span: tag.span }];
    }
    if (tag.status !== 'orphaned') return [];
    const release = file.parsed.releases.find((r) => r.title === tag.record.release) ?? getReleaseAt(file.parsed, tag.span.start);
    return [{
      code: 'tag.orphaned',
      severity: 'warning',
      message: `The passage tagged ${describeTags(tag.record.tags)} (id ${tag.record.id}) is no longer in the text: “${describeQuote(tag.record.anchor.exact)}”. The tag is kept in ${tagFileName}; re-attach it to a passage, or restore the text.`,
      span: release ? release.titleSpans[0] ?? release.span : { start: tag.span.start, end: tag.span.start },
    }];
  });
}

/** Problems of the tag file itself: its own parse problems, and `tag.fuzzy` / `tag.orphaned` on the records concerned. */
export function computeTagFileProblems(tagFile: ParsedTagFile, tags: readonly AnchoredTag[], corpusFileName: string): Problem[] {
  const anchoring = tags.flatMap((tag): Problem[] => {
    if (tag.status === 'fuzzy') {
      return [{ code: 'tag.fuzzy', severity: 'information', message: `In ${corpusFileName} this passage ${describeFuzzyMatch(tag)}. Accept the new position to update the record.`, span: tag.record.span }];
    }
    if (tag.status !== 'orphaned') return [];
    return [{
      code: 'tag.orphaned',
      severity: 'warning',
      message: `This passage is no longer in ${corpusFileName}: “${describeQuote(tag.record.anchor.exact)}”. The record is kept; re-attach it to a passage, or restore the text.`,
      span: tag.record.span,
    }];
  });
  return [...tagFile.problems, ...anchoring];
}

/** `was found with 86 % similarity: the text now reads “…”`. */
function describeFuzzyMatch(tag: AnchoredTag): string {
  return `was found with ${Math.floor((tag.similarity ?? 0) * 100)} % similarity: the text now reads “${describeQuote(tag.currentText ?? '')}”`;
}

/** Every tag name with the number of records using it, most used first (then by name). */
export function countTags(tagFiles: Iterable<ParsedTagFile>): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const tagFile of tagFiles) for (const record of tagFile.records) for (const tag of record.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/**
 * True when some tag of the record matches a `#tag` query: the query is a prefix of the whole name, ignoring
 * case. So results narrow as the analyst types, and a parent finds its children: `#energy` matches `energy`,
 * `energy/oil` (and `energy-policy`, which also begins with it), `#energy/` only the children, `#energy/o`
 * `energy/oil`. A child is not found by its last segment alone (`#oil` does not match `energy/oil`).
 */
export function matchesTagQuery(record: { readonly tags: readonly string[] }, query: string): boolean {
  const wanted = query.trim().replace(/^#/, '').toLowerCase();
  return record.tags.some((tag) => tag.toLowerCase().startsWith(wanted));
}

/** The tags whose record names this author (ignoring case and surrounding spaces); records without one never match. */
export function filterTagsByAuthor<T extends { readonly record: { readonly author?: string } }>(tags: readonly T[], author: string): T[] {
  const wanted = author.trim().toLowerCase();
  return tags.filter((tag) => tag.record.author?.trim().toLowerCase() === wanted);
}
