// The tag file: parsing and validation, deterministic printing, and edits that touch only their own block.

import Ajv from 'ajv';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { createAnchor } from '../../server/src/annotations/anchoring';
import { createTagId, isIsoDateTime, normaliseTagName, parseTagFile } from '../../server/src/annotations/tagFile';
import { REPO_ROOT } from '../support/lspClient';
import {
  addTagRecords,
  NewTagRecord,
  printNewTagFile,
  reanchorTagRecords,
  removeTagRecord,
  renameTagInFile,
  updateTagRecord,
} from '../../server/src/annotations/tagFileEdits';

const CORPUS = 'Ukraine’s freedom cannot,\nmust not,\nand will not die. "Quoted" words: here.  \n';

function record(id: string, tags: string[], start: number, end: number, note = ''): NewTagRecord {
  return { id, tags, note, release: 'Speech at the Verkhovna Rada', anchor: createAnchor(CORPUS, { start, end }) };
}

/** Records as compact text: one line each. */
function render(text: string): string {
  const file = parseTagFile(text);
  const lines = file.records.map(
    (r) => `${r.id} [${r.tags.join(',')}] ${JSON.stringify(r.note)} ${r.anchor.start}-${r.anchor.end} ${JSON.stringify(r.anchor.exact)}`,
  );
  return [...lines, ...file.problems.map((p) => `${p.code} @${p.span.start}: ${p.message}`)].join('\n');
}

test('a printed file parses back to the same records, quotes kept exactly, each on one line', () => {
  const text = printNewTagFile('seeds/a.txt', [
    record('aaaa2222', ['freedom', 'ukraine'], 0, 44, 'A note: with a colon'),
    record('bbbb3333', ['quote'], 45, 80),
  ]);
  assert.ok(text.includes('      exact: "Ukraine’s freedom cannot,\\nmust not,\\nand will"\n'));
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
  const text =
    'tags:\n  - id: a1\n    tags: []\n    anchor: {exact: x, start: 0, end: 1}\n  - id: a2\n    tags: [ok]\n    anchor: {exact: x, start: 3, end: 1}\n  - id: a3\n    tags: [ok]\n    anchor: {exact: x, start: 0, end: 1}\n  - id: a3\n    tags: [ok]\n    anchor: {exact: y, start: 0, end: 1}\n';
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
  const id = createTagId(
    (candidate) => candidate === 'aaaaaaaa',
    () => values.shift()!,
  );
  assert.equal(id, '9aaaaaaa');
});

test('printed records use exactly the keys schemas/tags.schema.json describes, and the schema accepts what the parser reads', () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'tags.schema.json'), 'utf8'));
  // Every key a record can get: author and created when tagged, updated when edited.
  const text = printNewTagFile('seeds/a.txt', [{ ...record('aaaa2222', ['freedom'], 0, 44, 'a note'), author: 'M. K.', created: '2026-11-30T21:15:00.000Z' }]);
  const printed = parse(updateTagRecord(parseTagFile(text), 'aaaa2222', { note: 'changed', updated: '2026-12-01' }));
  assert.deepEqual(Object.keys(printed).sort(), Object.keys(schema.properties).sort());
  for (const [value, definition] of [
    [printed.tags[0], schema.definitions.record],
    [printed.tags[0].anchor, schema.definitions.anchor],
  ]) {
    assert.deepEqual(Object.keys(value).sort(), Object.keys(definition.properties).sort());
    for (const key of definition.required) assert.ok(key in value, key);
  }
  const validate = new Ajv().compile(schema);
  assert.ok(validate(printed), JSON.stringify(validate.errors));
  // The schema's patterns agree with the parser on names and dates.
  for (const name of ['Parliament-visit', 'energy/oil', '#x', 'a b', 'energy//oil', '/energy', 'energy/', 'a,b']) {
    const accepted = validate({ tags: [{ id: 'a', tags: [name], anchor: { exact: 'x', start: 0, end: 1 } }] });
    assert.equal(accepted, normaliseTagName(name) === name, name);
  }
  for (const date of ['2026-11-30', '2026-11-30T21:15', '2026-11-30T21:15:00.000Z', '2026-11-30T21:15:00+02:00', '30/11/2026', '2026-11-30 21:15', '']) {
    const accepted = validate({ tags: [{ id: 'a', tags: ['t'], created: date, anchor: { exact: 'x', start: 0, end: 1 } }] });
    assert.equal(accepted, isIsoDateTime(date), date);
  }
});

/** The text outside the lines of `anchor:` (and `updated:`): what a re-anchoring edit must leave byte for byte. */
function withoutAnchorLines(text: string): string {
  return text.replace(/^( *)anchor:(\r?\n\1 {2,}\S.*| \{.*\})*/gm, '$1<anchor>').replace(/^ *updated: .*\r?\n/gm, '');
}

const MOVED = createAnchor(`An inserted line.\n${CORPUS}`, { start: 18, end: 62 });

