// Press Corpus user stories told in workbench steps, shared by the trusted and the Restricted Mode tests.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { poll } from '../../support/eventually';
import { positionInSeed } from './realEditor';
import { Workbench } from './workbench';

export const FILE_000 = '000_248d20a5422f2a6b.txt';
export const FILE_001 = '001_c663de886b0de6a8.txt';
export const FILE_003 = '003_d0123674c22c2241.txt';
export const FIRST_TITLES_000 = [
  'Speech by NATO Secretary General Jens Stoltenberg at the Verkhovna Rada in Ukraine',
  'Chair of the NATO Military Committee visits Belgium',
];

/** Opens seeds/000 with the Outline in the side bar and returns the Outline rows once the first releases show. */
export async function showOutlineOf000(workbench: Workbench): Promise<string[]> {
  await workbench.openFile(FILE_000, 'Speech by NATO Secretary General');
  await workbench.runCommand('Focus on Outline View');
  // Collapse the file tree, as a reader of a long file would, so the Outline gets the side bar's height.
  await workbench.page.locator('.sidebar .pane-header:has-text("press-corpus-")').first().click();
  return workbench.rowsOf('.outline-pane', (texts) => FIRST_TITLES_000.every((title) => texts.some((row) => row.includes(title))), 60000);
}

/** Selects the line of seeds/003 holding `needle` and runs Tag Selection…: tag, Enter, empty note, Enter. */
export async function tagLineOf003(workbench: Workbench, needle: string, tag: string): Promise<void> {
  await workbench.openFile(FILE_003, 'Stoltenberg');
  await workbench.goTo(positionInSeed(FILE_003, needle).line, 1);
  await workbench.page.keyboard.press('Shift+End');
  await workbench.runCommand('Press Corpus: Tag Selection');
  await answerTagPrompt(workbench, tag);
}

/** Puts the cursor inside the sentence of seeds/003 that starts with `needle` and runs Tag Sentence…. */
export async function tagSentenceOf003(workbench: Workbench, needle: string, tag: string): Promise<void> {
  await workbench.openFile(FILE_003, 'Stoltenberg');
  const { line, column } = positionInSeed(FILE_003, needle, 5);
  await workbench.goTo(line, column);
  await workbench.runCommand('Press Corpus: Tag Sentence');
  await answerTagPrompt(workbench, tag);
}

/** Whether annotations/003_….yaml in the workspace holds `tag`, waiting up to `timeoutMs` for it. */
export async function tagFileOf003Holds(workspaceRoot: string, tag: string, timeoutMs: number): Promise<boolean> {
  const path = join(workspaceRoot, 'annotations', '003_d0123674c22c2241.yaml');
  const holds = () => existsSync(path) && readFileSync(path, 'utf8').includes(tag);
  return (await poll(holds, Boolean, timeoutMs)).accepted;
}

/** Answers the tag prompt of Tag Selection… or Tag Sentence…: the tag, Enter, an empty note, Enter. */
async function answerTagPrompt(workbench: Workbench, tag: string): Promise<void> {
  await workbench.page.locator('.quick-input-widget input.input').waitFor({ state: 'visible', timeout: 30000 });
  await workbench.page.keyboard.type(tag);
  await workbench.page.waitForTimeout(300);
  await workbench.page.keyboard.press('Enter');
  await workbench.page.waitForTimeout(500);
  await workbench.page.keyboard.press('Enter');
}

/** Opens seeds/003, puts the cursor on "Jens Stoltenberg" and shows the hover (Ctrl+K Ctrl+I); returns it once shown. */
export async function hoverStoltenbergIn003(workbench: Workbench, timeout: number): Promise<Locator> {
  await workbench.openFile(FILE_003, 'Stoltenberg');
  const { line, column } = positionInSeed(FILE_003, 'Jens Stoltenberg said', 'Jens Sto'.length);
  await workbench.goTo(line, column);
  await workbench.page.keyboard.press('Control+K');
  await workbench.page.keyboard.press('Control+I');
  const hover = workbench.page.locator('.monaco-hover:has-text("Jens Stoltenberg")').first();
  await hover.waitFor({ timeout });
  return hover;
}
