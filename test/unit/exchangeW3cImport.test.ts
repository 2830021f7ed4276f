// `press-corpus tags import FILE.jsonld`: every shape of W3C document and a Hypothesis export give the same
// annotations; hostile files (wrong types, huge numbers, missing fields, huge lists) give errors, never exceptions.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { IMPORT_LIMITS, parseW3cAnnotations } from '../../server/src/features/exchange/w3cImport';

const ANNOTATION = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://example.org/anno/1',
  type: 'Annotation',
  motivation: 'tagging',
  creator: { type: 'Person', nickname: 'ana' },
  created: '2026-11-30T09:15:00Z',
  body: [
    { type: 'TextualBody', purpose: 'tagging', value: '#Energy policy' },
    { type: 'TextualBody', purpose: 'tagging', value: 'energy-policy' },
    { type: 'TextualBody', purpose: 'commenting', value: 'Transit through Ukraine.' },
  ],
  target: {
    source: 'seeds/000_x.txt',
    selector: [
      { type: 'TextQuoteSelector', exact: 'gas transit', prefix: 'on ', suffix: ' through' },
      { type: 'TextPositionSelector', start: 10, end: 21 },
    ],
  },
};

/** One line per annotation or error: what the import command would report. */
function render(json: unknown): string {
  const { annotations, errors } = parseW3cAnnotations(json);
  return [
    ...annotations.map(
      (a) =>
        `${a.source} “${a.exact}” ${a.start === undefined ? 'no position' : `${a.start}-${a.end}`} [${a.tags.join(' ')}] note=${JSON.stringify(a.note)}${a.author ? ` by ${a.author}` : ''}`,
    ),
    ...errors.map((e) => `error ${e.index}: ${e.message}`),
  ].join('\n');
}

const EXPECTED = 'seeds/000_x.txt “gas transit” 10-21 [Energy-policy energy-policy] note="Transit through Ukraine." by ana';

test('a collection (items inline or in first.items), a page, an array and one annotation all read the same', () => {
  const shapes = {
    collectionWithPage: {
      '@context': ANNOTATION['@context'],
      id: 'urn:c',
      type: 'AnnotationCollection',
      total: 1,
      first: { id: 'urn:c#1', type: 'AnnotationPage', items: [ANNOTATION] },
    },
    collectionInline: { type: 'AnnotationCollection', items: [ANNOTATION] },
    page: { type: 'AnnotationPage', items: [ANNOTATION] },
    array: [ANNOTATION],
    single: ANNOTATION,
  };
  for (const [shape, json] of Object.entries(shapes)) assert.equal(render(json), EXPECTED, shape);
});

test('a Hypothesis export reads its rows: uri, tags, text, target selectors and the user', () => {
  const hypothesis = {
    total: 2,
    rows: [
      {
        id: 'Xyz123',
        created: '2026-11-29T17:01:02.123456+00:00',
        uri: 'https://www.nato.int/cps/en/natohq/opinions_1.htm',
        user: 'acct:ana@hypothes.is',
        text: 'Key line.',
        tags: ['ukraine', 'Energy security'],
        target: [
          {
            source: 'https://www.nato.int/cps/en/natohq/opinions_1.htm',
            selector: [
              { type: 'RangeSelector', startContainer: '/div[1]', endContainer: '/div[1]', startOffset: 0, endOffset: 5 },
              { type: 'TextPositionSelector', start: 412, end: 466 },
              { type: 'TextQuoteSelector', exact: 'Seven years ago', prefix: 'again. ', suffix: ', I became' },
            ],
          },
        ],
      },
      { id: 'page-note', uri: 'https://example.org/', text: 'A page note has no selector.', tags: ['x'], target: [{ source: 'https://example.org/' }] },
    ],
  };
  assert.equal(
    render(hypothesis),
    [
      'https://www.nato.int/cps/en/natohq/opinions_1.htm “Seven years ago” 412-466 [ukraine Energy-security] note="Key line." by ana@hypothes.is',
      'error 1: The annotation has no target with a TextQuoteSelector, so there is no passage to tag.',
    ].join('\n'),
  );
});

