// Sentences of a paragraph, for finding passages that releases repeat. Speeches keep one sentence per line;
// news text runs several per line, cut after . ! ? … (and closing quotes) before a capital or an opening quote.

import { Span } from './model';
import { trimSpan } from './text';

// Not after titles and abbreviations that take a full stop: "Mr. Stoltenberg", "Washington, D.C. in July".
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Adm|Lt|Col|Sgt|Maj|Capt|Prof|No|Vol|vs|U\.S|U\.K|D\.C|[A-Z]))[.!?…]["”’')\]]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;

/** Passage-worthy sentences (six words or more) inside the span, as trimmed spans. */
export function findSentences(text: string, span: Span, minWords = 6): Span[] {
  const sentences: Span[] = [];
  const body = text.slice(span.start, span.end);
  let lineStart = 0;
  for (const line of body.split(/\r\n|\r|\n/)) {
    let start = 0;
    for (const end of [...[...line.matchAll(SENTENCE_END)].map((m) => m.index! + m[0].trimEnd().length), line.length]) {
      const sentence = trimSpan(text, span.start + lineStart + start, span.start + lineStart + end);
      if (hasAtLeastWords(text, sentence, minWords)) sentences.push(sentence);
      start = end;
    }
    lineStart += line.length + (body.startsWith('\r\n', lineStart + line.length) ? 2 : 1);
  }
  return sentences;
}

function hasAtLeastWords(text: string, span: Span, words: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const isSpace = text.charCodeAt(i) <= 0x20 || text.charCodeAt(i) === 0xa0;
    if (!isSpace && !inWord && ++count >= words) return true;
    inWord = !isSpace;
  }
  return false;
}
