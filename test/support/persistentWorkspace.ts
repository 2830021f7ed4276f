// A workspace started on the seeds with a persistent index in a folder, as the persistent-index tests start it
// again and again: what each start computed afresh, and every answer a user sees, printed for comparison.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printMention } from '../../server/src/corpus/entities/entityModel';
import { printParsedCorpusFile } from '../../server/src/corpus/print';
import { CorpusWorkspace } from '../../server/src/engine/corpusWorkspace';
import { MemoryHost } from '../../server/src/engine/memoryHost';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { computeFileProblems } from '../../server/src/features/diagnostics';
import { PassageOccurrence } from '../../server/src/features/passageIndex';
import { encodeCacheEntry, readCachePayload, verifyCacheEntry } from '../../server/src/host/cacheEntryCodec';
import { DiskCacheStore } from '../../server/src/host/diskCache';
import { REPO_ROOT } from './lspClient';

export const ROOT = 'file:///w';
export const SEEDS = readdirSync(join(REPO_ROOT, 'seeds')).filter((name) => name.endsWith('.txt'));
export const FORMAT = '1:test';

/** The seeds, and a copy of the first with one more line end (a text of its own whose releases duplicates finds). */
export function seedFiles(): Record<string, string> {
  const files = Object.fromEntries(SEEDS.map((name) => [`${ROOT}/seeds/${name}`, readFileSync(join(REPO_ROOT, 'seeds', name), 'utf8')]));
  return { ...files, [`${ROOT}/seeds/copy-of-${SEEDS[0]}`]: `${files[`${ROOT}/seeds/${SEEDS[0]}`]}\n` };
}
export const FILES = SEEDS.length + 1;

/** Starts a workspace on the files with a store in `cacheFolder`, scans, brings every index up to date. */
export async function start(files: Record<string, string>, cacheFolder: string | undefined, formatVersion = FORMAT) {
  const store = cacheFolder === undefined ? undefined : new DiskCacheStore(cacheFolder, formatVersion, cacheFolder);
  const workspace = new CorpusWorkspace(new MemoryHost(files), [ROOT], DEFAULT_SETTINGS, undefined, undefined, store);
  // Files each stored index summarised afresh (the others it decoded from the store).
  let recognised = 0;
  let sentencesFound = 0;
  let bandsHashed = 0;
  let fingerprinted = 0;
  const { entities, passages, nearPassages, duplicates, related } = workspace.corpus;
  const [recognise, findSentences, hashBands, fingerprint] = [
    entities.summarise.bind(entities),
    passages.summarise.bind(passages),
    nearPassages.summarise.bind(nearPassages),
    duplicates.summarise.bind(duplicates),
  ];
  entities.summarise = (file, previous) => (recognised++, recognise(file, previous));
  passages.summarise = (file, previous) => (sentencesFound++, findSentences(file, previous));
  nearPassages.summarise = (file) => (bandsHashed++, hashBands(file));
  duplicates.summarise = (file) => (fingerprinted++, fingerprint(file));
  // Files whose rows were added to the tables one by one (none when the tables came whole from the snapshot).
  let rowsAdded = 0;
  for (const index of [entities, passages, nearPassages, related] as { add(uri: string, summary: unknown): void }[]) {
    const add = index.add.bind(index);
    index.add = (uri, summary) => (rowsAdded++, add(uri, summary));
  }
  const scan = await workspace.scan();
  workspace.refreshAll();
  await workspace.flushPersistentIndex();
  workspace.dispose();
  return { workspace, scan, recognised, sentencesFound, bandsHashed, fingerprinted, rowsAdded, answers: printAnswers(workspace) };
}

