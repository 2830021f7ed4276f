// `npm run fuzz` (package.json: "tsc -p . && node scripts/fuzz.mjs"): the property tests of
// test/unit/properties.test.ts (parser, entity recognition, anchoring, tag-file splicing) with 100,000
// generated cases in total instead of the few hundred of the normal test run. PRESS_CORPUS_FUZZ_RUNS=N sets
// another total; PRESS_CORPUS_FUZZ_SEED=S replays the seed fast-check printed for a failure.

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.PRESS_CORPUS_FUZZ_RUNS ?? '100000';
console.log(`Property tests with ${runs} generated cases in total.`);
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', join(REPO_ROOT, 'out', 'test', 'unit', 'properties.test.js')], {
  stdio: 'inherit',
  env: { ...process.env, PRESS_CORPUS_FUZZ_RUNS: runs },
});
process.exitCode = result.status ?? 1;
