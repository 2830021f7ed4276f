// What a user does in the VS Code workbench, as Playwright steps: Quick Open, the command palette, Go to
// Line, Show Hover, reading views. Selectors are the workbench's own CSS classes (VS Code 1.100).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { poll } from '../../support/eventually';
import { REPO_ROOT } from '../../support/lspClient';

const STEP_TIMEOUT_MS = 30000;
const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'e2e');

function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

export class Workbench {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url, { timeout: STEP_TIMEOUT_MS });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90000 });
    // Focus the workbench itself: a click into a webview (Welcome page) would swallow the keys.
    await this.page.locator('.sidebar .title-label').first().click();
  }

  /** Types into Quick Open (Ctrl+P) or the palette (Ctrl+Shift+P) and accepts the row whose label contains `label`. */
  async pick(key: string, text: string, label = text): Promise<void> {
    await this.page.keyboard.press(key);
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await input.fill(key === 'Control+Shift+P' ? `>${text}` : text);
    // Rows of the quick input count as hidden for Playwright: wait until attached.
    await this.quickInputRow(label).waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
    await this.page.waitForTimeout(300);
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the focused element has stayed the same for `quietMs` (views that take the focus once drawn are done). */
  async waitForFocusToSettle(quietMs = 2000): Promise<void> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    // An expression, not a function: this project compiles without the DOM's types.
    const focused = () => this.page.evaluate<string>("document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : ''");
    let last = await focused();
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error(`the focus kept moving for ${STEP_TIMEOUT_MS} ms; last on ${last}`);
      await this.page.waitForTimeout(200);
      const now = await focused();
      if (now !== last) [last, since] = [now, Date.now()];
    }
  }

  quickInputRow(label: string): Locator {
    return this.page.locator(`.quick-input-list .monaco-list-row[aria-label*="${label}"]`).first();
  }

  async runCommand(title: string): Promise<void> {
    await this.pick('Control+Shift+P', title);
  }

  /** Opens a workspace file by name and waits until the editor shows `expectedText`. */
  async openFile(name: string, expectedText: string): Promise<void> {
    await this.pick('Control+P', name);
    await this.page.locator(`.editor-instance .view-lines:has-text(${JSON.stringify(expectedText)})`).waitFor({ timeout: STEP_TIMEOUT_MS });
  }

  /** Moves the cursor to a 1-based line and column with Go to Line. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input.input').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
  }

  /** Rows of a list view, e.g. '.outline-pane' or '.markers-panel', once `until` holds for them. */
  async rowsOf(view: string, until: (rows: string[]) => boolean, timeoutMs = STEP_TIMEOUT_MS): Promise<string[]> {
    const rows = this.page.locator(`${view} .monaco-list-row`);
    const { value: texts, accepted } = await poll(() => rows.allInnerTexts(), until, timeoutMs);
    if (accepted) return texts;
    throw new Error(`${view} never showed the expected rows; it showed:\n${texts.join('\n')}`);
  }

  /** Runs a user story and saves what the screen shows at its end as test-results/e2e/NAME(-failed).png. */
  async capture(name: string, story: () => Promise<void>): Promise<void> {
    try {
      await story();
    } catch (error) {
      await this.page.screenshot({ path: screenshotPath(`${name}-failed`) }).catch(() => undefined);
      throw error;
    }
    await this.page.waitForTimeout(600); // let hovers and views finish fading in
    await this.page.screenshot({ path: screenshotPath(name) });
  }
}
