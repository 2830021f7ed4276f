// The tag file: parsing and validation, deterministic printing, and edits that touch only their own block.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { createAnchor } from '../../server/src/annotations/anchoring';
import { createTagId, parseTagFile } from '../../server/src/annotations/tagFile';
import { REPO_ROOT } from '../support/lspClient';
import { addTagRecords, NewTagRecord, printNewTagFile, removeTagRecord, renameTagInFile, updateTagRecord } from '../../server/src/annotations/tagFileEdits';

const CORPUS = 'Ukraine’s freedom cannot,\nmust not,\nand will not die. "Quoted" words: here.  \n';

function record(id: string, tags: string[], start: number, end: number, note = ''): NewTagRecord {
  return { id, tags, note, release: 'Speech at the Verkhovna Rada', anchor: createAnchor(CORPUS, { start, end }) };
}

/** Records as compact text: one line each. */
function render(text: string): string {
  const file = parseTagFile(text);
  const lines = file.records.map((r) => `${r.id} [${r.tags.join(',')}] ${JSON.stringify(r.note)} ${r.anchor.start}-${r.anchor.end} ${JSON.stringify(r.anchor.exact)}`);
  return [...lines, ...file.problems.map((p) => `${p.code} @${p.span.start}: ${p.message}`)].join('\n');
}

test('a printed file parses back to the same records, quotes kept exactly', () => {
  const text = printNewTagFile('seeds/a.txt', [record('aaaa2222', ['freedom', 'ukraine'], 0, 44, 'A note: with a colon'), record('bbbb3333', ['quote'], 45, 80)]);
  assert.equal(
    render(text),
    [
      `aaaa2222 [freedom,ukraine] "A note: with a colon" 0-44 ${JSON.stringify(CORPUS.slice(0, 44))}`,
      `bbbb3333 [quote] "" 45-80 ${JSON.stringify(CORPUS.slice(45, 80))}`,
    ].join('\n'),
  );
  assert.equal(parseTagFile(text).corpusFile, 'seeds/a.txt');
});

test('printing is deterministic and an edit that changes nothing changes no byte', () => {
  const records = [record('aaaa2222', ['freedom'], 0, 44, 'note')];
  const text = printNewTagFile('seeds/a.txt', records);
  assert.equal(printNewTagFile('seeds/a.txt', records), text);
  assert.equal(updateTagRecord(parseTagFile(text), 'aaaa2222', { tags: ['freedom'], note: 'note' }), text);
  assert.equal(renameTagInFile(parseTagFile(text), 'absent', 'other'), text);
  // Printing the new record alone and appending it equals printing both at once.
  const appended = addTagRecords(parseTagFile(text), [record('bbbb3333', ['quote'], 45, 80)]);
  assert.equal(appended, printNewTagFile('seeds/a.txt', [...records, record('bbbb3333', ['quote'], 45, 80)]));
});

const HAND_WRITTEN = `# Tags for the Rada speech — reviewed by M.K.
corpusFile: seeds/a.txt   # do not rename
tags:
  # the famous line
  - id: aaaa2222
    tags: [ freedom , ukraine ]     # odd spacing, kept
    note: 'single quoted'
    release: Speech at the Verkhovna Rada
    anchor:
      exact: "Ukraine’s freedom cannot,\\nmust not,\\nand will not die."
      prefix: ""
      suffix: " \\"Quoted\\" words: here.  \\n"
      start: 0
      end: 44

  - id: cccc4444
    tags:
      - quote
    anchor: {exact: "\\"Quoted\\" words", start: 45, end: 60}
# trailing comment
`;

test('adding a tag to a hand-written file inserts only its block; comments and spacing survive', () => {
  const file = parseTagFile(HAND_WRITTEN);
  assert.deepEqual(file.problems, []);
  const added = addTagRecords(file, [record('bbbb3333', ['new'], 62, 70)]);
  const at = HAND_WRITTEN.indexOf('# trailing comment');
  const block = added.slice(at, added.length - (HAND_WRITTEN.length - at));
  assert.equal(added, HAND_WRITTEN.slice(0, at) + block + HAND_WRITTEN.slice(at));
  assert.match(block, /^  - id: bbbb3333\n    tags: \[new\]\n    release: Speech at the Verkhovna Rada\n    anchor:\n      exact: ".*"\n/);
  assert.equal(render(added).split('\n').length, 3);
});

