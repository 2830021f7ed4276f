// Fixes for corpus problems whose fix is obvious, as text edits in corpus words (offsets).

import { Boilerplate, Span } from '../corpus/model';
import { WHITE_SPACE } from '../corpus/text';
import { CorpusIndex } from './corpusIndex';
import { getMostCommonSource } from './diagnostics';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

/** The fixes for the problem with this code at this span of the file, if it has an obvious one. */
export function computeQuickFixes(index: CorpusIndex, uri: string, code: string, span: Span): QuickFix[] {
  const file = index.getFile(uri);
  if (!file) return [];
  if (code === 'release.missing-source') {
    const release = file.parsed.releases.find((r) => r.titleSpans[0].start === span.start);
    if (!release) return [];
    const source = getMostCommonSource(index) ?? 'Unknown';
    const titleEnd = release.titleSpans[release.titleSpans.length - 1].end;
    return [{ title: `Insert “Source: ${source}” after the title`, edits: [{ span: { start: titleEnd, end: titleEnd }, newText: `\n\nSource: ${source}` }], preferred: true }];
  }
  if (code === 'release.boilerplate') {
    const chrome = [...file.parsed.boilerplate, ...file.parsed.releases.flatMap((r) => r.boilerplate)].find((b) => b.span.start === span.start);
    return chrome ? [{ title: `Delete the web page chrome “${chrome.text}”`, edits: [{ span: getChromeDeletionSpan(file.text, chrome), newText: '' }], preferred: true }] : [];
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
