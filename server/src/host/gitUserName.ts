// git's `user.name` for a folder, as the default author of new tags when `pressCorpus.author` is not set. Runs
// `git config user.name` once per call; callers keep the answer (never once per request). No git, no name set,
// or not a repository: undefined.

import { execFile } from 'node:child_process';

const GIT_TIMEOUT_MS = 3000;

export function readGitUserName(folderPath: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folderPath, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}
