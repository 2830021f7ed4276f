// parseCorpusFile: the text of one corpus file → its releases and problems. Never throws; deterministic.

import { Block, getLines, splitBlocks } from './blocks';
import { findReleaseProblems } from './checks';
import { findFirstDate, findFirstYear, findNearestOtherDates, findYearlessDateline } from './dates';
import {
  getCaptionCredit,
  getCaptionTitle,
  getMetadataKind,
  getSourceName,
  isCaptionBlock,
  isChromeBlock,
  isLabelValueBlock,
  isMetadataBlock,
  isRelatedLinksHeading,
} from './lineKinds';
import { Boilerplate, MetadataLine, Paragraph, ParsedCorpusFile, PhotoCaption, Release, ReleaseDate, Source, SpeakerTurn } from './model';
import { getReleaseKind } from './releaseKind';
import { ReleaseBlocks, segmentReleases } from './segment';
import { hasTitleShape } from './titles';
import { castByTitle, isUnmistakableLabel, LabelMatch, parseSpeakerLabel } from './speakers';

export function parseCorpusFile(text: string): ParsedCorpusFile {
  const { leadingChrome, releases: drafts } = segmentReleases(splitBlocks(text));
  const releases = withYearlessDatelines(
    text,
    drafts.map((draft) => buildRelease(text, draft)),
  );
  const boilerplate = leadingChrome.map((block) => toBoilerplate(text, block));
  const problems = releases.flatMap((release, releaseIndex) => findReleaseProblems(text, release, releaseIndex));
  const fileChromeProblems = boilerplate.map((chrome) => ({
    code: 'release.boilerplate' as const,
    severity: 'warning' as const,
    message: `Web page chrome, not press text: “${chrome.text}”.`,
    span: chrome.span,
  }));
  return { releases, problems: [...fileChromeProblems, ...problems].sort((a, b) => a.span.start - b.span.start), boilerplate };
}

function buildRelease(text: string, draft: ReleaseBlocks): Release {
  let source: Source | undefined;
  const metadata: MetadataLine[] = [];
  const paragraphs: Paragraph[] = [];
  const captions: PhotoCaption[] = [];
  const boilerplate: Boilerplate[] = [];
  for (const block of draft.headerBlocks) addMetadataLines(metadata, block);
  let underRelatedLinks = false;
  for (const block of draft.blocks) {
    const sourceName = getSourceName(block);
    // Headlines listed under "Related Stories" link to other pages: chrome, not this release's last paragraph.
    underRelatedLinks = isRelatedLinksHeading(block) || (underRelatedLinks && hasTitleShape(block));
    if (isChromeBlock(block) || underRelatedLinks) boilerplate.push(toBoilerplate(text, block));
    else if (sourceName && !source) source = { name: sourceName, span: block.span };
    else if (isLabelValueBlock(block))
      metadata.push({
        kind: 'published',
        text: getLines(block)
          .map((line) => line.text)
          .join(' / '),
        span: block.span,
      });
    else if (paragraphs.length === 0 && isMetadataBlock(block)) addMetadataLines(metadata, block);
    else if (isCaptionBlock(block)) captions.push({ span: block.span, title: getCaptionTitle(block), credit: getCaptionCredit(block) });
    else paragraphs.push({ span: block.span });
  }
  const title = draft.titleBlocks.map((block) => block.firstLine).join(' ');
  const titleSpans = draft.titleBlocks.length
    ? draft.titleBlocks.map((block) => block.span)
    : [{ start: draft.blocks[0].span.start, end: draft.blocks[0].span.start }];
  // The release runs from its first header (or title, or body) block to its last body (or title, or header)
  // block: read from the ends of the three lists rather than from a copy of all of them.
  const first = draft.headerBlocks[0] ?? draft.titleBlocks[0] ?? draft.blocks[0];
  const last = draft.blocks[draft.blocks.length - 1] ?? draft.titleBlocks[draft.titleBlocks.length - 1] ?? draft.headerBlocks[draft.headerBlocks.length - 1];
  const turns = findTurns(text, paragraphs, title);
  // Filled key by key, in the order of `Release`, with no key for an absent source or date: spreading optional
  // parts into the literal cost more than the rest of the release, and a file can hold a hundred thousand of them.
  const release: { -readonly [K in keyof Release]?: Release[K] } = {
    title,
    titleSpans,
    span: { start: first.span.start, end: last.span.end },
    kind: getReleaseKind(title, { turns: turns.length, captions: captions.length, chrome: boilerplate.length }),
  };
  if (source) release.source = source;
  const date = findReleaseDate(text, metadata, draft.titleBlocks, draft.blocks);
  if (date) release.date = date;
  release.metadata = metadata;
  release.paragraphs = paragraphs;
  release.turns = turns;
  release.captions = captions;
  release.boilerplate = boilerplate;
  return release as Release;
}

/**
 * A release with no dated line may open with a year-less dateline ("From 27 to 29 May, …"): its year is one its
 * opening paragraph writes, else that of the nearest dated release of the file (an earlier one first), else the
 * first the release writes. A year later in the text is often history ("… became a member in April 2023"), so
 * the neighbours' dates come before it.
 */
