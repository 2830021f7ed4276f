// What an analyst sees in a real VS Code build: the packaged .vsix installed into code-server, the workbench
// opened in headless Debian chromium on a copy of seeds/ and annotations/. Screenshots: test-results/e2e/.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { poll } from '../support/eventually';
import { openForSuite, positionInSeed, SETUP_TIMEOUT_MS } from './support/realEditor';
import { FILE_001, FILE_003, FIRST_TITLES_000, hoverStoltenbergIn003, showOutlineOf000, tagFileOf003Holds, tagLineOf003 } from './support/stories';

describe('real editor: the packaged extension in code-server', { timeout: SETUP_TIMEOUT_MS + 5 * 60000 }, () => {
  const session = openForSuite();

  test('the .vsix installed with --install-extension activates in the extension host', async () => {
    const { userDataDir } = session.profile;
    const activated = /_doActivateExtension press-corpus\.press-corpus\b/;
    const hostLog = () =>
      readdirSync(userDataDir, { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('remoteexthost.log'))
        .map((path) => readFileSync(join(userDataDir, path), 'utf8'))
        .join('\n');
    const { value: log } = await poll(hostLog, (text) => activated.test(text), 30000);
    assert.match(log, activated);
    assert.doesNotMatch(hostLog(), /Activating extension 'press-corpus\.press-corpus' failed/);
  });

  test('the Outline view lists the releases of seeds/000', () =>
    session.workbench.capture('01-outline', async () => {
      const rows = await showOutlineOf000(session.workbench);
      assert.ok(rows[0].includes(FIRST_TITLES_000[0]), `first outline row: ${rows[0]}`);
    }));

  test('a hover on "Stoltenberg" in seeds/003 shows the entity card', () =>
    session.workbench.capture('02-hover', async () => {
      await hoverStoltenbergIn003(session.workbench, 30000);
    }));

  test('the Problems panel lists the malformed sections of seeds/003', () =>
    session.workbench.capture('03-problems', async () => {
      const { workbench } = session;
      await workbench.page.keyboard.press('Escape');
      await workbench.openFile(FILE_003, 'Stoltenberg');
      await workbench.runCommand('Focus on Problems View');
      await workbench.page.locator('.viewpane-filter input').first().fill(FILE_003);
      const codes = ['release.missing-source', 'release.photo-caption', 'release.boilerplate'];
      await workbench.rowsOf('.markers-panel', (texts) => codes.every((code) => texts.some((row) => row.includes(code))), 60000);
    }));

  test('the Related Releases view follows the cursor to the Jeju Forum speech and lists its summary', () =>
    session.workbench.capture('05-related-releases', async () => {
      const { workbench } = session;
      await workbench.page.keyboard.press('Escape');
      await workbench.openFile(FILE_001, 'Jeju Forum');
      await workbench.runCommand('Focus on Related Releases View');
      await workbench.goTo(positionInSeed(FILE_001, 'Speech by NATO Secretary General Stoltenberg at the Jeju Forum').line, 1);
      // The view follows the cursor: wait for the speech's related releases, not the summary's (opened first).
      const rows = await workbench.rowsOf(
        '.sidebar',
        (texts) => texts.some((row) => row.includes('Secretary General welcomes NATO’s deepening partnerships')),
        60000,
      );
      assert.ok(
        rows.some((row) => row.includes('same event: Jeju Forum')),
        rows.join('\n'),
      );
    }));

  test('"Press Corpus: Tag Selection…" writes the tag file of seeds/003', () =>
    session.workbench.capture('04-tagged', async () => {
      assert.ok(!(await tagFileOf003Holds(session.workspace.root, 'e2e-tag', 0)), 'the tag is there before the test');
      await tagLineOf003(session.workbench, 'Part of that effort, Stoltenberg said', 'e2e-tag');
      assert.ok(await tagFileOf003Holds(session.workspace.root, 'e2e-tag', 30000), 'annotations/003_d0123674c22c2241.yaml was not written with the tag');
    }));
});
