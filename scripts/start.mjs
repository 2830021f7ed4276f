// `npm start` (after `npm run build`): opens the corpus in a real editor with the extension loaded.
// - VS Code when `code` is on the PATH: the extension under development (--extensionDevelopmentPath).
// - Otherwise code-server (installed on first use into .cache/code-server/) on 127.0.0.1, with the freshly
//   packaged .vsix installed into a kept profile outside the repository ($XDG_CACHE_HOME or ~/.cache, under
//   press-corpus/), so neither the profile nor the extension copy shows up in the workspace; prints the URL and
//   runs until Ctrl+C. PORT=NNNN picks the port (default: a free one).
// The workspace (a generated .code-workspace beside the profile) shows the corpus only: seeds/ is read,
// annotations/ receives the tags; seeds/000_… opens in front with the Outline.

import { spawn, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  createProfile,
  ensureRealEditor,
  installExtension,
  packageExtension,
  REPO_ROOT,
  START_FILE,
  startCodeServer,
  writeCorpusWorkspace,
} from './codeServer.mjs';

const EDITOR_STATE = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'press-corpus');
const WORKSPACE_FILE = writeCorpusWorkspace(REPO_ROOT, join(EDITOR_STATE, 'press-corpus.code-workspace'), START_FILE);

function hasVsCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

function startVsCode() {
  console.log('Opening the corpus in VS Code with the extension under development.');
  spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, WORKSPACE_FILE], { stdio: 'inherit', detached: true }).unref();
}

async function startInCodeServer() {
  ensureRealEditor({ browser: false });
  const profile = createProfile({}, join(EDITOR_STATE, 'code-server-profile'));
  installExtension(profile, packageExtension(join(profile.root, 'press-corpus.vsix')));
  const server = await startCodeServer(profile, WORKSPACE_FILE, { port: process.env.PORT ? Number(process.env.PORT) : undefined, output: 'inherit' });
  console.log(
    `\nPress Corpus in code-server: ${server.folderUrl}\n${START_FILE} opens with its Outline; the Press Corpus view in the activity bar lists releases, entities and tags. Ctrl+C stops it.\n`,
  );
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => process.exit(code ?? 1));
}

if (hasVsCode()) startVsCode();
else await startInCodeServer();
