// A parse read back from the persistent index is used only when it is a parse all through: planted or damaged
// entries whose inner parts are missing, of the wrong kind or outside the text are refused.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { isStoredParse } from '../../server/src/engine/storedParse';
import { REPO_ROOT } from '../support/lspClient';

const TEXT = readFileSync(join(REPO_ROOT, 'seeds', '002_9b7a121d15003634.txt'), 'utf8');

/** The seed's parse as the store gives it back, changed by `damage`. */
function storedParse(damage: (parsed: any) => void = () => undefined): unknown {
  const parsed = deserialize(serialize(parseCorpusFile(TEXT)));
  damage(parsed);
  return parsed;
}

test('a parse read back whole is accepted', () => {
  assert.ok(isStoredParse(storedParse(), TEXT.length));
  assert.ok(
    storedParse((p) => p.releases[0].turns.length > 0 && p.problems.length > 0),
    'the seed has turns and problems to damage',
  );
});

test('a parse with a missing, mistyped or out-of-range inner part is refused', () => {
  const damages: Record<string, (parsed: any) => void> = {
    'a release without turns': (p) => delete p.releases[0].turns,
    'a release without title spans': (p) => (p.releases[0].titleSpans = []),
    "a turn's label past the end of the text": (p) => (p.releases[0].turns[0].labelSpan = { start: 0, end: TEXT.length + 1 }),
    'a speaker without a label': (p) => delete p.releases[0].turns[0].speaker.label,
    'a source that is null': (p) => (p.releases[0].source = null),
    'a paragraph with a reversed span': (p) => (p.releases[0].paragraphs[0] = { start: 5, end: 4 }),
    'a problem in a release the file lacks': (p) => (p.problems[0].releaseIndex = 7),
    'a problem whose message is a number': (p) => (p.problems[0].message = 1),
  };
  for (const [what, damage] of Object.entries(damages)) assert.equal(isStoredParse(storedParse(damage), TEXT.length), false, what);
});
