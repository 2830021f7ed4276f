// The outline of one corpus file: releases at the top, their parts as children. Plain data in corpus words.
// The web chrome of a scraped page ("Here's how you know", "Related Stories") is grouped under one "Page chrome"
// entry inside its page (the release it surrounds), so the outline opens on the releases, not on menus.

import { Boilerplate, ParsedCorpusFile, Release, Span } from '../corpus/model';

export type OutlineItemKind = 'release' | 'source' | 'dateline' | 'metadata' | 'turn' | 'caption' | 'boilerplate';

export const PAGE_CHROME_NAME = 'Page chrome';

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
  const pageChrome = file.releases.map((): Boilerplate[] => []);
  const orphanChrome: Boilerplate[] = [];
  for (const chrome of file.boilerplate) {
    // Chrome belongs to the page of the next release (menus come before the text), after the last one to it.
    const next = findFirstReleaseFrom(file.releases, chrome.span.end);
    const page = next < file.releases.length ? next : file.releases.length - 1;
    (page >= 0 ? pageChrome[page] : orphanChrome).push(chrome);
  }
  const items = file.releases.map((release, index) => toReleaseItem(release, pageChrome[index]));
  const group = toChromeGroup(orphanChrome);
  return group ? [group, ...items] : items;
}

/** The index of the first release starting at or after `offset` (releases are in text order): a binary search, as
 *  a page of a big scraped file can carry hundreds of chrome blocks. */
function findFirstReleaseFrom(releases: readonly Release[], offset: number): number {
  let low = 0;
  let high = releases.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (releases[mid].span.start >= offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function describeRelease(release: Release): string {
  const date = release.date ? (release.date.endIso ? `${release.date.iso} – ${release.date.endIso}` : release.date.iso) : undefined;
  return [date, release.source?.name, release.kind].filter(Boolean).join(' · ');
}

/**
 * One entry for a page's chrome blocks, or none when the page has none. A leaf: editors show children expanded,
 * and chrome is what a reader skips (its problems and quick fixes still point at each block). Its range is the
 * first block only: blocks lie before and after the text, and a range over both would put the whole release
 * "inside Page chrome" in breadcrumbs and sticky scroll.
 */
function toChromeGroup(blocks: readonly Boilerplate[]): OutlineItem | undefined {
  if (blocks.length === 0) return undefined;
  const sorted = [...blocks].sort((a, b) => a.span.start - b.span.start);
  const names = sorted.map((b) => (b.text.length > 30 ? `${b.text.slice(0, 29)}…` : b.text)).join(' · ');
  return {
    name: PAGE_CHROME_NAME,
    detail: `${blocks.length} block${blocks.length === 1 ? '' : 's'}: ${names}`,
    kind: 'boilerplate',
    span: sorted[0].span,
    selectionSpan: sorted[0].span,
    children: [],
  };
}

function toReleaseItem(release: Release, pageChrome: readonly Boilerplate[]): OutlineItem {
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
  children.sort((a, b) => a.span.start - b.span.start);
  const chrome = toChromeGroup([...pageChrome, ...release.boilerplate]);
  const titleSpan: Span = { start: release.titleSpans[0].start, end: release.titleSpans[release.titleSpans.length - 1].end };
  // The release keeps its own range (title to last block): extended over chrome before the title, the chrome's
  // first line would stand for the release in sticky scroll. Editors accept a child outside its parent's range.
  return {
    name: release.title,
    detail: describeRelease(release),
    kind: 'release',
    span: release.span,
    selectionSpan: titleSpan,
    children: chrome ? [chrome, ...children] : children,
  };
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Foldable regions: each release, each speaker turn, each photo caption (only those spanning lines). */
export function computeFoldingSpans(file: ParsedCorpusFile): Span[] {
  return file.releases.flatMap((release) => [release.span, ...release.turns.map((t) => t.span), ...release.captions.map((c) => c.span)]);
}
