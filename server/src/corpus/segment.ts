// Blocks → releases: where each release starts (its title blocks) and which blocks belong to it.

import {
  getSourceNameAt,
  hasTitleShapeRow,
  isChromeRow,
  isContinuedAsTitleRow,
  isHeaderRow,
  isMetadataRow,
  isPageMarkerRow,
  looksLikeProseRow,
} from './blockRows';
import { answerRowWithNextOnce, Block, BlockQuestion, BlockTable } from './blocks';
import { getSourceName, isCaptionBlock, isMeetingLine, isMetadataBlock, isPageKindLabel, isSkipLink } from './lineKinds';
import { endsWithMark } from './text';
import { hasHeadlineWording, isNameListLine, isTitleContinuation } from './titles';

// Blocks are rows of the file's `BlockTable`: lists hold row numbers, questions are asked by row (`blockRows.ts`),
// and a rule that no row question covers gets a view of the block.

export interface ReleaseBlocks {
  /** Labels above the first title of a file: "Press release", "SC/15760", "12 July 2024". */
  readonly headerBlocks: number[];
  /** Empty for content before the first title (an untitled release). */
  readonly titleBlocks: number[];
  /**
   * Everything after the title up to the next release, chrome included: `Segmentation.bodyBlocks` from `bodyStart`
   * up to `bodyEnd`. One list for the file, as each release's body follows the previous one's and a block is in
   * one body at most.
   */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** A release as segmentation fills it. */
type OpenRelease = { headerBlocks: number[]; titleBlocks: number[]; bodyStart: number; bodyEnd: number };

export interface Segmentation {
  /** Chrome before the first release. */
  readonly leadingChrome: number[];
  readonly releases: ReleaseBlocks[];
  /** The rows of the body blocks of every release, release after release (the end is unused). */
  readonly bodyBlocks: Int32Array;
}

export function segmentReleases(blocks: BlockTable): Segmentation {
  const leadingChrome: number[] = [];
  const releases: ReleaseBlocks[] = [];
  const bodyBlocks = new Int32Array(blocks.count);
  const firstTitle = findFirstTitle(blocks);
  const headerBlocks: number[] = [];
  for (let i = 0; i < firstTitle; i++) (isChromeRow(blocks, i) ? leadingChrome : headerBlocks).push(i);
  let current: OpenRelease | undefined;
  // Whether the current release has body text yet: kept as blocks are added, not searched for at every title.
  let currentHasBody = false;
  // Lines from a page marker ("Press release", "SC/15901") up to the title it announces: that release's header.
  let announcedTitle = -1;
  // Made at the marker: most releases have no page marker, and a list per release was one object more each.
  let pendingHeader: number[] = NO_BLOCKS;
  // The next Source line after the block read, found by one walk forward over the file (see `isMastheadOfNextPage`).
  let nextSource = -1;
  for (let i = Math.max(firstTitle, 0); i < blocks.count; i++) {
    if (isChromeRow(blocks, i)) {
      if (current) bodyBlocks[current.bodyEnd++] = i;
      else leadingChrome.push(i);
      continue;
    }
    if (i < announcedTitle) {
      pendingHeader.push(i);
      continue;
    }
    if (i === announcedTitle || startsRelease(blocks, i, current, currentHasBody)) {
      const titleBlocks = [i];
      if (isContinuedAsTitleRow(blocks, i)) titleBlocks.push(++i);
      const bodyStart = current?.bodyEnd ?? 0;
      current = { headerBlocks: releases.length ? pendingHeader : headerBlocks, titleBlocks, bodyStart, bodyEnd: bodyStart };
      releases.push(current);
      currentHasBody = false;
      pendingHeader = NO_BLOCKS;
      continue;
    }
    if (
      current &&
      (isPageMarkerRow(blocks, i) || (currentHasBody && isMastheadOfNextPage(blocks, i, (nextSource = findNextSourceLine(blocks, i, nextSource)))))
    ) {
      announcedTitle = findAnnouncedTitle(blocks, i) ?? -1;
      if (announcedTitle > i) {
        pendingHeader = [i];
        continue;
      }
    }
    if (!current) {
      current = { headerBlocks: [], titleBlocks: [], bodyStart: 0, bodyEnd: 0 };
      releases.push(current);
    }
    bodyBlocks[current.bodyEnd++] = i;
    currentHasBody ||= isBodyRow(blocks, i);
  }
  return { leadingChrome, releases, bodyBlocks };
}

/**
 * The first title of a file: the first title-shaped block that text follows (past metadata and chrome).
 * Short labels before it ("Press release", "Security Council", "9680th Meeting (AM)") are its header. When
 * text or a longer line comes first, the first title-shaped block wins, or there is no title (-1).
 */
function findFirstTitle(blocks: BlockTable): number {
  let firstTitleShaped = -1;
  for (let i = 0; i < blocks.count; i++) {
    if (isChromeRow(blocks, i) || isMetadataRow(blocks, i)) continue;
    const shaped = isTitleCandidate(blocks, i) && !isMasthead(blocks, i);
    // The site's name stands above its skip link ("North Atlantic Treaty Organization" / "Skip to main content").
    const titleShaped = shaped && !(i + 1 < blocks.count && isSkipLink(blocks.at(i + 1)));
    if (titleShaped && isFollowedByText(blocks, i)) return i;
    if (titleShaped && firstTitleShaped < 0) firstTitleShaped = i;
    // Only short lines can be a header; a longer headline with no text after it is a title with an empty body. A
    // site's name over its menu ("Organization for Security and Co-operation in Europe" + "Home / News") is one however long.
    if (!isHeaderRow(blocks, i) && !(shaped && i + 1 < blocks.count && isChromeRow(blocks, i + 1))) return firstTitleShaped;
  }
  return firstTitleShaped;
}

/**
 * The site's name printed above a page ("Prime Minister of Australia"): the same words as the Source line under
 * the page's title, a few blocks on. It names the publisher, not the release.
 */
function isMasthead(blocks: BlockTable, i: number): boolean {
  for (let j = i + 1; j < blocks.count && j <= i + MASTHEAD_REACH; j++) {
    const source = getSourceNameAt(blocks, j);
    if (source) return source.toLowerCase() === blocks.getFirstLine(i).toLowerCase();
  }
  return false;
}

/**
 * A masthead under a page's text, above the next page's fields and title ("PM Transcripts" … "Source: PM
 * Transcripts"): it opens the next page like a page-kind label. Only short lines without a closing mark are asked.
 */
function isMastheadOfNextPage(blocks: BlockTable, i: number, nextSource: number): boolean {
  if (nextSource >= blocks.count || nextSource - i > MASTHEAD_REACH) return false;
  const line = blocks.getFirstLine(i);
  if (line.length > MAX_MASTHEAD_LENGTH || endsWithMark(line, 0, line.length, '.!?,;:', '')) return false;
  return getSourceNameAt(blocks, nextSource)!.toLowerCase() === line.toLowerCase();
}

/**
 * The first Source line after block `i` (blocks.count when none), from the one found before (`previous`): the
 * pointer only moves forward, so a file is walked once however many short blocks ask.
 */
function findNextSourceLine(blocks: BlockTable, i: number, previous: number): number {
  if (previous > i) return previous;
  let j = i + 1;
  while (j < blocks.count && !getSourceNameAt(blocks, j)) j++;
  return j;
}

const MAX_MASTHEAD_LENGTH = 60;

/** How many blocks down a masthead's Source line may stand: past a section label, the title, a page-kind label, a byline. */
const MASTHEAD_REACH = 8;

/** A title-shaped block; a page-kind label ("Transcript", "Statement") is one only when a title line continues it. */
function isTitleCandidate(blocks: BlockTable, i: number): boolean {
  // The shape first, outside `answerOnce`: most blocks fail it, and a twin shares its answer (not this question's).
  // Asked again by every page marker up to six blocks before this one.
  return hasTitleShapeRow(blocks, i) && answerRowWithNextOnce(blocks, i, BlockQuestion.IsTitleCandidate, isTitleCandidateBefore);
}

/** The rest of `isTitleCandidate`, for a title-shaped block. */
function isTitleCandidateBefore(block: Block, next: Block | undefined): boolean {
  if (isPageKindLabel(block) && !isTitleContinuation(block, next)) return false;
  return !getSourceName(block) && !isMetadataBlock(block) && !isCaptionBlock(block) && !isMeetingLine(block.firstLine);
}

/**
 * The title a page marker announces when several pages are saved one after another: the first title-shaped
 * block that text or a Source line follows, else the last title-shaped block before the page's first text
 * (a subheading such as "Main results" may stand between), past header lines ("SC/15901", "9787th Meeting (AM)",
 * "Security Council"). Undefined when text or a longer block comes first: then the marker was just a line.
 */
function findAnnouncedTitle(blocks: BlockTable, marker: number): number | undefined {
  let title: number | undefined;
  for (let j = marker + 1, lines = 0; j < blocks.count && lines < 6; j++) {
    if (isChromeRow(blocks, j) || isMetadataRow(blocks, j)) continue;
    const candidate = isTitleCandidate(blocks, j);
    // Under the title, "Marco Rubio, Secretary of State" and "Kuala Lumpur, Malaysia" are its byline and place.
    if (candidate && title !== undefined && isNameListLine(blocks.at(j))) {
      lines++;
      continue;
    }
    if (candidate && isFollowedByText(blocks, j)) return j;
    // A headline of fifteen words or more reads like prose by length alone; its shape says it is a title.
    if (getSourceNameAt(blocks, j) || (looksLikeProseRow(blocks, j) && !candidate)) return title;
    if (blocks.lineCounts[j] > 1) return undefined;
    if (candidate) title = j;
    lines++;
  }
  return undefined;
}

function isFollowedByText(blocks: BlockTable, titleIndex: number): boolean {
  const next = nextContentRow(blocks, isContinuedAsTitleRow(blocks, titleIndex) ? titleIndex + 2 : titleIndex + 1, true);
  return next >= 0 && (getSourceNameAt(blocks, next) !== undefined || looksLikeProseRow(blocks, next));
}

function startsRelease(blocks: BlockTable, i: number, current: OpenRelease | undefined, currentHasBody: boolean): boolean {
  if (!isTitleCandidate(blocks, i)) return false;
  const afterTitle = isContinuedAsTitleRow(blocks, i) ? i + 2 : i + 1;
  const next = nextContentRow(blocks, afterTitle, false);
  if (next >= 0 && getSourceNameAt(blocks, next)) return true;
  if (!current) return true;
  // Prose may follow past a byline or a date line ("By C. Todd Lopez, DOD News", "Aug. 14, 2024").
  return (
    currentHasBody &&
    (blocks.blankLinesBefore[i] >= 2 || hasHeadlineWording(blocks.at(i))) &&
    looksLikeProseRow(blocks, nextContentRow(blocks, afterTitle, true))
  );
}

function isBodyRow(blocks: BlockTable, row: number): boolean {
  return !isChromeRow(blocks, row) && !getSourceNameAt(blocks, row) && !isMetadataRow(blocks, row);
}

/** The empty header list releases without a page marker share: segmentation only pushes onto a list it made. */
const NO_BLOCKS: number[] = [];

/** The row of the first block from `from` on that is not chrome (nor metadata when asked), or -1. */
function nextContentRow(blocks: BlockTable, from: number, skipMetadata: boolean): number {
  for (let j = from; j < blocks.count; j++) {
    if (!isChromeRow(blocks, j) && !(skipMetadata && isMetadataRow(blocks, j))) return j;
  }
  return -1;
}
