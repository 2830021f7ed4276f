// Cross-references between passages: the places where the corpus says the same thing, verbatim or near-
// verbatim, earliest release first. Reads the verbatim and near-verbatim passage indexes; a stock phrase (a
// line too many releases carry) is no cross-reference. Plain data in corpus words; the LSP layer converts it.

import { Release, Span } from '../corpus/model';
import { CorpusView } from './corpus';
import { PassageOccurrence, Sentence, STOCK_MIN_RELEASES } from './passageIndex';

export type PassageMatchKind = 'verbatim' | 'near';

export interface PassageMatch extends PassageOccurrence {
  readonly match: PassageMatchKind;
  readonly title: string;
  /** ISO date of the release, when it has one. */
  readonly date?: string;
}

export interface RecurringPassage {
  /** This occurrence (the sentence under the cursor). */
  readonly here: PassageMatch;
  /** The other occurrences, earliest release first (release date, then corpus order). */
  readonly elsewhere: readonly PassageMatch[];
}

/** The recurring passage at the offset, or undefined when the sentence there is said once or is a stock phrase. */
export function findRecurringPassageAt(view: CorpusView, uri: string, offset: number): RecurringPassage | undefined {
  const sentence = view.passages.getSentenceAt(uri, offset);
  return sentence && findRecurringPassage(view, sentence);
}

/** The sentence's other occurrences, or undefined when it is said once or is a stock phrase. */
export function findRecurringPassage(view: CorpusView, sentence: Sentence): RecurringPassage | undefined {
  if (view.passages.isStockPhrase(sentence)) return undefined;
  const found = new Map<string, PassageMatch>();
  const add = (occurrence: PassageOccurrence, match: PassageMatchKind) => {
    const key = `${occurrence.uri}#${occurrence.span.start}`;
    const release = getRelease(view, occurrence);
    if (!found.has(key) && release) found.set(key, toMatch(occurrence, match, release));
  };
  view.passages.findVerbatimCopies(sentence).forEach((occurrence) => add(occurrence, 'verbatim'));
  view.nearPassages.findNearCopies(sentence.uri, sentence.span).forEach(({ sentence: near }) => add(near, 'near'));
  const release = getRelease(view, sentence);
  if (found.size === 0 || !release || countReleases([sentence, ...found.values()]) >= STOCK_MIN_RELEASES) return undefined;
  return { here: toMatch(sentence, 'verbatim', release), elsewhere: [...found.values()].sort(compareEarliestFirst) };
}

/** Every occurrence, this one included, earliest release first. */
export function getAllOccurrences(passage: RecurringPassage): PassageMatch[] {
  return [passage.here, ...passage.elsewhere].sort(compareEarliestFirst);
}

/** Other occurrences of the passage in the same file, for document highlights. */
export function getOccurrencesInFile(passage: RecurringPassage): Span[] {
  return getAllOccurrences(passage)
    .filter((m) => m.uri === passage.here.uri)
    .map((m) => m.span);
}

/** Release date first (undated releases last), then corpus order: file, release, offset. */
function compareEarliestFirst(a: PassageMatch, b: PassageMatch): number {
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? -1 : 1;
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.releaseIndex - b.releaseIndex || a.span.start - b.span.start;
}

function countReleases(occurrences: readonly PassageOccurrence[]): number {
  return new Set(occurrences.map((o) => `${o.uri}#${o.releaseIndex}`)).size;
}

function getRelease(view: CorpusView, occurrence: PassageOccurrence): Release | undefined {
  return view.files.getFile(occurrence.uri)?.parsed.releases[occurrence.releaseIndex];
}

function toMatch(occurrence: PassageOccurrence, match: PassageMatchKind, release: Release): PassageMatch {
  const { uri, releaseIndex, span } = occurrence;
  return { uri, releaseIndex, span, match, title: release.title, date: release.date?.iso };
}
