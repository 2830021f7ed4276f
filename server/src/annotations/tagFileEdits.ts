// Changing a tag file without disturbing what the analyst wrote. Each edit prints only the record it touches
// (with the yaml Document API, so comments inside the record survive) and splices it into the original text:
// the rest of the file keeps every byte, an unchanged file is never re-printed, and a git diff of a new tag
// shows only its block. Records are printed in one fixed style, so printing is deterministic. Re-anchoring a
// record goes further: it rewrites only the `anchor:` lines (and `updated:`), so a reviewer of the YAML diff sees
// that the passage moved and nothing else.

import { Document, isMap, isScalar, isSeq, Node, Pair, Scalar, stringify, YAMLMap, YAMLSeq } from 'yaml';
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

/** Appends records after the last one; when there is no block list yet the `tags:` entry is printed anew. */
export function addTagRecords(file: ParsedTagFile, records: readonly NewTagRecord[]): string {
  assertWritable(file);
  if (records.length === 0) return file.text;
  const list = getRecordList(file);
  if (!list || list.flow || list.items.length === 0) {
    const document = file.document.clone();
    const tags = new YAMLSeq();
    for (const record of records) tags.items.push(createRecordNode(document, record));
    if (isMap(document.contents)) (document.contents as YAMLMap).set('tags', tags);
    else document.contents = document.createNode({ tags }) as never;
    return document.toString(PRINT_OPTIONS);
  }
  const indent = getItemBlock(file.text, list.items[0] as Node).indent;
  const at = list.range![2];
  const blocks = records.map((record) => printRecordBlock(createRecordNode(file.document, record), indent, getLineBreak(file.text))).join('');
  const separator = at > 0 && file.text[at - 1] !== '\n' ? getLineBreak(file.text) : '';
  return file.text.slice(0, at) + separator + blocks + file.text.slice(at);
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
  const block = getItemBlock(file.text, getRecordNode(file, id));
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
    if (change.note) record.set('note', change.note);
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
  if (record.note) node.set('note', record.note);
  node.set('release', record.release);
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