function withYearlessDatelines(text: string, releases: readonly Release[]): Release[] {
  const neighbourDates = findNearestOtherDates(releases.map((release) => release.date));
  return releases.map((release, i) => {
    const first = release.paragraphs[0];
    if (release.date || !first) return release;
    const year =
      findFirstYear(text, first.span.start, first.span.end) ?? neighbourDates[i]?.iso.slice(0, 4) ?? findFirstYear(text, first.span.end, release.span.end);
    const date = year && findYearlessDateline(text, first.span.start, first.span.end, year);
    return date ? { ...release, date } : release;
  });
}

/**
 * The dateline: the first date in the metadata lines, else in the title ("Department Press Briefing – June 4,
 * 2024"), else the first in the release's text; never a photo caption's date (the photo may be older).
 */
function findReleaseDate(text: string, metadata: readonly MetadataLine[], titleBlocks: readonly Block[], blocks: readonly Block[]): ReleaseDate | undefined {
  for (const line of metadata) {
    const date = findFirstDate(text, line.span.start, line.span.end);
    if (date) return date;
  }
  // The two lists read one after the other, not copied into one: a release can hold hundreds of thousands of blocks.
  return findFirstTextDate(text, titleBlocks) ?? findFirstTextDate(text, blocks);
}

function findFirstTextDate(text: string, blocks: readonly Block[]): ReleaseDate | undefined {
  for (const block of blocks) {
    if (isChromeBlock(block) || getSourceName(block) || isCaptionBlock(block)) continue;
    const date = findFirstDate(text, block.span.start, block.span.end);
    if (date) return date;
  }
  return undefined;
}

/**
 * Each line of a metadata block; in the header above a title, lines of no other kind are labels. Pushed one by
 * one: a block of 131,072 bullet lines spread into one `push` call would overflow the call stack.
 */
function addMetadataLines(metadata: MetadataLine[], block: Block): void {
  for (const line of getLines(block))
    metadata.push({ kind: getMetadataKind(line.text) ?? 'label', text: line.text.replace(/^[•·▪‣◦●]\s*/, ''), span: line.span });
}

function toBoilerplate(text: string, block: Block): Boilerplate {
  return { text: text.slice(block.span.start, block.span.end).replace(/\s*[\r\n]+\s*/g, ' / '), span: block.span };
}

/**
 * Speaker turns: paragraphs opening with a speaker label. A lone "Admiral Bauer: “…”" in a news release is a
 * quotation, not a transcript, so labels only count as turns when there are two or more, when one names an
 * outlet ("Andrew Gray (Reuters)"), or when the title announces a transcript. Inside a turn's paragraph, a
 * later line opens the next turn when the scrape dropped the blank line before it ("Q  …" / "MR. KIRBY: …"):
 * then the label must be one no sentence starts with, or one already speaking in this release. Each turn ends
 * where the next label starts.
 */
function findTurns(text: string, paragraphs: readonly Paragraph[], title: string): SpeakerTurn[] {
  // Made at the first label only: most releases have none, and a file can hold a hundred thousand releases.
  let starts: { start: number; match: LabelMatch }[] | undefined;
  let speaking: Set<string> | undefined;
  for (const paragraph of paragraphs) {
    const first = findLabelAt(text, paragraph.span.start, paragraph.span.end);
    if (!first) continue;
    (starts ??= []).push({ start: paragraph.span.start, match: first });
    (speaking ??= new Set()).add(first.speaker.label);
    for (const line of findLaterLines(text, paragraph)) {
      const match = findLabelAt(text, line, paragraph.span.end);
      if (!match || !(isUnmistakableLabel(match) || speaking.has(match.speaker.label))) continue;
      starts.push({ start: line, match });
      speaking.add(match.speaker.label);
    }
  }
  if (!starts) return [];
  const isTranscript = starts.length >= 2 || starts.some((entry) => entry.match.hasOutlet) || /press conference|interview|transcript|briefing/i.test(title);
  if (!isTranscript) return [];
  let lastParagraph = 0;
  return starts.map((entry, n) => {
    const next = starts[n + 1]?.start ?? Infinity;
    while (lastParagraph + 1 < paragraphs.length && paragraphs[lastParagraph + 1].span.start < next) lastParagraph++;
    return {
      speaker: castByTitle(entry.match.speaker, title),
      labelSpan: { start: entry.start, end: entry.start + entry.match.labelLength },
      span: { start: entry.start, end: Math.min(paragraphs[lastParagraph].span.end, endOfTextBefore(text, next)) },
    };
  });
}

function findLabelAt(text: string, start: number, end: number): LabelMatch | undefined {
  return parseSpeakerLabel(text.slice(start, Math.min(end, start + MAX_LABEL_WINDOW)));
}

/** A label and the start of its text fit in this many characters: a long paragraph is not read whole per line. */
const MAX_LABEL_WINDOW = 240;

/** Offsets where the second and later lines of a paragraph start (past their indentation). */
function findLaterLines(text: string, paragraph: Paragraph): readonly number[] {
  let starts: number[] | undefined;
  // Read within the paragraph only: indexOf('\n') would run on past its end, to the end of a file of CR-only
  // lines for every paragraph. Most paragraphs have one line and get no array.
  for (let i = paragraph.span.start; i < paragraph.span.end; i++) {
    if (text.charCodeAt(i) !== 0x0a) continue;
    let start = i + 1;
    while (start < paragraph.span.end && /[ \t\u00a0\r]/.test(text[start])) start++;
    (starts ??= []).push(start);
  }
  return starts ?? NO_LATER_LINES;
}

const NO_LATER_LINES: readonly number[] = [];

function endOfTextBefore(text: string, offset: number): number {
  let end = Math.min(offset, text.length);
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
