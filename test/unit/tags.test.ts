// Tagged passages of one corpus file: re-anchored tags in corpus words, what a position finds, and where
// `tag.orphaned` is shown. Fixtures: `before` marks the tagged passages with <[ … ]>; `after` is the file now.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnchor } from '../../server/src/annotations/anchoring';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { printNewTagFile, reanchorTagRecords } from '../../server/src/annotations/tagFileEdits';
import { AnchoredTag } from '../../server/src/features/tags';
import { getReleaseAt } from '../../server/src/corpus/model';
import {
  computeAcceptedAnchors,
  computeAnchoredTags,
  computeCorpusFileTagProblems,
  computeTagFileProblems,
  countTags,
  filterTagsByAuthor,
  findTagsAt,
  matchesTagQuery,
} from '../../server/src/features/tags';
import { computeTagTree, TagTreeNode } from '../../server/src/features/tagTree';
import { parseFixture } from '../support/fixture';

const BEFORE = `Speech at the Verkhovna Rada

Source: NATO

It is an honour to address this House once again.
<[Seven years ago, I became the first Secretary General to address the Ukrainian parliament.]>

Doorstep statement in Vilnius

Source: NATO

<[We will stand with Ukraine for as long as it takes.]>
`;

/** Tags the marked passages of `before` (tags t0, t1, …), then renders them against `after`, one line each. */
function check(before: string, after: string, expected: string): void {
  const original = parseFixture(before).main;
  const tagFile = parseTagFile(
    printNewTagFile(
      'seeds/a.txt',
      original.ranges.map((span, i) => ({
        id: `id${i}`,
        tags: [`t${i}`, 'shared'],
        note: '',
        release: getReleaseAt(parseFixture(before).index.getFile(original.uri)!.parsed, span.start)?.title ?? '',
        anchor: createAnchor(original.text, span),
      })),
    ),
  );
  const { index, main } = parseFixture(after);
  const file = index.getFile(main.uri)!;
  const tags = computeAnchoredTags(file, tagFile);
  assert.equal(computeAnchoredTags(file, tagFile), tags, 'cached for the same file version');
  const lines = [
    ...tags.map(
      (t) =>
        `${t.record.id} ${t.status}${describeState(t)} ${t.status !== 'orphaned' ? `“${file.text.slice(t.span.start, t.span.end)}” ` : ''}in “${t.releaseTitle}”`,
    ),
    ...computeCorpusFileTagProblems(file, tags, 'annotations/a.yaml').map(
      (p) => `${p.code} (${p.severity}) on “${file.text.slice(p.span.start, p.span.end)}”: ${p.message}`,
    ),
    ...computeTagFileProblems(tagFile, tags, 'a.txt').map(
      (p) => `${p.code} (${p.severity}) in yaml on “${tagFile.text.slice(p.span.start, p.span.start + 7)}”: ${p.message}`,
    ),
  ];
  assert.equal(lines.join('\n'), expected.trim());
  if (main.cursor !== undefined) {
    assert.deepEqual(
      findTagsAt(tags, { start: main.cursor, end: main.cursor }).map((t) => t.record.id),
      ['id1'],
      'tags at the cursor',
    );
  }
}

/** Moved: by how many characters; fuzzy: the similarity. */
function describeState(tag: AnchoredTag): string {
  if (tag.status === 'moved') return ` by ${tag.span.start - tag.storedSpan!.start}`;
  if (tag.status === 'fuzzy') return ` ${Math.floor(tag.similarity! * 100)} %`;
  return '';
}

test('tags re-anchor in their releases and are found at a position inside them', () => {
  check(
    BEFORE,
    BEFORE.replace(/<\[|\]>/g, '')
      .replace('We will stand', 'We will <|>stand')
      .replace('Source: NATO\n\nIt', 'Source: NATO\n\nA new first paragraph.\n\nIt'),
    `
id0 moved by 24 “Seven years ago, I became the first Secretary General to address the Ukrainian parliament.” in “Speech at the Verkhovna Rada”
id1 moved by 24 “We will stand with Ukraine for as long as it takes.” in “Doorstep statement in Vilnius”`,
  );
});

