// Entities over the whole corpus, derived from per-file recognition. Each file's mentions are computed once per
// file version (a keystroke recomputes one file, on the next request); corpus-wide facts (which full name a bare
// surname means, who holds a title, what an abbreviation stands for) are kept as counts that a file adds and
// removes, so no request re-reads the corpus. Identity: a mention's key resolves to an entry of
// annotations/entities.yaml when its name or an alias matches, else to a corpus key.

import { EntityRecord, ParsedEntityFile } from '../annotations/entityFile';
import { EntityKind, FileEntities, kindOfKey, Mention, nameOfKey, normaliseName } from '../corpus/entities/entityModel';
import { getGazetteer } from '../corpus/entities/gazetteer';
import { MentionTable } from '../corpus/entities/mentionTable';
import { Finding } from '../corpus/entities/mentions';
import { packFindings, PackedFindings } from '../corpus/entities/packedFindings';
import { findReleaseFindings, resolveReleaseFindingsInSteps } from '../corpus/entities/recognize';
import { runToEnd } from '../corpus/entities/steps';
import { normaliseRole } from '../corpus/entities/roles';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { moveEntitiesThroughEdit, placeFindings } from './entityEdits';
import { applySummary, countSummaryInSteps, decodeEntitySummary, encodeEntitySummary, FileSummary, StoredFileEntities, SummaryTables } from './entitySummary';
import { CountsChange } from './countsChange';
import { decodeEntityTables, encodeEntityTables, EntityTables, StoredEntityTables } from './entityTableSnapshot';
import {
  Counts,
  EntityFacts,
  EntityFactTables,
  getMostCounted,
  getOnly,
  getResolutionKey,
  keepTop,
  sortByCount,
  StringPool,
  toResolvableMention,
} from './entityFacts';
import { IncrementalIndex } from './incremental';
import { DerivedIndex, RELEASE_CHARS_PER_PIECE, ROWS_PER_PIECE } from './derivedIndex';
import { OfficeHolders } from './officeHolders';
import { getChangesSince, mapOffsetBack, mapSpanForward } from './offsetsThroughEdits';
import { ReleaseResults } from './releaseResults';

export interface Entity {
  /** The entities.yaml id, or the corpus key (`person:jens stoltenberg`). */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly record?: EntityRecord;
}

export interface MentionIn {
  readonly uri: string;
  readonly mention: Mention;
}

/** Findings (pass two) or mentions (counts) per piece of a summary in pieces: a few milliseconds' work. */
const ITEMS_PER_PIECE = 200;
/** Mentions or findings moved through an edit per piece: moving one costs a small share of resolving one. */
const MOVED_PER_PIECE = 2_000;

export class EntityIndex implements DerivedIndex<FileSummary> {
  readonly name = 'entities';
  readonly incremental: IncrementalIndex<FileSummary>;
  private readonly filesByKey: Counts = new Map(); // key → uri → mentions
  private readonly fullNamesBySurname: Counts = new Map(); // "stoltenberg" → person:jens stoltenberg → n
  private readonly holdersByRole: Counts = new Map(); // "nato secretary general" → person key → n
  private readonly longNamesByAbbreviation: Counts = new Map(); // organisation:gru → long key → n
  private readonly displayNames: Counts = new Map(); // key → text as written → n
  private readonly namedKeys: Counts = new Map(); // keys some file names by a rule, not only as a candidate
  private records = new Map<string, EntityRecord>(); // normalised name or alias → entry
  private recordsById = new Map<string, EntityRecord>();
  /** Terms of office from entities.yaml: who held a title on a release's date. */
  private officeHolders = new OfficeHolders([]);
  private resolved = new Map<string, Entity | null>();
  private readonly facts = new EntityFactTables();
  /** The strings of every file's count rows, each kept once. */
  private readonly strings = new StringPool();
  /** Pass one of recognition per release, packed: an edit reads again only the releases it touched. */
  private readonly releaseFindings: ReleaseResults<PackedFindings>;

  constructor(private readonly corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
    this.releaseFindings = new ReleaseResults(corpus, (file, releaseIndex) =>
      packFindings(findReleaseFindings(file.text, file.parsed.releases[releaseIndex], releaseIndex)),
    );
  }

