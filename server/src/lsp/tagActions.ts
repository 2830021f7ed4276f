// Code actions on tags: "Accept new position" on a moved or fuzzy tag, "Re-attach to selection" and "Re-attach to
// best candidate (72 %)" on an orphan (on its release title, where tag.orphaned is shown), "Accept all exact/moved
// tag anchors" for the file, and "Edit tag…" / "Remove tag" on any tag. Each runs a server command, so any
// client can use them; the candidate's action reveals it and asks before writing (pressCorpus.reanchorTag confirm).

import { CodeAction, CodeActionKind } from 'vscode-languageserver/node';
import { findBestCandidate } from '../annotations/anchoring';
import { AnchoredTag, computeAcceptedAnchors, describeQuote, describeSimilarity, describeTags, findTagsAt, getOrphanedTagSpan } from '../features/tags';
import { isPassageAt } from '../features/tagAnchoring';
import { CLIENT_COMMANDS, ProtocolRange, SERVER_COMMANDS } from '../protocol';
import { getFileWithLines, ServerContext } from './context';

/** "Source Action…" in VS Code: offered anywhere in the file, not on the light bulb of every line. */
export const ACCEPT_ALL_ANCHORS_KIND = `${CodeActionKind.Source}.acceptTagAnchors`;

export function registerTagActions(ctx: ServerContext, getAnchoredTagsOf: (corpusUri: string) => readonly AnchoredTag[]): void {
  ctx.hub.addCodeActionProvider(({ textDocument, range }) => {
    const found = getFileWithLines(ctx, textDocument.uri);
    if (!found) return [];
    const span = { start: found.lines.toOffset(range.start), end: found.lines.toOffset(range.end) };
    const tags = getAnchoredTagsOf(found.file.uri);
    const orphans = tags.filter((tag) => tag.status === 'orphaned');
    const onOrphans = orphans.filter((tag) => {
      const at = getOrphanedTagSpan(found.file, tag);
      return isPassageAt(at.start, at.end, span);
    });
    const accepted = computeAcceptedAnchors(found.file.text, tags, ['exact', 'moved']);
    return [
      ...findTagsAt(tags, span).flatMap((tag) => getActionsOnTag(tag)),
      ...(span.start < span.end ? orphans.map((tag) => reattachToSelection(tag, range)) : []),
      ...onOrphans.flatMap((tag) => reattachToCandidate(tag, found.file.text)),
      ...(accepted.length ? [acceptAll(textDocument.uri, accepted.length)] : []),
    ];
  });
}

function getActionsOnTag(tag: AnchoredTag): CodeAction[] {
  const { id } = tag.record;
  const label = `${describeTags(tag.record.tags)} on “${describeQuote(tag.record.anchor.exact, 40)}”`;
  const accept: CodeAction[] =
    tag.status === 'moved' || tag.status === 'fuzzy'
      ? [
          {
            title: `Accept new position of ${describeTags(tag.record.tags)} (${tag.status === 'fuzzy' ? `${describeSimilarity(tag.similarity ?? 0)} similar` : 'moved'})`,
            kind: CodeActionKind.QuickFix,
            command: { title: 'Accept new position', command: SERVER_COMMANDS.reanchorTag, arguments: [{ id }] },
          },
        ]
      : [];
  return [
    ...accept,
    { title: `Edit tag ${label}…`, command: { title: 'Edit tag', command: CLIENT_COMMANDS.editTagInteractive, arguments: [{ id }] } },
    { title: `Remove tag ${label}`, command: { title: 'Remove tag', command: SERVER_COMMANDS.removeTag, arguments: [{ id }] } },
  ];
}

function reattachToSelection(tag: AnchoredTag, range: ProtocolRange): CodeAction {
  const title = `Re-attach orphaned ${describeTags(tag.record.tags)} (“${describeQuote(tag.record.anchor.exact, 30)}”) to selection`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    command: { title: 'Re-attach to selection', command: SERVER_COMMANDS.reanchorTag, arguments: [{ id: tag.record.id, range }] },
  };
}

/** Computed here for the title's percentage: one bounded search per orphan on the line, ~15 ms each. */
function reattachToCandidate(tag: AnchoredTag, text: string): CodeAction[] {
  const candidate = findBestCandidate(text, tag.record.anchor);
  if (!candidate) return [];
  const title = `Re-attach orphaned ${describeTags(tag.record.tags)} to best candidate (${describeSimilarity(candidate.similarity)}): “${describeQuote(candidate.text, 40)}”`;
  return [
    {
      title,
      kind: CodeActionKind.QuickFix,
      command: { title: 'Re-attach to best candidate', command: SERVER_COMMANDS.reanchorTag, arguments: [{ id: tag.record.id, confirm: true }] },
    },
  ];
}

function acceptAll(uri: string, records: number): CodeAction {
  const title = `Accept all exact/moved tag anchors in this file (${records} record${records === 1 ? '' : 's'})`;
  return {
    title,
    kind: ACCEPT_ALL_ANCHORS_KIND,
    command: { title: 'Accept all exact/moved anchors', command: SERVER_COMMANDS.acceptAnchors, arguments: [{ uri }] },
  };
}
