// What a big file costs through the real server (`node dist/server.js --stdio`), as an editor drives it: a folder
// with one generated 5 MB file (the bench's outline case) and one 20 MB file (the bench's big typing case, which
// the bench builds only with its 100 MB corpus), then
//   - documentSymbol of the 5 MB file: the first request, then repeats (editors ask again on every focus change);
//   - keystroke → diagnostics in the 20 MB file: a character typed at a random line start, then removed, each
//     timed from didChange until the file's diagnostics are published.
// Each request is timed on the wall clock, round trip; the server's CPU time (from /proc) over all repeats is
// printed per request, which is the server's share of the round trip on a loaded machine.
// `node out/scripts/measureBigFileRequests.js [--before DIR]` (DIR: another build's dist/ folder, measured in the
// same run on the same files). Environment: BIG_OUTLINE_MB (default 5), BIG_TYPING_MB (default 20), BIG_OUTLINES
// (repeats, default 100), BIG_KEYSTROKES (default 200).

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient, SERVER_PATH } from '../test/support/lspClient';
import { BenchCorpusGenerator, createRandom } from './benchCorpus';

const OUTLINE_MB = Number(process.env.BIG_OUTLINE_MB ?? 5);
const TYPING_MB = Number(process.env.BIG_TYPING_MB ?? 20);
const OUTLINES = Number(process.env.BIG_OUTLINES ?? 100);
const KEYSTROKES = Number(process.env.BIG_KEYSTROKES ?? 200);
const TIMEOUT_MS = 600_000;
const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
const MB = 1048576;

interface Row {
  readonly label: string;
  readonly values: readonly string[];
}

function summarise(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1);
  return `${at(0.5)} / ${at(0.99)}`;
}

/** The process's user + system CPU time in ms (Linux /proc; clock ticks of 10 ms). */
function readCpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measureServer(serverPath: string, root: string, outlineUri: string, typingUri: string, typingText: string): Promise<string[]> {
  const client = await LspTestClient.start(root, {}, {}, serverPath);
  try {
    await client.waitForLog(/Indexed \d+ corpus files/, TIMEOUT_MS);
    await client.waitForStatus((status) => status.state === 'ready', TIMEOUT_MS);
    const time = async (request: () => Promise<unknown>) => {
      const started = performance.now();
      await request();
      return performance.now() - started;
    };
    const outline = () => client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: outlineUri } });
    const firstOutline = await time(outline);
    const outlines: number[] = [];
    let cpu = readCpuMs(client.pid);
    for (let i = 0; i < OUTLINES; i++) outlines.push(await time(outline));
    const outlineCpu = (readCpuMs(client.pid) - cpu) / OUTLINES;

    const opened = client.getPublishCount(typingUri);
    await client.open(typingUri, typingText);
    await client.waitForPublishAfter(typingUri, opened, TIMEOUT_MS);
    const lineCount = typingText.split('\n').length;
    const random = createRandom(20);
    const keystrokes: number[] = [];
    cpu = readCpuMs(client.pid);
    for (let i = 0, version = 1, line = 0; i < KEYSTROKES; i++) {
      const typing = i % 2 === 0;
      if (typing) line = Math.floor(random() * lineCount);
      const change = { range: { start: { line, character: 0 }, end: { line, character: typing ? 0 : 1 } }, text: typing ? 'x' : '' };
      const before = client.getPublishCount(typingUri);
      keystrokes.push(
        await time(async () => {
          await client.notify('textDocument/didChange', { textDocument: { uri: typingUri, version: ++version }, contentChanges: [change] });
          await client.waitForPublishAfter(typingUri, before, TIMEOUT_MS);
        }),
      );
    }
    const keystrokeCpu = (readCpuMs(client.pid) - cpu) / KEYSTROKES;
    const peakRssMB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))?.[1]) / 1024;
    return [firstOutline.toFixed(1), summarise(outlines), outlineCpu.toFixed(1), summarise(keystrokes), keystrokeCpu.toFixed(1), peakRssMB.toFixed(0)];
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const beforeIndex = process.argv.indexOf('--before');
  const builds: [string, string][] = [['this build', SERVER_PATH]];
  if (beforeIndex > 0) builds.unshift(['before', join(resolve(process.argv[beforeIndex + 1]), 'server.js')]);
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-big-files-'));
  try {
    mkdirSync(join(root, 'seeds'));
    const generator = new BenchCorpusGenerator(OUTLINE_MB * 7919, SEEDS_DIR);
    const outlined = generator.writeFile(root, `seeds/outline-${OUTLINE_MB}mb.txt`, OUTLINE_MB * MB);
    const typed = generator.writeFile(root, `seeds/typing-${TYPING_MB}mb.txt`, TYPING_MB * MB);
    const uriOf = (relativePath: string) => pathToFileURL(join(root, relativePath)).toString();
    const typingText = readFileSync(join(root, typed.relativePath), 'utf8');
    const columns: string[][] = [];
    for (const [, serverPath] of builds)
      columns.push(await measureServer(serverPath, root, uriOf(outlined.relativePath), uriOf(typed.relativePath), typingText));
    const rows: Row[] = [
      { label: `documentSymbol, ${OUTLINE_MB} MB file, first request (ms)`, values: columns.map((c) => c[0]) },
      { label: `documentSymbol, repeated, p50 / p99 (ms, n=${OUTLINES})`, values: columns.map((c) => c[1]) },
      { label: 'documentSymbol, repeated, server CPU per request (ms)', values: columns.map((c) => c[2]) },
      { label: `keystroke → diagnostics, ${TYPING_MB} MB file, p50 / p99 (ms, n=${KEYSTROKES})`, values: columns.map((c) => c[3]) },
      { label: 'keystroke → diagnostics, server CPU per keystroke (ms)', values: columns.map((c) => c[4]) },
      { label: 'server peak RSS (MB)', values: columns.map((c) => c[5]) },
    ];
    console.log(`| | ${builds.map(([name]) => name).join(' | ')} |`);
    console.log(`|---|${builds.map(() => '---|').join('')}`);
    for (const row of rows) console.log(`| ${row.label} | ${row.values.join(' | ')} |`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
