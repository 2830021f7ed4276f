// What entity recognition produces for one corpus file, in corpus words. Plain immutable data, like the model.
// A mention carries a key that names its entity as the text of this file alone can: corpus-wide identity
// (surname → full name across files, acronym → long name, analysts' aliases) is decided later, in the
// features layer, from every file's keys.

import { Span } from '../model';
import type { MentionTable } from './mentionTable';

export type EntityKind = 'person' | 'organisation' | 'country' | 'place' | 'event';

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organisation', 'country', 'place', 'event'];

/** How the text names the entity; says how much the mention relies on context. */
export type MentionForm =
  | 'name' // the full name as written: "Jens Stoltenberg", "NATO Military Committee", "Belgium"
  | 'surname' // "Stoltenberg", "Mr Stoltenberg"
  | 'first-name' // "Volodymyr", "My dear friend Volodymyr"
  | 'title' // the role alone: "the Secretary General"
  | 'abbreviation' // "EU", "U.K."
  | 'capital' // "Moscow" standing for Russia
  | 'demonym' // "Ukrainian", "Belgians"
  | 'candidate'; // a capitalised word that is an entity only if the corpus knows it (a surname seen elsewhere)

export interface Mention {
  readonly span: Span;
  readonly kind: EntityKind;
  readonly form: MentionForm;
  /** `kind:normalised name` (`person:jens stoltenberg`, `country:UKR`, `role:secretary general`). */
  readonly key: string;
  /** The role as the text states it next to this mention: "Minister of Defence", "NATO Secretary General". */
  readonly role?: string;
  /** Index of the release holding the mention. */
  readonly releaseIndex: number;
  /**
   * For a title-only mention ("the President"): how the file found its holder. Only a holder named before it
   * in the same release is certain; the others are guesses an office holder at the release's date overrides.
   */
  readonly holderFound?: 'named-before' | 'named-later' | 'file' | 'none';
  /** For a title-only mention: the release's date and publisher, which say who held the title. */
  readonly release?: ReleaseContext;
}

/** What a release says about when and for whom it speaks. */
export interface ReleaseContext {
  /** ISO date of the release (from its dateline or header; else the nearest dated release of the file). */
  readonly date?: string;
  /** The publisher as its Source line writes it ("U.S. Department of Defense"), else the file's. */
  readonly publisher?: string;
}

/** Everything recognised in one file: mentions sorted by offset, and keys merged within the file. */
export interface FileEntities {
  readonly mentions: MentionTable;
  /** Person keys the file itself resolves: a surname or first name key → the file's full-name key. */
  readonly personAliases: ReadonlyMap<string, string>;
  /** Long-name keys the file defines an abbreviation for: "Russian … Directorate (GRU)" → key of GRU. */
  readonly abbreviationAliases: ReadonlyMap<string, string>;
}

export function keyOf(kind: EntityKind | 'role', name: string): string {
  return `${kind}:${normaliseName(name)}`;
}

export function kindOfKey(key: string): EntityKind | 'role' {
  return key.slice(0, key.indexOf(':')) as EntityKind | 'role';
}

export function nameOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** Lower case, no diacritics, single spaces, no dots: "Geoană" and "Geoana", "U.K." and "UK" compare equal. */
export function normaliseName(name: string): string {
  // A long text (a word thousands of letters long) is read by the pattern: faster than a loop that runs once.
  const plain = name.length > 64 ? (PLAIN_ASCII_NAME.test(name) ? 'mixed' : undefined) : getPlainAsciiCase(name);
  if (plain === 'lower') return name; // most words: nothing to fold, and no copy made
  if (plain === 'mixed') return name.toLowerCase(); // most names: nothing else to fold
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").replace(/\./g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

const PLAIN_ASCII_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * ASCII letters in words joined by single spaces ("Jens Stoltenberg"), and whether any is a capital: read by char
 * codes, not a pattern, as recognition folds every word it reads.
 */
function getPlainAsciiCase(name: string): 'lower' | 'mixed' | undefined {
  let afterLetter = false;
  let capitals = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) afterLetter = true;
    else if (code >= 0x41 && code <= 0x5a) afterLetter = capitals = true;
    else if (code === 0x20 && afterLetter) afterLetter = false;
    else return undefined;
  }
  return !afterLetter ? undefined : capitals ? 'mixed' : 'lower';
}

/** Compact text for tests: `start-end kind/form “text” → key (role)`. */
export function printMention(text: string, mention: Mention): string {
  const role = mention.role ? ` (${mention.role})` : '';
  return `${mention.kind}/${mention.form} “${text.slice(mention.span.start, mention.span.end)}” → ${mention.key}${role}`;
}