/** What a user sees of every file: releases and problems, and each mention with the entity it resolves to. */
export function printAnswers(workspace: CorpusWorkspace): string {
  return [...workspace.corpus.files.getFiles()]
    .sort((a, b) => a.uri.localeCompare(b.uri))
    .map((file) => {
      const mentions = [...(workspace.corpus.entities.getFileEntities(file.uri)?.mentions ?? [])];
      const { entities } = workspace.corpus;
      // Each mention's entity with its card's facts (hover) and its number of references, read from the corpus tables.
      const resolved = mentions.map((m) => {
        const id = entities.resolve(m)?.id;
        const card = id === undefined ? '-' : `${id} ${JSON.stringify(entities.getEntityFacts(id, 3))} ${entities.findReferences(id).length} references`;
        return `${printMention(file.text, m)} = ${card}`;
      });
      const sentences = file.parsed.releases.flatMap((_, i) => workspace.corpus.passages.getSentences(file.uri, i));
      // Where each sentence's copies are, in the order the tables give them (a near copy with its similarity).
      const at = (occurrence: PassageOccurrence) => `${occurrence.uri}#${occurrence.releaseIndex}@${occurrence.span.start}`;
      const copies = sentences.map((s) => {
        const verbatim = workspace.corpus.passages.findVerbatimCopies(s).map(at);
        const near = workspace.corpus.nearPassages.findNearCopies(file.uri, s.span).map((copy) => `${at(copy.sentence)} ${JSON.stringify(copy.similarity)}`);
        return `${s.span.start}-${s.span.end}: verbatim ${verbatim.join(', ')}; near ${near.join(', ')}`;
      });
      // The releases sharing a facet with each release (related releases), in the order their postings hold them.
      const related = file.parsed.releases.map((_, i) => {
        const facets = workspace.corpus.related.getFacets(file.uri, i);
        const candidates = facets ? [...workspace.corpus.related.findCandidates(facets)] : [];
        return `related ${i}: ${candidates.map((c) => `${c.uri}#${c.releaseIndex}`).join(' ')}`;
      });
      const duplicates = workspace.corpus.duplicates
        .findDuplicatesInFile(file.uri)
        .map((d) => `${d.releaseIndex}: ${d.copy.kind} of ${d.copy.uri}#${d.copy.releaseIndex}`);
      // Whether a summary took longer than its budget depends on the machine's load at the time: compared apart.
      const problems = computeFileProblems(workspace.view, file.uri)
        .filter((p) => p.code !== 'file.over-budget')
        .map((p) => `${p.code} ${p.span.start}-${p.span.end}`);
      return [file.uri, printParsedCorpusFile(file.text, file.parsed), ...resolved, ...copies, ...related, ...duplicates, ...problems].join('\n');
    })
    .concat(printEntityAnswers(workspace))
    .join('\n\n');
}

/** Workspace symbols for a few queries, and every reference of each entity they find, in the order given. */
function printEntityAnswers(workspace: CorpusWorkspace): string[] {
  const { entities } = workspace.corpus;
  const found = ['', 'a', 'nato', 'minister'].flatMap((query) => entities.findEntities(query, 40));
  const symbols = found.map(({ entity, mentions, first }) => `${entity.id} ${entity.name} ${mentions} ${first?.uri}@${first?.mention.span.start}`);
  const references = [...new Set(found.map(({ entity }) => entity.id))].map(
    (id) =>
      `${id}: ${entities
        .findReferences(id)
        .map(({ uri, mention }) => `${uri}@${mention.span.start}`)
        .join(' ')}`,
  );
  return [symbols.join('\n'), references.join('\n')];
}

/** Files an index skipped for taking longer than its time budget. */
export function overBudgetFiles(workspace: CorpusWorkspace): string[] {
  return [...workspace.corpus.files.getFiles()].filter((file) => workspace.corpus.findOverBudget(file.uri).length > 0).map((file) => file.uri);
}

export function entryPaths(cacheFolder: string): string[] {
  const versions = readdirSync(cacheFolder).filter((name) => name !== '.gitignore');
  return versions.flatMap((version) => readdirSync(join(cacheFolder, version)).map((name) => join(cacheFolder, version, name)));
}

/** Rewrites every stored summary of one index (its entries pass every check of the store: they are planted). */
export function rewriteSummaries(cache: string, part: string, rewrite: (stored: { data: unknown }) => unknown): void {
  for (const path of entryPaths(cache).filter((p) => p.endsWith(`.${part}`))) {
    const key = path.slice(path.lastIndexOf('/') + 1).split('.')[0];
    const stored = readCachePayload(verifyCacheEntry(readFileSync(path), { formatVersion: FORMAT, key, part })!) as { data: unknown };
    writeFileSync(path, encodeCacheEntry({ formatVersion: FORMAT, key, part }, rewrite(stored)));
  }
}
