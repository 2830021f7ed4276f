// npm run bench: the real server (`node dist/server.js --stdio`) on synthetic corpora of 1, 10 and 100 MB written
// to a temporary folder (benchCorpus.ts), as an editor drives it. For each corpus: the scan floor (reading the
// same files and one regex pass, in this run), time to outline-ready (every file parsed) and to fully indexed
// (pressCorpus/status `ready`), cold and warm (a second start that reads the persistent index the first one
// wrote to .cache/press-corpus/), the server's peak RSS, and p50/p99 of each request kind at random positions,
// the kinds shuffled together so no case runs on a JIT the others warmed; the cross-reference figures come from
// benchCrossReferences.ts (index build time and heap share, definition on a recurring passage, a keystroke until
// cross-references show it). Then 30,000 files sharing one release
// against 30,000 distinct ones. Prints tables and one JSON line. Environment: BENCH_SIZES_MB (default
// "1,10,100"), BENCH_REQUESTS (per kind, default 1000), BENCH_CASE_SECONDS (a kind stops after this much
// request time, default 20), BENCH_DUPLICATE_FILES (default 30000; 0 skips), BENCH_TIMEOUT_SECONDS (default 600).

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STATUS_NOTIFICATION, StatusParams } from '../server/src/protocol';
import { LspTestClient } from '../test/support/lspClient';
import { BenchCorpusGenerator, BenchFile, createRandom, NamePosition } from './benchCorpus';
import { createCrossReferenceRequests, IndexCost, measureCrossReferenceIndexes, readBenchFiles } from './benchCrossReferences';

const SIZES_MB = (process.env.BENCH_SIZES_MB ?? '1,10,100').split(',').filter(Boolean).map(Number);
const REQUESTS_PER_KIND = Number(process.env.BENCH_REQUESTS ?? 1000);
const CASE_BUDGET_MS = Number(process.env.BENCH_CASE_SECONDS ?? 20) * 1000;
const DUPLICATE_FILES = Number(process.env.BENCH_DUPLICATE_FILES ?? 30000);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 600) * 1000;
const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
const MB = 1048576;
const AVERAGE_FILE_BYTES = 14000;

interface Timing {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly note?: string;
}

interface CorpusResult {
  readonly label: string;
  readonly corpusMB: number;
  readonly files: number;
  readonly releases: number;
  readonly scanFloorMs: number;
  readonly outlineReadyMs: number;
  readonly fullyIndexedMs: number;
  /** The server's CPU time (every thread, scan workers included) by outline-ready and by fully indexed… */
  readonly outlineReadyCpuMs: number;
  readonly fullyIndexedCpuMs: number;
  /** …and its main thread's alone: what requests compete with. */
  readonly outlineReadyMainCpuMs: number;
  readonly fullyIndexedMainCpuMs: number;
  /** A second start on the same files, with the persistent index the first start wrote. */
  readonly warm: { readonly outlineReadyMs: number; readonly fullyIndexedMs: number; readonly filesFromIndex: number };
  readonly peakRssMB: number;
  readonly requests: Record<string, Timing>;
  readonly crossReferenceIndexes: readonly IndexCost[];
  readonly wallSeconds: number;
}

function now(): number {
  return performance.now();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
}

/** Reads every file and runs one regex pass over it: the least any indexer must spend. */
function measureScanFloor(root: string, files: readonly BenchFile[]): number {
  const started = now();
  let words = 0;
  for (const file of files) words += readFileSync(join(root, file.relativePath), 'utf8').match(/\b\p{Lu}\p{Ll}+\b/gu)?.length ?? 0;
  if (words === 0) throw new Error('the scan floor found no words');
  return now() - started;
}

