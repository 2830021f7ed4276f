// Finding releases across the whole corpus by a typed query (workspace symbols, the CLI, the benchmark).

import { Release } from '../corpus/model';
import { CorpusView } from './corpus';

export interface ReleaseHit {
  readonly uri: string;
  readonly release: Release;
  readonly releaseIndex: number;
}

/**
 * Releases whose title holds every word of the query (case-insensitive, anywhere in the title), or whose
 * words start with the query's letters in order ("cnmc" → "Chair of NATO Military Committee …"); an empty
 * query lists every release. Stops after `limit` hits. Editors rank and filter the answer further.
 */
export function findReleases(corpus: CorpusView, query: string, limit: number): ReleaseHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits: ReleaseHit[] = [];
  for (const file of corpus.files.getFiles()) {
    for (let releaseIndex = 0; releaseIndex < file.parsed.releases.length; releaseIndex++) {
      const release = file.parsed.releases[releaseIndex];
      if (!matchesTitle(release.title.toLowerCase(), words)) continue;
      hits.push({ uri: file.uri, release, releaseIndex });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

function matchesTitle(title: string, words: readonly string[]): boolean {
  if (words.every((word) => title.includes(word))) return true;
  return words.length === 1 && isInitialsOf(words[0], title);
}

function isInitialsOf(letters: string, title: string): boolean {
  const initials = title
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word[0])
    .join('');
  let at = 0;
  for (const letter of letters) {
    at = initials.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return letters.length >= 2;
}
