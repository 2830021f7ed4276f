// The corpus-wide entity index: identity across files (a surname introduced elsewhere, the analysts' aliases),
// title-only mentions, references, and per-file caching (a change recomputes only the changed file).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEntityFile } from '../../server/src/annotations/entityFile';
import { NO_EDITOR } from '../../server/src/engine/editorBuffers';
import { EntityKnowledge } from '../../server/src/engine/entityKnowledge';
import { MemoryHost } from '../../server/src/engine/memoryHost';
import { EntityIndex } from '../../server/src/features/entityIndex';
import { FIXTURE_ROOT, parseFixture, renderSpans } from '../support/fixture';

const CORPUS = `//- seeds/a.txt
Speech by NATO Secretary General Jens Stoltenberg

Source: NATO

Good morning. The Secretary General spoke.
//- seeds/b.txt
Stoltenberg: Ukraine can count on NATO

Source: NATO

<[Mr Stoltenberg]> said <|><[Stoltenberg]> was right, and the regime in Moscow was not.
`;

/** The mentions of the entity at the cursor, in one file, rendered as `start-end “text”`. */
function check(fixtureText: string, uri: string, expected: string): void {
  const fixture = parseFixture(fixtureText);
  const entities = new EntityIndex(fixture.index);
  const hit = entities.findMentionAt(fixture.main.uri, fixture.main.cursor!);
  assert.ok(hit?.entity, 'no entity at the cursor');
  const file = fixture.files.find((f) => f.uri === uri)!;
  const spans = entities
    .findReferences(hit.entity.id)
    .filter((r) => r.uri === uri)
    .map((r) => r.mention.span);
  assert.equal(renderSpans(file.text, spans), expected);
}

test('a surname alone in one file is the full name another file introduces', () => {
  const fixture = parseFixture(CORPUS);
  const entities = new EntityIndex(fixture.index);
  const hit = entities.findMentionAt(fixture.main.uri, fixture.main.cursor!);
  assert.equal(hit?.entity?.id, 'person:jens stoltenberg');
  assert.equal(hit?.entity?.name, 'Jens Stoltenberg');
  const b = fixture.files[1];
  const inB = entities
    .findReferences('person:jens stoltenberg')
    .filter((r) => r.uri === b.uri)
    .map((r) => b.text.slice(r.mention.span.start, r.mention.span.end));
  assert.deepEqual(inB, ['Stoltenberg', 'Stoltenberg', 'Stoltenberg']);
  const inA = entities
    .findReferences('person:jens stoltenberg')
    .filter((r) => r.uri !== b.uri)
    .map((r) => `${r.mention.form} ${fixture.files[0].text.slice(r.mention.span.start, r.mention.span.end)}`);
  assert.deepEqual(inA, ['name Jens Stoltenberg', 'title Secretary General']);
});

test('an entry of entities.yaml gives the entity its id and name, through any alias', () => {
  const yaml =
    'entities:\n  - id: jens\n    name: Jens Stoltenberg\n    kind: person\n    aliases: [Stoltenberg]\n  - id: russia\n    name: Russia\n    kind: country\n';
  const fixture = parseFixture(CORPUS);
  const entities = new EntityIndex(fixture.index);
  entities.setKnowledgeBase([parseEntityFile(yaml)]);
  assert.equal(entities.findMentionAt(fixture.main.uri, fixture.main.cursor!)?.entity?.id, 'jens');
  const moscow = fixture.main.text.indexOf('Moscow');
  assert.equal(entities.findMentionAt(fixture.main.uri, moscow + 1)?.entity?.id, 'russia');
});

