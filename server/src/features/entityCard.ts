// What a hover tells about an entity: its roles and spellings as the corpus writes them, how often and where it
// appears, and the entities it appears with. Everything is read from the entity index's fact tables, so the work
// does not grow with the entity's mentions; lists are top-N.

import { EntityRecord, RoleTerm } from '../annotations/entityFile';
import { Mention } from '../corpus/entities/entityModel';
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
  /** Roles as stated next to the mentions, most frequent first. */
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

export function computeEntityCard(corpus: CorpusView, entity: Entity, companionLimit = 5, hovered?: Mention): EntityCard {
  const { entities } = corpus;
  const facts = entities.getEntityFacts(entity.id, Math.max(CARD_TOP_RELEASES, COMPANION_RELEASES));
  const topReleases = facts.topReleases.slice(0, CARD_TOP_RELEASES).map(({ uri, releaseIndex, mentions }): ReleaseAppearance => {
    const release = corpus.files.getFile(uri)?.parsed.releases[releaseIndex];
    return { uri, releaseIndex, title: release?.title ?? '(untitled)', date: release?.date?.iso, mentions };
  });
  const date = hovered?.form === 'title' ? hovered.release?.date : undefined;
  const term = entity.record && date ? getTermHeldOn(entity.record, date) : undefined;
  return {
    entity,
    record: entity.record,
    ...(term && date && { termHeld: { date, term } }),
    roles: facts.roles,
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
