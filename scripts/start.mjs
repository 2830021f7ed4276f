// `npm start` (after `npm run build`): opens the corpus in a real editor with the extension loaded.
// - VS Code when `code` is on the PATH: the extension under development (--extensionDevelopmentPath).
// - Otherwise code-server (installed on first use into .cache/code-server/) on 127.0.0.1, with the freshly
//   packaged .vsix installed into a kept profile (.cache/code-server-profile/); prints the URL and runs until
//   Ctrl+C. PORT=NNNN picks the port (default: a free one).
// The workspace is the repository: seeds/ is the corpus, annotations/ receives the tags.

import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createProfile, ensureRealEditor, installExtension, packageExtension, REPO_ROOT, startCodeServer } from './codeServer.mjs';

const FIRST_SEED = join(REPO_ROOT, 'seeds', '000_248d20a5422f2a6b.txt');

function hasVsCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

function startVsCode() {
  console.log('Opening the corpus in VS Code with the extension under development.');
  spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, REPO_ROOT, FIRST_SEED], { stdio: 'inherit', detached: true }).unref();
}

async function startInCodeServer() {
  ensureRealEditor({ browser: false });
  const profile = createProfile({}, join(REPO_ROOT, '.cache', 'code-server-profile'));
  installExtension(profile, packageExtension(join(profile.root, 'press-corpus.vsix')));
  const server = await startCodeServer(profile, REPO_ROOT, { port: process.env.PORT ? Number(process.env.PORT) : undefined, output: 'inherit' });
  console.log(`\nPress Corpus in code-server: ${server.folderUrl}\nOpen a file under seeds/ and the Outline view. Ctrl+C stops it.\n`);
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
