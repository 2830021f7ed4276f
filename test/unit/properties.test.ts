// Properties that must hold for any text, checked on generated press-like text (words, names, capitals, blank
// lines, bullets, labels, quotes, astral characters, lone surrogates, CR/CRLF) and on arbitrary strings:
// the parser, entity recognition, tag anchoring and tag-file splicing never throw and keep their invariants.
// PRESS_CORPUS_FUZZ_RUNS sets the number of generated cases, shared by all properties (small by default, so
// this file runs in seconds with the other tests); scripts/fuzz.mjs runs the same properties with 100,000.
// PRESS_CORPUS_FUZZ_SEED replays a failure that fast-check reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createAnchor, findAnchor } from '../../server/src/annotations/anchoring';
import { parseTagFile, TagRecord } from '../../server/src/annotations/tagFile';
import { addTagRecords, NewTagRecord, removeTagRecord, renameTagInFile, updateTagRecord } from '../../server/src/annotations/tagFileEdits';
import { computeFileEntities, getReadSpans } from '../../server/src/corpus/entities/recognize';
import { Span } from '../../server/src/corpus/model';
import { parseCorpusFile } from '../../server/src/corpus/parse';

const TOTAL_RUNS = Number(process.env.PRESS_CORPUS_FUZZ_RUNS ?? 240);
const SEED = process.env.PRESS_CORPUS_FUZZ_SEED ? Number(process.env.PRESS_CORPUS_FUZZ_SEED) : undefined;

// ---- Generators of press-like text --------------------------------------------------------------------------

const PLAIN_WORDS = [
  'the',
  'of',
  'and',
  'said',
  'alliance',
  'will',
  'support',
  'continue',
  'for',
  'in',
  'to',
  'a',
  'with',
  'here',
  'can be found here',
  'met',
  'officials',
  'exercise',
  'region',
];
const NAME_WORDS = [
  'Jens',
  'Stoltenberg',
  'Ukraine',
  'Brussels',
  'Council',
  'Secretary',
  'General',
  'Minister',
  'Defence',
  'Deputy',
  'Prime',
  'Allied',
  'Command',
  'Operations',
  'National',
  'News',
  'Agency',
  'Summit',
  'Exercise',
  'Northern',
  'Forest',
  'Republic',
  'North',
  'Korea',
  'His',
  'Excellency',
  'Mr',
  'Mr.',
  'Dr',
  'O’Brien',
  'De',
  'Croo',
  'Ould',
  'Geoană',
  'Ukrainian',
  'Moscow',
  'Spokesperson',
  'Chair',
  'Military',
  'Committee',
  'The',
  'Jr.',
  'Forum',
  'Peace',
  'Prosperity',
];
const SHOUTED_WORDS = ['NATO', 'EU', 'UN', 'GRU', 'U.K.', 'U.S.', 'SACEUR', 'THE', 'SECRETARY', 'GENERAL', 'PRESIDENT', 'MQ-9B', 'F-35', 'APT28'];
const ODD_WORDS = [
  '“Quoted”',
  '‘single’',
  '"',
  "'s",
  '’s',
  '(Reuters)',
  '[inaudible]',
  '(MD)',
  '—',
  '…',
  '&',
  '24',
  '2024',
  '𝐍𝐀𝐓𝐎',
  '😀',
  '\ud800',
  '\udc00',
  '\u00a0',
  '\ufeff',
  '\u200b',
  '\t',
  'é',
  ':',
  ',',
  '.',
  '!',
  '?',
  '(',
  ')',
  '-',
  '#',
];
const LINE_STARTS = [
  '• ',
  '· ',
  'Source: ',
  'Source: NATO',
  'Q: ',
  'THE PRESIDENT: ',
  'Andrew Gray (Reuters): ',
  'Photo: ',
  'Credit: ',
  'VIRIN: ',
  'By ',
  'Published: ',
  'From:',
  'Last updated',
  '(As delivered)',
  '12 July 2024',
  'July 11, 2024',
  '2024-05-07',
  'From 6 to 7 May 2024',
  '11:30',
  'Share',
  'Skip to main content',
  '###',
  '-30-',
  'Tags: ',
  '* * *',
  'Press release',
  'Speech by ',
  'Statement by ',
];
const LINE_BREAKS = ['\n', '\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\r', '\n \u00a0\n', '\n\n\n\n\n'];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN_WORDS) },
  { weight: 6, arbitrary: fc.constantFrom(...NAME_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SHOUTED_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_WORDS) },
);
const line = fc
  .tuple(
    fc.option(fc.constantFrom(...LINE_STARTS), { freq: 3 }),
    fc.array(word, { maxLength: 24 }),
    fc.constantFrom(' ', ' ', ' ', '  ', '-', ''),
    fc.constantFrom('', '', '.', ':', ',', '?', '”'),
  )
  .map(([start, words, gap, end]) => (start ?? '') + words.join(gap) + end);
