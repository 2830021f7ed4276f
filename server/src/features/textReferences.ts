// References inside the text to another release or event: "my speech to the Rada yesterday", "the NATO-Ukraine
// Council I chaired a few days ago", "the Washington Summit in July". Found in one file's paragraphs; resolved
// to a release whose title names the same thing and whose date fits the time the phrase gives, counted from
// the citing release's date. A reference the corpus holds no release for resolves to the event (or meeting body)
// it names, when that is an entity of the corpus; otherwise it stays as it is.

import { EVENT_HEADS } from '../corpus/entities/lexicon';
import { Release, Span } from '../corpus/model';
import { CorpusView } from './corpus';
import { Entity } from './entityIndex';
import { getTitleWords, shiftDay } from './relatedReleaseIndex';

export interface TextReference {
  readonly span: Span;
  /** What the phrase names: "Rada", "NATO-Ukraine Council", "Washington Summit". */
  readonly name: string;
  /** The kind of release it speaks of, when it says: "speech", "press conference". */
  readonly kind?: string;
  /** Days before (negative) or after the citing release the referenced one may fall on. */
  readonly window?: { readonly from: number; readonly to: number };
  /** A month the referenced release falls in ("in July"), 1–12. */
  readonly month?: number;
}

export interface ResolvedTextReference {
  readonly reference: TextReference;
  readonly uri: string;
  readonly releaseIndex: number;
  readonly title: string;
}

// A capitalised name ("I" is no name word), with "of", "the", "for", "and" inside it but never at its ends.
const NAME = String.raw`([A-Z][\p{L}’'-]+(?:(?:\s+(?:of|the|for|and))*\s+[A-Z][\p{L}’'-]+)*)`;
const RELEASE_KINDS = 'speech|address|remarks|statement|press conference|visit|meeting|doorstep';
const VERBS = 'chaired|hosted|attended|addressed|held|opened';
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((month) => month[0].toUpperCase() + month.slice(1)).join('|');
const TIME = String.raw`(?:\s+(?:just\s+)?(yesterday|earlier today|today|a few days ago|last week|last month|in (?:${MONTH_NAMES})))?`;
/** Last words of the names a bare phrase may refer by: events, and the bodies that meet ("NATO-Ukraine Council"). */
const REFERENCE_HEADS = new Set([...EVENT_HEADS, 'council', 'assembly', 'ministerial']);
const TIME_WINDOWS: Record<string, { from: number; to: number }> = {
  yesterday: { from: -1, to: -1 },
  today: { from: 0, to: 0 },
  'earlier today': { from: 0, to: 0 },
  'a few days ago': { from: -7, to: -1 },
  'last week': { from: -13, to: -1 },
  'last month': { from: -45, to: -1 },
};

// "my speech to the Rada yesterday": a kind of release, a preposition, a name.
const KIND_PHRASE = new RegExp(String.raw`\b(?:my|our|his|her|the)\s+(${RELEASE_KINDS})\s+(?:to|at|in|before|with)\s+(?:the\s+)?${NAME}${TIME}`, 'gu');
// "the NATO-Ukraine Council I chaired a few days ago", "the Washington Summit in July": a capitalised name.
const NAME_PHRASE = new RegExp(String.raw`\bthe\s+${NAME}(?:\s+(?:that\s+)?(?:I|we)\s+(?:just\s+)?(?:${VERBS}))?${TIME}`, 'gu');

/** References of the release's paragraphs that give a name and say when or what (a bare "the Council" does not). */
export function findTextReferences(text: string, release: Release): TextReference[] {
  const found: TextReference[] = [];
  for (const paragraph of release.paragraphs) {
    const body = text.slice(paragraph.start, paragraph.end);
    for (const m of body.matchAll(KIND_PHRASE)) found.push(toReference(paragraph.start + m.index!, m[0], m[2], m[3], m[1].toLowerCase()));
    for (const m of body.matchAll(NAME_PHRASE)) {
      const said = /\s(?:I|we)\s/.test(m[0]) || m[2] !== undefined;
      const head = m[1].slice(m[1].lastIndexOf(' ') + 1).toLowerCase();
      if (said && REFERENCE_HEADS.has(head) && m[1].includes(' ')) found.push(toReference(paragraph.start + m.index!, m[0], m[1], m[2]));
    }
  }
  return found;
}