function readPeakRssMB(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU time a process has used so far, all its threads (those ended included), or its main thread's: user + system, from /proc. */
function readCpuMs(pid: number | undefined, mainThreadOnly = false): number {
  const stat = pid ? readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8') : '';
  const [utime, stime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 13)
    .map(Number);
  return (utime + stime) * 10; // clock ticks of 10 ms (USER_HZ 100 on Linux)
}

interface ServerStart {
  client: LspTestClient;
  outlineReadyMs: number;
  fullyIndexedMs: number;
  outlineReadyCpuMs: number;
  fullyIndexedCpuMs: number;
  outlineReadyMainCpuMs: number;
  fullyIndexedMainCpuMs: number;
  status: StatusParams;
}

/** Starts the server on the folder; resolves with the times to outline-ready and to the first `ready` status. */
async function startServer(root: string): Promise<ServerStart> {
  const started = now();
  const client = await LspTestClient.start(root);
  const ready = new Promise<StatusParams>((resolve) => {
    client.connection.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
      if (status.state === 'ready') resolve(status);
    });
  });
  try {
    await client.waitForLog(/Indexed \d+ corpus files/, TIMEOUT_MS);
    const outlineReadyMs = now() - started;
    const [outlineReadyCpuMs, outlineReadyMainCpuMs] = [readCpuMs(client.pid), readCpuMs(client.pid, true)];
    let timer: NodeJS.Timeout | undefined;
    const status = await Promise.race([
      ready,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not ready within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer)); // a pending timer would keep the bench alive long after its table
    const fullyIndexedMs = now() - started;
    const [fullyIndexedCpuMs, fullyIndexedMainCpuMs] = [readCpuMs(client.pid), readCpuMs(client.pid, true)];
    return { client, outlineReadyMs, fullyIndexedMs, outlineReadyCpuMs, fullyIndexedCpuMs, outlineReadyMainCpuMs, fullyIndexedMainCpuMs, status };
  } catch (error) {
    await client.stop().catch(() => undefined);
    throw error;
  }
}

/** A second start on the corpus: time to outline-ready and fully indexed with the persistent index. */
async function startWarm(root: string): Promise<CorpusResult['warm']> {
  const { client, outlineReadyMs, fullyIndexedMs } = await startServer(root);
  await client.stop();
  const indexedLog = client.logs.find((line) => /Indexed \d+ corpus files/.test(line)) ?? '';
  return { outlineReadyMs, fullyIndexedMs, filesFromIndex: Number(/\((\d+) from the persistent index\)/.exec(indexedLog)?.[1] ?? NaN) };
}

export type RequestKind = () => Promise<string | undefined>;

/** Runs the kinds shuffled together, each up to REQUESTS_PER_KIND times or CASE_BUDGET_MS of request time. */
async function runShuffled(kinds: Record<string, RequestKind>, random: () => number): Promise<Record<string, Timing>> {
  const schedule = Object.keys(kinds).flatMap((name) => Array<string>(REQUESTS_PER_KIND).fill(name));
  for (let i = schedule.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [schedule[i], schedule[j]] = [schedule[j], schedule[i]];
  }
  const samples = new Map<string, number[]>(Object.keys(kinds).map((name) => [name, []]));
  const spent = new Map<string, number>();
  const notes = new Map<string, string>();
  for (const name of schedule) {
    if ((spent.get(name) ?? 0) > CASE_BUDGET_MS) continue;
    const started = now();
    const note = await kinds[name]();
    const elapsed = now() - started;
    samples.get(name)!.push(elapsed);
    spent.set(name, (spent.get(name) ?? 0) + elapsed);
    if (note) notes.set(name, note);
  }
  const timings: Record<string, Timing> = {};
  for (const [name, values] of samples) {
    const sorted = values.sort((a, b) => a - b);
    timings[name] = { n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), note: notes.get(name) };
  }
  return timings;
}

/** A keystroke: insert or delete one character at a random line start; the time until its diagnostics arrive. */
async function openForTyping(client: LspTestClient, root: string, relativePath: string, random: () => number): Promise<RequestKind> {
  const uri = pathToFileURL(join(root, relativePath)).toString();
  const text = readFileSync(join(root, relativePath), 'utf8');
  const lineCount = text.split('\n').length;
  const opened = client.getPublishCount(uri);
  await client.open(uri, text);
  await client.waitForPublishAfter(uri, opened, TIMEOUT_MS);
  let version = 1;
  let pendingDelete: { line: number } | undefined;
  return async () => {
    const line = pendingDelete?.line ?? Math.floor(random() * lineCount);
    const range = pendingDelete
      ? { start: { line, character: 0 }, end: { line, character: 1 } }
      : { start: { line, character: 0 }, end: { line, character: 0 } };
    const change = { range, text: pendingDelete ? '' : 'x' };
    pendingDelete = pendingDelete ? undefined : { line };
    const before = client.getPublishCount(uri);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
    await client.waitForPublishAfter(uri, before, TIMEOUT_MS);
    return undefined;
  };
}

