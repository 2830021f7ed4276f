// Changing a tag file without disturbing what the analyst wrote. Each edit prints only the record it touches
// (with the yaml Document API, so comments inside the record survive) and splices it into the original text:
// the rest of the file keeps every byte, an unchanged file is never re-printed, and a git diff of a new tag
// shows only its block. Records are printed in one fixed style, so printing is deterministic.

import { Document, isMap, isNode, isScalar, isSeq, Node, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';
import { Span } from '../corpus/model';
import { TextAnchor } from './anchoring';
import { ParsedTagFile } from './tagFile';

export interface NewTagRecord {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly release: string;
  readonly anchor: TextAnchor;
}

export interface TagRecordChange {
  readonly tags?: readonly string[];
  readonly note?: string;
}

/** lineWidth 0: quotes and notes are never folded, so a record's printed form depends only on its values. */
const PRINT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

const FILE_HEADER =
  ' Analyst tags written by Press Corpus (docs/tags.md). Hand edits and comments are kept;\n' +
  ' each anchor re-finds its passage when the corpus text changes.';

export function printNewTagFile(corpusFile: string, records: readonly NewTagRecord[]): string {
  const document = new Document({ corpusFile, tags: [] });
  document.commentBefore = FILE_HEADER;
  const tags = document.get('tags') as YAMLSeq;
  for (const record of records) tags.items.push(createRecordNode(document, record));
  return document.toString(PRINT_OPTIONS);
}

/**
 * Appends records after the last one. When there is no block list yet (`tags: []`, `tags:` with no value, no
 * `tags` key) the list is written where the empty value stood; a flow list (`tags: [{…}]`) gets flow items.
 * Either way every byte outside the new records stays as the analyst wrote it.
 */
export function addTagRecords(file: ParsedTagFile, records: readonly NewTagRecord[]): string {
  assertWritable(file);
  if (records.length === 0) return file.text;
  const lineBreak = getLineBreak(file.text);
  const list = getRecordList(file);
  if (list?.flow && list.items.length) {
    const at = (list.items[list.items.length - 1] as Node).range![1];
    const items = records.map((record) => `, ${printRecordFlow(createRecordNode(file.document, record))}`).join('');
    return file.text.slice(0, at) + items + file.text.slice(at);
  }
  if (!list || list.items.length === 0) return writeFirstRecords(file, records, lineBreak);
  const indent = getItemBlock(file.text, list.items[0] as Node).indent;
  const at = list.range![2];
  const blocks = records.map((record) => printRecordBlock(createRecordNode(file.document, record), indent, lineBreak)).join('');
  const separator = at > 0 && file.text[at - 1] !== '\n' ? lineBreak : '';
  return file.text.slice(0, at) + separator + blocks + file.text.slice(at);
}

/** The first records of a file: a block list in place of an empty `tags` value, or a `tags:` entry at the end. */
function writeFirstRecords(file: ParsedTagFile, records: readonly NewTagRecord[], lineBreak: string): string {
  const text = file.text;
  const contents = file.document.contents;
  const pair = isMap(contents) ? contents.items.find((item) => isScalar(item.key) && item.key.value === 'tags') : undefined;
  const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
  const valueRange = isNode(pair?.value) ? pair.value.range : undefined;
  if (!keyRange || !valueRange) {
    const blocks = records.map((record) => printRecordBlock(createRecordNode(file.document, record), 2, lineBreak)).join('');
    const separator = text && !text.endsWith('\n') ? lineBreak : '';
    return `${text}${separator}tags:${lineBreak}${blocks}`;
  }
  const keyIndent = keyRange[0] - (text.lastIndexOf('\n', keyRange[0] - 1) + 1);
  const blocks = records.map((record) => printRecordBlock(createRecordNode(file.document, record), keyIndent + 2, lineBreak)).join('');
  // `tags: []  # none yet`: the brackets go (with the spaces before them), the comment stays on its line.
  let valueStart = valueRange[0];
  while (valueStart > keyRange[1] && (text[valueStart - 1] === ' ' || text[valueStart - 1] === '\t')) valueStart--;
  const lineEnd = text.indexOf('\n', valueRange[1]);
  if (lineEnd < 0) return text.slice(0, valueStart) + text.slice(valueRange[1]) + lineBreak + blocks;
  return text.slice(0, valueStart) + text.slice(valueRange[1], lineEnd + 1) + blocks + text.slice(lineEnd + 1);
}

/** Changes tags and/or note of one record; returns the text unchanged when the values already hold. */
export function updateTagRecord(file: ParsedTagFile, id: string, change: TagRecordChange): string {
  assertWritable(file);
  const item = getRecordNode(file, id);
  return spliceRecords(file, [item], (copy) => applyChange(copy, change));
}

export function removeTagRecord(file: ParsedTagFile, id: string): string {
  assertWritable(file);
  const item = getRecordNode(file, id);
  if (getRecordList(file)?.flow) {
    const span = getFlowItemSpan(file, item);
    return file.text.slice(0, span.start) + file.text.slice(span.end);
  }
  const block = getItemBlock(file.text, item);
  return file.text.slice(0, block.start) + file.text.slice(block.end);
}

/** Renames a tag in every record of the file that has it (merging with `to` when a record has both). */
export function renameTagInFile(file: ParsedTagFile, from: string, to: string): string {
  assertWritable(file);
  const items = file.records.filter((record) => record.tags.includes(from)).map((record) => getRecordNode(file, record.id));
  return spliceRecords(file, items, (copy) => {
    const tags = (copy.get('tags') as YAMLSeq).items.map((tag) => String((tag as Scalar).value));
    return applyChange(copy, { tags: [...new Set(tags.map((tag) => (tag === from ? to : tag)))] });
  });
}

/** Re-prints the given records after `change` (which says whether it changed anything) and splices them in. */
function spliceRecords(file: ParsedTagFile, items: readonly YAMLMap[], change: (copy: YAMLMap) => boolean): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const item of items) {
    const copy = item.clone() as YAMLMap;
    if (!change(copy)) continue;
    if (getRecordList(file)?.flow) {
      edits.push({ start: item.range![0], end: item.range![1], text: printRecordFlow(copy) });
      continue;
    }
    const block = getItemBlock(file.text, item);
    edits.push({ start: block.start, end: block.end, text: printRecordBlock(copy, block.indent, getLineBreak(file.text)) });
  }
  let text = file.text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

