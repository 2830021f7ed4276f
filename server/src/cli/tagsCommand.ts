// `press-corpus tags list|export|import`: the analysts' tags outside the editor. Listing and export re-anchor
// every tag against the current text first; import anchors each annotation's quote in its corpus file and adds it
// to the tag file through the same store the editor writes with, reporting each one it cannot anchor.

import { readFileSync } from 'node:fs';
import { createAnchor, findAnchor } from '../annotations/anchoring';
import { normaliseTagName } from '../annotations/tagFile';
import { getLineTable } from '../engine/lineTable';
import { formatTagsAsCsv } from '../features/exchange/csv';
import { codePointOffsetToUtf16 } from '../features/exchange/codePoints';
import { ExportedTag } from '../features/exchange/exportedTag';
import { formatTagsAsJsonLines } from '../features/exchange/jsonl';
import { decodeUriReferenceAsPath } from '../features/exchange/pathUris';
import { formatTagsAsW3cCollection } from '../features/exchange/w3c';
import { ImportedAnnotation, parseW3cAnnotations } from '../features/exchange/w3cImport';
import { Span } from '../corpus/model';
import { createAcceptAnchorsEdit, parseTagStates, TagListing } from '../features/tagging';
import { computeAcceptedAnchors, computeAnchoredTags, describeSimilarity, TagStatus } from '../features/tags';
import { joinUri } from '../features/uris';
import { CliWorkspace } from './cliWorkspace';
import { Output, UsageError } from './output';

const EXPORT_FORMATS = ['w3c', 'csv', 'jsonl'] as const;
/** An import file larger than this is not an annotation export. */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

interface TagsOptions {
  readonly tag?: string;
  readonly state?: string;
  readonly author?: string;
  readonly format?: string;
  readonly json?: boolean;
  readonly 'dry-run'?: boolean;
}

export async function runTags(cli: CliWorkspace, args: readonly string[], options: TagsOptions, output: Output): Promise<number> {
  const [action, ...rest] = args;
  await cli.workspace.tags.ensureLoaded();
  if (action === 'list') return listTags(cli, options, output);
  if (action === 'export') return exportTags(cli, options, output);
  if (action === 'import') return importTags(cli, rest[0], options['dry-run'] === true, output);
  if (action === 'accept') return acceptAnchors(cli, rest, options, output);
  throw new UsageError(`tags needs an action: list, export, import or accept (got ${action ?? 'nothing'}).`);
}

function findListings(cli: CliWorkspace, options: TagsOptions): TagListing[] {
  const tag = options.tag === undefined ? undefined : normaliseTagName(options.tag);
  if (options.tag !== undefined && !tag) throw new UsageError(`--tag ${options.tag} is not a tag name.`);
  const states = options.state === undefined ? undefined : readStates(options.state);
  return cli.workspace.tags.findTags((uri) => cli.workspace.getFile(uri), { tag, states, author: options.author });
}

function readStates(raw: string): TagStatus[] {
  try {
    return parseTagStates(raw);
  } catch (error) {
    throw new UsageError(`--state ${raw}: ${(error as Error).message}`);
  }
}

/**
 * `tags accept [--state exact,moved] [paths…]`: every tag in those states gets the anchor it has now, through the
 * same store and edit as the editor's "Accept all" (only anchor and updated lines change). Prints one line per
 * tag file changed.
 */
async function acceptAnchors(cli: CliWorkspace, paths: readonly string[], options: TagsOptions, output: Output): Promise<number> {
  const states = readStates(options.state ?? 'exact,moved');
  const tags = cli.workspace.tags;
  const updated = new Date().toISOString();
  let total = 0;
  for (const uri of cli.selectFiles(paths)) {
    const location = cli.workspace.getTagFileLocation(uri);
    const before = location && tags.getTagFile(location.yamlUri);
    const file = cli.workspace.getFile(uri);
    if (!location || !before || !file) continue;
    const count = computeAcceptedAnchors(file.text, computeAnchoredTags(file, before), states).length;
    if (count === 0) continue;
    await tags.changeFile(location, createAcceptAnchorsEdit(file, states, updated));
    output.write(`${location.displayName}\t${count} anchor${count === 1 ? '' : 's'} accepted\n`);
    total += count;
  }
  output.note(`${total} anchors accepted (${states.join(', ')})`);
  return 0;
}

function listTags(cli: CliWorkspace, options: TagsOptions, output: Output): number {
  const rows = findListings(cli, options).map(({ corpusUri, tag }) => {
    const file = cli.workspace.getFile(corpusUri);
    const start = file ? getLineTable(file).toPosition(tag.span.start) : { line: 0, character: 0 };
    const { record } = tag;
    return {
      id: record.id,
      file: cli.relativePathOf(corpusUri),
      line: start.line + 1,
      column: start.character + 1,
      status: tag.status,
      ...(tag.similarity === undefined ? {} : { similarity: tag.similarity, currentText: tag.currentText }),
      tags: record.tags,
      note: record.note,
      release: tag.releaseTitle,
      quote: record.anchor.exact,
      ...(record.author ? { author: record.author } : {}),
      ...(record.created ? { created: record.created } : {}),
      ...(record.updated ? { updated: record.updated } : {}),
    };
  });
  if (options.json) output.write(`${JSON.stringify(rows, null, 2)}\n`);
  else
    for (const row of rows)
      output.write(
        `${row.file}:${row.line}:${row.column}\t${row.status}${row.similarity === undefined ? '' : ` ${describeSimilarity(row.similarity)}`}\t${row.tags.map((t) => `#${t}`).join(' ')}\t“${row.quote.replace(/\s+/g, ' ')}”${row.note ? `\t${row.note}` : ''}\n`,
      );
  output.note(`${rows.length} tags, ${rows.filter((r) => r.status === 'orphaned').length} orphaned`);
  return 0;
}

