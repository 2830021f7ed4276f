// Re-parsing a file after an edit costs what the edit touches: the releases around the changed text are parsed
// again on their own and spliced between the unchanged ones (whose spans shift by the edit's length). The parser
// itself is not changed: this wrapper only picks which releases to hand it, and checks that the window's first
// and last releases come out as they were (so the boundaries did not move); otherwise it parses the whole file.
// The result is the full parse's, release for release (property-tested against it over random edits).

import { ParsedCorpusFile, Problem, Release } from '../corpus/model';
import { findYearlessDateline } from '../corpus/dates';
import { parseCorpusFile } from '../corpus/parse';
import { detachText } from './detachedText';
import { ReadableText } from './pieceText';
import {
  countReleases,
  createParseFromRuns,
  findFirstReleaseEndingFrom,
  getRelease,
  getReleaseSpan,
  shiftEach,
  shiftSpan,
  sliceReleaseRuns,
} from './releaseRuns';

/** Files with fewer releases are parsed whole: the window would be the file. */
const MIN_RELEASES_FOR_WINDOW = 4;
/** How many times a window whose edge release moved grows by one release each side before the whole file is parsed. */
const MAX_WIDENINGS = 3;
/** Chunk compared natively while looking for the changed range. */
const COMPARE_CHUNK = 4096;

export interface ChangedRange {
  readonly start: number;
  /** End of the replaced text in the old text. */
  readonly beforeEnd: number;
  /** End of the replacement in the new text. */
  readonly afterEnd: number;
}

/** The smallest range whose replacement turns `before` into `after` (common prefix and suffix removed). */
export function findChangedRange(before: string, after: string): ChangedRange {
  const shorter = Math.min(before.length, after.length);
  const sameHead = (from: number, to: number) => before.slice(from, to) === after.slice(from, to);
  let start = gallop(shorter, sameHead);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const maxSuffix = shorter - start;
  const sameTail = (from: number, to: number) => before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from);
  let suffix = gallop(maxSuffix, sameTail);
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, beforeEnd: before.length - suffix, afterEnd: after.length - suffix };
}

/** How far (in whole chunks, up to `limit`) `same` holds, compared natively in chunks that double while they match. */
function gallop(limit: number, same: (from: number, to: number) => boolean): number {
  let at = 0;
  let chunk = COMPARE_CHUNK;
  while (chunk >= COMPARE_CHUNK) {
    if (at + chunk <= limit && same(at, at + chunk)) {
      at += chunk;
      chunk *= 2;
    } else chunk /= 2;
  }
  return at;
}

/**
 * Which releases of a re-parse are the previous parse's, untouched by the edit: per-release work on them (entity
 * recognition, fingerprints) can be reused, moved by the edit's length for the trailing ones.
 */
export interface ReusedReleases {
  /** Releases [0, leading) are the previous parse's, at the same offsets and indexes. */
  readonly leading: number;
  /** The last `trailing` releases are the previous parse's last ones, moved by the edit's length. */
  readonly trailing: number;
}

const NOTHING_REUSED: ReusedReleases = { leading: 0, trailing: 0 };

/**
 * The parse of `text`, reusing the releases of `previous` (the parse of `previousText`) the edit did not touch.
 * `change`, when the editor said where it changed the text, spares comparing the two texts (checked: see below).
 */
export function reparseCorpusFile(previousText: ReadableText, previous: ParsedCorpusFile, text: ReadableText, change?: ChangedRange): ParsedCorpusFile {
  return reparseCorpusFileReusing(previousText, previous, text, change).parsed;
}

/**
 * The same, saying which releases were reused and where the text changed (unless the file is too small to be
 * re-parsed by window, when no range is needed and none is found). A `hint` (where the editor changed the text) must fit the texts'
 * lengths, else the texts are compared. A wrong hint that changes the length moves the releases at the window's
 * edges, so the boundary check below sends it to a full parse; one that keeps the length is right about
 * everything outside the window only if the editor's account is (it is: its events made the text), since
 * checking there would cost the comparison it spares. Given a hint, only the window's text is read: a text in pieces
 * (pieceText.ts) is joined only for a whole parse or a comparison.
 */
