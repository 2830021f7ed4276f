// The tag commands (workspace/executeCommand), usable from any LSP client. Each checks its arguments, turns
// ranges into offsets, and hands the change to the tag store; a thrown Error is the client's error message.

import { Range } from 'vscode-languageserver/node';
import { createAnchor } from '../annotations/anchoring';
import { normaliseTagName } from '../annotations/tagFile';
import { removeTagRecord, renameTagInFile, updateTagRecord } from '../annotations/tagFileEdits';
import { getReleaseAt, Span } from '../corpus/model';
import { AnchoredTag, computeAnchoredTags, TagStatus } from '../features/tags';
import { getFileWithLines, ServerContext } from './context';
import { LineTable } from './positions';
import { TagStore } from './tagStore';

export const TAG_COMMANDS = {
  tagPassage: 'pressCorpus.tagPassage',
  removeTag: 'pressCorpus.removeTag',
  editTag: 'pressCorpus.editTag',
  renameTag: 'pressCorpus.renameTag',
  listTags: 'pressCorpus.listTags',
} as const;

/** One tag as commands answer it. */
export interface TagInfo {
  readonly id: string;
  readonly uri: string;
  readonly range: Range;
  readonly status: TagStatus;
  readonly tags: readonly string[];
  readonly note: string;
  readonly release: string;
  readonly quote: string;
}

export function registerTagCommands(ctx: ServerContext, store: TagStore): void {
  ctx.hub.addCommand(TAG_COMMANDS.tagPassage, async (args) => {
    assertTrusted(ctx);
    const { uri, range, tags, note } = getArgument(args, TAG_COMMANDS.tagPassage);
    if (typeof uri !== 'string' || !isRange(range)) throw new Error(`${TAG_COMMANDS.tagPassage} needs { uri, range, tags }.`);
    const found = getFileWithLines(ctx, uri);
    if (!found) throw new Error(`${uri} is not a corpus file Press Corpus has indexed.`);
    const location = store.getLocation(uri);
    if (!location) throw new Error(`${uri} is not inside a workspace folder, so there is no annotations/ folder for its tags.`);
    if (location.displayName === 'annotations/entities.yaml') throw new Error('A corpus file named entities.txt would share annotations/entities.yaml with the entity list; rename the corpus file to tag it.');
    const span = trimSpan(found.file.text, { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) });
    if (span.start >= span.end) throw new Error('Select the passage to tag first: the selection holds no text.');
    const names = getTagNames(tags);
    await store.ensureLoaded();
    const owner = store.getTagFile(location.yamlUri)?.corpusFile;
    if (owner && owner !== location.corpusFile) {
      throw new Error(`${location.displayName} holds the tags of ${owner}; two corpus files with the same name cannot both be tagged. Rename one of them.`);
    }
    const record = {
      tags: names,
      note: getNote(note),
      release: getReleaseAt(found.file.parsed, span.start)?.title ?? '',
      anchor: createAnchor(found.file.text, span),
    };
    const id = await store.addRecord(location, record);
    return toTagInfo(found.lines, uri, { start: span.start, end: span.end }, 'anchored', { ...record, id });
  });

  ctx.hub.addCommand(TAG_COMMANDS.removeTag, async (args) => {
    assertTrusted(ctx);
    const { id } = getArgument(args, TAG_COMMANDS.removeTag);
    const yamlUri = await findTagFileOf(store, id);
    await store.changeFile(store.getLocationOfTagFile(yamlUri), (file) => removeTagRecord(file, id as string));
    return { id, removed: true };
  });

  ctx.hub.addCommand(TAG_COMMANDS.editTag, async (args) => {
    assertTrusted(ctx);
    const { id, tags, note } = getArgument(args, TAG_COMMANDS.editTag);
    const yamlUri = await findTagFileOf(store, id);
    const change = { tags: tags === undefined ? undefined : getTagNames(tags), note: note === undefined ? undefined : getNote(note) };
    await store.changeFile(store.getLocationOfTagFile(yamlUri), (file) => updateTagRecord(file, id as string, change));
    return listTags(ctx, store, {}).find((tag) => tag.id === id);
  });

  ctx.hub.addCommand(TAG_COMMANDS.renameTag, async (args) => {
    assertTrusted(ctx);
    const { from, to } = getArgument(args, TAG_COMMANDS.renameTag);
    const [oldName] = getTagNames([from]);
    const [newName] = getTagNames([to]);
    await store.ensureLoaded();
    let records = 0;
    for (const yamlUri of store.getTagFileUris()) {
      const count = store.getTagFile(yamlUri)?.records.filter((record) => record.tags.includes(oldName)).length ?? 0;
      if (count === 0) continue;
      await store.changeFile(store.getLocationOfTagFile(yamlUri), (file) => renameTagInFile(file, oldName, newName));
      records += count;
    }
    return { from: oldName, to: newName, records };
  });

  ctx.hub.addCommand(TAG_COMMANDS.listTags, async (args) => {
    const { uri, tag } = getArgument(args, TAG_COMMANDS.listTags, true);
    await store.ensureLoaded();
    return listTags(ctx, store, { uri: typeof uri === 'string' ? uri : undefined, tag: typeof tag === 'string' ? normaliseTagName(tag) : undefined });
  });
}

