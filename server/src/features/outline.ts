// The outline of one corpus file: releases at the top, their parts as children. Plain data in corpus words.

import { ParsedCorpusFile, Release, Span } from '../corpus/model';

export type OutlineItemKind = 'release' | 'source' | 'dateline' | 'metadata' | 'turn' | 'caption' | 'boilerplate';

export interface OutlineItem {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineItemKind;
  /** The whole thing the item stands for. */
  readonly span: Span;
  /** What to reveal and highlight when the item is picked (the title, the label). */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineItem[];
}

export function computeOutline(file: ParsedCorpusFile): OutlineItem[] {
  const items = file.releases.map(toReleaseItem);
  const chrome = file.boilerplate.map((b): OutlineItem => ({ name: b.text, kind: 'boilerplate', span: b.span, selectionSpan: b.span, children: [] }));
  return [...items, ...chrome].sort((a, b) => a.span.start - b.span.start);
}

export function describeRelease(release: Release): string {
  const date = release.date ? (release.date.endIso ? `${release.date.iso} – ${release.date.endIso}` : release.date.iso) : undefined;
  return [date, release.source?.name, release.kind].filter(Boolean).join(' · ');
}

function toReleaseItem(release: Release): OutlineItem {
  const leaf = (kind: OutlineItemKind, name: string, span: Span, selectionSpan = span): OutlineItem => ({ kind, name, span, selectionSpan, children: [] });
  const children: OutlineItem[] = [];
  if (release.source) children.push(leaf('source', `Source: ${release.source.name}`, release.source.span));
  if (release.date) children.push(leaf('dateline', release.date.text, release.date.span));
  for (const line of release.metadata) {
    const isDateline = release.date !== undefined && contains(line.span, release.date.span);
    if (!isDateline && /[\p{L}\p{N}]/u.test(line.text)) children.push(leaf('metadata', line.text, line.span));
  }
  for (const turn of release.turns) children.push(leaf('turn', turn.speaker.label, turn.span, turn.labelSpan));
  for (const caption of release.captions) children.push(leaf('caption', `Photo: ${caption.title ?? 'caption'}`, caption.span));
  for (const chrome of release.boilerplate) children.push(leaf('boilerplate', chrome.text, chrome.span));
  children.sort((a, b) => a.span.start - b.span.start);
  const titleSpan: Span = { start: release.titleSpans[0].start, end: release.titleSpans[release.titleSpans.length - 1].end };
  return { name: release.title, detail: describeRelease(release), kind: 'release', span: release.span, selectionSpan: titleSpan, children };
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Foldable regions: each release, each speaker turn, each photo caption (only those spanning lines). */
export function computeFoldingSpans(file: ParsedCorpusFile): Span[] {
  return file.releases.flatMap((release) => [release.span, ...release.turns.map((t) => t.span), ...release.captions.map((c) => c.span)]);
}