const FOUR_PASSAGES = `Speech at the Verkhovna Rada

Source: NATO

It is an honour to address this House once again.
<[Seven years ago, I became the first Secretary General to address the Ukrainian parliament.]>
<[Today marks the third time I have had this privilege.]>

Doorstep statement in Vilnius

Source: NATO

<[We will stand with Ukraine for as long as it takes.]>
<[Allies agreed to strengthen air defences across the eastern flank.]>
`;

test('each anchor state on one file: exact, moved, fuzzy (with information problems) and orphaned', () => {
  const after = FOUR_PASSAGES.replace(/<\[|\]>/g, '')
    .replace('parliament.\n', 'parliament.\nA sentence the editors added.\n')
    .replace('Today marks', 'Today <|>marks')
    .replace('stand with Ukraine', 'stand by Ukraine')
    .replace('Allies agreed to strengthen air defences across the eastern flank.\n', '');
  check(
    FOUR_PASSAGES,
    after,
    `
id0 exact “Seven years ago, I became the first Secretary General to address the Ukrainian parliament.” in “Speech at the Verkhovna Rada”
id1 moved by 30 “Today marks the third time I have had this privilege.” in “Speech at the Verkhovna Rada”
id2 fuzzy 92 % “We will stand by Ukraine for as long as it takes.” in “Doorstep statement in Vilnius”
id3 orphaned in “Doorstep statement in Vilnius”
tag.fuzzy (information) on “We will stand by Ukraine for as long as it takes.”: The passage tagged #t2 #shared (id id2) was found with 92 % similarity: the text now reads “We will stand by Ukraine for as long as it takes.”. Accept the new position, or re-attach the tag.
tag.orphaned (warning) on “Doorstep statement in Vilnius”: The passage tagged #t3 #shared (id id3) is no longer in the text: “Allies agreed to strengthen air defences across the eastern…”. The tag is kept in annotations/a.yaml; re-attach it to a passage, or restore the text.
tag.fuzzy (information) in yaml on “id: id2”: In a.txt this passage was found with 92 % similarity: the text now reads “We will stand by Ukraine for as long as it takes.”. Accept the new position to update the record.
tag.orphaned (warning) in yaml on “id: id3”: This passage is no longer in a.txt: “Allies agreed to strengthen air defences across the eastern…”. The record is kept; re-attach it to a passage, or restore the text.`,
  );
});

test('a deleted passage is orphaned: tag.orphaned on its release title and on its YAML record', () => {
  check(
    BEFORE,
    BEFORE.replace(/<\[Seven.*\]>\n/, '').replace(/<\[|\]>/g, ''),
    `
id0 orphaned in “Speech at the Verkhovna Rada”
id1 moved by -91 “We will stand with Ukraine for as long as it takes.” in “Doorstep statement in Vilnius”
tag.orphaned (warning) on “Speech at the Verkhovna Rada”: The passage tagged #t0 #shared (id id0) is no longer in the text: “Seven years ago, I became the first Secretary General to ad…”. The tag is kept in annotations/a.yaml; re-attach it to a passage, or restore the text.
tag.orphaned (warning) in yaml on “id: id0”: This passage is no longer in a.txt: “Seven years ago, I became the first Secretary General to ad…”. The record is kept; re-attach it to a passage, or restore the text.`,
  );
});