async function benchCorpus(sizeMB: number): Promise<CorpusResult> {
  const wallStarted = now();
  const root = mkdtempSync(join(tmpdir(), `press-corpus-bench-${sizeMB}mb-`));
  const generator = new BenchCorpusGenerator(sizeMB, SEEDS_DIR);
  const random = createRandom(sizeMB * 7919);
  const special = (name: string, mb: number) => generator.writeFile(root, `seeds/${name}.txt`, mb * MB);
  mkdirSync(join(root, 'seeds'), { recursive: true });
  const typing = special('typing-1mb', 1);
  const outlined = sizeMB >= 10 ? special('outline-5mb', 5) : typing;
  const typingBig = sizeMB >= 100 ? special('typing-20mb', 20) : undefined;
  const specials = [typing, outlined, typingBig].filter((f, i, all): f is BenchFile => !!f && all.indexOf(f) === i);
  const specialBytes = specials.reduce((sum, f) => sum + f.bytes, 0);
  const files = [...specials, ...generator.writeCorpus(root, Math.max(sizeMB * MB - specialBytes, (sizeMB * MB) / 2), AVERAGE_FILE_BYTES, 'release-')];
  const corpusMB = files.reduce((sum, f) => sum + f.bytes, 0) / MB;
  const scanFloorMs = measureScanFloor(root, files);

  const { client, status, ...startTimes } = await startServer(root).catch((error) => {
    rmSync(root, { recursive: true, force: true });
    throw error;
  });
  const uriOf = (file: BenchFile) => pathToFileURL(join(root, file.relativePath)).toString();
  const named = files.filter((f) => f.names.length > 0);
  const randomName = (): { file: BenchFile; at: NamePosition } => {
    const file = named[Math.floor(random() * named.length)];
    return { file, at: file.names[Math.floor(random() * file.names.length)] };
  };
  const [mostMentioned] = [...generator.mentionsByName].sort((a, b) => b[1] - a[1])[0];
  const referenceFile = named.find((f) => f.names.some((n) => n.name === mostMentioned))!;
  const referenceAt = referenceFile.names.find((n) => n.name === mostMentioned)!;
  const positionParams = ({ file, at }: { file: BenchFile; at: NamePosition }) => ({
    textDocument: { uri: uriOf(file) },
    position: { line: at.line, character: at.character },
  });
  const kinds: Record<string, RequestKind> = {
    hover: async () => void (await client.request('textDocument/hover', positionParams(randomName()))),
    definition: async () => void (await client.request('textDocument/definition', positionParams(randomName()))),
    documentSymbol: async () => {
      await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(outlined) } });
      return `${(outlined.bytes / MB).toFixed(0)} MB file`;
    },
    references: async () => {
      const locations = await client.request<unknown[] | null>('textDocument/references', {
        ...positionParams({ file: referenceFile, at: referenceAt }),
        context: { includeDeclaration: false },
      });
      return `${mostMentioned}: ${locations?.length ?? 0} locations`;
    },
    workspaceSymbol: async () => void (await client.request('workspace/symbol', { query: randomName().at.name.split(' ')[1].slice(0, 4) })),
    'keystroke → diagnostics, 1 MB file': await openForTyping(client, root, typing.relativePath, random),
    ...(typingBig ? { 'keystroke → diagnostics, 20 MB file': await openForTyping(client, root, typingBig.relativePath, random) } : {}),
    ...(await createCrossReferenceRequests(client, root, files, generator.talkingPointUses, random, TIMEOUT_MS)),
  };
  const requests = await runShuffled(kinds, random);
  const peakRssMB = readPeakRssMB(client.pid);
  await client.stop();
  const warm = await startWarm(root);
  const crossReferenceIndexes = measureCrossReferenceIndexes(readBenchFiles(root, files)).costs;
  rmSync(root, { recursive: true, force: true });
  return {
    label: `${sizeMB} MB`,
    corpusMB,
    files: files.length,
    releases: status.releases,
    scanFloorMs,
    ...startTimes,
    warm,
    peakRssMB,
    requests,
    crossReferenceIndexes,
    wallSeconds: (now() - wallStarted) / 1000,
  };
}

