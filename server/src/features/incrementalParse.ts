// Re-parsing a file after an edit costs what the edit touches: the releases around the changed text are parsed
// again on their own and spliced between the unchanged ones (whose spans shift by the edit's length). The parser
// itself is not changed: this wrapper only picks which releases to hand it, and checks that the window's first
// and last releases come out as they were (so the boundaries did not move); otherwise it parses the whole file.
// The result is the full parse's, release for release (property-tested against it over random edits).

import { ParsedCorpusFile, Problem, Release } from '../corpus/model';
import { findYearlessDateline } from '../corpus/dates';
import { parseCorpusFile } from '../corpus/parse';

/** Files with fewer releases are parsed whole: the window would be the file. */
const MIN_RELEASES_FOR_WINDOW = 4;
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

/** The parse of `text`, reusing the releases of `previous` (the parse of `previousText`) the edit did not touch. */
export function reparseCorpusFile(previousText: string, previous: ParsedCorpusFile, text: string): ParsedCorpusFile {
  return reparseCorpusFileReusing(previousText, previous, text).parsed;
}

/** The same, saying which releases were reused. */
export function reparseCorpusFileReusing(previousText: string, previous: ParsedCorpusFile, text: string): { parsed: ParsedCorpusFile; reused: ReusedReleases } {
  const parseWhole = () => ({ parsed: parseCorpusFile(text), reused: NOTHING_REUSED });
  const releases = previous.releases;
  if (releases.length < MIN_RELEASES_FOR_WINDOW) return parseWhole();
  const change = findChangedRange(previousText, text);
  const delta = change.afterEnd - change.beforeEnd;
  let first = releases.findIndex((release) => release.span.end >= change.start);
  if (first < 0) first = releases.length - 1;
  let last = first;
  while (last + 1 < releases.length && releases[last + 1].span.start <= change.beforeEnd) last++;
  // One unchanged release on each side: the window's own boundaries are checked against them.
  const low = Math.max(0, first - 1);
  const high = Math.min(releases.length - 1, last + 1);
  if (low === 0 && high === releases.length - 1) return parseWhole();
  const windowStart = low === 0 ? 0 : releases[low].span.start;
  const windowEndBefore = high === releases.length - 1 ? previousText.length : releases[high + 1].span.start;
  if (change.start < windowStart || change.beforeEnd > windowEndBefore) return parseWhole();
  const windowText = text.slice(windowStart, windowEndBefore + delta);
  const window = parseCorpusFile(windowText);
  if (!keepsBoundaries(previous, window, low, high, windowStart, delta)) return parseWhole();
  // A year-less dateline takes its year from other releases of the file: only the whole file can tell it.
  if (hasYearlessDateline(previousText, releases) || hasYearlessDateline(windowText, window.releases)) return parseWhole();

  const windowReleases = window.releases.map((release) => shiftSpans(release, windowStart));
  const after = releases.slice(high + 1).map((release) => shiftSpans(release, delta));
  const indexShift = window.releases.length - (high - low + 1);
  const problems: Problem[] = [];
  for (const problem of previous.problems) if (problem.span.start < windowStart) problems.push(problem);
  for (const problem of window.problems) problems.push(shiftProblem(problem, windowStart, low));
  for (const problem of previous.problems) if (problem.span.start >= windowEndBefore) problems.push(shiftProblem(problem, delta, indexShift));
  const parsed = {
    releases: [...releases.slice(0, low), ...windowReleases, ...after],
    problems,
    boilerplate: low === 0 ? window.boilerplate.map((b) => shiftSpans(b, windowStart)) : previous.boilerplate,
  };
  return { parsed, reused: { leading: low, trailing: after.length } };
}

/** Whether a release opens with a dateline without a year ("From 27 to 29 May, …"), dated or not. */
function hasYearlessDateline(text: string, releases: readonly Release[]): boolean {
  return releases.some((release) => {
    const first = release.paragraphs[0];
    if (!first || (release.date && release.date.span.start !== first.span.start)) return false;
    // A dateline is a few words: the paragraph's opening is enough (a keystroke must not copy every paragraph).
    return findYearlessDateline(text, first.span.start, Math.min(first.span.end, first.span.start + 80), '2000') !== undefined;
  });
}

/**
 * Whether the window parsed on its own starts and ends with the unchanged releases it was cut at: the same
 * titles at the same offsets and lengths, and no page chrome read at its start. Otherwise the edit may have
 * moved a boundary and only a full parse can tell.
 */
function keepsBoundaries(previous: ParsedCorpusFile, window: ParsedCorpusFile, low: number, high: number, windowStart: number, delta: number): boolean {
  const releases = window.releases;
  if (releases.length < 2) return false;
  const sameRelease = (inWindow: Release, before: Release, shift: number) =>
    inWindow.title === before.title &&
    inWindow.span.start + windowStart === before.span.start + shift &&
    inWindow.span.end + windowStart === before.span.end + shift;
  if (low > 0 && (window.boilerplate.length > 0 || !sameRelease(releases[0], previous.releases[low], 0))) return false;
  return high === previous.releases.length - 1 || sameRelease(releases[releases.length - 1], previous.releases[high], delta);
}

function shiftProblem(problem: Problem, by: number, releaseIndexBy: number): Problem {
  const shifted = shiftSpans(problem, by);
  return problem.releaseIndex === undefined ? shifted : { ...shifted, releaseIndex: problem.releaseIndex + releaseIndexBy };
}

/** A copy with every span (an object with numeric start and end) moved by `by`. */
function shiftSpans<T>(value: T, by: number): T {
  return by === 0 ? value : (shiftValue(value, by) as T);
}

// Runs for every release after an edit: plain loops, no per-object key arrays.
function shiftValue(value: unknown, by: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = shiftValue(value[i], by);
    return copy;
  }
  const object = value as Record<string, unknown>;
  const isSpan = typeof object.start === 'number' && typeof object.end === 'number';
  const copy: Record<string, unknown> = {};
  for (const key in object) {
    const field = object[key];
    copy[key] = isSpan && (key === 'start' || key === 'end') ? (field as number) + by : typeof field === 'object' ? shiftValue(field, by) : field;
  }
  return copy;
}