export function reparseCorpusFileReusing(
  previousText: ReadableText,
  previous: ParsedCorpusFile,
  text: ReadableText,
  hint?: ChangedRange,
): { parsed: ParsedCorpusFile; reused: ReusedReleases; change?: ChangedRange } {
  const parseWhole = (change?: ChangedRange) => ({ parsed: parseCorpusFile(text.toString()), reused: NOTHING_REUSED, change });
  // The previous releases are read one at a time: reading `previous.releases` would copy a re-parse's releases.
  const count = countReleases(previous);
  if (count < MIN_RELEASES_FOR_WINDOW) return parseWhole();
  const change = hint && fitsLengths(hint, previousText, text) ? hint : findChangedRange(previousText.toString(), text.toString());
  const delta = change.afterEnd - change.beforeEnd;
  let first = findFirstReleaseEndingFrom(previous, change.start);
  if (first < 0) first = count - 1;
  let last = first;
  while (last + 1 < count && getReleaseSpan(previous, last + 1)!.start <= change.beforeEnd) last++;
  // One unchanged release on each side: the window's own boundaries are checked against them. When one moved
  // (an edit that merges its release with the next), the window grows by a release each side, a few times.
  let window: { low: number; high: number; start: number; endBefore: number; text: string; parsed: ParsedCorpusFile } | undefined;
  for (let widened = 0; !window && widened < MAX_WIDENINGS; widened++) {
    const low = Math.max(0, first - 1 - widened);
    const high = Math.min(count - 1, last + 1 + widened);
    if (low === 0 && high === count - 1) return parseWhole(change);
    const start = low === 0 ? 0 : getReleaseSpan(previous, low)!.start;
    const endBefore = high === count - 1 ? previousText.length : getReleaseSpan(previous, high + 1)!.start;
    if (change.start < start || change.beforeEnd > endBefore) return parseWhole(change);
    // A copy, not a view of the file's text: the window's releases outlive this version of the file.
    const windowText = detachText(text.slice(start, endBefore + delta));
    const parsed = parseCorpusFile(windowText);
    if (keepsBoundaries(previous, count, parsed, low, high, start, delta)) window = { low, high, start, endBefore, text: windowText, parsed };
  }
  if (!window) return parseWhole(change);
  const { low, high, start: windowStart, endBefore: windowEndBefore } = window;
  // A year-less dateline takes its year from other releases of the file: only the whole file can tell it.
  if (hasYearlessDatelineIn(previousText, previous) || hasYearlessDateline(window.text, window.parsed.releases)) return parseWhole(change);

  const indexShift = window.parsed.releases.length - (high - low + 1);
  const problems: Problem[] = [];
  for (const problem of previous.problems) if (problem.span.start < windowStart) problems.push(problem);
  for (const problem of window.parsed.problems) problems.push(shiftProblem(problem, windowStart, low));
  for (const problem of previous.problems) if (problem.span.start >= windowEndBefore) problems.push(shiftProblem(problem, delta, indexShift));
  const parsed = createParseFromRuns(
    [
      ...sliceReleaseRuns(previous, 0, low, 0),
      { releases: window.parsed.releases, from: 0, to: window.parsed.releases.length, shift: windowStart },
      ...sliceReleaseRuns(previous, high + 1, count, delta),
    ],
    problems,
    low === 0 ? shiftEach(window.parsed.boilerplate, windowStart) : previous.boilerplate,
  );
  // Its releases are the previous file's (none with such a dateline) and the window's (none either).
  withoutYearlessDateline.add(parsed);
  return { parsed, reused: { leading: low, trailing: count - high - 1 }, change };
}

/** Whether a hint can describe the edit from `before` to `after` at all (in bounds, the right change of length). */
export function fitsLengths(hint: ChangedRange, before: ReadableText, after: ReadableText): boolean {
  return (
    hint.start >= 0 &&
    hint.start <= hint.beforeEnd &&
    hint.start <= hint.afterEnd &&
    hint.beforeEnd <= before.length &&
    after.length - hint.afterEnd === before.length - hint.beforeEnd
  );
}

/** Parses known to hold no release with a year-less dateline: a keystroke must not look at every release again. */
const withoutYearlessDateline = new WeakSet<ParsedCorpusFile>();

function hasYearlessDatelineIn(text: ReadableText, parsed: ParsedCorpusFile): boolean {
  if (withoutYearlessDateline.has(parsed)) return false;
  const has = hasYearlessDateline(text, parsed.releases);
  if (!has) withoutYearlessDateline.add(parsed);
  return has;
}

/** Whether a release opens with a dateline without a year ("From 27 to 29 May, …"), dated or not. */
function hasYearlessDateline(text: ReadableText, releases: readonly Release[]): boolean {
  return releases.some((release) => {
    const first = release.paragraphs[0];
    if (!first || (release.date && release.date.span.start !== first.start)) return false;
    // A dateline is a few words: the paragraph's opening is enough (a keystroke must not copy every paragraph).
    const opening = text.slice(first.start, Math.min(first.end, first.start + 80));
    return findYearlessDateline(opening, 0, opening.length, '2000') !== undefined;
  });
}

/**
 * Whether the window parsed on its own starts and ends with the unchanged releases it was cut at: the same
 * titles at the same offsets and lengths, and no page chrome read at its start. Otherwise the edit may have
 * moved a boundary and only a full parse can tell.
 */
function keepsBoundaries(
  previous: ParsedCorpusFile,
  count: number,
  window: ParsedCorpusFile,
  low: number,
  high: number,
  windowStart: number,
  delta: number,
): boolean {
  const releases = window.releases;
  if (releases.length < 2) return false;
  const sameRelease = (inWindow: Release, before: Release, shift: number) =>
    inWindow.title === before.title &&
    inWindow.span.start + windowStart === before.span.start + shift &&
    inWindow.span.end + windowStart === before.span.end + shift;
  if (low > 0 && (window.boilerplate.length > 0 || !sameRelease(releases[0], getRelease(previous, low)!, 0))) return false;
  return high === count - 1 || sameRelease(releases[releases.length - 1], getRelease(previous, high)!, delta);
}

function shiftProblem(problem: Problem, by: number, releaseIndexBy: number): Problem {
  if (by === 0 && releaseIndexBy === 0) return problem;
  const shifted = { ...problem, span: shiftSpan(problem.span, by) };
  return problem.releaseIndex === undefined ? shifted : { ...shifted, releaseIndex: problem.releaseIndex + releaseIndexBy };
}
