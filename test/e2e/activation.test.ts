// Activation as VS Code reports it: the packaged extension activates on the seeds at start-up, shows its status,
// and the extension host has recorded its activation times (Show Running Extensions, Startup Performance).
// No timing is asserted here: how long activation takes is measured by `npm run measure:activation`.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PRESS_CORPUS_EXTENSION_ID, readActivationTimes, readRunningExtensionActivation, waitForPressCorpusStatus } from './support/activationTimes';
import { openForSuite, SETUP_TIMEOUT_MS } from './support/realEditor';

describe('real editor: activation as the extension host reports it', { timeout: SETUP_TIMEOUT_MS + 5 * 60000 }, () => {
  const session = openForSuite();

  test('the extension activates on the seeds at start-up and shows its status', () =>
    session.workbench.capture('activation-status', async () => {
      const status = await waitForPressCorpusStatus(session.workbench, 90000);
      assert.match(status, /Press Corpus: (starting|listing files|indexing|\d+ files?)/);
    }));

  test('the host reports its activation times: Show Running Extensions and Startup Performance agree', () =>
    session.workbench.capture('activation-running-extensions', async () => {
      const times = await readActivationTimes(session.workbench, PRESS_CORPUS_EXTENSION_ID, 60000);
      assert.equal(times.startup, true);
      assert.equal(times.activationEvent, 'workspaceContains:seeds/**/*.txt');
      // The host writes -1 for a step it did not time; each step ran, so each has a time.
      for (const [name, ms] of Object.entries(times)) if (typeof ms === 'number') assert.ok(Number.isInteger(ms) && ms >= 0, `${name}: ${ms}`);
      // What a user sees is code loading + activate call, the same host figures.
      const shown = await readRunningExtensionActivation(session.workbench, 'Press Corpus', 60000);
      assert.equal(shown, `Startup Activation: ${times.codeLoadingMs + times.activateCallMs}ms`);
    }));
});
