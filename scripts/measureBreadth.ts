// How well parsing and entity resolution carry over to other publishers' layouts, on the hand-labelled breadth
// corpus (test/data/breadth/; labels described in its README):
//   npx tsc -p . && node out/scripts/measureBreadth.js [--misses]
// Per publisher and in total, separately for dev (rules may be written against it) and heldout (only measured):
// release titles found exactly on their line; speaker turns found on their line and their labels split right
// (honorific, role, name, question); labelled malformations flagged, and false alarms per 10 releases; people
// on hover (right person, right role listed, its owner written before it allowed: "Ukrainian Defense Minister"); title-only mentions ("the President") resolved to the right person.
// Entities are resolved with annotations/entities.yaml, as the editor does.
// --misses lists what went wrong on dev only: held-out output is not for reading while rules are written.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEntityFile } from '../server/src/annotations/entityFile';
import { normaliseName } from '../server/src/corpus/entities/entityModel';
import { getGazetteer } from '../server/src/corpus/entities/gazetteer';
import { normaliseRole } from '../server/src/corpus/entities/roles';
import { ParsedCorpusFile, Speaker } from '../server/src/corpus/model';
import { parseCorpusFile } from '../server/src/corpus/parse';
import { Corpus } from '../server/src/features/corpus';
import { computeEntityCard } from '../server/src/features/entityCard';
import { EntityIndex } from '../server/src/features/entityIndex';

export const BREADTH_DIR = 'test/data/breadth';
export const SPLITS = ['dev', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

/** Problems the labels cover; web chrome is everywhere and duplicates are cross-file, so neither is labelled. */
const MEASURED_CODES = new Set([
  'release.missing-title',
  'release.missing-source',
  'release.empty-body',
  'release.photo-caption',
  'release.truncated',
  'release.dangling-reference',
  'transcript.inaudible',
]);

interface LabelledTurn {
  line: number;
  label: string;
  honorific: string;
  role: string;
  name: string;
  question: boolean;
}

interface LabelledRelease {
  title: string;
  line: number;
  turns: LabelledTurn[];
  malformations: { code: string; line: number }[];
  mentions: { line: number; text: string; person: string; role: string }[];
  titleOnly: { line: number; text: string; person: string }[];
}

interface LabelFile {
  file: string;
  publisher: string;
  releases: LabelledRelease[];
}

export interface BreadthCounts {
  releases: number;
  titlesFound: number;
  /** Releases the product opens where no labelled title stands (page-kind labels, "Related" links). */
  spuriousTitles: number;
  turns: number;
  turnsFound: number;
  turnsSplitRight: number;
  /** Turns the product finds on lines where no labelled turn starts. */
  spuriousTurns: number;
  malformations: number;
  malformationsFlagged: number;
  falseAlarms: number;
  mentions: number;
  personRight: number;
  /** Mentions whose label names a role: the role must be listed on the hover of the right person. */
  mentionsWithRole: number;
  roleRight: number;
  titleOnly: number;
  titleOnlyRight: number;
}

export interface SplitResult {
  total: BreadthCounts;
  byPublisher: Record<string, BreadthCounts>;
  misses: string[];
}

function emptyCounts(): BreadthCounts {
  return {
    releases: 0,
    titlesFound: 0,
    spuriousTitles: 0,
    turns: 0,
    turnsFound: 0,
    turnsSplitRight: 0,
    spuriousTurns: 0,
    malformations: 0,
    malformationsFlagged: 0,
    falseAlarms: 0,
    mentions: 0,
    personRight: 0,
    mentionsWithRole: 0,
    roleRight: 0,
    titleOnly: 0,
    titleOnlyRight: 0,
  };
}

function addCounts(into: BreadthCounts, from: BreadthCounts): void {
  for (const key of Object.keys(into) as (keyof BreadthCounts)[]) into[key] += from[key];
}

/** A split's label files; none while a split is being written (a new held-out set starts empty or absent). */
export function readBreadthLabels(root: string, split: Split): LabelFile[] {
  const dir = join(root, BREADTH_DIR, split);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.labels.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as LabelFile);
}

export function measureBreadth(root: string, split: Split): SplitResult {
  const labelFiles = readBreadthLabels(root, split);
  const corpus = new Corpus();
  for (const labels of labelFiles) corpus.files.setFile(labels.file, readFileSync(join(root, labels.file), 'utf8'));
  const entities = corpus.entities;
  // As the product runs: with the analysts' knowledge base shipped in the repository (terms of office, publishers).
  entities.setKnowledgeBase([parseEntityFile(readFileSync(join(root, 'annotations', 'entities.yaml'), 'utf8'))]);
  const total = emptyCounts();
  const byPublisher: Record<string, BreadthCounts> = {};
  const misses: string[] = [];
  for (const labels of labelFiles) {
    const text = corpus.files.getFile(labels.file)!.text;
    const counts = measureFile(text, labels, parseCorpusFile(text), corpus, entities, (miss) => misses.push(`${labels.file}:${miss}`));
    addCounts((byPublisher[labels.publisher] ??= emptyCounts()), counts);
    addCounts(total, counts);
  }
  return { total, byPublisher, misses };
}

