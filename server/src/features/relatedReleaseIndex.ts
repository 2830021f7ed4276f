// What each release is about, for finding related releases: the events, places and people its title and lead
// paragraph name, and its date. Each file's facets are computed once per file version from the file's own
// entity mentions; the corpus-wide postings facet → releases are updated from that file's old and new facets
// only, so finding the releases that share a facet reads postings, never the corpus.

import { FileEntities, Mention } from '../corpus/entities/entityModel';
import { Release, Span } from '../corpus/model';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { runToEnd } from '../corpus/entities/steps';
import { DerivedIndex, IncrementalIndex } from './incremental';

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

export class RelatedReleaseIndex implements DerivedIndex<readonly ReleaseFacets[]> {
  readonly name = 'related releases';
  readonly incremental: IncrementalIndex<readonly ReleaseFacets[]>;
  private readonly postings = new Map<string, Set<ReleaseFacets>>();

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
      if (posting && posting.size <= MAX_POSTING) posting.forEach((other) => candidates.add(other));
    }
    candidates.delete(release);
    return candidates;
  }

  /** Releases whose title holds every one of the words (lower case), read from the shortest posting. */
  findReleasesByTitleWords(words: readonly string[]): ReleaseFacets[] {
    this.incremental.refresh();
    const postings = words.map((word) => this.postings.get(`title:${word}`) ?? new Set<ReleaseFacets>()).sort((a, b) => a.size - b.size);
    if (postings.length === 0 || postings[0].size > MAX_POSTING) return [];
    return [...postings[0]].filter((release) => postings.every((posting) => posting.has(release)));
  }

  summarise(file: CorpusFile): readonly ReleaseFacets[] {
    return runToEnd(this.summariseInSteps(file));
  }

  /** In pieces of RELEASES_PER_PIECE releases. */
  *summariseInSteps(file: CorpusFile): Generator<void, readonly ReleaseFacets[], void> {
    const mentions = this.getFileEntities(file.uri)?.mentions ?? [];
    const aliases = this.getFileEntities(file.uri)?.personAliases ?? new Map<string, string>();
    // Mentions grouped by release once: one pass, not one pass over the file's mentions per release.
    const byRelease = file.parsed.releases.map((): Mention[] => []);
    for (const mention of mentions) byRelease[mention.releaseIndex]?.push(mention);
    const summary: ReleaseFacets[] = [];
    for (const [releaseIndex, release] of file.parsed.releases.entries()) {
      const facets = new Map<string, Facet>();
      for (const mention of byRelease[releaseIndex]) {
        const kind = getFacetKind(release, mention);
        const key = aliases.get(mention.key) ?? mention.key;
        if (kind && !facets.has(key)) facets.set(key, { kind, key, name: file.text.slice(mention.span.start, mention.span.end) });
      }
      summary.push({ uri: file.uri, releaseIndex, date: release.date?.iso, facets: [...facets.values()], titleWords: getTitleWords(release.title) });
      if ((releaseIndex + 1) % RELEASES_PER_PIECE === 0) yield;
    }
    return summary;
  }

  add(_uri: string, releases: readonly ReleaseFacets[]): void {
    for (const release of releases) {
      for (const key of getPostingKeys(release, false)) {
        const posting = this.postings.get(key);
        if (posting) posting.add(release);
        else this.postings.set(key, new Set([release]));
      }
    }
  }

  remove(_uri: string, releases: readonly ReleaseFacets[]): void {
    for (const release of releases) {
      for (const key of getPostingKeys(release, false)) {
        const posting = this.postings.get(key)!;
        posting.delete(release);
        if (posting.size === 0) this.postings.delete(key);
      }
    }
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
