// Entity recognition of one corpus file: which spans to read (titles, paragraphs, transcript turns; not
// captions or web chrome), pass one per span (mentions.ts) and release, pass two over the file (aliases.ts).

import { findNearestOtherDates } from '../dates';
import { ParsedCorpusFile, Release, Span, SpeakerTurn } from '../model';
import { resolveFileFindings, resolveFileFindingsInSteps, SpeakerFact } from './aliases';
import { FileEntities, keyOf, ReleaseContext } from './entityModel';
import { findInSegment, Finding, Segment } from './mentions';
import { runToEnd } from './steps';

/** Recognises the mentions of the given spans of a text; the spans need not be releases (tests, other tools). */
export function recognizeMentions(
  text: string,
  segments: readonly Segment[],
  speakers: readonly SpeakerFact[] = [],
  releases: readonly ReleaseContext[] = [],
): FileEntities {
  // Concatenated, not pushed with a spread: a spread passes every finding as an argument, and a segment with
  // more findings than the call stack has room for would throw.
  const findings: Finding[] = segments.flatMap((segment) => findInSegment(text, segment));
  return resolveFileFindings(findings, speakers, releases);
}

/** Recognises the mentions of every release of a parsed corpus file. */
export function computeFileEntities(text: string, parsed: ParsedCorpusFile): FileEntities {
  return resolveReleaseFindings(parsed.releases, findFileFindings(text, parsed));
}

/** Pass one over every release of a parsed file, in release order. */
export function findFileFindings(text: string, parsed: ParsedCorpusFile): Finding[][] {
  return parsed.releases.map((release, releaseIndex) => findReleaseFindings(text, release, releaseIndex));
}

/**
 * Pass one over one release: it reads nothing outside the release, so its findings can be kept while other
 * releases are edited. An upper-case turn label is not read as text: its name is a mention of the speaker
 * ("SECRETARY OF DEFENSE LLOYD J. AUSTIN III:", "MR MILLER:"), so hovering the label shows the same person as the
 * name in the text; question and role-only labels (`Q`, `STAFF:`) name no one.
 */
export function findReleaseFindings(text: string, release: Release, releaseIndex: number): Finding[] {
  const findings: Finding[] = [];
  // Mixed-case labels ("NATO Spokesperson Farah Dakhlallah", "Andrew Gray (Reuters)") read well as text.
  const turnsByLabel = new Map(release.turns.filter((turn) => isUpperCaseLabel(turn.speaker.label)).map((turn) => [turn.labelSpan, turn]));
  const labels = [...turnsByLabel.keys()];
  for (const span of subtractSpans(getReadSpans(release), labels)
    .concat(labels)
    .sort((a, b) => a.start - b.start)) {
    const turn = turnsByLabel.get(span);
    // One by one, not spread into `push`: a long segment's findings would overflow the call stack.
    for (const finding of turn ? findSpeakerName(text, turn, releaseIndex) : findInSegment(text, { span, releaseIndex })) findings.push(finding);
  }
  return findings;
}

/** Pass two over the whole file, from each release's findings (in release order). */
export function resolveReleaseFindings(releases: readonly Release[], findingsByRelease: readonly (readonly Finding[])[]): FileEntities {
  return runToEnd(resolveReleaseFindingsInSteps(releases, findingsByRelease, Number.POSITIVE_INFINITY));
}

/** The same, yielding after every `findingsPerPiece` findings (aliases.ts, `resolveFileFindingsInSteps`). */
export function resolveReleaseFindingsInSteps(
  releases: readonly Release[],
  findingsByRelease: readonly (readonly Finding[])[],
  findingsPerPiece: number,
): Generator<void, FileEntities, void> {
  const speakers: SpeakerFact[] = releases.flatMap((release) => release.turns.map((turn) => turn.speaker));
  return resolveFileFindingsInSteps(findingsByRelease.flat(), speakers, getReleaseContexts(releases), findingsPerPiece);
}

function isUpperCaseLabel(label: string): boolean {
  return /\p{Lu}/u.test(label) && label === label.toUpperCase();
}

/** "CHAIRMAN OF THE JOINT CHIEFS OF STAFF GENERAL": the rank after the post is the speaker's, not the post's. */
const RANK_AFTER_POST = /(\s(?:of|for)\s.+?)\s+(?:(?:brigadier|major|lieutenant|rear|vice)\s+)?(?:general|admiral|colonel|captain|commander|gen|adm)\.?$/i;

function findSpeakerName(text: string, turn: SpeakerTurn, releaseIndex: number): Finding[] {
  const { name, role, isQuestion } = turn.speaker;
  const at = name && !isQuestion ? text.indexOf(name, turn.labelSpan.start) : -1;
  if (!name || at < 0 || at + name.length > turn.labelSpan.end) return [];
  // "CHARLES Q. BROWN, JR.": a generational suffix is no part of the name's key.
  const words = name.split(/[\s,-]+/).filter((w) => w && !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(w));
  if (!words.length) return [];
  return [
    {
      type: 'mention',
      span: { start: at, end: at + name.length },
      kind: 'person',
      form: words.length > 1 ? 'name' : 'surname',
      key: keyOf('person', words.join(' ')),
      role: role?.replace(RANK_AFTER_POST, '$1'),
      words,
      releaseIndex,
    },
  ];
}

/**
 * The parts of sorted spans outside the holes: a paragraph without the turn labels it holds. One walk over both
 * lists, not a search of every hole per span: a transcript has as many labels as paragraphs. A hole that ends
 * before the span is skipped, or visited and changes nothing.
 */
function subtractSpans(spans: readonly Span[], holes: readonly Span[]): Span[] {
  const sortedHoles = [...holes].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let firstOpen = 0;
  for (const span of spans) {
    while (firstOpen < sortedHoles.length && sortedHoles[firstOpen].end <= span.start) firstOpen++;
    let start = span.start;
    for (let h = firstOpen; h < sortedHoles.length && sortedHoles[h].start < span.end; h++) {
      const hole = sortedHoles[h];
      if (hole.start > start) out.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
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
  const neighbourDates = findNearestOtherDates(releases.map((release) => release.date));
  return releases.map((release, i) => ({ date: (release.date ?? neighbourDates[i])?.iso, publisher: release.source?.name ?? filePublisher }));
}

/** The spans of a release that recognition reads, in text order: titles, paragraphs, turn labels. */
export function getReadSpans(release: Release): Span[] {
  return withoutNested([...release.titleSpans, ...release.paragraphs, ...release.turns.map((t) => t.labelSpan)]);
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
