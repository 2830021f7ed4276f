// Precision and recall of person, organisation and country mentions on the hand-checked sample of the seeds
// (test/data/entity-labels.json; how it was made: docs/entities.md):
//   npm run measure:entities
// A predicted mention counts as right when it overlaps a labelled mention of the same kind (one-to-one, in text
// order); boundaries may differ ("Supreme Headquarters" for "Supreme Headquarters Allied Powers Europe").
// Two runs: recognition rules alone, and with annotations/entities.yaml (analysts' aliases name more words).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEntityFile } from '../server/src/annotations/entityFile';
import { getReadSpans } from '../server/src/corpus/entities/recognize';
import { Span } from '../server/src/corpus/model';
import { CorpusIndex } from '../server/src/features/corpusIndex';
import { EntityIndex } from '../server/src/features/entityIndex';

export const MEASURED_KINDS = ['person', 'organisation', 'country'] as const;
type MeasuredKind = (typeof MEASURED_KINDS)[number];

interface LabelFile {
  releases: { file: string; title: string; mentions: [string, MeasuredKind][] }[];
}

export interface KindScore {
  kind: MeasuredKind;
  labelled: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

/** The seeds sample, labelled while the rules were written. */
export const SEED_LABELS = 'test/data/entity-labels.json';
/** Releases in other publishers' styles, labelled before the recogniser first ran on them. */
export const HELD_OUT_LABELS = 'test/data/heldout/labels.json';

export function measureEntityRecognition(
  root: string,
  labelFile: string,
  withKnowledgeBase: boolean,
): { releases: number; scores: KindScore[]; misses: string[] } {
  const labels = JSON.parse(readFileSync(join(root, labelFile), 'utf8')) as LabelFile;
  const corpus = new CorpusIndex();
  for (const file of new Set(labels.releases.map((r) => r.file))) corpus.setFile(file, readFileSync(join(root, file), 'utf8'));
  const entities = new EntityIndex(corpus);
  if (withKnowledgeBase) entities.setKnowledgeBase([parseEntityFile(readFileSync(join(root, 'annotations', 'entities.yaml'), 'utf8'))]);
  const counts = new Map(MEASURED_KINDS.map((kind) => [kind, { labelled: 0, predicted: 0, correct: 0 }]));
  const misses: string[] = [];
  for (const labelled of labels.releases) {
    const file = corpus.getFile(labelled.file)!;
    const releaseIndex = file.parsed.releases.findIndex((r) => r.title === labelled.title);
    if (releaseIndex < 0) throw new Error(`${labelled.file}: no release titled “${labelled.title}”`);
    const gold = locateLabels(file.text, getReadSpans(file.parsed.releases[releaseIndex]), labelled.mentions, labelled.title);
    const predicted = [...(entities.getFileEntities(labelled.file)?.mentions ?? [])].flatMap((mention) => {
      const kind = entities.resolve(mention)?.kind;
      return mention.releaseIndex === releaseIndex && kind && (MEASURED_KINDS as readonly string[]).includes(kind)
        ? [{ span: mention.span, kind: kind as MeasuredKind, used: false }]
        : [];
    });
    for (const p of predicted) counts.get(p.kind)!.predicted++;
    for (const g of gold) {
      counts.get(g.kind)!.labelled++;
      const match = predicted.find((p) => !p.used && p.kind === g.kind && p.span.start < g.span.end && g.span.start < p.span.end);
      if (match) {
        match.used = true;
        counts.get(g.kind)!.correct++;
      } else {
        misses.push(`missed ${g.kind} “${g.text}” in ${labelled.file}`);
      }
    }
    for (const p of predicted.filter((p) => !p.used)) misses.push(`wrong ${p.kind} “${file.text.slice(p.span.start, p.span.end)}” in ${labelled.file}`);
  }
  const scores = MEASURED_KINDS.map((kind) => {
    const c = counts.get(kind)!;
    return { kind, ...c, precision: c.predicted ? c.correct / c.predicted : 1, recall: c.labelled ? c.correct / c.labelled : 1 };
  });
  return { releases: labels.releases.length, scores, misses };
}

/** Finds each labelled text in the read spans, in order: labels follow the text. */
function locateLabels(
  text: string,
  spans: readonly Span[],
  mentions: readonly [string, MeasuredKind][],
  title: string,
): { span: Span; kind: MeasuredKind; text: string }[] {
  let spanIndex = 0;
  let from = spans[0]?.start ?? 0;
  return mentions.map(([wanted, kind]) => {
    for (; spanIndex < spans.length; spanIndex++) {
      const span = spans[spanIndex];
      const at = findWord(text, wanted, Math.max(from, span.start), span.end);
      if (at >= 0) {
        from = at + wanted.length;
        return { span: { start: at, end: at + wanted.length }, kind, text: wanted };
      }
    }
    throw new Error(`label “${wanted}” not found in order in “${title}”`);
  });
}

function findWord(text: string, word: string, from: number, end: number): number {
  for (let at = text.indexOf(word, from); at >= 0 && at + word.length <= end; at = text.indexOf(word, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? '')) return at;
  }
  return -1;
}

function printTable(title: string, scores: readonly KindScore[]): string {
  const rows = scores.map(
    (s) =>
      `${s.kind.padEnd(13)} ${String(s.labelled).padStart(8)} ${String(s.predicted).padStart(10)} ${String(s.correct).padStart(8)} ${s.precision.toFixed(3).padStart(10)} ${s.recall.toFixed(3).padStart(7)}`,
  );
  return [
    title,
    `${'kind'.padEnd(13)} ${'labelled'.padStart(8)} ${'predicted'.padStart(10)} ${'correct'.padStart(8)} ${'precision'.padStart(10)} ${'recall'.padStart(7)}`,
    ...rows,
  ].join('\n');
}

if (require.main === module) {
  const root = resolve(__dirname, '..', '..');
  const runs = {
    seedsRules: measureEntityRecognition(root, SEED_LABELS, false),
    seedsWithKnowledgeBase: measureEntityRecognition(root, SEED_LABELS, true),
    heldOutRules: measureEntityRecognition(root, HELD_OUT_LABELS, false),
  };
  console.log(printTable(`Seeds, rules alone (${runs.seedsRules.releases} releases, ${SEED_LABELS})`, runs.seedsRules.scores));
  console.log();
  console.log(printTable('Seeds, with annotations/entities.yaml', runs.seedsWithKnowledgeBase.scores));
  console.log();
  console.log(printTable(`Held out, rules alone (${runs.heldOutRules.releases} releases, ${HELD_OUT_LABELS})`, runs.heldOutRules.scores));
  if (process.argv.includes('--misses')) console.log(['', ...runs.seedsRules.misses, ...runs.heldOutRules.misses].join('\n'));
  console.log();
  console.log(JSON.stringify(Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.scores]))));
}
