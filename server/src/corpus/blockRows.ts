// The questions the parser's stages ask of a block by its row in the file's `BlockTable`. Each is a rule of
// `lineKinds.ts` or `titles.ts`, asked through `answerRowOnce`: an answer the block or its twin already has is
// read from the table, and a view of the block is made only to work one out. A file of one-letter paragraphs or
// repeated labels makes a view per distinct line, not per block.

import { answerRowOnce, answerRowWithNextOnce, Block, BlockQuestion, BlockTable } from './blocks';
import {
  getSourceName,
  isCaptionBlock,
  isChromeBlock,
  isHeaderBlock,
  isLabelValueBlock,
  isMetadataBlock,
  isPageMarker,
  isRelatedLinksHeading,
} from './lineKinds';
import { hasTitleShape, isTitleContinuation, looksLikeProse } from './titles';

export function isChromeRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsChrome, isChromeBlock);
}

export function isMetadataRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsMetadata, isMetadataBlock);
}

export function isHeaderRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsHeader, isHeaderBlock);
}

export function isCaptionRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsCaption, isCaptionBlock);
}

export function isPageMarkerRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsPageMarker, isPageMarker);
}

export function isLabelValueRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsLabelValue, isLabelValueBlock);
}

export function isRelatedLinksHeadingRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsRelatedLinksHeading, isRelatedLinksHeading);
}

export function hasTitleShapeRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.HasTitleShape, hasTitleShape);
}

/**
 * A block a release's body takes as a paragraph whatever comes before it: no chrome, Source line, "Related" heading,
 * label/value pair or caption. One answer for the five questions, asked of a file of one-letter paragraphs hundreds
 * of thousands of times.
 */
export function isPlainBodyRow(blocks: BlockTable, row: number): boolean {
  return answerRowOnce(blocks, row, BlockQuestion.IsPlainBody, isPlainBodyBlock);
}

function isPlainBodyBlock(block: Block): boolean {
  return !isChromeBlock(block) && !getSourceName(block) && !isRelatedLinksHeading(block) && !isLabelValueBlock(block) && !isCaptionBlock(block);
}

/** Whether the next block continues this one as a title ("Press conference" + "by NATO Secretary General …"). */
export function isContinuedAsTitleRow(blocks: BlockTable, row: number): boolean {
  return answerRowWithNextOnce(blocks, row, BlockQuestion.IsContinuedAsTitle, isTitleContinuation);
}

/** `looksLikeProse` of a row; false for -1 (no block). */
export function looksLikeProseRow(blocks: BlockTable, row: number): boolean {
  return row >= 0 && answerRowOnce(blocks, row, BlockQuestion.LooksLikeProse, looksLikeProse);
}

/** The publisher of a "Source: NATO" row, or undefined for any other block: only a Source line is read for its name. */
export function getSourceNameAt(blocks: BlockTable, row: number): string | undefined {
  return answerRowOnce(blocks, row, BlockQuestion.IsSourceLine, hasSourceName) ? getSourceName(blocks.at(row)) : undefined;
}

function hasSourceName(block: Block): boolean {
  return getSourceName(block) !== undefined;
}
