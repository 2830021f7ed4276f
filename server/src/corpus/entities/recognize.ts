// Entity recognition of one corpus file: which spans to read (titles, paragraphs, transcript turns; not
// captions or web chrome), pass one per span (mentions.ts), pass two over the file (aliases.ts).

import { ParsedCorpusFile, Release, Span } from '../model';
import { SpeakerFact, resolveFileFindings } from './aliases';
import { FileEntities, ReleaseContext } from './entityModel';
import { findInSegment, Finding, Segment } from './mentions';

/** Recognises the mentions of the given spans of a text; the spans need not be releases (tests, other tools). */
export function recognizeMentions(text: string, segments: readonly Segment[], speakers: readonly SpeakerFact[] = [], releases: readonly ReleaseContext[] = []): FileEntities {
  const findings: Finding[] = [];
  for (const segment of segments) findings.push(...findInSegment(text, segment));
  return resolveFileFindings(findings, speakers, releases);
}

/** Recognises the mentions of every release of a parsed corpus file. */
export function computeFileEntities(text: string, parsed: ParsedCorpusFile): FileEntities {
  const segments: Segment[] = [];
  const speakers: SpeakerFact[] = [];
  parsed.releases.forEach((release, releaseIndex) => {
    for (const span of getReadSpans(release)) segments.push({ span, releaseIndex });
    for (const turn of release.turns) speakers.push(turn.speaker);
  });
  return recognizeMentions(text, segments, speakers, getReleaseContexts(parsed.releases));
}

/**
 * Each release's date and publisher. A release without its own date or Source line takes the nearest dated
 * release's date (an earlier one first) and the file's most frequent publisher: pages saved together are
 * usually one publisher's, from the same weeks.
 */
export function getReleaseContexts(releases: readonly Release[]): ReleaseContext[] {
  const publishers = new Map<string, number>();
  for (const release of releases) if (release.source) publishers.set(release.source.name, (publishers.get(release.source.name) ?? 0) + 1);
  const filePublisher = [...publishers].sort((a, b) => b[1] - a[1])[0]?.[0];
  return releases.map((release, i) => {
    let date = release.date?.iso;
    for (let d = 1; !date && d < releases.length; d++) date = releases[i - d]?.date?.iso ?? releases[i + d]?.date?.iso;
    return { date, publisher: release.source?.name ?? filePublisher };
  });
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
