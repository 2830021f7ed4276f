// Speaker labels of transcripts: "Andrew Gray (Reuters): …", "NATO Spokesperson Farah Dakhlallah: …",
// "NATO Secretary General: …", "THE PRESIDENT: …", "Q: …". A label is a short run of capitalised words (or
// an outlet in parentheses) before a colon that starts a paragraph.

import { Speaker } from './model';

/** Words that make up titles and roles rather than personal names. */
const ROLE_WORDS = new Set(
  ('secretary general deputy assistant spokesperson spokesman spokeswoman press president vice prime minister ' +
    'chair chairman chairwoman chancellor admiral general colonel lieutenant major captain commander ambassador ' +
    'director head chief senator governor mayor king queen prince princess sheikh emir his her excellency majesty ' +
    'highness commissioner representative high foreign defence defense affairs state moderator host interviewer ' +
    'question answer participant official spokesperson’s council committee military allied supreme the of for and mr ' +
    'mrs ms dr prof professor sir dame lord lady rt hon honourable honorable')
    .split(/\s+/),
);

const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'da', 'al', 'bin', 'el', 'ul']);
const CAPITALISED = /^(\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;
const WITH_OUTLET = /^(.+?)\s*\(([^()]{2,80})\)$/;

export interface LabelMatch {
  readonly speaker: Speaker;
  /** Length of the label (before the colon) from the paragraph start. */
  readonly labelLength: number;
  /** True for "Name (Outlet)" labels: these are transcript turns even when alone. */
  readonly hasOutlet: boolean;
}

/** The speaker label starting a paragraph, or undefined when the paragraph does not start with one. */
export function parseSpeakerLabel(paragraph: string): LabelMatch | undefined {
  const colon = paragraph.indexOf(':');
  if (colon <= 0 || colon > 90) return undefined;
  const label = paragraph.slice(0, colon).trim();
  const rest = paragraph.slice(colon + 1);
  if (!/^\s+\S/.test(rest)) return undefined;
  const outlet = WITH_OUTLET.exec(label);
  const namePart = outlet ? outlet[1] : label;
  const words = namePart.split(/\s+/);
  if (words.length > 9 || !CAPITALISED.test(words[0])) return undefined;
  if (!words.every((word) => CAPITALISED.test(word) || CONNECTORS.has(word))) return undefined;
  const speaker = outlet ? { label, name: namePart, outlet: outlet[2].trim() } : { label, ...splitRoleAndName(words) };
  return { speaker, labelLength: label.length, hasOutlet: Boolean(outlet) };
}

/** "NATO Spokesperson Farah Dakhlallah" → role "NATO Spokesperson", name "Farah Dakhlallah". */
function splitRoleAndName(words: string[]): { role?: string; name?: string } {
  let lastRoleWord = -1;
  words.forEach((word, i) => {
    if (ROLE_WORDS.has(word.toLowerCase()) || isAcronym(word)) lastRoleWord = i;
  });
  const role = words.slice(0, lastRoleWord + 1).join(' ');
  const name = words.slice(lastRoleWord + 1).join(' ');
  return { ...(role ? { role } : {}), ...(name ? { name } : {}) };
}

function isAcronym(word: string): boolean {
  return /^(\p{Lu}\.?){2,}$/u.test(word);
}