test('bodies without a purpose follow the motivation; other purposes and non-text bodies are not tags', () => {
  const annotation = {
    ...ANNOTATION,
    motivation: ['tagging'],
    body: [{ type: 'TextualBody', value: 'russia' }, { purpose: 'describing', value: 'not a tag' }, 'https://example.org/body', { type: 'Image', value: 'x' }],
    bodyValue: 'A plain note.',
  };
  assert.equal(render(annotation), 'seeds/000_x.txt “gas transit” 10-21 [russia] note="A plain note." by ana');
});

test('malformed annotations are errors with their index; the others are read', () => {
  const bad = (patch: object) => ({ ...ANNOTATION, ...patch });
  const items = [
    ANNOTATION,
    bad({ type: 'Note' }),
    bad({ target: 'seeds/000_x.txt' }),
    bad({ target: { source: 'seeds/000_x.txt', selector: { type: 'TextQuoteSelector', exact: 42 } } }),
    bad({ target: { selector: ANNOTATION.target.selector } }),
    bad({
      body: [
        { purpose: 'tagging', value: ['a'] },
        { purpose: 'tagging', value: 'a,b' },
      ],
    }),
    bad({
      target: {
        ...ANNOTATION.target,
        selector: [ANNOTATION.target.selector[0], { type: 'TextPositionSelector', start: 1e308, end: Number.POSITIVE_INFINITY }],
      },
    }),
    bad({ target: { ...ANNOTATION.target, selector: [ANNOTATION.target.selector[0], { type: 'TextPositionSelector', start: 30, end: 5 }] } }),
    null,
    'annotation',
    bad({ created: 'yesterday', creator: 12 }),
  ];
  assert.equal(
    render(items),
    [
      EXPECTED,
      'seeds/000_x.txt “gas transit” no position [Energy-policy energy-policy] note="Transit through Ukraine." by ana',
      'seeds/000_x.txt “gas transit” no position [Energy-policy energy-policy] note="Transit through Ukraine." by ana',
      'seeds/000_x.txt “gas transit” 10-21 [Energy-policy energy-policy] note="Transit through Ukraine."',
      'error 1: This item is not an Annotation (its `type` is not "Annotation").',
      'error 2: The annotation has no target with a TextQuoteSelector, so there is no passage to tag.',
      `error 3: The TextQuoteSelector has no \`exact\` text (or it is longer than ${IMPORT_LIMITS.quoteLength} characters).`,
      'error 4: The annotation target has no `source` (the annotated file).',
      'error 5: The annotation has no usable tag (a body with purpose "tagging"); Press Corpus tags need at least one.',
      'error 6: Its TextPositionSelector is ignored (start and end must be whole numbers with 0 ≤ start ≤ end); the quote is used alone.',
      'error 7: Its TextPositionSelector is ignored (start and end must be whole numbers with 0 ≤ start ≤ end); the quote is used alone.',
      'error 8: This item is not an annotation object.',
      'error 9: This item is not an annotation object.',
    ].join('\n'),
  );
  assert.deepEqual(
    parseW3cAnnotations([ANNOTATION, bad({ created: 'yesterday' })]).annotations.map((a) => a.created),
    ['2026-11-30T09:15:00Z', undefined],
  );
});

test('documents that are not annotations, or collections whose pages are links, say so', () => {
  assert.equal(render(null), 'error -1: The document is not a JSON object or array of annotations.');
  assert.equal(render(42), 'error -1: The document is not a JSON object or array of annotations.');
  assert.equal(
    render({ hello: 'world' }),
    'error -1: The document is neither an AnnotationCollection, an AnnotationPage, an Annotation nor a Hypothesis export.',
  );
  assert.equal(render({ type: 'AnnotationPage', items: 'none' }), 'error -1: The page has no `items` list.');
  assert.equal(
    render({ type: 'AnnotationCollection', first: 'https://example.org/page1' }),
    'error -1: The collection has no embedded items (its pages are links, which this import does not follow).',
  );
  assert.match(
    render({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [ANNOTATION], next: 'https://example.org/page2' } }),
    /Only the embedded first page is read/,
  );
  assert.equal(render([]), '');
});