test('re-anchoring rewrites only the anchor lines of the record; every other byte stays', () => {
  const reanchored = reanchorTagRecords(parseTagFile(HAND_WRITTEN), [{ id: 'aaaa2222', anchor: MOVED }]);
  assert.notEqual(reanchored, HAND_WRITTEN);
  assert.equal(withoutAnchorLines(reanchored), withoutAnchorLines(HAND_WRITTEN));
  assert.match(render(reanchored), /^aaaa2222 \[freedom,ukraine\] "single quoted" 18-62 /m);
  assert.ok(reanchored.includes('    anchor:\n      exact: "Ukraine’s freedom cannot,\\nmust not,\\nand will"\n      prefix: "An inserted line.\\n"\n'));
  // Nothing to change: the same text, not a re-printed one.
  assert.equal(reanchorTagRecords(parseTagFile(reanchored), [{ id: 'aaaa2222', anchor: MOVED }]), reanchored);
  assert.throws(() => reanchorTagRecords(parseTagFile(HAND_WRITTEN), [{ id: 'nope', anchor: MOVED }]), /No valid tag with id nope/);
});

test('re-anchoring many records (accept all) in one edit; a flow anchor becomes block lines, CRLF kept', () => {
  const crlf = HAND_WRITTEN.replace(/\n/g, '\r\n');
  const quoted = CORPUS.indexOf('"Quoted" words');
  const anchor = createAnchor(CORPUS, { start: quoted, end: quoted + 14 });
  const reanchored = reanchorTagRecords(parseTagFile(crlf), [
    { id: 'aaaa2222', anchor: MOVED },
    { id: 'cccc4444', anchor },
  ]);
  assert.equal(reanchored.replace(/\r\n/g, '').includes('\n'), false);
  assert.equal(withoutAnchorLines(reanchored), withoutAnchorLines(crlf));
  assert.ok(reanchored.includes('      - quote\r\n    anchor:\r\n      exact: "\\"Quoted\\" words"\r\n'));
  assert.match(render(reanchored), new RegExp(`^aaaa2222 .* 18-62 [^]*^cccc4444 \\[quote\\] "" ${quoted}-${quoted + 14} `, 'm'));
});

test('re-anchoring sets updated: one line added before anchor, or its value replaced in place', () => {
  const added = reanchorTagRecords(parseTagFile(HAND_WRITTEN), [{ id: 'aaaa2222', anchor: MOVED }], '2026-11-30T21:15:00.000Z');
  assert.ok(added.includes('    release: Speech at the Verkhovna Rada\n    updated: 2026-11-30T21:15:00.000Z\n    anchor:\n      exact: "Ukraine’s'));
  assert.equal(withoutAnchorLines(added), withoutAnchorLines(HAND_WRITTEN));
  const replaced = reanchorTagRecords(parseTagFile(added), [{ id: 'aaaa2222', anchor: createAnchor(CORPUS, { start: 0, end: 44 }) }], '2026-12-01');
  assert.equal(withoutAnchorLines(replaced), withoutAnchorLines(HAND_WRITTEN));
  assert.equal(parseTagFile(replaced).records[0].updated, '2026-12-01');
  assert.equal(replaced.match(/updated:/g)!.length, 1);
});

test('a record whose anchor shares the list item line, or a flow record, is re-anchored too', () => {
  const text = 'tags:\n  - anchor: {exact: x, start: 0, end: 1}\n    id: a\n    tags: [t]\n  - {id: b, tags: [t], anchor: {exact: x, start: 0, end: 1}}\n';
  const anchor = createAnchor('..x..', { start: 2, end: 3 });
  const reanchored = reanchorTagRecords(
    parseTagFile(text),
    [
      { id: 'a', anchor },
      { id: 'b', anchor },
    ],
    '2026-11-30',
  );
  assert.ok(
    reanchored.startsWith(
      'tags:\n  - anchor:\n      exact: "x"\n      prefix: ".."\n      suffix: ".."\n      start: 2\n      end: 3\n    updated: 2026-11-30\n    id: a\n    tags: [t]\n',
    ),
  );
  assert.equal(render(reanchored), 'a [t] "" 2-3 "x"\nb [t] "" 2-3 "x"');
  assert.deepEqual(
    parseTagFile(reanchored).records.map((r) => r.updated),
    ['2026-11-30', '2026-11-30'],
  );
});

