// The analysts' knowledge base: `annotations/entities.yaml`.
//
//   entities:
//     - id: jens-stoltenberg
//       name: Jens Stoltenberg
//       kind: person            # person | organisation | country | place | event
//       aliases: [Stoltenberg, Mr Stoltenberg]
//       role: NATO Secretary General
//       description: Secretary General of NATO since 2014, former Prime Minister of Norway.
//       links: [https://www.nato.int/cps/en/natohq/who_is_who_4979.htm]
//       roles:                  # terms of office: who "the Secretary General" is on a release's date
//         - { role: NATO Secretary General, from: 2014-10-01, to: 2024-10-01 }
//     - id: nato
//       name: North Atlantic Treaty Organization
//       kind: organisation
//       offices: [NATO Secretary General]   # a publisher's own offices, named by their bare title in its texts
//
// Parsing never throws: YAML syntax errors and malformed entries become problems with offsets into the YAML
// text; a malformed entry is reported and skipped. A file with syntax errors is never rewritten.

import { isMap, isScalar, isSeq, Node, parseDocument, stringify, YAMLMap } from 'yaml';
import { ENTITY_KINDS, EntityKind, normaliseName } from '../corpus/entities/entityModel';
import { Problem, ProblemCode, Span } from '../corpus/model';

export interface EntityRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly role?: string;
  readonly description?: string;
  readonly links: readonly string[];
  /** Terms of office, in the order written. */
  readonly terms: readonly RoleTerm[];
  /** For a publisher: the offices its texts name by their bare title ("the Secretary" of a defense ministry). */
  readonly offices: readonly string[];
  /** The entry's block in the YAML text. */
  readonly span: Span;
}

/** A role held from one day to another (ISO dates; an open end is undefined). */
export interface RoleTerm {
  readonly role: string;
  readonly from?: string;
  readonly to?: string;
}

export interface ParsedEntityFile {
  readonly text: string;
  readonly records: readonly EntityRecord[];
  readonly problems: readonly Problem[];
  /** False when the YAML has syntax errors or the wrong shape: such a file is never rewritten. */
  readonly writable: boolean;
  /** Where a new entry goes: the end of the `entities:` list (undefined when the file is not writable). */
  readonly appendOffset?: number;
}

export function parseEntityFile(text: string): ParsedEntityFile {
  const document = parseDocument(text, { prettyErrors: false });
  const problems: Problem[] = document.errors.map((error) => ({
    code: 'entities.invalid-yaml',
    severity: 'error',
    message: `This YAML does not parse: ${error.message.split('\n')[0].replace(/\.$/, '')}. Press Corpus will not change the file until it is fixed.`,
    span: { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) },
  }));
  if (problems.length) return { text, records: [], problems, writable: false };
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) return notWritable(text, contents, 'The entity file must be a mapping with an `entities:` list.');
  const list = contents?.get('entities', true);
  const emptyList = list == null || (isScalar(list) && list.value === null);
  if (!emptyList && !(isSeq(list) && !list.flow)) return notWritable(text, list as Node, '`entities:` must be a block list of entries (`- id: …`).');

  const records: EntityRecord[] = [];
  const ids = new Set<string>();
  const aliasOwners = new Map<string, string>();
  for (const item of isSeq(list) ? (list.items as Node[]) : []) {
    const parsed = parseEntry(item);
    if (typeof parsed !== 'object') {
      problems.push(problemAt(item, parsed.startsWith('kind') ? 'entities.unknown-kind' : 'entities.invalid-entry', 'error', `This entry is ignored: ${parsed}.`));
      continue;
    }
    if (ids.has(parsed.id)) {
      problems.push(problemAt(item, 'entities.duplicate-id', 'error', `This entry is ignored: the id ${parsed.id} is used by an earlier entry.`));
      continue;
    }
    ids.add(parsed.id);
    for (const alias of [parsed.name, ...parsed.aliases]) {
      const owner = aliasOwners.get(normaliseName(alias));
      if (owner && owner !== parsed.id) {
        problems.push(problemAt(item, 'entities.duplicate-alias', 'warning', `“${alias}” also names ${owner} (earlier in the file); mentions written so go to ${owner}.`));
      } else {
        aliasOwners.set(normaliseName(alias), parsed.id);
      }
    }
    records.push(parsed);
  }
  const appendOffset = isEntitiesLast(contents, list) ? text.length : undefined;
  return { text, records, problems, writable: true, appendOffset };
}

