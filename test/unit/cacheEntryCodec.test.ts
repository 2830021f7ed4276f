// Entries of the persistent index: what was stored comes back equal, and an entry that is truncated, corrupt,
// of another format version or stored under another key or part is refused, never trusted.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { encodeCacheEntry, getContentKey, readCachePayload, verifyCacheEntry } from '../../server/src/host/cacheEntryCodec';
import { REPO_ROOT } from '../support/lspClient';

const TEXT = readFileSync(join(REPO_ROOT, 'seeds', '000_248d20a5422f2a6b.txt'), 'utf8');
const NAME = { formatVersion: '1:abc', key: getContentKey(TEXT), part: 'parse' };

function decode(bytes: Buffer, name = NAME): unknown {
  const payload = verifyCacheEntry(bytes, name);
  return payload && readCachePayload(payload);
}

test('a parse stored and read back equals the parse', () => {
  const parsed = parseCorpusFile(TEXT);
  assert.ok(parsed.releases.length > 0);
  assert.deepEqual(decode(encodeCacheEntry(NAME, parsed)), parsed);
});

test('Maps and typed arrays come back as such', () => {
  const value = { aliases: new Map([['stoltenberg', 'person:jens stoltenberg']]), bands: Int32Array.from([1, -2, 3]) };
  assert.deepEqual(decode(encodeCacheEntry(NAME, value)), value);
});

test('a truncated or extended entry is refused', () => {
  const bytes = encodeCacheEntry(NAME, parseCorpusFile(TEXT));
  for (const length of [0, 3, 20, bytes.length - 1]) assert.equal(decode(bytes.subarray(0, length)), undefined, `cut at ${length}`);
  assert.equal(decode(Buffer.concat([bytes, Buffer.from([0])])), undefined);
});

test('an entry with any byte changed is refused', () => {
  const bytes = encodeCacheEntry(NAME, parseCorpusFile(TEXT));
  for (const at of [0, 5, 10, 30, Math.floor(bytes.length / 2), bytes.length - 1]) {
    const corrupt = Buffer.from(bytes);
    corrupt[at] ^= 0x20;
    assert.equal(decode(corrupt), undefined, `byte ${at} changed`);
  }
});

test('an entry of another format version, text or part is refused', () => {
  const bytes = encodeCacheEntry(NAME, parseCorpusFile(TEXT));
  assert.equal(decode(bytes, { ...NAME, formatVersion: '1:abd' }), undefined);
  assert.equal(decode(bytes, { ...NAME, formatVersion: '2:abc' }), undefined);
  assert.equal(decode(bytes, { ...NAME, key: getContentKey(`${TEXT} `) }), undefined);
  assert.equal(decode(bytes, { ...NAME, part: 'entities' }), undefined);
});

test('the content key changes with any change of the text', () => {
  assert.equal(getContentKey(TEXT), getContentKey(TEXT.slice()));
  assert.notEqual(getContentKey(TEXT), getContentKey(TEXT.replace('NATO', 'NAT0')));
});
