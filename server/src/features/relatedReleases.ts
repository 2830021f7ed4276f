// Related releases: for one release, the releases that share passages, the event, the day (or an adjacent
// day), the speaker or the place with it, ranked by a score with the reasons spelled out ("same event: Jeju
// Forum · same day · 4 shared passages"). The weights and the minimum score are in docs/cross-references.md.

import { CorpusView } from './corpus';
import { findRecurringPassage } from './crossReferences';
import { Facet, FacetKind, ReleaseFacets, shiftDay } from './relatedReleaseIndex';

export interface RelatedRelease {
  readonly uri: string;
  readonly releaseIndex: number;
  readonly title: string;
  readonly date?: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

/** Points per reason. A shared passage weighs most: it is the corpus saying the same thing. */
const RELATED_WEIGHTS = { passage: 2, maxPassages: 8, event: 4, sameDay: 2, adjacentDay: 1, speaker: 1, place: 1 } as const;
/** Below this score two releases only share something common (a speaker, a city), not a subject. */
const MIN_RELATED_SCORE = 3;
const MAX_RELATED_RELEASES = 20;

const FACET_REASONS: Record<FacetKind, string> = { event: 'same event', speaker: 'same speaker', place: 'same place' };

/** Releases related to the file's release `releaseIndex`, best first. */
export function findRelatedReleases(view: CorpusView, uri: string, releaseIndex: number, limit = MAX_RELATED_RELEASES): RelatedRelease[] {
  const release = view.related.getFacets(uri, releaseIndex);
  if (!release) return [];
  const sharedPassages = countSharedPassages(view, release);
  const candidates = new Map<string, ReleaseFacets>();
  for (const other of view.related.findCandidates(release)) candidates.set(keyOf(other), other);
  for (const key of sharedPassages.keys()) {
    const [otherUri, index] = splitKey(key);
    const other = view.related.getFacets(otherUri, index);
    if (other) candidates.set(key, other);
  }
  const related: RelatedRelease[] = [];
  for (const [key, other] of candidates) {
    const { score, reasons } = scorePair(release, other, sharedPassages.get(key) ?? 0);
    const otherRelease = view.files.getFile(other.uri)?.parsed.releases[other.releaseIndex];
    if (score >= MIN_RELATED_SCORE && otherRelease)
      related.push({ uri: other.uri, releaseIndex: other.releaseIndex, title: otherRelease.title, date: other.date, score, reasons });
  }
  return related.sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.releaseIndex - b.releaseIndex)).slice(0, limit);
}

/** Answers kept at most: the titles of the files an analyst has open, many times over. */
const MAX_CACHED_ANSWERS = 5000;

/**
 * Related releases computed once per corpus generation: the title lens asks for every release of a file on each
 * redraw, and a long release costs a lookup per sentence. Any file change starts a new generation (the answers
 * read passages and facets of other files), so a kept answer is never stale.
 */
export class RelatedReleaseCache {
  private generation = -1;
  private readonly answers = new Map<string, RelatedRelease[]>();

  get(view: CorpusView, uri: string, releaseIndex: number): RelatedRelease[] {
    if (view.files.generation !== this.generation || this.answers.size >= MAX_CACHED_ANSWERS) {
      this.answers.clear();
      this.generation = view.files.generation;
    }
    const key = keyOf({ uri, releaseIndex });
    let related = this.answers.get(key);
    if (!related) this.answers.set(key, (related = findRelatedReleases(view, uri, releaseIndex)));
    return related;
  }
}

function scorePair(release: ReleaseFacets, other: ReleaseFacets, sharedPassages: number): { score: number; reasons: string[] } {
  let score = 0;
  const reasons: string[] = [];
  const sharedFacets = release.facets.filter((facet) => other.facets.some((o) => o.key === facet.key));
  const addFacets = (kind: FacetKind, weight: number) => {
    const shared = sharedFacets.filter((facet) => facet.kind === kind);
    if (shared.length === 0) return;
    score += weight * shared.length;
    reasons.push(`${FACET_REASONS[kind]}: ${shared.map((facet: Facet) => facet.name).join(', ')}`);
  };
  addFacets('event', RELATED_WEIGHTS.event);
  if (release.date && other.date === release.date) {
    score += RELATED_WEIGHTS.sameDay;
    reasons.push('same day');
  } else if (release.date && other.date && (other.date === shiftDay(release.date, -1) || other.date === shiftDay(release.date, 1))) {
    score += RELATED_WEIGHTS.adjacentDay;
    reasons.push(other.date < release.date ? 'the day before' : 'the day after');
  }
  if (sharedPassages > 0) {
    score += Math.min(RELATED_WEIGHTS.passage * sharedPassages, RELATED_WEIGHTS.maxPassages);
    reasons.push(`${sharedPassages} shared passage${sharedPassages === 1 ? '' : 's'}`);
  }
  addFacets('speaker', RELATED_WEIGHTS.speaker);
  addFacets('place', RELATED_WEIGHTS.place);
  return { score, reasons };
}

/** Sentences of the release that another release repeats (verbatim or near), counted per other release. */
function countSharedPassages(view: CorpusView, release: ReleaseFacets): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of view.passages.getSentences(release.uri, release.releaseIndex)) {
    const passage = findRecurringPassage(view, sentence);
    const others = new Set(passage?.elsewhere.map((match) => keyOf(match)));
    others.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  }
  return counts;
}

function keyOf(release: { uri: string; releaseIndex: number }): string {
  return `${release.releaseIndex}#${release.uri}`;
}

function splitKey(key: string): [string, number] {
  const hash = key.indexOf('#');
  return [key.slice(hash + 1), Number(key.slice(0, hash))];
}
