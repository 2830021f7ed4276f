// The tag commands (workspace/executeCommand), usable from any LSP client. Each checks its arguments, turns
// ranges into offsets, and hands the change to the engine's tag store; a thrown Error is the client's message.

import { fileURLToPath } from 'node:url';
import { isTagOrChildOf, normaliseTagName } from '../annotations/tagFile';
import { removeTagRecord, renameTagInFile, updateTagRecord } from '../annotations/tagFileEdits';
import { expandToSentences, parseNote, parseTagNames, parseTagStates, TagFilter, TagListing } from '../features/tagging';
import { TagAnchoring } from '../features/tagAnchoring';
import { AnchoredTag, getTagAnchoring } from '../features/tags';
import { computeTagTree } from '../features/tagTree';
import { readGitUserName } from '../host/gitUserName';
import { SERVER_COMMANDS, TagInfo, TagRanges, TagTreeNodeInfo } from '../protocol';
import { assertTrusted, getFileWithLines, ServerContext } from './context';
import { getLineTable, LineTable } from '../engine/lineTable';
import { tagPassage } from '../engine/tagPassage';
import { TagAuthor } from './tagAuthor';
import { registerReanchorCommands } from './tagReanchorCommands';

export function registerTagCommands(ctx: ServerContext): TagAuthor {
  const store = () => ctx.workspace.tags;
  const author = new TagAuthor(() => {
    const folder = ctx.workspace.folderUris[0];
    return folder ? readGitUserName(fileURLToPath(folder)) : Promise.resolve(undefined);
  });
  registerReanchorCommands(ctx);

  ctx.hub.addCommand(SERVER_COMMANDS.tagPassage, async (args) => {
    assertTrusted(ctx);
    const { uri, range, tags, note } = getArgument(args, SERVER_COMMANDS.tagPassage);
    if (typeof uri !== 'string' || !isRange(range)) throw new Error(`${SERVER_COMMANDS.tagPassage} needs { uri, range, tags }.`);
    const found = getFileWithLines(ctx, uri);
    if (!found) throw new Error(`${uri} is not a corpus file Press Corpus has indexed.`);
    const selection = { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) };
    const authorship = { author: await author.get(), created: new Date().toISOString() };
    return toTagInfo(ctx, await tagPassage(ctx.workspace, found.file.uri, selection, tags, note, authorship));
  });

  ctx.hub.addCommand(SERVER_COMMANDS.removeTag, async (args) => {
    assertTrusted(ctx);
    const { id } = getArgument(args, SERVER_COMMANDS.removeTag);
    const yamlUri = await findTagFileOf(ctx, id);
    await store().changeFile(store().getLocationOfTagFile(yamlUri), (file) => removeTagRecord(file, id as string));
    return { id, removed: true };
  });

  ctx.hub.addCommand(SERVER_COMMANDS.editTag, async (args) => {
    assertTrusted(ctx);
    const { id, tags, note } = getArgument(args, SERVER_COMMANDS.editTag);
    const yamlUri = await findTagFileOf(ctx, id);
    const change = {
      tags: tags === undefined ? undefined : parseTagNames(tags),
      note: note === undefined ? undefined : parseNote(note),
      updated: new Date().toISOString(),
    };
    await store().changeFile(store().getLocationOfTagFile(yamlUri), (file) => updateTagRecord(file, id as string, change));
    return listTags(ctx, {}).find((tag) => tag.id === id);
  });

  ctx.hub.addCommand(SERVER_COMMANDS.renameTag, async (args) => {
    assertTrusted(ctx);
    const { from, to } = getArgument(args, SERVER_COMMANDS.renameTag);
    const [oldName] = parseTagNames([from]);
    const [newName] = parseTagNames([to]);
    await store().ensureLoaded();
    let records = 0;
    const updated = new Date().toISOString();
    for (const yamlUri of store().getTagFileUris()) {
      // Renaming a parent renames its children: `energy` → `fuel` turns `energy/oil` into `fuel/oil`.
      const count =
        store()
          .getTagFile(yamlUri)
          ?.records.filter((record) => record.tags.some((tag) => isTagOrChildOf(tag, oldName))).length ?? 0;
      if (count === 0) continue;
      await store().changeFile(store().getLocationOfTagFile(yamlUri), (file) => renameTagInFile(file, oldName, newName, updated));
      records += count;
    }
    return { from: oldName, to: newName, records };
  });

  ctx.hub.addCommand(SERVER_COMMANDS.expandToSentences, (args) => {
    const { uri, range } = getArgument(args, SERVER_COMMANDS.expandToSentences);
    if (typeof uri !== 'string' || !isRange(range)) throw new Error(`${SERVER_COMMANDS.expandToSentences} needs { uri, range }.`);
    const found = getFileWithLines(ctx, uri);
    if (!found) throw new Error(`${uri} is not a corpus file Press Corpus has indexed.`);
    const span = expandToSentences(found.file.text, { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) });
    if (!span) throw new Error('Put the cursor in a sentence (or select some words of it) to tag the sentence.');
    return found.lines.toRange(span);
  });

  ctx.hub.addCommand(SERVER_COMMANDS.listTags, async (args) => {
    const filter = parseTagFilter(ctx, getArgument(args, SERVER_COMMANDS.listTags, true));
    await store().ensureLoaded();
    return listTags(ctx, filter);
  });

  ctx.hub.addCommand(SERVER_COMMANDS.tagRanges, async (args): Promise<TagRanges> => {
    const { uri } = getArgument(args, SERVER_COMMANDS.tagRanges);
    if (typeof uri !== 'string') throw new Error(`${SERVER_COMMANDS.tagRanges} needs { uri }.`);
    await store().ensureLoaded();
    return findTagRanges(ctx, uri);
  });

  ctx.hub.addCommand(SERVER_COMMANDS.tagTree, async (args): Promise<TagTreeNodeInfo[]> => {
    const filter = parseTagFilter(ctx, getArgument(args, SERVER_COMMANDS.tagTree, true));
    await store().ensureLoaded();
    return computeTagTree(
      store()
        .findTags((uri) => ctx.workspace.getFile(uri), filter)
        .map(({ tag }) => tag.record),
    );
  });
  return author;
}

