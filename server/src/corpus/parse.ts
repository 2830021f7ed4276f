// parseCorpusFile: the text of one corpus file → its releases and problems. Never throws; deterministic.

import {
  getSourceNameAt,
  hasTitleShapeRow,
  isCaptionRow,
  isChromeRow,
  isLabelValueRow,
  isMetadataRow,
  isPlainBodyRow,
  isRelatedLinksHeadingRow,
} from './blockRows';
import { Block, BlockTable, getLines, splitBlocks } from './blocks';
import { addReleaseProblems } from './checks';
import { findFirstDate, findFirstYear, findNearestOtherDates, findYearlessDateline, hasDigit } from './dates';
import { getCaptionCredit, getCaptionTitle, getMetadataKind, isPageKindLabel } from './lineKinds';
import {
  Boilerplate,
  MetadataLine,
  Paragraph,
  ParsedCorpusFile,
  PhotoCaption,
  Problem,
  Release,
  ReleaseDate,
  ReleaseKind,
  Source,
  Span,
  SpeakerTurn,
} from './model';
import { getReleaseKind } from './releaseKind';
import { ReleaseBlocks, segmentReleases } from './segment';
import { castByTitle, getLabelForm, LabelMatch, MAX_LABEL_LENGTH, opensLaterTurn, parseSpeakerLabel } from './speakers';
import { isRegExpSpaceCode } from './text';

export function parseCorpusFile(text: string): ParsedCorpusFile {
  const blocks = splitBlocks(text);
  const { leadingChrome, releases: drafts, bodyBlocks } = segmentReleases(blocks);
  const labels: LabelsRead = new Map();
  const releases = withYearlessDatelines(
    text,
    drafts.map((draft) => buildRelease(blocks, bodyBlocks, draft, labels)),
  );
  const boilerplate = leadingChrome.map((row) => toBoilerplate(text, blocks.at(row)));
  const problems: Problem[] = boilerplate.map((chrome) => ({
    code: 'release.boilerplate' as const,
    severity: 'warning' as const,
    message: `Web page chrome, not press text: “${chrome.text}”.`,
    span: chrome.span,
  }));
  for (let i = 0; i < releases.length; i++) addReleaseProblems(text, releases[i], i, problems);
  return { releases, problems: problems.sort((a, b) => a.span.start - b.span.start), boilerplate };
}

