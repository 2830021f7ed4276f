// How long the extension takes to activate, as the extension host itself measures it, in a real VS Code build
// (code-server driven by headless chromium, as the end-to-end tests do):
//   npm run measure:activation                                  the built dist/, 5 runs
//   npm run measure:activation -- --runs 3 --vsix before=a.vsix --vsix after=b.vsix
// Each run starts from nothing: a fresh profile (user data, extensions), a fresh copy of the seeds, the .vsix
// installed, the workbench opened. Once the status bar shows Press Corpus, "Developer: Startup Performance"
// gives the host's codeLoadingTime, activateCallTime and activateResolvedTime for it. Several builds are
// measured in turn (run 1 of each, then run 2 of each, …) so a change in the machine's load hits them alike.
// Target (docs/performance.md, Activation): code loading + activate call under 150 ms.

import { ActivationTimes, PRESS_CORPUS_EXTENSION_ID, readActivationTimes, waitForPressCorpusStatus } from '../test/e2e/support/activationTimes';
import { loadCodeServer, openRealEditor } from '../test/e2e/support/realEditor';

const TARGET_MS = 150;
const STEP_TIMEOUT_MS = 120000;

interface Build {
  readonly label: string;
  readonly vsix: string;
}

interface BuildSummary {
  readonly build: string;
  readonly runs: number;
  readonly median: Record<keyof typeof FIGURES, number>;
  readonly max: Record<keyof typeof FIGURES, number>;
  readonly underTarget: boolean;
}

/**
 * The figures reported, from one host measurement. `activation` is what VS Code shows and flags: load + call.
 * `require` is the part of code loading spent evaluating dist/extension.js (NaN when the host sent no marks).
 */
const FIGURES = {
  require: (t: ActivationTimes) => t.requireMs ?? NaN,
  codeLoading: (t: ActivationTimes) => t.codeLoadingMs,
  activateCall: (t: ActivationTimes) => t.activateCallMs,
  activation: (t: ActivationTimes) => t.codeLoadingMs + t.activateCallMs,
  activateResolved: (t: ActivationTimes) => t.activateResolvedMs,
};

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function parseArguments(argv: readonly string[]): { runs: number; vsixArguments: string[] } {
  let runs = 5;
  const vsixArguments: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--runs') runs = Number(argv[i + 1]);
    else if (argv[i] === '--vsix') vsixArguments.push(argv[i + 1]);
    else throw new Error(`unknown argument ${argv[i]}; usage: --runs N --vsix label=path.vsix (repeatable)`);
  }
  if (!(runs >= 1)) throw new Error('--runs wants a positive number');
  return { runs, vsixArguments };
}

async function resolveBuilds(vsixArguments: readonly string[]): Promise<Build[]> {
  if (vsixArguments.length === 0) return [{ label: 'dist', vsix: (await loadCodeServer()).packageExtension() }];
  return vsixArguments.map((argument) => {
    const [label, vsix] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, argument];
    return { label, vsix };
  });
}

/** One cold start of code-server with the build installed; the host's figures for the extension. */
async function measureOnce(build: Build): Promise<ActivationTimes> {
  const session = await openRealEditor({}, false, { vsix: build.vsix });
  try {
    await waitForPressCorpusStatus(session.workbench, STEP_TIMEOUT_MS);
    return await readActivationTimes(session.workbench, PRESS_CORPUS_EXTENSION_ID, STEP_TIMEOUT_MS);
  } finally {
    await session.close();
  }
}

function summarise(build: string, samples: readonly ActivationTimes[]): BuildSummary {
  const pick = (statistic: (values: number[]) => number) =>
    Object.fromEntries(
      Object.entries(FIGURES).map(([name, figure]) => {
        const values = samples.map(figure).filter(Number.isFinite);
        return [name, values.length ? statistic(values) : NaN];
      }),
    ) as Record<keyof typeof FIGURES, number>;
  const medians = pick(median);
  return { build, runs: samples.length, median: medians, max: pick((values) => Math.max(...values)), underTarget: medians.activation < TARGET_MS };
}

function printTable(summaries: readonly BuildSummary[]): void {
  const header = ['build', 'runs', 'require', 'load code', 'call activate', 'load + call', 'finish activate', `< ${TARGET_MS} ms`];
  const rows = summaries.map((s) => [
    s.build,
    String(s.runs),
    ...Object.keys(FIGURES).map((name) => `${s.median[name as keyof typeof FIGURES]} / ${s.max[name as keyof typeof FIGURES]}`),
    s.underTarget ? 'yes' : 'no',
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const print = (row: string[]) => console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
  console.log('Activation of press-corpus.press-corpus as the extension host measured it, ms (median / max):');
  print(header);
  rows.forEach(print);
}

async function main(): Promise<void> {
  const { runs, vsixArguments } = parseArguments(process.argv.slice(2));
  const builds = await resolveBuilds(vsixArguments);
  const samples = new Map<string, ActivationTimes[]>(builds.map((build) => [build.label, []]));
  for (let run = 1; run <= runs; run++) {
    for (const build of builds) {
      const times = await measureOnce(build);
      samples.get(build.label)!.push(times);
      console.error(`[activation] ${build.label} run ${run}/${runs}: ${JSON.stringify(times)}`);
    }
  }
  const summaries = builds.map((build) => summarise(build.label, samples.get(build.label)!));
  printTable(summaries);
  console.log(JSON.stringify({ targetMs: TARGET_MS, summaries, samples: Object.fromEntries(samples) }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
