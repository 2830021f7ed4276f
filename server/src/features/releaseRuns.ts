// A re-parse's releases are mostly the previous parse's, those after the edit moved by its length. Copying them
// (every span of thousands of releases) cost more than the rest of a keystroke in a 20 MB file, so a re-parse
// keeps its releases as runs of other lists' releases, each with the distance it moved, and copies them only when
// something first reads `parsed.releases` (the background indexes, an outline request). A keystroke's own path
// (the next re-parse, duplicates and sources of the touched releases, the file's problems) reads single releases
// and release offsets through the functions here, which cost the number of runs, never the number of releases.

import { Boilerplate, ParsedCorpusFile, Problem, Release, Span } from '../corpus/model';

/** Releases [from, to) of `releases`, each moved by `shift`. */
export interface ReleaseRun {
  readonly releases: readonly Release[];
  readonly from: number;
  readonly to: number;
  readonly shift: number;
}

/** Past this many runs a parse copies its releases: lookups cost the number of runs. */
const MAX_RUNS = 64;

const runsOfParse = new WeakMap<ParsedCorpusFile, readonly ReleaseRun[]>();

/** A parse whose releases are `runs`, copied into one list the first time `releases` is read. */
export function createParseFromRuns(runs: readonly ReleaseRun[], problems: readonly Problem[], boilerplate: readonly Boilerplate[]): ParsedCorpusFile {
  const merged = mergeRuns(runs);
  if (merged.length > MAX_RUNS) return { releases: copyRuns(merged), problems, boilerplate };
  let releases: readonly Release[] | undefined;
  const parsed: ParsedCorpusFile = {
    get releases() {
      if (!releases) {
        releases = copyRuns(merged);
        runsOfParse.delete(parsed);
      }
      return releases;
    },
    problems,
    boilerplate,
  };
  runsOfParse.set(parsed, merged);
  return parsed;
}

/** The parse's releases [from, to) as runs, moved by `shift`. */
export function sliceReleaseRuns(parsed: ParsedCorpusFile, from: number, to: number, shift: number): ReleaseRun[] {
  const slices: ReleaseRun[] = [];
  let index = 0;
  for (const run of getRuns(parsed)) {
    const length = run.to - run.from;
    const start = Math.max(from, index);
    const end = Math.min(to, index + length);
    if (start < end) slices.push({ releases: run.releases, from: run.from + start - index, to: run.from + end - index, shift: run.shift + shift });
    index += length;
  }
  return slices;
}

export function countReleases(parsed: ParsedCorpusFile): number {
  let count = 0;
  for (const run of getRuns(parsed)) count += run.to - run.from;
  return count;
}

/** Release `index` of the parse (a copy when its run moved), or undefined past the last. */
export function getRelease(parsed: ParsedCorpusFile, index: number): Release | undefined {
  const at = locate(parsed, index);
  return at && shiftRelease(at.run.releases[at.offset], at.run.shift);
}

/** The span of release `index`, or undefined past the last. */
export function getReleaseSpan(parsed: ParsedCorpusFile, index: number): Span | undefined {
  const at = locate(parsed, index);
  return at && shiftSpan(at.run.releases[at.offset].span, at.run.shift);
}

/** Where each release starts, in release order. */
export function getReleaseStarts(parsed: ParsedCorpusFile): number[] {
  const starts: number[] = [];
  for (const run of getRuns(parsed)) for (let i = run.from; i < run.to; i++) starts.push(run.releases[i].span.start + run.shift);
  return starts;
}

/** The index of the first release ending at or after `offset`, or -1 when every release ends before it. */
export function findFirstReleaseEndingFrom(parsed: ParsedCorpusFile, offset: number): number {
  let index = 0;
  for (const run of getRuns(parsed)) {
    const last = run.releases[run.to - 1];
    if (last.span.end + run.shift >= offset) {
      // Releases do not overlap: their ends increase, so the first one is found by halving.
      let low = run.from;
      let high = run.to - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (run.releases[mid].span.end + run.shift >= offset) high = mid;
        else low = mid + 1;
      }
      return index + low - run.from;
    }
    index += run.to - run.from;
  }
  return -1;
}

function getRuns(parsed: ParsedCorpusFile): readonly ReleaseRun[] {
  return runsOfParse.get(parsed) ?? [{ releases: parsed.releases, from: 0, to: parsed.releases.length, shift: 0 }];
}

function locate(parsed: ParsedCorpusFile, index: number): { run: ReleaseRun; offset: number } | undefined {
  if (index < 0) return undefined;
  let first = 0;
  for (const run of getRuns(parsed)) {
    const length = run.to - run.from;
    if (index < first + length) return { run, offset: run.from + index - first };
    first += length;
  }
  return undefined;
}

/** Adjacent runs of one list, contiguous and moved alike, as one; empty runs left out. */
function mergeRuns(runs: readonly ReleaseRun[]): ReleaseRun[] {
  const merged: ReleaseRun[] = [];
  for (const run of runs) {
    if (run.from >= run.to) continue;
    const last = merged[merged.length - 1];
    if (last && last.releases === run.releases && last.to === run.from && last.shift === run.shift) merged[merged.length - 1] = { ...last, to: run.to };
    else merged.push(run);
  }
  return merged;
}

function copyRuns(runs: readonly ReleaseRun[]): Release[] {
  const releases: Release[] = [];
  for (const run of runs) for (let i = run.from; i < run.to; i++) releases.push(shiftRelease(run.releases[i], run.shift));
  return releases;
}

// Runs for every release after an edit (thousands per keystroke in a big file): one copy per object that holds a
// span, field by field, instead of a walk over every value. A span field added to the model and missed here shows
// in the property test (the re-parse against the full parse).
export function shiftRelease(release: Release, by: number): Release {
  if (by === 0) return release;
  const shifted: { -readonly [K in keyof Release]: Release[K] } = {
    ...release,
    titleSpans: release.titleSpans.map((span) => shiftSpan(span, by)),
    span: shiftSpan(release.span, by),
    metadata: shiftEach(release.metadata, by),
    paragraphs: release.paragraphs.map((paragraph) => shiftSpan(paragraph, by)),
    turns: release.turns.map((turn) => ({ ...turn, labelSpan: shiftSpan(turn.labelSpan, by), span: shiftSpan(turn.span, by) })),
    captions: shiftEach(release.captions, by),
    boilerplate: shiftEach(release.boilerplate, by),
  };
  if (release.source) shifted.source = { ...release.source, span: shiftSpan(release.source.span, by) };
  if (release.date) shifted.date = { ...release.date, span: shiftSpan(release.date.span, by) };
  return shifted;
}

export function shiftEach<T extends { readonly span: Span }>(items: readonly T[], by: number): T[] {
  const shifted = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) shifted[i] = { ...items[i], span: shiftSpan(items[i].span, by) };
  return shifted;
}

/** The span moved by `by` (the span itself when it does not move: spans are never changed in place). */
export function shiftSpan(span: Span, by: number): Span {
  return by === 0 ? span : { start: span.start + by, end: span.end + by };
}