test('editing one record re-prints only that record', () => {
  const edited = updateTagRecord(parseTagFile(HAND_WRITTEN), 'cccc4444', { note: 'Reported speech' });
  const before = HAND_WRITTEN.indexOf('  - id: cccc4444');
  assert.equal(edited.slice(0, before), HAND_WRITTEN.slice(0, before));
  assert.ok(edited.endsWith('# trailing comment\n'));
  assert.match(render(edited), /^cccc4444 \[quote\] "Reported speech" 45-60/m);
});

test('renaming a tag touches the records that have it and merges duplicates', () => {
  const renamed = renameTagInFile(parseTagFile(HAND_WRITTEN), 'ukraine', 'freedom');
  assert.match(render(renamed), /^aaaa2222 \[freedom\] "single quoted"/m);
  assert.ok(renamed.includes('  # the famous line\n  - id: aaaa2222\n'));
  assert.ok(renamed.includes('  - id: cccc4444\n    tags:\n      - quote\n'));
});

test('removing a record removes its block only', () => {
  const removed = removeTagRecord(parseTagFile(HAND_WRITTEN), 'cccc4444');
  assert.equal(removed, HAND_WRITTEN.replace(/  - id: cccc4444\n[^]*?start: 45, end: 60\}\n/, ''));
  assert.equal(render(removed).split('\n').length, 1);
  assert.throws(() => removeTagRecord(parseTagFile(HAND_WRITTEN), 'nope'), /No tag with id nope/);
});

test('a file with CRLF line breaks gets CRLF in the blocks spliced into it', () => {
  const crlf = HAND_WRITTEN.replace(/\n/g, '\r\n');
  const added = addTagRecords(parseTagFile(crlf), [record('bbbb3333', ['new'], 62, 70)]);
  assert.equal(added.replace(/\r\n/g, '').includes('\n'), false);
  assert.match(render(added), /^bbbb3333 \[new\]/m);
});

test('syntax errors are problems with offsets, and such a file is not writable', () => {
  const broken = 'corpusFile: seeds/a.txt\ntags:\n  - id: x\n    tags: [a, b\n';
  const file = parseTagFile(broken);
  assert.equal(file.writable, false);
  assert.equal(file.problems[0].code, 'tags.invalid-yaml');
  assert.ok(file.problems[0].span.start > broken.indexOf('tags: [a'));
  assert.throws(() => addTagRecords(file, [record('bbbb3333', ['new'], 0, 5)]), /has errors/);
});

test('malformed records are reported and kept out, never dropped from the file', () => {
  const text = 'tags:\n  - id: a1\n    tags: []\n    anchor: {exact: x, start: 0, end: 1}\n  - id: a2\n    tags: [ok]\n    anchor: {exact: x, start: 3, end: 1}\n  - id: a3\n    tags: [ok]\n    anchor: {exact: x, start: 0, end: 1}\n  - id: a3\n    tags: [ok]\n    anchor: {exact: y, start: 0, end: 1}\n';
  assert.equal(
    render(text),
    [
      'a3 [ok] "" 0-1 "x"',
      `tags.invalid-record @${text.indexOf('id: a1')}: This tag record is ignored: \`tags\` must be a non-empty list of tag names.`,
      `tags.invalid-record @${text.indexOf('id: a2')}: This tag record is ignored: \`anchor.start\` and \`anchor.end\` must be offsets with start ≤ end.`,
      `tags.invalid-record @${text.lastIndexOf('id: a3')}: This tag record is ignored: the id a3 is used by an earlier record.`,
    ].join('\n'),
  );
  assert.equal(parseTagFile(text).writable, true);
});

test('an empty tags list or a missing file body gets a fresh block list', () => {
  const added = addTagRecords(parseTagFile('# only a comment\ncorpusFile: seeds/a.txt\ntags: []\n'), [record('bbbb3333', ['new'], 0, 5)]);
  assert.ok(added.startsWith('# only a comment\ncorpusFile: seeds/a.txt\ntags:\n  - id: bbbb3333\n'));
  assert.match(render(addTagRecords(parseTagFile(''), [record('bbbb3333', ['new'], 0, 5)])), /^bbbb3333 \[new\]/);
});

