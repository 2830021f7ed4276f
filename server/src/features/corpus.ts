// The corpus and everything derived from it, in one object: the files (parse results per file) and the
// corpus-wide indexes, each kept in step by the one incremental mechanism (incremental.ts). Features take a
// `CorpusView` — the read side — for the duration of one request: nothing in a request changes the files.

import { CorpusIndex } from './corpusIndex';
import { DuplicateIndex } from './duplicateIndex';
import { EntityIndex } from './entityIndex';
import { IncrementalIndex } from './incremental';
import { PassageIndex } from './passageIndex';
import { SourceIndex } from './sourceIndex';

export interface CorpusView {
  readonly files: Pick<CorpusIndex, 'getFile' | 'getFiles' | 'size' | 'generation'>;
  readonly duplicates: Pick<DuplicateIndex, 'findDuplicatesInFile'>;
  readonly passages: Pick<PassageIndex, 'findRepeatedRuns'>;
  readonly sources: Pick<SourceIndex, 'getMostCommonSource'>;
  readonly entities: Omit<EntityIndex, 'setKnowledgeBase' | 'summarise' | 'add' | 'remove' | 'afterUpdate' | 'incremental'>;
}

export class Corpus implements CorpusView {
  readonly files = new CorpusIndex();
  readonly duplicates = new DuplicateIndex(this.files);
  readonly passages = new PassageIndex(this.files);
  readonly sources = new SourceIndex(this.files);
  readonly entities = new EntityIndex(this.files);

  /** Every derived index, for the background scheduler and progress reports. */
  get derivedIndexes(): readonly IncrementalIndex<unknown>[] {
    return [this.duplicates.incremental, this.sources.incremental, this.passages.incremental, this.entities.incremental] as IncrementalIndex<unknown>[];
  }
}
