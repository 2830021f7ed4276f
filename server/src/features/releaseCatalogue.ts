// Every release of the corpus as one catalogue: for the Releases view (by file or by date) and the timeline,
// filtered by kind, source, problem, an entity, a tag or words of the title. Answers in corpus words (offsets);
// the LSP layer turns spans into ranges.

import { ProblemCode, ReleaseKind, Span } from '../corpus/model';
import { CorpusView } from './corpus';
import { findProblemsWithoutFixes } from './diagnostics';

export interface CatalogueRelease {
  readonly uri: string;
  readonly releaseIndex: number;
  readonly title: string;
  readonly titleSpan: Span;
  readonly kind: ReleaseKind;
  readonly source?: string;
  /** ISO date (YYYY-MM-DD), when the release states one. */
  readonly date?: string;
  readonly problems: readonly ProblemCode[];
}

export interface CatalogueFilter {
  readonly kind?: string;
  readonly source?: string;
  /** A problem code, or 'any' for releases with at least one problem. */
  readonly problem?: string;
  /** Only releases naming this entity. */
  readonly entityId?: string;
  /** Only these releases (`uri#releaseIndex`), e.g. those holding a tagged passage. */
  readonly releaseKeys?: ReadonlySet<string>;
  /** Words that must all appear in the title (case-insensitive). */
  readonly search?: string;
}

export interface Catalogue {
  readonly releases: readonly CatalogueRelease[];
  /** What the filters can choose from, over the whole corpus, with counts. */
  readonly kinds: readonly { name: string; count: number }[];
  readonly sources: readonly { name: string; count: number }[];
  readonly problems: readonly { name: string; count: number }[];
}

export function getReleaseKey(uri: string, releaseIndex: number): string {
  return `${uri}#${releaseIndex}`;
}

/** The releases that pass the filter, in file order; the choices are counted over every release. */
export function computeCatalogue(corpus: CorpusView, filter: CatalogueFilter = {}): Catalogue {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const naming = filter.entityId
    ? new Set(corpus.entities.findReferences(filter.entityId).map((m) => getReleaseKey(m.uri, m.mention.releaseIndex)))
    : undefined;
  const kinds = new Map<string, number>();
  const sources = new Map<string, number>();
  const problemCounts = new Map<string, number>();
  const releases: CatalogueRelease[] = [];
  const files = [...corpus.files.getFiles()].sort((a, b) => a.uri.localeCompare(b.uri));
  for (const file of files) {
    const problemsByRelease = new Map<number, ProblemCode[]>();
    for (const problem of findProblemsWithoutFixes(corpus, file)) {
      if (problem.releaseIndex !== undefined)
        problemsByRelease.set(problem.releaseIndex, [...(problemsByRelease.get(problem.releaseIndex) ?? []), problem.code]);
    }
    file.parsed.releases.forEach((release, releaseIndex) => {
      const entry: CatalogueRelease = {
        uri: file.uri,
        releaseIndex,
        title: release.title,
        titleSpan: release.titleSpans[0] ?? release.span,
        kind: release.kind,
        source: release.source?.name,
        date: release.date?.iso,
        problems: [...new Set(problemsByRelease.get(releaseIndex) ?? [])],
      };
      increment(kinds, entry.kind);
      if (entry.source) increment(sources, entry.source);
      for (const code of entry.problems) increment(problemCounts, code);
      const key = getReleaseKey(file.uri, releaseIndex);
      if (filter.kind && entry.kind !== filter.kind) return;
      if (filter.source && entry.source !== filter.source) return;
      if (filter.problem && !(filter.problem === 'any' ? entry.problems.length > 0 : entry.problems.includes(filter.problem as ProblemCode))) return;
      if (naming && !naming.has(key)) return;
      if (filter.releaseKeys && !filter.releaseKeys.has(key)) return;
      const title = entry.title.toLowerCase();
      if (!words.every((word) => title.includes(word))) return;
      releases.push(entry);
    });
  }
  return { releases, kinds: sortCounts(kinds), sources: sortCounts(sources), problems: sortCounts(problemCounts) };
}

/** The release of a file that holds an offset, for tags and mentions. */
export function findReleaseIndexAt(releases: readonly { span: Span }[], offset: number): number {
  return releases.findIndex((release) => release.span.start <= offset && offset <= release.span.end);
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sortCounts(counts: Map<string, number>): { name: string; count: number }[] {
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
