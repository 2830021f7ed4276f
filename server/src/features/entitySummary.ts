// A file's entity summary, and its form in the persistent index: the recognition (the costly part) and the
// mentions grouped and counted, each checked on reading as untrusted input; and what the summary counts in the
// corpus tables.

import { FileEntities } from '../corpus/entities/entityModel';
import { MentionColumns, MentionTable } from '../corpus/entities/mentionTable';
import { CorpusFile } from './corpusIndex';
import { runToEnd } from '../corpus/entities/steps';
import { COUNT_TABLES, CountRows, Counts, CountSink, EntityFactTables, FileEntityFacts, StringPool, toResolvableMention } from './entityFacts';
import { RecognisedVersion } from './entityEdits';
import { ResolutionKeyGroups, StoredResolutionKeyGroups } from './resolutionKeyGroups';

export interface FileSummary {
  /** The version recognised, for the next edit to move from (entityEdits.ts). */
  readonly recognised: RecognisedVersion;
  readonly entities: FileEntities;
  readonly facts: FileEntityFacts;
  /** The rows this file adds to the corpus-wide counts. */
  readonly rows: CountRows;
}

/** A file's recognition as the persistent index stores it: the mention table as its columns, and what it counts. */
export interface StoredFileEntities {
  readonly mentions: MentionColumns;
  readonly personAliases: ReadonlyMap<string, string>;
  readonly abbreviationAliases: ReadonlyMap<string, string>;
  readonly groups: StoredResolutionKeyGroups;
  readonly rows: ReturnType<CountRows['toStored']>;
}

/** `rowTables`: every table the rows count in, in a fixed order (stored rows name their table by its place). */
export function encodeEntitySummary(summary: FileSummary, rowTables: readonly Counts[]): StoredFileEntities {
  const { mentions, personAliases, abbreviationAliases } = summary.entities;
  const [groups, rows] = [summary.facts.byResolutionKey.toStored(), summary.rows.toStored(rowTables)];
  return { mentions: mentions.toColumns(), personAliases, abbreviationAliases, groups, rows };
}

export function decodeEntitySummary(data: unknown, file: CorpusFile, rowTables: readonly Counts[]): FileSummary | undefined {
  const stored = data as StoredFileEntities | undefined;
  if (!stored || !(stored.personAliases instanceof Map) || !(stored.abbreviationAliases instanceof Map)) return undefined;
  const releases = file.parsed.releases;
  const mentions = MentionTable.fromColumns(stored.mentions, file.text.length, releases.length);
  const groups = mentions && ResolutionKeyGroups.fromStored(stored.groups, mentions.length, releases.length);
  const rows = groups && CountRows.fromStored(stored.rows, rowTables);
  if (!rows) return undefined;
  const entities: FileEntities = { mentions: mentions!, personAliases: stored.personAliases, abbreviationAliases: stored.abbreviationAliases };
  return { recognised: { version: file.version, text: file.text, releases, entities }, entities, facts: { byResolutionKey: groups! }, rows };
}

/** The tables a file's summary counts its mentions in, besides its rows': key → uri → mentions, and the fact tables. */
export interface SummaryTables {
  readonly filesByKey: Counts;
  readonly facts: EntityFactTables;
}

/**
 * Adds (sign 1) or removes (sign -1) everything the summary counts, at once. Added rows hold the pool's copy of each
 * string, so a key or spelling counted by many files is kept once; removed rows let go of theirs.
 */
export function applySummary(tables: SummaryTables, strings: StringPool, uri: string, summary: FileSummary, sign: 1 | -1): void {
  if (sign > 0) runToEnd(summary.rows.holdStrings(strings, Number.POSITIVE_INFINITY));
  runToEnd(countSummaryInSteps(COUNT_TABLES, tables, uri, summary, sign, Number.POSITIVE_INFINITY));
  if (sign < 0) runToEnd(summary.rows.releaseStrings(strings, Number.POSITIVE_INFINITY));
}

/** Counts (sign 1) or takes back (sign -1) everything the summary counts, in `sink`, yielding after every `perPiece`. */
export function* countSummaryInSteps(
  sink: CountSink,
  tables: SummaryTables,
  uri: string,
  summary: FileSummary,
  sign: 1 | -1,
  perPiece: number,
): Generator<void, void, void> {
  yield* summary.rows.countInSteps(sink, sign, perPiece);
  const groups = summary.facts.byResolutionKey;
  let counted = 0;
  for (const key of groups.getKeys()) {
    sink.count(tables.filesByKey, toResolvableMention(key).key, uri, sign * groups.countMentions(key));
    if (++counted % perPiece === 0) yield;
  }
  yield* tables.facts.countInSteps(sink, uri, summary.facts, sign, perPiece);
}
