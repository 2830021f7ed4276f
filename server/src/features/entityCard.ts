// What a hover tells about an entity: its roles and spellings as the corpus writes them, how often and where it
// appears, and the entities it appears with. Everything is read from the entity index's fact tables, so the work
// does not grow with the entity's mentions; lists are top-N.

import { EntityRecord, RoleTerm } from '../annotations/entityFile';
import { Mention, normaliseName } from '../corpus/entities/entityModel';
import { findGazetteerPhrase, getGazetteer } from '../corpus/entities/gazetteer';
import { getRoleHead, isRankOnly, normaliseRole } from '../corpus/entities/roles';
import { CorpusView } from './corpus';
import { Entity } from './entityIndex';
import { getTermHeldOn } from './officeHolders';

export interface ReleaseAppearance {
  readonly uri: string;
  readonly releaseIndex: number;
  readonly title: string;
  readonly date?: string;
  readonly mentions: number;
}

export interface EntityCard {
  readonly entity: Entity;
  readonly record?: EntityRecord;
  /**
   * The offices the entity holds, as the text states them next to its mentions (count: how many) and as
   * entities.yaml gives its terms (count 0 when no mention states it): the one held on the hovered release's date
   * first, then the most stated.
   */
  readonly roles: readonly { role: string; count: number }[];
  /** How the corpus writes the entity, most frequent first. */
  readonly spellings: readonly string[];
  readonly mentionCount: number;
  readonly releaseCount: number;
  /** The releases that mention the entity most, most first. */
  readonly topReleases: readonly ReleaseAppearance[];
  /** Entities named in the same releases (among the top ones), by number of shared releases, then by name. */
  readonly companions: readonly { entity: Entity; releases: number }[];
  /** For a hover on a title-only mention: the term the entity held on the release's date. */
  readonly termHeld?: { readonly date: string; readonly term: RoleTerm };
}

export const CARD_TOP_RELEASES = 8;
/** Companions are counted over the releases that mention the entity most. */
const COMPANION_RELEASES = 50;

/** `hovered`: the mention under the cursor, in the file `hoveredUri` (its release's date puts the office held then first). */
export function computeEntityCard(corpus: CorpusView, entity: Entity, companionLimit = 5, hovered?: Mention, hoveredUri?: string): EntityCard {
  const { entities } = corpus;
  const facts = entities.getEntityFacts(entity.id, Math.max(CARD_TOP_RELEASES, COMPANION_RELEASES));
  const topReleases = facts.topReleases.slice(0, CARD_TOP_RELEASES).map(({ uri, releaseIndex, mentions }): ReleaseAppearance => {
    const release = corpus.files.getFile(uri)?.parsed.releases[releaseIndex];
    return { uri, releaseIndex, title: release?.title ?? '(untitled)', date: release?.date?.iso, mentions };
  });
  const date = hovered?.form === 'title' ? hovered.release?.date : undefined;
  const term = entity.record && date ? getTermHeldOn(entity.record, date) : undefined;
  const hoveredDate =
    hovered?.release?.date ?? (hovered && hoveredUri ? corpus.files.getFile(hoveredUri)?.parsed.releases[hovered.releaseIndex]?.date?.iso : undefined);
  const heldWhenHovered = entity.record && getTermHeldOn(entity.record, hoveredDate)?.role;
  return {
    entity,
    record: entity.record,
    ...(term && date && { termHeld: { date, term } }),
    roles: listOffices(facts.roles, entity.record, heldWhenHovered),
    spellings: facts.spellings.map((s) => s.text),
    mentionCount: facts.mentionCount,
    releaseCount: facts.releaseCount,
    topReleases,
    companions: companionLimit > 0 ? findCompanions(entities, entity, facts.topReleases, companionLimit) : [],
  };
}

function findCompanions(
  entities: CorpusView['entities'],
  entity: Entity,
  releases: readonly { uri: string; releaseIndex: number }[],
  limit: number,
): { entity: Entity; releases: number }[] {
  const shared = new Map<string, { entity: Entity; releases: number }>();
  for (const { uri, releaseIndex } of releases) {
    const seen = new Set<string>();
    for (const key of entities.getReleaseResolutionKeys(uri, releaseIndex)) {
      const other = entities.resolveKey(key);
      if (!other || other.id === entity.id || seen.has(other.id)) continue;
      seen.add(other.id);
      shared.set(other.id, { entity: other, releases: (shared.get(other.id)?.releases ?? 0) + 1 });
    }
  }
  return [...shared.values()].sort((a, b) => b.releases - a.releases || a.entity.name.localeCompare(b.entity.name)).slice(0, limit);
}