/** Entity kinds a reference may land on when no release answers it: an event, or the body whose meeting it was. */
const REFERENCED_ENTITY_KINDS = new Set(['event', 'organisation']);

/** The release the reference at the offset points at, when the corpus holds one. */
export function resolveTextReferenceAt(view: CorpusView, uri: string, offset: number): ResolvedTextReference | undefined {
  const found = findTextReferenceAt(view, uri, offset);
  return found && resolveTextReference(view, uri, found);
}

function resolveTextReference(view: CorpusView, uri: string, found: FoundReference): ResolvedTextReference | undefined {
  const { reference, release, releaseIndex } = found;
  const words = getTitleWords(reference.name).filter((word) => word !== 'the' && word !== 'of');
  const target = view.related
    .findReleasesByTitleWords(reference.kind ? [...words, ...getTitleWords(reference.kind)] : words)
    .filter((other) => (other.uri !== uri || other.releaseIndex !== releaseIndex) && fitsTime(reference, release.date?.iso, other.date))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0]; // the latest that fits: "a few days ago" is the nearest
  const title = target && view.files.getFile(target.uri)?.parsed.releases[target.releaseIndex]?.title;
  return target && title ? { reference, uri: target.uri, releaseIndex: target.releaseIndex, title } : undefined;
}

/**
 * The event or meeting body the reference at the offset names ("the Washington Summit in July" → the Washington
 * Summit), for a reference no release of the corpus answers; `nameSpan` is where the phrase names it.
 */
export function findReferencedEntityAt(view: CorpusView, uri: string, offset: number): { entity: Entity; nameSpan: Span } | undefined {
  const found = findTextReferenceAt(view, uri, offset);
  if (!found || resolveTextReference(view, uri, found)) return undefined;
  const { reference, text } = found;
  const start = reference.span.start + text.slice(reference.span.start, reference.span.end).indexOf(reference.name);
  const entity = view.entities.findMentionAt(uri, start)?.entity;
  return entity && REFERENCED_ENTITY_KINDS.has(entity.kind) ? { entity, nameSpan: { start, end: start + reference.name.length } } : undefined;
}

interface FoundReference {
  readonly reference: TextReference;
  readonly release: Release;
  readonly releaseIndex: number;
  readonly text: string;
}

function findTextReferenceAt(view: CorpusView, uri: string, offset: number): FoundReference | undefined {
  const file = view.files.getFile(uri);
  const releaseIndex = file?.parsed.releases.findIndex((r) => r.span.start <= offset && offset <= r.span.end) ?? -1;
  if (!file || releaseIndex < 0) return undefined;
  const release = file.parsed.releases[releaseIndex];
  const reference = findTextReferences(file.text, release).find((r) => r.span.start <= offset && offset <= r.span.end);
  return reference && { reference, release, releaseIndex, text: file.text };
}

function toReference(start: number, phrase: string, name: string, time: string | undefined, kind?: string): TextReference {
  const when = time?.toLowerCase();
  const month = when?.startsWith('in ') ? MONTHS.indexOf(when.slice(3)) + 1 : undefined;
  return {
    span: { start, end: start + phrase.length },
    name,
    ...(kind ? { kind } : {}),
    ...(when && TIME_WINDOWS[when] ? { window: TIME_WINDOWS[when] } : {}),
    ...(month ? { month } : {}),
  };
}

/** A time the phrase gives must be checked on dates: a release without one (or cited from one without) does not fit. */
function fitsTime(reference: TextReference, citing: string | undefined, cited: string | undefined): boolean {
  if (reference.month) return cited !== undefined && Number(cited.slice(5, 7)) === reference.month;
  if (!reference.window) return true;
  return citing !== undefined && cited !== undefined && cited >= shiftDay(citing, reference.window.from) && cited <= shiftDay(citing, reference.window.to);
}