function measureFile(
  text: string,
  labels: LabelFile,
  parsed: ParsedCorpusFile,
  corpus: Corpus,
  entities: EntityIndex,
  miss: (what: string) => void,
): BreadthCounts {
  const counts = emptyCounts();
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return line;
  };
  const lineText = (line: number) => text.slice(lineStarts[line], (lineStarts[line + 1] ?? text.length + 1) - 1);

  const labelledTitleLines = new Set(labels.releases.map((r) => r.line));
  for (const release of labels.releases) {
    counts.releases++;
    const found = parsed.releases.some((r) => r.title === release.title && lineOf(r.titleSpans[0].start) === release.line);
    if (found) counts.titlesFound++;
    else miss(`${release.line + 1}: title not found “${release.title}”`);
  }
  for (const release of parsed.releases) {
    if (!release.title || labelledTitleLines.has(lineOf(release.titleSpans[0].start))) continue;
    counts.spuriousTitles++;
    miss(`${lineOf(release.titleSpans[0].start) + 1}: spurious title “${release.title}”`);
  }

  const productTurns = new Map(parsed.releases.flatMap((r) => r.turns).map((turn) => [lineOf(turn.labelSpan.start), turn.speaker]));
  const labelledTurns = labels.releases.flatMap((r) => r.turns);
  for (const turn of labelledTurns) {
    counts.turns++;
    const speaker = productTurns.get(turn.line);
    if (!speaker) {
      miss(`${turn.line + 1}: turn not found “${turn.label}”`);
      continue;
    }
    counts.turnsFound++;
    const split = describeSplit(speaker);
    const wanted = describeLabelledSplit(turn);
    if (split === wanted) counts.turnsSplitRight++;
    else miss(`${turn.line + 1}: turn split ${split}, wanted ${wanted}`);
  }
  const labelledTurnLines = new Set(labelledTurns.map((t) => t.line));
  for (const [line, speaker] of productTurns) {
    if (labelledTurnLines.has(line)) continue;
    counts.spuriousTurns++;
    miss(`${line + 1}: spurious turn “${speaker.label}”`);
  }

  // A problem flags a labelled malformation when its span covers the labelled line (a caption from alt text to
  // VIRIN line, a cut sentence from its first line to the cut).
  const problems = parsed.problems
    .filter((p) => MEASURED_CODES.has(p.code))
    .map((p) => ({ code: p.code, line: lineOf(p.span.start), lastLine: lineOf(p.span.end), used: false }));
  for (const wanted of labels.releases.flatMap((r) => r.malformations)) {
    counts.malformations++;
    const match = problems.find((p) => !p.used && p.code === wanted.code && p.line <= wanted.line && wanted.line <= p.lastLine);
    if (match) {
      match.used = true;
      counts.malformationsFlagged++;
    } else miss(`${wanted.line + 1}: not flagged ${wanted.code}`);
  }
  for (const alarm of problems.filter((p) => !p.used)) {
    counts.falseAlarms++;
    miss(`${alarm.line + 1}: false alarm ${alarm.code} “${lineText(alarm.line).slice(0, 60)}”`);
  }

  const personAt = (line: number, written: string) => {
    const start = lineStarts[line] + lineText(line).indexOf(written);
    const end = start + written.length;
    const mention = [...(entities.getFileEntities(labels.file)?.mentions ?? [])].find((m) => m.kind === 'person' && m.span.start < end && start < m.span.end);
    return mention && entities.resolve(mention);
  };
  for (const wanted of labels.releases.flatMap((r) => r.mentions)) {
    counts.mentions++;
    if (wanted.role) counts.mentionsWithRole++;
    const entity = personAt(wanted.line, wanted.text);
    if (!entity || entity.kind !== 'person' || !namesSamePerson(entity.name, wanted.person)) {
      miss(`${wanted.line + 1}: hover on “${wanted.text}” shows ${entity ? `${entity.kind} ${entity.name}` : 'nothing'}, wanted ${wanted.person}`);
      continue;
    }
    counts.personRight++;
    if (!wanted.role) continue;
    const roles = computeEntityCard(corpus, entity).roles.map((r) => r.role);
    if (roles.some((role) => isSameRole(role, wanted.role))) counts.roleRight++;
    else miss(`${wanted.line + 1}: hover on “${wanted.text}” lists roles [${roles.join('; ')}], wanted ${wanted.role}`);
  }
  for (const wanted of labels.releases.flatMap((r) => r.titleOnly)) {
    counts.titleOnly++;
    const entity = personAt(wanted.line, wanted.text);
    if (entity && entity.kind === 'person' && namesSamePerson(entity.name, wanted.person)) counts.titleOnlyRight++;
    else miss(`${wanted.line + 1}: “${wanted.text}” resolves to ${entity ? entity.name : 'nothing'}, wanted ${wanted.person}`);
  }
  return counts;
}

