// Entities through an edit that changes no finding but their offsets. Pass two of recognition (aliases.ts) reads
// the whole file: who a surname names, who holds a title, depends on every release. But it reads findings, not
// offsets: when the releases an edit touched yield the same findings as before (same kinds, keys, roles and
// words, spelled the same), and every release keeps its date, publisher and speakers, pass two answers as it did,
// and its mentions only move: by their release's shift, or inside a touched release to where their finding now
// is. Typing ordinary words in a big file takes this path; a keystroke that adds or changes a name recognises the
// file again. Tested against recognising the file afresh over random edits.

import { FileEntities } from '../corpus/entities/entityModel';
import { MentionTable } from '../corpus/entities/mentionTable';
import { Finding } from '../corpus/entities/mentions';
import { PackedFindings, unpackFindings } from '../corpus/entities/packedFindings';
import { getReleaseContexts } from '../corpus/entities/recognize';
import { Release, Span } from '../corpus/model';
import { ReleaseResultsOfFile } from './releaseResults';
import { shiftSpan } from './releaseRuns';

/** What the last recognition of a file was computed from. */
export interface RecognisedVersion {
  readonly version: number;
  readonly text: string;
  readonly releases: readonly Release[];
  readonly entities: FileEntities;
}

/**
 * The file's entities after the edit, moved from `before`; undefined when the edit may change what pass two
 * answers (the caller recognises the file again). `findings` are this version's per-release findings. Yields
 * after every `mentionsPerPiece` mentions moved (a big file's summary in pieces).
 */
export function* moveEntitiesThroughEdit(
  before: RecognisedVersion,
  text: string,
  releases: readonly Release[],
  findings: ReleaseResultsOfFile<PackedFindings>,
  mentionsPerPiece: number,
): Generator<void, MentionTable | undefined, void> {
  const { replaced, computedNow, results, shifts } = findings;
  if (!replaced || findings.previousVersion !== before.version || releases.length !== before.releases.length) return undefined;
  const movedSpans = new Map<string, Span>(); // old span of a touched release's finding → its new span
  let k = 0;
  for (let i = 0; i < releases.length; i++) {
    if (!computedNow[i]) continue;
    const old = replaced[k++];
    if (!old || !sameSpeakers(before.releases[i], releases[i])) return undefined;
    if (!matchFindings(before.text, unpackFindings(old.result, 0, i), old.shift, text, unpackFindings(results[i], 0, i), shifts[i], movedSpans))
      return undefined;
  }
  if (k !== replaced.length || !sameContexts(before.releases, releases)) return undefined;
  const mentions = before.entities.mentions;
  const starts = new Int32Array(mentions.length);
  const ends = new Int32Array(mentions.length);
  let lastStart = -1;
  for (let m = 0; m < mentions.length; m++) {
    const i = mentions.releaseIndexOf(m);
    const old = { start: mentions.startOf(m), end: mentions.endOf(m) };
    const span = computedNow[i] ? movedSpans.get(spanId(old)) : shiftSpan(old, releases[i].span.start - before.releases[i].span.start);
    // Mentions must stay in offset order, as recognition sorts them; if two swapped, recognise again.
    if (!span || span.start < lastStart) return undefined;
    lastStart = starts[m] = span.start;
    ends[m] = span.end;
    if ((m + 1) % mentionsPerPiece === 0) yield;
  }
  return mentions.withSpans(starts, ends);
}

/** Each release's findings unpacked where the release is now, yielding after every `perPiece` findings. */
export function* placeFindings(findings: ReleaseResultsOfFile<PackedFindings>, perPiece: number): Generator<void, (readonly Finding[])[], void> {
  const { results, shifts } = findings;
  const placed: (readonly Finding[])[] = [];
  let moving = 0;
  for (let i = 0; i < results.length; i++) {
    const list = unpackFindings(results[i], shifts[i], i);
    placed.push(list);
    if ((moving += list.length) < perPiece) continue;
    moving = 0;
    yield;
  }
  return placed;
}

/** Whether two releases' findings agree in all but offsets; records where each old span went. */
function matchFindings(
  oldText: string,
  oldFindings: readonly Finding[],
  oldShift: number,
  newText: string,
  newFindings: readonly Finding[],
  newShift: number,
  movedSpans: Map<string, Span>,
): boolean {
  if (oldFindings.length !== newFindings.length) return false;
  const sameText = (a: Span, b: Span) => oldText.slice(a.start + oldShift, a.end + oldShift) === newText.slice(b.start + newShift, b.end + newShift);
  const record = (a: Span, b: Span) => {
    const id = spanId(shiftSpan(a, oldShift));
    const to = shiftSpan(b, newShift);
    const known = movedSpans.get(id);
    movedSpans.set(id, to);
    return !known || (known.start === to.start && known.end === to.end);
  };
  for (let j = 0; j < oldFindings.length; j++) {
    const a = oldFindings[j];
    const b = newFindings[j];
    if (getFindingFacts(a) !== getFindingFacts(b) || !sameText(a.span, b.span) || !record(a.span, b.span)) return false;
    if (a.type === 'name-run' && b.type === 'name-run' && a.wordSpans.length > 0) {
      if (!sameText(a.wordSpans[0], b.wordSpans[0]) || !record(a.wordSpans[0], b.wordSpans[0])) return false;
    }
  }
  return true;
}

/** Everything pass two reads of a finding, except its offsets. */
function getFindingFacts(f: Finding): string {
  if (f.type === 'role') return JSON.stringify([f.type, f.role, f.head, f.confirmed]);
  if (f.type === 'name-run') return JSON.stringify([f.type, f.words, f.wordSpans.length]);
  return JSON.stringify([f.type, f.kind, f.form, f.key, f.role, f.words, f.abbreviationOf]);
}

function sameSpeakers(a: Release, b: Release): boolean {
  if (a.turns.length !== b.turns.length) return false;
  return a.turns.every((turn, i) => JSON.stringify(turn.speaker) === JSON.stringify(b.turns[i].speaker));
}

function sameContexts(a: readonly Release[], b: readonly Release[]): boolean {
  const before = getReleaseContexts(a);
  const after = getReleaseContexts(b);
  return before.every((context, i) => context.date === after[i].date && context.publisher === after[i].publisher);
}

function spanId(span: Span): string {
  return `${span.start}:${span.end}`;
}
