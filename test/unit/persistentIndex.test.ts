// The persistent index: a second start on the same corpus takes parses and entity recognition from the store
// and answers exactly as a cold start does; a changed file is read again; an entry that is corrupt, truncated,
// of another format version or of the wrong shape is recomputed, never trusted; writes stay in the cache folder.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CorpusWorkspace } from '../../server/src/engine/corpusWorkspace';
import { MemoryHost } from '../../server/src/engine/memoryHost';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { encodeCacheEntry, getContentKey } from '../../server/src/host/cacheEntryCodec';
import { DiskCacheStore } from '../../server/src/host/diskCache';
import { entryPaths, FILES, FORMAT, overBudgetFiles, rewriteSummaries, ROOT, SEEDS, seedFiles, start } from '../support/persistentWorkspace';

const scratch = mkdtempSync(join(tmpdir(), 'press-corpus-persistent-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('a second start reads parses and summaries from the store and answers as the first', async () => {
  const cache = join(scratch, 'second-start');
  const cold = await start(seedFiles(), cache);
  assert.equal(cold.scan.fromStore, 0);
  assert.equal(cold.recognised, FILES);
  assert.match(cold.answers, /: title of file:\/\/\/w\/seeds\//, 'the copy is found as one');
  assert.deepEqual(
    [...new Set(entryPaths(cache).map((path) => path.slice(path.lastIndexOf('.') + 1)))].sort(),
    ['duplicates', 'entities', 'near-passages', 'parse', 'passages', 'tables'],
    'the parse and the summaries worth storing, and the snapshot of the tables',
  );
  assert.equal(entryPaths(cache).length, FILES * 5 + 1, 'each of them for every file, and one snapshot');
  assert.match(readFileSync(join(cache, '.gitignore'), 'utf8'), /^\*$/m, 'git ignores the whole folder');
  const warm = await start(seedFiles(), cache);
  assert.equal(warm.scan.fromStore, FILES);
  assert.deepEqual(
    [warm.recognised, warm.sentencesFound, warm.bandsHashed, warm.fingerprinted],
    [0, 0, 0, 0],
    'no file recognised, split, hashed or fingerprinted again',
  );
  assert.equal(warm.answers, cold.answers);
  assert.deepEqual(overBudgetFiles(warm.workspace), overBudgetFiles(cold.workspace), 'a file over budget then is over budget now');
  assert.equal(warm.answers, (await start(seedFiles(), undefined)).answers, 'the same as without a store');
});

test('a file changed since the last start is parsed and recognised again, the others are not', async () => {
  const cache = join(scratch, 'changed');
  await start(seedFiles(), cache);
  const files = seedFiles();
  const changed = `${ROOT}/seeds/${SEEDS[1]}`;
  files[changed] = files[changed].replace(/NATO/, 'The Alliance');
  const warm = await start(files, cache);
  assert.equal(warm.scan.fromStore, FILES - 1);
  assert.deepEqual([warm.recognised, warm.sentencesFound, warm.bandsHashed], [1, 1, 1]);
  assert.equal(warm.answers, (await start(files, undefined)).answers);
});

test('corrupt and truncated entries are recomputed and written again', async () => {
  const cache = join(scratch, 'corrupt');
  const cold = await start(seedFiles(), cache);
  entryPaths(cache).forEach((path, i) => {
    if (i % 2 === 0) truncateSync(path, 100);
    else {
      const bytes = readFileSync(path);
      bytes[bytes.length - 10] ^= 0xff;
      writeFileSync(path, bytes);
    }
  });
  const afterCorruption = await start(seedFiles(), cache);
  assert.equal(afterCorruption.scan.fromStore, 0);
  assert.equal(afterCorruption.recognised, FILES);
  assert.equal(afterCorruption.answers, cold.answers);
  assert.equal((await start(seedFiles(), cache)).scan.fromStore, FILES, 'rewritten whole');
});

test('entries of another format version are not read', async () => {
  const cache = join(scratch, 'version');
  await start(seedFiles(), cache, '1:before');
  const next = await start(seedFiles(), cache, '1:after');
  assert.equal(next.scan.fromStore, 0);
  assert.equal(next.recognised, FILES);
});

test('a well-formed entry whose value does not fit the text (spans past its end) is parsed again', async () => {
  const cache = join(scratch, 'shape');
  const cold = await start(seedFiles(), cache);
  for (const path of entryPaths(cache)) {
    const [key, part] = path.slice(path.lastIndexOf('/') + 1).split('.');
    const wrongSummaries: Record<string, unknown> = {
      passages: { releaseIndexes: Int32Array.of(999), starts: Int32Array.of(0), ends: Int32Array.of(1), keys: ['k'] }, // a release the file lacks
      duplicates: [['title:not a digest']], // one release's keys, whatever the file has
      entities: { mentions: [{ span: { start: 0, end: 1e9 }, key: 'person:x', releaseIndex: 0 }], personAliases: new Map(), abbreviationAliases: new Map() },
      'near-passages': { starts: Int32Array.of(-1), bandKeys: Int32Array.of(1) }, // a sentence the file lacks,
    };
    const wrong = part === 'parse' ? { releases: [{ span: { start: 0, end: 1e9 } }], problems: [], boilerplate: [] } : { data: wrongSummaries[part] };
    writeFileSync(path, encodeCacheEntry({ formatVersion: FORMAT, key, part }, wrong));
  }
  const next = await start(seedFiles(), cache);
  assert.equal(next.scan.fromStore, 0);
  assert.deepEqual([next.recognised, next.sentencesFound, next.bandsHashed, next.fingerprinted], [FILES, FILES, FILES, FILES]);
  assert.equal(next.answers, cold.answers);
});

test('a summary stored over its time budget comes back with that verdict: kept, and the file reported, not recomputed', async () => {
  const cache = join(scratch, 'over-budget');
  const cold = await start(seedFiles(), cache);
  rewriteSummaries(cache, 'entities', (stored) => ({ ...stored, overBudget: { ms: 5000, budgetMs: 1000 } }));
  const warm = await start(seedFiles(), cache);
  assert.equal(warm.recognised, 0);
  const uri = `${ROOT}/seeds/${SEEDS[0]}`;
  assert.deepEqual(
    warm.workspace.corpus.findOverBudget(uri).map(({ index, ms, budgetMs }) => ({ index, ms, budgetMs })),
    [{ index: 'entities', ms: 5000, budgetMs: 1000 }],
  );
  assert.ok(computeFileProblems(warm.workspace.view, uri).some((problem) => problem.code === 'file.over-budget'));
  assert.equal(warm.answers, cold.answers, 'the mentions are the stored ones');
});

test('a stored summary whose envelope is off (no data, a time that is not one) is recomputed', async () => {
  const cache = join(scratch, 'envelope');
  const cold = await start(seedFiles(), cache);
  rewriteSummaries(cache, 'entities', (stored) => ({ ...stored, overBudget: { ms: 'soon', budgetMs: 1000 } }));
  rewriteSummaries(cache, 'passages', (stored) => stored.data); // an entry of the first format: no envelope
  const next = await start(seedFiles(), cache);
  assert.deepEqual([next.recognised, next.sentencesFound, next.bandsHashed], [FILES, FILES, 0]);
  assert.deepEqual(next.workspace.corpus.findOverBudget(`${ROOT}/seeds/${SEEDS[0]}`), []);
  assert.equal(next.answers, cold.answers);
});

test('a cache folder that resolves outside the folder it is confined to is not used', async () => {
  const workspaceFolder = join(scratch, 'confined');
  const elsewhere = join(scratch, 'elsewhere');
  mkdirSync(join(workspaceFolder, '.cache'), { recursive: true });
  mkdirSync(elsewhere);
  symlinkSync(elsewhere, join(workspaceFolder, '.cache', 'press-corpus'));
  const messages: string[] = [];
  const store = new DiskCacheStore(join(workspaceFolder, '.cache', 'press-corpus'), FORMAT, workspaceFolder, (m) => messages.push(m));
  const workspace = new CorpusWorkspace(new MemoryHost(seedFiles()), [ROOT], DEFAULT_SETTINGS, undefined, undefined, store);
  await workspace.scan();
  await workspace.flushPersistentIndex();
  assert.deepEqual(readdirSync(elsewhere), []);
  assert.match(messages.join('\n'), /outside/);
  assert.equal(await store.read(getContentKey('x'), 'parse', 1000), undefined);
});

test('stored entity counts that do not fit the mentions (an index out of range, an unknown table, a string it lacks, keys out of order) are recomputed', async () => {
  const plants: ((entities: {
    groups: { keys: string[]; mentions: { values: Int32Array } };
    rows: { strings: string[]; columns: { table: number; to: Int32Array }[] };
  }) => void)[] = [
    (entities) => (entities.groups.mentions.values[0] = 1e6),
    (entities) => (entities.rows.columns[0].table = 99),
    (entities) => (entities.rows.columns[0].to[0] = entities.rows.strings.length),
    (entities) => entities.groups.keys.reverse(),
  ];
  for (const [i, plant] of plants.entries()) {
    const cache = join(scratch, `counts-${i}`);
    const cold = await start(seedFiles(), cache);
    rewriteSummaries(cache, 'entities', (stored) => (plant(stored.data as Parameters<typeof plant>[0]), stored));
    const next = await start(seedFiles(), cache);
    assert.equal(next.recognised, FILES, `plant ${i}`);
    assert.equal(next.answers, cold.answers);
  }
});
