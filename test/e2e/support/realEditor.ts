// Shared set-up of the real-editor tests; code-server, chromium and the .vsix come from scripts/codeServer.mjs.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestWorkspace, REPO_ROOT, TestWorkspace } from '../../support/lspClient';

type CodeServerModule = typeof import('../../../scripts/codeServer.mjs', { with: { 'resolution-mode': 'import' } });
export type { Profile, RunningCodeServer } from '../../../scripts/codeServer.mjs' with { 'resolution-mode': 'import' };

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'e2e');

// A minute of set-up at most once code-server is cached; its first install takes a few minutes more.
export const SETUP_TIMEOUT_MS = 10 * 60000;

/** The code-server helpers; a real import() because they are an ES module shared with `npm start`. */
export function loadCodeServer(): Promise<CodeServerModule> {
  return import(pathToFileURL(join(REPO_ROOT, 'scripts', 'codeServer.mjs')).href) as Promise<CodeServerModule>;
}

/** Installs chromium and code-server when missing; fails (never skips) with the reason when it cannot. */
export async function prepareRealEditor(): Promise<CodeServerModule> {
  const codeServer = await loadCodeServer();
  try {
    codeServer.ensureRealEditor();
  } catch (error) {
    throw new Error(`the real editor cannot be set up, so this end-to-end test fails: ${(error as Error).message}`);
  }
  return codeServer;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

/** A copy of seeds/ and of annotations/ when there is one (git keeps no empty folder). */
export function createEditorWorkspace(): TestWorkspace {
  return createTestWorkspace({ annotations: existsSync(join(REPO_ROOT, 'annotations')) });
}