function buildRelease(blocks: BlockTable, bodyBlocks: Int32Array, draft: ReleaseBlocks, labels: LabelsRead): Release {
  const { text } = blocks;
  let source: Source | undefined;
  // Made at their first item (see `append`): most releases have no metadata, captions or chrome.
  let metadata: MetadataLine[] | undefined;
  let paragraphs: Paragraph[] | undefined;
  let captions: PhotoCaption[] | undefined;
  let boilerplate: Boilerplate[] | undefined;
  for (const row of draft.headerBlocks) metadata = addMetadataLines(metadata, blocks.at(row));
  let underRelatedLinks = false;
  const { bodyStart, bodyEnd } = draft;
  // Lists as long as the file are walked by index: a for-of over them made an iterator result per block.
  for (let i = bodyStart; i < bodyEnd; i++) {
    const row = bodyBlocks[i];
    // Most of a body once its first paragraph is found: asked once, not six times (the branches below say no to it).
    if (paragraphs && !underRelatedLinks && isPlainBodyRow(blocks, row)) {
      paragraphs.push({ start: blocks.starts[row], end: blocks.ends[row] });
      continue;
    }
    const sourceName = getSourceNameAt(blocks, row);
    // Headlines listed under "Related Stories" link to other pages: chrome, not this release's last paragraph.
    underRelatedLinks = isRelatedLinksHeadingRow(blocks, row) || (underRelatedLinks && hasTitleShapeRow(blocks, row));
    if (isChromeRow(blocks, row) || underRelatedLinks) boilerplate = append(boilerplate, toBoilerplate(text, blocks.at(row)));
    else if (sourceName && !source) source = { name: sourceName, span: blocks.getSpan(row) };
    else if (isLabelValueRow(blocks, row))
      metadata = append(metadata, {
        kind: 'published',
        text: getLines(blocks.at(row))
          .map((line) => line.text)
          .join(' / '),
        span: blocks.getSpan(row),
      });
    // Between the title and the text, a page kind ("Press release from Prime Minister's Office") labels the page.
    else if (!paragraphs && (isMetadataRow(blocks, row) || (draft.titleBlocks.length > 0 && isPageKindLabel(blocks.at(row)))))
      metadata = addMetadataLines(metadata, blocks.at(row));
    else if (isCaptionRow(blocks, row)) captions = append(captions, toCaption(blocks.at(row)));
    else paragraphs = append(paragraphs, { start: blocks.starts[row], end: blocks.ends[row] });
  }
  const { titleBlocks, headerBlocks } = draft;
  const title = titleBlocks.length === 1 ? blocks.getFirstLine(titleBlocks[0]) : titleBlocks.map((row) => blocks.getFirstLine(row)).join(' ');
  const titleSpans =
    titleBlocks.length === 1
      ? [blocks.getSpan(titleBlocks[0])]
      : titleBlocks.length
        ? titleBlocks.map((row) => blocks.getSpan(row))
        : [{ start: blocks.starts[bodyBlocks[bodyStart]], end: blocks.starts[bodyBlocks[bodyStart]] }];
  // The release runs from its first header (or title, or body) block to its last body (or title, or header)
  // block: read from the ends of the three lists rather than from a copy of all of them.
  const first = headerBlocks[0] ?? titleBlocks[0] ?? bodyBlocks[bodyStart];
  const last = bodyEnd > bodyStart ? bodyBlocks[bodyEnd - 1] : (titleBlocks[titleBlocks.length - 1] ?? headerBlocks[headerBlocks.length - 1]);
  const turns = findTurns(text, paragraphs ?? NO_ITEMS, title, labels);
  const span = { start: blocks.starts[first], end: blocks.ends[last] };
  const kind = getReleaseKind(title, { turns: turns.length, captions: captions?.length ?? 0, chrome: boilerplate?.length ?? 0 });
  const date = findReleaseDate(blocks, metadata ?? NO_ITEMS, titleBlocks, bodyBlocks, draft);
  const lists: Pick<Release, 'metadata' | 'paragraphs' | 'turns' | 'captions' | 'boilerplate'> = {
    metadata: metadata ?? NO_ITEMS,
    paragraphs: paragraphs ?? NO_ITEMS,
    turns,
    captions: captions ?? NO_ITEMS,
    boilerplate: boilerplate ?? NO_ITEMS,
  };
  return toRelease(title, titleSpans, span, kind, source, date, lists);
}

/**
 * One literal per pair of optional parts, keys in the order of `Release` and no key for an absent source or date:
 * keys added one by one grew the object's property store, a spread costs more than the rest of the release, and a
 * file can hold a hundred thousand releases.
 */
function toRelease(
  title: string,
  titleSpans: readonly Span[],
  span: Span,
  kind: ReleaseKind,
  source: Source | undefined,
  date: ReleaseDate | undefined,
  { metadata, paragraphs, turns, captions, boilerplate }: Pick<Release, 'metadata' | 'paragraphs' | 'turns' | 'captions' | 'boilerplate'>,
): Release {
  if (source && date) return { title, titleSpans, span, kind, source, date, metadata, paragraphs, turns, captions, boilerplate };
  if (source) return { title, titleSpans, span, kind, source, metadata, paragraphs, turns, captions, boilerplate };
  if (date) return { title, titleSpans, span, kind, date, metadata, paragraphs, turns, captions, boilerplate };
  return { title, titleSpans, span, kind, metadata, paragraphs, turns, captions, boilerplate };
}

/**
 * The one empty list every release without items of a kind shares: model lists are read-only. Not frozen, as a
 * frozen array makes every for-of over it allocate an iterator.
 */
const NO_ITEMS: readonly never[] = [];

/** `list` with `item` added, made at the first item with room for it alone (a push on [] makes room for 17). */
function append<T>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
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
    const year = findFirstYear(text, first.start, first.end) ?? neighbourDates[i]?.iso.slice(0, 4) ?? findFirstYear(text, first.end, release.span.end);
    const date = year && findYearlessDateline(text, first.start, first.end, year);
    return date ? { ...release, date } : release;
  });
}

