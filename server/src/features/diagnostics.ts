// All corpus problems of one file: what parsing found, plus what only the whole corpus can tell (duplicates),
// each with its obvious fixes attached (quickFixes.ts).

import { Problem } from '../corpus/model';
import { getUriBaseName } from './uris';
import { CorpusView } from './corpus';
import { CorpusFile } from './corpusIndex';
import { attachQuickFixes } from './quickFixes';
import { countReleases, getRelease } from './releaseRuns';

export function computeFileProblems(corpus: CorpusView, uri: string): Problem[] {
  const file = corpus.files.getFile(uri);
  return file ? attachQuickFixes(corpus, file, findProblemsWithoutFixes(corpus, file)) : [];
}

/**
 * Files, releases and problems of the whole corpus, as the status bar and the CLI's summary count them. Kept per
 * file: only files whose problems may read differently (told through `invalidate`) are counted again.
 */
export class CorpusCounts {
  private readonly byUri = new Map<string, { releases: number; problems: number }>();
  private readonly stale = new Set<string>();
  private releases = 0;
  private problems = 0;

  constructor(private readonly corpus: CorpusView) {
    for (const file of corpus.files.getFiles()) this.stale.add(file.uri);
  }

  /** The files changed, or their problems may read differently (a copy of one of their releases changed). */
  invalidate(uris: Iterable<string>): void {
    for (const uri of uris) this.stale.add(uri);
  }

  count(): { files: number; releases: number; problems: number } {
    for (const uri of this.stale) {
      const old = this.byUri.get(uri);
      if (old) {
        this.releases -= old.releases;
        this.problems -= old.problems;
        this.byUri.delete(uri);
      }
      const file = this.corpus.files.getFile(uri);
      if (!file) continue;
      const counts = { releases: countReleases(file.parsed), problems: findProblemsWithoutFixes(this.corpus, file).length };
      this.byUri.set(uri, counts);
      this.releases += counts.releases;
      this.problems += counts.problems;
    }
    this.stale.clear();
    return { files: this.corpus.files.size, releases: this.releases, problems: this.problems };
  }
}

/** The problems of one file, without their fixes (counting and filtering need no fixes). */
export function findProblemsWithoutFixes(corpus: CorpusView, file: CorpusFile): Problem[] {
  const { uri } = file;
  const duplicates = corpus.duplicates.findDuplicatesInFile(uri).map(({ releaseIndex, copy }): Problem => {
    const where = copy.uri === uri ? 'in this file' : `in ${getUriBaseName(copy.uri)}`;
    const other = corpus.files.getFile(copy.uri);
    const otherTitle = (other && getRelease(other.parsed, copy.releaseIndex)?.title) ?? '';
    return {
      code: 'release.duplicate',
      severity: 'warning',
      message: `This release has the same ${copy.kind} as “${otherTitle}” ${where}.`,
      span: getRelease(file.parsed, releaseIndex)!.titleSpans[0],
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
