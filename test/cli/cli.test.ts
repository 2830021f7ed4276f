// The `press-corpus` command line on the seeds, as a CI job or an analyst runs it: golden outputs for each
// command and format, exit codes, SARIF validated against its schema, and tags exported as W3C annotations and
// imported back (astral characters included) to the same passages.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createAnchor } from '../../server/src/annotations/anchoring';
import { printNewTagFile } from '../../server/src/annotations/tagFileEdits';
import { checkWebAnnotationModel, createSarifValidator } from '../support/exchangeValidators';
import { createTestWorkspace, REPO_ROOT } from '../support/lspClient';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const GOLDEN = join(REPO_ROOT, 'test', 'cli', 'golden');
const workspace = createTestWorkspace();
after(() => workspace.dispose());

function run(args: string[], cwd = workspace.root): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [CLI, ...args, '--quiet'], { cwd, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function assertGolden(name: string, actual: string): void {
  assert.equal(actual, readFileSync(join(GOLDEN, name), 'utf8'), `output differs from test/cli/golden/${name}`);
}

test('check prints every problem of the seeds with its place, then a summary; exit 0 below --fail-on', () => {
  const result = run(['check']);
  assertGolden('check.txt', result.stdout);
  assert.equal(result.status, 0);
  assert.equal(run(['check', '--fail-on', 'warning']).status, 1);
  assert.equal(run(['check', 'seeds/001_c663de886b0de6a8.txt', '--fail-on', 'warning']).status, 0, 'a file without problems passes');
});

test('check --format json lists the same problems with docs links; --format sarif is valid SARIF 2.1.0', () => {
  const json = JSON.parse(run(['check', '--format', 'json']).stdout);
  assert.equal(json.problems.length, 16);
  assert.deepEqual(json.summary, { problems: 16, errors: 0, warnings: 12, information: 4, hints: 0, files: 4 });
  assert.match(json.problems[0].helpUri, /docs\/diagnostics\.md#release-dangling-reference$/);
  const sarif = JSON.parse(run(['check', '--format', 'sarif']).stdout);
  const validate = createSarifValidator();
  assert.ok(validate(sarif as object), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(sarif.runs[0].results.length, 16);
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'seeds/000_248d20a5422f2a6b.txt');
});

test('usage errors exit 2 with the reason', () => {
  for (const args of [
    ['check', '--format', 'xml'],
    ['check', '--fail-on', 'info'],
    ['frobnicate'],
    ['check', '--no-such-flag'],
    ['outline'],
    ['check', 'nowhere/'],
  ]) {
    const result = run(args);
    assert.equal(result.status, 2, `${args.join(' ')} → ${result.stderr}`);
    assert.match(result.stderr, /^press-corpus: /);
  }
  assert.match(run(['--help']).stdout, /Usage: press-corpus COMMAND/);
  assert.match(run(['tags', '--help']).stdout, /tags export --format w3c\|csv\|jsonl/);
});

test('outline and releases show the releases as the editor does', () => {
  assertGolden('outline-003.txt', run(['outline', 'seeds/003_d0123674c22c2241.txt']).stdout);
  assertGolden('releases.txt', run(['releases']).stdout);
  const releases = JSON.parse(run(['releases', 'seeds/001_c663de886b0de6a8.txt', '--json']).stdout);
  assert.equal(releases.length, 9);
  assert.deepEqual(Object.keys(releases[0]).sort(), ['date', 'endLine', 'file', 'kind', 'source', 'startLine', 'title']);
});

test('entities and mentions: who the corpus names, and where', () => {
  const entities = JSON.parse(run(['entities', '--json']).stdout) as { name: string; kind: string; mentions: number; releases: number }[];
  const stoltenberg = entities.find((e) => e.name === 'Jens Stoltenberg')!;
  assert.equal(stoltenberg.kind, 'person');
  assert.ok(stoltenberg.mentions >= 50 && stoltenberg.releases >= 15, JSON.stringify(stoltenberg));
  assert.ok(
    entities.every((e, i) => i === 0 || entities[i - 1].mentions >= e.mentions),
    'most mentioned first',
  );
  assert.ok(
    entities.some((e) => e.name === 'NATO' && e.kind === 'organisation'),
    'an organisation known by its abbreviation is named as written',
  );
  const mentions = run(['mentions', 'Zelenskyy']);
  assert.equal(mentions.status, 0);
  assert.ok(
    mentions.stdout.split('\n').every((line) => line === '' || /^seeds\/00[03]_\w+\.txt:\d+:\d+\t/.test(line)),
    mentions.stdout,
  );
  assert.equal(run(['mentions', 'Nobody Atall']).status, 1);
});

test('tags: listed with their place, exported as W3C / CSV / JSON lines, imported back to the same passages', () => {
  const root = join(workspace.root, 'astral');
  const text = 'Statement on the summit 🇺🇦\n\nSource: NATO\n\nAllies met in 𠀋 Vilnius 🎉 and agreed to “stand with Ukraine” for as long as it takes.\n';
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'annotations'));
  writeFileSync(join(root, 'seeds', 'summit.txt'), text);
  const spans = ['Vilnius 🎉', 'stand with Ukraine'].map((quote) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length }));
  const records = spans.map((span, i) => ({
    id: `id${i}`,
    tags: i ? ['policy/ukraine'] : ['place'],
    note: i ? 'Talking point' : '',
    release: 'Statement on the summit 🇺🇦',
    anchor: createAnchor(text, span),
  }));
  writeFileSync(join(root, 'annotations', 'summit.yaml'), printNewTagFile('seeds/summit.txt', records));

  const listed = run(['tags', 'list'], root);
  assert.equal(
    listed.stdout,
    'seeds/summit.txt:5:18\texact\t#place\t“Vilnius 🎉”\nseeds/summit.txt:5:44\texact\t#policy/ukraine\t“stand with Ukraine”\tTalking point\n',
  );
  const w3c = run(['tags', 'export', '--format', 'w3c'], root).stdout;
  assert.deepEqual(checkWebAnnotationModel(JSON.parse(w3c)), []);
  const positions = JSON.parse(w3c).first.items.map(
    (a: { target: { selector: { type: string; start: number }[] } }) => a.target.selector.find((s) => s.type === 'TextPositionSelector')!.start,
  );
  assert.deepEqual(positions, [[...text.slice(0, spans[0].start)].length, [...text.slice(0, spans[1].start)].length], 'code points, not UTF-16 units');
  assert.equal(
    run(['tags', 'export', '--format', 'csv'], root).stdout.split('\r\n')[0],
    'tag,id,corpusFile,release,status,exact,note,start,end,author,created,updated',
  );
  assert.equal(run(['tags', 'export', '--format', 'jsonl', '--tag', 'place'], root).stdout.trim().split('\n').length, 1);

  // A fresh copy without tags imports the export and lists the same passages.
  writeFileSync(join(root, 'export.jsonld'), w3c);
  rmSync(join(root, 'annotations'), { recursive: true });
  const imported = run(['tags', 'import', 'export.jsonld'], root);
  assert.equal(imported.status, 0, imported.stderr);
  assert.deepEqual(
    run(['tags', 'list'], root)
      .stdout.split('\n')
      .map((line) => line.split('\t').slice(0, 1).concat(line.split('\t').slice(2)).join('\t')),
    listed.stdout.split('\n').map((line) => line.split('\t').slice(0, 1).concat(line.split('\t').slice(2)).join('\t')),
  );
  assert.match(run(['tags', 'import', 'export.jsonld'], root).stderr, /imported 0 annotations, 2 already present, 0 not anchored/);
});

