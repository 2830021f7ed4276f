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
  /** { uri, range } → the range of the whole sentences it touches (what "Tag Sentence" tags). */
  expandToSentences: 'pressCorpus.expandToSentences',
  listReleases: 'pressCorpus.listReleases',
  listEntities: 'pressCorpus.listEntities',
  listMentions: 'pressCorpus.listMentions',
} as const;

/** Commands the VS Code client registers; the server names them in code lenses and code actions. */
export const CLIENT_COMMANDS = {
  showRepeats: 'pressCorpus.showRepeats',
  editTagInteractive: 'pressCorpus.editTagInteractive',
} as const;

/** Server → client: tags of these corpus files may look different (redraw decorations, the Tags view). */
export const TAGS_CHANGED_NOTIFICATION = 'pressCorpus/tagsChanged';

/**
 * Server → client: how far indexing is. 'indexing' while the initial scan reads files and the indexes catch up
 * (counts are then partial: so far), 'ready' once they are complete; sent again when the settled counts change.
 */
export const STATUS_NOTIFICATION = 'pressCorpus/status';

export interface StatusParams {
  readonly state: 'indexing' | 'ready';
  readonly filesIndexed: number;
  readonly filesTotal: number;
  readonly releases: number;
  readonly problems: number;
}

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

/** pressCorpus.listReleases: every release passing all the given filters (none: every release). */
export interface ListReleasesArguments {
  readonly kind?: string;
  readonly source?: string;
  /** A problem code, or 'any'. */
  readonly problem?: string;
  /** An entity id (as pressCorpus.listEntities answers it). */
  readonly entity?: string;
  /** A tag name: releases holding a passage with that tag. */
  readonly tag?: string;
  /** Words that must all appear in the title. */
  readonly search?: string;
}

export interface ReleaseInfo {
  readonly uri: string;
  readonly releaseIndex: number;
  readonly title: string;
  /** The (first line of the) title. */
  readonly range: ProtocolRange;
  readonly kind: string;
  readonly source?: string;
  /** YYYY-MM-DD, when the release states a date. */
  readonly date?: string;
  readonly problems: readonly string[];
}

export interface NameCount {
  readonly name: string;
  readonly count: number;
}

export interface ListReleasesAnswer {
  readonly releases: readonly ReleaseInfo[];
  /** The filters' choices over the whole corpus, most frequent first. */
  readonly kinds: readonly NameCount[];
  readonly sources: readonly NameCount[];
  readonly problems: readonly NameCount[];
  /** True while the corpus is still being indexed: the lists are what is known so far. */
  readonly partial: boolean;
}

/** pressCorpus.listEntities: entities of the corpus, most mentioned first. */
export interface ListEntitiesArguments {
  readonly kind?: string;
  readonly limit?: number;
}

export interface EntityInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly mentions: number;
}

export interface ListEntitiesAnswer {
  readonly entities: readonly EntityInfo[];
  readonly partial: boolean;
}

/** pressCorpus.listMentions: every mention of one entity, with the line it is on. */
export interface ListMentionsArguments {
  readonly entity: string;
}

export interface MentionInfo {
  readonly uri: string;
  readonly range: ProtocolRange;
  /** The mention's line of text, trimmed. */
  readonly context: string;
  readonly release: string;
}
