// Tagging a passage, as both front ends do it: the corpus file must be indexed and inside a workspace folder, the
// selection is trimmed to its words, the tag file must belong to this corpus file (two files of the same name
// would share one), and the record goes through the tag store. Errors are the user's answer, with what to do.

import { Span } from '../corpus/model';
import { createTagRecord, parseNote, parseTagNames, TagAuthorship, TagListing, trimSelection } from '../features/tagging';
import { CorpusWorkspace } from './corpusWorkspace';

export async function tagPassage(
  workspace: CorpusWorkspace,
  corpusUri: string,
  selection: Span,
  tags: unknown,
  note: unknown,
  authorship: TagAuthorship,
): Promise<TagListing> {
  const file = workspace.getFile(corpusUri);
  if (!file) throw new Error(`${corpusUri} is not a corpus file Press Corpus has indexed.`);
  const location = workspace.getTagFileLocation(file.uri);
  if (!location) throw new Error(`${corpusUri} is not inside a workspace folder, so there is no annotations/ folder for its tags.`);
  if (location.displayName === 'annotations/entities.yaml') {
    throw new Error('A corpus file named entities.txt would share annotations/entities.yaml with the entity list; rename the corpus file to tag it.');
  }
  const span = trimSelection(file.text, selection);
  if (span.start >= span.end) throw new Error('Select the passage to tag first: the selection holds no text.');
  const record = createTagRecord(file, span, parseTagNames(tags), parseNote(note), authorship);
  await workspace.tags.ensureLoaded();
  const owner = workspace.tags.getTagFile(location.yamlUri)?.corpusFile;
  if (owner && owner !== location.corpusFile) {
    throw new Error(`${location.displayName} holds the tags of ${owner}; two corpus files with the same name cannot both be tagged. Rename one of them.`);
  }
  const id = await workspace.tags.addRecord(location, record);
  // The record as written; written through an editor's unsaved buffer, its place in the YAML is known only later.
  const written = workspace.tags.getTagFile(location.yamlUri)?.records.find((r) => r.id === id) ?? { ...record, id, span: { start: 0, end: 0 } };
  return { corpusUri: file.uri, yamlUri: location.yamlUri, tag: { record: written, status: 'exact', span, releaseTitle: record.release } };
}
