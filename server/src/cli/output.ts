// Where the CLI writes: results on stdout, progress and summaries on stderr (so `--format json > x.json` stays
// clean). Progress redraws one line on a terminal and prints a line every few seconds elsewhere (CI logs).

export class UsageError extends Error {}

export interface Output {
  write(text: string): void;
  /** A progress line on stderr; `final` always prints. */
  progress(text: string, final?: boolean): void;
  /** A summary or warning line on stderr. */
  note(text: string): void;
}

const PROGRESS_EVERY_MS = 2000;

export function createProcessOutput(quiet: boolean): Output {
  // `press-corpus entities | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const isTerminal = process.stderr.isTTY === true;
  let lastProgress = 0;
  let onProgressLine = false;
  const endProgressLine = () => {
    if (onProgressLine) process.stderr.write('\n');
    onProgressLine = false;
  };
  return {
    write: (text) => void process.stdout.write(text),
    progress(text, final = false) {
      if (quiet) return;
      if (isTerminal) {
        process.stderr.write(`\r\x1b[K${text}`);
        onProgressLine = true;
        if (final) endProgressLine();
      } else if (final || Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        process.stderr.write(`${text}\n`);
      }
    },
    note(text) {
      endProgressLine();
      process.stderr.write(`${text}\n`);
    },
  };
}
