// The corpus model: what one corpus file is made of, in corpus words.
// Every span is a pair of UTF-16 offsets into the file's text (end exclusive); line/column exist only in the
// LSP layer. Model objects are plain, immutable data: parse once, share freely between requests.

import type { ProblemCode } from './problemCodes';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type ReleaseKind =
  'speech' | 'press-conference' | 'statement' | 'visit' | 'meeting' | 'interview' | 'podcast' | 'fact-sheet' | 'article' | 'news-release';

export interface Source {
  /** The publisher as written after "Source:", e.g. "NATO". */
  readonly name: string;
  /** The whole "Source: NATO" line. */
  readonly span: Span;
}

export interface ReleaseDate {
  /** ISO date (YYYY-MM-DD) of the first day the release speaks of. */
  readonly iso: string;
  /** ISO date of the last day, for ranges such as "From 6 to 7 May 2024". */
  readonly endIso?: string;
  /** The date as the text writes it. */
  readonly text: string;
  readonly span: Span;
}

/**
 * A metadata line that is not body text: "• 04 Apr. 2024 -", "Last updated: …", "(As delivered)", or a label
 * above the title ("Press release", "SC/15760").
 */
export interface MetadataLine {
  readonly kind: 'bullet' | 'delivery-note' | 'published' | 'byline' | 'label';
  readonly text: string;
  readonly span: Span;
}

/** Who speaks in a transcript turn, split the way the label writes it. */
export interface Speaker {
  /** The label as written before the colon: "Andrew Gray (Reuters)", "NATO Secretary General". */
  readonly label: string;
  /** The personal name when the label has one: "Andrew Gray", "Farah Dakhlallah". */
  readonly name?: string;
  /** The role or title when the label has one: "NATO Spokesperson", "NATO Secretary General". */
  readonly role?: string;
  /** The outlet in parentheses: "Reuters". */
  readonly outlet?: string;
  /** A courtesy title written before the name: "MS." in "MS. JEAN-PIERRE", "MR" in "MR MILLER". */
  readonly honorific?: string;
  /** True when the label marks a journalist's question: "Q", "QUESTION", "Question", "Name (Outlet)". */
  readonly isQuestion?: boolean;
}

export interface SpeakerTurn {
  readonly speaker: Speaker;
  /** The label up to (not including) the colon. */
  readonly labelSpan: Span;
  /** From the label to the end of the turn's last paragraph. */
  readonly span: Span;
}

export interface PhotoCaption {
  readonly span: Span;
  /** The caption's short title line ("Stoltenberg Remarks"), when there is one. */
  readonly title?: string;
  readonly credit?: string;
}

export interface Boilerplate {
  /** Web chrome or a stub: "Here's how you know", "Related Stories". */
  readonly text: string;
  readonly span: Span;
}

/**
 * One block of non-blank lines of body text (trimmed of surrounding white space), as its span: the model keeps one
 * object per paragraph, not a paragraph holding a span (a file of one-letter paragraphs is mostly these objects).
 */
export type Paragraph = Span;

export interface Release {
  /** The exact title; a title written over two blocks is joined with one space. */
  readonly title: string;
  /** One span per block of the title (two for "Press conference" + "by NATO Secretary General …"). */
  readonly titleSpans: readonly Span[];
  /** From the title to the end of the release's last block. */
  readonly span: Span;
  readonly kind: ReleaseKind;
  readonly source?: Source;
  readonly date?: ReleaseDate;
  readonly metadata: readonly MetadataLine[];
  /** Body text blocks, in order; captions, boilerplate and metadata are not paragraphs. */
  readonly paragraphs: readonly Paragraph[];
  readonly turns: readonly SpeakerTurn[];
  readonly captions: readonly PhotoCaption[];
  readonly boilerplate: readonly Boilerplate[];
}

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

export type { ProblemCode };

/** A replacement of one span of the file's text. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** An obvious fix of a problem, carried by the problem itself, so no one has to find the problem again. */
export interface ProblemFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: ProblemSeverity;
  readonly message: string;
  readonly span: Span;
  /** Index of the release the problem belongs to, when it belongs to one. */
  readonly releaseIndex?: number;
  readonly fixes?: readonly ProblemFix[];
}

export interface ParsedCorpusFile {
  readonly releases: readonly Release[];
  readonly problems: readonly Problem[];
  /** Web chrome outside any release (a banner before the first title, a stub after the last). */
  readonly boilerplate: readonly Boilerplate[];
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The release whose span holds the offset, or undefined between releases. */
export function getReleaseAt(file: ParsedCorpusFile, offset: number): Release | undefined {
  return file.releases.find((release) => spanContains(release.span, offset));
}
