// The extension host's own activation figures for an extension, read from the workbench as a user would see
// them: "Developer: Startup Performance" (its "Extension Activation Stats" table: Load Code, Call Activate and
// Finish Activate, the host's codeLoadingTime, activateCallTime and activateResolvedTime) and "Developer: Show
// Running Extensions" (load + call, the figure VS Code flags slow extensions by). Used by the activation
// end-to-end test and by `npm run measure:activation`.

import { poll } from '../../support/eventually';
import { Workbench } from './workbench';

export const PRESS_CORPUS_EXTENSION_ID = 'press-corpus.press-corpus';

/** One row of "Extension Activation Stats", in milliseconds as the host measured them. */
export interface ActivationTimes {
  /** Reading and evaluating dist/extension.js (`require`), before `activate` runs. */
  readonly codeLoadingMs: number;
  /** The synchronous part of `activate`, until it returns its promise. */
  readonly activateCallMs: number;
  /** From `activate` returning until its promise resolves (here: the language server started). */
  readonly activateResolvedMs: number;
  /**
   * The `require` of dist/extension.js alone, from the host's performance marks (willLoadExtensionCode to
   * didLoadExtensionCode); code loading also counts the host's own awaits, during which other extensions run.
   * Undefined when the host has not sent its marks.
   */
  readonly requireMs?: number;
  /** Activated while the window started (not later, by a command or an opened file). */
  readonly startup: boolean;
  readonly activationEvent: string;
}

/**
 * The row of `extensionId` in the markdown of "Developer: Startup Performance", or undefined when the table
 * does not list it (not activated yet). Columns: Extension | Eager | Load Code | Call Activate | Finish
 * Activate | Event | By.
 */
export function parseActivationStats(markdown: string, extensionId: string): ActivationTimes | undefined {
  for (const line of getActivationStatsSection(markdown).split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells[1] !== extensionId) continue;
    const [codeLoadingMs, activateCallMs, activateResolvedMs] = cells.slice(3, 6).map(Number);
    const requireMs = getMarkMs(markdown, `didLoadExtensionCode/${extensionId}`) - getMarkMs(markdown, `willLoadExtensionCode/${extensionId}`);
    return {
      codeLoadingMs,
      activateCallMs,
      activateResolvedMs,
      ...(Number.isNaN(requireMs) ? {} : { requireMs }),
      startup: cells[2] === 'true',
      activationEvent: cells[6],
    };
  }
  return undefined;
}

/** The timestamp of the extension host's mark `code/extHost/NAME` (its raw marks: name, tab, timestamp), or NaN. */
function getMarkMs(markdown: string, name: string): number {
  const line = markdown.split('\n').find((text) => text.startsWith(`code/extHost/${name}\t`));
  return line ? Number(line.split('\t')[1]) : NaN;
}

/** Waits until the status bar shows the extension's item ("Press Corpus: …"): activation got that far. */
export async function waitForPressCorpusStatus(workbench: Workbench, timeoutMs: number): Promise<string> {
  const item = workbench.page.locator('.statusbar-item:has-text("Press Corpus")').first();
  await item.waitFor({ timeout: timeoutMs });
  return item.innerText();
}

/**
 * Opens "Developer: Startup Performance" and reads the extension's activation times from it. The document is
 * long and drawn lazily, so it is read whole through the clipboard (select all, copy), again until the row is
 * there: the table lists an extension only once its activation has resolved.
 */
export async function readActivationTimes(workbench: Workbench, extensionId: string, timeoutMs: number): Promise<ActivationTimes> {
  const { page } = workbench;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await workbench.runCommand('Developer: Startup Performance');
  const editor = page.locator('.editor-instance .view-lines:has-text("System Info")').first();
  await editor.waitFor({ timeout: timeoutMs });
  const copyDocument = async (): Promise<string> => {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.waitForTimeout(200);
    // Evaluated in the page, on the browser's clipboard; a string because the tests compile without DOM types.
    return page.evaluate<string>('navigator.clipboard.readText()');
  };
  const { value: markdown } = await poll(copyDocument, (text) => parseActivationStats(text, extensionId) !== undefined, timeoutMs, 1000);
  const times = parseActivationStats(markdown, extensionId);
  if (times) return times;
  throw new Error(`Startup Performance never listed ${extensionId}; its activation stats were:\n${getActivationStatsSection(markdown)}`);
}

function getActivationStatsSection(markdown: string): string {
  return markdown.split(/^## /m).find((part) => part.startsWith('Extension Activation Stats')) ?? '';
}

/** The text "Developer: Show Running Extensions" shows for the extension, e.g. "Startup Activation: 212ms". */
export async function readRunningExtensionActivation(workbench: Workbench, displayName: string, timeoutMs: number): Promise<string> {
  await workbench.runCommand('Developer: Show Running Extensions');
  const row = workbench.page.locator(`.runtime-extensions-editor .monaco-list-row:has(.name:text-is("${displayName}"))`).first();
  const activation = row.locator('.activation-time');
  const shown = await poll(
    async () => (await activation.innerText().catch(() => '')).trim(),
    (text) => /Activation: \d+ms/.test(text),
    timeoutMs,
  );
  if (shown.accepted) return shown.value;
  throw new Error(`Show Running Extensions never showed an activation time for ${displayName}`);
}
