// The server's memory is mostly its heap, and V8 lets a big heap grow far past what is live before it collects:
// after each full collection the next is due at up to four times the live size (the factor grows with the heap
// limit, 4 GB on a machine with 16 GB or more). At 100 MB of text, 1.5 GB live, that let the garbage of the scan
// and of keystrokes in big files take the process to 2.5 GB. A fixed growth keeps the garbage to a share of what
// is live, for more full collections (mostly concurrent, on V8's helper threads). It sets no heap limit: a corpus
// too big for one is no more likely to run out of memory.

import { setFlagsFromString } from 'node:v8';

/** A full collection is due once the heap has grown this much past what the last one left (V8's percent). */
export const HEAP_GROWING_PERCENT = 20;

/** Applies HEAP_GROWING_PERCENT, unless the process was started with its own `--heap-growing-percent`. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
