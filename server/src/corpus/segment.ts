// Blocks → releases: where each release starts (its title blocks) and which blocks belong to it.

import { Block } from './blocks';
import { getSourceName, isCaptionBlock, isChromeBlock, isMetadataBlock } from './lineKinds';
import { hasHeadlineWording, hasTitleShape, isTitleContinuation, looksLikeProse } from './titles';

export interface ReleaseBlocks {
  /** Empty for content before the first title (an untitled release). */
  readonly titleBlocks: Block[];
  /** Everything after the title up to the next release, chrome included. */
  readonly blocks: Block[];
}

export interface Segmentation {
  /** Chrome before the first release. */
  readonly leadingChrome: Block[];
  readonly releases: ReleaseBlocks[];
}

export function segmentReleases(blocks: readonly Block[]): Segmentation {
  const leadingChrome: Block[] = [];
  const releases: ReleaseBlocks[] = [];
  let current: ReleaseBlocks | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (isChromeBlock(block)) {
      (current ? current.blocks : leadingChrome).push(block);
      continue;
    }
    if (startsRelease(blocks, i, current)) {
      const titleBlocks = [block];
      if (isTitleContinuation(block, blocks[i + 1])) titleBlocks.push(blocks[++i]);
      current = { titleBlocks, blocks: [] };
      releases.push(current);
      continue;
    }
    if (!current) {
      current = { titleBlocks: [], blocks: [] };
      releases.push(current);
    }
    current.blocks.push(block);
  }
  return { leadingChrome, releases };
}

function startsRelease(blocks: readonly Block[], i: number, current: ReleaseBlocks | undefined): boolean {
  const block = blocks[i];
  if (!hasTitleShape(block) || getSourceName(block) || isMetadataBlock(block) || isCaptionBlock(block)) return false;
  const afterTitle = isTitleContinuation(block, blocks[i + 1]) ? i + 2 : i + 1;
  const next = nextContentBlock(blocks, afterTitle);
  if (next && getSourceName(next)) return true;
  if (!current) return true;
  const hasBody = current.blocks.some((b) => !isChromeBlock(b) && !getSourceName(b));
  return hasBody && (block.blankLinesBefore >= 2 || hasHeadlineWording(block)) && looksLikeProse(next);
}

function nextContentBlock(blocks: readonly Block[], from: number): Block | undefined {
  for (let j = from; j < blocks.length; j++) if (!isChromeBlock(blocks[j])) return blocks[j];
  return undefined;
}
