// All corpus problems of one file: what parsing found, plus what only the whole corpus can tell (duplicates),
// each with its obvious fixes attached (quickFixes.ts).

import { Problem } from '../corpus/model';
import { getUriBaseName } from './uris';
import { CorpusView } from './corpus';
import { CorpusFile } from './corpusIndex';
import { attachQuickFixes } from './quickFixes';

export function computeFileProblems(corpus: CorpusView, uri: string): Problem[] {
  const file = corpus.files.getFile(uri);
  return file ? attachQuickFixes(corpus, file, findProblemsWithoutFixes(corpus, file)) : [];
}

/** Files, releases and problems of the whole corpus, as the status bar and the CLI's summary count them. */
export function countCorpus(corpus: CorpusView): { files: number; releases: number; problems: number } {
  let releases = 0;
  let problems = 0;
  for (const file of corpus.files.getFiles()) {
    releases += file.parsed.releases.length;
    problems += findProblemsWithoutFixes(corpus, file).length;
  }
  return { files: corpus.files.size, releases, problems };
}

/** The problems of one file, without their fixes (counting and filtering need no fixes). */
export function findProblemsWithoutFixes(corpus: CorpusView, file: CorpusFile): Problem[] {
  const { uri } = file;
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
  const overBudget = corpus.findOverBudget(uri).map((skipped): Problem => ({
    code: 'file.over-budget',
    severity: 'warning',
    message: `Computing ${skipped.index} for this file took ${(skipped.ms / 1000).toFixed(1)} s, more than its budget of ${(skipped.budgetMs / 1000).toFixed(1)} s; Press Corpus no longer computes ${skipped.index} for it, so the editor stays responsive.`,
    span: { start: 0, end: 0 },
  }));
  return [...file.parsed.problems, ...duplicates, ...overBudget];
}