  /**
   * The analysts' entries of every workspace folder's entities.yaml, in folder order (an earlier folder's entry
   * wins a shared name or id). The caller passes each file's last good parse.
   */
  setKnowledgeBase(files: readonly ParsedEntityFile[]): void {
    this.records = new Map();
    this.recordsById = new Map();
    for (const record of files.flatMap((file) => file.records)) {
      if (!this.recordsById.has(record.id)) this.recordsById.set(record.id, record);
      for (const alias of [record.name, ...record.aliases]) if (!this.records.has(normaliseName(alias))) this.records.set(normaliseName(alias), record);
    }
    this.officeHolders = new OfficeHolders([...this.recordsById.values()]);
    this.resolved.clear();
  }

  getRecord(id: string): EntityRecord | undefined {
    return this.recordsById.get(id);
  }

  /** Pass one of recognition of this version of the file, made elsewhere (a scan worker): `findReleaseFindings` of each release. */
  seedReleaseFindings(file: CorpusFile, findingsByRelease: readonly (readonly Finding[])[]): void {
    this.releaseFindings.seed(file, findingsByRelease.map(packFindings));
  }

  /** The file's mentions, recognised once per file version. */
  getFileEntities(uri: string): FileEntities | undefined {
    return this.incremental.getSummary(uri)?.entities;
  }

  /** The entity mentioned at the offset, with the mention. */
  findMentionAt(uri: string, offset: number): { mention: Mention; entity: Entity | undefined } | undefined {
    const behind = this.findMentionLeftBehind(uri, offset);
    const mention = behind !== undefined ? behind : this.getFileEntities(uri)?.mentions.findAt(offset);
    return mention ? { mention, entity: this.resolve(mention) } : undefined;
  }

  /** While the background recognises a big file again: the mention there in the tables' recognition, through the edits since. */
  private findMentionLeftBehind(uri: string, offset: number): Mention | null | undefined {
    const file = this.corpus.getFile(uri);
    const behind = file && this.incremental.getSummaryLeftBehind(uri);
    const changes = behind && getChangesSince(file!, behind.version);
    if (!changes) return undefined;
    const at = mapOffsetBack(changes, offset);
    const mention = at === undefined ? undefined : behind!.summary.entities.mentions.findAt(at);
    const span = mention && mapSpanForward(changes, mention.span);
    return span ? { ...mention!, span } : null;
  }

  /** What a mention names in the corpus, or undefined for a capitalised word nothing names. */
  resolve(mention: Mention): Entity | undefined {
    this.incremental.refresh();
    const cacheKey = getResolutionKey(mention);
    let entity = this.resolved.get(cacheKey);
    if (entity === undefined) {
      entity = this.resolveUncached(mention) ?? null;
      this.resolved.set(cacheKey, entity);
    }
    return entity ?? undefined;
  }

  /** Every mention of the entity in the corpus, in uri and offset order. */
  findReferences(entityId: string): MentionIn[] {
    return [...this.iterateReferences(entityId)];
  }

  /** The same mentions, file by file, for answers streamed to the editor as they are found. */
  *iterateReferences(entityId: string): Generator<MentionIn> {
    const keys = this.findResolutionKeysOf(entityId);
    const uris = new Set<string>();
    for (const key of keys) this.facts.urisByResolutionKey.get(key)?.forEach((_, uri) => uris.add(uri));
    for (const uri of [...uris].sort()) {
      const summary = this.incremental.getSummaryInTables(uri);
      if (!summary) continue;
      const table = summary.entities.mentions;
      const indices = keys.flatMap((key) => [...summary.facts.byResolutionKey.getMentionIndices(key)]);
      if (keys.length > 1) indices.sort((a, b) => table.startOf(a) - table.startOf(b));
      for (const index of indices) yield { uri, mention: table.at(index) };
    }
  }

