// Tagged passages of one corpus file: each record of its tag file re-anchored against the current text, in
// corpus words (spans, releases, problems). Anchoring runs per corpus file and is cached on the corpus file's
// version and the parsed tag file, so a keystroke in one file re-anchors that file's tags only.

import { AnchorState, createAnchor, isSameAnchor } from '../annotations/anchoring';
import { ParsedTagFile } from '../annotations/tagFile';
import { AnchorChange } from '../annotations/tagFileEdits';
import { getReleaseAt, Problem, Span } from '../corpus/model';
import { CorpusFile } from './corpusIndex';
import { AnchoredTag, isPassageAt, TagAnchoring } from './tagAnchoring';

export type { AnchoredTag } from './tagAnchoring';

/** How far to trust a tag's place: `exact` where it was, `moved` (same words elsewhere), `fuzzy` (words edited), `orphaned`. */
export type TagStatus = AnchorState;

const NO_FILE_VERSION = -1;
const cache = new WeakMap<ParsedTagFile, { version: number; anchoring: TagAnchoring }>();

/**
 * The file's tags re-anchored; a missing corpus file (deleted, renamed) leaves every tag orphaned. After an edit
 * of the corpus file, tags the edit did not touch keep their passage, shifted by the edit's length; only the
 * others (and orphans) are searched for again, so a keystroke costs what it touches, not the number of tags.
 */
export function getTagAnchoring(file: CorpusFile | undefined, tagFile: ParsedTagFile): TagAnchoring {
  const version = file?.version ?? NO_FILE_VERSION;
  const cached = cache.get(tagFile);
  if (cached && cached.version === version) return cached.anchoring;
  const anchoring = file && cached ? TagAnchoring.throughEdit(cached.anchoring, file) : TagAnchoring.anchor(file, tagFile.records);
  cache.set(tagFile, { version, anchoring });
  return anchoring;
}

/** Every tag of the file, re-anchored (`getTagAnchoring`), as objects in record order. */
export function computeAnchoredTags(file: CorpusFile | undefined, tagFile: ParsedTagFile): readonly AnchoredTag[] {
  return getTagAnchoring(file, tagFile).getAll();
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
  return tags.filter((tag) => isAnchored(tag) && isPassageAt(tag.span.start, tag.span.end, span));
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
      return [
        {
          code: 'tag.fuzzy',
          severity: 'information',
          message: `The passage tagged ${describeTags(tag.record.tags)} (id ${tag.record.id}) ${describeFuzzyMatch(tag)}. Accept the new position, or re-attach the tag.`,
          span: tag.span,
        },
      ];
    }
    if (tag.status !== 'orphaned') return [];
    return [
      {
        code: 'tag.orphaned',
        severity: 'warning',
        message: `The passage tagged ${describeTags(tag.record.tags)} (id ${tag.record.id}) is no longer in the text: “${describeQuote(tag.record.anchor.exact)}”. The tag is kept in ${tagFileName}; re-attach it to a passage, or restore the text.`,
        span: getOrphanedTagSpan(file, tag),
      },
    ];
  });
}

/** Where an orphaned tag is shown in its corpus file: the title of the release it belonged to, while there is one. */
export function getOrphanedTagSpan(file: CorpusFile, tag: AnchoredTag): Span {
  const release = file.parsed.releases.find((r) => r.title === tag.record.release) ?? getReleaseAt(file.parsed, tag.span.start);
  return release ? (release.titleSpans[0] ?? release.span) : { start: tag.span.start, end: tag.span.start };
}

/**
 * How sure the tag's place is, for hovers: `moved 3 lines down`, `found with 86 % similarity: the text now reads
 * “…”`, `orphaned`; undefined for an exact tag. `movedLines` (+ down, − up) comes from the caller's line table.
 */
export function describeAnchorState(tag: AnchoredTag, movedLines = 0): string | undefined {
  if (tag.status === 'moved') {
    if (movedLines === 0) return 'moved within its line';
    return `moved ${Math.abs(movedLines)} line${Math.abs(movedLines) === 1 ? '' : 's'} ${movedLines > 0 ? 'down' : 'up'}`;
  }
  if (tag.status === 'fuzzy') return describeFuzzyMatch(tag).replace(/^was /, '');
  return tag.status === 'orphaned' ? 'orphaned: its passage is no longer in the text' : undefined;
}

/** `86 %`: similarities as the analyst reads them (rounded down, so 74.9 % never reads as the 75 % threshold). */
export function describeSimilarity(similarity: number): string {
  return `${Math.floor(similarity * 100)} %`;
}

/** Problems of the tag file itself: its own parse problems, and `tag.fuzzy` / `tag.orphaned` on the records concerned. */
export function computeTagFileProblems(tagFile: ParsedTagFile, tags: readonly AnchoredTag[], corpusFileName: string): Problem[] {
  const anchoring = tags.flatMap((tag): Problem[] => {
    if (tag.status === 'fuzzy') {
      return [
        {
          code: 'tag.fuzzy',
          severity: 'information',
          message: `In ${corpusFileName} this passage ${describeFuzzyMatch(tag)}. Accept the new position to update the record.`,
          span: tag.record.span,
        },
      ];
    }
    if (tag.status !== 'orphaned') return [];
    return [
      {
        code: 'tag.orphaned',
        severity: 'warning',
        message: `This passage is no longer in ${corpusFileName}: “${describeQuote(tag.record.anchor.exact)}”. The record is kept; re-attach it to a passage, or restore the text.`,
        span: tag.record.span,
      },
    ];
  });
  return [...tagFile.problems, ...anchoring];
}

/** `was found with 86 % similarity: the text now reads “…”`. */
function describeFuzzyMatch(tag: AnchoredTag): string {
  return `was found with ${describeSimilarity(tag.similarity ?? 0)} similarity: the text now reads “${describeQuote(tag.currentText ?? '')}”`;
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