test('a broken entities.yaml leaves the last good entries in force', () => {
  const fixture = parseFixture(CORPUS);
  const entities = new EntityIndex(fixture.index);
  const knowledge = new EntityKnowledge(new MemoryHost(), [FIXTURE_ROOT], entities, NO_EDITOR);
  const [uri] = knowledge.fileUris;
  knowledge.setText(uri, 'entities:\n  - id: jens\n    name: Jens Stoltenberg\n    kind: person\n');
  knowledge.setText(uri, 'entities:\n  - id: [broken\n');
  assert.equal(knowledge.getFile(uri).parsed.writable, false);
  assert.equal(entities.findMentionAt(fixture.main.uri, fixture.main.cursor!)?.entity?.id, 'jens');
});

test('each workspace folder has its own entities.yaml; an earlier folder wins a shared name', () => {
  const fixture = parseFixture(CORPUS);
  const entities = new EntityIndex(fixture.index);
  const knowledge = new EntityKnowledge(new MemoryHost(), ['file:///other/', FIXTURE_ROOT], entities, NO_EDITOR);
  const [other, own] = knowledge.fileUris;
  knowledge.setText(own, 'entities:\n  - id: jens\n    name: Jens Stoltenberg\n    kind: person\n  - id: russia\n    name: Russia\n    kind: country\n');
  knowledge.setText(other, 'entities:\n  - id: sg\n    name: Jens Stoltenberg\n    kind: person\n');
  assert.equal(entities.findMentionAt(fixture.main.uri, fixture.main.cursor!)?.entity?.id, 'sg');
  assert.equal(entities.findMentionAt(fixture.main.uri, fixture.main.text.indexOf('Moscow') + 1)?.entity?.id, 'russia');
  assert.equal(knowledge.findFileOfRecord('russia'), own);
  assert.equal(knowledge.getFileUriFor(fixture.main.uri), own);
});

test('references in one file: every mention of the entity, surname and "Mr" forms included', () => {
  const fixtureText = CORPUS.replace('Stoltenberg: Ukraine', '<[Stoltenberg]>: Ukraine').replace('<[Mr Stoltenberg]>', 'Mr <[Stoltenberg]>');
  const b = parseFixture(fixtureText).files[1];
  check(fixtureText, b.uri, renderSpans(b.text, b.ranges));
});

test('a change to one file recomputes that file only; the other keeps its recognised mentions', () => {
  const fixture = parseFixture(CORPUS);
  const entities = new EntityIndex(fixture.index);
  const [a, b] = fixture.files;
  const before = { a: entities.getFileEntities(a.uri), b: entities.getFileEntities(b.uri) };
  fixture.index.setFile(b.uri, b.text.replace('Moscow', 'Beijing'));
  assert.equal(entities.getFileEntities(a.uri), before.a);
  assert.notEqual(entities.getFileEntities(b.uri), before.b);
  const removed = new EntityIndex(fixture.index);
  fixture.index.removeFile(a.uri);
  // Without the file that introduces the full name, the bare surname names nobody in particular any more.
  assert.equal(removed.findMentionAt(b.uri, fixture.main.cursor!)?.entity?.id, 'person:stoltenberg');
});

test('an upper-case speaker label is a mention of the person the text names; question and staff labels name no one', () => {
  const fixture = parseFixture(`Secretary of Defense Lloyd J. Austin III Holds a Press Conference

Source: U.S. Department of Defense

STAFF:  Good morning.  Secretary of Defense Lloyd J. Austin III will take questions.

SECRETARY OF DEFENSE LLOYD J. AUSTIN III:  Thank you.

Q:  Mr. Secretary, a question.

SEC. AUSTIN:  Go ahead.
`);
  const entities = new EntityIndex(fixture.index);
  const text = fixture.main.text;
  const at = (written: string, nth = 0) => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(written, offset + 1);
    return entities.findMentionAt(fixture.main.uri, offset + 1)?.entity?.id;
  };
  assert.equal(at('Lloyd J. Austin III', 1), 'person:lloyd j austin');
  assert.equal(at('LLOYD J. AUSTIN III'), 'person:lloyd j austin');
  assert.equal(at('AUSTIN:'), 'person:lloyd j austin');
  assert.equal(at('STAFF'), undefined);
  assert.equal(at('Q:'), undefined);
});
