// The corpus as lists over stdio (pressCorpus.listReleases, listEntities, listMentions): what the Press Corpus
// views and the timeline draw, and what any LSP client can ask.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ListEntitiesAnswer, ListReleasesAnswer, MentionInfo, SERVER_COMMANDS } from '../../server/src/protocol';
import { IndexedServer, startIndexedServer, stopIndexedServer } from '../support/lspClient';

let server: IndexedServer;

before(async () => {
  server = await startIndexedServer({ annotations: true });
});

after(() => stopIndexedServer(server));

function run<R>(command: string, argument: object = {}): Promise<R> {
  return server.client.request<R>('workspace/executeCommand', { command, arguments: [argument] });
}

const releaseLines = (answer: ListReleasesAnswer) =>
  answer.releases.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1, r.uri.lastIndexOf('/') + 4)} ${r.date ?? '-'} ${r.kind} ${r.title}`);

test('every release is listed with its kind, source and date, and the filters offer what the corpus holds', async () => {
  const all = await run<ListReleasesAnswer>(SERVER_COMMANDS.listReleases);
  assert.equal(all.releases.length, 23);
  assert.equal(all.partial, false);
  assert.equal(
    all.kinds.reduce((sum, kind) => sum + kind.count, 0),
    23,
  );
  assert.ok(all.sources.some((source) => source.name === 'NATO'));
  assert.ok(all.problems.some((problem) => problem.name === 'release.missing-source'));
  assert.match(releaseLines(all)[0], /^000 .* Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine$/);
});

test('filters narrow the list: kind, problem, an entity, words of the title', async () => {
  const speeches = await run<ListReleasesAnswer>(SERVER_COMMANDS.listReleases, { kind: 'speech' });
  assert.ok(speeches.releases.length > 0 && speeches.releases.every((r) => r.kind === 'speech'));
  const missingSource = await run<ListReleasesAnswer>(SERVER_COMMANDS.listReleases, { problem: 'release.missing-source' });
  assert.ok(missingSource.releases.length > 0 && missingSource.releases.every((r) => r.problems.includes('release.missing-source')));
  const mauritania = await run<ListReleasesAnswer>(SERVER_COMMANDS.listReleases, { search: 'mauritania' });
  assert.deepEqual(
    mauritania.releases.map((r) => r.title),
    ['Chair of NATO Military Committee visits Mauritania', 'NATO reaffirms importance of long-standing partnership with Mauritania'],
  );
  const entities = await run<ListEntitiesAnswer>(SERVER_COMMANDS.listEntities, { kind: 'person' });
  const stoltenberg = entities.entities.find((e) => e.name === 'Jens Stoltenberg');
  assert.ok(stoltenberg, 'Jens Stoltenberg is not among the people');
  // The hover on him says 59 mentions in 16 releases (the Neovim probe checks the same).
  assert.equal(stoltenberg.mentions, 59);
  const naming = await run<ListReleasesAnswer>(SERVER_COMMANDS.listReleases, { entity: stoltenberg.id });
  assert.equal(naming.releases.length, 16);
  const mentions = await run<MentionInfo[]>(SERVER_COMMANDS.listMentions, { entity: stoltenberg.id });
  assert.equal(mentions.length, 59);
  assert.ok(mentions.every((m) => m.context.length > 0 && m.release.length > 0));
});

test('the tag filter lists the releases holding a passage with that tag', async () => {
  const uri = server.workspace.uriOf('seeds/003_d0123674c22c2241.txt');
  const text = readFileSync(join(server.workspace.root, 'seeds/003_d0123674c22c2241.txt'), 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('Part of that effort'));
  await run(SERVER_COMMANDS.tagPassage, { uri, range: { start: { line, character: 0 }, end: { line, character: 20 } }, tags: ['catalogue-test'] });
  const tagged = await run<ListReleasesAnswer>(SERVER_COMMANDS.listReleases, { tag: 'catalogue-test' });
  assert.deepEqual(
    tagged.releases.map((r) => r.title),
    ['Stoltenberg: Ukraine Can Count on NATO For Long Haul'],
  );
  assert.deepEqual((await run<ListReleasesAnswer>(SERVER_COMMANDS.listReleases, { tag: 'no-such-tag' })).releases, []);
});