  /** Counts, roles, spellings and top releases of the entity, from the fact tables. */
  getEntityFacts(entityId: string, topReleaseLimit: number): EntityFacts {
    const keys = this.findResolutionKeysOf(entityId);
    const roles = new Map<string, number>();
    const spellings = new Map<string, number>();
    const uris = new Set<string>();
    let mentionCount = 0;
    for (const key of keys) {
      mentionCount += this.facts.mentionTotals.get(key) ?? 0;
      this.facts.rolesByResolutionKey.get(key)?.forEach((n, role) => roles.set(role, (roles.get(role) ?? 0) + n));
      this.facts.spellingsByResolutionKey.get(key)?.forEach((n, text) => spellings.set(text, (spellings.get(text) ?? 0) + n));
      this.facts.urisByResolutionKey.get(key)?.forEach((_, uri) => uris.add(uri));
    }
    // Releases are counted per file: one naming the entity under two keys (name and title) counts once.
    let releaseCount = 0;
    const top: { uri: string; releaseIndex: number; mentions: number }[] = [];
    for (const uri of uris) {
      const byKey = this.incremental.getSummaryInTables(uri)?.facts.byResolutionKey;
      const inFile = new Map<number, number>();
      for (const key of keys) byKey?.forEachReleaseCount(key, (n, releaseIndex) => inFile.set(releaseIndex, (inFile.get(releaseIndex) ?? 0) + n));
      releaseCount += inFile.size;
      for (const [releaseIndex, mentions] of inFile) keepTop(top, { uri, releaseIndex, mentions }, topReleaseLimit);
    }
    return {
      mentionCount,
      releaseCount,
      roles: sortByCount(roles).map(([role, count]) => ({ role, count })),
      spellings: sortByCount(spellings).map(([text, count]) => ({ text, count })),
      topReleases: top,
    };
  }

  /** The resolution keys named in one release (companions of an entity are read from these). */
  getReleaseResolutionKeys(uri: string, releaseIndex: number): readonly string[] {
    return this.incremental.getSummaryInTables(uri)?.facts.byResolutionKey.getReleaseKeys(releaseIndex) ?? [];
  }

  /** The entity the mentions of a resolution key name. */
  resolveKey(resolutionKey: string): Entity | undefined {
    return this.resolve(toResolvableMention(resolutionKey));
  }

