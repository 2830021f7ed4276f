// Per-entity facts kept as corpus tables, so a hover or a reference search reads counts instead of walking
// mentions. Mentions that always resolve alike share a resolution key (the key, plus the role for a bare title,
// or a `?` for a capitalised candidate); each file's summary groups its mentions by resolution key and adds its
// counts (mentions, releases, roles as stated, spellings) to the tables, removing them when the file changes.
// An entity's facts are the sum over the few resolution keys that resolve to it.

import { FileEntities, kindOfKey, Mention, nameOfKey } from '../corpus/entities/entityModel';
import { normaliseRole } from '../corpus/entities/roles';
import { ResolutionKeyGrouping, ResolutionKeyGroups } from './resolutionKeyGroups';

/** from → to → count. */
export type Counts = Map<string, Map<string, number>>;

/** What a hover needs to know of an entity, read from the fact tables (top-N lists). */
export interface EntityFacts {
  readonly mentionCount: number;
  readonly releaseCount: number;
  readonly roles: readonly { role: string; count: number }[];
  readonly spellings: readonly { text: string; count: number }[];
  /** Releases with the most mentions of the entity, most first. */
  readonly topReleases: readonly { uri: string; releaseIndex: number; mentions: number }[];
}

/**
 * The counts one file adds to the corpus tables. Counted within the file first, so a name written 300 times adds
 * one row, not 300; then kept as flat columns of exact length per table, not an object per row: a file's rows
 * live as long as its summary, and were once the largest part of the entity index (docs/performance.md).
 */
export class CountRows {
  private counting: Map<Counts, Counts> | undefined = new Map();
  private readonly columns: { table: Counts; from: string[]; to: string[]; counts: Int32Array }[] = [];

  /** Counts one more `from` → `to` in the table (before `seal`). */
  count(table: Counts, from: string, to: string): void {
    const counts = this.counting!.get(table) ?? new Map<string, Map<string, number>>();
    this.counting!.set(table, counts);
    addCount(counts, from, to, 1);
  }

  /** Ends counting: the rows are kept as columns from now on. */
  seal(): this {
    for (const [table, counts] of this.counting!) {
      let length = 0;
      for (const inner of counts.values()) length += inner.size;
      const column = { table, from: new Array<string>(length), to: new Array<string>(length), counts: new Int32Array(length) };
      let i = 0;
      for (const [from, inner] of counts) {
        for (const [to, n] of inner) {
          column.from[i] = from;
          column.to[i] = to;
          column.counts[i++] = n;
        }
      }
      this.columns.push(column);
    }
    this.counting = undefined;
    return this;
  }

  /**
   * The rows as the persistent index stores them, `tables` listing every table they may count in (the same list on
   * reading); each string once, the columns as indices into them (a key is counted in several tables).
   */
  toStored(tables: readonly Counts[]): StoredCountRows {
    const strings: string[] = [];
    const indexOf = new Map<string, number>();
    const toIndices = (list: readonly string[]) =>
      Int32Array.from(list, (value) => indexOf.get(value) ?? (indexOf.set(value, strings.length), strings.push(value) - 1));
    const columns = this.columns.map(({ table, from, to, counts }) => ({ table: tables.indexOf(table), from: toIndices(from), to: toIndices(to), counts }));
    return { strings, columns };
  }

  /** Rows from stored columns, each checked (a table in the list, strings, positive counts); undefined if any is off. */
  static fromStored(stored: unknown, tables: readonly Counts[]): CountRows | undefined {
    const { strings, columns } = (stored ?? {}) as Partial<StoredCountRows>;
    if (!Array.isArray(strings) || !strings.every((value) => typeof value === 'string') || !Array.isArray(columns)) return undefined;
    const isIndexColumn = (column: unknown, length: number): column is Int32Array =>
      column instanceof Int32Array && column.length === length && column.every((i) => i >= 0 && i < strings.length);
    const rows = new CountRows();
    rows.counting = undefined;
    for (const column of columns as Partial<StoredCountRows['columns'][number]>[]) {
      const { table, from, to, counts } = column ?? {};
      if (typeof table !== 'number' || !Number.isInteger(table) || table < 0 || table >= tables.length || !(counts instanceof Int32Array)) return undefined;
      if (!isIndexColumn(from, counts.length) || !isIndexColumn(to, counts.length) || !counts.every((n) => n > 0)) return undefined;
      rows.columns.push({ table: tables[table], from: Array.from(from, (i) => strings[i]), to: Array.from(to, (i) => strings[i]), counts });
    }
    return rows;
  }

  /** Counts the rows (sign 1) or takes them back (sign -1) in `sink`, yielding after every `rowsPerPiece` rows. */
  *countInSteps(sink: CountSink, sign: 1 | -1, rowsPerPiece: number): Generator<void, void, void> {
    let rows = 0;
    for (const { table, from, to, counts } of this.columns) {
      for (let i = 0; i < from.length; i++) {
        sink.count(table, from[i], to[i], sign * counts[i]);
        if (++rows % rowsPerPiece === 0) yield;
      }
    }
  }

