// All corpus problems of one file: what parsing found, plus what only the whole corpus can tell (duplicates),
// each with its obvious fixes attached (quickFixes.ts).

import { Problem } from '../corpus/model';
import { getUriBaseName } from './uris';
import { CorpusView } from './corpus';
import { attachQuickFixes } from './quickFixes';

export function computeFileProblems(corpus: CorpusView, uri: string): Problem[] {
  const file = corpus.files.getFile(uri);
  if (!file) return [];
  const duplicates = corpus.duplicates.findDuplicatesInFile(uri).map(({ releaseIndex, copy }): Problem => {
    const where = copy.uri === uri ? 'in this file' : `in ${getUriBaseName(copy.uri)}`;
    const otherTitle = corpus.files.getFile(copy.uri)?.parsed.releases[copy.releaseIndex]?.title ?? '';
    return {
      code: 'release.duplicate',
      severity: 'warning',
      message: `This release has the same ${copy.kind} as “${otherTitle}” ${where}.`,
      span: file.parsed.releases[releaseIndex].titleSpans[0],
      releaseIndex,
    };
  });
  return attachQuickFixes(corpus, file, [...file.parsed.problems, ...duplicates]);
}
