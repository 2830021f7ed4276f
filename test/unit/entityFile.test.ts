// annotations/entities.yaml: validation problems on the YAML itself, appending an entry, refusing a broken file.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEntityId, getEntityAppendText, parseEntityFile } from '../../server/src/annotations/entityFile';
import { REPO_ROOT } from '../support/lspClient';

/** Records and problems as compact text: one line each. */
function render(text: string): string {
  const file = parseEntityFile(text);
  const records = file.records.map((r) => `${r.id} ${r.kind} “${r.name}” [${r.aliases.join(', ')}]${r.role ? ` (${r.role})` : ''}`);
  const problems = file.problems.map((p) => `${p.code} ${p.severity} “${text.slice(p.span.start, p.span.end).split('\n')[0]}”: ${p.message}`);
  return [...records, ...problems].join('\n');
}

test('the shipped entities.yaml parses without problems and can take a new entry', () => {
  const file = parseEntityFile(readFileSync(join(REPO_ROOT, 'annotations', 'entities.yaml'), 'utf8'));
  assert.deepEqual(file.problems, []);
  assert.ok(file.records.some((r) => r.id === 'jens-stoltenberg' && r.role === 'NATO Secretary General'));
  assert.equal(file.appendOffset, file.text.length);
});

test('entries with a missing field, an unknown kind, a reused id or a reused alias are reported on the entry', () => {
  const text = [
    'entities:',
    '  - id: a',
    '    name: Alpha',
    '    kind: persn',
    '  - id: b',
    '    name: Beta',
    '    kind: person',
    '    aliases: [Bee]',
    '  - id: b',
    '    name: Other Beta',
    '    kind: person',
    '  - id: c',
    '    kind: country',
    '  - id: d',
    '    name: Delta',
    '    kind: organisation',
    '    aliases: [BEE]',
    '',
  ].join('\n');
  assert.equal(
    render(text),
    [
      'b person “Beta” [Bee]',
      'd organisation “Delta” [BEE]',
      'entities.unknown-kind error “id: a”: This entry is ignored: kind “persn” is unknown: use one of person, organisation, country, place, event.',
      'entities.duplicate-id error “id: b”: This entry is ignored: the id b is used by an earlier entry.',
      'entities.invalid-entry error “id: c”: This entry is ignored: `name` is missing.',
      'entities.duplicate-alias warning “id: d”: “BEE” also names b (earlier in the file); mentions written so go to b.',
    ].join('\n'),
  );
});

test('a YAML syntax error or a wrong shape makes the file unwritable, with the problem where it is', () => {
  const broken = parseEntityFile('entities:\n  - id: [a\n    name: A\n');
  assert.equal(broken.writable, false);
  assert.equal(broken.problems[0].code, 'entities.invalid-yaml');
  const wrongShape = parseEntityFile('entities: just text\n');
  assert.deepEqual(
    wrongShape.problems.map((p) => p.code),
    ['entities.invalid-shape'],
  );
  assert.equal(wrongShape.writable, false);
});

test('an appended entry parses back as that entry; the same request gives the same bytes', () => {
  const text = 'entities:\n  - id: a\n    name: Alpha\n    kind: person\n';
  const entry = {
    id: 'ludivine-dedonder',
    name: 'Ludivine Dedonder',
    kind: 'person' as const,
    aliases: ['Dedonder', 'Minister Dedonder'],
    role: 'Minister of Defence',
  };
  const append = getEntityAppendText(parseEntityFile(text), entry);
  assert.ok(!('refused' in append));
  assert.equal(append.offset, text.length);
  const after = text + append.text;
  assert.equal(
    render(after),
    ['a person “Alpha” []', 'ludivine-dedonder person “Ludivine Dedonder” [Dedonder, Minister Dedonder] (Minister of Defence)'].join('\n'),
  );
  assert.deepEqual(getEntityAppendText(parseEntityFile(text), entry), append);
  // An empty or missing file gets the list key too.
  const fresh = getEntityAppendText(parseEntityFile(''), entry);
  assert.ok(!('refused' in fresh) && fresh.text.startsWith('entities:\n  - id: ludivine-dedonder\n'));
});

test('a file that does not parse refuses new entries with the line of the error', () => {
  const refused = getEntityAppendText(parseEntityFile('# knowledge\nentities:\n  - id: [a\n'), { id: 'x', name: 'X', kind: 'person', aliases: [] });
  assert.ok('refused' in refused);
  assert.match(refused.refused, /^annotations\/entities\.yaml cannot take a new entry \(line \d: This YAML does not parse/);
});

test('ids are readable and unique', () => {
  const taken = new Set(['mircea-geoana']);
  assert.equal(
    createEntityId('Mircea Geoană', (id) => taken.has(id)),
    'mircea-geoana-2',
  );
  assert.equal(
    createEntityId('NATO-Ukraine Council', (id) => taken.has(id)),
    'nato-ukraine-council',
  );
});
