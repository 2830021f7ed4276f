// Restricted Mode, on purpose: VS Code's workspace trust on and the folder not trusted. The extension declares
// limited support for untrusted workspaces: reading features work, writing tag files is refused with the reason.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openRealEditor, RealEditorSession, SETUP_TIMEOUT_MS } from './support/realEditor';
import { showOutlineOf000, tagFileOf003Holds, tagLineOf003 } from './support/stories';

describe('real editor: Restricted Mode (untrusted workspace)', { timeout: SETUP_TIMEOUT_MS + 5 * 60000 }, () => {
  let session: RealEditorSession;

  before(
    async () => {
      // No start-up question: an untrusted folder then opens in Restricted Mode, as after answering "No".
      session = await openRealEditor({ 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }, true);
    },
    { timeout: SETUP_TIMEOUT_MS },
  );

  after(() => session?.close());

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