  /** Entities whose name contains the query (case and accents ignored), most mentioned first, with a first mention. */
  findEntities(query: string, limit: number): { entity: Entity; mentions: number; first: MentionIn | undefined }[] {
    this.incremental.refresh();
    const wanted = normaliseName(query);
    const found = new Map<string, { entity: Entity; mentions: number; firstUri: string; firstKey: string }>();
    for (const [key, files] of this.filesByKey) {
      if (key.startsWith('role:')) continue;
      // A key only ever seen as a candidate ("Allies" opening a sentence) names nothing unless entities.yaml knows it.
      const entity = this.resolve({ key, form: this.namedKeys.has(key) ? 'name' : 'candidate' } as Mention);
      if (!entity || !normaliseName(entity.name).includes(wanted)) continue;
      const entry = found.get(entity.id) ?? { entity, mentions: 0, firstUri: '\uffff', firstKey: key };
      for (const [uri, n] of files) {
        entry.mentions += n;
        if (uri < entry.firstUri) [entry.firstUri, entry.firstKey] = [uri, key];
      }
      found.set(entity.id, entry);
    }
    const best = [...found.values()].sort((a, b) => b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name)).slice(0, limit);
    return best.map(({ entity, mentions, firstUri, firstKey }) => {
      const table = this.incremental.getSummaryInTables(firstUri)?.entities.mentions ?? MentionTable.EMPTY;
      let index = 0;
      while (index < table.length && table.keyOf(index) !== firstKey) index++;
      return { entity, mentions, first: index < table.length ? { uri: firstUri, mention: table.at(index) } : undefined };
    });
  }

  getEntityById(id: string): Entity | undefined {
    const record = this.recordsById.get(id);
    if (record) return { id, name: record.name, kind: record.kind, record };
    this.incremental.refresh();
    return this.filesByKey.has(id) ? this.entityOfKey(id) : undefined;
  }

  /**
   * The resolution keys whose mentions name the entity: a corpus entity is reached from a few related keys; an
   * analysts' entry from any alias, so its search walks the key vocabulary (keys, never mentions).
   */
  private findResolutionKeysOf(entityId: string): string[] {
    this.incremental.refresh();
    const candidates = this.recordsById.has(entityId) ? this.facts.getAllResolutionKeys() : this.facts.findCandidateResolutionKeys(entityId);
    const keys: string[] = [];
    for (const key of candidates) if (this.resolveKey(key)?.id === entityId) keys.push(key);
    return keys;
  }

  private resolveUncached(mention: Mention): Entity | undefined {
    const key = mention.key;
    const office = this.officeHolders.findHolderOfTitle(mention);
    if (office) return { id: office.record.id, name: office.record.name, kind: office.record.kind, record: office.record };
    if (key.startsWith('role:')) {
      const holder = mention.role ? getMostCounted(this.holdersByRole.get(normaliseRole(mention.role))) : undefined;
      return holder ? this.resolve({ ...mention, key: holder, form: 'name' }) : undefined;
    }
    // A candidate ("Kremlin") has no kind of its own: the analysts' entry gives it one.
    const record = this.getRecordForKey(key, mention.form === 'candidate');
    if (record) return { id: record.id, name: record.name, kind: record.kind, record };
    const kind = kindOfKey(key);
    const name = nameOfKey(key);
    if (kind === 'person' && !name.includes(' ')) {
      const full = getOnly(this.fullNamesBySurname.get(name));
      if (full) return this.resolve({ ...mention, key: full, form: 'name' });
    }
    if (kind === 'organisation') {
      const longName = getMostCounted(this.longNamesByAbbreviation.get(key));
      if (longName) return this.resolve({ ...mention, key: longName, form: 'name' });
    }
    if (mention.form === 'candidate') {
      // Known only if the corpus names it elsewhere with more than a capital letter.
      return this.namedKeys.has(key) ? this.entityOfKey(key) : undefined;
    }
    return this.entityOfKey(key);
  }

  private getRecordForKey(key: string, anyKind: boolean): EntityRecord | undefined {
    const kind = kindOfKey(key);
    const name = kind === 'country' ? (getGazetteer().getCountryName(nameOfKey(key).toUpperCase()) ?? nameOfKey(key)) : nameOfKey(key);
    const record = this.records.get(normaliseName(name));
    return record && (anyKind || record.kind === kind || (record.kind === 'place' && kind === 'country')) ? record : undefined;
  }

  private entityOfKey(key: string): Entity {
    const kind = kindOfKey(key) as EntityKind;
    const id = nameOfKey(key);
    const name = kind === 'country' ? (getGazetteer().getCountryName(id.toUpperCase()) ?? id) : (getMostCounted(this.displayNames.get(key)) ?? id);
    return { id: key, name, kind };
  }

  summarise(file: CorpusFile, previous?: FileSummary): FileSummary {
    return runToEnd(this.summariseInSteps(file, previous));
  }

  /** The summary in pieces: pass one by releases, pass two by findings, the counts by mentions. */
  *summariseInSteps(file: CorpusFile, previous?: FileSummary): Generator<void, FileSummary, void> {
    yield* this.releaseFindings.computeInPieces(file, RELEASE_CHARS_PER_PIECE);
    const findings = this.releaseFindings.get(file);
    const releases = file.parsed.releases;
    const moved = previous && (yield* moveEntitiesThroughEdit(previous.recognised, file.text, releases, findings, MOVED_PER_PIECE));
    if (moved) {
      // The facts hold mention indices, not offsets: they stay as they were.
      const entities = { ...previous.entities, mentions: moved };
      return { recognised: { version: file.version, text: file.text, releases, entities }, entities, facts: previous.facts, rows: previous.rows };
    }
    // Placed in the call, not kept in a local: pass two lets go of them before the counts are made (a big file's
    // findings as objects are most of what its recognition holds at once).
    const entities = yield* resolveReleaseFindingsInSteps(releases, yield* placeFindings(findings, MOVED_PER_PIECE), ITEMS_PER_PIECE);
    return { recognised: { version: file.version, text: file.text, releases, entities }, ...(yield* this.summariseEntities(file.text, entities)) };
  }

  /**
   * Stored across restarts: the recognition (mentions, the file's aliases), the costly part, and the mentions
   * grouped and counted (a warm start spent a fifth of its time counting them again).
   */
  encodeSummary(summary: FileSummary): StoredFileEntities {
    return encodeEntitySummary(summary, this.rowTables);
  }

  decodeSummary(data: unknown, file: CorpusFile): FileSummary | undefined {
    return decodeEntitySummary(data, file, this.rowTables);
  }

  /** The tables a summary counts its mentions in, besides its rows'. */
  private get countedIn(): SummaryTables {
    return { filesByKey: this.filesByKey, facts: this.facts };
  }

  /** Every table a file's count rows count in, in a fixed order (stored rows name their table by its place). */
  private get rowTables(): readonly Counts[] {
    return [this.fullNamesBySurname, this.holdersByRole, this.displayNames, this.namedKeys, this.longNamesByAbbreviation, ...this.facts.rowTables];
  }

  /** The count tables in a snapshot (engine/tableSnapshot.ts); not the string pool, which dedupes files added after. */
  encodeTables(): StoredEntityTables {
    return encodeEntityTables(this.snapshotTables);
  }

  decodeTables(data: unknown): boolean {
    return decodeEntityTables(data, this.snapshotTables);
  }

  private get snapshotTables(): EntityTables {
    return { counts: [this.filesByKey, this.facts.urisByResolutionKey, ...this.rowTables], totals: [this.facts.mentionTotals, this.facts.releaseTotals] };
  }

  /** An edit that only moved mentions leaves every count as it was. */
  replace(uri: string, before: FileSummary, after: FileSummary): void {
    if (before.rows === after.rows) return;
    this.remove(uri, before);
    this.add(uri, after);
  }

  add(uri: string, summary: FileSummary): void {
    applySummary(this.countedIn, this.strings, uri, summary, +1);
  }

  remove(uri: string, summary: FileSummary): void {
    applySummary(this.countedIn, this.strings, uri, summary, -1);
  }

  afterUpdate(): void {
    this.resolved.clear();
  }

  /**
   * A big file's summary in pieces: the old counts taken back and the new ones counted in a change kept aside, then
   * only the counts that differ (an edit changes few) go into the tables, in the step that publishes the summary.
   */
  *replaceInSteps(uri: string, before: FileSummary | undefined, after: FileSummary, publish: () => void): Generator<void, void, void> {
    if (before?.rows === after.rows) return publish(); // the edit only moved mentions: every count stays
    yield* after.rows.holdStrings(this.strings, ROWS_PER_PIECE);
    const change = new CountsChange();
    if (before) yield* countSummaryInSteps(change, this.countedIn, uri, before, -1, ROWS_PER_PIECE);
    yield* countSummaryInSteps(change, this.countedIn, uri, after, 1, ROWS_PER_PIECE);
    yield* change.keepChangedInSteps(ROWS_PER_PIECE);
    change.apply();
    publish();
    if (before) yield* before.rows.releaseStrings(this.strings, ROWS_PER_PIECE);
  }

  /** The rows one file adds to the corpus-wide tables. */
  private *summariseEntities(text: string, entities: FileEntities): Generator<void, Omit<FileSummary, 'recognised'>, void> {
    const { facts, rows } = yield* this.facts.summariseInSteps(text, entities, ITEMS_PER_PIECE);
    let counted = 0;
    for (const m of entities.mentions) {
      if (++counted % ITEMS_PER_PIECE === 0) yield;
      if (m.kind === 'person' && m.form === 'name') {
        const words = nameOfKey(m.key).split(' ');
        if (words.length > 1) rows.count(this.fullNamesBySurname, words[words.length - 1], m.key);
        if (m.role) rows.count(this.holdersByRole, normaliseRole(m.role), m.key);
      }
      // An organisation known only by its abbreviation ("NATO") is named as written, not by its folded key.
      if (m.form === 'name' || m.form === 'surname' || m.form === 'abbreviation') rows.count(this.displayNames, m.key, text.slice(m.span.start, m.span.end));
      if (m.form !== 'candidate') rows.count(this.namedKeys, m.key, '');
    }
    for (const [abbreviation, longName] of entities.abbreviationAliases) rows.count(this.longNamesByAbbreviation, abbreviation, longName);
    return { entities, facts, rows: rows.seal() };
  }
}