test('author and created round-trip; editing sets updated; records written before them stay valid', () => {
  const text = printNewTagFile('seeds/a.txt', [{ ...record('aaaa2222', ['freedom'], 0, 44), author: 'M. Kovalenko', created: '2026-11-30T21:15:00.000Z' }]);
  assert.match(text, /release: Speech at the Verkhovna Rada\n    author: M. Kovalenko\n    created: 2026-11-30T21:15:00.000Z\n    anchor:\n/);
  const parsed = parseTagFile(text).records[0];
  assert.deepEqual([parsed.author, parsed.created, parsed.updated], ['M. Kovalenko', '2026-11-30T21:15:00.000Z', undefined]);
  const edited = updateTagRecord(parseTagFile(text), 'aaaa2222', { note: 'Seen again', updated: '2026-12-01T08:00:00Z' });
  assert.match(edited, /created: 2026-11-30T21:15:00.000Z\n    updated: 2026-12-01T08:00:00Z\n    anchor:\n/);
  assert.equal(updateTagRecord(parseTagFile(edited), 'aaaa2222', { note: 'Seen again', updated: '2027-01-01' }), edited, 'no change, no new date');
  const old = parseTagFile(HAND_WRITTEN);
  assert.deepEqual(
    [old.problems, old.records.map((r) => [r.author, r.created, r.updated])],
    [
      [],
      [
        [undefined, undefined, undefined],
        [undefined, undefined, undefined],
      ],
    ],
  );
});

test('a bad author or date is reported as tags.invalid-value and left out; the record is still read', () => {
  const text =
    'tags:\n  - id: a\n    tags: [t]\n    author: ""\n    created: 30/11/2026\n    updated: 2026-11-30T25:00:00Z\n    anchor: {exact: x, start: 0, end: 1}\n';
  const file = parseTagFile(text);
  assert.deepEqual(
    file.records.map((r) => [r.id, r.author, r.created, r.updated]),
    [['a', undefined, undefined, undefined]],
  );
  assert.deepEqual(
    file.problems.map((p) => `${p.code} ${p.severity} ${text.slice(p.span.start, p.span.end)}`),
    ['tags.invalid-value warning ""', 'tags.invalid-value warning 30/11/2026', 'tags.invalid-value warning 2026-11-30T25:00:00Z'],
  );
});

test('tag names may be hierarchical: energy/oil; empty segments are refused', () => {
  assert.deepEqual(['#energy/oil', ' energy / crude oil ', 'energy//oil', '/energy', 'energy/', 'a,b/c'].map(normaliseTagName), [
    'energy/oil',
    'energy/crude-oil',
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

test('renaming a parent renames its children, merging duplicates, and sets updated on the records changed', () => {
  const text = printNewTagFile('seeds/a.txt', [
    record('aaaa2222', ['energy', 'energy/oil'], 0, 44),
    record('bbbb3333', ['energy-policy', 'fuel/oil', 'energy/oil'], 45, 60),
    record('cccc4444', ['energyx'], 45, 60),
  ]);
  const renamed = renameTagInFile(parseTagFile(text), 'energy', 'fuel', '2026-11-30');
  assert.deepEqual(
    parseTagFile(renamed).records.map((r) => `${r.id} [${r.tags.join(',')}] ${r.updated ?? '-'}`),
    ['aaaa2222 [fuel,fuel/oil] 2026-11-30', 'bbbb3333 [energy-policy,fuel/oil] 2026-11-30', 'cccc4444 [energyx] -'],
  );
});

test('property: re-anchoring any records of any printed file changes their anchors and nothing outside the anchor lines', () => {
  const text = `He said: "We stand — together.\n\nThe end: 'here'.\r\nÜber #tags, and a \\ backslash\t tab.\n`;
  const span = fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) + 1 }));
  const spans = fc.array(
    span.filter((s) => s.end <= text.length),
    { minLength: 1, maxLength: 5 },
  );
  fc.assert(
    fc.property(
      spans,
      fc.array(
        fc.tuple(
          fc.nat(4),
          span.filter((s) => s.end <= text.length),
        ),
      ),
      fc.boolean(),
      fc.boolean(),
      (original, moves, crlf, withDate) => {
        let file = printNewTagFile(
          'seeds/a.txt',
          original.map((s, i) => ({ id: `id${i}`, tags: ['t', 'energy/oil'], note: i % 2 ? 'a: note' : '', release: 'R', anchor: createAnchor(text, s) })),
        );
        if (crlf) file = file.replace(/\n/g, '\r\n');
        const changes = moves.filter(([i]) => i < original.length).map(([i, s]) => ({ id: `id${i}`, anchor: createAnchor(text, s) }));
        const result = reanchorTagRecords(parseTagFile(file), changes, withDate ? '2026-11-30' : undefined);
        assert.equal(withoutAnchorLines(result), withoutAnchorLines(file));
        assert.equal(result.replace(/\r\n/g, '').includes('\n'), !crlf);
        const expected = new Map(original.map((s, i) => [`id${i}`, createAnchor(text, s)]));
        for (const change of changes) expected.set(change.id, change.anchor);
        const records = parseTagFile(result).records;
        assert.deepEqual(new Map(records.map((r) => [r.id, r.anchor])), expected);
        for (const r of records) assert.deepEqual([r.tags, r.note], [['t', 'energy/oil'], Number(r.id[2]) % 2 ? 'a: note' : '']);
      },
    ),
    { numRuns: 200 },
  );
});
