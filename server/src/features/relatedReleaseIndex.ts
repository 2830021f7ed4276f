// What each release is about, for finding related releases: the events, places and people its title and lead
// paragraph name, and its date. Each file's facets are computed once per file version from the file's own
// entity mentions; the corpus-wide postings facet → releases are updated from that file's old and new facets
// only, so finding the releases that share a facet reads postings, never the corpus.

import { FileEntities, Mention } from '../corpus/entities/entityModel';
import { Release, Span } from '../corpus/model';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { runToEnd } from '../corpus/entities/steps';
import { HiddenRows } from './hiddenRows';
import { IncrementalIndex } from './incremental';
import { DerivedIndex, TableFiles } from './derivedIndex';
import { decodeMultimap, encodeMultimap, SnapshotTable, StoredMultimap } from './multimapSnapshot';

export type FacetKind = 'event' | 'place' | 'speaker';

export interface Facet {
  readonly kind: FacetKind;
  /** The entity key as the file resolves it (`event:jeju forum`). */
  readonly key: string;
  /** The name as this release writes it. */
  readonly name: string;
}

export interface ReleaseFacets {
  readonly uri: string;
  readonly releaseIndex: number;
  readonly date?: string;
  readonly facets: readonly Facet[];
  /** Distinct lower-case words of the title, for finding a release a text names ("my speech to the Rada"). */
  readonly titleWords: readonly string[];
}

/** A posting longer than this names something too common to tell releases apart (NATO's own Secretary General). */
const MAX_POSTING = 200;

type FileEntitiesSource = (uri: string) => FileEntities | undefined;

/** Releases per piece of a summary in pieces (incremental.ts): a few milliseconds' work. */
const RELEASES_PER_PIECE = 32;
/** Mentions grouped by release per piece. */
const MENTIONS_PER_PIECE = 2_000;

export class RelatedReleaseIndex implements DerivedIndex<readonly ReleaseFacets[]> {
  readonly name = 'related releases';
  readonly incremental: IncrementalIndex<readonly ReleaseFacets[]>;
  private readonly postings = new Map<string, Set<ReleaseFacets>>();
  /** A big file's releases on their way into the postings in pieces, or out of them, that answers do not read yet or any more. */
  private readonly hidden = new HiddenRows<ReleaseFacets>();

  constructor(
    corpus: CorpusIndex,
    private readonly getFileEntities: FileEntitiesSource,
  ) {
    this.incremental = new IncrementalIndex(corpus, this);
  }

  getFacets(uri: string, releaseIndex: number): ReleaseFacets | undefined {
    return this.incremental.getSummary(uri)?.[releaseIndex];
  }

  /** Releases sharing a facet, the day or an adjacent day with this one (postings too long to tell are skipped). */
  findCandidates(release: ReleaseFacets): Set<ReleaseFacets> {
    this.incremental.refresh();
    const candidates = new Set<ReleaseFacets>();
    for (const key of getPostingKeys(release, true)) {
      const posting = this.postings.get(key);
      if (posting && this.countVisible(posting) <= MAX_POSTING) posting.forEach((other) => this.hidden.isVisible(other) && candidates.add(other));
    }
    candidates.delete(release);
    return candidates;
  }

  /** Releases whose title holds every one of the words (lower case), read from the shortest posting. */
  findReleasesByTitleWords(words: readonly string[]): ReleaseFacets[] {
    this.incremental.refresh();
    const postings = words.map((word) => this.postings.get(`title:${word}`) ?? new Set<ReleaseFacets>()).sort((a, b) => a.size - b.size);
    if (postings.length === 0 || this.countVisible(postings[0]) > MAX_POSTING) return [];
    return [...postings[0]].filter((release) => this.hidden.isVisible(release) && postings.every((posting) => posting.has(release)));
  }

  /** A posting's size as answers read it (counted up to one past MAX_POSTING while a big file's releases are hidden). */
  private countVisible(posting: ReadonlySet<ReleaseFacets>): number {
    return this.hidden.countVisible(posting, posting.size, MAX_POSTING + 1);
  }

  summarise(file: CorpusFile, previous?: readonly ReleaseFacets[]): readonly ReleaseFacets[] {
    return runToEnd(this.summariseInSteps(file, previous));
  }

  /**
   * In pieces of RELEASES_PER_PIECE releases. A release whose facets are those `previous` gave it keeps that
   * object, so an edit's summary takes the places of the few releases it changed only (`replaceInSteps`).
   */
  *summariseInSteps(file: CorpusFile, previous?: readonly ReleaseFacets[]): Generator<void, readonly ReleaseFacets[], void> {
    const mentions = this.getFileEntities(file.uri)?.mentions ?? [];
    const aliases = this.getFileEntities(file.uri)?.personAliases ?? new Map<string, string>();
    // Mentions grouped by release once: one pass, not one pass over the file's mentions per release.
    const byRelease = file.parsed.releases.map((): Mention[] => []);
    let grouped = 0;
    for (const mention of mentions) {
      byRelease[mention.releaseIndex]?.push(mention);
      if (++grouped % MENTIONS_PER_PIECE === 0) yield;
    }
    const summary: ReleaseFacets[] = [];
    for (const [releaseIndex, release] of file.parsed.releases.entries()) {
      const facets = new Map<string, Facet>();
      for (const mention of byRelease[releaseIndex]) {
        const kind = getFacetKind(release, mention);
        const key = aliases.get(mention.key) ?? mention.key;
        if (kind && !facets.has(key)) facets.set(key, { kind, key, name: file.text.slice(mention.span.start, mention.span.end) });
      }
      const facetsOfRelease: ReleaseFacets = {
        uri: file.uri,
        releaseIndex,
        date: release.date?.iso,
        facets: [...facets.values()],
        titleWords: getTitleWords(release.title),
      };
      const before = previous?.[releaseIndex];
      summary.push(before && isSameRelease(before, facetsOfRelease) ? before : facetsOfRelease);
      if ((releaseIndex + 1) % RELEASES_PER_PIECE === 0) yield;
    }
    return summary;
  }

