// code-server, the real VS Code build we can run here (VS Code desktop cannot be downloaded: only the npm
// registry and Debian's packages are reachable). Installed on demand into .cache/code-server/ rather than as a
// devDependency: it is ~300 MB and ~1-3 min to install, which every `npm ci` would pay even when no real
// editor is wanted. Used by `npm start`, the end-to-end tests and the packaging test.
// Recipe and the reason for each workaround: shared/REAL-EDITOR.md.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// 4.100.x is the last code-server line whose engines.node accepts Node 20.
export const CODE_SERVER_VERSION = '4.100.3';
const INSTALL_DIR = join(REPO_ROOT, '.cache', 'code-server');
const COMPLETE_MARKER = join(INSTALL_DIR, `.complete-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_BIN = join(INSTALL_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

// Debian packages: ripgrep replaces @vscode/ripgrep's download from outside the registry; libkrb5-dev and
// pkg-config let code-server's kerberos module compile; chromium drives the workbench in the tests.
const CODE_SERVER_APT_PACKAGES = ['ripgrep', 'libkrb5-dev', 'pkg-config'];

// How npm reaches its registry: kept for a nested npm, whoever set it.
const NPM_NETWORK_CONFIG = /^npm_config_(registry|.*:registry|cafile|ca|cert|key|proxy|https_proxy|noproxy|strict_ssl|cache|userconfig|globalconfig)$/i;

/**
 * The environment for a child: without the variables of an enclosing `npm run` (they would point a nested
 * npm at this repo and its options) or of `node --test` (NODE_TEST_CONTEXT makes a child node report as a
 * test file), but with npm's network settings.
 */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (NPM_NETWORK_CONFIG.test(key) || !/^npm_(config|package|lifecycle)_|^NODE_TEST_CONTEXT$|^INIT_CWD$/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

function isAptPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureAptPackages(names, log) {
  const missing = names.filter((name) => !isAptPackageInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`real editor prerequisites missing: ${missing.join(' ')}; run as root or: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const apt = { stdio: ['ignore', 2, 2], env: { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update', '-qq'], apt);
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], apt);
}

// node-gyp downloads the headers of the running node unless nodedir points at an install that has them.
const NODE_PREFIX = dirname(dirname(process.execPath));
const NODE_HEADERS = existsSync(join(NODE_PREFIX, 'include', 'node', 'node.h')) ? { npm_config_nodedir: NODE_PREFIX } : {};

