// How many releases state each source, kept as counts each file adds and removes: the "insert a Source line" fix
// proposes the most common one without a pass over the corpus on every keystroke.

import { CorpusFile, CorpusIndex } from './corpusIndex';
import { DerivedIndex, IncrementalIndex } from './incremental';

export class SourceIndex implements DerivedIndex<ReadonlyMap<string, number>> {
  readonly name = 'sources';
  readonly incremental: IncrementalIndex<ReadonlyMap<string, number>>;
  private readonly counts = new Map<string, number>();

  constructor(corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
  }

  summarise(file: CorpusFile): ReadonlyMap<string, number> {
    const counts = new Map<string, number>();
    for (const release of file.parsed.releases) if (release.source) counts.set(release.source.name, (counts.get(release.source.name) ?? 0) + 1);
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
