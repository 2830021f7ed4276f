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
  reanchorTag: 'pressCorpus.reanchorTag',
  acceptAnchors: 'pressCorpus.acceptAnchors',
  tagTree: 'pressCorpus.tagTree',
  /** { uri } → `TagRanges`: where the file's tags are drawn, without the rest of each tag (decorations). */
  tagRanges: 'pressCorpus.tagRanges',
  /** { uri, range } → the range of the whole sentences it touches (what "Tag Sentence" tags). */
  expandToSentences: 'pressCorpus.expandToSentences',
  listReleases: 'pressCorpus.listReleases',
  listEntities: 'pressCorpus.listEntities',
  listMentions: 'pressCorpus.listMentions',
  relatedReleases: 'pressCorpus.relatedReleases',
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

/** How a tag was found again: at its stored place, moved, with its quote edited, or not at all. */
export type TagStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

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
  /** `fuzzy`: how similar the passage is now to the tagged quote (0..1), and how it reads now. */
  readonly similarity?: number;
  readonly currentText?: string;
  /** `moved`: where the record says the passage was (`range` is where it is now); lines moved, + down / − up. */
  readonly storedRange?: ProtocolRange;
  readonly movedLines?: number;
  readonly author?: string;
  /** ISO 8601. */
  readonly created?: string;
  readonly updated?: string;
}

/**
 * The places of one corpus file's tags by state (orphans have none), for drawing them after every keystroke: each
 * list is flat, four numbers per passage (start line, start character, end line, end character), in record order.
 * A file with 50,000 tags answers in a few hundred kilobytes instead of 50,000 `TagInfo` objects.
 */
export interface TagRanges {
  readonly exact: readonly number[];
  readonly moved: readonly number[];
  readonly fuzzy: readonly number[];
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
  /** Only records carrying this tag name or a child of it (`energy` lists `energy/oil` too). */
  readonly tag?: string;
  /** Only tags in these states. */
  readonly states?: readonly TagStatus[];
  /** Only records by this author (ignoring case and surrounding spaces). */
  readonly author?: string;
}

/**
 * pressCorpus.reanchorTag `[{ id, range? }]`: without `range`, the tag is accepted where it is found now (a
 * `moved` or `fuzzy` tag becomes `exact`) or, when orphaned, re-attached to its best candidate; with `range`,
 * re-attached to that passage (a selection in the tag's corpus file). `preview: true` answers where the tag
 * would go without writing anything, so a client can show the candidate first. Answers the tag as it is then.
 */
export interface ReanchorTagArguments {
  readonly id: string;
  readonly range?: ProtocolRange;
  readonly preview?: boolean;
  /** Reveal where the tag would go (window/showDocument) and ask (window/showMessageRequest) before writing. */
  readonly confirm?: boolean;
}

/** pressCorpus.acceptAnchors: gives every tag of the corpus file in these states (default exact and moved) the anchor it has now. */
export interface AcceptAnchorsArguments {
  readonly uri: string;
  readonly states?: readonly TagStatus[];
}

export interface AcceptAnchorsAnswer {
  readonly uri: string;
  /** Records whose anchor was rewritten (0 when every anchor already held). */
  readonly records: number;
}

/** pressCorpus.tagTree (same filters as listTags): tag names as a tree, `energy/oil` under `energy`. */
export interface TagTreeNodeInfo {
  /** The last segment (`oil`). */
  readonly name: string;
  /** The whole name (`energy/oil`). */
  readonly path: string;
  /** Records tagged with exactly this name, and with it or anything below it (each record once). */
  readonly count: number;
  readonly total: number;
  readonly children: readonly TagTreeNodeInfo[];
}

/** Client → server settings: `pressCorpus.author` names the author of new tags (else git's user.name). */
export interface TagSettings {
  readonly author?: string;
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

/** pressCorpus.relatedReleases takes one of these: a position in (the title or body of) a release. */
export interface RelatedReleasesArguments {
  readonly uri: string;
  readonly position: ProtocolPosition;
}

/** One related release, as pressCorpus.relatedReleases answers (best first); `range` is its title. */
export interface RelatedReleaseInfo {
  readonly uri: string;
  readonly range: ProtocolRange;
  readonly title: string;
  /** ISO date, when the release has one. */
  readonly date?: string;
  readonly score: number;
  /** Why it is related, strongest first: "same event: Jeju Forum", "same day", "4 shared passages". */
  readonly reasons: readonly string[];
}
