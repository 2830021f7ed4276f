// How many releases state each source, kept as counts each file adds and removes: the "insert a Source line" fix
// proposes the most common one without a pass over the corpus on every keystroke. After an edit, a file's counts
// are its previous counts less the sources of the releases the edit replaced plus those of the new ones.

import { CorpusFile, CorpusIndex } from './corpusIndex';
import { IncrementalIndex } from './incremental';
import { DerivedIndex } from './derivedIndex';
import { ReleaseResults } from './releaseResults';
import { getRelease } from './releaseRuns';

export class SourceIndex implements DerivedIndex<ReadonlyMap<string, number>> {
  readonly name = 'sources';
  readonly incremental: IncrementalIndex<ReadonlyMap<string, number>>;
  private readonly counts = new Map<string, number>();
  private readonly releaseSources: ReleaseResults<string | undefined>;

  constructor(corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
    this.releaseSources = new ReleaseResults(corpus, (file, releaseIndex) => getRelease(file.parsed, releaseIndex)!.source?.name);
  }

  summarise(file: CorpusFile, previous?: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
    const of = this.releaseSources.get(file);
    const update = previous !== undefined && of.replaced !== undefined;
    const counts = new Map(update ? previous : []);
    if (update) for (const { result } of of.replaced!) addCount(counts, result, -1);
    for (let i = 0; i < of.results.length; i++) if (!update || of.computedNow[i]) addCount(counts, of.results[i], 1);
    return counts;
  }

  add(_uri: string, summary: ReadonlyMap<string, number>): void {
    for (const [name, n] of summary) this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  remove(_uri: string, summary: ReadonlyMap<string, number>): void {
    for (const [name, n] of summary) {
      const left = (this.counts.get(name) ?? 0) - n;
      if (left > 0) this.counts.set(name, left);
      else this.counts.delete(name);
    }
  }

  /** The source most releases state (ties: alphabetical), undefined in a corpus without any. */
  getMostCommonSource(): string | undefined {
    this.incremental.refresh();
    let best: [string, number] | undefined;
    for (const entry of this.counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
    return best?.[0];
  }
}

function addCount(counts: Map<string, number>, source: string | undefined, by: number): void {
  if (source === undefined) return;
  const n = (counts.get(source) ?? 0) + by;
  if (n > 0) counts.set(source, n);
  else counts.delete(source);
}
