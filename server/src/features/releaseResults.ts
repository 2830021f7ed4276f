// Per-release work of a derived index, kept across a file's versions: after an edit, only the releases the
// re-parse did not keep (incrementalParse.ts) are computed again; the others' results are reused as they were
// computed, with how far their release has moved since, so a keystroke costs what the edit touches. Results are
// never rewritten in place: the caller shifts the offsets it hands on.

import { runToEnd } from '../corpus/entities/steps';
import { CorpusFile, CorpusIndex, FileEdit, getFileContent } from './corpusIndex';
import { ReusedReleases } from './incrementalParse';
import { countReleases, getReleaseStarts } from './releaseRuns';

export interface ReleaseResultsOfFile<R> {
  /** One result per release of the file, in release order. */
  readonly results: readonly R[];
  /** How far each release has moved since its result was computed: add it to the result's offsets. */
  readonly shifts: readonly number[];
  /** Whether each release's result was computed now (false: reused). */
  readonly computedNow: readonly boolean[];
  /**
   * After an edit: the previous version's results that were not reused (the touched releases, in order), each
   * with the shift that puts it at that version's offsets; undefined when nothing was kept from a version before.
   */
  readonly replaced?: readonly { readonly result: R; readonly shift: number }[];
  /** The version `replaced` belongs to. */
  readonly previousVersion?: number;
}

/** Files shorter than this are cheap to compute whole: their results are not kept. */
const DEFAULT_MIN_CHARS = 64 * 1024;

export class ReleaseResults<R> {
  private readonly byUri = new Map<string, { version: number; results: readonly R[]; computedAt: readonly number[]; starts: readonly number[] }>();
  /** Results computed elsewhere (a scan worker) for one version of a file, taken as if computed by `get`. */
  private readonly seeded = new Map<string, { version: number; results: readonly R[] }>();

  constructor(
    corpus: CorpusIndex,
    private readonly compute: (file: CorpusFile, releaseIndex: number) => R,
    private readonly minChars = DEFAULT_MIN_CHARS,
  ) {
    corpus.onDidChange((uris) => uris.forEach((uri) => corpus.getFile(uri) || (this.byUri.delete(uri), this.seeded.delete(uri))));
  }

  /** The results of every release of this version of the file, computed elsewhere with the same `compute`. */
  seed(file: CorpusFile, results: readonly R[]): void {
    if (results.length === countReleases(file.parsed)) this.seeded.set(file.uri, { version: file.version, results });
  }

  /**
   * Computes, in pieces of about `charsPerPiece` characters of release text (a yield after each), the results the
   * next `get` of this version of the file would compute; `get` then only gathers them.
   */
  *computeInPieces(file: CorpusFile, charsPerPiece: number): Generator<void, void, void> {
    const starts = getReleaseStarts(file.parsed);
    const reused = this.getReuse(file, starts);
    const cachedCount = this.byUri.get(file.uri)?.results.length ?? 0;
    const seeded = this.seeded.get(file.uri);
    const results: R[] = seeded?.version === file.version ? seeded.results.slice() : []; // slice keeps the holes
    let chars = 0;
    for (let i = 0; i < starts.length; i++) {
      if (i in results || findReusedResult(i, starts.length, cachedCount, reused) >= 0) continue;
      results[i] = this.compute(file, i);
      this.seeded.set(file.uri, { version: file.version, results });
      chars += (starts[i + 1] ?? getFileContent(file).length) - starts[i];
      if (chars >= charsPerPiece) {
        chars = 0;
        yield;
      }
    }
  }

