// Changing a tag file without disturbing what the analyst wrote. Each edit prints only the record it touches
// (with the yaml Document API, so comments inside the record survive) and splices it into the original text:
// the rest of the file keeps every byte, an unchanged file is never re-printed, and a git diff of a new tag
// shows only its block. Records are printed in one fixed style, so printing is deterministic. Re-anchoring a
// record goes further: it rewrites only the `anchor:` lines (and `updated:`), so a reviewer of the YAML diff sees
// that the passage moved and nothing else.

import { Document, isMap, isNode, isScalar, isSeq, Node, Pair, Scalar, stringify, visit, YAMLMap, YAMLSeq } from 'yaml';
import { Span } from '../corpus/model';
import { isSameAnchor, TextAnchor } from './anchoring';
import { isTagOrChildOf, ParsedTagFile } from './tagFile';

export interface NewTagRecord {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly release: string;
  readonly author?: string;
  /** ISO 8601, as `new Date().toISOString()` gives it. */
  readonly created?: string;
  readonly anchor: TextAnchor;
}

export interface TagRecordChange {
  readonly tags?: readonly string[];
  readonly note?: string;
  /** Written as the record's `updated` when the change changes something (ISO 8601). */
  readonly updated?: string;
}

export interface AnchorChange {
  readonly id: string;
  /** The new anchor, from `createAnchor(text, span)` on the corpus text as it is now. */
  readonly anchor: TextAnchor;
}

/**
 * lineWidth 0: quotes and notes are never folded, so a record's printed form depends only on its values; and a
 * double-quoted quote of 40 characters or more with line breaks keeps them as `\n` on one line instead of
 * yaml's default of breaking the line there.
 */
const PRINT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } as const;

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

/** Changes tags and/or note of one record (and sets `updated`); the text unchanged when the values already hold. */
export function updateTagRecord(file: ParsedTagFile, id: string, change: TagRecordChange): string {
  assertWritable(file);
  const item = getRecordNode(file, id);
  return spliceRecords(file, [item], (copy) => applyChange(copy, change));
}

/**
 * Gives records new anchors ("Accept new position", "Re-attach to selection", "Re-attach to best candidate",
 * "Accept all" over many records): only each record's `anchor:` lines are rewritten, plus its `updated:` value
 * (replaced in place, or one line added before `anchor:`) when `updated` is given. id, tags, note, comments and
 * every other byte stay. Records whose anchor already holds are left alone. A record written in flow style
 * (`- {id: …, anchor: {…}}`) has no anchor lines of its own and is re-printed whole.
 */
