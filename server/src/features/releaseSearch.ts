// Finding releases across the whole corpus by a typed query (workspace symbols, the CLI, the benchmark).

import { Release } from '../corpus/model';
import { CorpusIndex } from './corpusIndex';

export interface ReleaseHit {
  readonly uri: string;
  readonly release: Release;
  readonly releaseIndex: number;
}

/**
 * Releases whose title holds the query's characters in order (case-insensitive), as editors' symbol pickers
 * match; an empty query lists every release. Stops after `limit` hits.
 */
export function findReleases(index: CorpusIndex, query: string, limit: number): ReleaseHit[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const hits: ReleaseHit[] = [];
  for (const file of index.getFiles()) {
    for (let releaseIndex = 0; releaseIndex < file.parsed.releases.length; releaseIndex++) {
      const release = file.parsed.releases[releaseIndex];
      if (!matchesInOrder(release.title.toLowerCase(), wanted)) continue;
      hits.push({ uri: file.uri, release, releaseIndex });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

function matchesInOrder(text: string, wanted: string): boolean {
  let at = 0;
  for (const ch of wanted) {
    at = text.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
