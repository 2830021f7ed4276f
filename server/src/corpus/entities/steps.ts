// Work done in pieces: a generator yields after each piece (so a caller can let other work run between pieces)
// and returns the result; a caller that wants the result now runs it to the end.

/** Runs work written in pieces to its end and returns its result. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