/**
 * The dateline: the first date in the metadata lines (not the first of a term, "15/09/2015 - 24/08/2018"), else in the title ("Department Press Briefing – June 4,
 * 2024"), else the first in the release's text; never a photo caption's date (the photo may be older).
 */
function findReleaseDate(
  blocks: BlockTable,
  metadata: readonly MetadataLine[],
  titleBlocks: readonly number[],
  bodyBlocks: Int32Array,
  { bodyStart, bodyEnd }: ReleaseBlocks,
): ReleaseDate | undefined {
  for (const line of metadata) {
    const date = findFirstDate(blocks.text, line.span.start, line.span.end);
    // A date that runs to another is a term ("Period of Service: 15/09/2015 - 24/08/2018"), not the release's date.
    if (date && !TERM_END.test(blocks.text.slice(date.span.end, Math.min(line.span.end, date.span.end + TERM_END_REACH)))) return date;
  }
  // The two lists read one after the other, not copied into one: a release can hold hundreds of thousands of blocks.
  return findFirstTextDate(blocks, titleBlocks, 0, titleBlocks.length) ?? findFirstTextDate(blocks, bodyBlocks, bodyStart, bodyEnd);
}

/**
 * What follows the first date of a term: a dash or "to", then another date ("24/08/2018", "3 June 2024", "June 3,
 * 2024"); a time after a dash ("12 July 2024 – 14:30") is not one.
 */
const TERM_END = /^\s*(?:[-–—]|to\b|until\b)\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+\p{L}{3,}|\p{L}{3,}\.? \d{1,2},? \d{4})/u;
/** A term's second date fits in this many characters after its first. */
const TERM_END_REACH = 24;

/** The first date in the blocks of rows[from] up to rows[to]. */
function findFirstTextDate(blocks: BlockTable, rows: ArrayLike<number>, from: number, to: number): ReleaseDate | undefined {
  const { text, starts, ends } = blocks;
  for (let i = from; i < to; i++) {
    const row = rows[i];
    // The digit first: most blocks have none, and it is cheaper than the three questions about the block.
    if (!hasDigit(text, starts[row], ends[row]) || isChromeRow(blocks, row) || getSourceNameAt(blocks, row) || isCaptionRow(blocks, row)) continue;
    const date = findFirstDate(text, starts[row], ends[row]);
    if (date) return date;
  }
  return undefined;
}

/**
 * Each line of a metadata block; in the header above a title, lines of no other kind are labels. Pushed one by
 * one: a block of 131,072 bullet lines spread into one `push` call would overflow the call stack.
 */
function addMetadataLines(metadata: MetadataLine[] | undefined, block: Block): MetadataLine[] | undefined {
  for (const line of getLines(block))
    metadata = append(metadata, { kind: getMetadataKind(line.text) ?? 'label', text: line.text.replace(/^[•·▪‣◦●]\s*/, ''), span: line.span });
  return metadata;
}

function toCaption(block: Block): PhotoCaption {
  return { span: block.span, title: getCaptionTitle(block), credit: getCaptionCredit(block) };
}

function toBoilerplate(text: string, block: Block): Boilerplate {
  return { text: text.slice(block.span.start, block.span.end).replace(/\s*[\r\n]+\s*/g, ' / '), span: block.span };
}

/**
 * Speaker turns: paragraphs opening with a speaker label. A lone "Admiral Bauer: “…”" in a news release is a
 * quotation, not a transcript, so labels only count as turns when there are two or more, when one names an
 * outlet ("Andrew Gray (Reuters)"), or when the title announces a transcript. Inside a turn's paragraph, a
 * later line opens the next turn when the scrape dropped the blank line before it ("Q  …" / "MR. KIRBY: …"):
 * then the label must be one no sentence starts with, one already speaking in this release, an office alone or a
 * name of the form of one speaking (`opensLaterTurn`); so too in a later paragraph of a turn that does not open with
 * a label. Each turn ends where the next label starts.
 */
