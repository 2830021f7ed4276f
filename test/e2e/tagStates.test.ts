// Tag maintenance in a real VS Code build: a tag file of seeds/000 whose records are exact, moved, fuzzy and
// orphaned against today's text, as after a corpus update. The Tags view nests `review/orphans` under `review`
// and shows an icon per state; the orphan is re-attached to a selection through the editor's code action and
// its record then anchors exactly there. Screenshots: test-results/e2e/07-tag-states.png, 08-tag-reattached.png.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createAnchor, TextAnchor } from '../../server/src/annotations/anchoring';
import { parseTagFile } from '../../server/src/annotations/tagFile';
import { printNewTagFile } from '../../server/src/annotations/tagFileEdits';
import { poll } from '../support/eventually';
import { openRealEditor, openForSuite, positionInSeed, SETUP_TIMEOUT_MS } from './support/realEditor';
import { FILE_000, FIRST_TITLES_000 } from './support/stories';

const TAG_FILE = join('annotations', '000_248d20a5422f2a6b.yaml');
const TAGS_VIEW = '.pane:has(.pane-header:has-text("Tags"))';
const REATTACH_TO = 'He wrote:';

/** Records as an older version of the text left them: one per anchor state. */
function writeTagFileOfYesterday(root: string): void {
  const text = readFileSync(join(root, 'seeds', FILE_000), 'utf8');
  const anchorOf = (quote: string): TextAnchor => {
    const start = text.indexOf(quote);
    return createAnchor(text, { start, end: start + quote.length });
  };
  const shifted = (anchor: TextAnchor, by: number): TextAnchor => ({ ...anchor, start: anchor.start + by, end: anchor.end + by });
  const fuzzy = anchorOf('Today marks the third time I have had this privilege.');
  const orphan = anchorOf('Freedom knows no dying.');
  const record = (id: string, tags: string[], anchor: TextAnchor) => ({
    id,
    tags,
    note: '',
    release: FIRST_TITLES_000[0],
    author: 'M. Kovalenko',
    created: '2026-11-30',
    anchor,
  });
  writeFileSync(
    join(root, TAG_FILE),
    printNewTagFile(`seeds/${FILE_000}`, [
      record('exact222', ['review'], anchorOf('It is an honour to address this House once again.')),
      record('moved222', ['review'], shifted(anchorOf('Seven years ago, I became the first Secretary General to address the Ukrainian parliament.'), -60)),
      record('fuzzy222', ['review'], { ...fuzzy, exact: 'Today marks the 3rd time I have had this great privilege.' }),
      record('orphan22', ['review/orphans'], { ...orphan, exact: 'A line of the poem the editors later removed from the speech.' }),
    ]),
  );
}

describe('real editor: tag states and re-attaching an orphan', { timeout: SETUP_TIMEOUT_MS + 5 * 60000 }, () => {
  const session = openForSuite(async () => {
    const opened = await openRealEditor();
    writeTagFileOfYesterday(opened.workspace.root);
    return opened;
  });

  test('the Tags view nests review/orphans under review and shows an icon per anchor state', () =>
    session.workbench.capture('07-tag-states', async () => {
      const { workbench } = session;
      await workbench.openFile(FILE_000, 'Speech by NATO Secretary General');
      await workbench.runCommand('Focus on Tags View');
      const review = workbench.page.locator(`${TAGS_VIEW} .monaco-list-row:has-text("#review")`).first();
      await review.waitFor({ timeout: 60000 });
      await review.click();
      await workbench.page.locator(`${TAGS_VIEW} .monaco-list-row:has-text("#orphans")`).first().click();
      const rows = await workbench.rowsOf(
        TAGS_VIEW,
        (texts) => texts.some((row) => row.includes('orphaned')) && texts.some((row) => row.includes('fuzzy')),
        60000,
      );
      assert.ok(
        rows.some((row) => row.includes('moved')),
        rows.join('\n'),
      );
      await workbench.page.mouse.move(900, 700); // no tooltip over the rows in the screenshot
      for (const icon of ['pass', 'arrow-swap', 'question', 'warning']) {
        assert.ok((await workbench.page.locator(`${TAGS_VIEW} .monaco-list-row .codicon-${icon}`).count()) > 0, `no ${icon} icon in the Tags view`);
      }
    }));

  test('the orphan is re-attached to a selection through the code action', () =>
    session.workbench.capture('08-tag-reattached', async () => {
      const { workbench } = session;
      const { line } = positionInSeed(FILE_000, REATTACH_TO);
      await workbench.goTo(line, 1);
      await workbench.page.keyboard.press('Shift+End');
      // The light bulb says the server has answered for this selection; Quick Fix then lists its actions.
      await workbench.page.locator('.codicon-light-bulb, .codicon-lightbulb-autofix, .lightBulbWidget').first().waitFor({ timeout: 30000 });
      await workbench.page.keyboard.press('Control+.');
      await workbench.page.getByText('Re-attach orphaned #review/orphans').first().waitFor({ timeout: 30000 });
      await workbench.page.keyboard.press('Enter'); // the only quick fix here, focused
      const path = join(session.workspace.root, TAG_FILE);
      const reattached = () => parseTagFile(readFileSync(path, 'utf8')).records.find((r) => r.id === 'orphan22')?.anchor.exact === REATTACH_TO;
      assert.ok((await poll(reattached, Boolean, 30000)).accepted, "the orphan's record was not re-anchored to the selection");
      await workbench.rowsOf(TAGS_VIEW, (texts) => !texts.some((row) => row.includes('orphaned')) && texts.some((row) => row.includes(REATTACH_TO)), 30000);
    }));
});
