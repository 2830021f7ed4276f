// `press-corpus tags export --format csv|jsonl`: RFC 4180 rows (one per tag and passage) that a spreadsheet
// opens without running formulas, and JSON lines that parse one by one back to the tag records.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTagsAsCsv, guardFormula, quoteCsvField } from '../../server/src/features/exchange/csv';
import { ExportedTag } from '../../server/src/features/exchange/exportedTag';
import { formatTagsAsJsonLines } from '../../server/src/features/exchange/jsonl';

const TEXT = 'Intro. =SUM(A1:A9) said "the minister", then -5 % growth.\nNext line.';

const TAGS: ExportedTag[] = [
  {
    id: 'k3xq9m2a',
    corpusFile: 'seeds/000_x.txt',
    text: TEXT,
    span: { start: 7, end: 38 },
    exact: '=SUM(A1:A9) said "the minister"',
    prefix: 'Intro. ',
    suffix: ', then -5 % growth.',
    tags: ['energy', 'quotes'],
    note: 'Two lines:\nfirst, second',
    release: 'Speech, as delivered',
    status: 'exact',
    author: 'Ana',
    created: '2026-11-30T09:15:00Z',
  },
  {
    id: 'p2r7w8zz',
    corpusFile: 'seeds/001_y.txt',
    text: TEXT,
    span: { start: 45, end: 57 },
    exact: '-5 % growth.',
    prefix: '',
    suffix: '',
    tags: ['@risk'],
    note: '',
    release: '+Release',
    status: 'orphaned',
  },
];

test('the CSV has a header and one CRLF row per tag and passage, quoted as RFC 4180 says', () => {
  assert.equal(
    formatTagsAsCsv(TAGS),
    [
      'tag,id,corpusFile,release,status,exact,note,start,end,author,created,updated',
      `energy,k3xq9m2a,seeds/000_x.txt,"Speech, as delivered",exact,"'=SUM(A1:A9) said ""the minister""","Two lines:\nfirst, second",7,38,Ana,2026-11-30T09:15:00Z,`,
      `quotes,k3xq9m2a,seeds/000_x.txt,"Speech, as delivered",exact,"'=SUM(A1:A9) said ""the minister""","Two lines:\nfirst, second",7,38,Ana,2026-11-30T09:15:00Z,`,
      `'@risk,p2r7w8zz,seeds/001_y.txt,'+Release,orphaned,'-5 % growth.,,45,57,,,`,
      '',
    ].join('\r\n'),
  );
});

test('cells a spreadsheet would run as a formula start with an apostrophe; others are left alone', () => {
  assert.deepEqual(['=1+1', '+1', '-1', '@SUM(1)', '\t=1', '\r=1', 'a=b', '', '1-2', '“=”'].map(guardFormula), [
    "'=1+1",
    "'+1",
    "'-1",
    "'@SUM(1)",
    "'\t=1",
    "'\r=1",
    'a=b',
    '',
    '1-2',
    '“=”',
  ]);
  assert.deepEqual(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ''].map(quoteCsvField), ['plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\r"', '']);
});

test('each JSON line parses alone and holds the tag record with UTF-16 offsets', () => {
  const output = formatTagsAsJsonLines(TAGS);
  const lines = output.split('\n');
  assert.equal(lines.length, TAGS.length + 1, 'one line per tag, each ending in a line break');
  assert.equal(lines.at(-1), '');
  const records = lines.slice(0, -1).map((line) => JSON.parse(line));
  assert.deepEqual(records[0], {
    id: 'k3xq9m2a',
    corpusFile: 'seeds/000_x.txt',
    release: 'Speech, as delivered',
    status: 'exact',
    tags: ['energy', 'quotes'],
    note: 'Two lines:\nfirst, second',
    exact: '=SUM(A1:A9) said "the minister"',
    prefix: 'Intro. ',
    suffix: ', then -5 % growth.',
    start: 7,
    end: 38,
    author: 'Ana',
    created: '2026-11-30T09:15:00Z',
  });
  for (const record of records) assert.equal(TEXT.slice(record.start, record.end), record.exact);
  assert.equal(formatTagsAsJsonLines([]), '');
});
