// Servers and editors answer asynchronously: tests ask again until the answer is the one they wait for, and fail
// with the last answer when it never comes.

import assert from 'node:assert/strict';

export interface Polled<T> {
  /** The last answer: the accepted one, or the one seen when time ran out. */
  readonly value: T;
  readonly accepted: boolean;
}

/** Asks `probe` every `intervalMs` until `accept` holds or `timeoutMs` have passed; never throws on time out. */
export async function poll<T>(probe: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs: number, intervalMs = 250): Promise<Polled<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return { value, accepted: true };
    if (Date.now() > deadline) return { value, accepted: false };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Like `poll`, but a time out fails the test with the last answer. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10000): Promise<T> {
  const { value, accepted } = await poll(probe, accept, timeoutMs, 50);
  if (!accepted) assert.fail(`timed out waiting for ${what}; last answer: ${JSON.stringify(value)}`);
  return value;
}
