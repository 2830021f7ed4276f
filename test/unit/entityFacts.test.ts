// Entity facts read from the corpus tables (entityFacts.ts) must say exactly what a walk over every mention of
// the seeds says: the same references, mention and release counts, roles and spellings, with and without the
// analysts' entities.yaml, and still after a file changes.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { test } from 'node:test';
import { parseEntityFile } from '../../server/src/annotations/entityFile';
import { CorpusIndex } from '../../server/src/features/corpusIndex';
import { Mention } from '../../server/src/corpus/entities/entityModel';
import { MentionTable } from '../../server/src/corpus/entities/mentionTable';
import { StringPool } from '../../server/src/features/entityFacts';
import { EntityIndex } from '../../server/src/features/entityIndex';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const SEEDS = readdirSync(join(REPO_ROOT, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .sort();

function loadSeeds(): { index: CorpusIndex; entities: EntityIndex } {
  const index = new CorpusIndex();
  for (const name of SEEDS) index.setFile(`file:///w/seeds/${name}`, readFileSync(join(REPO_ROOT, 'seeds', name), 'utf8'));
  return { index, entities: new EntityIndex(index) };
}

/** Every entity of the corpus with its mentions, by walking every mention of every file. */
function walkAllMentions(
  index: CorpusIndex,
  entities: EntityIndex,
): Map<string, { uri: string; start: number; releaseIndex: number; text: string; role?: string; form: string }[]> {
  const byEntity = new Map<string, { uri: string; start: number; releaseIndex: number; text: string; role?: string; form: string }[]>();
  for (const file of [...index.getFiles()].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    for (const mention of entities.getFileEntities(file.uri)?.mentions ?? []) {
      const entity = entities.resolve(mention);
      if (!entity) continue;
      const list = byEntity.get(entity.id) ?? [];
      list.push({
        uri: file.uri,
        start: mention.span.start,
        releaseIndex: mention.releaseIndex,
        text: file.text.slice(mention.span.start, mention.span.end).replace(/\s+/g, ' '),
        role: mention.role,
        form: mention.form,
      });
      byEntity.set(entity.id, list);
    }
  }
  return byEntity;
}

function assertFactsMatchTheWalk(index: CorpusIndex, entities: EntityIndex): void {
  const walked = walkAllMentions(index, entities);
  assert.ok(walked.size > 50, 'the seeds name many entities');
  for (const [id, mentions] of walked) {
    const references = entities.findReferences(id).map((r) => `${r.uri}@${r.mention.span.start}`);
    assert.deepEqual(
      references,
      mentions.map((m) => `${m.uri}@${m.start}`),
      `references of ${id}`,
    );
    const facts = entities.getEntityFacts(id, 3);
    assert.equal(facts.mentionCount, mentions.length, `mentions of ${id}`);
    assert.equal(facts.releaseCount, new Set(mentions.map((m) => `${m.uri}#${m.releaseIndex}`)).size, `releases of ${id}`);
    const roles = mentions.filter((m) => m.role && m.form !== 'title').length;
    assert.equal(
      facts.roles.reduce((sum, r) => sum + r.count, 0),
      roles,
      `roles of ${id}`,
    );
    assert.deepEqual(new Set(facts.spellings.map((s) => s.text)), new Set(mentions.map((m) => m.text)), `spellings of ${id}`);
    assert.ok(
      facts.topReleases.length <= 3 && facts.topReleases.every((r, i) => i === 0 || facts.topReleases[i - 1].mentions >= r.mentions),
      `top releases of ${id}`,
    );
  }
}

test('entity facts from the tables equal a walk over every mention of the seeds', () => {
  const { index, entities } = loadSeeds();
  assertFactsMatchTheWalk(index, entities);
});

test('entity facts follow the analysts’ entities.yaml (an entry reached through its aliases)', () => {
  const { index, entities } = loadSeeds();
  entities.setKnowledgeBase([parseEntityFile(readFileSync(join(REPO_ROOT, 'annotations', 'entities.yaml'), 'utf8'))]);
  assertFactsMatchTheWalk(index, entities);
});

test('entity facts stay exact when a file changes and when one is removed', () => {
  const { index, entities } = loadSeeds();
  assertFactsMatchTheWalk(index, entities);
  const first = `file:///w/seeds/${SEEDS[0]}`;
  index.setFile(first, index.getFile(first)!.text.replace(/Jens Stoltenberg/g, 'Mark Rutte'));
  assertFactsMatchTheWalk(index, entities);
  index.removeFile(`file:///w/seeds/${SEEDS[1]}`);
  assertFactsMatchTheWalk(index, entities);
});

test('a string counted by several files is pooled once and leaves the pool with the last file holding it', () => {
  const pool = new StringPool();
  const name = ['person:jens', 'stoltenberg'].join(' ');
  assert.equal(pool.hold(name), name);
  assert.equal(pool.hold(['person:jens', 'stoltenberg'].join(' ')), name);
  pool.release(name);
  assert.equal(pool.size, 1);
  pool.release(name);
  assert.equal(pool.size, 0);
});

test('mentions read back from the columnar table are the mentions stored, every field and form', () => {
  const release = { date: '2024-02-14', publisher: 'NATO' };
  const mentions: Mention[] = [
    { span: { start: 0, end: 16 }, kind: 'person', form: 'name', key: 'person:jens stoltenberg', role: 'Secretary General', releaseIndex: 0 },
    { span: { start: 20, end: 24 }, kind: 'organisation', form: 'abbreviation', key: 'organisation:nato', releaseIndex: 0 },
    {
      span: { start: 30, end: 51 },
      kind: 'person',
      form: 'title',
      key: 'role:secretary general',
      role: 'the Secretary General',
      releaseIndex: 1,
      holderFound: 'none',
      release,
    },
    { span: { start: 60, end: 71 }, kind: 'person', form: 'title', key: 'person:jens stoltenberg', role: '', releaseIndex: 1, holderFound: 'named-later' },
    { span: { start: 80, end: 85 }, kind: 'event', form: 'candidate', key: 'event:x', releaseIndex: 2 },
  ];
  const table = MentionTable.from(mentions);
  assert.deepEqual([...table], mentions);
  assert.deepEqual([table.findIndexAt(24), table.findIndexAt(26), table.keyOf(4)], [1, -1, 'event:x']);

  // Through the persistent index: the columns as V8 stores them, read back only when they fit the text.
  const stored = deserialize(serialize(table.toColumns()));
  assert.deepEqual([...MentionTable.fromColumns(stored, 85, 3)!], mentions);
  assert.equal(MentionTable.fromColumns(stored, 84, 3), undefined, 'a mention past the end of the text');
  assert.equal(MentionTable.fromColumns(stored, 85, 2), undefined, 'a mention in a release the file lacks');
  const { keyIds, ...withoutKeys } = table.toColumns();
  assert.equal(MentionTable.fromColumns(withoutKeys, 85, 3), undefined, 'a column missing');
  assert.equal(MentionTable.fromColumns({ ...table.toColumns(), keyIds: Int32Array.from(keyIds, () => 99) }, 85, 3), undefined, 'a key id out of range');
  const contexts = table.toColumns().contexts.map(() => null);
  assert.equal(MentionTable.fromColumns({ ...table.toColumns(), contexts }, 85, 3), undefined, 'a release context that is no object');
});