const structuredText = fc
  .array(fc.tuple(line, fc.constantFrom(...LINE_BREAKS)), { maxLength: 40 })
  .map((lines) => lines.map(([text, lineBreak]) => text + lineBreak).join(''));
/** Press-like text most of the time; arbitrary code points and a small hostile alphabet the rest. */
const pressText = fc.oneof(
  { weight: 8, arbitrary: structuredText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\n', '\r', ' ', 'a', 'A', 'NATO ', '•', ':', '.', '\ud800', '“', 'Council '), maxLength: 400 }) },
);

// ---- Helpers ------------------------------------------------------------------------------------------------

/** Every `{ start, end }` object inside a parse result. */
function collectSpans(value: unknown, into: Span[] = []): Span[] {
  if (Array.isArray(value)) {
    for (const item of value) collectSpans(item, into);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') into.push(record as unknown as Span);
    for (const child of Object.values(record)) if (child && typeof child === 'object') collectSpans(child, into);
  }
  return into;
}

function assertInBounds(span: Span, length: number, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length,
    `${what} ${JSON.stringify(span)} outside 0..${length}`,
  );
}

function assertOrdered(spans: readonly Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start, `${what} ${i - 1} and ${i} overlap or are out of order`);
}

// ---- Properties ---------------------------------------------------------------------------------------------

interface Property {
  readonly name: string;
  readonly property: fc.IProperty<never>;
}

const properties: Property[] = [];
function property<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  properties.push({ name, property: fc.property(arbitrary, predicate) as unknown as fc.IProperty<never> });
}

property('parsing never throws, is deterministic, and every span lies in the text, releases and paragraphs in order', pressText, (text) => {
  const parsed = parseCorpusFile(text);
  assert.equal(JSON.stringify(parseCorpusFile(text)), JSON.stringify(parsed));
  for (const span of collectSpans(parsed)) assertInBounds(span, text.length, 'span');
  assertOrdered(
    parsed.releases.map((release) => release.span),
    'releases',
  );
  for (const release of parsed.releases) {
    assertOrdered(
      release.paragraphs.map((paragraph) => paragraph),
      'paragraphs',
    );
    for (const paragraph of release.paragraphs)
      assert.ok(paragraph.start >= release.span.start && paragraph.end <= release.span.end, 'paragraph outside its release');
  }
  for (let i = 1; i < parsed.problems.length; i++) assert.ok(parsed.problems[i - 1].span.start <= parsed.problems[i].span.start, 'problems sorted by offset');
});

property('recognition never throws; mentions are non-empty, sorted, non-overlapping and inside the spans read', pressText, (text) => {
  const parsed = parseCorpusFile(text);
  const { mentions } = computeFileEntities(text, parsed);
  for (const mention of mentions) {
    assertInBounds(mention.span, text.length, 'mention');
    assert.ok(mention.span.start < mention.span.end, 'empty mention');
    const release = parsed.releases[mention.releaseIndex];
    assert.ok(release, `mention of release ${mention.releaseIndex}, the file has ${parsed.releases.length}`);
    assert.ok(
      getReadSpans(release).some((span) => span.start <= mention.span.start && mention.span.end <= span.end),
      'mention outside the spans read',
    );
  }
  assertOrdered(
    [...mentions].map((mention) => mention.span),
    'mentions',
  );
});

