// `press-corpus tags export --format w3c`: the export follows the W3C Web Annotation Data Model (checked here
// field by field from the model), counts positions in code points, and round-trips through the import to the
// same UTF-16 spans in a text full of astral characters and combining marks.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnchor } from '../../server/src/annotations/anchoring';
import { codePointOffsetToUtf16 } from '../../server/src/features/exchange/codePoints';
import { ExportedTag } from '../../server/src/features/exchange/exportedTag';
import { decodeUriReferenceAsPath } from '../../server/src/features/exchange/pathUris';
import { formatTagsAsW3cCollection, getAnnotationSource } from '../../server/src/features/exchange/w3c';
import { parseW3cAnnotations } from '../../server/src/features/exchange/w3cImport';
import { checkWebAnnotationModel } from '../support/exchangeValidators';
import { parseFixture } from '../support/fixture';

const CORPUS = `Statement on the 🇺🇦 flag day

Source: NATO

<[The 😀 delegation from 𠀋 county]> met the café owners (cafe\u0301 with a combining accent).
Ministers 👩‍👩‍👧 agreed on <[energy 🔋 security, 𠀋𠀋 and the next 🇪🇺 summit]>.
<[Zoë]> closed.
`;

function exportedTags(source = CORPUS): ExportedTag[] {
  const { main } = parseFixture(source);
  return main.ranges.map((span, i) => ({
    id: `tag${i}`,
    corpusFile: 'seeds/flag day.txt',
    text: main.text,
    span,
    ...createAnchor(main.text, span),
    tags: i === 1 ? ['energy', 'eu'] : ['people'],
    note: i === 1 ? 'Energy security, per the summit.' : '',
    release: 'Statement on the 🇺🇦 flag day',
    status: 'exact',
    ...(i === 0 ? { author: 'Ana Analyst', created: '2026-11-30T09:15:00Z', updated: '2026-11-30T10:00:00Z' } : {}),
  }));
}

test('the export is an AnnotationCollection the Web Annotation model accepts, one Annotation per tag', () => {
  const collection = formatTagsAsW3cCollection(exportedTags());
  assert.deepEqual(checkWebAnnotationModel(JSON.parse(JSON.stringify(collection))), []);
  assert.equal(collection.total, 3);
  const [first, second] = collection.first.items;
  assert.deepEqual(first.creator, { type: 'Person', name: 'Ana Analyst' });
  assert.equal(first.created, '2026-11-30T09:15:00Z');
  assert.equal(first.modified, '2026-11-30T10:00:00Z');
  assert.equal(first.motivation, 'tagging');
  assert.equal(first.id, 'urn:press-corpus:tag:tag0');
  assert.equal(first.target.source, 'seeds/flag%20day.txt');
  assert.equal(second.motivation, 'commenting');
  assert.deepEqual(
    second.body.map((body) => `${body.purpose}: ${body.value}`),
    ['tagging: energy', 'tagging: eu', 'commenting: Energy security, per the summit.'],
  );
});

test('the model check finds what a broken export lacks (so the test above can fail)', () => {
  const broken: Array<[string, (document: any) => void]> = [
    ['@context', (d) => delete d['@context']],
    ['collection type', (d) => (d.type = 'Collection')],
    ['annotation type', (d) => (d.first.items[0].type = 'Note')],
    ['annotation id', (d) => delete d.first.items[1].id],
    ['target', (d) => delete d.first.items[2].target],
    ['selector type', (d) => delete d.first.items[0].target.selector[1].type],
    ['negative position', (d) => (d.first.items[0].target.selector[1].start = -1)],
    ['total', (d) => (d.total = 7)],
    ['purpose', (d) => (d.first.items[0].body[0].purpose = 'labelling')],
  ];
  for (const [what, breakIt] of broken) {
    const document = JSON.parse(JSON.stringify(formatTagsAsW3cCollection(exportedTags())));
    breakIt(document);
    assert.notDeepEqual(checkWebAnnotationModel(document), [], `missing ${what} is found`);
  }
});

test('positions count code points, as the model says, not UTF-16 units', () => {
  const tags = exportedTags();
  for (const [i, annotation] of formatTagsAsW3cCollection(tags).first.items.entries()) {
    const position = annotation.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    const { text, span } = tags[i];
    assert.deepEqual(position, { type: 'TextPositionSelector', start: [...text.slice(0, span.start)].length, end: [...text.slice(0, span.end)].length });
    assert.ok(span.start - position.start >= 2, 'the flag emoji and others before it are one code point each');
  }
});

test('export → JSON → import gives back the tags, and positions back to the same UTF-16 spans', () => {
  const tags = exportedTags();
  const imported = parseW3cAnnotations(JSON.parse(JSON.stringify(formatTagsAsW3cCollection(tags))));
  assert.deepEqual(imported.errors, []);
  assert.equal(imported.annotations.length, tags.length);
  imported.annotations.forEach((annotation, i) => {
    const tag = tags[i];
    assert.equal(decodeUriReferenceAsPath(annotation.source), tag.corpusFile);
    const span = { start: codePointOffsetToUtf16(tag.text, annotation.start!), end: codePointOffsetToUtf16(tag.text, annotation.end!) };
    assert.deepEqual(span, tag.span);
    assert.equal(tag.text.slice(span.start, span.end), annotation.exact);
    assert.deepEqual([annotation.exact, annotation.prefix, annotation.suffix], [tag.exact, tag.prefix, tag.suffix]);
    assert.deepEqual(annotation.tags, tag.tags);
    assert.equal(annotation.note, tag.note);
    assert.equal(annotation.id, `urn:press-corpus:tag:${tag.id}`);
  });
  assert.deepEqual([imported.annotations[0].author, imported.annotations[0].created], ['Ana Analyst', '2026-11-30T09:15:00Z']);
});

test('context cut inside an emoji is trimmed to whole characters; an orphaned tag keeps its quote but no position', () => {
  const text = 'x😀abc😀y';
  const tag: ExportedTag = {
    id: 'o1',
    corpusFile: 'seeds/a.txt',
    text,
    span: { start: 3, end: 6 },
    exact: 'abc',
    prefix: text.slice(2, 3),
    suffix: text.slice(6, 7),
    tags: ['t'],
    note: '',
    release: '',
    status: 'orphaned',
  };
  const [annotation] = formatTagsAsW3cCollection([tag]).first.items;
  assert.deepEqual(annotation.target.selector, [{ type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' }]);
  const [imported] = parseW3cAnnotations(annotation).annotations;
  assert.equal(imported.start, undefined);
});

test('with the workspace folder the source is an absolute file URI that maps back to the corpus path', () => {
  const folder = 'file:///home/ana/press%20corpus/';
  const [annotation] = formatTagsAsW3cCollection(exportedTags(), { workspaceFolderUri: folder }).first.items;
  assert.equal(annotation.target.source, 'file:///home/ana/press%20corpus/seeds/flag%20day.txt');
  assert.equal(decodeUriReferenceAsPath(annotation.target.source, folder), 'seeds/flag day.txt');
  assert.equal(getAnnotationSource('seeds/a#1.txt'), 'seeds/a%231.txt');
  for (const outside of [
    'https://www.nato.int/cps/en/natohq/news.htm',
    'file:///etc/passwd',
    '../secrets.txt',
    'seeds/%2e%2e/%2e%2e/x',
    '/abs.txt',
    'seeds/%E0%A4%A.txt',
    'a%5C..%5Cb',
  ]) {
    assert.equal(decodeUriReferenceAsPath(outside, folder), undefined, outside);
  }
});
