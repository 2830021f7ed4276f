// The stock-phrase rule on a publisher's month of releases (test/data/stockPhrases/department.txt, written for
// this measurement in the layout ministries use: advisories, a speech, a statement, news releases, each ending
// in contact lines, a social handle and an "issued by" line). Lines the publisher puts in every release of any
// kind recur in 6 to 13 of its 14 releases and are no cross-reference; the minister's talking points recur in 2
// or 3 and link. The measurement and the lines the count cannot tell apart are in docs/cross-references.md.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findRecurringPassageAt } from '../../server/src/features/crossReferences';
import { parseFixture } from '../support/fixture';

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'test', 'data', 'stockPhrases', 'department.txt'), 'utf8');

/** How many releases hold each line, and whether the passage index links it (a cross-reference) or not. */
function describe(lines: readonly string[]): string[] {
  const { corpus, main } = parseFixture(`//- seeds/department.txt\n${SAMPLE}`);
  return lines.map((line) => {
    const at = main.text.indexOf(line);
    assert.ok(at >= 0, `the sample holds “${line}”`);
    const releases = main.text.split(line).length - 1;
    const passage = findRecurringPassageAt(corpus, main.uri, at);
    return `${releases} ${passage ? 'linked' : 'stock'}: ${line}`;
  });
}

test('contact lines, the social handle, the "about" paragraph and the issued-by line are stock phrases', () => {
  const lines = [
    'Enquiries: Ms Tilda Marsh, Head of Media, on 020 7946 0412 or at press@coastal.example.',
    'Follow the Department on social media at @CoastalDept for live updates from the event.',
    'The Department of Harbours and Coastal Affairs looks after the country’s ports, fisheries and sea defences.',
    'Issued by the Department of Harbours and Coastal Affairs, Quay House, Portmere.',
  ];
  assert.deepEqual(describe(lines), [`13 stock: ${lines[0]}`, `12 stock: ${lines[1]}`, `7 stock: ${lines[2]}`, `6 stock: ${lines[3]}`]);
});

test('talking points said in a speech and picked up by two or three releases stay cross-references', () => {
  const lines = [
    'Every harbour town deserves a sea wall built for the storms of the next fifty years, not the last fifty.',
    'We will not ask fishing families to carry the cost of a warming sea on their own.',
    'The new flood barrier at Saltby will protect eleven thousand homes from the spring tides.',
  ];
  // Counts are of verbatim copies; a near copy ("the coming fifty years", "some eleven thousand") adds a release.
  assert.deepEqual(describe(lines), [`2 linked: ${lines[0]}`, `2 linked: ${lines[1]}`, `1 linked: ${lines[2]}`]);
});
