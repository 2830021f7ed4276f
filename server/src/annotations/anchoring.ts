// Re-finding a tagged passage after the corpus text changed. A tag stores what Hypothesis stores for a web
// annotation: the W3C TextQuoteSelector (the exact quote with ~32 characters of prefix and suffix) and the
// TextPositionSelector (start/end offsets) as a hint. The passage is found again in three steps, cheapest first,
// and the step that found it is the anchor's state, so the analyst knows how far to trust it:
//   1. `exact`: the hint still holds the exact quote (nothing moved, or an edit elsewhere kept the offsets);
//   2. `moved`: the exact quote elsewhere: every occurrence, best prefix/suffix agreement first, then nearest the
//      hint (text inserted above, or the passage copied: the context tells the copies apart);
//   3. `fuzzy`: a fuzzy search (diff-match-patch's bitap `match_main`) for a quote that was itself edited.
// When none holds the passage is `orphaned`: the caller shows it and keeps the tag, and may offer the best
// candidate below the acceptance threshold (`findBestCandidate`) for the analyst to confirm.
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

/** A passage found by the fuzzy search: where, how similar to the stored quote (0..1), and how it reads now. */
export interface FuzzyPassage {
  readonly span: Span;
  readonly similarity: number;
  readonly text: string;
}

/** How a tag's passage was found again; `storedSpan` is where the record says it was. */
export type AnchorMatch =
  | { readonly state: 'exact'; readonly span: Span }
  | { readonly state: 'moved'; readonly span: Span; readonly storedSpan: Span }
  | ({ readonly state: 'fuzzy' } & FuzzyPassage)
  | { readonly state: 'orphaned' };

export type AnchorState = AnchorMatch['state'];

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

export function isSameAnchor(a: TextAnchor, b: TextAnchor): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

export function findAnchor(text: string, anchor: TextAnchor): AnchorMatch {
  if (!anchor.exact) return { state: 'orphaned' };
  const storedSpan = { start: anchor.start, end: anchor.end };
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return { state: 'exact', span: storedSpan };
  const quoted = findQuote(text, anchor);
  if (quoted) return { state: 'moved', span: quoted, storedSpan };
  const fuzzy = findFuzzy(text, anchor, FUZZY_MATCH_THRESHOLD);
  return fuzzy && fuzzy.similarity >= FUZZY_MIN_SIMILARITY ? { state: 'fuzzy', ...fuzzy } : { state: 'orphaned' };
}

/**
 * Bitap's threshold when looking for an orphan's best candidate: about 16 of a 32-character head may differ. It
 * finds rewritten heads the re-anchoring threshold misses; its false matches cost nothing because the analyst
 * sees the candidate and its similarity before re-attaching.
 */
export const CANDIDATE_MATCH_THRESHOLD = 0.5;

/**
 * Below this similarity a "candidate" is mostly other words, so none is offered. Measured on the seeds
 * (scripts/measureAnchoring.ts): the true candidates of passages with 30 % and 40 % of their characters edited
 * score 0.68 and 0.59 at the least (and are in place 283/285 and 390/394 times); 9 of 400 passages looked for
 * in seeds that lack them still get one (0.51–0.92), which the analyst sees, with its percentage, before
 * re-attaching.
 */
export const CANDIDATE_MIN_SIMILARITY = 0.5;

/**
 * The passage most like an orphaned tag's quote, even below the acceptance threshold (`FUZZY_MIN_SIMILARITY`),
 * for "Re-attach to best candidate (72 %)". Same bounded work as the fuzzy step: bitap within `FUZZY_WINDOW`
 * of the stored offsets and of the nearest verbatim prefix and suffix, so the cost does not grow with the file;
 * the looser threshold makes bitap scan more (measured 14–19 ms per tag in a seed, 20–40 ms in a 1 MB file),
 * so it runs on demand for one tag (a code action, a hover), not on every re-anchoring.
 */
export function findBestCandidate(text: string, anchor: TextAnchor): FuzzyPassage | undefined {
  if (!anchor.exact) return undefined;
  const found = findFuzzy(text, anchor, CANDIDATE_MATCH_THRESHOLD);
  return found && found.similarity >= CANDIDATE_MIN_SIMILARITY ? found : undefined;
}