function findTurns(text: string, paragraphs: readonly Paragraph[], title: string, labels: LabelsRead): readonly SpeakerTurn[] {
  // Made at the first label only: most releases have none, and a file can hold a hundred thousand releases.
  let starts: { start: number; match: LabelMatch }[] | undefined;
  let speaking: Set<string> | undefined;
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    const first = findLabelAt(text, paragraph.start, paragraph.end, labels);
    if (first) {
      (starts ??= []).push({ start: paragraph.start, match: first });
      addSpeaking((speaking ??= new Set()), first);
    }
    // Once someone has spoken, a paragraph a turn runs on into may end with the next label on its last line
    // ("… power grid." + "Moderator: We have time for two questions."): looked for there too.
    if (!starts || !speaking) continue;
    const laterLines = findLaterLines(text, paragraph);
    for (let j = 0; j < laterLines.length; j++) {
      const line = laterLines[j];
      const match = findLabelAt(text, line, paragraph.end, labels);
      if (!match || !opensLaterTurn(match, speaking)) continue;
      starts.push({ start: line, match });
      addSpeaking(speaking, match);
    }
  }
  if (!starts) return NO_ITEMS;
  const isTranscript = starts.length >= 2 || starts.some((entry) => entry.match.hasOutlet) || TRANSCRIPT_TITLE.test(title);
  if (!isTranscript) return NO_ITEMS;
  let lastParagraph = 0;
  return starts.map((entry, n) => {
    const next = starts[n + 1]?.start ?? Infinity;
    while (lastParagraph + 1 < paragraphs.length && paragraphs[lastParagraph + 1].start < next) lastParagraph++;
    return {
      speaker: castByTitle(entry.match.speaker, title),
      labelSpan: { start: entry.start, end: entry.start + entry.match.labelLength },
      span: { start: entry.start, end: Math.min(paragraphs[lastParagraph].end, endOfTextBefore(text, next)) },
    };
  });
}

/** The label, and its form when it names someone (`getLabelForm`), as speaking in this release. */
function addSpeaking(speaking: Set<string>, match: LabelMatch): void {
  speaking.add(match.speaker.label);
  const form = getLabelForm(match);
  if (form) speaking.add(form);
}

const TRANSCRIPT_TITLE = /press conference|interview|transcript|briefing/i;

/**
 * The labels a file's paragraphs were read for, by the text read: a transcript of identical turns ("Q: …" /
 * "THE PRESIDENT: …" repeated, an export of a chat log) reads each distinct text once, and its turns share one
 * speaker object (model objects are never changed). One per parse: one per release cost a map per release.
 */
type LabelsRead = Map<string, LabelMatch | undefined>;

function findLabelAt(text: string, start: number, end: number, labels: LabelsRead): LabelMatch | undefined {
  const windowEnd = Math.min(end, start + MAX_LABEL_WINDOW);
  // Read in place first: a label is a bare "Q" or ends at a colon within its first characters, and most paragraphs
  // have neither, so they are not copied.
  if (text.charCodeAt(start) !== 0x51 && !hasColon(text, start, Math.min(windowEnd, start + MAX_LABEL_LENGTH + 1))) return undefined;
  const window = text.slice(start, windowEnd);
  if (labels.has(window)) return labels.get(window);
  const match = parseSpeakerLabel(window);
  labels.set(window, match);
  return match;
}

function hasColon(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x3a) return true;
  return false;
}

/** A label and the start of its text fit in this many characters: a long paragraph is not read whole per line. */
const MAX_LABEL_WINDOW = 240;

/** Offsets where the second and later lines of a paragraph start (past their indentation). */
function findLaterLines(text: string, paragraph: Paragraph): readonly number[] {
  let starts: number[] | undefined;
  // Read within the paragraph only: indexOf('\n') would run on past its end, to the end of a file of CR-only
  // lines for every paragraph. Most paragraphs have one line and get no array.
  for (let i = paragraph.start; i < paragraph.end; i++) {
    if (text.charCodeAt(i) !== 0x0a) continue;
    let start = i + 1;
    while (start < paragraph.end && isIndentCode(text.charCodeAt(start))) start++;
    (starts ??= []).push(start);
  }
  return starts ?? NO_LATER_LINES;
}

const NO_LATER_LINES: readonly number[] = [];

/** Space, tab, no-break space and a CR (of a CRLF line break) before a line's text. */
function isIndentCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x0d;
}

function endOfTextBefore(text: string, offset: number): number {
  let end = Math.min(offset, text.length);
  while (end > 0 && isRegExpSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}
