// Repeated passages across releases: runs of shared sentences, and updates when one file changes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PassageIndex } from '../../server/src/features/passageIndex';
import { FIXTURE_ROOT, parseFixture, renderSpans } from '../support/fixture';

const FIXTURE = `//- seeds/speech.txt
Speech by the Secretary General at the Verkhovna Rada

Source: NATO

Ladies and gentlemen,
<[Stocks can and will be replenished over the coming years.
Lives lost can never be regained by any of us.]>
We must meet this moment together.

<[Ukraine’s rightful place is in NATO and it will join us.]>
//- seeds/conference.txt
Press conference with the Secretary General in Kyiv

Source: NATO

We discussed many things today.
Stocks can and will be replenished over the coming years.
Lives lost can never be regained by any of us.

Allies agreed.
“Ukraine’s rightful place is in NATO and it will join us.”
`;

test('consecutive repeated sentences form one run; each run names the other release', () => {
  const { files, index } = parseFixture(FIXTURE);
  const passages = new PassageIndex(index);
  const speech = files[0];
  const runs = passages.findRepeatedRuns(speech.uri);
  assert.equal(
    renderSpans(
      speech.text,
      runs.map((r) => r.span),
    ),
    renderSpans(speech.text, speech.ranges),
  );
  assert.deepEqual(
    runs.map((r) => r.elsewhere.map((e) => e.uri)),
    [[FIXTURE_ROOT + 'seeds/conference.txt'], [FIXTURE_ROOT + 'seeds/conference.txt']],
  );
});

test('quotes and case do not hide a repeat; sentences said once are in no run', () => {
  const { files, index } = parseFixture(FIXTURE);
  const passages = new PassageIndex(index);
  const conference = files[1];
  const runs = passages.findRepeatedRuns(conference.uri);
  const quoted = runs.find((run) => conference.text.slice(run.span.start, run.span.end).includes('rightful place'))!;
  assert.equal(conference.text.slice(quoted.span.start, quoted.span.end), '“Ukraine’s rightful place is in NATO and it will join us.”');
  assert.deepEqual(
    quoted.elsewhere.map((e) => e.uri),
    [FIXTURE_ROOT + 'seeds/speech.txt'],
  );
  const discussed = conference.text.indexOf('discussed');
  assert.ok(!runs.some((run) => run.span.start <= discussed && discussed <= run.span.end));
});

test('editing one file updates the repeats of the other', () => {
  const { files, index } = parseFixture(FIXTURE);
  const passages = new PassageIndex(index);
  assert.equal(passages.findRepeatedRuns(files[0].uri).length, 2);
  index.setFile(files[1].uri, 'Press conference in Kyiv\n\nSource: NATO\n\nNothing repeated here at all, not one sentence of it.\n');
  assert.deepEqual(passages.findRepeatedRuns(files[0].uri), []);
});
