// After an edit, tags the edit did not touch are shifted through it and only the touched ones searched again:
// the answer must be what anchoring every tag afresh gives, over random chains of edits of a tagged seed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createAnchor } from '../../server/src/annotations/anchoring';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { printNewTagFile } from '../../server/src/annotations/tagFileEdits';
import { CorpusIndex } from '../../server/src/features/corpusIndex';
import { AnchoredTag, computeAnchoredTags, findTagsAt, getTagAnchoring } from '../../server/src/features/tags';
import { readFirstSeed } from '../support/seeds';

const SEED = readFirstSeed();
const URI = 'file:///w/seeds/a.txt';

/** A tag file (as printed and parsed) tagging every 7th sentence of the text. */
function printTagsOfSentences(text: string): string {
  const spans = [...text.matchAll(/[A-Z][^.\n]{20,200}\./g)].filter((_, i) => i % 7 === 0).map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  return printNewTagFile(
    'seeds/a.txt',
    spans.map((span, i) => ({ id: `id${i}`, tags: [`t${i % 5}`], note: '', release: '', anchor: createAnchor(text, span) })),
  );
}

const render = (tags: readonly AnchoredTag[]) =>
  tags.map(
    (t) =>
      `${t.record.id} ${t.status} ${t.span.start}-${t.span.end} ${t.storedSpan ? `from ${t.storedSpan.start}` : ''} ${t.similarity ?? ''} ${t.releaseTitle}`,
  );

test('tags mapped through edits equal tags anchored afresh, over random chains of edits', () => {
  const printed = printTagsOfSentences(SEED);
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          deleted: fc.integer({ min: 0, max: 60 }),
          inserted: fc.constantFrom('', 'x', '\n\n', 'the ', 'Seven years ago'),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      (edits) => {
        const index = new CorpusIndex();
        let text = SEED;
        index.setFile(URI, text);
        const incremental = parseTagFile(printed);
        computeAnchoredTags(index.getFile(URI), incremental);
        for (const { at, deleted, inserted } of edits) {
          const start = Math.floor(at * text.length);
          text = text.slice(0, start) + inserted + text.slice(start + deleted);
          index.setFile(URI, text);
          const afresh = computeAnchoredTags(index.getFile(URI), parseTagFile(printed));
          assert.deepEqual(render(computeAnchoredTags(index.getFile(URI), incremental)), render(afresh));
          // What diagnostics and decorations read without making every tag: the same tags, the same places.
          const anchoring = getTagAnchoring(index.getFile(URI), incremental);
          assert.deepEqual(render(anchoring.getUnsettled()), render(afresh.filter((t) => t.status === 'fuzzy' || t.status === 'orphaned')));
          const point = { start: start + inserted.length, end: start + inserted.length };
          assert.deepEqual(render(anchoring.findAt(point)), render(findTagsAt(afresh, point)));
          const spans = anchoring.getSpansByState();
          for (const state of ['exact', 'moved', 'fuzzy'] as const) {
            assert.deepEqual(
              [...spans[state]],
              afresh.filter((t) => t.status === state).flatMap((t) => [t.span.start, t.span.end]),
              state,
            );
          }
        }
      },
    ),
    { numRuns: 150 },
  );
});
