// Tagged passages of one corpus file: re-anchored tags in corpus words, what a position finds, and where
// `tag.orphaned` is shown. Fixtures: `before` marks the tagged passages with <[ … ]>; `after` is the file now.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnchor } from '../../server/src/annotations/anchoring';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { printNewTagFile } from '../../server/src/annotations/tagFileEdits';
import { getReleaseAt } from '../../server/src/corpus/model';
import { computeAnchoredTags, computeOrphanedTagProblems, computeTagFileProblems, countTags, findTagsAt } from '../../server/src/features/tags';
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
    ...tags.map((t) => `${t.record.id} ${t.status} ${t.status === 'anchored' ? `“${file.text.slice(t.span.start, t.span.end)}” ` : ''}in “${t.releaseTitle}”`),
    ...computeOrphanedTagProblems(file, tags, 'annotations/a.yaml').map((p) => `${p.code} on “${file.text.slice(p.span.start, p.span.end)}”`),
    ...computeTagFileProblems(tagFile, tags, 'a.txt').map((p) => `${p.code} in yaml on “${tagFile.text.slice(p.span.start, p.span.start + 7)}”`),
  ];
  assert.equal(lines.join('\n'), expected.trim());
  if (main.cursor !== undefined) {
    assert.deepEqual(findTagsAt(tags, { start: main.cursor, end: main.cursor }).map((t) => t.record.id), ['id1'], 'tags at the cursor');
  }
}

test('tags re-anchor in their releases and are found at a position inside them', () => {
  check(
    BEFORE,
    BEFORE.replace(/<\[|\]>/g, '').replace('We will stand', 'We will <|>stand').replace('Source: NATO\n\nIt', 'Source: NATO\n\nA new first paragraph.\n\nIt'),
    `
id0 anchored “Seven years ago, I became the first Secretary General to address the Ukrainian parliament.” in “Speech at the Verkhovna Rada”
id1 anchored “We will stand with Ukraine for as long as it takes.” in “Doorstep statement in Vilnius”`,
  );
});

test('a deleted passage is orphaned: tag.orphaned on its release title and on its YAML record', () => {
  check(
    BEFORE,
    BEFORE.replace(/<\[Seven.*\]>\n/, '').replace(/<\[|\]>/g, ''),
    `
id0 orphaned in “Speech at the Verkhovna Rada”
id1 anchored “We will stand with Ukraine for as long as it takes.” in “Doorstep statement in Vilnius”
tag.orphaned on “Speech at the Verkhovna Rada”
tag.orphaned in yaml on “id: id0”`,
  );
});

test('tags are counted most used first', () => {
  const tagFile = parseTagFile('tags:\n  - {id: a, tags: [x, y], anchor: {exact: q, start: 0, end: 1}}\n  - {id: b, tags: [y], anchor: {exact: q, start: 0, end: 1}}\n');
  assert.deepEqual(countTags([tagFile]), [{ tag: 'y', count: 2 }, { tag: 'x', count: 1 }]);
});
