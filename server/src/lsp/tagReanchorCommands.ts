// Confirming and re-attaching tags (workspace/executeCommand, any LSP client): pressCorpus.reanchorTag accepts a
// tag where it is found now, re-attaches an orphan to its best candidate or to a selection; pressCorpus.
// acceptAnchors accepts every exact/moved anchor of a file at once. Only the records' anchor (and updated)
// lines change. A candidate is shown before it is used: `preview` answers without writing, `confirm` reveals it
// (window/showDocument) and asks (window/showMessageRequest).

import { MessageType } from 'vscode-languageserver/node';
import { isSameAnchor } from '../annotations/anchoring';
import { ParsedTagFile } from '../annotations/tagFile';
import { CorpusFile } from '../features/corpusIndex';
import { createAcceptAnchorsEdit, createReanchorEdit, findReanchorTarget, parseTagStates, ReanchorTarget } from '../features/tagging';
import { AnchoredTag, computeAnchoredTags, describeSimilarity, describeTags } from '../features/tags';
import { getUriBaseName } from '../features/uris';
import { AcceptAnchorsAnswer, ProtocolRange, SERVER_COMMANDS, TagInfo } from '../protocol';
import { assertTrusted, getFileWithLines, ServerContext } from './context';
import { getLineTable } from '../engine/lineTable';
import { findTagFileOf, getArgument, isRange, listTags } from './tagCommands';

const REATTACH_CHOICE = 'Re-attach here';

export function registerReanchorCommands(ctx: ServerContext): void {
  const store = () => ctx.workspace.tags;

  ctx.hub.addCommand(SERVER_COMMANDS.reanchorTag, async (args): Promise<TagInfo | undefined> => {
    const { id, range, preview, confirm } = getArgument(args, SERVER_COMMANDS.reanchorTag);
    if (range !== undefined && !isRange(range)) throw new Error(`${SERVER_COMMANDS.reanchorTag}: range must be an LSP range.`);
    if (preview !== true) assertTrusted(ctx);
    const { yamlUri, corpusFile, tag } = await findTag(ctx, id);
    const lines = getLineTable(corpusFile);
    const target = findReanchorTarget(corpusFile, tag, range && { start: lines.toOffset(range.start), end: lines.toOffset(range.end) });
    if (!target)
      throw new Error(
        range
          ? 'Select the passage to re-attach the tag to first: the selection holds no text.'
          : `No passage in ${getUriBaseName(corpusFile.uri)} is like the one tagged ${describeTags(tag.record.tags)}; select one and re-attach the tag to the selection.`,
      );
    const where: TagInfo = {
      ...listTags(ctx, { corpusUri: corpusFile.uri }).find((t) => t.id === tag.record.id)!,
      range: lines.toRange(target.span),
      ...(target.similarity === undefined ? {} : { similarity: target.similarity }),
    };
    if (preview === true) return where;
    if (confirm === true && !(await showAndAsk(ctx, where, tag, target))) return undefined;
    await store().changeFile(store().getLocationOfTagFile(yamlUri), createReanchorEdit(corpusFile, tag.record.id, target.span, new Date().toISOString()));
    return listTags(ctx, { corpusUri: corpusFile.uri }).find((t) => t.id === tag.record.id);
  });

  ctx.hub.addCommand(SERVER_COMMANDS.acceptAnchors, async (args): Promise<AcceptAnchorsAnswer> => {
    assertTrusted(ctx);
    const { uri, states } = getArgument(args, SERVER_COMMANDS.acceptAnchors);
    const found = typeof uri === 'string' ? getFileWithLines(ctx, uri) : undefined;
    if (!found) throw new Error(`${SERVER_COMMANDS.acceptAnchors} needs { uri } of a corpus file Press Corpus has indexed.`);
    await store().ensureLoaded();
    const location = ctx.workspace.getTagFileLocation(found.file.uri);
    const before = location && store().getTagFile(location.yamlUri);
    if (!location || !before) return { uri: found.file.uri, records: 0 };
    await store().changeFile(
      location,
      createAcceptAnchorsEdit(found.file, states === undefined ? ['exact', 'moved'] : parseTagStates(states), new Date().toISOString()),
    );
    return { uri: found.file.uri, records: countChangedAnchors(before, store().getTagFile(location.yamlUri)) };
  });
}

/** The tag with this id, re-anchored in its corpus file as it is now. */
async function findTag(ctx: ServerContext, id: unknown): Promise<{ yamlUri: string; corpusFile: CorpusFile; tag: AnchoredTag }> {
  const yamlUri = await findTagFileOf(ctx, id);
  const corpusUri = ctx.workspace.tags.getCorpusUri(yamlUri);
  const corpusFile = corpusUri ? ctx.workspace.getFile(corpusUri) : undefined;
  const tagFile = ctx.workspace.tags.getTagFile(yamlUri)!;
  if (!corpusFile)
    throw new Error(`The corpus file of tag ${id} (${tagFile.corpusFile ?? 'not named'}) is not in the corpus: restore it before re-attaching its tags.`);
  const tag = computeAnchoredTags(corpusFile, tagFile).find((t) => t.record.id === id)!;
  return { yamlUri, corpusFile, tag };
}

/** Selects the passage the tag would move to and asks the analyst; clients without these requests just proceed. */
async function showAndAsk(ctx: ServerContext, where: TagInfo, tag: AnchoredTag, target: ReanchorTarget): Promise<boolean> {
  const selection: ProtocolRange = where.range;
  await ctx.connection.window.showDocument({ uri: where.uri, selection, takeFocus: true }).catch(() => undefined);
  const similarity = target.similarity === undefined ? '' : ` (${describeSimilarity(target.similarity)} similar)`;
  const question = `Re-attach ${describeTags(tag.record.tags)} to the selected passage${similarity}?`;
  try {
    const answer = await ctx.connection.sendRequest<{ title: string } | null>('window/showMessageRequest', {
      type: MessageType.Info,
      message: question,
      actions: [{ title: REATTACH_CHOICE }, { title: 'Cancel' }],
    });
    return answer?.title === REATTACH_CHOICE;
  } catch {
    return true;
  }
}

function countChangedAnchors(before: ParsedTagFile, after: ParsedTagFile | undefined): number {
  const old = new Map(before.records.map((record) => [record.id, record.anchor]));
  return (after?.records ?? []).filter((record) => {
    const anchor = old.get(record.id);
    return anchor && !isSameAnchor(anchor, record.anchor);
  }).length;
}
