// Fixes for corpus problems whose fix is obvious, as text edits in corpus words (offsets), attached to the
// problems themselves: the editor's code action and the CLI read them from the problem, never look it up again.

import { Boilerplate, Problem, ProblemFix, Span } from '../corpus/model';
import { WHITE_SPACE } from '../corpus/text';
import { CorpusView } from './corpus';
import { CorpusFile, getFileContent } from './corpusIndex';
import { ReadableText } from './pieceText';
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
      ? [
          {
            title: `Delete the web page chrome “${chrome.text}”`,
            edits: [{ span: getChromeDeletionSpan(getFileContent(file), chrome), newText: '' }],
            preferred: true,
          },
        ]
      : [];
  }
  return [];
}

/** The chrome block with the blank lines after it (or before it, at the end of the file), so no gap is left. */
function getChromeDeletionSpan(text: ReadableText, chrome: Boilerplate): Span {
  const end = skipWhiteSpace(text, chrome.span.end, 1);
  if (end < text.length) return { start: chrome.span.start, end };
  return { start: skipWhiteSpace(text, chrome.span.start, -1), end };
}

/** Where the white space from `at` on (step 1) or before it (step -1) ends, read a short slice at a time. */
function skipWhiteSpace(text: ReadableText, at: number, step: 1 | -1): number {
  const SLICE = 256;
  for (;;) {
    const part = step > 0 ? text.slice(at, at + SLICE) : text.slice(Math.max(0, at - SLICE), at);
    let skipped = 0;
    while (skipped < part.length && WHITE_SPACE.test(part[step > 0 ? skipped : part.length - 1 - skipped])) skipped++;
    at += step * skipped;
    if (skipped < SLICE) return at;
  }
}