  /** The rows take the pool's copy of each of their strings (before they are counted in the tables). */
  *holdStrings(strings: StringPool, rowsPerPiece: number): Generator<void, void, void> {
    let rows = 0;
    for (const { from, to } of this.columns) {
      for (let i = 0; i < from.length; i++) {
        [from[i], to[i]] = [strings.hold(from[i]), strings.hold(to[i])];
        if (++rows % rowsPerPiece === 0) yield;
      }
    }
  }

  /** The rows let go of their strings (once they are out of the tables). */
  *releaseStrings(strings: StringPool, rowsPerPiece: number): Generator<void, void, void> {
    let rows = 0;
    for (const { from, to } of this.columns) {
      for (let i = 0; i < from.length; i++) {
        strings.release(from[i]);
        strings.release(to[i]);
        if (++rows % rowsPerPiece === 0) yield;
      }
    }
  }
}

/** A file's count rows as the persistent index stores them: per table (by its place in a list both sides know), the rows as indices into `strings`. */
export interface StoredCountRows {
  readonly strings: readonly string[];
  readonly columns: readonly { readonly table: number; readonly from: Int32Array; readonly to: Int32Array; readonly counts: Int32Array }[];
}

/**
 * One copy of each string the files' count rows hold, counted by holder: a string goes when the last row holding
 * it is removed, so edits that change a name leave nothing behind.
 */
export class StringPool {
  private readonly entries = new Map<string, { readonly value: string; holders: number }>();

  /** The pool's copy of the value, held once more. */
  hold(value: string): string {
    const entry = this.entries.get(value);
    if (!entry) {
      this.entries.set(value, { value, holders: 1 });
      return value;
    }
    entry.holders++;
    return entry.value;
  }