test('tags import reports each annotation it cannot anchor, and exits 1', () => {
  const root = join(workspace.root, 'astral');
  writeFileSync(
    join(root, 'other.jsonld'),
    JSON.stringify([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'x',
        type: 'Annotation',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'gone' }],
        target: { source: 'seeds/summit.txt', selector: { type: 'TextQuoteSelector', exact: 'words that are not there' } },
      },
    ]),
  );
  const result = run(['tags', 'import', 'other.jsonld', '--dry-run'], root);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /annotation 0: “words that are not there” is not in seeds\/summit\.txt/);
});

test('tags list --state / --author filter; tags accept re-anchors moved tags through the tag store, anchors only', () => {
  const root = join(workspace.root, 'states');
  const text = 'Statement on energy\n\nSource: NATO\n\nAllies discussed oil supplies today.\nThey agreed on gas storage rules.\n';
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'annotations'));
  const span = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  const records = [
    {
      id: 'oil22222',
      tags: ['energy/oil'],
      note: '',
      release: 'Statement on energy',
      author: 'M. Kovalenko',
      created: '2026-11-30',
      anchor: createAnchor(text, span('Allies discussed oil supplies today.')),
    },
    {
      id: 'gas22222',
      tags: ['energy/gas'],
      note: '',
      release: 'Statement on energy',
      author: 'A. Lindqvist',
      created: '2026-11-30',
      anchor: createAnchor(text, span('They agreed on gas storage rules.')),
    },
  ];
  writeFileSync(join(root, 'annotations', 'energy.yaml'), printNewTagFile('seeds/energy.txt', records));
  // A paragraph inserted above moves both; the second sentence is also reworded (fuzzy).
  writeFileSync(
    join(root, 'seeds', 'energy.txt'),
    text
      .replace('Allies discussed', 'A new first paragraph.\n\nAllies discussed')
      .replace('They agreed on gas storage rules.', 'They agreed on new gas storage rules.'),
  );

  assert.equal(run(['tags', 'list', '--state', 'moved'], root).stdout, 'seeds/energy.txt:7:1\tmoved\t#energy/oil\t“Allies discussed oil supplies today.”\n');
  assert.match(run(['tags', 'list', '--state', 'fuzzy'], root).stdout, /^seeds\/energy\.txt:8:1\tfuzzy 8\d %\t#energy\/gas\t/);
  assert.deepEqual(
    JSON.parse(run(['tags', 'list', '--author', 'a. lindqvist', '--json'], root).stdout).map((row: { id: string }) => row.id),
    ['gas22222'],
  );
  assert.equal(run(['tags', 'list', '--state', 'lost'], root).status, 2);

  const before = readFileSync(join(root, 'annotations', 'energy.yaml'), 'utf8');
  const accepted = run(['tags', 'accept'], root);
  assert.equal(accepted.status, 0, accepted.stderr);
  assert.equal(accepted.stdout, 'annotations/energy.yaml\t1 anchor accepted\n');
  const after = readFileSync(join(root, 'annotations', 'energy.yaml'), 'utf8');
  const withoutAnchors = (yaml: string) =>
    yaml
      .split('\n')
      .filter((line) => !/^\s+(exact|prefix|suffix|start|end|updated):/.test(line))
      .join('\n');
  assert.equal(withoutAnchors(after), withoutAnchors(before), 'only anchor and updated lines change');
  assert.equal(
    run(['tags', 'list', '--state', 'exact'], root).stdout.split('\n')[0],
    'seeds/energy.txt:7:1\texact\t#energy/oil\t“Allies discussed oil supplies today.”',
  );
  assert.match(run(['tags', 'list', '--state', 'fuzzy'], root).stdout, /#energy\/gas/, 'fuzzy tags are accepted only when asked for');
  assert.equal(run(['tags', 'accept', '--state', 'exact,moved,fuzzy', 'seeds/energy.txt'], root).stdout, 'annotations/energy.yaml\t1 anchor accepted\n');
  assert.equal(run(['tags', 'list', '--state', 'fuzzy,moved,orphaned'], root).stdout, '');
  assert.equal(run(['tags', 'accept'], root).stdout, '', 'accepting twice changes nothing');
});