test('accepting anchors renews the exact and moved ones whose offsets or context changed, and none once accepted', () => {
  const original = parseFixture(FOUR_PASSAGES).main;
  const tagFile = parseTagFile(
    printNewTagFile(
      'seeds/a.txt',
      original.ranges.map((span, i) => ({ id: `id${i}`, tags: ['t'], note: '', release: '', anchor: createAnchor(original.text, span) })),
    ),
  );
  const text = original.text.replace('parliament.\n', 'parliament.\nA sentence the editors added.\n').replace('stand with', 'stand by');
  const { index } = parseFixture(text);
  const tags = computeAnchoredTags(index.getFile(original.uri)!, tagFile);
  const accepted = computeAcceptedAnchors(text, tags, ['exact', 'moved']);
  // id0 stayed in place but the sentence after it changed (its stored suffix); id1 and id3 moved; id2 is fuzzy.
  assert.deepEqual(
    accepted.map((a) => `${a.id} ${a.anchor.start - tagFile.records[Number(a.id[2])].anchor.start} “${a.anchor.suffix}”`),
    ['id0 0 “\nA sentence the editors added.\nT”', 'id1 30 “\n\nDoorstep statement in Vilnius\n”', 'id3 28 “\n”'],
  );
  assert.deepEqual(
    computeAcceptedAnchors(text, tags, ['fuzzy']).map((a) => a.anchor.exact),
    ['We will stand by Ukraine for as long as it takes.'],
  );
  const reanchored = parseTagFile(reanchorTagRecords(tagFile, accepted));
  assert.deepEqual(computeAcceptedAnchors(text, computeAnchoredTags(index.getFile(original.uri)!, reanchored), ['exact', 'moved']), []);
});

test('tags are counted most used first', () => {
  const tagFile = parseTagFile(
    'tags:\n  - {id: a, tags: [x, y], anchor: {exact: q, start: 0, end: 1}}\n  - {id: b, tags: [y], anchor: {exact: q, start: 0, end: 1}}\n',
  );
  assert.deepEqual(countTags([tagFile]), [
    { tag: 'y', count: 2 },
    { tag: 'x', count: 1 },
  ]);
});

const HIERARCHY = parseTagFile(`tags:
  - {id: a, tags: [energy], author: M. Kovalenko, anchor: {exact: q, start: 0, end: 1}}
  - {id: b, tags: [energy/oil, energy], anchor: {exact: q, start: 0, end: 1}}
  - {id: c, tags: [energy/gas/lng], author: " m. kovalenko ", anchor: {exact: q, start: 0, end: 1}}
  - {id: d, tags: [energy-policy, Russia], author: J. Smith, anchor: {exact: q, start: 0, end: 1}}
`);

test('a # query finds the tag, its children and names that begin with it; a trailing / only the children', () => {
  const find = (query: string) =>
    HIERARCHY.records
      .filter((record) => matchesTagQuery(record, query))
      .map((record) => record.id)
      .join(' ');
  assert.equal(find('#energy'), 'a b c d');
  assert.equal(find('#Energy/'), 'b c');
  assert.equal(find('#energy/g'), 'c');
  assert.equal(find('#ener'), 'a b c d');
  assert.equal(find('#oil'), '');
  assert.equal(find('#russia'), 'd');
});

test('the tag tree nests children under their parents with counts, a record counted once per branch', () => {
  const render = (nodes: readonly TagTreeNode[], depth = 0): string[] =>
    nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.name} (${node.path}) ${node.count}/${node.total}`, ...render(node.children, depth + 1)]);
  assert.equal(
    render(computeTagTree(HIERARCHY.records)).join('\n'),
    `energy (energy) 2/3
  gas (energy/gas) 0/1
    lng (energy/gas/lng) 1/1
  oil (energy/oil) 1/1
energy-policy (energy-policy) 1/1
Russia (Russia) 1/1`,
  );
});

test('tags are filtered by author, ignoring case and spaces; records without an author never match', () => {
  const tags = HIERARCHY.records.map((record) => ({ record }));
  assert.deepEqual(
    filterTagsByAuthor(tags, 'M. Kovalenko').map((tag) => tag.record.id),
    ['a', 'c'],
  );
  assert.deepEqual(filterTagsByAuthor(tags, 'nobody'), []);
});
