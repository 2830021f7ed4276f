// What an analyst sees in a real VS Code build: the packaged .vsix installed into code-server, the workbench
// opened in headless Debian chromium on a copy of seeds/ and annotations/. Screenshots: test-results/e2e/.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, TestWorkspace } from '../support/lspClient';
import { createEditorWorkspace, prepareRealEditor, Profile, RunningCodeServer, SETUP_TIMEOUT_MS } from './support/realEditor';
import { Workbench } from './support/workbench';

const FILE_000 = '000_248d20a5422f2a6b.txt';
const FILE_003 = '003_d0123674c22c2241.txt';
const TAG_YAML = join('annotations', '003_d0123674c22c2241.yaml');

/** 1-based line and column of the first `needle` in a seed, plus `offset` characters. */
function positionInSeed(file: string, needle: string, offset = 0): { line: number; column: number } {
  const lines = readFileSync(join(REPO_ROOT, 'seeds', file), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  assert.ok(line >= 0, `${needle} not in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + offset + 1 };
}

describe('real editor: the packaged extension in code-server', { timeout: SETUP_TIMEOUT_MS + 5 * 60000 }, () => {
  let workspace: TestWorkspace | undefined;
  let profile: Profile | undefined;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench;

  before(async () => {
    const codeServer = await prepareRealEditor();
    profile = codeServer.createProfile({ 'editor.wordWrap': 'on' });
    codeServer.installExtension(profile, codeServer.packageExtension());
    workspace = createEditorWorkspace();
    server = await codeServer.startCodeServer(profile, workspace.root);
    browser = await codeServer.launchChromium();
    workbench = new Workbench(await browser.newPage({ viewport: { width: 1400, height: 860 } }));
    await workbench.open(server.folderUrl);
  }, { timeout: SETUP_TIMEOUT_MS });

  after(async () => {
    await browser?.close();
    server?.stop();
    profile?.dispose();
    workspace?.dispose();
  });

  test('the .vsix installed with --install-extension activates in the extension host', async () => {
    const activated = /_doActivateExtension press-corpus\.press-corpus\b/;
    const hostLog = () => readdirSync(profile!.userDataDir, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('remoteexthost.log'))
      .map((path) => readFileSync(join(profile!.userDataDir, path), 'utf8')).join('\n');
    for (const deadline = Date.now() + 30000; !activated.test(hostLog()) && Date.now() < deadline;) await workbench.page.waitForTimeout(250);
    assert.match(hostLog(), activated);
    assert.doesNotMatch(hostLog(), /Activating extension 'press-corpus\.press-corpus' failed/);
  });

  test('the Outline view lists the releases of seeds/000', () => workbench.capture('01-outline', async () => {
    await workbench.openFile(FILE_000, 'Speech by NATO Secretary General');
    await workbench.runCommand('Focus on Outline View');
    // Collapse the file tree, as a reader of a long file would, so the Outline gets the side bar's height.
    await workbench.page.locator('.sidebar .pane-header:has-text("press-corpus-")').first().click();
    const titles = ['Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine',
      'Chair of the NATO Military Committee visits Belgium'];
    const rows = await workbench.rowsOf('.outline-pane', (texts) => titles.every((title) => texts.some((row) => row.includes(title))), 60000);
    assert.ok(rows[0].includes(titles[0]), `first outline row: ${rows[0]}`);
  }));

  test('a hover on "Stoltenberg" in seeds/003 shows the entity card', () => workbench.capture('02-hover', async () => {
    await workbench.openFile(FILE_003, 'Stoltenberg');
    const { line, column } = positionInSeed(FILE_003, 'Jens Stoltenberg said', 'Jens Sto'.length);
    await workbench.goTo(line, column);
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+I');
    await workbench.page.locator('.monaco-hover:has-text("Jens Stoltenberg")').first().waitFor({ timeout: 30000 });
  }));

  test('the Problems panel lists the malformed sections of seeds/003', () => workbench.capture('03-problems', async () => {
    await workbench.page.keyboard.press('Escape');
    await workbench.openFile(FILE_003, 'Stoltenberg');
    await workbench.runCommand('Focus on Problems View');
    await workbench.page.locator('.viewpane-filter input').first().fill(FILE_003);
    const codes = ['release.missing-source', 'release.photo-caption', 'release.boilerplate'];
    await workbench.rowsOf('.markers-panel', (texts) => codes.every((code) => texts.some((row) => row.includes(code))), 60000);
  }));

  test('"Press Corpus: Tag Selection…" writes the tag file of seeds/003', () => workbench.capture('04-tagged', async () => {
    const yamlPath = join(workspace!.root, TAG_YAML);
    const written = () => existsSync(yamlPath) && readFileSync(yamlPath, 'utf8').includes('e2e-tag');
    assert.ok(!written(), 'the tag is there before the test');
    await workbench.openFile(FILE_003, 'Stoltenberg');
    const { line } = positionInSeed(FILE_003, 'Part of that effort, Stoltenberg said');
    await workbench.goTo(line, 1);
    await workbench.page.keyboard.press('Shift+End');
    await workbench.runCommand('Press Corpus: Tag Selection');
    await workbench.page.locator('.quick-input-widget input.input').waitFor({ state: 'visible', timeout: 30000 });
    await workbench.page.keyboard.type('e2e-tag');
    await workbench.page.waitForTimeout(300);
    await workbench.page.keyboard.press('Enter');
    // The optional note: accept it empty.
    await workbench.page.waitForTimeout(500);
    await workbench.page.keyboard.press('Enter');
    for (const deadline = Date.now() + 30000; !written() && Date.now() < deadline;) await workbench.page.waitForTimeout(250);
    assert.ok(written(), `${TAG_YAML} was not written with the tag`);
  }));
});
