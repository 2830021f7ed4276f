// Recognition quality stays where it was measured (npm run measure:entities, 2026-11-23): floors a little under
// the measured precision and recall per kind, on the hand-checked sample of test/data/entity-labels.json.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';
import { measureEntityRecognition } from '../../scripts/measureEntities';

// Measured: person 1.000 / 0.921, organisation 0.969 / 0.979, country 0.986 / 1.000 (precision / recall).
const FLOORS = {
  person: { precision: 0.97, recall: 0.9 },
  organisation: { precision: 0.94, recall: 0.95 },
  country: { precision: 0.96, recall: 0.97 },
};

test('precision and recall of person, organisation and country mentions stay above their floors (rules alone)', () => {
  const { scores } = measureEntityRecognition(REPO_ROOT, false);
  for (const score of scores) {
    const floor = FLOORS[score.kind];
    assert.ok(score.precision >= floor.precision, `${score.kind} precision ${score.precision.toFixed(3)} < ${floor.precision}`);
    assert.ok(score.recall >= floor.recall, `${score.kind} recall ${score.recall.toFixed(3)} < ${floor.recall}`);
  }
});