  get(file: CorpusFile): ReleaseResultsOfFile<R> {
    // Offsets only, never `parsed.releases`: after a keystroke that would copy every release (releaseRuns.ts).
    const starts = getReleaseStarts(file.parsed);
    const cached = this.byUri.get(file.uri);
    const reused = this.getReuse(file, starts);
    const seeded = this.seeded.get(file.uri);
    this.seeded.delete(file.uri);
    // Results computed elsewhere or in pieces: every release's (a scan worker), or some (`computeInPieces`).
    const precomputed = seeded?.version === file.version ? seeded.results : [];
    const results: R[] = [];
    const computedAt: number[] = [];
    const shifts: number[] = [];
    const computedNow: boolean[] = [];
    for (let i = 0; i < starts.length; i++) {
      const old = findReusedResult(i, starts.length, cached?.results.length ?? 0, reused);
      if (old >= 0) {
        results.push(cached!.results[old]);
        computedAt.push(cached!.computedAt[old]);
      } else {
        results.push(i in precomputed ? precomputed[i] : this.compute(file, i));
        computedAt.push(starts[i]);
      }
      shifts.push(starts[i] - computedAt[i]);
      computedNow.push(old < 0);
    }
    if (getFileContent(file).length >= this.minChars) this.byUri.set(file.uri, { version: file.version, results, computedAt, starts });
    else this.byUri.delete(file.uri);
    if (!cached || !reused) return { results, shifts, computedNow };
    const replaced = [];
    for (let old = reused.leading; old < cached.results.length - reused.trailing; old++)
      replaced.push({ result: cached.results[old], shift: cached.starts[old] - cached.computedAt[old] });
    return { results, shifts, computedNow, replaced, previousVersion: cached.version };
  }

  /** Which releases of the version kept keep their result (none when it is not kept, or too many edits ago). */
  private getReuse(file: CorpusFile, starts: readonly number[]): ReusedReleases | undefined {
    const cached = this.byUri.get(file.uri);
    return cached && (cached.version === file.version ? { leading: starts.length, trailing: 0 } : getReuseSince(file, cached.version));
  }
}

/** The index of the kept result reused for release `i` of `count` (the kept version had `cachedCount`), or -1. */
function findReusedResult(i: number, count: number, cachedCount: number, reused: ReusedReleases | undefined): number {
  if (!reused) return -1;
  return i < reused.leading ? i : count - i <= reused.trailing ? cachedCount - (count - i) : -1;
}

/** The releases the file kept through every edit since `version`, or undefined when it does not remember so far. */
function getReuseSince(file: CorpusFile, version: number): ReusedReleases | undefined {
  const edits: readonly FileEdit[] = file.edits ?? [];
  let leading = Number.POSITIVE_INFINITY;
  let trailing = Number.POSITIVE_INFINITY;
  for (let i = edits.length - 1; i >= 0; i--) {
    leading = Math.min(leading, edits[i].leading);
    trailing = Math.min(trailing, edits[i].trailing);
    if (edits[i].previousVersion === version) return { leading, trailing };
  }
  return undefined;
}

/**
 * A file's per-release items (sentences, band keys) as one list in release order, each placed where its release
 * is now. Items of the releases before the edit (same offsets, same index) are `previous`'s own objects, so an
 * index keyed on item identity has nothing to update for them (`getChangedItems`).
 */
export function placeReleaseItems<T, I extends { readonly releaseIndex: number }>(
  of: ReleaseResultsOfFile<readonly T[]>,
  previous: readonly I[] | undefined,
  place: (item: T, shift: number, releaseIndex: number) => I,
): I[] {
  return runToEnd(placeReleaseItemsInSteps(of, previous, place, Number.POSITIVE_INFINITY));
}

/** The same, yielding after every `itemsPerPiece` items (a big file's summary in pieces). */
export function* placeReleaseItemsInSteps<T, I extends { readonly releaseIndex: number }>(
  of: ReleaseResultsOfFile<readonly T[]>,
  previous: readonly I[] | undefined,
  place: (item: T, shift: number, releaseIndex: number) => I,
  itemsPerPiece: number,
): Generator<void, I[], void> {
  const firstComputed = of.computedNow.indexOf(true);
  const unmoved = !of.replaced || !previous ? 0 : firstComputed < 0 ? of.results.length : firstComputed;
  const items: I[] = [];
  for (const item of previous ?? []) {
    if (item.releaseIndex >= unmoved) break;
    if (items.push(item) % itemsPerPiece === 0) yield;
  }
  for (let i = unmoved; i < of.results.length; i++) for (const item of of.results[i]) if (items.push(place(item, of.shifts[i], i)) % itemsPerPiece === 0) yield;
  return items;
}

/** What a summary of per-release items lost and gained: the items after the longest run both share. */
export function getChangedItems<I>(before: readonly I[], after: readonly I[]): { removed: readonly I[]; added: readonly I[] } {
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  return { removed: before.slice(same), added: after.slice(same) };
}
