// Shared set-up of the real-editor tests: the packaged .vsix installed into a throw-away code-server profile,
// a copy of the corpus, headless chromium on the workbench. code-server, chromium and the .vsix come from
// scripts/codeServer.mjs.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { createTestWorkspace, REPO_ROOT, TestWorkspace } from '../../support/lspClient';
import { Workbench } from './workbench';

type CodeServerModule = typeof import('../../../scripts/codeServer.mjs', { with: { 'resolution-mode': 'import' } });
type Profile = import('../../../scripts/codeServer.mjs', { with: { 'resolution-mode': 'import' } }).Profile;

// A minute of set-up at most once code-server is cached; its first install takes a few minutes more.
export const SETUP_TIMEOUT_MS = 10 * 60000;

/** The code-server helpers; a real import() because they are an ES module shared with `npm start`. */
export function loadCodeServer(): Promise<CodeServerModule> {
  return import(pathToFileURL(join(REPO_ROOT, 'scripts', 'codeServer.mjs')).href) as Promise<CodeServerModule>;
}

/** Installs chromium and code-server when missing; fails (never skips) with the reason when it cannot. */
async function prepareRealEditor(): Promise<CodeServerModule> {
  const codeServer = await loadCodeServer();
  try {
    codeServer.ensureRealEditor();
  } catch (error) {
    throw new Error(`the real editor cannot be set up, so this end-to-end test fails: ${(error as Error).message}`, { cause: error });
  }
  return codeServer;
}

/** A copy of seeds/ and of annotations/ when there is one (git keeps no empty folder). */
export function createEditorWorkspace(): TestWorkspace {
  return createTestWorkspace({ annotations: existsSync(join(REPO_ROOT, 'annotations')) });
}

export interface RealEditorSession {
  readonly workbench: Workbench;
  readonly workspace: TestWorkspace;
  readonly profile: Profile;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Changes the copied workspace before the editor opens it (more files, files that must stay hidden). */
  readonly prepare?: (root: string) => void;
  /** Open it as `npm start` does: through the generated .code-workspace (corpus only, seeds/000 in front). */
  readonly asNpmStart?: boolean;
  /** Install this .vsix instead of packaging the built dist/ (to compare two builds in one run). */
  readonly vsix?: string;
}

/**
 * The packaged extension in code-server on a copy of the corpus, the workbench open in chromium.
 * `workspaceTrust`: keep VS Code's trust check on (with `settings` choosing how it starts) instead of off.
 */
export async function openRealEditor(settings: Record<string, unknown> = {}, workspaceTrust = false, options: OpenOptions = {}): Promise<RealEditorSession> {
  const codeServer = await prepareRealEditor();
  const profile = codeServer.createProfile({ 'editor.wordWrap': 'on', ...settings });
  const workspace = createEditorWorkspace();
  options.prepare?.(workspace.root);
  const opened = options.asNpmStart
    ? codeServer.writeCorpusWorkspace(workspace.root, join(profile.root, 'press-corpus.code-workspace'), codeServer.START_FILE)
    : workspace.root;
  let server: Awaited<ReturnType<CodeServerModule['startCodeServer']>> | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    server?.stop();
    profile.dispose();
    workspace.dispose();
  };
  try {
    codeServer.installExtension(profile, options.vsix ?? codeServer.packageExtension());
    server = await codeServer.startCodeServer(profile, opened, { workspaceTrust });
    browser = await codeServer.launchChromium();
    const workbench = new Workbench(await browser.newPage({ viewport: { width: 1400, height: 860 } }));
    await workbench.open(server.folderUrl);
    return { workbench, workspace, profile, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** 1-based line and column of the first `needle` in a seed, plus `offset` characters. */
export function positionInSeed(file: string, needle: string, offset = 0): { line: number; column: number } {
  const lines = readFileSync(join(REPO_ROOT, 'seeds', file), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  assert.ok(line >= 0, `${needle} not in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + offset + 1 };
}

/**
 * The real editor of one suite: opened (by `open`) before its tests, closed after them. The fields are read from
 * the session once it is open, so tests use it like the session itself.
 */
export function openForSuite(open: () => Promise<RealEditorSession> = () => openRealEditor()): RealEditorSession {
  let opened: RealEditorSession | undefined;
  before(async () => void (opened = await open()), { timeout: SETUP_TIMEOUT_MS });
  after(() => opened?.close());
  const current = () => opened ?? assert.fail('the real editor did not open');
  return {
    get workbench() {
      return current().workbench;
    },
    get workspace() {
      return current().workspace;
    },
    get profile() {
      return current().profile;
    },
    close: () => current().close(),
  };
}