export function reanchorTagRecords(file: ParsedTagFile, changes: readonly AnchorChange[], updated?: string): string {
  assertWritable(file);
  const edits: TextEdit[] = [];
  // One edit per record (the last change for an id wins): two edits of the same lines would overlap.
  for (const [id, anchor] of new Map(changes.map((change) => [change.id, change.anchor]))) {
    const current = file.records.find((record) => record.id === id);
    if (!current) throw new Error(`No valid tag with id ${id} in this file.`);
    if (isSameAnchor(current.anchor, anchor)) continue;
    const item = getRecordNode(file, id);
    if (item.flow) {
      const replaceAnchor = (copy: YAMLMap) => {
        copy.set('anchor', createAnchorNode(file.document, anchor));
        setUpdated(copy, updated);
        return true;
      };
      edits.push(...printRecordEdits(file, [item], replaceAnchor));
    } else {
      edits.push(...printAnchorEdits(file.text, item, anchor, updated));
    }
  }
  return applyEdits(file.text, edits);
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

/**
 * Renames a tag and its children (`energy` → `fuel` turns `energy/oil` into `fuel/oil`) in every record of the
 * file that has them, merging duplicates when a record has both names; `updated` is set on the records changed.
 */
export function renameTagInFile(file: ParsedTagFile, from: string, to: string, updated?: string): string {
  assertWritable(file);
  const rename = (tag: string) => (isTagOrChildOf(tag, from) ? to + tag.slice(from.length) : tag);
  const items = file.records.filter((record) => record.tags.some((tag) => isTagOrChildOf(tag, from))).map((record) => getRecordNode(file, record.id));
  return spliceRecords(file, items, (copy) => {
    const tags = (copy.get('tags') as YAMLSeq).items.map((tag) => String((tag as Scalar).value));
    return applyChange(copy, { tags: [...new Set(tags.map(rename))], updated });
  });
}

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Re-prints the given records after `change` (which says whether it changed anything) and splices them in. */
function spliceRecords(file: ParsedTagFile, items: readonly YAMLMap[], change: (copy: YAMLMap) => boolean): string {
  return applyEdits(file.text, printRecordEdits(file, items, change));
}

function printRecordEdits(file: ParsedTagFile, items: readonly YAMLMap[], change: (copy: YAMLMap) => boolean): TextEdit[] {
  const edits: TextEdit[] = [];
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
  return edits;
}

/** Edits that do not overlap, applied last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** `anchor:` and its value re-printed where they stand, indented like the key; `updated:` set beside them. */
function printAnchorEdits(text: string, item: YAMLMap, anchor: TextAnchor, updated: string | undefined): TextEdit[] {
  const pair = item.items.find((p) => isScalar(p.key) && p.key.value === 'anchor')!;
  const keyStart = (pair.key as Scalar).range![0];
  const valueEnd = (pair.value as Node).range![1];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const pad = ' '.repeat(keyStart - lineStart);
  const lineBreak = getLineBreak(text);
  const holder = new Document({});
  (holder.contents as YAMLMap).set('anchor', createAnchorNode(holder, anchor));
  const lines = holder.toString(PRINT_OPTIONS).replace(/\n$/, '').split('\n');
  // A block value's range ends after its last line break, a flow value's at its closing brace.
  const printed = lines.map((line, i) => (i > 0 ? pad + line : line)).join(lineBreak) + (text[valueEnd - 1] === '\n' ? lineBreak : '');
  if (updated === undefined) return [{ start: keyStart, end: valueEnd, text: printed }];
  const existing = item.get('updated', true);
  if (isScalar(existing)) return [{ start: existing.range![0], end: existing.range![1], text: printScalar(updated) }, { start: keyStart, end: valueEnd, text: printed }];
  // `updated:` goes on its own line before `anchor:`; when `anchor:` shares its line with the item's `- `, after it.
  if (text.slice(lineStart, keyStart).trim() === '') return [{ start: keyStart, end: valueEnd, text: `updated: ${printScalar(updated)}${lineBreak}${pad}${printed}` }];
  return [{ start: keyStart, end: valueEnd, text: `${printed.replace(/\r?\n$/, '')}${lineBreak}${pad}updated: ${printScalar(updated)}${printed.endsWith('\n') ? lineBreak : ''}` }];
}

function printScalar(value: string): string {
  return stringify(value, PRINT_OPTIONS).replace(/\n$/, '');
}

/** Sets `updated` (in place when present, else just before `anchor` so dates stay together). */
function setUpdated(record: YAMLMap, updated: string | undefined): void {
  if (updated === undefined) return;
  if (record.has('updated')) return record.set('updated', updated);
  const at = record.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'anchor');
  record.items.splice(at < 0 ? record.items.length : at, 0, new Pair(new Scalar('updated'), new Scalar(updated)));
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
  if (changed) setUpdated(record, change.updated);
  return changed;
}

function createRecordNode(document: Document, record: NewTagRecord): YAMLMap {
  const node = new YAMLMap();
  node.set('id', record.id);
  node.set('tags', createTagsNode(record.tags));
  if (record.note) node.set('note', createTextNode(record.note));
  node.set('release', createTextNode(record.release));
  if (record.author) node.set('author', record.author);
  if (record.created) node.set('created', record.created);
  node.set('anchor', createAnchorNode(document, record.anchor));
  return node;
}

function createAnchorNode(document: Document, anchor: TextAnchor): YAMLMap {
  const node = document.createNode({ exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, start: anchor.start, end: anchor.end }) as YAMLMap;
  // Quotes keep every space and line break; double-quoted they print on one line, the same way every time.
  for (const key of ['exact', 'prefix', 'suffix']) (node.get(key, true) as Scalar).type = Scalar.QUOTE_DOUBLE;
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
