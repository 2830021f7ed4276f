// A big file's pass-one findings are kept packed (packedFindings.ts) while it is edited; unpacked, they must be the
// findings recognition gave, field for field (optional fields present or absent as they were), so pass two
// answers the same. Checked on every release of the seeds and of the breadth corpus, and moved as a release moves.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Finding } from '../../server/src/corpus/entities/mentions';
import { packFindings, unpackFindings } from '../../server/src/corpus/entities/packedFindings';
import { findFileFindings } from '../../server/src/corpus/entities/recognize';
import { parseCorpusFile } from '../../server/src/corpus/parse';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const TEXTS = [join(REPO_ROOT, 'seeds'), join(REPO_ROOT, 'test', 'data', 'breadth', 'dev')].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(folder, name), 'utf8')),
);

/** The finding as recognition would give it for its release moved by `by` and numbered `releaseIndex`. */
function moved(f: Finding, by: number, releaseIndex: number): Finding {
  const move = (span: { start: number; end: number }) => ({ start: span.start + by, end: span.end + by });
  if (f.type === 'name-run') return { ...f, span: move(f.span), wordSpans: f.wordSpans.map(move), releaseIndex };
  if (f.type === 'role') return { ...f, span: move(f.span), outer: move(f.outer), releaseIndex };
  return { ...f, span: move(f.span), ...(f.outer && { outer: move(f.outer) }), releaseIndex };
}

test('every release of the seeds and the breadth corpus unpacks to its own findings, and moved to moved findings', () => {
  let findings = 0;
  const types = new Set<string>();
  for (const text of TEXTS) {
    for (const [releaseIndex, list] of findFileFindings(text, parseCorpusFile(text)).entries()) {
      const packed = packFindings(list);
      assert.deepStrictEqual(unpackFindings(packed, 0, releaseIndex), list);
      assert.deepStrictEqual(
        unpackFindings(packed, 1234, releaseIndex + 2),
        list.map((f) => moved(f, 1234, releaseIndex + 2)),
      );
      findings += list.length;
      for (const f of list)
        types.add(`${f.type}${f.type === 'mention' ? [f.role, f.words, f.abbreviationOf, f.outer].map((v) => (v ? '+' : '-')).join('') : ''}`);
    }
  }
  assert.ok(findings > 3000, `${findings} findings`);
  assert.ok(types.size >= 6, `kinds of findings seen: ${[...types].join(' ')}`);
});
