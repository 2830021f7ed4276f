// Re-finding a tagged passage after the corpus text changed. A tag stores what Hypothesis stores for a web
// annotation: the W3C TextQuoteSelector (the exact quote with ~32 characters of prefix and suffix) and the
// TextPositionSelector (start/end offsets) as a hint. The passage is found again in three steps, cheapest first:
//   1. the hint still holds the exact quote (nothing moved, or an edit elsewhere kept the offsets);
//   2. the exact quote elsewhere: every occurrence, best prefix/suffix agreement first, then nearest the hint
//      (text inserted above, or the passage copied: the context tells the copies apart);
//   3. a fuzzy search (diff-match-patch's bitap `match_main`) for a quote that was itself edited.
// When none holds the passage is orphaned: the caller shows it and keeps the tag.

import diff_match_patch from 'diff-match-patch';
import { Span } from '../corpus/model';

export interface TextAnchor {
  /** TextQuoteSelector. */
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** TextPositionSelector: UTF-16 offsets when the tag was made or last re-anchored; only a hint. */
  readonly start: number;
  readonly end: number;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorMatch {
  readonly span: Span;
  readonly method: AnchorMethod;
}

/** Characters of context kept on each side; also bitap's limit (Match_MaxBits), so one context is one pattern. */
export const ANCHOR_CONTEXT_LENGTH = 32;

/**
 * Bitap scores a candidate as (errors / pattern length) + (distance from the hint / Match_Distance) and keeps
 * candidates at or below this threshold. 0.35 lets about 11 of a 32-character head or tail differ, so a head
 * that took several edits is still found: measured on the seeds (scripts/measureAnchoring.ts), windows with 8 of
 * 32 characters changed are found 264/300 times at 0.35 but only 170/300 at 0.25. The price is that 27/296
 * unrelated windows "match" somewhere; the whole-quote similarity check below rejects those (end to end, 1 of
 * 1600 passages looked for in a seed that lacks them anchored, on a stock phrase). Proximity only breaks ties:
 * drifting across a whole search window costs 0.1 (`FUZZY_DISTANCE_PER_WINDOW`). See docs/tags.md.
 */
export const FUZZY_MATCH_THRESHOLD = 0.35;
const FUZZY_DISTANCE_PER_WINDOW = 10;

/**
 * The passage found must still be this similar to the stored quote as a whole (1 − Levenshtein distance /
 * length): a quarter of it may change. Measured: passages with 5, 10 and 20 % of their characters edited are
 * all found (400/400 each); at 30 % most are orphaned (117/400 found). Beyond a quarter the passage says
 * something else, and the analyst should look at the orphaned tag rather than have it silently follow new words.
 */
export const FUZZY_MIN_SIMILARITY = 0.75;

export function createAnchor(text: string, span: Span): TextAnchor {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - ANCHOR_CONTEXT_LENGTH), span.start),
    suffix: text.slice(span.end, span.end + ANCHOR_CONTEXT_LENGTH),
    start: span.start,
    end: span.end,
  };
}

export function findAnchor(text: string, anchor: TextAnchor): AnchorMatch | undefined {
  if (!anchor.exact) return undefined;
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return { span: { start: anchor.start, end: anchor.end }, method: 'position' };
  const quoted = findQuote(text, anchor);
  if (quoted) return { span: quoted, method: 'quote' };
  const fuzzy = findFuzzy(text, anchor);
  return fuzzy ? { span: fuzzy, method: 'fuzzy' } : undefined;
}

function findQuote(text: string, anchor: TextAnchor): Span | undefined {
  let best: { start: number; context: number; distance: number } | undefined;
  for (let at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) {
    const context =
      countCommonSuffix(text.slice(Math.max(0, at - anchor.prefix.length), at), anchor.prefix) +
      countCommonPrefix(text.slice(at + anchor.exact.length, at + anchor.exact.length + anchor.suffix.length), anchor.suffix);
    const distance = Math.abs(at - anchor.start);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) best = { start: at, context, distance };
  }
  return best && { start: best.start, end: best.start + anchor.exact.length };
}

/**
 * How far on each side of where the passage is expected the fuzzy search looks. Bitap's cost grows with the text
 * it scans: an orphaned tag in a 1 MB file cost ~0.8 s per re-anchoring when the whole file was searched, a few
 * milliseconds within these windows. The passage is expected at its stored offsets and, when text was inserted
 * or deleted far above it, right after the nearest unedited copy of its prefix or before its suffix. A passage
 * that was edited, moved further than this, and lost both contexts is reported as orphaned.
 */