/** Time to fully indexed for `count` one-release files, all copies of one release or all distinct. */
async function benchDuplicates(count: number, shareOneRelease: boolean): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-bench-dup-'));
  mkdirSync(join(root, 'seeds'));
  const generator = new BenchCorpusGenerator(count + (shareOneRelease ? 1 : 2), SEEDS_DIR);
  const shared = generator.generateFile(400).text;
  for (let i = 0; i < count; i++)
    writeFileSync(join(root, 'seeds', `${String(i).padStart(5, '0')}.txt`), shareOneRelease ? shared : generator.generateFile(400).text);
  try {
    const { client, fullyIndexedMs } = await startServer(root);
    await client.stop();
    return fullyIndexedMs;
  } catch {
    return NaN; // not ready within BENCH_TIMEOUT_SECONDS
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function printCorpusTable(results: readonly CorpusResult[]): void {
  const rows: string[][] = [['', ...results.map((r) => r.label)]];
  const row = (name: string, cell: (r: CorpusResult) => string) => rows.push([name, ...results.map(cell)]);
  row('corpus', (r) => `${r.corpusMB.toFixed(1)} MB, ${r.files} files, ${r.releases} releases`);
  row('scan floor (read + one regex)', (r) => `${(r.scanFloorMs / 1000).toFixed(2)} s`);
  row('outline-ready, cold', (r) => `${(r.outlineReadyMs / 1000).toFixed(2)} s (${(r.outlineReadyMs / r.scanFloorMs).toFixed(0)}× floor)`);
  row('fully indexed, cold', (r) => `${(r.fullyIndexedMs / 1000).toFixed(2)} s (${(r.fullyIndexedMs / r.scanFloorMs).toFixed(0)}× floor)`);
  row('outline-ready, warm', (r) => `${(r.warm.outlineReadyMs / 1000).toFixed(2)} s (${(r.warm.outlineReadyMs / r.scanFloorMs).toFixed(1)}× floor)`);
  row('fully indexed, warm', (r) => `${(r.warm.fullyIndexedMs / 1000).toFixed(2)} s (${(r.warm.fullyIndexedMs / r.scanFloorMs).toFixed(1)}× floor)`);
  row('files from the persistent index, warm', (r) => `${r.warm.filesFromIndex} of ${r.files}`);
  // CPU time over wall time: how many cores the server kept busy (at most the machine's, less when shared).
  const cpu = (cpuMs: number, mainMs: number, wallMs: number) =>
    `${(cpuMs / 1000).toFixed(2)} s (${(cpuMs / wallMs).toFixed(2)} cores), main thread ${(mainMs / 1000).toFixed(2)} s`;
  row('server CPU by outline-ready', (r) => cpu(r.outlineReadyCpuMs, r.outlineReadyMainCpuMs, r.outlineReadyMs));
  row('server CPU by fully indexed', (r) => cpu(r.fullyIndexedCpuMs, r.fullyIndexedMainCpuMs, r.fullyIndexedMs));
  row('peak RSS', (r) => `${r.peakRssMB.toFixed(0)} MB`);
  const kindsInOrder = [...new Set(results.flatMap((r) => Object.keys(r.requests)))];
  for (const kind of kindsInOrder) {
    row(`${kind} p50 / p99`, (r) => {
      const timing = r.requests[kind];
      return timing ? `${timing.p50.toFixed(1)} / ${timing.p99.toFixed(1)} ms (n=${timing.n}${timing.note ? `, ${timing.note}` : ''})` : '';
    });
  }
  for (const [i, { name }] of (results[0]?.crossReferenceIndexes ?? []).entries()) {
    row(`${name}: build, heap`, ({ crossReferenceIndexes: { [i]: cost } }) =>
      cost ? `${(cost.buildMs / 1000).toFixed(2)} s, +${cost.heapMB.toFixed(0)} MB (${(cost.heapShare * 100).toFixed(0)} % of the indexed corpus's heap)` : '',
    );
  }
  row('bench wall time', (r) => `${r.wallSeconds.toFixed(0)} s`);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}

async function main(): Promise<void> {
  const results: CorpusResult[] = [];
  const failures: string[] = [];
  for (const sizeMB of SIZES_MB) {
    try {
      results.push(await benchCorpus(sizeMB));
      console.error(`bench: ${sizeMB} MB done in ${results[results.length - 1].wallSeconds.toFixed(0)} s: ${JSON.stringify(results[results.length - 1])}`);
    } catch (error) {
      failures.push(`${sizeMB} MB: ${error instanceof Error ? error.message : String(error)}`);
      console.error(`bench: ${failures[failures.length - 1]}`);
    }
  }
  printCorpusTable(results);
  for (const failure of failures) console.log(`FAILED ${failure}`);
  let duplicates: { files: number; distinctMs: number; sharedMs: number } | undefined;
  if (DUPLICATE_FILES > 0) {
    const distinctMs = await benchDuplicates(DUPLICATE_FILES, false);
    const sharedMs = await benchDuplicates(DUPLICATE_FILES, true);
    duplicates = { files: DUPLICATE_FILES, distinctMs, sharedMs };
    const seconds = (ms: number) => (Number.isNaN(ms) ? `not ready in ${TIMEOUT_MS / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
    console.log(
      `\n${DUPLICATE_FILES} files fully indexed: distinct ${seconds(distinctMs)}, sharing one release ${seconds(sharedMs)} (${(sharedMs / distinctMs).toFixed(2)}×)`,
    );
  }
  console.log(JSON.stringify({ corpora: results, failures, duplicates }));
}

void main();