  release(value: string): void {
    const entry = this.entries.get(value);
    if (entry && --entry.holders === 0) this.entries.delete(value);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Separates the fields of a title's resolution key; never in a key, a role, a date or a publisher's name. */
const FIELD = '\u0001';

/**
 * Mentions with the same resolution key resolve to the same entity. A title-only mention resolves by its role and
 * by how its holder was found, the release's date and its publisher (the office holder on that date).
 */
export function getResolutionKey(mention: Pick<Mention, 'key' | 'form' | 'role' | 'holderFound' | 'release'>): string {
  if (mention.form === 'title')
    return [mention.key, mention.role ?? '', mention.holderFound ?? '', mention.release?.date ?? '', mention.release?.publisher ?? ''].join(FIELD);
  return mention.form === 'candidate' ? `?${mention.key}` : mention.key;
}

/** A mention that resolves as every mention of the resolution key does. */
export function toResolvableMention(resolutionKey: string): Mention {
  if (resolutionKey.startsWith('?')) return { key: resolutionKey.slice(1), form: 'candidate' } as Mention;
  if (!resolutionKey.includes(FIELD)) return { key: resolutionKey, form: 'name' } as Mention;
  const [key, role, holderFound, date, publisher] = resolutionKey.split(FIELD);
  const release = date || publisher ? { ...(date && { date }), ...(publisher && { publisher }) } : undefined;
  return { key, form: 'title', role: role || undefined, holderFound: holderFound || undefined, release } as Mention;
}

/** One file's mentions grouped by resolution key. */
export interface FileEntityFacts {
  /** Resolution key → its mentions in this file (indices into the file's mention table) and its releases; release → its keys. */
  readonly byResolutionKey: ResolutionKeyGroups;
}

/** Where counts go: the corpus tables themselves (COUNT_TABLES), or a change gathered first (countsChange.ts). */
export interface CountSink {
  count(table: Counts, from: string, to: string, delta: number): void;
  total(table: Map<string, number>, key: string, delta: number): void;
}

export function addCount(table: Counts, from: string, to: string, delta: number): void {
  const inner = table.get(from) ?? new Map<string, number>();
  const n = (inner.get(to) ?? 0) + delta;
  if (n > 0) inner.set(to, n);
  else inner.delete(to);
  if (inner.size) table.set(from, inner);
  else table.delete(from);
}

function addTotal(table: Map<string, number>, key: string, delta: number): void {
  const n = (table.get(key) ?? 0) + delta;
  if (n > 0) table.set(key, n);
  else table.delete(key);
}

/** Counts straight into the tables. */
export const COUNT_TABLES: CountSink = { count: addCount, total: addTotal };

/** The corpus-wide fact tables, fed by each file's summary. */
export class EntityFactTables {
  readonly mentionTotals = new Map<string, number>(); // resolution key → mentions
  readonly releaseTotals = new Map<string, number>(); // resolution key → releases naming it (per key)
  readonly urisByResolutionKey: Counts = new Map(); // resolution key → uri → mentions
  readonly rolesByResolutionKey: Counts = new Map(); // resolution key → role as written → n (titles excluded)
  readonly spellingsByResolutionKey: Counts = new Map(); // resolution key → text as written → n
  readonly resolutionKeysByKey: Counts = new Map(); // key → resolution keys of its mentions
  readonly titleKeysByRole: Counts = new Map(); // normalised role → resolution keys of bare titles
  readonly rolesByHolder: Counts = new Map(); // person key → normalised roles stated next to it
  readonly abbreviationsByLongName: Counts = new Map(); // long-name key → abbreviation keys

  /** The tables a file's count rows count in, in a fixed order (the persistent index stores rows by place). */
  get rowTables(): readonly Counts[] {
    return [
      this.rolesByResolutionKey,
      this.spellingsByResolutionKey,
      this.resolutionKeysByKey,
      this.titleKeysByRole,
      this.rolesByHolder,
      this.abbreviationsByLongName,
    ];
  }

  /** Groups the file's mentions and counts the rows it adds to these tables (the caller adds its own, then seals). */
  /** A file's facts and count rows, yielding after every `mentionsPerPiece` mentions. */
  *summariseInSteps(text: string, entities: FileEntities, mentionsPerPiece: number): Generator<void, { facts: FileEntityFacts; rows: CountRows }, void> {
    const grouping = new ResolutionKeyGrouping();
    const rows = new CountRows();
    const count = (table: Counts, from: string, to: string) => rows.count(table, from, to);
    for (let i = 0; i < entities.mentions.length; i++) {
      const m = entities.mentions.at(i);
      const key = getResolutionKey(m);
      grouping.add(key, i, m.releaseIndex);
      if (m.role && m.form !== 'title') count(this.rolesByResolutionKey, key, m.role);
      count(this.spellingsByResolutionKey, key, text.slice(m.span.start, m.span.end).replace(/\s+/g, ' '));
      count(this.resolutionKeysByKey, m.key, key);
      if (m.form === 'title' && m.role) count(this.titleKeysByRole, normaliseRole(m.role), key);
      if (m.kind === 'person' && m.form === 'name' && m.role) count(this.rolesByHolder, m.key, normaliseRole(m.role));
      if ((i + 1) % mentionsPerPiece === 0) yield;
    }
    for (const [abbreviation, longName] of entities.abbreviationAliases) count(this.abbreviationsByLongName, longName, abbreviation);
    return { facts: { byResolutionKey: grouping.seal() }, rows };
  }

  /** Counts (sign 1) or takes back (sign -1) a file's facts in `sink`, yielding after every `keysPerPiece` keys. */
  *countInSteps(sink: CountSink, uri: string, facts: FileEntityFacts, sign: 1 | -1, keysPerPiece: number): Generator<void, void, void> {
    const groups = facts.byResolutionKey;
    let counted = 0;
    for (const key of groups.getKeys()) {
      sink.total(this.mentionTotals, key, sign * groups.countMentions(key));
      sink.count(this.urisByResolutionKey, key, uri, sign * groups.countMentions(key));
      sink.total(this.releaseTotals, key, sign * groups.countReleases(key));
      if (++counted % keysPerPiece === 0) yield;
    }
  }

  /**
   * Keys from which a mention may reach the entity with this corpus key: the key itself, the surname of a full
   * name, abbreviations defined for it; then every resolution key of those, and the bare titles of the roles
   * stated next to them. The caller keeps those that really resolve to the entity.
   */
  findCandidateResolutionKeys(entityKey: string): string[] {
    const keys = new Set([entityKey]);
    const words = nameOfKey(entityKey).split(' ');
    if (kindOfKey(entityKey) === 'person' && words.length > 1) keys.add(`person:${words[words.length - 1]}`);
    for (const abbreviation of this.abbreviationsByLongName.get(entityKey)?.keys() ?? []) keys.add(abbreviation);
    const found = new Set<string>();
    for (const key of keys) {
      for (const resolutionKey of this.resolutionKeysByKey.get(key)?.keys() ?? []) found.add(resolutionKey);
      for (const role of this.rolesByHolder.get(key)?.keys() ?? []) {
        for (const resolutionKey of this.titleKeysByRole.get(role)?.keys() ?? []) found.add(resolutionKey);
      }
    }
    return [...found];
  }

  /** Every resolution key in the corpus (an analysts' entry may be reached from any spelling). */
  getAllResolutionKeys(): IterableIterator<string> {
    return this.mentionTotals.keys();
  }
}

/** Inserts the item into a list kept sorted by mentions (most first) and no longer than `limit`. */
export function keepTop<T extends { mentions: number }>(list: T[], item: T, limit: number): void {
  if (list.length >= limit && item.mentions <= list[list.length - 1].mentions) return;
  let at = list.length;
  while (at > 0 && list[at - 1].mentions < item.mentions) at--;
  list.splice(at, 0, item);
  if (list.length > limit) list.pop();
}

export function sortByCount(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function getOnly(counts: Map<string, number> | undefined): string | undefined {
  return counts?.size === 1 ? [...counts.keys()][0] : undefined;
}

export function getMostCounted(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, n] of counts ?? [])
    if (n > bestCount || (n === bestCount && best !== undefined && value.length > best.length)) [best, bestCount] = [value, n];
  return best;
}