/** A text and a non-empty span of it. */
const textWithSpan = pressText
  .filter((text) => text.length > 0)
  .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length - 1), fc.nat(text.length - 1)))
  .map(([text, a, b]) => ({ text, span: { start: Math.min(a, b), end: Math.max(a, b) + 1 } }));

property('an anchor made on a text finds the same span on that text', textWithSpan, ({ text, span }) => {
  assert.deepEqual(findAnchor(text, createAnchor(text, span)), { state: 'exact', span });
});

/** One edit anywhere: delete `deleteCount` characters at `at`, insert `insert`. */
const editedText = textWithSpan.chain(({ text, span }) =>
  fc.record({
    text: fc.constant(text),
    span: fc.constant(span),
    at: fc.nat(text.length),
    deleteCount: fc.nat(60),
    insert: fc.oneof(pressText, fc.constantFrom('', ' ', '\n', text.slice(span.start, span.end))),
  }),
);

property(
  'after an edit, anchoring never throws, stays in the text, and re-finds an untouched passage exactly',
  editedText,
  ({ text, span, at, deleteCount, insert }) => {
    const end = Math.min(text.length, at + deleteCount);
    const edited = text.slice(0, at) + insert + text.slice(end);
    const anchor = createAnchor(text, span);
    const found = findAnchor(edited, anchor);
    if (found.state !== 'orphaned') assertInBounds(found.span, edited.length, 'anchored span');
    if (end <= span.start || at >= span.end) {
      assert.notEqual(found.state, 'orphaned', 'a passage the edit did not touch is found');
      if (found.state !== 'orphaned') assert.equal(edited.slice(found.span.start, found.span.end), anchor.exact);
    }
  },
);

// ---- Tag files ----------------------------------------------------------------------------------------------

const TAG_NAMES = ['energy', 'russia', 'Ukraine', 'quote', 'follow-up', 'tag_2', 'naïve', '𝐍'];
const tagNames = fc.uniqueArray(fc.constantFrom(...TAG_NAMES), { minLength: 1, maxLength: 3 });
const freeText = fc.oneof(
  fc.constantFrom(
    '',
    'A note: with a colon',
    '# not a comment',
    '- dash',
    '"quoted"',
    "it's",
    'yes',
    'null',
    '123',
    '[x]',
    '{a: b}',
    '  padded  ',
    'line\nbreak',
  ),
  pressText,
);

interface RecordValues {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
}

const recordValues = fc.record({
  tags: tagNames,
  note: freeText,
  exact: pressText.filter((text) => text.length > 0),
  prefix: freeText,
  suffix: freeText,
  start: fc.nat(100000),
});
type Style = 'block' | 'flow' | 'empty-flow' | 'null' | 'missing';

