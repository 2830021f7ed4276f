// The corpus's seed files, read for tests that need real press text.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');

/** The text of the first seed file by name: the same file on every machine. */
export function readFirstSeed(): string {
  const first = readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()[0];
  return readFileSync(join(SEEDS_DIR, first), 'utf8');
}