/**
 * The occurrence of the quote whose context agrees most with the stored prefix and suffix, the nearest the stored
 * start among equals. Occurrences near the stored start are scored first: when one there has all its context,
 * none further away can beat it, so the rest of the file is not read (in a 20 MB file, a full scan per touched tag
 * would cost each keystroke milliseconds).
 */
function findQuote(text: string, anchor: TextAnchor): Span | undefined {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  const near = findBestQuote(text, anchor, anchor.start - NEAR_WINDOW, anchor.start + NEAR_WINDOW);
  const best = near?.context === fullContext ? near : findBestQuote(text, anchor, 0, text.length);
  return best && { start: best.start, end: best.start + anchor.exact.length };
}

/** How far from where it is expected a search first looks, before it reads the whole text. */
const NEAR_WINDOW = 16_384;

/** The best occurrence of the quote starting within [from, to]. */
function findBestQuote(text: string, anchor: TextAnchor, from: number, to: number): { start: number; context: number } | undefined {
  let best: { start: number; context: number; distance: number } | undefined;
  for (let at = text.indexOf(anchor.exact, Math.max(0, from)); at >= 0 && at <= to; at = text.indexOf(anchor.exact, at + 1)) {
    const context =
      countCommonSuffix(text.slice(Math.max(0, at - anchor.prefix.length), at), anchor.prefix) +
      countCommonPrefix(text.slice(at + anchor.exact.length, at + anchor.exact.length + anchor.suffix.length), anchor.suffix);
    const distance = Math.abs(at - anchor.start);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) best = { start: at, context, distance };
  }
  return best;
}

/**
 * How far on each side of where the passage is expected the fuzzy search looks. Bitap's cost grows with the text
 * it scans: an orphaned tag in a 1 MB file cost ~0.8 s per re-anchoring when the whole file was searched, a few
 * milliseconds within these windows. The passage is expected at its stored offsets and, when text was inserted
 * or deleted far above it, right after the nearest unedited copy of its prefix or before its suffix. A passage
 * that was edited, moved further than this, and lost both contexts is reported as orphaned.
 */
export const FUZZY_WINDOW = 4000;

/** The passage most similar to the quote that bitap (at `matchThreshold`) finds near where it is expected. */
function findFuzzy(text: string, anchor: TextAnchor, matchThreshold: number): FuzzyPassage | undefined {
  const max = ANCHOR_CONTEXT_LENGTH;
  const expectedStarts = [anchor.start];
  const prefixTail = anchor.prefix.slice(-max);
  const prefixAt = findNearest(text, prefixTail, anchor.start - prefixTail.length);
  if (prefixAt >= 0) expectedStarts.push(prefixAt + prefixTail.length);
  const suffixAt = findNearest(text, anchor.suffix.slice(0, max), anchor.end);
  if (suffixAt >= 0) expectedStarts.push(suffixAt - anchor.exact.length);

  let best: { span: Span; similarity: number } | undefined;
  for (const [from, to] of mergeWindows(expectedStarts.map((at) => [at - FUZZY_WINDOW, at + anchor.exact.length + FUZZY_WINDOW]), text.length)) {
    const found = findFuzzyIn(text.slice(from, to), from, anchor, matchThreshold);
    if (found && (!best || found.similarity > best.similarity)) best = found;
  }
  return best && { ...best, text: text.slice(best.span.start, best.span.end) };
}

/** The most similar passage bitap finds in one window of the text (`offset`: where the window starts). */
function findFuzzyIn(window: string, offset: number, anchor: TextAnchor, matchThreshold: number): { span: Span; similarity: number } | undefined {
  const dmp = new diff_match_patch();
  dmp.Match_Threshold = matchThreshold;
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

/** The occurrence of `pattern` nearest `near`, or -1; one found near it is nearer than any beyond the window. */
function findNearest(text: string, pattern: string, near: number): number {
  if (!pattern) return -1;
  const nearby = findNearestWithin(text, pattern, near, near - NEAR_WINDOW, near + NEAR_WINDOW);
  return nearby >= 0 ? nearby : findNearestWithin(text, pattern, near, 0, text.length);
}

function findNearestWithin(text: string, pattern: string, near: number, from: number, to: number): number {
  let nearest = -1;
  for (let at = text.indexOf(pattern, Math.max(0, from)); at >= 0 && at <= to; at = text.indexOf(pattern, at + 1)) {
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
