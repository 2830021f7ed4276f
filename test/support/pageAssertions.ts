// Assertions on where a parse puts titles, turn labels and problems, read from a fixture's marked ranges: the
// page-layout tests of every publisher share them.

import assert from 'node:assert/strict';
import { ProblemCode } from '../../server/src/corpus/model';
import { parseCorpusFile } from '../../server/src/corpus/parse';
import { parseFixture } from './fixture';

export function parsePage(fixture: string) {
  const { main } = parseFixture(fixture);
  return { main, parsed: parseCorpusFile(main.text) };
}

/** The marked ranges are the file's titles, and no other line is one. */
export function assertTitles(fixture: string): void {
  const { main, parsed } = parsePage(fixture);
  assert.deepEqual(
    parsed.releases.filter((r) => r.title).map((r) => main.text.slice(r.titleSpans[0].start, r.titleSpans[0].end)),
    main.ranges.map((range) => main.text.slice(range.start, range.end)),
  );
}

/** The marked ranges are the turn labels, in order; `questions` tells which of them ask. */
export function assertTurns(fixture: string, questions: boolean[]): void {
  const { main, parsed } = parsePage(fixture);
  const turns = parsed.releases.flatMap((r) => r.turns);
  assert.deepEqual(
    turns.map((turn) => main.text.slice(turn.labelSpan.start, turn.labelSpan.end)),
    main.ranges.map((range) => main.text.slice(range.start, range.end)),
  );
  assert.deepEqual(
    turns.map((turn) => Boolean(turn.speaker.isQuestion)),
    questions,
  );
}

/** The marked ranges are where problems of these codes start, and no other problem of them is shown. */
export function assertProblems(fixture: string, codes: ProblemCode[]): void {
  const { main, parsed } = parsePage(fixture);
  const starts = parsed.problems.filter((p) => codes.includes(p.code)).map((p) => `${p.code}@${p.span.start}`);
  assert.deepEqual(
    starts,
    main.ranges.map((range, i) => `${codes[Math.min(i, codes.length - 1)]}@${range.start}`),
  );
}

/** No problem of these codes is shown (the fixture's marked ranges are its titles). */
export function assertNoProblems(fixture: string, codes: ProblemCode[]): void {
  const { parsed } = parsePage(fixture);
  assert.deepEqual(
    parsed.problems.filter((p) => codes.includes(p.code)).map((p) => `${p.code}: ${p.message}`),
    [],
  );
}
