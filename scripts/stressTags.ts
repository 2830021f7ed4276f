// Stress of the tag store as a newsroom meets it: several editor windows (server processes) tagging the same
// corpus file while a person saves its tag file by hand the way editors do, in place (truncate + write) and by
// write-temp + rename. At the end every acknowledged tag and every hand edit must be in the file.
//
//   npx tsc -p . && node scripts/build.mjs && node out/scripts/stressTags.js [seconds=60] [servers=4]
//
// Prints the counts; test/protocol/tagsConcurrency.test.ts runs a short version and asserts nothing is lost.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTagFile } from '../server/src/annotations/tagFile';
import { createTestWorkspace, LspTestClient } from '../test/support/lspClient';

const SEED = 'seeds/000_248d20a5422f2a6b.txt';
const TAG_FILE = 'annotations/000_248d20a5422f2a6b.yaml';
/** Requests each window keeps in flight: a fast analyst or a script. */
const IN_FLIGHT = 4;
/** How often the person saves the tag file by hand (a frantic person: real ones save every few seconds). */
const HAND_EDIT_EVERY_MS = 150;
/** The file is counted once it has not changed for this long after the last tag and the last hand save. */
const SETTLED_AFTER_MS = 1_000;

export interface TagStressResult {
  readonly seconds: number;
  readonly servers: number;
  readonly acknowledged: number;
  readonly acknowledgedPresent: number;
  /** Tag requests answered with an error (nothing written, the analyst is told): not acknowledged, not lost. */
  readonly refused: number;
  readonly refusalReasons: readonly string[];
  readonly handEdits: number;
  readonly handEditsPresent: number;
  /** Hand saves skipped because the file changed since the person's editor read it (as editors do). */
  readonly saveConflicts: number;
  /** Acknowledged tags missing from a hand save as it was written (the save read the file before the tag was
   *  written): each is a tag the servers have to put back. Counted only for tags acknowledged before the save. */
  readonly tagsDroppedByHandSaves: number;
  readonly recordsInFile: number;
  readonly fileParses: boolean;
}

export async function runTagStress(seconds: number, servers: number, handEditEveryMs = HAND_EDIT_EVERY_MS): Promise<TagStressResult> {
  const workspace = createTestWorkspace();
  const windows = await Promise.all(Array.from({ length: servers }, () => LspTestClient.start(workspace.root)));
  try {
    await Promise.all(windows.map((w) => w.waitForLog(/Indexed \d+ corpus files/)));
    const uri = workspace.uriOf(SEED);
    const tagPath = join(workspace.root, TAG_FILE);
    const lines = readFileSync(join(workspace.root, SEED), 'utf8').split('\n');
    const textLines = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.trim().length > 10);
    const until = Date.now() + seconds * 1000;
    const acknowledged: string[] = [];
    let refused = 0;
    const refusalReasons = new Set<string>();
    let counter = 0;

    const tagLoop = async (window: LspTestClient, w: number) => {
      while (Date.now() < until) {
        const n = counter++;
        const { line, index } = textLines[n % textLines.length];
        const range = { start: { line: index, character: 0 }, end: { line: index, character: Math.min(line.length, 8 + (n % 20)) } };
        try {
          const answer = await window.request<{ id: string }>('workspace/executeCommand', {
            command: 'pressCorpus.tagPassage',
            arguments: [{ uri, range, tags: [`window-${w}`, `n${n}`] }],
          });
          acknowledged.push(answer.id);
        } catch (error) {
          refused++;
          refusalReasons.add((error as Error).message.replace(/\d+/g, 'N').slice(0, 160));
        }
      }
    };

    let handEdits = 0;
    let saveConflicts = 0;
    const handSaves: { text: string; acknowledgedBefore: number }[] = [];
    const handEditLoop = async () => {
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, handEditEveryMs * (0.5 + Math.random())));
        const text = readIfExists(tagPath);
        if (!text?.includes('\ntags:')) continue; // no tag file yet
        // The person's edit: a comment line under `corpusFile:`, saved at once as an editor does.
        const edited = text.replace('\ntags:', `\n# hand edit ${handEdits}\ntags:`);
        const temporary = `${tagPath}.editor-save`;
        if (handEdits % 2 === 1) writeFileSync(temporary, edited);
        // Editors refuse to save over a file that changed on disk since they loaded it (VS Code: "the content of
        // the file is newer"); the person then merges and saves again. Without that check the person's own
        // save would overwrite the servers' tags, which no server can prevent.
        if (readIfExists(tagPath) !== text) {
          saveConflicts++;
          continue;
        }
        if (handEdits % 2 === 0)
          writeFileSync(tagPath, edited); // in place: truncate, then write
        else renameSync(temporary, tagPath);
        handEdits++;
        handSaves.push({ text: edited, acknowledgedBefore: acknowledged.length }); // judged after the run, not to slow the person down
      }
    };

    await Promise.all([...windows.flatMap((window, w) => Array.from({ length: IN_FLIGHT }, () => tagLoop(window, w))), handEditLoop()]);
    const text = await waitUntilUnchanged(tagPath);
    const file = parseTagFile(text);
    const ids = new Set(file.records.map((record) => record.id));
    const tagsDroppedByHandSaves = handSaves
      .map(({ text, acknowledgedBefore }) => {
        const saved = new Set(parseTagFile(text).records.map((record) => record.id));
        return acknowledged.slice(0, acknowledgedBefore).filter((id) => !saved.has(id)).length;
      })
      .reduce((sum, dropped) => sum + dropped, 0);
    let handEditsPresent = 0;
    for (let i = 0; i < handEdits; i++) if (text.includes(`# hand edit ${i}\n`)) handEditsPresent++;
    return {
      seconds,
      servers,
      acknowledged: acknowledged.length,
      acknowledgedPresent: acknowledged.filter((id) => ids.has(id)).length,
      refused,
      refusalReasons: [...refusalReasons],
      handEdits,
      handEditsPresent,
      saveConflicts,
      tagsDroppedByHandSaves,
      recordsInFile: file.records.length,
      fileParses: file.writable && file.problems.length === 0,
    };
  } finally {
    await Promise.all(windows.map((w) => w.stop().catch(() => undefined)));
    workspace.dispose();
  }
}

/** The file once the servers are done with it: a window puts back a tag that a hand save dropped (it read the
 *  file just before the tag was written) as soon as it sees that save, which may be just after the last one. */
async function waitUntilUnchanged(path: string): Promise<string> {
  let text = readIfExists(path);
  for (let stableSince = Date.now(); Date.now() - stableSince < SETTLED_AFTER_MS;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = readIfExists(path);
    if (now !== text) [text, stableSince] = [now, Date.now()];
  }
  return text ?? '';
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? 60);
  const servers = Number(process.argv[3] ?? 4);
  void runTagStress(seconds, servers).then((result) => {
    console.log(JSON.stringify(result, null, 2));
    process.exitCode = result.acknowledgedPresent === result.acknowledged && result.handEditsPresent === result.handEdits ? 0 : 1;
  });
}
