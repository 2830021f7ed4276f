// "Add to entities.yaml" on a name the knowledge base does not know: a well-formed entry (id, name, kind,
// spellings seen, role as stated) appended to the `entities:` list of the corpus file's workspace folder, or the
// file created. When the YAML does not parse, the action is shown disabled with the reason and the line: the
// file is never overwritten.

import { CodeActionKind, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { createEntityId, getEntityAppendText, NewEntityEntry } from '../annotations/entityFile';
import { ENTITY_FILE_PATH } from '../engine/entityKnowledge';
import { computeEntityCard } from '../features/entityCard';
import { Entity } from '../features/entityIndex';
import { getFileWithLines, ServerContext } from './context';
import { getLineTable } from '../engine/lineTable';

export function registerEntityActions(ctx: ServerContext): void {
  ctx.hub.addCodeActionProvider(async ({ textDocument, range }) => {
    const knowledge = ctx.workspace.knowledge;
    await knowledge.ensureLoaded();
    const found = getFileWithLines(ctx, textDocument.uri);
    const hit = found && ctx.workspace.view.entities.findMentionAt(found.file.uri, found.lines.toOffset(range.start));
    const entityFileUri = found && knowledge.getFileUriFor(found.file.uri);
    if (!found || !hit || !entityFileUri || hit.entity?.record || hit.mention.form === 'title') return undefined;
    const written = found.file.text.slice(hit.mention.span.start, hit.mention.span.end).replace(/\s+/g, ' ');
    const entry = hit.entity ? describeNewEntry(ctx, hit.entity) : { name: written, kind: hit.mention.kind, aliases: [] as string[] };
    const title = `Add “${entry.name}” to ${ENTITY_FILE_PATH}`;
    if (!ctx.workspaceTrusted)
      return { title, kind: CodeActionKind.QuickFix, disabled: { reason: 'The workspace is not trusted: Press Corpus does not write files in it.' } };
    const file = knowledge.getFile(entityFileUri);
    const id = createEntityId(entry.name, (candidate) => file.parsed.records.some((r) => r.id === candidate));
    const edit = toAppendEdit(entityFileUri, file, { id, ...entry });
    if ('refused' in edit) return { title, kind: CodeActionKind.QuickFix, disabled: { reason: edit.refused } };
    return { title, kind: CodeActionKind.QuickFix, edit };
  });
}

/** Name, kind, other spellings and the most frequent role, as the corpus states them. */
function describeNewEntry(ctx: ServerContext, entity: Entity): Omit<NewEntityEntry, 'id'> {
  const card = computeEntityCard(ctx.workspace.view, entity, 0);
  const aliases = card.spellings.filter((s) => s !== entity.name).slice(0, 5);
  return { name: entity.name, kind: entity.kind, aliases, role: card.roles[0]?.role };
}

function toAppendEdit(
  uri: string,
  file: ReturnType<ServerContext['workspace']['knowledge']['getFile']>,
  entry: NewEntityEntry,
): WorkspaceEdit | { refused: string } {
  const append = getEntityAppendText(file.parsed, entry);
  if ('refused' in append) return append;
  const position = getLineTable(file.parsed).toPosition(append.offset);
  const insert = TextDocumentEdit.create({ uri, version: null }, [{ range: { start: position, end: position }, newText: append.text }]);
  return { documentChanges: file.exists ? [insert] : [{ kind: 'create', uri, options: { ignoreIfExists: true } }, insert] };
}
