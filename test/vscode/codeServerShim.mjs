#!/usr/bin/env node
// A stand-in for the `code` executable that @vscode/test-electron's runTests() (and so @vscode/test-cli)
// starts: it runs the extension tests in code-server's real Node extension host instead of VS Code desktop,
// which cannot be downloaded here. code-server rejects --extensionDevelopmentPath, so both paths go to the
// workbench through its `payload` URL parameter; when the tests end the workbench calls
// window.codeAutomationExit(code), which we expose from Playwright. Exit code: the tests' (0 pass, 1 fail),
// 2 when the harness itself fails. Details: shared/REAL-EDITOR-TESTS.md §4.
//   codeServerShim.mjs [--flags…] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]

import { format } from 'node:util';
import { createProfile, ensureRealEditor, launchChromium, startCodeServer } from '../../scripts/codeServer.mjs';

const TIMEOUT_MS = Number(process.env.PRESS_CORPUS_EXTENSION_TEST_TIMEOUT_MS ?? 180000);

function parseArgs(argv) {
  const option = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const folder = argv.find((arg) => !arg.startsWith('-'));
  const extensionDevelopmentPath = option('extensionDevelopmentPath');
  const extensionTestsPath = option('extensionTestsPath');
  if (!extensionDevelopmentPath || !extensionTestsPath || !folder) {
    throw new Error(`usage: codeServerShim.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE FOLDER (got ${argv.join(' ')})`);
  }
  return { extensionDevelopmentPath, extensionTestsPath, folder };
}

/** Extension-host console lines (mocha's report) arrive as ["%c INFO", "color: …", format, ...args]. */
async function printConsoleMessage(message) {
  let values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')));
  if (typeof values[0] === 'string' && values[0].startsWith('%c')) values = values.slice(2);
  const text = format(...values);
  // The workbench's own chatter (missing vsda, no marketplace, socket notes) is not the test report.
  if (text.trim() && !/sandbox|Failed to load|vsda|worker|open-vsx|ENOTFOUND|token|socket|cache|Chat|Overwriting|Agent|Policy|grace/i.test(text)) {
    console.log(text);
  }
}

async function runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, folder }) {
  ensureRealEditor();
  const profile = createProfile();
  let server;
  let browser;
  try {
    server = await startCodeServer(profile, folder);
    browser = await launchChromium();
    const page = await browser.newPage();
    const finished = new Promise((resolveExit) => page.exposeFunction('codeAutomationExit', (code) => resolveExit(code)));
    page.on('console', (message) => void printConsoleMessage(message));
    const html = await (await fetch(server.folderUrl)).text();
    const authority = /&quot;remoteAuthority&quot;:&quot;([^&]+)&quot;/.exec(html)?.[1];
    if (!authority) throw new Error('no remoteAuthority in the workbench page');
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`],
    ];
    await page.goto(`${server.folderUrl}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    const timedOut = new Promise((resolveExit) => {
      timer = setTimeout(() => resolveExit('timeout'), TIMEOUT_MS);
    });
    const code = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') throw new Error(`the extension tests did not finish within ${TIMEOUT_MS} ms`);
    return code;
  } finally {
    await browser?.close();
    server?.stop();
    profile.dispose();
  }
}

try {
  process.exitCode = await runExtensionTests(parseArgs(process.argv.slice(2)));
} catch (error) {
  console.error(`codeServerShim: ${error.stack ?? error}`);
  process.exitCode = 2;
}
