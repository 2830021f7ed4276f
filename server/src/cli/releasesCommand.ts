// `press-corpus outline FILE` and `press-corpus releases [paths…]`: the releases of the corpus as an analyst reads
// them — title, date, kind, source, lines — as text or JSON.

import { Release } from '../corpus/model';
import { getLineTable } from '../engine/lineTable';
import { computeOutline, OutlineItem } from '../features/outline';
import { CliWorkspace } from './cliWorkspace';
import { Output, UsageError } from './output';

export interface ReleaseRow {
  readonly file: string;
  readonly title: string;
  readonly date?: string;
  readonly endDate?: string;
  readonly kind: string;
  readonly source?: string;
  /** 1-based, as editors show them. */
  readonly startLine: number;
  readonly endLine: number;
}

export function runReleases(cli: CliWorkspace, paths: readonly string[], json: boolean, output: Output): number {
  const rows = cli.selectFiles(paths).flatMap((uri) => {
    const file = cli.workspace.getFile(uri)!;
    const lines = getLineTable(file);
    return file.parsed.releases.map((release) => toRow(cli.relativePathOf(uri), release, (offset) => lines.toPosition(offset).line + 1));
  });
  if (json) output.write(`${JSON.stringify(rows, null, 2)}\n`);
  else
    for (const row of rows)
      output.write(`${row.file}:${row.startLine}-${row.endLine}\t${row.date ?? '—'}\t${row.kind}\t${row.source ?? '—'}\t${row.title || '(untitled)'}\n`);
  output.note(`${rows.length} releases in ${new Set(rows.map((r) => r.file)).size} files`);
  return 0;
}

export function runOutline(cli: CliWorkspace, path: string | undefined, json: boolean, output: Output): number {
  if (!path) throw new UsageError('outline needs the corpus file to show: press-corpus outline seeds/000_x.txt');
  const [uri] = cli.selectFiles([path]);
  const file = cli.workspace.getFile(uri)!;
  const lines = getLineTable(file);
  const lineOf = (offset: number) => lines.toPosition(offset).line + 1;
  const items = computeOutline(file.parsed);
  if (json) {
    const toJson = (item: OutlineItem): object => ({
      kind: item.kind,
      name: item.name,
      detail: item.detail,
      startLine: lineOf(item.span.start),
      endLine: lineOf(item.span.end),
      children: item.children.map(toJson),
    });
    output.write(`${JSON.stringify(items.map(toJson), null, 2)}\n`);
    return 0;
  }
  const print = (item: OutlineItem, depth: number): void => {
    output.write(`${'  '.repeat(depth)}${lineOf(item.span.start)}\t${item.kind}\t${item.name || '(untitled)'}${item.detail ? `\t${item.detail}` : ''}\n`);
    item.children.forEach((child) => print(child, depth + 1));
  };
  items.forEach((item) => print(item, 0));
  return 0;
}

function toRow(file: string, release: Release, lineOf: (offset: number) => number): ReleaseRow {
  return {
    file,
    title: release.title,
    date: release.date?.iso,
    endDate: release.date?.endIso,
    kind: release.kind,
    source: release.source?.name,
    startLine: lineOf(release.span.start),
    endLine: lineOf(release.span.end),
  };
}
