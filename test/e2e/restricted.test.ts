// Restricted Mode, on purpose: VS Code's workspace trust on and the folder not trusted. The extension declares
// limited support for untrusted workspaces: reading features work, writing tag files is refused with the reason.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openRealEditor, openForSuite, SETUP_TIMEOUT_MS } from './support/realEditor';
import { showOutlineOf000, tagFileOf003Holds, tagLineOf003 } from './support/stories';

describe('real editor: Restricted Mode (untrusted workspace)', { timeout: SETUP_TIMEOUT_MS + 5 * 60000 }, () => {
  // No start-up question: an untrusted folder then opens in Restricted Mode, as after answering "No".
  const session = openForSuite(() => openRealEditor({ 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }, true));

  test('the workbench is in Restricted Mode and the Outline still lists the releases', () =>
    session.workbench.capture('05-restricted-outline', async () => {
      await session.workbench.page.locator('.statusbar-item:has-text("Restricted Mode")').first().waitFor({ timeout: 30000 });
      await showOutlineOf000(session.workbench);
    }));

  test('Tag Selection… is refused with the reason and writes nothing', () =>
    session.workbench.capture('06-restricted-tag', async () => {
      await tagLineOf003(session.workbench, 'Part of that effort, Stoltenberg said', 'restricted-tag');
      await session.workbench.page.locator('.notification-toast:has-text("not trusted")').first().waitFor({ timeout: 30000 });
      assert.ok(!(await tagFileOf003Holds(session.workspace.root, 'restricted-tag', 2000)), 'a tag file was written in an untrusted workspace');
    }));
});
