// The corpus and everything derived from it, in one object: the files (parse results per file) and the
// corpus-wide indexes, each kept in step by the one incremental mechanism (incremental.ts). Features take a
// `CorpusView` — the read side — for the duration of one request: nothing in a request changes the files.

import { CorpusIndex } from './corpusIndex';
import { DuplicateIndex } from './duplicateIndex';
import { EntityIndex } from './entityIndex';
import { IncrementalIndex } from './incremental';
import { OverBudget } from './derivedIndex';
import { NearPassageIndex } from './nearPassageIndex';
import { PassageIndex } from './passageIndex';
import { RelatedReleaseIndex } from './relatedReleaseIndex';
import { SourceIndex } from './sourceIndex';

export interface CorpusView {
  readonly files: Pick<CorpusIndex, 'getFile' | 'getFiles' | 'size' | 'generation'>;
  readonly duplicates: Pick<DuplicateIndex, 'findDuplicatesInFile'>;
  readonly passages: Pick<PassageIndex, 'findRepeatedRuns' | 'getSentenceAt' | 'getSentences' | 'findVerbatimCopies' | 'isStockPhrase'>;
  readonly nearPassages: Pick<NearPassageIndex, 'findNearCopies'>;
  readonly related: Pick<RelatedReleaseIndex, 'getFacets' | 'findCandidates' | 'findReleasesByTitleWords'>;
  readonly sources: Pick<SourceIndex, 'getMostCommonSource'>;
  readonly entities: Omit<
    EntityIndex,
    'setKnowledgeBase' | 'seedReleaseFindings' | 'summarise' | 'add' | 'remove' | 'replace' | 'afterUpdate' | 'incremental' | 'encodeTables' | 'decodeTables'
  >;
  /** The derived indexes that skip this file for taking longer than its time budget (incremental.ts). */
  findOverBudget(uri: string): OverBudget[];
}

export class Corpus implements CorpusView {
  readonly files = new CorpusIndex();
  readonly duplicates = new DuplicateIndex(this.files);
  readonly passages = new PassageIndex(this.files);
  readonly nearPassages = new NearPassageIndex(this.files, (uri) => this.passages.incremental.getSummary(uri) ?? []);
  readonly sources = new SourceIndex(this.files);
  readonly entities = new EntityIndex(this.files);
  readonly related = new RelatedReleaseIndex(this.files, (uri) => this.entities.getFileEntities(uri));

  /** Every derived index, for the background scheduler and progress reports. */
  get derivedIndexes(): readonly IncrementalIndex<unknown>[] {
    return [
      this.duplicates.incremental,
      this.sources.incremental,
      this.passages.incremental,
      this.nearPassages.incremental,
      this.entities.incremental,
      this.related.incremental,
    ] as IncrementalIndex<unknown>[];
  }

  findOverBudget(uri: string): OverBudget[] {
    return this.derivedIndexes.flatMap((index) => index.getOverBudget(uri) ?? []);
  }
}
