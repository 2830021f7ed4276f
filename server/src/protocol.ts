// The protocol between the Press Corpus server and its clients, beyond standard LSP: command and notification
// names, their argument and answer shapes. Imported by the server (server/src/lsp/) and the VS Code client
// (client/src/) alike, so the two cannot drift apart; plain types only, no runtime dependency.

export interface ProtocolPosition {
  readonly line: number;
  readonly character: number;
}

export interface ProtocolRange {
  readonly start: ProtocolPosition;
  readonly end: ProtocolPosition;
}

export interface ProtocolLocation {
  readonly uri: string;
  readonly range: ProtocolRange;
}

/** Commands the server runs (workspace/executeCommand), usable from any LSP client. */
export const SERVER_COMMANDS = {
  tagPassage: 'pressCorpus.tagPassage',
  removeTag: 'pressCorpus.removeTag',
  editTag: 'pressCorpus.editTag',
  renameTag: 'pressCorpus.renameTag',
  listTags: 'pressCorpus.listTags',
} as const;

/** Commands the VS Code client registers; the server names them in code lenses and code actions. */
export const CLIENT_COMMANDS = {
  showRepeats: 'pressCorpus.showRepeats',
  editTagInteractive: 'pressCorpus.editTagInteractive',
} as const;

/** Server → client: tags of these corpus files may look different (redraw decorations, the Tags view). */
export const TAGS_CHANGED_NOTIFICATION = 'pressCorpus/tagsChanged';

export interface TagsChangedParams {
  readonly uris: readonly string[];
}

export type TagStatus = 'anchored' | 'orphaned';

/** One tag as pressCorpus.listTags, tagPassage and editTag answer it. */
export interface TagInfo {
  readonly id: string;
  readonly uri: string;
  readonly range: ProtocolRange;
  readonly status: TagStatus;
  readonly tags: readonly string[];
  readonly note: string;
  readonly release: string;
  readonly quote: string;
}

export interface TagPassageArguments {
  readonly uri: string;
  readonly range: ProtocolRange;
  readonly tags: readonly string[];
  readonly note?: string;
}

export interface EditTagArguments {
  readonly id: string;
  readonly tags?: readonly string[];
  readonly note?: string;
}

export interface RemoveTagArguments {
  readonly id: string;
}

export interface RenameTagArguments {
  readonly from: string;
  readonly to: string;
}

export interface RenameTagAnswer {
  readonly from: string;
  readonly to: string;
  readonly records: number;
}

export interface ListTagsArguments {
  readonly uri?: string;
  readonly tag?: string;
}

/**
 * Server → client: how far indexing has come, sent while the initial scan reads files and each time the
 * background indexes (duplicates, passages, entities) have caught up. `ready` means every answer reads
 * up-to-date tables; `problems` counts the parser's problems over every corpus file.
 */
export const CORPUS_STATUS_NOTIFICATION = 'pressCorpus/status';

export interface CorpusStatusParams {
  readonly state: 'indexing' | 'ready';
  readonly filesIndexed: number;
  readonly filesTotal: number;
  readonly releases: number;
  readonly problems: number;
}
