// Related releases: shared event, day, passages, speaker and place, ranked with the reasons a reader sees.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRelatedReleases, RelatedReleaseCache } from '../../server/src/features/relatedReleases';
import { parseFixture } from '../support/fixture';

const FIXTURE = `//- seeds/forum.txt
Speech by NATO Secretary General Jens Stoltenberg at the Jeju Forum

Source: NATO

Good morning from Brussels, and thank you to the Jeju Forum for inviting me today.

The challenges we face are global, and they require a global response from all of us.

Secretary General welcomes partnerships in the Indo-Pacific

Source: NATO

On Thursday (30 May 2024), the Secretary General sent a video message to the Jeju Forum in the Republic of Korea.

He said that the challenges we face are global and they require a global response from all of us.
//- seeds/other.txt
Chair of the Military Committee visits Finland

Source: NATO

On Thursday (30 May 2024), Admiral Rob Bauer visited the Finnish Defence Forces in Helsinki.

Deputy Secretary General meets students

Source: NATO

On Friday (31 May 2024), Mircea Geoană met students at NATO Headquarters.

Next year, he said, students could also attend the Jeju Forum.
`;

function render(path: string, releaseIndex: number): string {
  const { corpus, files } = parseFixture(FIXTURE);
  const file = files.find((f) => f.path === path)!;
  return findRelatedReleases(corpus, file.uri, releaseIndex)
    .map((r) => `${r.score} ${r.title} | ${r.reasons.join(' · ')}`)
    .join('\n');
}

test('a speech and its summary share the event and a passage; a release naming the event in passing does not count', () => {
  assert.equal(
    render('seeds/forum.txt', 1),
    '6 Speech by NATO Secretary General Jens Stoltenberg at the Jeju Forum | same event: Jeju Forum · 1 shared passage',
  );
});

test('the same day or the next day alone is not enough to relate two releases', () => {
  assert.equal(render('seeds/other.txt', 0), '');
});

test('the cache answers a release once per corpus generation, and anew once any file changes', () => {
  const { corpus, files } = parseFixture(FIXTURE);
  const [forum, other] = files;
  const cache = new RelatedReleaseCache();
  const first = cache.get(corpus, forum.uri, 1);
  assert.equal(cache.get(corpus, forum.uri, 1), first, 'asked again with nothing changed: the kept answer');
  assert.deepEqual(first, findRelatedReleases(corpus, forum.uri, 1));
  // The other file now quotes the speech's talking point: the summary gains a related release.
  corpus.files.setFile(other.uri, `${other.text}\nShe said the challenges we face are global, and they require a global response from all of us.\n`);
  const titles = cache.get(corpus, forum.uri, 1).map((r) => r.title);
  assert.deepEqual(titles, ['Speech by NATO Secretary General Jens Stoltenberg at the Jeju Forum', 'Deputy Secretary General meets students']);
});
