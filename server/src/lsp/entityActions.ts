// "Add to entities.yaml" on a name the knowledge base does not know: a well-formed entry (id, name, kind,
// spellings seen, role as stated) appended to the `entities:` list, or the file created. When the YAML does not
// parse, the action is shown disabled with the reason and the line: the file is never overwritten.

import { CodeAction, CodeActionKind, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { createEntityId, getEntityAppendText, NewEntityEntry } from '../annotations/entityFile';
import { computeEntityCard } from '../features/entityCard';
import { Entity } from '../features/entityIndex';
import { getFileWithLines, ServerContext } from './context';
import { ENTITY_FILE_PATH, EntityKnowledge } from './entityKnowledge';

export function registerEntityActions(ctx: ServerContext, knowledge: EntityKnowledge): void {
  ctx.hub.addCodeActionProvider(async ({ textDocument, range }) => {
    await knowledge.ensureLoaded();
    const found = getFileWithLines(ctx, textDocument.uri);
    const hit = found && knowledge.entities.findMentionAt(textDocument.uri, found.lines.toOffset(range.start));
    if (!found || !hit || hit.entity?.record || hit.mention.form === 'title') return undefined;
    const written = found.file.text.slice(hit.mention.span.start, hit.mention.span.end).replace(/\s+/g, ' ');
    const entry = hit.entity ? describeNewEntry(ctx, knowledge, hit.entity) : { name: written, kind: hit.mention.kind, aliases: [] as string[] };
    const title = `Add “${entry.name}” to ${ENTITY_FILE_PATH}`;
    if (!ctx.workspaceTrusted) return { title, kind: CodeActionKind.QuickFix, disabled: { reason: 'The workspace is not trusted: Press Corpus does not write files in it.' } };
    const id = createEntityId(entry.name, (candidate) => knowledge.file.records.some((r) => r.id === candidate));
    const edit = toAppendEdit(knowledge, { id, ...entry });
    if ('refused' in edit) return { title, kind: CodeActionKind.QuickFix, disabled: { reason: edit.refused } };
    const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit };
    return action;
  });
}

/** Name, kind, other spellings and the most frequent role, as the corpus states them. */
function describeNewEntry(ctx: ServerContext, knowledge: EntityKnowledge, entity: Entity): Omit<NewEntityEntry, 'id'> {
  const card = computeEntityCard(ctx.index, knowledge.entities, entity, 0);
  const aliases = card.spellings.filter((s) => s !== entity.name).slice(0, 5);
  return { name: entity.name, kind: entity.kind, aliases, role: card.roles[0]?.role };
}

function toAppendEdit(knowledge: EntityKnowledge, entry: NewEntityEntry): WorkspaceEdit | { refused: string } {
  const uri = knowledge.uri;
  if (!uri) return { refused: 'No workspace folder is open.' };
  const append = getEntityAppendText(knowledge.file, entry);
  if ('refused' in append) return append;
  const position = knowledge.lines.toPosition(append.offset);
  const insert = TextDocumentEdit.create({ uri, version: null }, [{ range: { start: position, end: position }, newText: append.text }]);
  return { documentChanges: knowledge.fileExists ? [insert] : [{ kind: 'create', uri, options: { ignoreIfExists: true } }, insert] };
}
