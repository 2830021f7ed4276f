// What a hover tells about an entity: its roles and spellings as the corpus writes them, where it appears, and
// the entities it appears with. Work is proportional to the entity's own mentions and their releases.

import { EntityRecord, RoleTerm } from '../annotations/entityFile';
import { Mention } from '../corpus/entities/entityModel';
import { CorpusView } from './corpus';
import { Entity, MentionIn } from './entityIndex';
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
  readonly releases: readonly ReleaseAppearance[];
  /** Entities named in the same releases, by number of shared releases, then by mentions there. */
  readonly companions: readonly { entity: Entity; releases: number; mentions: number }[];
  readonly references: readonly MentionIn[];
  /** For a hover on a title-only mention: the term the entity held on the release's date. */
  readonly termHeld?: { readonly date: string; readonly term: RoleTerm };
}

const MAX_COMPANION_RELEASES = 500;

export function computeEntityCard(corpus: CorpusView, entity: Entity, companionLimit = 5, hovered?: Mention): EntityCard {
  const { entities } = corpus;
  const references = entities.findReferences(entity.id);
  const roles = new Map<string, number>();
  const spellings = new Map<string, number>();
  const releases = new Map<string, ReleaseAppearance>();
  for (const { uri, mention } of references) {
    const file = corpus.files.getFile(uri);
    if (!file) continue;
    if (mention.role && mention.form !== 'title') roles.set(mention.role, (roles.get(mention.role) ?? 0) + 1);
    const written = file.text.slice(mention.span.start, mention.span.end).replace(/\s+/g, ' ');
    spellings.set(written, (spellings.get(written) ?? 0) + 1);
    const id = `${uri}#${mention.releaseIndex}`;
    const release = file.parsed.releases[mention.releaseIndex];
    const seen = releases.get(id);
    releases.set(id, { uri, releaseIndex: mention.releaseIndex, title: release?.title ?? '(untitled)', date: release?.date?.iso, mentions: (seen?.mentions ?? 0) + 1 });
  }
  const date = hovered?.form === 'title' ? hovered.release?.date : undefined;
  const term = entity.record && date ? getTermHeldOn(entity.record, date) : undefined;
  return {
    entity,
    record: entity.record,
    ...(term && date && { termHeld: { date, term } }),
    roles: sortByCount(roles).map(([role, count]) => ({ role, count })),
    spellings: sortByCount(spellings).map(([text]) => text),
    mentionCount: references.length,
    releases: [...releases.values()],
    // Companions are counted over the first releases only: "NATO" appears in most releases of a NATO corpus.
    companions: findCompanions(entities, entity, [...releases.values()].slice(0, MAX_COMPANION_RELEASES), companionLimit),
    references,
  };
}

function findCompanions(entities: CorpusView['entities'], entity: Entity, releases: readonly ReleaseAppearance[], limit: number): { entity: Entity; releases: number; mentions: number }[] {
  const shared = new Map<string, { entity: Entity; releases: number; mentions: number }>();
  for (const release of releases) {
    const inRelease = new Map<string, { entity: Entity; mentions: number }>();
    for (const mention of entities.getFileEntities(release.uri)?.mentions ?? []) {
      if (mention.releaseIndex !== release.releaseIndex) continue;
      const other = entities.resolve(mention);
      if (other && other.id !== entity.id) inRelease.set(other.id, { entity: other, mentions: (inRelease.get(other.id)?.mentions ?? 0) + 1 });
    }
    for (const [id, { entity: other, mentions }] of inRelease) {
      const seen = shared.get(id);
      shared.set(id, { entity: other, releases: (seen?.releases ?? 0) + 1, mentions: (seen?.mentions ?? 0) + mentions });
    }
  }
  return [...shared.values()].sort((a, b) => b.releases - a.releases || b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name)).slice(0, limit);
}

function sortByCount(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
