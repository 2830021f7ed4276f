// Entity fixtures: the person mention under each marked range of a fixture, recognised and resolved with the
// given entities.yaml text, for tests that name who a passage means.

import { parseEntityFile } from '../../server/src/annotations/entityFile';
import { Mention } from '../../server/src/corpus/entities/entityModel';
import { EntityIndex } from '../../server/src/features/entityIndex';
import { FixtureFile, parseFixture } from './fixture';

export interface MarkedPeople {
  readonly main: FixtureFile;
  readonly entities: EntityIndex;
  /** Per marked range, in text order: the person mention overlapping it, if any. */
  readonly mentions: readonly (Mention | undefined)[];
}

export function findMarkedPeople(fixtureText: string, knowledge: string): MarkedPeople {
  const { main, index } = parseFixture(fixtureText);
  const entities = new EntityIndex(index);
  entities.setKnowledgeBase([parseEntityFile(knowledge)]);
  const all = [...(entities.getFileEntities(main.uri)?.mentions ?? [])];
  const mentions = main.ranges.map((range) => all.find((m) => m.kind === 'person' && m.span.start < range.end && range.start < m.span.end));
  return { main, entities, mentions };
}

/**
 * For each marked range: the text of the person mention there, who it resolves to, and the role stated with it
 * (`Ann Ames → Ann Ames (Defence Secretary)`; a title-only mention shows no role; `nothing` where none is).
 */
export function describeMarkedPeople(fixtureText: string, knowledge: string): string[] {
  const { main, entities, mentions } = findMarkedPeople(fixtureText, knowledge);
  return mentions.map((mention) => {
    if (!mention) return 'nothing';
    const role = mention.form === 'title' ? '' : ` (${mention.role ?? ''})`;
    return `${main.text.slice(mention.span.start, mention.span.end)} → ${entities.resolve(mention)?.name ?? 'nothing'}${role}`;
  });
}