export const FUZZY_WINDOW = 4000;

function findFuzzy(text: string, anchor: TextAnchor): Span | undefined {
  const max = ANCHOR_CONTEXT_LENGTH;
  const expectedStarts = [anchor.start];
  const prefixTail = anchor.prefix.slice(-max);
  const prefixAt = findNearest(text, prefixTail, anchor.start - prefixTail.length);
  if (prefixAt >= 0) expectedStarts.push(prefixAt + prefixTail.length);
  const suffixAt = findNearest(text, anchor.suffix.slice(0, max), anchor.end);
  if (suffixAt >= 0) expectedStarts.push(suffixAt - anchor.exact.length);

  let best: { span: Span; similarity: number } | undefined;
  for (const [from, to] of mergeWindows(expectedStarts.map((at) => [at - FUZZY_WINDOW, at + anchor.exact.length + FUZZY_WINDOW]), text.length)) {
    const found = findFuzzyIn(text.slice(from, to), from, anchor);
    if (found && (!best || found.similarity > best.similarity)) best = found;
  }
  return best && best.similarity >= FUZZY_MIN_SIMILARITY ? best.span : undefined;
}

/** The most similar passage bitap finds in one window of the text (`offset`: where the window starts). */
function findFuzzyIn(window: string, offset: number, anchor: TextAnchor): { span: Span; similarity: number } | undefined {
  const dmp = new diff_match_patch();
  dmp.Match_Threshold = FUZZY_MATCH_THRESHOLD;
  dmp.Match_Distance = Math.max(1000, window.length * FUZZY_DISTANCE_PER_WINDOW);
  dmp.Diff_Timeout = 0.1;
  const max = dmp.Match_MaxBits;
  const hint = Math.min(Math.max(0, anchor.start - offset), window.length);
  const match = (pattern: string, near: number) => (pattern ? dmp.match_main(window, pattern, Math.min(Math.max(0, near), window.length)) : -1);

  // Where the passage starts: at the quote's head, or where the prefix ends (the head itself was edited, or
  // the same words stand unedited elsewhere and drew the head away). Both are tried; the better one wins.
  const prefixTail = anchor.prefix.slice(-max);
  const afterPrefix = match(prefixTail, hint - prefixTail.length);
  // Bitap may place a pattern partly past the window's end: starts and ends are clamped to the window.
  const starts = [match(anchor.exact.slice(0, max), hint), afterPrefix < 0 ? -1 : Math.min(afterPrefix + prefixTail.length, window.length)];

  let best: { span: Span; similarity: number } | undefined;
  for (const start of new Set(starts.filter((s) => s >= 0))) {
    // Where it ends: after the quote's tail, or where the suffix begins.
    const tail = anchor.exact.slice(-max);
    const expectedEnd = start + anchor.exact.length;
    const tailAt = match(tail, Math.max(start, expectedEnd - tail.length));
    const suffixAt = match(anchor.suffix.slice(0, max), expectedEnd);
    for (const end of new Set([tailAt >= start ? Math.min(tailAt + tail.length, window.length) : -1, suffixAt])) {
      if (end <= start) continue;
      const candidate = window.slice(start, end);
      const similarity = 1 - dmp.diff_levenshtein(dmp.diff_main(anchor.exact, candidate)) / Math.max(anchor.exact.length, candidate.length);
      if (!best || similarity > best.similarity) best = { span: { start: offset + start, end: offset + end }, similarity };
    }
  }
  return best;
}

/** The occurrence of `pattern` nearest `near`, or -1. */
function findNearest(text: string, pattern: string, near: number): number {
  let nearest = -1;
  if (!pattern) return nearest;
  for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
    if (nearest < 0 || Math.abs(at - near) < Math.abs(nearest - near)) nearest = at;
  }
  return nearest;
}

/** Windows clamped to the text, overlapping ones merged, in order. */
function mergeWindows(windows: number[][], length: number): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of windows.map(([f, t]) => [Math.max(0, f), Math.min(length, t)]).sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (from < to) merged.push([from, to]);
  }
  return merged;
}

function countCommonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function countCommonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
