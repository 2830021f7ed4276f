// All corpus problems of one file: what parsing found, plus what only the whole corpus can tell (duplicates).

import { Problem } from '../corpus/model';
import { CorpusIndex } from './corpusIndex';

export function computeFileProblems(index: CorpusIndex, uri: string): Problem[] {
  const file = index.getFile(uri);
  if (!file) return [];
  const duplicates = file.parsed.releases.flatMap((release, releaseIndex): Problem[] => {
    return index.findDuplicatesOf(uri, releaseIndex).map((copy): Problem => {
      const where = copy.uri === uri ? 'in this file' : `in ${copy.uri.slice(copy.uri.lastIndexOf('/') + 1)}`;
      const otherTitle = index.getFile(copy.uri)?.parsed.releases[copy.releaseIndex]?.title ?? '';
      return {
        code: 'release.duplicate',
        severity: 'warning',
        message: `This release has the same ${copy.kind} as “${otherTitle}” ${where}.`,
        span: release.titleSpans[0],
        releaseIndex,
      };
    });
  });
  return [...file.parsed.problems, ...duplicates];
}

let mostCommonSource: { generation: number; name: string | undefined } | undefined;

/**
 * The source most releases state, for the "insert a Source line" fix; undefined in a corpus without any.
 * Counted once per corpus generation: editors ask for code actions on every cursor move.
 */
export function getMostCommonSource(index: CorpusIndex): string | undefined {
  if (mostCommonSource?.generation !== index.generation) {
    mostCommonSource = { generation: index.generation, name: countMostCommonSource(index) };
  }
  return mostCommonSource.name;
}

function countMostCommonSource(index: CorpusIndex): string | undefined {
  const counts = new Map<string, number>();
  for (const file of index.getFiles()) {
    for (const release of file.parsed.releases) {
      if (release.source) counts.set(release.source.name, (counts.get(release.source.name) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