function run(command, args, cwd) {
  // yes: node-pty's `npx node-gyp` otherwise waits for a confirmation that never comes. No unsafe_perm: npm 10
  // runs scripts as root without it and warns "Unknown env config" for it; code-server's own postinstall (the
  // one script that asked for it) is skipped with --ignore-scripts and its steps done here.
  const env = cleanEnv({ npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', ...NODE_HEADERS });
  // Output to stderr: under `node --test` a test file's stdout is its report.
  execFileSync(command, args, { cwd, env, stdio: ['ignore', 2, 2] });
}

function installCodeServer(log) {
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${INSTALL_DIR} (one time, about 1-3 minutes)`);
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }) + '\n');
  // Scripts off: code-server's postinstall would download ripgrep from outside the registry; we do its steps.
  run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], INSTALL_DIR);
  run('npm', ['rebuild', 'argon2'], INSTALL_DIR);
  const vscodeDir = join(INSTALL_DIR, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  const ripgrepBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  copyFileSync(execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim(), join(ripgrepBin, 'rg'));
  run('npm', ['rebuild'], vscodeDir);
  const links = [
    ['node_modules', join(vscodeDir, 'node_modules.asar')],
    ['code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server')],
    ['browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh')],
  ];
  for (const [target, path] of links) {
    rmSync(path, { force: true });
    symlinkSync(target, path);
  }
  run('npm', ['install', '--omit=dev'], join(vscodeDir, 'extensions'));
  writeFileSync(COMPLETE_MARKER, new Date().toISOString() + '\n');
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `action` holding a lock directory, so test files run in parallel install code-server only once. */
function withInstallLock(action) {
  const lock = `${INSTALL_DIR}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (const deadline = Date.now() + 15 * 60000; ;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST' || Date.now() > deadline) throw error;
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      sleepSync(1000);
    }
  }
  try {
    action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs code-server, and chromium unless `browser` is false, when missing (apt only as root); throws with
 * the reason otherwise.
 */
export function ensureRealEditor({ browser = true, log = (line) => console.error(`[real-editor] ${line}`) } = {}) {
  if (existsSync(COMPLETE_MARKER) && (!browser || existsSync(CHROMIUM))) return;
  withInstallLock(() => {
    ensureAptPackages([...(existsSync(COMPLETE_MARKER) ? [] : CODE_SERVER_APT_PACKAGES), ...(browser ? ['chromium'] : [])], log);
    if (!existsSync(COMPLETE_MARKER)) installCodeServer(log);
  });
}

export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url, timeoutMs, exited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`code-server exited before it answered on ${url}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
}

/** Runs code-server's CLI once (e.g. --install-extension) with the profile's directories. */
export function codeServerCli(profile, args) {
  return execFileSync(CODE_SERVER_BIN, ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, ...args], {
    encoding: 'utf8',
    env: cleanEnv(profile.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Packs the built dist/ into a .vsix at `out` (a temporary file by default) and returns its path. No build
 * here: tests running side by side must not rewrite dist/ under each other. Everything is bundled, so
 * --no-dependencies; .vscodeignore picks the files; no repository to rewrite README links against.
 */
export function packageExtension(out = join(mkdtempSync(join(tmpdir(), 'press-corpus-vsix-')), 'press-corpus.vsix')) {
  execFileSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    { cwd: REPO_ROOT, env: cleanEnv(), stdio: ['ignore', 2, 2] },
  );
  return out;
}

/** Installs a .vsix into the profile as `code-server --install-extension` does for a user. */
export function installExtension(profile, vsix) {
  const output = codeServerCli(profile, ['--force', '--install-extension', vsix]);
  if (!/was successfully installed/.test(output)) throw new Error(`installing ${vsix} failed:\n${output}`);
  return output;
}

/**
 * A profile: user data, extensions, config and temp dirs, with workspace trust off and no start-up editor so
 * nothing covers the workbench. Keeps code-server out of $HOME and /tmp. Throw-away unless `root` is given.
 */
export function createProfile(settings = {}, root = mkdtempSync(join(tmpdir(), 'press-corpus-cs-'))) {
  const profile = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    env: { XDG_CONFIG_HOME: join(root, 'config'), XDG_DATA_HOME: join(root, 'data'), TMPDIR: join(root, 'tmp') },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const dir of [join(profile.userDataDir, 'User'), profile.extensionsDir, ...Object.values(profile.env)]) mkdirSync(dir, { recursive: true });
  const settingsFile = join(profile.userDataDir, 'User', 'settings.json');
  // A kept profile keeps the user's own settings.
  if (!existsSync(settingsFile))
    writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'security.workspace.trust.enabled': false,
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'extensions.ignoreRecommendations': true,
          'update.mode': 'none',
          'telemetry.telemetryLevel': 'off',
          ...settings,
        },
        null,
        2,
      ),
    );
  return profile;
}

/**
 * Starts code-server on a free 127.0.0.1 port for the profile and resolves once /healthz answers.
 * `stop()` ends it (and its extension hosts, in the same process group). Workspace trust is off unless
 * `workspaceTrust` (then the profile's settings decide, e.g. to open in Restricted Mode).
 */
export async function startCodeServer(profile, folder, { port, timeoutMs = 60000, output = 'pipe', workspaceTrust = false } = {}) {
  port ??= await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    CODE_SERVER_BIN,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      folder,
    ],
    { env: cleanEnv(profile.env), stdio: ['ignore', output, output], detached: true },
  );
  const log = [];
  child.stdout?.on('data', (chunk) => log.push(String(chunk)));
  child.stderr?.on('data', (chunk) => log.push(String(chunk)));
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitForHealth(url, timeoutMs, () => exited);
  } catch (error) {
    stop();
    throw new Error(`${error.message}\n${log.join('').slice(-4000)}`, { cause: error });
  }
  // A .code-workspace file opens as a workspace (its settings apply), anything else as a folder.
  const query = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return { url, port, child, log, stop, folderUrl: `${url}/?${query}=${encodeURIComponent(folder)}` };
}

/** The file `npm start` opens in front, relative to the repository. */
export const START_FILE = join('seeds', '000_248d20a5422f2a6b.txt');

/** What an analyst works on; everything else in the folder (code, caches, builds) is hidden from the editor. */
const CORPUS_ENTRIES = ['seeds', 'annotations'];
/** Folders that builds, tests and the code-server install create later: hidden even before they exist. */
const GENERATED_ENTRIES = ['.cache', 'dist', 'node_modules', 'out', 'test-results'];

/**
 * Writes a .code-workspace at `path` that opens `folder` showing only the corpus (seeds/, annotations/) and
 * opens `startFile` (relative to the folder) in front. Search and file watching follow files.exclude.
 */
export function writeCorpusWorkspace(folder, path, startFile) {
  const hidden = [...new Set([...readdirSync(folder), ...GENERATED_ENTRIES])].filter((name) => !CORPUS_ENTRIES.includes(name)).sort();
  const workspace = {
    folders: [{ path: folder }],
    settings: {
      'files.exclude': Object.fromEntries(hidden.map((name) => [name, true])),
      'pressCorpus.openOnStartup': startFile,
    },
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(workspace, null, 2) + '\n');
  return path;
}

/** Debian's chromium, headless, quiet: no sandbox (root), no GPU, no calls home. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
