// References inside the text ("my speech to the Rada yesterday") resolved to the release the corpus holds, else to
// the event or meeting body they name.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findReferencedEntityAt, resolveTextReferenceAt } from '../../server/src/features/textReferences';
import { parseFixture } from '../support/fixture';

const FIXTURE = `//- seeds/kyiv.txt
Press conference with the Secretary General in Kyiv

Source: NATO

Monday (29 April 2024)

As I said in <[my speech to the Rada yesterday]>, support is on the way.

We will meet again at <[the Washington Summit in July]>, and the next Council of Ministers will follow.

I reported on <[the NATO-Ukraine Council I chaired a few days ago]>.
//- seeds/rada.txt
Speech by the Secretary General at the Verkhovna Rada in Ukraine

Source: NATO

Sunday (28 April 2024)

Dear Members of the Verkhovna Rada, thank you for receiving me today in Kyiv.

Speech by the Secretary General at the Verkhovna Rada, a year earlier

Source: NATO

Thursday (20 April 2023)

An older speech at the same place, one year before the other one.
//- seeds/summit.txt
Washington Summit Declaration

Source: NATO

Wednesday (10 July 2024)

Allies met at the Washington Summit and issued this declaration on the Alliance.
`;

test('a phrase naming a release and its time resolves to that release; one the corpus lacks stays unresolved', () => {
  const { corpus, files } = parseFixture(FIXTURE);
  const kyiv = files[0];
  const resolved = kyiv.ranges.map((range) => {
    const target = resolveTextReferenceAt(corpus, kyiv.uri, range.start + 3);
    const phrase = kyiv.text.slice(target?.reference.span.start ?? range.start, target?.reference.span.end ?? range.end);
    return `${phrase} → ${target ? target.title : 'unresolved'}`;
  });
  assert.deepEqual(resolved, [
    'my speech to the Rada yesterday → Speech by the Secretary General at the Verkhovna Rada in Ukraine',
    'the Washington Summit in July → Washington Summit Declaration',
    'the NATO-Ukraine Council I chaired a few days ago → unresolved',
  ]);
  const plain = kyiv.text.indexOf('the next Council of Ministers');
  assert.equal(resolveTextReferenceAt(corpus, kyiv.uri, plain + 4), undefined, 'a name with no time and no "I chaired" is no reference');
});

test('a reference the corpus holds no release for lands on the event or meeting body it names', () => {
  const { corpus, files } = parseFixture(FIXTURE.slice(0, FIXTURE.indexOf('//- seeds/summit.txt')));
  const kyiv = files[0];
  const landsOn = kyiv.ranges.map((range) => {
    const phrase = kyiv.text.slice(range.start, range.end);
    const named = findReferencedEntityAt(corpus, kyiv.uri, range.end - 2);
    return `${phrase} → ${named ? `${named.entity.kind} ${named.entity.name} (“${kyiv.text.slice(named.nameSpan.start, named.nameSpan.end)}”)` : 'no entity'}`;
  });
  assert.deepEqual(landsOn, [
    'my speech to the Rada yesterday → no entity',
    'the Washington Summit in July → event Washington Summit (“Washington Summit”)',
    'the NATO-Ukraine Council I chaired a few days ago → organisation NATO-Ukraine Council (“NATO-Ukraine Council”)',
  ]);
  const { corpus: withSummit, files: withSummitFiles } = parseFixture(FIXTURE);
  const summitAt = withSummitFiles[0].ranges[1].end - 2;
  assert.equal(findReferencedEntityAt(withSummit, withSummitFiles[0].uri, summitAt), undefined, 'a release answers first');
});