test('a record added to a flow-style `tags: []` keeps every other byte: comments, spacing, other flow lists', () => {
  const head = '# reviewed\r\ncorpusFile: seeds/a.txt   # keep\r\n';
  const tail = 'reviewers: [mk,  jd]\r\n';
  const added = addTagRecords(parseTagFile(`${head}tags: []  # none yet\r\n${tail}`), [record('bbbb3333', ['new'], 0, 5)]);
  assert.ok(added.startsWith(`${head}tags:  # none yet\r\n  - id: bbbb3333\r\n`), added);
  assert.ok(added.endsWith(`\r\n${tail}`), added);
  assert.ok(!/[^\r]\n/.test(added), 'the new record keeps the file’s CRLF line breaks');
  assert.match(render(added), /^bbbb3333 \[new\] "" 0-5 /);
});

test('a flow list of records gets flow items: added, changed and removed without touching the others', () => {
  const first = '{id: aaaa2222, tags: [a],   anchor: {exact: "Ukraine", start: 0, end: 7}}';
  const text = `tags: [${first}]  # compact\n`;
  const added = addTagRecords(parseTagFile(text), [record('bbbb3333', ['new'], 0, 5)]);
  assert.ok(added.startsWith(`tags: [${first}, {id: bbbb3333, tags: [new], `), added);
  assert.ok(added.endsWith('}]  # compact\n'), added);
  assert.equal(render(added).split('\n').length, 2);
  const updated = updateTagRecord(parseTagFile(added), 'bbbb3333', { tags: ['changed'] });
  assert.ok(updated.startsWith(`tags: [${first}, {id: bbbb3333, tags: [changed], `), updated);
  assert.equal(removeTagRecord(parseTagFile(added), 'bbbb3333'), text);
  // A note written with Enter stays inside the item's one line, as an escape.
  const withBreak = addTagRecords(parseTagFile(text), [record('cccc4444', ['new'], 0, 5, 'two\nlines')]);
  assert.equal(withBreak.split('\n').length, 2, withBreak);
  assert.equal(parseTagFile(withBreak).records[1].note, 'two\nlines');
});

test('a note with line breaks and a line of spaces reads back exactly as written', () => {
  for (const note of [' \n', 'first line\n  indented second', 'ends with spaces  \n', 'crlf\r\nnote']) {
    const text = printNewTagFile('seeds/a.txt', [record('aaaa2222', ['x'], 0, 5, note)]);
    assert.equal(parseTagFile(text).records[0].note, note);
    const updated = updateTagRecord(parseTagFile(addTagRecords(parseTagFile(text), [record('bbbb3333', ['y'], 0, 5)])), 'bbbb3333', { note });
    assert.equal(parseTagFile(updated).records[1].note, note);
  }
});

test('ids are 8 unambiguous characters and never reuse a taken one', () => {
  const values = [0, 0, 0, 0, 0, 0, 0, 0, 0.99, 0, 0, 0, 0, 0, 0, 0];
  const id = createTagId((candidate) => candidate === 'aaaaaaaa', () => values.shift()!);
  assert.equal(id, '9aaaaaaa');
});

test('printed records use exactly the keys schemas/tags.schema.json describes, required ones included', () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'tags.schema.json'), 'utf8'));
  const printed = parse(printNewTagFile('seeds/a.txt', [record('aaaa2222', ['freedom'], 0, 44, 'a note')]));
  assert.deepEqual(Object.keys(printed).sort(), Object.keys(schema.properties).sort());
  for (const [value, definition] of [[printed.tags[0], schema.definitions.record], [printed.tags[0].anchor, schema.definitions.anchor]]) {
    assert.deepEqual(Object.keys(value).sort(), Object.keys(definition.properties).sort());
    for (const key of definition.required) assert.ok(key in value, key);
  }
  const tagPattern = new RegExp(schema.definitions.record.properties.tags.items.pattern);
  assert.ok(tagPattern.test('Parliament-visit') && !tagPattern.test('#x') && !tagPattern.test('a b'));
});
