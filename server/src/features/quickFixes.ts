// Fixes for corpus problems whose fix is obvious, as text edits in corpus words (offsets), attached to the
// problems themselves: the editor's code action and the CLI read them from the problem, never look it up again.

import { Boilerplate, Problem, ProblemFix, Span } from '../corpus/model';
import { WHITE_SPACE } from '../corpus/text';
import { CorpusView } from './corpus';
import { CorpusFile } from './corpusIndex';
import { getRelease } from './releaseRuns';

export function attachQuickFixes(corpus: CorpusView, file: CorpusFile, problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => {
    const fixes = computeFixes(corpus, file, problem);
    return fixes.length ? { ...problem, fixes } : problem;
  });
}

function computeFixes(corpus: CorpusView, file: CorpusFile, problem: Problem): ProblemFix[] {
  if (problem.code === 'release.missing-source') {
    const release = getRelease(file.parsed, problem.releaseIndex ?? -1);
    if (!release?.titleSpans.length) return [];
    const source = corpus.sources.getMostCommonSource() ?? 'Unknown';
    const titleEnd = release.titleSpans[release.titleSpans.length - 1].end;
    return [
      {
        title: `Insert “Source: ${source}” after the title`,
        edits: [{ span: { start: titleEnd, end: titleEnd }, newText: `\n\nSource: ${source}` }],
        preferred: true,
      },
    ];
  }
  if (problem.code === 'release.boilerplate') {
    // The release's own chrome, or the file's before its first title: never every release's (a keystroke's cost).
    const candidates = problem.releaseIndex === undefined ? file.parsed.boilerplate : (getRelease(file.parsed, problem.releaseIndex)?.boilerplate ?? []);
    const chrome = candidates.find((b) => b.span.start === problem.span.start);
    return chrome
      ? [{ title: `Delete the web page chrome “${chrome.text}”`, edits: [{ span: getChromeDeletionSpan(file.text, chrome), newText: '' }], preferred: true }]
      : [];
  }
  return [];
}

/** The chrome block with the blank lines after it (or before it, at the end of the file), so no gap is left. */
function getChromeDeletionSpan(text: string, chrome: Boilerplate): Span {
  let end = chrome.span.end;
  while (end < text.length && WHITE_SPACE.test(text[end])) end++;
  if (end < text.length) return { start: chrome.span.start, end };
  let start = chrome.span.start;
  while (start > 0 && WHITE_SPACE.test(text[start - 1])) start--;
  return { start, end };
}
