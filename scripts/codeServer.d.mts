// Types of codeServer.mjs for the TypeScript tests that import it.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const REPO_ROOT: string;
export const CODE_SERVER_VERSION: string;
export const CODE_SERVER_BIN: string;
export const CHROMIUM: string;
export const START_FILE: string;

export interface Profile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly env: Record<string, string>;
  dispose(): void;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  readonly folderUrl: string;
  readonly child: ChildProcess;
  readonly log: string[];
  stop(): void;
}

export function cleanEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function ensureRealEditor(options?: { browser?: boolean; log?: (line: string) => void }): void;
export function findFreePort(): Promise<number>;
export function codeServerCli(profile: Profile, args: string[]): string;
export function createProfile(settings?: Record<string, unknown>, root?: string): Profile;
export function startCodeServer(
  profile: Profile,
  folder: string,
  options?: { port?: number; timeoutMs?: number; output?: 'pipe' | 'inherit'; workspaceTrust?: boolean },
): Promise<RunningCodeServer>;
export function launchChromium(): Promise<Browser>;
export function writeCorpusWorkspace(folder: string, path: string, startFile: string): string;
export function packageExtension(out?: string): string;
export function installExtension(profile: Profile, vsix: string): string;