interface OfficeRow {
  readonly key: string;
  readonly forms: Map<string, number>;
  count: number;
}

/**
 * The stated roles as an analyst reads them: one row per office however it is written (a transcript label's
 * "SECRETARY OF DEFENSE" and "SEC.", the text's "Secretary of Defense" and "Defense Secretary"), shown as the
 * text writes it most (never in capitals when it also writes it otherwise); a rank alone ("Gen.", "ADM.") is no
 * office. entities.yaml's terms add the offices the text leaves out ("Gen. Dempsey" is Chairman of the Joint
 * Chiefs of Staff); one the text states without its owner ("Treasurer" for "Treasurer of Australia") stays in the
 * text's words.
 */
function listOffices(
  stated: readonly { role: string; count: number }[],
  record: EntityRecord | undefined,
  heldOnDate: string | undefined,
): { role: string; count: number }[] {
  const rows = new Map<string, OfficeRow>();
  const add = (role: string, count: number) => {
    const key = normaliseRole(role);
    const row = rows.get(key) ?? { key, forms: new Map<string, number>(), count: 0 };
    rows.set(key, row);
    row.forms.set(role, (row.forms.get(role) ?? 0) + count);
    row.count += count;
  };
  for (const { role, count } of stated) if (!isRankOnly(role) && normaliseRole(role)) add(role, count);
  for (const row of rows.values()) {
    const office = findOfficeAbbreviated(row, rows);
    if (!office) continue;
    office.count += row.count;
    rows.delete(row.key);
  }
  const known = [record?.role, ...(record?.terms ?? []).map((term) => term.role)].filter((role): role is string => Boolean(role));
  for (const role of known) if (!findStatedRow(role, rows)) add(role, 0);
  const held = heldOnDate && findStatedRow(heldOnDate, rows);
  return [...rows.values()]
    .sort((a, b) => Number(b === held) - Number(a === held) || b.count - a.count)
    .map((row) => ({ role: pickForm(row.forms), count: row.count }));
}

/**
 * The row of an office as written in full, or without the country that owns it ("President" for "President of the
 * United States"; but "Secretary" is not "Secretary of the Treasury").
 */
function findStatedRow(office: string, rows: ReadonlyMap<string, OfficeRow>): OfficeRow | undefined {
  const owner = /^(.+?)\s+of\s+(?:the\s+)?([^]+)$/.exec(office);
  const ownerWords = owner ? normaliseName(owner[2]).split(/[\s-]+/) : [];
  const country = owner && findGazetteerPhrase(getGazetteer(), ownerWords, 0);
  const isCountry = country?.kind === 'country' && country.words.length === ownerWords.length;
  return rows.get(normaliseRole(office)) ?? (isCountry ? rows.get(normaliseRole(owner![1])) : undefined);
}

/** A label's abbreviated title ("SEC.") is the one office of the entity whose title ends in a word it begins. */
function findOfficeAbbreviated(row: OfficeRow, rows: ReadonlyMap<string, OfficeRow>): OfficeRow | undefined {
  const isAbbreviation = (form: string) => /^\p{Lu}+\.$/u.test(form) && !getRoleHead(form);
  if (row.key.includes(' ') || ![...row.forms.keys()].every(isAbbreviation)) return undefined;
  const offices = [...rows.values()].filter((other) => other !== row && getRoleHead(pickForm(other.forms)).split(' ').pop()?.startsWith(row.key));
  return offices.length === 1 ? offices[0] : undefined;
}

/** The form written most, a mixed-case one before capitals: "Secretary of Defense" over "SECRETARY OF DEFENSE". */
function pickForm(forms: ReadonlyMap<string, number>): string {
  const isCapitals = (form: string) => form === form.toUpperCase();
  return [...forms].sort((a, b) => Number(isCapitals(a[0])) - Number(isCapitals(b[0])) || b[1] - a[1])[0][0];
}