/** A tag file as an analyst might write it by hand: any list style, comments, odd spacing, CRLF. */
const tagFile = fc
  .record({
    style: fc.constantFrom<Style>('block', 'block', 'flow', 'empty-flow', 'null', 'missing'),
    lineBreak: fc.constantFrom('\n', '\r\n'),
    comment: fc.boolean(),
    extra: fc.boolean(),
    records: fc.array(recordValues, { maxLength: 4 }),
  })
  .map(({ style: written, lineBreak, comment, extra, records }) => {
    const values: RecordValues[] = written === 'block' || written === 'flow' ? records.map((r, i) => ({ ...r, id: `id${i}aaaaa` })) : [];
    // A list with no records is written `tags: []`, whatever the style asked for.
    const style: Style = values.length === 0 && (written === 'block' || written === 'flow') ? 'empty-flow' : written;
    const q = (value: string) => JSON.stringify(value); // JSON strings are YAML double-quoted scalars
    const flowItem = (r: RecordValues) =>
      `{id: ${r.id},  tags: [${r.tags.map(q).join(',  ')}], note: ${q(r.note)}, anchor: {exact: ${q(r.exact)}, prefix: ${q(r.prefix)}, suffix: ${q(r.suffix)}, start: ${r.start}, end: ${r.start + r.exact.length}}}`;
    const blockItem = (r: RecordValues) =>
      [
        `  - id: ${r.id}   # checked`,
        `    tags: [${r.tags.map(q).join(',  ')}]`,
        `    note: ${q(r.note)}`,
        `    anchor: {exact: ${q(r.exact)}, prefix: ${q(r.prefix)}, suffix: ${q(r.suffix)}, start: ${r.start}, end: ${r.start + r.exact.length}}`,
      ].join(lineBreak) + lineBreak;
    const lines = [
      comment ? '# Tags — reviewed by M.K.' : undefined,
      'corpusFile: seeds/a.txt    # keep',
      extra ? 'reviewers: [mk,  jd]   # flow, odd spacing' : undefined,
    ].filter((l) => l !== undefined);
    let text = lines.map((l) => l + lineBreak).join('');
    if (style === 'block') text += `tags:${lineBreak}${values.map(blockItem).join('')}`;
    if (style === 'flow') text += `tags: [${values.map(flowItem).join(',  ')}]   # compact${lineBreak}`;
    if (style === 'empty-flow') text += `tags: [ ]  # none yet${lineBreak}`;
    if (style === 'null') text += `tags:${lineBreak}`;
    if (extra) text += `# trailing comment${lineBreak}`;
    return { text, style, values };
  });

type Operation =
  | { type: 'add'; record: RecordValues }
  | { type: 'update'; index: number; tags?: readonly string[]; note?: string }
  | { type: 'remove'; index: number }
  | { type: 'rename'; from: string; to: string };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  recordValues.map((r) => ({ type: 'add' as const, record: { ...r, id: 'newzzzzz' } })),
  fc.record({
    type: fc.constant('update' as const),
    index: fc.nat(3),
    tags: fc.option(tagNames, { nil: undefined }),
    note: fc.option(freeText, { nil: undefined }),
  }),
  fc.record({ type: fc.constant('remove' as const), index: fc.nat(3) }),
  fc.record({ type: fc.constant('rename' as const), from: fc.constantFrom(...TAG_NAMES), to: fc.constantFrom(...TAG_NAMES, 'renamed') }),
);

function toNewRecord(r: RecordValues): NewTagRecord {
  return {
    id: r.id,
    tags: r.tags,
    note: r.note,
    release: 'Release title',
    anchor: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.start + r.exact.length },
  };
}

/** A record's values, without where it stands in the YAML. */
function valuesOf(record: TagRecord): string {
  return JSON.stringify({ ...record, span: undefined });
}

/** The changed region of `before`: what lies between the common prefix and the common suffix of the two texts. */
function changedRegion(before: string, after: string): Span {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start: prefix, end: before.length - suffix };
}

/** The text outside `areas` (sorted, disjoint) is found in `after` in the same order, starting and ending it. */
function assertKeptOutside(before: string, after: string, areas: readonly Span[]): void {
  const pieces: string[] = [];
  let from = 0;
  for (const area of areas) {
    pieces.push(before.slice(from, area.start));
    from = area.end;
  }
  pieces.push(before.slice(from));
  assert.ok(after.startsWith(pieces[0]) && after.endsWith(pieces[pieces.length - 1]), `the text around the touched records changed:\n${before}\n→\n${after}`);
  let at = 0;
  for (const piece of pieces) {
    const found = after.indexOf(piece, at);
    assert.ok(found >= 0, `bytes outside the touched records changed: ${JSON.stringify(piece)} is gone from\n${after}`);
    at = found + piece.length;
  }
}