function parseEntry(node: Node): EntityRecord | string {
  if (!isMap(node)) return 'an entry must be a mapping with id, name and kind';
  const id = getString(node, 'id');
  const name = getString(node, 'name');
  const kind = getString(node, 'kind');
  if (!id) return '`id` is missing';
  if (!name) return '`name` is missing';
  if (!kind) return 'kind is missing: use one of ' + ENTITY_KINDS.join(', ');
  if (!(ENTITY_KINDS as readonly string[]).includes(kind)) return `kind “${kind}” is unknown: use one of ${ENTITY_KINDS.join(', ')}`;
  const aliases = getStrings(node, 'aliases');
  const links = getStrings(node, 'links');
  if (!aliases) return '`aliases` must be a list of names';
  if (!links) return '`links` must be a list of addresses';
  const offices = getStrings(node, 'offices');
  if (!offices) return '`offices` must be a list of role names';
  const terms = getTerms(node);
  if (typeof terms === 'string') return terms;
  const range = node.range ?? [0, 0, 0];
  return { id, name, kind: kind as EntityKind, aliases, role: getString(node, 'role'), description: getString(node, 'description'), links, terms, offices, span: { start: range[0], end: range[1] } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `roles:` — each a role name, or `{ role, from, to }` with ISO dates; a reason when malformed. */
function getTerms(map: YAMLMap): RoleTerm[] | string {
  const node = map.get('roles', true) as Node | null | undefined;
  if (node == null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) return '`roles` must be a list of roles (`- { role: …, from: YYYY-MM-DD, to: YYYY-MM-DD }`)';
  const terms: RoleTerm[] = [];
  for (const item of node.items) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
      terms.push({ role: item.value.trim() });
      continue;
    }
    const role = isMap(item) ? getString(item, 'role') : undefined;
    if (!isMap(item) || !role) return 'each of `roles` must be a role name or a mapping with `role:`';
    const from = getDate(item, 'from');
    const to = getDate(item, 'to');
    if (from === null || to === null) return `the term of “${role}” must give \`from\` and \`to\` as YYYY-MM-DD`;
    if (from && to && to < from) return `the term of “${role}” ends (${to}) before it starts (${from})`;
    terms.push({ role, from, to });
  }
  return terms;
}

/** An ISO date, undefined when absent, null when malformed. */
function getDate(map: YAMLMap, key: string): string | undefined | null {
  const value = map.get(key);
  if (value == null) return undefined;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  return ISO_DATE.test(text) ? text : null;
}

/** A new entry may simply be appended when `entities:` is the file's last key (the shipped layout). */
function isEntitiesLast(contents: unknown, list: unknown): boolean {
  if (!isMap(contents)) return contents === null;
  const last = contents.items[contents.items.length - 1];
  return !!last && isScalar(last.key) && last.key.value === 'entities' && last.value === list;
}

/** What a new entry states: links are the analysts' to add. */
export type NewEntityEntry = Omit<EntityRecord, 'links' | 'span' | 'terms' | 'offices'>;

/**
 * The text that adds an entry to the file, or a reason why the file cannot take one. The result is parsed again
 * before it is offered: an edit that would not add exactly this entry is refused, never written.
 */
export function getEntityAppendText(file: ParsedEntityFile, entry: NewEntityEntry): { offset: number; text: string } | { refused: string } {
  const firstError = file.problems.find((p) => p.code === 'entities.invalid-yaml' || p.code === 'entities.invalid-shape');
  if (!file.writable || file.appendOffset === undefined) {
    const where = firstError ? `line ${lineOf(file.text, firstError.span.start)}: ${firstError.message}` : '`entities:` is not the last key of the file';
    return { refused: `annotations/entities.yaml cannot take a new entry (${where}).` };
  }
  const fields: Record<string, unknown> = { id: entry.id, name: entry.name, kind: entry.kind };
  if (entry.aliases.length) fields.aliases = entry.aliases;
  if (entry.role) fields.role = entry.role;
  if (entry.description) fields.description = entry.description;
  const item = stringify([fields], { flowCollectionPadding: false }).replace(/^/gm, '  ').replace(/ +$/gm, '');
  const hasList = file.records.length > 0 || /^entities:/m.test(file.text);
  const separator = file.text === '' || file.text.endsWith('\n') ? '' : '\n';
  const text = `${separator}${hasList ? '' : 'entities:\n'}${item}`;
  const after = parseEntityFile(file.text + text);
  if (after.records.length !== file.records.length + 1 || after.records[after.records.length - 1].id !== entry.id) {
    return { refused: 'annotations/entities.yaml has a layout Press Corpus cannot extend safely; add the entry by hand.' };
  }
  return { offset: file.appendOffset, text };
}

/** A readable id from a name, not taken yet: "Rob Bauer" → `rob-bauer`, then `rob-bauer-2`. */
export function createEntityId(name: string, isTaken: (id: string) => boolean): string {
  const base = normaliseName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
  let id = base;
  for (let n = 2; isTaken(id); n++) id = `${base}-${n}`;
  return id;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function getString(map: YAMLMap, key: string): string | undefined {
  const value = map.get(key);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A list of strings (a single string counts as a list of one); undefined when the value has the wrong type. */
function getStrings(map: YAMLMap, key: string): string[] | undefined {
  const node = map.get(key, true) as Node | null | undefined;
  if (node == null || (isScalar(node) && node.value === null)) return [];
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : undefined;
  if (!isSeq(node)) return undefined;
  const values = node.items.map((item) => (isScalar(item) ? item.value : undefined));
  return values.every((v): v is string => typeof v === 'string') ? values : undefined;
}

function problemAt(node: Node | null | undefined, code: ProblemCode, severity: Problem['severity'], message: string): Problem {
  const range = node?.range ?? [0, 0, 0];
  return { code, severity, message, span: { start: range[0], end: range[1] } };
}

function notWritable(text: string, node: Node | null | undefined, message: string): ParsedEntityFile {
  return { text, records: [], problems: [problemAt(node, 'entities.invalid-shape', 'error', message)], writable: false };
}