/** Tags of one corpus file (or all), re-anchored, optionally only those carrying one tag name. */
export function listTags(ctx: ServerContext, store: TagStore, filter: { uri?: string; tag?: string }): TagInfo[] {
  const yamlUris = filter.uri ? [store.getLocation(filter.uri)?.yamlUri].filter((u): u is string => !!u) : store.getTagFileUris();
  const found: TagInfo[] = [];
  for (const yamlUri of yamlUris) {
    const corpusUri = store.getCorpusUri(yamlUri) ?? filter.uri;
    const tagFile = store.getTagFile(yamlUri);
    if (!corpusUri || !tagFile) continue;
    const lines = getFileWithLines(ctx, corpusUri)?.lines ?? new LineTable('');
    for (const tag of computeAnchoredTags(ctx.index.getFile(corpusUri), tagFile)) {
      if (filter.tag && !tag.record.tags.includes(filter.tag)) continue;
      found.push(toTagInfo(lines, corpusUri, tag.span, tag.status, { ...tag.record, release: tag.releaseTitle }));
    }
  }
  return found;
}

export function getAnchoredTagsOf(ctx: ServerContext, store: TagStore, corpusUri: string): readonly AnchoredTag[] {
  const location = store.getLocation(corpusUri);
  const tagFile = location && store.getTagFile(location.yamlUri);
  return tagFile ? computeAnchoredTags(ctx.index.getFile(corpusUri), tagFile) : [];
}

function toTagInfo(
  lines: LineTable,
  uri: string,
  span: Span,
  status: TagStatus,
  record: { id: string; tags: readonly string[]; note: string; release: string; anchor: { exact: string } },
): TagInfo {
  return { id: record.id, uri, range: lines.toRange(span), status, tags: record.tags, note: record.note, release: record.release, quote: record.anchor.exact };
}

async function findTagFileOf(store: TagStore, id: unknown): Promise<string> {
  if (typeof id !== 'string' || !id) throw new Error('Give the id of the tag: [{ id }].');
  await store.ensureLoaded();
  const found = store.findRecord(id);
  if (!found) throw new Error(`No tag with id ${id}: it may have been removed already.`);
  return found.yamlUri;
}

function assertTrusted(ctx: ServerContext): void {
  if (!ctx.workspaceTrusted) {
    throw new Error('This workspace is not trusted, so Press Corpus does not write tag files in it. Trust the workspace (Workspaces: Manage Workspace Trust) to tag passages.');
  }
}

function getArgument(args: unknown[], command: string, optional = false): Record<string, unknown> {
  const argument = args[0];
  if (argument && typeof argument === 'object') return argument as Record<string, unknown>;
  if (optional && argument === undefined) return {};
  throw new Error(`${command} takes one object argument.`);
}

function getTagNames(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [];
  const names = list.map((tag) => (typeof tag === 'string' ? normaliseTagName(tag) : undefined));
  if (names.length === 0 || names.some((name) => name === undefined)) {
    throw new Error(`Tags must be a non-empty list of names without commas (got ${JSON.stringify(raw)}).`);
  }
  return [...new Set(names as string[])];
}

function getNote(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string') throw new Error('The note must be text.');
  return raw.trim();
}

function isRange(value: unknown): value is Range {
  const range = value as Range;
  return !!range && typeof range.start?.line === 'number' && typeof range.start?.character === 'number' && typeof range.end?.line === 'number' && typeof range.end?.character === 'number';
}

/** A selection usually catches the line break or spaces around a passage; the tag holds the words only. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