function applyChange(record: YAMLMap, change: TagRecordChange): boolean {
  let changed = false;
  if (change.tags) {
    const current = (record.get('tags') as YAMLSeq).items.map((tag) => String((tag as Scalar).value));
    if (current.join('\n') !== change.tags.join('\n')) {
      record.set('tags', createTagsNode(change.tags));
      changed = true;
    }
  }
  if (change.note !== undefined && (record.get('note') ?? '') !== change.note) {
    if (change.note) record.set('note', createTextNode(change.note));
    else record.delete('note');
    changed = true;
  }
  return changed;
}

function createRecordNode(document: Document, record: NewTagRecord): YAMLMap {
  const anchor = document.createNode({ ...record.anchor }) as YAMLMap;
  // Quotes keep every space and line break; double-quoted they print on one line, the same way every time.
  for (const key of ['exact', 'prefix', 'suffix']) (anchor.get(key, true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  const node = new YAMLMap();
  node.set('id', record.id);
  node.set('tags', createTagsNode(record.tags));
  if (record.note) node.set('note', createTextNode(record.note));
  node.set('release', createTextNode(record.release));
  node.set('anchor', anchor);
  return node;
}

/**
 * A note or title as a scalar. With a line break it is double-quoted: printed as a block scalar, a line holding
 * only spaces (" \n") would read back without them.
 */
function createTextNode(text: string): Scalar {
  const node = new Scalar(text);
  if (/[\r\n]/.test(text)) node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

function createTagsNode(tags: readonly string[]): YAMLSeq {
  const node = new YAMLSeq();
  node.items.push(...tags.map((tag) => new Scalar(tag)));
  node.flow = true;
  return node;
}

/** A file written on Windows keeps its CRLF line breaks in the blocks spliced into it. */
function getLineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One record printed as a list item (`- id: …`), indented like its neighbours, ending with a line break. */
function printRecordBlock(record: YAMLMap, indent: number, lineBreak: string): string {
  const holder = new Document([]);
  (holder.contents as YAMLSeq).items.push(record);
  const pad = ' '.repeat(indent);
  return holder
    .toString(PRINT_OPTIONS)
    .split('\n')
    .filter((line, i, lines) => i < lines.length - 1 || line !== '')
    .map((line) => (line ? pad + line : line) + lineBreak)
    .join('');
}

/** A record as an item of a flow list (`tags: [{id: …}, …]`): one line, in flow style like its neighbours. */
function printRecordFlow(record: YAMLMap): string {
  const copy = record.clone() as YAMLMap;
  copy.flow = true;
  // A plain or block scalar with a line break (written by hand) would spread the item over several lines: such
  // values are double-quoted, and as JSON-style double quotes their line breaks are escapes.
  visit(copy, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /[\r\n]/.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return new Document(copy).toString({ ...PRINT_OPTIONS, doubleQuotedAsJSON: true }).replace(/\s+$/, '');
}

/** A flow list item with the comma that separates it from the next item (or, for the last, from the previous). */
function getFlowItemSpan(file: ParsedTagFile, item: YAMLMap): Span {
  const items = getRecordList(file)!.items as Node[];
  const index = items.indexOf(item);
  if (index + 1 < items.length) return { start: item.range![0], end: items[index + 1].range![0] };
  if (index > 0) return { start: items[index - 1].range![1], end: item.range![1] };
  return { start: item.range![0], end: item.range![1] };
}

/** The lines of a list item, from the start of its `- ` line to the end of its last line. */
function getItemBlock(text: string, item: Node): { start: number; end: number; indent: number } {
  const range = item.range!;
  const dash = text.lastIndexOf('-', range[0]);
  const start = text.lastIndexOf('\n', dash - 1) + 1;
  let end = range[2];
  if (end < text.length && text[end - 1] !== '\n') {
    const newline = text.indexOf('\n', end);
    end = newline < 0 ? text.length : newline + 1;
  }
  return { start, end, indent: dash - start };
}

function getRecordList(file: ParsedTagFile): YAMLSeq | undefined {
  const contents = file.document.contents;
  const tags = isMap(contents) ? contents.get('tags', true) : undefined;
  return isSeq(tags) ? tags : undefined;
}

function getRecordNode(file: ParsedTagFile, id: string): YAMLMap {
  const item = getRecordList(file)?.items.find((node) => isMap(node) && node.get('id') === id);
  if (!item) throw new Error(`No tag with id ${id} in this file.`);
  return item as YAMLMap;
}

function assertWritable(file: ParsedTagFile): void {
  if (!file.writable) throw new Error('The tag file has errors and is left as it is.');
}
