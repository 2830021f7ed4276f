// Blocks → releases: where each release starts (its title blocks) and which blocks belong to it.

import { answerOnce, Block, BlockQuestion } from './blocks';
import {
  getSourceName,
  isCaptionBlock,
  isChromeBlock,
  isHeaderBlock,
  isMeetingLine,
  isMetadataBlock,
  isPageKindLabel,
  isPageMarker,
  isSkipLink,
} from './lineKinds';
import { endsWithMark } from './text';
import { hasHeadlineWording, hasTitleShape, isNameListLine, isTitleContinuation, looksLikeProse } from './titles';

export interface ReleaseBlocks {
  /** Labels above the first title of a file: "Press release", "SC/15760", "12 July 2024". */
  readonly headerBlocks: Block[];
  /** Empty for content before the first title (an untitled release). */
  readonly titleBlocks: Block[];
  /** Everything after the title up to the next release, chrome included. */
  readonly blocks: Block[];
}

/** A release as segmentation fills it: its body list is made at its first block (see `addBodyBlock`). */
type OpenRelease = { headerBlocks: Block[]; titleBlocks: Block[]; blocks: Block[] };

export interface Segmentation {
  /** Chrome before the first release. */
  readonly leadingChrome: Block[];
  readonly releases: ReleaseBlocks[];
}

export function segmentReleases(blocks: readonly Block[]): Segmentation {
  const leadingChrome: Block[] = [];
  const releases: ReleaseBlocks[] = [];
  const firstTitle = findFirstTitle(blocks);
  const headerBlocks: Block[] = [];
  for (let i = 0; i < firstTitle; i++) (isChromeBlock(blocks[i]) ? leadingChrome : headerBlocks).push(blocks[i]);
  let current: OpenRelease | undefined;
  // Whether the current release has body text yet: kept as blocks are added, not searched for at every title.
  let currentHasBody = false;
  // Lines from a page marker ("Press release", "SC/15901") up to the title it announces: that release's header.
  let announcedTitle = -1;
  // Made at the marker: most releases have no page marker, and a list per release was one object more each.
  let pendingHeader: Block[] = NO_BLOCKS;
  // The next Source line after the block read, found by one walk forward over the file (see `isMastheadOfNextPage`).
  let nextSource = -1;
  for (let i = Math.max(firstTitle, 0); i < blocks.length; i++) {
    const block = blocks[i];
    if (isChromeBlock(block)) {
      if (current) addBodyBlock(current, block);
      else leadingChrome.push(block);
      continue;
    }
    if (i < announcedTitle) {
      pendingHeader.push(block);
      continue;
    }
    if (i === announcedTitle || startsRelease(blocks, i, current, currentHasBody)) {
      const titleBlocks = [block];
      if (isTitleContinuation(block, blocks[i + 1])) titleBlocks.push(blocks[++i]);
      current = { headerBlocks: releases.length ? pendingHeader : headerBlocks, titleBlocks, blocks: NO_BLOCKS };
      releases.push(current);
      currentHasBody = false;
      pendingHeader = NO_BLOCKS;
      continue;
    }
    if (current && (isPageMarker(block) || (currentHasBody && isMastheadOfNextPage(blocks, i, (nextSource = findNextSourceLine(blocks, i, nextSource)))))) {
      announcedTitle = findAnnouncedTitle(blocks, i) ?? -1;
      if (announcedTitle > i) {
        pendingHeader = [block];
        continue;
      }
    }
    if (!current) {
      current = { headerBlocks: [], titleBlocks: [], blocks: [] };
      releases.push(current);
    }
    addBodyBlock(current, block);
    currentHasBody ||= isBodyBlock(block);
  }
  return { leadingChrome, releases };
}

/**
 * The first title of a file: the first title-shaped block that text follows (past metadata and chrome).
 * Short labels before it ("Press release", "Security Council", "9680th Meeting (AM)") are its header. When
 * text or a longer line comes first, the first title-shaped block wins, or there is no title (-1).
 */
function findFirstTitle(blocks: readonly Block[]): number {
  let firstTitleShaped = -1;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (isChromeBlock(block) || isMetadataBlock(block)) continue;
    const shaped = isTitleCandidate(blocks, i) && !isMasthead(blocks, i);
    // The site's name stands above its skip link ("North Atlantic Treaty Organization" / "Skip to main content").
    const titleShaped = shaped && !(i + 1 < blocks.length && isSkipLink(blocks[i + 1]));
    if (titleShaped && isFollowedByText(blocks, i)) return i;
    if (titleShaped && firstTitleShaped < 0) firstTitleShaped = i;
    if (!isHeaderBlock(block) && !(shaped && i + 1 < blocks.length && isChromeBlock(blocks[i + 1]))) return firstTitleShaped;
  }
  return firstTitleShaped;
}

/**
 * The site's name printed above a page ("Prime Minister of Australia"): the same words as the Source line under
 * the page's title, a few blocks on. It names the publisher, not the release.
 */