/** The lines a record occupies in the YAML, or for a flow item the item with its separating comma and spaces. */
function recordArea(text: string, record: TagRecord, style: Style): Span {
  if (style === 'flow') {
    let start = record.span.start;
    while (start > 0 && /[ ,]/.test(text[start - 1])) start--;
    let end = record.span.end;
    while (end < text.length && /[ ,]/.test(text[end])) end++;
    return { start, end };
  }
  const lineEnd = text.indexOf('\n', record.span.end - 1);
  return { start: text.lastIndexOf('\n', record.span.start) + 1, end: lineEnd < 0 ? text.length : lineEnd + 1 };
}

property(
  'tag-file edits never throw, leave a writable file with the expected records, keep every byte outside the touched records, and are idempotent',
  fc.tuple(tagFile, operation),
  ([{ text, style, values }, op]) => {
    const file = parseTagFile(text);
    assert.deepEqual(file.problems, [], text);
    assert.equal(file.records.length, values.length);
    let result: string;
    let again: () => string;
    const expected = file.records.map(valuesOf);
    let allowed: Span[];
    if (op.type === 'add') {
      result = addTagRecords(file, [toNewRecord(op.record)]);
      again = () => result; // adding is not repeatable (the id is taken); determinism is checked below
      assert.equal(addTagRecords(parseTagFile(text), [toNewRecord(op.record)]), result, 'printing is deterministic');
      const tagsLine = text.search(/^tags:/m);
      allowed = style === 'empty-flow' || style === 'null' ? [{ start: tagsLine, end: text.indexOf('\n', tagsLine) + 1 }] : [];
    } else if (op.type === 'rename') {
      result = renameTagInFile(file, op.from, op.to);
      again = () => renameTagInFile(parseTagFile(result), op.from, op.to);
      const touched = file.records.filter((r) => r.tags.includes(op.from));
      allowed = touched.map((r) => recordArea(text, r, style));
      touched.forEach((r) => (expected[file.records.indexOf(r)] = valuesOf({ ...r, tags: [...new Set(r.tags.map((t) => (t === op.from ? op.to : t)))] })));
    } else {
      const target = file.records[op.index];
      if (!target) return; // the operation names a record the file does not have
      allowed = [recordArea(text, target, style)];
      if (op.type === 'remove') {
        result = removeTagRecord(file, target.id);
        again = () => result;
        expected.splice(op.index, 1);
      } else {
        const change = { tags: op.tags, note: op.note };
        result = updateTagRecord(file, target.id, change);
        again = () => updateTagRecord(parseTagFile(result), target.id, change);
        expected[op.index] = valuesOf({ ...target, tags: op.tags ?? target.tags, note: op.note ?? target.note });
      }
    }
    const reparsed = parseTagFile(result);
    assert.equal(reparsed.writable, true, result);
    assert.deepEqual(reparsed.problems, [], result);
    const actual = reparsed.records.map(valuesOf);
    if (op.type === 'add') assert.deepEqual(actual, [...expected, valuesOf({ ...toNewRecord(op.record), span: { start: 0, end: 0 } } as TagRecord)]);
    else assert.deepEqual(actual, expected);
    assert.equal(again(), result, 'applying the same edit to its result changes nothing');
    if (allowed.length) {
      assertKeptOutside(text, result, allowed);
    } else {
      // Records added to a list only insert text: the whole old text is a prefix plus a suffix of the new one.
      const changed = changedRegion(text, result);
      assert.ok(changed.start >= changed.end, `bytes changed: ${JSON.stringify(text.slice(changed.start, changed.end))} in\n${text}\n→\n${result}`);
    }
  },
);

const RUNS_PER_PROPERTY = Math.max(1, Math.ceil(TOTAL_RUNS / properties.length));
for (const { name, property: prop } of properties) {
  test(name, (t) => {
    fc.assert(prop, { numRuns: RUNS_PER_PROPERTY, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) });
    t.diagnostic(`${RUNS_PER_PROPERTY} generated cases`);
  });
}