/**
 * The role listed is the one meant, or it with its owner written before it: "Ukrainian Defense Minister" and
 * "UN Secretary-General" state the labelled "Defense Minister" and "Secretary-General" and whose they are.
 */
function isSameRole(listed: string, wanted: string): boolean {
  const [l, w] = [normaliseRole(listed), normaliseRole(wanted)];
  if (l === w) return true;
  const owner = listed.split(/\s+/)[0];
  const isOwner = /^\p{Lu}{2,}$/u.test(owner) || getGazetteer().byFirstWord.has(owner.toLowerCase());
  return isOwner && l === `${normaliseName(owner)} ${w}`;
}

/** Compact split for comparison: case, dots and a leading "the" do not matter ("THE PRESIDENT" is role PRESIDENT). */
function describeSplit(speaker: Speaker): string {
  return formatSplit(speaker.label, speaker.honorific ?? '', speaker.role ?? '', speaker.name ?? '', Boolean(speaker.isQuestion));
}

function describeLabelledSplit(turn: LabelledTurn): string {
  return formatSplit(turn.label, turn.honorific, turn.role, turn.name, turn.question);
}

function formatSplit(label: string, honorific: string, role: string, name: string, question: boolean): string {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\./g, '')
      .replace(/^the\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return `[${norm(label)}] honorific=${norm(honorific)} role=${norm(role)} name=${norm(name)}${question ? ' question' : ''}`;
}

/** Short forms of given names that the corpus uses for the same person ("Joe Biden", "Tony Blinken"). */
const NICKNAMES: Record<string, string> = { joe: 'joseph', tony: 'antony', mike: 'michael', bill: 'william', jim: 'james', bob: 'robert' };

/**
 * The product's name and the labelled full name are the same person when the product's words are all in the
 * full name and include its surname: "Biden" and "Joseph R. Biden, Jr." are; "Jill Biden" and he are not.
 */
function namesSamePerson(found: string, wanted: string): boolean {
  const words = (name: string) =>
    normaliseName(name)
      .replace(/[,.'’]/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1 && !['jr', 'sr', 'ii', 'iii', 'iv'].includes(w))
      .map((w) => NICKNAMES[w] ?? w);
  const foundWords = words(found);
  const wantedWords = words(wanted);
  return foundWords.length > 0 && foundWords.every((w) => wantedWords.includes(w)) && foundWords.includes(wantedWords[wantedWords.length - 1]);
}

/** Wide enough for the longest publisher name (`bundesregierung`), so the columns line up. */
const PUBLISHER_WIDTH = 15;

function ratio(part: number, whole: number): string {
  return whole ? `${part}/${whole} ${((100 * part) / whole).toFixed(0).padStart(3)}%` : '-';
}

function printRow(name: string, c: BreadthCounts): string {
  const cells = [
    name.padEnd(PUBLISHER_WIDTH),
    String(c.releases).padStart(4),
    ratio(c.titlesFound, c.releases).padStart(12),
    String(c.spuriousTitles).padStart(5),
    ratio(c.turnsFound, c.turns).padStart(12),
    ratio(c.turnsSplitRight, c.turns).padStart(12),
    String(c.spuriousTurns).padStart(5),
    ratio(c.malformationsFlagged, c.malformations).padStart(12),
    (c.releases ? ((10 * c.falseAlarms) / c.releases).toFixed(1) : '-').padStart(6),
    ratio(c.personRight, c.mentions).padStart(12),
    ratio(c.roleRight, c.mentionsWithRole).padStart(12),
    ratio(c.titleOnlyRight, c.titleOnly).padStart(12),
  ];
  return cells.join(' ');
}

function printTable(split: Split, result: SplitResult): string {
  const header = [
    'publisher'.padEnd(PUBLISHER_WIDTH),
    'rel'.padStart(4),
    'titles'.padStart(12),
    'spur'.padStart(5),
    'turns'.padStart(12),
    'split right'.padStart(12),
    'spur'.padStart(5),
    'malformed'.padStart(12),
    'FA/10'.padStart(6),
    'hover person'.padStart(12),
    'hover role'.padStart(12),
    'title-only'.padStart(12),
  ].join(' ');
  const rows = Object.keys(result.byPublisher)
    .sort()
    .map((publisher) => printRow(publisher, result.byPublisher[publisher]));
  return [`${split} (${BREADTH_DIR}/${split})`, header, ...rows, printRow('total', result.total)].join('\n');
}

if (require.main === module) {
  const root = resolve(__dirname, '..', '..');
  const results = Object.fromEntries(SPLITS.map((split) => [split, measureBreadth(root, split)])) as Record<Split, SplitResult>;
  for (const split of SPLITS) console.log(`${printTable(split, results[split])}\n`);
  if (process.argv.includes('--misses')) console.log(`dev misses:\n${results.dev.misses.join('\n')}\n`);
  console.log(JSON.stringify(Object.fromEntries(SPLITS.map((split) => [split, { total: results[split].total, byPublisher: results[split].byPublisher }]))));
}
