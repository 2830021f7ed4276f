// Who new tags are by: the pressCorpus.author setting wins; without it git's user.name, asked once per server
// however many passages are tagged; a setting cleared later falls back to git again.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings } from '../../server/src/engine/settings';
import { TagAuthor } from '../../server/src/lsp/tagAuthor';

test('the configured author wins; git user.name is read once and only when needed', async () => {
  let gitReads = 0;
  const author = new TagAuthor(async () => {
    gitReads++;
    return 'Git User';
  });
  author.setConfigured(' M. Kovalenko ');
  assert.equal(await author.get(), 'M. Kovalenko');
  assert.equal(gitReads, 0);
  author.setConfigured('');
  assert.deepEqual([await author.get(), await author.get(), await author.get()], ['Git User', 'Git User', 'Git User']);
  assert.equal(gitReads, 1);
  author.setConfigured(42);
  assert.equal(await author.get(), 'Git User');
});

test('settings read pressCorpus.author when it is a non-empty string', () => {
  assert.equal(readSettings({ author: '  A. Lindqvist ' }).author, 'A. Lindqvist');
  assert.equal(readSettings({ author: '   ' }).author, undefined);
  assert.equal(readSettings({ author: 7 }).author, undefined);
});