test('sizes are bounded: too many annotations, a huge quote, too many tags', () => {
  const many = new Array(IMPORT_LIMITS.annotations + 5).fill(0);
  const manyResult = parseW3cAnnotations(many);
  assert.equal(manyResult.errors[0].message, `Only the first ${IMPORT_LIMITS.annotations} of ${many.length} annotations are read.`);
  assert.equal(manyResult.errors.length, IMPORT_LIMITS.errors + 1, 'a bounded list of errors');
  assert.deepEqual(manyResult.errors.at(-1), { index: -1, message: `${IMPORT_LIMITS.annotations + 1 - IMPORT_LIMITS.errors} more errors are not listed.` });

  const hugeQuote = { ...ANNOTATION, target: { source: 's.txt', selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(IMPORT_LIMITS.quoteLength + 1) } } };
  assert.match(render(hugeQuote), /^error 0: The TextQuoteSelector has no `exact` text/);
  const hugeNote = { ...ANNOTATION, bodyValue: 'n'.repeat(IMPORT_LIMITS.noteLength) };
  assert.equal(render(hugeNote), `error 0: The annotation's note is longer than ${IMPORT_LIMITS.noteLength} characters.`);
  const longContext = {
    ...ANNOTATION,
    target: { source: 's.txt', selector: { type: 'TextQuoteSelector', exact: 'q', prefix: 'p'.repeat(5000) + 'END', suffix: 'START' + 's'.repeat(5000) } },
  };
  const [read] = parseW3cAnnotations(longContext).annotations;
  assert.equal(read.prefix!.length, IMPORT_LIMITS.contextLength);
  assert.ok(read.prefix!.endsWith('END') && read.suffix!.startsWith('START'), 'the context nearest the passage is kept');
  const manyTags = { ...ANNOTATION, body: Array.from({ length: 500 }, (_, i) => ({ purpose: 'tagging', value: `t${i}` })) };
  const tagged = parseW3cAnnotations(manyTags);
  assert.equal(tagged.annotations[0].tags.length, IMPORT_LIMITS.tagsPerAnnotation);
  assert.deepEqual(tagged.errors, [{ index: 0, message: `Only the first ${IMPORT_LIMITS.tagsPerAnnotation} tags are read.` }]);
});

test('inherited keys, throwing getters and revoked proxies give errors, not exceptions', () => {
  const proto = JSON.parse('{"__proto__": {"type": "Annotation"}, "constructor": {"type": "Annotation"}}');
  assert.match(render([proto]), /^error 0: This item is not an Annotation/);
  const throwing = {
    get type(): string {
      throw new Error('boom');
    },
  };
  assert.equal(render([throwing]), 'error 0: This annotation could not be read.');
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  assert.equal(render(revoked.proxy), 'error -1: The document could not be read.');
});

test('any JSON value, or an annotation with a random part replaced by any value, is read or reported, without an exception', () => {
  fc.assert(fc.property(fc.jsonValue(), (json) => void parseW3cAnnotations(json)));
  const paths = [
    ['type'],
    ['body'],
    ['body', 0],
    ['body', 0, 'value'],
    ['target'],
    ['target', 'source'],
    ['target', 'selector'],
    ['target', 'selector', 0, 'exact'],
    ['target', 'selector', 1, 'start'],
    ['creator'],
    ['created'],
    ['motivation'],
  ];
  fc.assert(
    fc.property(fc.constantFrom(...paths), fc.anything(), (path, value) => {
      const annotation = JSON.parse(JSON.stringify(ANNOTATION));
      let parent = annotation;
      for (const key of path.slice(0, -1)) parent = parent[key];
      parent[path.at(-1)!] = value;
      const { annotations, errors } = parseW3cAnnotations({ type: 'AnnotationPage', items: [annotation] });
      assert.ok(annotations.length === 1 || errors.some((e) => e.index === 0), 'read, or reported with its index: never dropped silently');
    }),
  );
});