  /** A big file's releases in pieces: answers meanwhile read the file's old facets, then its new ones. */
  *replaceInSteps(
    _uri: string,
    before: readonly ReleaseFacets[] | undefined,
    after: readonly ReleaseFacets[],
    publish: () => void,
  ): Generator<void, void, void> {
    yield* this.hidden.replaceInSteps(
      before ?? [],
      after,
      (release) => this.post(release),
      (release) => this.unpost(release),
      publish,
    );
  }

  add(_uri: string, releases: readonly ReleaseFacets[]): void {
    for (const release of releases) this.post(release);
  }

  /** The postings in a snapshot (engine/tableSnapshot.ts): each posting's releases as their places among the files' releases. */
  encodeTables({ summaries }: TableFiles<readonly ReleaseFacets[]>): StoredMultimap<string> {
    return encodeMultimap(this.postingTable, summaries.flat(), true);
  }

  decodeTables(data: unknown, { summaries }: TableFiles<readonly ReleaseFacets[]>): boolean {
    return decodeMultimap(data, this.postingTable, summaries.flat(), (key): key is string => typeof key === 'string');
  }

  private get postingTable(): SnapshotTable<string, ReleaseFacets> {
    const postings = this.postings;
    return {
      forEachKey: (callback) => postings.forEach((releases, key) => callback(key, releases)),
      add: (key, release) => postings.set(key, new Set([release])),
      setValues: (key, releases) => postings.set(key, new Set(releases)),
    };
  }

  remove(_uri: string, releases: readonly ReleaseFacets[]): void {
    for (const release of releases) this.unpost(release);
  }

  /** The release into the posting of each of its keys; how many. */
  private post(release: ReleaseFacets): number {
    const keys = getPostingKeys(release, false);
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (posting) posting.add(release);
      else this.postings.set(key, new Set([release]));
    }
    return keys.length;
  }

  private unpost(release: ReleaseFacets): number {
    const keys = getPostingKeys(release, false);
    for (const key of keys) {
      const posting = this.postings.get(key)!;
      posting.delete(release);
      if (posting.size === 0) this.postings.delete(key);
    }
    return keys.length;
  }
}

/**
 * A release is about the events and places its title or lead paragraph names, and spoken by the people its
 * title names; a name further down (the next summit, a city in passing) says little about what it is.
 */
function getFacetKind(release: Release, mention: Mention): FacetKind | undefined {
  const inTitle = release.titleSpans.some((span) => contains(span, mention.span));
  const inLead = release.paragraphs.length > 0 && contains(release.paragraphs[0], mention.span);
  if (mention.kind === 'event' && (inTitle || inLead)) return 'event';
  if (mention.kind === 'place' && (inTitle || inLead)) return 'place';
  // Named people only: a role alone ("Secretary General") or a capitalised word that may be a name is no speaker.
  if (mention.kind === 'person' && inTitle && (mention.form === 'name' || mention.form === 'surname')) return 'speaker';
  return undefined;
}

/** Whether two summaries of a release say the same of it (then the older object stays in the postings). */
function isSameRelease(a: ReleaseFacets, b: ReleaseFacets): boolean {
  const sameFacet = (facet: Facet, i: number) => facet.kind === b.facets[i].kind && facet.key === b.facets[i].key && facet.name === b.facets[i].name;
  return (
    a.uri === b.uri &&
    a.releaseIndex === b.releaseIndex &&
    a.date === b.date &&
    a.facets.length === b.facets.length &&
    a.facets.every(sameFacet) &&
    a.titleWords.length === b.titleWords.length &&
    a.titleWords.every((word, i) => word === b.titleWords[i])
  );
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Distinct lower-case words of a title (letters, digits, inner hyphens and apostrophes). */
export function getTitleWords(title: string): string[] {
  return [...new Set(title.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [])];
}

/** The posting keys of a release: its facets, its title words and its date (with the days either side, when looking up). */
function getPostingKeys(release: ReleaseFacets, withAdjacentDays: boolean): string[] {
  const keys = release.facets.map((facet) => facet.key);
  if (!withAdjacentDays) keys.push(...release.titleWords.map((word) => `title:${word}`));
  if (release.date) keys.push(...(withAdjacentDays ? [-1, 0, 1].map((d) => `date:${shiftDay(release.date!, d)}`) : [`date:${release.date}`]));
  return keys;
}

export function shiftDay(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