function isMasthead(blocks: readonly Block[], i: number): boolean {
  for (let j = i + 1; j < blocks.length && j <= i + MASTHEAD_REACH; j++) {
    const source = getSourceName(blocks[j]);
    if (source) return source.toLowerCase() === blocks[i].firstLine.toLowerCase();
  }
  return false;
}

/**
 * A masthead under a page's text, above the next page's fields and title ("PM Transcripts" … "Source: PM
 * Transcripts"): it opens the next page like a page-kind label. Only short lines without a closing mark are asked.
 */
function isMastheadOfNextPage(blocks: readonly Block[], i: number, nextSource: number): boolean {
  const line = blocks[i].firstLine;
  if (nextSource >= blocks.length || nextSource - i > MASTHEAD_REACH || line.length > MAX_MASTHEAD_LENGTH || endsWithMark(line, 0, line.length, '.!?,;:', ''))
    return false;
  return getSourceName(blocks[nextSource])!.toLowerCase() === line.toLowerCase();
}

/**
 * The first Source line after block `i` (blocks.length when none), from the one found before (`previous`): the
 * pointer only moves forward, so a file is walked once however many short blocks ask.
 */
function findNextSourceLine(blocks: readonly Block[], i: number, previous: number): number {
  if (previous > i) return previous;
  let j = i + 1;
  while (j < blocks.length && !getSourceName(blocks[j])) j++;
  return j;
}

const MAX_MASTHEAD_LENGTH = 60;

/** How many blocks down a masthead's Source line may stand: past a section label, the title, a page-kind label, a byline. */
const MASTHEAD_REACH = 8;

/** A title-shaped block; a page-kind label ("Transcript", "Statement") is one only when a title line continues it. */
function isTitleCandidate(blocks: readonly Block[], i: number): boolean {
  // The shape first, outside `answerOnce`: most blocks fail it, and a twin shares its answer (not this question's).
  // Asked again by every page marker up to six blocks before this one.
  return hasTitleShape(blocks[i]) && answerOnce(blocks[i], BlockQuestion.IsTitleCandidate, isTitleCandidateBefore, blocks[i + 1]);
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
function findAnnouncedTitle(blocks: readonly Block[], marker: number): number | undefined {
  let title: number | undefined;
  for (let j = marker + 1, lines = 0; j < blocks.length && lines < 6; j++) {
    const block = blocks[j];
    if (isChromeBlock(block) || isMetadataBlock(block)) continue;
    const candidate = isTitleCandidate(blocks, j);
    // Under the title, "Marco Rubio, Secretary of State" and "Kuala Lumpur, Malaysia" are its byline and place.
    if (candidate && title !== undefined && isNameListLine(block)) {
      lines++;
      continue;
    }
    if (candidate && isFollowedByText(blocks, j)) return j;
    // A headline of fifteen words or more reads like prose by length alone; its shape says it is a title.
    if (getSourceName(block) || (looksLikeProse(block) && !candidate)) return title;
    if (block.lineCount > 1) return undefined;
    if (candidate) title = j;
    lines++;
  }
  return undefined;
}

function isFollowedByText(blocks: readonly Block[], titleIndex: number): boolean {
  const next = nextContentBlock(blocks, isTitleContinuation(blocks[titleIndex], blocks[titleIndex + 1]) ? titleIndex + 2 : titleIndex + 1, true);
  return next !== undefined && (getSourceName(next) !== undefined || looksLikeProse(next));
}

function startsRelease(blocks: readonly Block[], i: number, current: OpenRelease | undefined, currentHasBody: boolean): boolean {
  const block = blocks[i];
  if (!isTitleCandidate(blocks, i)) return false;
  const afterTitle = isTitleContinuation(block, blocks[i + 1]) ? i + 2 : i + 1;
  const next = nextContentBlock(blocks, afterTitle, false);
  if (next && getSourceName(next)) return true;
  if (!current) return true;
  // Prose may follow past a byline or a date line ("By C. Todd Lopez, DOD News", "Aug. 14, 2024").
  return currentHasBody && (block.blankLinesBefore >= 2 || hasHeadlineWording(block)) && looksLikeProse(nextContentBlock(blocks, afterTitle, true));
}

function isBodyBlock(block: Block): boolean {
  return !isChromeBlock(block) && !getSourceName(block) && !isMetadataBlock(block);
}

/**
 * The empty list releases without a page marker (header) or without body blocks yet share: segmentation only pushes
 * onto a list it made.
 */
const NO_BLOCKS: Block[] = [];

/** `block` added to the release's body, whose list is made at its first block with room for it alone (a push on [] makes room for 17). */
function addBodyBlock(release: OpenRelease, block: Block): void {
  if (release.blocks === NO_BLOCKS) release.blocks = [block];
  else release.blocks.push(block);
}

function nextContentBlock(blocks: readonly Block[], from: number, skipMetadata: boolean): Block | undefined {
  for (let j = from; j < blocks.length; j++) {
    if (!isChromeBlock(blocks[j]) && !(skipMetadata && isMetadataBlock(blocks[j]))) return blocks[j];
  }
  return undefined;
}