function exportTags(cli: CliWorkspace, options: TagsOptions, output: Output): number {
  const format = options.format;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`tags export needs --format ${EXPORT_FORMATS.join('|')}.`);
  const tags = findListings(cli, options).map(({ corpusUri, tag }): ExportedTag => {
    const text = cli.workspace.getFile(corpusUri)?.text ?? '';
    // An anchored tag exports the text as it reads now, so its quote and position agree.
    const anchor = tag.status === 'orphaned' ? tag.record.anchor : createAnchor(text, tag.span);
    const { record } = tag;
    return {
      id: record.id,
      corpusFile: cli.relativePathOf(corpusUri),
      text,
      span: tag.span,
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      tags: record.tags,
      note: record.note,
      release: tag.releaseTitle,
      status: tag.status,
    };
  });
  if (format === 'w3c') output.write(`${JSON.stringify(formatTagsAsW3cCollection(tags), null, 2)}\n`);
  else if (format === 'csv') output.write(formatTagsAsCsv(tags));
  else output.write(formatTagsAsJsonLines(tags));
  output.note(`${tags.length} tags exported as ${format}`);
  return 0;
}

async function importTags(cli: CliWorkspace, path: string | undefined, dryRun: boolean, output: Output): Promise<number> {
  if (!path) throw new UsageError('tags import needs the file to read: press-corpus tags import annotations.jsonld');
  let json: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_IMPORT_BYTES) throw new Error(`it is larger than ${MAX_IMPORT_BYTES / 1048576} MB`);
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Could not read ${path} as JSON: ${(error as Error).message}`);
  }
  const { annotations, errors } = parseW3cAnnotations(json);
  for (const error of errors) output.note(`${path}: annotation ${error.index < 0 ? '(document)' : error.index}: ${error.message}`);
  // An annotation already tagged on the same passage with the same tags (an earlier import of the same file, a
  // round trip of our own export) is not added twice.
  const existing = new Set(
    cli.workspace.tags.findTags((uri) => cli.workspace.getFile(uri), {}).map(({ corpusUri, tag }) => describeTagged(corpusUri, tag.span, tag.record.tags)),
  );
  let imported = 0;
  let skipped = 0;
  const failed: string[] = [];
  const writes: Promise<unknown>[] = [];
  annotations.forEach((annotation, index) => {
    const outcome = anchorAnnotation(cli, annotation);
    if (outcome.kind === 'anchored') {
      const key = describeTagged(outcome.corpusUri, outcome.span, outcome.record.tags);
      if (existing.has(key)) {
        skipped++;
        return;
      }
      existing.add(key);
    }
    if (outcome.kind === 'failed') failed.push(`annotation ${index}: ${outcome.reason}`);
    else {
      imported++;
      if (!dryRun)
        writes.push(
          cli.workspace.tags.addRecord(outcome.location, outcome.record).catch((error: Error) => failed.push(`annotation ${index}: ${error.message}`)),
        );
    }
  });
  await Promise.all(writes);
  for (const line of failed) output.note(`${path}: ${line}`);
  output.note(
    `${dryRun ? 'would import' : 'imported'} ${imported - (dryRun ? 0 : failed.length)} annotations, ${skipped} already present, ${failed.length + errors.length} not anchored or not readable`,
  );
  return failed.length + errors.length > 0 ? 1 : 0;
}

type Outcome =
  | { kind: 'failed'; reason: string }
  | {
      kind: 'anchored';
      corpusUri: string;
      span: Span;
      location: NonNullable<ReturnType<CliWorkspace['workspace']['getTagFileLocation']>>;
      record: Parameters<CliWorkspace['workspace']['tags']['addRecord']>[1];
    };

/** Finds the annotation's passage in its corpus file: the quote with its context, the position only as a hint. */
function anchorAnnotation(cli: CliWorkspace, annotation: ImportedAnnotation): Outcome {
  const path = decodeUriReferenceAsPath(annotation.source, `${cli.folderUri}/`);
  const uri = path === undefined ? undefined : joinUri(cli.folderUri, path);
  const file = uri === undefined ? undefined : cli.workspace.getFile(uri);
  const location = file && cli.workspace.getTagFileLocation(file.uri);
  if (!file || !location) return { kind: 'failed', reason: `its source ${annotation.source} is not a corpus file of this workspace` };
  const hint =
    annotation.start !== undefined && annotation.end !== undefined
      ? { start: codePointOffsetToUtf16(file.text, annotation.start), end: codePointOffsetToUtf16(file.text, annotation.end) }
      : { start: 0, end: 0 };
  const match = findAnchor(file.text, { exact: annotation.exact, prefix: annotation.prefix ?? '', suffix: annotation.suffix ?? '', ...hint });
  if (match.state === 'orphaned') return { kind: 'failed', reason: `“${annotation.exact.slice(0, 60)}” is not in ${path}` };
  const release = file.parsed.releases.find((r) => r.span.start <= match.span.start && match.span.start <= r.span.end)?.title ?? '';
  return {
    kind: 'anchored',
    corpusUri: file.uri,
    span: match.span,
    location,
    record: { tags: annotation.tags, note: annotation.note, release, anchor: createAnchor(file.text, match.span) },
  };
}

function describeTagged(corpusUri: string, span: Span, tags: readonly string[]): string {
  return `${corpusUri}#${span.start}-${span.end}#${[...tags].sort().join(',')}`;
}
