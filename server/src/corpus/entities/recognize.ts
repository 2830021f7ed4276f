// Entity recognition of one corpus file: which spans to read (titles, paragraphs, transcript turns; not
// captions or web chrome), pass one per span (mentions.ts), pass two over the file (aliases.ts).

import { ParsedCorpusFile, Release, Span } from '../model';
import { SpeakerFact, resolveFileFindings } from './aliases';
import { FileEntities } from './entityModel';
import { findInSegment, Finding, Segment } from './mentions';

/** Recognises the mentions of the given spans of a text; the spans need not be releases (tests, other tools). */
export function recognizeMentions(text: string, segments: readonly Segment[], speakers: readonly SpeakerFact[] = []): FileEntities {
  // Concatenated, not pushed with a spread: a spread passes every finding as an argument, and a segment with
  // more findings than the call stack has room for would throw.
  const findings: Finding[] = segments.flatMap((segment) => findInSegment(text, segment));
  return resolveFileFindings(findings, speakers);
}

/** Recognises the mentions of every release of a parsed corpus file. */
export function computeFileEntities(text: string, parsed: ParsedCorpusFile): FileEntities {
  const segments: Segment[] = [];
  const speakers: SpeakerFact[] = [];
  parsed.releases.forEach((release, releaseIndex) => {
    for (const span of getReadSpans(release)) segments.push({ span, releaseIndex });
    for (const turn of release.turns) speakers.push(turn.speaker);
  });
  return recognizeMentions(text, segments, speakers);
}

/** The spans of a release that recognition reads, in text order: titles, paragraphs, turn labels. */
export function getReadSpans(release: Release): Span[] {
  return withoutNested([...release.titleSpans, ...release.paragraphs.map((p) => p.span), ...release.turns.map((t) => t.labelSpan)]);
}

/** Sorted spans with those inside another dropped: a turn's label may lie inside its paragraph. */
function withoutNested(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && span.start >= last.start && span.end <= last.end) continue;
    kept.push(span);
  }
  return kept;
}