/** listTags' and tagTree's filters: `{ uri?, tag?, states?, author? }`. */
function parseTagFilter(ctx: ServerContext, { uri, tag, states, author }: Record<string, unknown>): TagFilter {
  return {
    corpusUri: typeof uri === 'string' ? (ctx.workspace.getFile(uri)?.uri ?? uri) : undefined,
    tag: typeof tag === 'string' ? normaliseTagName(tag) : undefined,
    states: states === undefined ? undefined : parseTagStates(states),
    author: typeof author === 'string' ? author : undefined,
  };
}

/** Tags of one corpus file (or all), re-anchored, optionally only those carrying one tag name. */
export function listTags(ctx: ServerContext, filter: TagFilter): TagInfo[] {
  return ctx.workspace.tags.findTags((uri) => ctx.workspace.getFile(uri), filter).map((listing) => toTagInfo(ctx, listing));
}

/** Where the tags of one corpus file are drawn (`TagRanges`); none for a file without tags. */
export function findTagRanges(ctx: ServerContext, uri: string): TagRanges {
  const found = getFileWithLines(ctx, uri);
  const spans = found && getAnchoringOf(ctx, found.file.uri)?.getSpansByState();
  if (!found || !spans) return { exact: [], moved: [], fuzzy: [] };
  return { exact: found.lines.toFlatPositions(spans.exact), moved: found.lines.toFlatPositions(spans.moved), fuzzy: found.lines.toFlatPositions(spans.fuzzy) };
}

/** The re-anchored tags of a corpus file, when it has a tag file. */
export function getAnchoringOf(ctx: ServerContext, corpusUri: string): TagAnchoring | undefined {
  const location = ctx.workspace.getTagFileLocation(corpusUri);
  const tagFile = location && ctx.workspace.tags.getTagFile(location.yamlUri);
  return tagFile ? getTagAnchoring(ctx.workspace.getFile(corpusUri), tagFile) : undefined;
}

function toTagInfo(ctx: ServerContext, { corpusUri, tag }: TagListing): TagInfo {
  const file = ctx.workspace.getFile(corpusUri);
  const lines = file ? getLineTable(file) : new LineTable('');
  const { record } = tag;
  const storedRange = tag.storedSpan && lines.toRange(tag.storedSpan);
  return {
    id: record.id,
    uri: corpusUri,
    range: lines.toRange(tag.span),
    status: tag.status,
    tags: record.tags,
    note: record.note,
    release: tag.releaseTitle,
    quote: record.anchor.exact,
    ...(tag.similarity === undefined ? {} : { similarity: tag.similarity, currentText: tag.currentText }),
    ...(storedRange ? { storedRange, movedLines: getMovedLines(tag, lines) } : {}),
    ...(record.author ? { author: record.author } : {}),
    ...(record.created ? { created: record.created } : {}),
    ...(record.updated ? { updated: record.updated } : {}),
  };
}

/** A moved tag's stored offsets read in today's text: how many lines it moved as the analyst sees it (+ down). */
export function getMovedLines(tag: AnchoredTag, lines: LineTable): number {
  return tag.storedSpan ? lines.toPosition(tag.span.start).line - lines.toPosition(tag.storedSpan.start).line : 0;
}

export async function findTagFileOf(ctx: ServerContext, id: unknown): Promise<string> {
  if (typeof id !== 'string' || !id) throw new Error('Give the id of the tag: [{ id }].');
  await ctx.workspace.tags.ensureLoaded();
  const found = ctx.workspace.tags.findRecord(id);
  if (!found) throw new Error(`No tag with id ${id}: it may have been removed already.`);
  return found.yamlUri;
}

export function getArgument(args: unknown[], command: string, optional = false): Record<string, unknown> {
  const argument = args[0];
  if (argument && typeof argument === 'object') return argument as Record<string, unknown>;
  if (optional && argument === undefined) return {};
  throw new Error(`${command} takes one object argument.`);
}

export function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const range = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } };
  return (
    !!range &&
    [range.start?.line, range.start?.character, range.end?.line, range.end?.character].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  );
}
