// Entities over the whole corpus, derived from per-file recognition. Each file's mentions are computed once per
// file version (a keystroke recomputes one file, on the next request); corpus-wide facts (which full name a bare
// surname means, who holds a title, what an abbreviation stands for) are kept as counts that a file adds and
// removes, so no request re-reads the corpus. Identity: a mention's key resolves to an entry of
// annotations/entities.yaml when its name or an alias matches, else to a corpus key.

import { EntityRecord, ParsedEntityFile } from '../annotations/entityFile';
import { EntityKind, FileEntities, kindOfKey, Mention, nameOfKey, normaliseName } from '../corpus/entities/entityModel';
import { getGazetteer } from '../corpus/entities/gazetteer';
import { computeFileEntities } from '../corpus/entities/recognize';
import { normaliseRole } from '../corpus/entities/roles';
import { CorpusFile, CorpusIndex } from './corpusIndex';
import { DerivedIndex, IncrementalIndex } from './incremental';
import { OfficeHolders } from './officeHolders';

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

type Counts = Map<string, Map<string, number>>;

interface FileSummary {
  readonly entities: FileEntities;
  /** [table, from, to] rows this file adds to the corpus-wide counts. */
  readonly rows: readonly (readonly [Counts, string, string])[];
}

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

  constructor(corpus: CorpusIndex) {
    this.incremental = new IncrementalIndex(corpus, this);
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

  /** The file's mentions, recognised once per file version. */
  getFileEntities(uri: string): FileEntities | undefined {
    return this.incremental.getSummary(uri)?.entities;
  }

  /** The entity mentioned at the offset, with the mention. */
  findMentionAt(uri: string, offset: number): { mention: Mention; entity: Entity | undefined } | undefined {
    const mentions = this.getFileEntities(uri)?.mentions ?? [];
    let low = 0;
    let high = mentions.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const m = mentions[mid];
      if (offset < m.span.start) high = mid - 1;
      else if (offset > m.span.end) low = mid + 1;
      else return { mention: m, entity: this.resolve(m) };
    }
    return undefined;
  }

  /** What a mention names in the corpus, or undefined for a capitalised word nothing names. */
  resolve(mention: Mention): Entity | undefined {
    this.incremental.refresh();
    const cacheKey = mention.form === 'title' ? `${mention.key}|${mention.role}|${mention.holderFound}|${mention.release?.date}|${mention.release?.publisher}` : mention.form === 'candidate' ? `?${mention.key}` : mention.key;
    let entity = this.resolved.get(cacheKey);
    if (entity === undefined) {
      entity = this.resolveUncached(mention) ?? null;
      this.resolved.set(cacheKey, entity);
    }
    return entity ?? undefined;
  }

  /** Every mention of the entity in the corpus, in uri and offset order. */
  findReferences(entityId: string): MentionIn[] {
    this.incremental.refresh();
    const found: MentionIn[] = [];
    const uris = new Set<string>();
    for (const [key, files] of this.filesByKey) {
      if (this.keyMayName(key, entityId)) files.forEach((_, uri) => uris.add(uri));
    }
    for (const uri of [...uris].sort()) {
      for (const mention of this.incremental.getSummary(uri)?.entities.mentions ?? []) {
        if (this.resolve(mention)?.id === entityId) found.push({ uri, mention });
      }
    }
    return found;
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
      const mention = this.incremental.getSummary(firstUri)?.entities.mentions.find((m) => m.key === firstKey);
      return { entity, mentions, first: mention && { uri: firstUri, mention } };
    });
  }

  getEntityById(id: string): Entity | undefined {
    const record = this.recordsById.get(id);
    if (record) return { id, name: record.name, kind: record.kind, record };
    this.incremental.refresh();
    return this.filesByKey.has(id) ? this.entityOfKey(id) : undefined;
  }

  /** Whether mentions with this key can name the entity (title-only keys depend on each mention's role). */
  private keyMayName(key: string, entityId: string): boolean {
    if (key === entityId || key.startsWith('role:')) return true;
    return this.resolve({ key, form: 'name' } as Mention)?.id === entityId || this.resolve({ key, form: 'candidate' } as Mention)?.id === entityId;
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
    const name = kind === 'country' ? getGazetteer().getCountryName(nameOfKey(key).toUpperCase()) ?? nameOfKey(key) : nameOfKey(key);
    const record = this.records.get(normaliseName(name));
    return record && (anyKind || record.kind === kind || (record.kind === 'place' && kind === 'country')) ? record : undefined;
  }

  private entityOfKey(key: string): Entity {
    const kind = kindOfKey(key) as EntityKind;
    const id = nameOfKey(key);
    const name = kind === 'country' ? getGazetteer().getCountryName(id.toUpperCase()) ?? id : getMostCounted(this.displayNames.get(key)) ?? id;
    return { id: key, name, kind };
  }

  summarise(file: CorpusFile): FileSummary {
    return this.summariseEntities(file.text, computeFileEntities(file.text, file.parsed));
  }

  add(uri: string, summary: FileSummary): void {
    this.apply(uri, summary, +1);
  }

  remove(uri: string, summary: FileSummary): void {
    this.apply(uri, summary, -1);
  }

  afterUpdate(): void {
    this.resolved.clear();
  }

  private apply(uri: string, summary: FileSummary, sign: 1 | -1): void {
    for (const [table, from, to] of summary.rows) addCount(table, from, to, sign);
    for (const m of summary.entities.mentions) addCount(this.filesByKey, m.key, uri, sign);
  }

  /** The rows one file adds to the corpus-wide tables. */
  private summariseEntities(text: string, entities: FileEntities): FileSummary {
    const rows: [Counts, string, string][] = [];
    for (const m of entities.mentions) {
      if (m.kind === 'person' && m.form === 'name') {
        const words = nameOfKey(m.key).split(' ');
        if (words.length > 1) rows.push([this.fullNamesBySurname, words[words.length - 1], m.key]);
        if (m.role) rows.push([this.holdersByRole, normaliseRole(m.role), m.key]);
      }
      // An organisation known only by its abbreviation ("NATO") is named as written, not by its folded key.
      if (m.form === 'name' || m.form === 'surname' || m.form === 'abbreviation') rows.push([this.displayNames, m.key, text.slice(m.span.start, m.span.end)]);
      if (m.form !== 'candidate') rows.push([this.namedKeys, m.key, '']);
    }
    for (const [abbreviation, longName] of entities.abbreviationAliases) rows.push([this.longNamesByAbbreviation, abbreviation, longName]);
    return { entities, rows };
  }
}

function addCount(table: Counts, from: string, to: string, delta: number): void {
  const inner = table.get(from) ?? new Map<string, number>();
  const n = (inner.get(to) ?? 0) + delta;
  if (n > 0) inner.set(to, n);
  else inner.delete(to);
  if (inner.size) table.set(from, inner);
  else table.delete(from);
}

function getOnly(counts: Map<string, number> | undefined): string | undefined {
  return counts?.size === 1 ? [...counts.keys()][0] : undefined;
}

function getMostCounted(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, n] of counts ?? []) if (n > bestCount || (n === bestCount && best !== undefined && value.length > best.length)) [best, bestCount] = [value, n];
  return best;
}
