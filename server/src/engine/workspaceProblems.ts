// Every problem of one file of the workspace, whatever the file is: a corpus file's own problems (parse,
// duplicates, tags that lost their passage), a tag file's (YAML errors, orphaned records), an entity file's. The
// one answer both front ends publish: the server as diagnostics, the CLI's `check` as a report.

import { Problem } from '../corpus/model';
import { computeFileProblems } from '../features/diagnostics';
import { computeCorpusFileProblem, getTagFileLocation, isTagFileUri } from '../features/tagging';
import { computeCorpusFileTagProblems, computeTagFileProblems, getTagAnchoring } from '../features/tags';
import { getUriBaseName } from '../features/uris';
import { CorpusWorkspace } from './corpusWorkspace';

/** The problems, with the parsed file whose text their spans point into (for line tables). */
export interface FileProblems {
  readonly file: { readonly text: string };
  readonly problems: readonly Problem[];
}

const NONE: FileProblems = { file: { text: '' }, problems: [] };

export function findWorkspaceProblems(workspace: CorpusWorkspace, uri: string): FileProblems {
  if (workspace.knowledge.isEntityFileUri(uri)) {
    const { parsed } = workspace.knowledge.getFile(uri);
    return { file: parsed, problems: parsed.problems };
  }
  if (isTagFileUri(uri)) {
    const tagFile = workspace.tags.getTagFile(uri);
    if (!tagFile) return NONE;
    // A tag file without its corpus file (renamed, deleted) shows every record as orphaned.
    const corpusUri = workspace.tags.getCorpusUri(uri);
    // Only fuzzy and orphaned tags have problems: a keystroke does not make an object for every tag.
    const tags = getTagAnchoring(corpusUri ? workspace.getFile(corpusUri) : undefined, tagFile).getUnsettled();
    const outside = computeCorpusFileProblem(tagFile);
    return {
      file: tagFile,
      problems: [...(outside ? [outside] : []), ...computeTagFileProblems(tagFile, tags, corpusUri ? getUriBaseName(corpusUri) : 'its corpus file')],
    };
  }
  const file = workspace.getFile(uri);
  if (!file) return NONE;
  const problems = computeFileProblems(workspace.view, file.uri);
  const location = getTagFileLocation(workspace.folderUris, file.uri);
  const tagFile = location && workspace.tags.getTagFile(location.yamlUri);
  if (location && tagFile) problems.push(...computeCorpusFileTagProblems(file, getTagAnchoring(file, tagFile).getUnsettled(), location.displayName));
  return { file, problems };
}
